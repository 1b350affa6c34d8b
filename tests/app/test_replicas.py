"""Two app replicas (real processes, real model) on loopback, sharing one Chroma server and one index
folder: started together on an empty index, they build it once and answer the same question the
same way."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.settings import PROJECT_ROOT
from index.chroma_server import ChromaServer, free_port

pytestmark = pytest.mark.slow

QUESTIONS = (
    "What are the symptoms of clonazepam withdrawal?",
    "how long does inpatient rehab last",
    "Who manufactures Klonopin?",  # the page does not say: both replicas must abstain alike
)


def start_replica(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, str(PROJECT_ROOT / "app.py"), "--host", "127.0.0.1", "--port", str(port)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"{url} not healthy in {timeout}s:\n{log.read_text()[-3000:]}")


def test_two_replicas_on_one_server_answer_alike(tmp_path) -> None:
    with ChromaServer(tmp_path / "chroma") as chroma:
        env = {
            **os.environ,
            "ASSISTANT_CHROMA_URL": chroma.url,
            "ASSISTANT_INDEX_DIR": str(tmp_path / "shared-index"),
            "ASSISTANT_FEEDBACK_DB": "",
            "ASSISTANT_STAFF_USERS": "",
        }
        ports = [free_port(), free_port()]
        logs = [tmp_path / f"replica-{i}.log" for i in range(2)]
        replicas = [start_replica(p, env, log) for p, log in zip(ports, logs, strict=True)]
        try:
            urls = [f"http://127.0.0.1:{p}" for p in ports]
            for url, process, log in zip(urls, replicas, logs, strict=True):
                wait_ready(url, process, log)
            health = [httpx.get(f"{u}/healthz", timeout=5).json() for u in urls]
            assert all(h["index"]["backend"] == "server" for h in health)
            assert health[0]["index"]["built_at"] == health[1]["index"]["built_at"]
            builds = list((tmp_path / "shared-index" / "builds").iterdir())
            assert len(builds) == 1, builds  # built once, by whichever replica took the lock first

            for question in QUESTIONS:
                replies = [
                    httpx.post(f"{u}/api/ask", json={"message": question}, timeout=30).json() for u in urls
                ]
                first, second = ({k: v for k, v in r.items() if k != "latency_ms"} for r in replies)
                assert first == second, question
                assert first["route"] == "none" and first["text"]
            assert replies[0]["abstained"] is True  # the last question is not covered by the page
        finally:
            for process in replicas:
                process.terminate()
            for process in replicas:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
