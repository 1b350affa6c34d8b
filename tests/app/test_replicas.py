"""Two app replicas (real processes, real model) on loopback, sharing one Chroma server and one index
folder: started together on an empty index, they build it once and answer the same question the
same way."""

from __future__ import annotations

import time

import httpx
import pytest

from evals.loadtest import start_app, stop_app, wait_healthy
from index.chroma_server import ChromaServer, free_port

pytestmark = pytest.mark.slow

QUESTIONS = (
    "What are the symptoms of clonazepam withdrawal?",
    "how long does inpatient rehab last",
    "Which company makes Klonopin?",  # the page does not say: both replicas must abstain alike
)


def test_two_replicas_on_one_server_answer_alike(tmp_path) -> None:
    with ChromaServer(tmp_path / "chroma") as chroma:
        env = {
            "ASSISTANT_CHROMA_URL": chroma.url,
            "ASSISTANT_INDEX_DIR": str(tmp_path / "shared-index"),
            "ASSISTANT_FEEDBACK_DB": "",
            "ASSISTANT_STAFF_USERS": "",
        }
        ports = [free_port(), free_port()]
        logs = [tmp_path / f"replica-{i}.log" for i in range(2)]
        replicas = [start_app(p, log, env) for p, log in zip(ports, logs, strict=True)]
        try:
            urls = [f"http://127.0.0.1:{p}" for p in ports]
            for url, process, log in zip(urls, replicas, logs, strict=True):
                assert wait_healthy(url, process, time.monotonic() + 240), log.read_text()[-3000:]
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
                stop_app(process)
