"""Bounded load test of `POST /api/ask` on loopback: concurrent clients, mixed questions and safety messages.

    python -m evals.loadtest                         # starts `python app.py` itself, measures its cold start
    python -m evals.loadtest --url http://127.0.0.1:7860   # against a running app (no cold start figure)

Prints errors, p50, p95, max latency and requests/s, and (when it started the app) the cold start:
seconds from the command to the first 200 on /healthz, with the index already built. Targets:
zero errors, p95 <= 1 s on 2 cores, cold start <= 12 s. Exits 1 when there were errors or a target
was missed. Bounded: `clients x requests` requests at most, and nothing runs past `--deadline`.
Only loopback addresses are accepted, so it cannot be pointed at someone else's server.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from index.chroma_server import free_port, wait_until_ok

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
}
TARGET_P95_S = 1.0
TARGET_COLD_START_S = 12.0

# (message, expected route): questions, safety messages, and the odd edge case, cycled through.
MESSAGES: tuple[tuple[str, str], ...] = (
    ("How long does inpatient rehab last?", "none"),
    ("my friend took a whole bottle of klonopin and won't wake up", "emergency"),
    ("What are the withdrawal symptoms of clonazepam?", "none"),
    ("I want to stop taking klonopin cold turkey tomorrow", "medical_supervision"),
    ("What are the signs of a clonazepam overdose?", "none"),
    ("I don't want to live anymore", "crisis"),
    ("Is Klonopin addictive?", "none"),
    ("What is clonazepam prescribed for?", "none"),
    ("my son swallowed some of my clonazepam pills", "emergency"),
    ("What does detox involve?", "none"),
    ("<img src=x onerror=alert(1)>", "none"),
    ("Can you mix clonazepam with alcohol?", "none"),
)


@dataclass(frozen=True)
class Result:
    latency_s: float
    status: int  # 0 when the request failed before a response
    route: str = ""
    expected: str = ""
    error: str = ""


@dataclass(frozen=True)
class Summary:
    requests: int
    errors: int
    route_mismatches: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    requests_per_s: float
    wall_s: float
    cold_start_s: float | None
    error_samples: list[str] = field(default_factory=list)
    routes: dict[str, int] = field(default_factory=dict)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of non-empty `values`."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def check_loopback(url: str) -> str:
    host = urlsplit(url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(
            f"refusing to load-test {host or url!r}: only loopback addresses ({', '.join(sorted(LOOPBACK))})"
        )
    return url.rstrip("/")


def wait_healthy(url: str, process: subprocess.Popen[bytes] | None, deadline: float) -> bool:
    """Poll /healthz until it answers 200, the process dies, or the deadline passes."""
    return wait_until_ok(f"{url}/healthz", process, deadline)


def start_app(
    port: int, log_path: Path, env: dict[str, str] | None = None, prefix: Sequence[str] = ()
) -> subprocess.Popen[bytes]:
    """`app.py` on 127.0.0.1:`port`, offline, with `env` (e.g. ASSISTANT_* settings) on top, run
    under `prefix` (a command that ends by exec'ing its arguments, so the process is the app's)."""
    env = {**os.environ, **OFFLINE_ENV, **(env or {})}
    log = log_path.open("ab")
    return subprocess.Popen(
        [*prefix, sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop_app(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def index_present() -> bool:
    from index.shared.settings import Settings

    index_dir = Settings().index_dir
    return index_dir.is_dir() and any(index_dir.rglob("manifest.json"))


def run_clients(
    url: str, clients: int, per_client: int, timeout: float, deadline: float
) -> tuple[list[Result], float]:
    """`clients` threads, each sending `per_client` requests one after another; stops at `deadline`."""
    results: list[Result] = []
    lock = threading.Lock()
    start_gate = threading.Barrier(clients)

    def client_loop(client_id: int) -> None:
        with httpx.Client(timeout=timeout) as http:
            start_gate.wait()
            for i in range(per_client):
                if time.monotonic() > deadline:
                    result = Result(0.0, 0, error="not sent: deadline reached")
                else:
                    message, expected = MESSAGES[(client_id * per_client + i) % len(MESSAGES)]
                    result = ask_once(http, url, message, expected)
                with lock:
                    results.append(result)

    threads = [threading.Thread(target=client_loop, args=(n,), daemon=True) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + timeout)
    wall = time.perf_counter() - started
    with lock:
        missing = clients * per_client - len(results)
        done = list(results)
    done.extend(Result(0.0, 0, error="no answer before the deadline") for _ in range(missing))
    return done, wall


def ask_once(http: httpx.Client, url: str, message: str, expected: str) -> Result:
    started = time.perf_counter()
    try:
        response = http.post(f"{url}/api/ask", json={"message": message, "history": []})
        latency = time.perf_counter() - started
        if response.status_code != 200:
            return Result(
                latency, response.status_code, expected=expected, error=f"HTTP {response.status_code}"
            )
        body = response.json()
        route = str(body["route"])
        if not isinstance(body.get("text"), str) or not body["text"].strip():
            return Result(latency, 200, route, expected, error="empty text")
        return Result(latency, 200, route, expected)
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        return Result(
            time.perf_counter() - started, 0, expected=expected, error=f"{type(exc).__name__}: {exc}"
        )


def summarize(results: list[Result], wall: float, cold_start: float | None) -> Summary:
    ok = [r for r in results if not r.error]
    latencies = [r.latency_s for r in ok] or [0.0]
    errors = [r for r in results if r.error]
    return Summary(
        requests=len(results),
        errors=len(errors),
        route_mismatches=sum(1 for r in ok if r.route != r.expected),
        p50_ms=round(statistics.median(latencies) * 1000, 1),
        p95_ms=round(percentile(latencies, 95) * 1000, 1),
        max_ms=round(max(latencies) * 1000, 1),
        requests_per_s=round(len(ok) / wall, 1) if wall > 0 else 0.0,
        wall_s=round(wall, 2),
        cold_start_s=None if cold_start is None else round(cold_start, 2),
        error_samples=sorted({r.error for r in errors})[:5],
        routes=dict(Counter(r.route for r in ok)),
    )


def report(summary: Summary, clients: int, per_client: int) -> bool:
    """Print the figures and whether the targets were met; True when all were."""
    p95_ok = summary.p95_ms <= TARGET_P95_S * 1000
    cold_ok = summary.cold_start_s is None or summary.cold_start_s <= TARGET_COLD_START_S
    print(f"load test: {clients} clients x {per_client} requests to /api/ask ({os.cpu_count()} CPUs)")
    print(f"  requests     {summary.requests} in {summary.wall_s} s")
    print(f"  errors       {summary.errors}" + (f"  e.g. {summary.error_samples}" if summary.errors else ""))
    print(f"  p50          {summary.p50_ms:.0f} ms")
    p95_verdict = "ok" if p95_ok else "MISSED"
    print(f"  p95          {summary.p95_ms:.0f} ms  (target <= {TARGET_P95_S * 1000:.0f} ms: {p95_verdict})")
    print(f"  max          {summary.max_ms:.0f} ms")
    print(f"  throughput   {summary.requests_per_s} requests/s")
    print(f"  routes       {summary.routes}  (unexpected routes: {summary.route_mismatches})")
    if summary.cold_start_s is not None:
        verdict = "ok" if cold_ok else "MISSED"
        target = f"target <= {TARGET_COLD_START_S:.0f} s: {verdict}"
        print(f"  cold start   {summary.cold_start_s} s to the first 200 on /healthz ({target})")
    return summary.errors == 0 and p95_ok and cold_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running app on loopback; without it the app is started here")
    parser.add_argument(
        "--clients", type=int, default=20, help="concurrent clients (default 20, at most 100)"
    )
    parser.add_argument(
        "--requests", type=int, default=10, help="requests per client (default 10, at most 100)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per request")
    parser.add_argument(
        "--deadline", type=float, default=180.0, help="seconds allowed for the whole load phase"
    )
    parser.add_argument(
        "--startup-timeout", type=float, default=300.0, help="seconds allowed for the app to start"
    )
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 100 and 1 <= args.requests <= 100):
        parser.error("--clients and --requests must be between 1 and 100")

    process = None
    cold_start = None
    log_path = ROOT / "var" / "loadtest-app.log"
    try:
        if args.url:
            url = check_loopback(args.url)
            if not wait_healthy(url, None, time.monotonic() + 10):
                print(f"{url}/healthz does not answer 200", file=sys.stderr)
                return 1
        else:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            if not index_present():
                # Build the index in a first start, so the timed start below has it present.
                print("index missing: building it with a first start of the app (not timed)...", flush=True)
                process = start_app(port, log_path)
                ready = wait_healthy(url, process, time.monotonic() + args.startup_timeout)
                stop_app(process)
                if not ready:
                    print(f"the app did not become healthy; see {log_path}", file=sys.stderr)
                    return 1
            started = time.monotonic()
            process = start_app(port, log_path)
            if not wait_healthy(url, process, started + args.startup_timeout):
                print(f"the app did not become healthy; see {log_path}", file=sys.stderr)
                return 1
            cold_start = time.monotonic() - started

        results, wall = run_clients(
            url, args.clients, args.requests, args.timeout, time.monotonic() + args.deadline
        )
        summary = summarize(results, wall, cold_start)
    finally:
        if process is not None:
            stop_app(process)

    passed = report(summary, args.clients, args.requests)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(asdict(summary), indent=2) + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
