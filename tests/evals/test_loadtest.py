"""The load test script: its statistics, its loopback guard, and one small bounded run on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI, Response

from evals import loadtest


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    port = loadtest.free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert loadtest.percentile(values, 50) == 50.0
    assert loadtest.percentile(values, 95) == 95.0
    assert loadtest.percentile(values, 100) == 100.0
    assert loadtest.percentile([3.0], 95) == 3.0


@pytest.mark.parametrize("url", ["http://example.com:7860", "http://10.0.0.5:7860", "http://0.0.0.0:7860"])
def test_only_loopback_urls_are_accepted(url: str) -> None:
    with pytest.raises(SystemExit, match="only loopback"):
        loadtest.check_loopback(url)


def test_loopback_urls_pass() -> None:
    assert loadtest.check_loopback("http://127.0.0.1:7860/") == "http://127.0.0.1:7860"
    assert loadtest.check_loopback("http://localhost:1") == "http://localhost:1"


def test_summary_counts_errors_and_route_mismatches() -> None:
    results = [
        loadtest.Result(0.1, 200, "none", "none"),
        loadtest.Result(0.3, 200, "none", "emergency"),
        loadtest.Result(0.2, 500, expected="none", error="HTTP 500"),
    ]
    summary = loadtest.summarize(results, wall=2.0, cold_start=5.123)
    assert summary.requests == 3
    assert summary.errors == 1
    assert summary.route_mismatches == 1
    assert summary.p50_ms == 200.0  # median of the successful 0.1 and 0.3
    assert summary.p95_ms == 300.0
    assert summary.requests_per_s == 1.0
    assert summary.cold_start_s == 5.12
    assert summary.error_samples == ["HTTP 500"]


def fake_api(delay: float, fail_every: int = 0) -> FastAPI:
    api = FastAPI()
    seen: list[str] = []
    lock = threading.Lock()

    @api.post("/api/ask")
    def ask(body: dict[str, Any]) -> Any:
        with lock:
            seen.append(body["message"])
            n = len(seen)
        time.sleep(delay)
        if fail_every and n % fail_every == 0:
            return Response(status_code=500)
        route = dict(loadtest.MESSAGES).get(body["message"], "none")
        return {"route": route, "text": "ok", "sources": [], "abstained": False, "latency_ms": 1.0}

    @api.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    api.state.seen = seen
    return api


@pytest.mark.slow
def test_a_bounded_run_sends_exactly_clients_times_requests() -> None:
    api = fake_api(delay=0.01)
    with serve(api) as url:
        results, wall = loadtest.run_clients(
            url, clients=5, per_client=4, timeout=5, deadline=time.monotonic() + 30
        )
    summary = loadtest.summarize(results, wall, None)
    assert summary.requests == 20 == len(api.state.seen)
    assert summary.errors == 0
    assert summary.route_mismatches == 0
    assert set(summary.routes) == {"none", "emergency", "medical_supervision", "crisis"}
    assert 10 <= summary.p50_ms < 1000


@pytest.mark.slow
def test_errors_are_counted_and_the_deadline_stops_sending() -> None:
    api = fake_api(delay=0.05, fail_every=3)
    with serve(api) as url:
        results, wall = loadtest.run_clients(
            url, clients=2, per_client=50, timeout=5, deadline=time.monotonic() + 0.5
        )
    summary = loadtest.summarize(results, wall, None)
    assert summary.requests == 100
    assert len(api.state.seen) < 40  # the deadline cut the run short
    assert summary.errors >= 100 - len(api.state.seen)
    assert "HTTP 500" in summary.error_samples
    assert wall < 5
