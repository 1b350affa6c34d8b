"""A Chroma server started from the installed chromadb package, for tests and benchmarks.

`chroma run --path DIR --host 127.0.0.1 --port N` in a child process; ready once its heartbeat
answers; stopped by its PID. Production runs its own server (see docs/DEPLOY.md).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def wait_until_ok(
    url: str,
    process: subprocess.Popen | None,
    deadline: float,
    *,
    interval: float = 0.05,
    request_timeout: float = 2.0,
) -> bool:
    """Poll `url` until it answers 200 (True), or `process` exits or the deadline passes (False)."""
    with httpx.Client(timeout=request_timeout) as client:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                return False
            try:
                if client.get(url).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(interval)
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_command() -> str:
    """The `chroma` script beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "chroma"
    found = str(beside) if beside.is_file() else shutil.which("chroma")
    if not found:
        raise FileNotFoundError("the `chroma` command of the chromadb package is not installed")
    return found


class ChromaServer:
    """A loopback Chroma server persisting to `path`; `start()`, `stop()`, and `url` while it runs."""

    def __init__(self, path: Path, port: int | None = None, log_path: Path | None = None) -> None:
        self.path = path
        self.port = port or free_port()
        self.log_path = log_path or path.with_name(path.name + ".log")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self, timeout: float = 60.0) -> ChromaServer:
        self.path.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    chroma_command(),
                    "run",
                    "--path",
                    str(self.path),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        heartbeat = f"{self.url}/api/v2/heartbeat"
        if wait_until_ok(
            heartbeat, self.process, time.monotonic() + timeout, interval=0.1, request_timeout=1.0
        ):
            return self
        if self.process.poll() is not None:
            raise RuntimeError(f"chroma server exited ({self.process.returncode}); see {self.log_path}")
        self.stop()
        raise TimeoutError(f"chroma server on port {self.port} did not answer within {timeout:.0f}s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    def __enter__(self) -> ChromaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
