"""`python -m evals.scale.bench`: index growth at 1k, 10k and 100k chunks, embedded and on a Chroma server.

    python -m evals.scale.bench                       # all sizes, both backends (100k takes about an hour)
    python -m evals.scale.bench --sizes 1000,10000 --backends embedded

For each size it generates a corpus (evals.scale.corpus, kept under --work for reruns), measures the raw
embedding throughput of the model on a sample of its chunks (before the builds and again after them;
the faster counts), then per backend:
  build    a child process builds the index: time, chunks/s, its share of the raw throughput, peak memory
  size     the build folder (and, on the server, what the server's data folder grew by)
  query    another child process starts the app's Assistant (cold start) and asks the QA dev questions,
           each once: ask() p50/p95 and peak memory
and the growth ratio of build time, size and query p95 from one size to the next.

The server backend builds into the same index folder right after the embedded build, so the
vectors are reused (the builder's incremental path: same model, chunking and texts); its build time
is the embedding time of the embedded build plus its own ingest time, and is marked so. Each measurement
runs in a fresh process, so peak memory is that step's own. Ratios from one run are what to compare;
seconds on shared machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from index.shared.settings import PROJECT_ROOT

QUESTIONS = PROJECT_ROOT / "evals" / "datasets" / "qa.jsonl"
REPORT = PROJECT_ROOT / "evals" / "reports" / "scale.json"
RAW_SAMPLE = 512  # chunks embedded to measure the raw model throughput


@dataclass(frozen=True)
class Row:
    size: int
    backend: str
    chunks: int
    documents: int
    embed_s: float
    build_s: float  # embedding included (for the server: the embedded build's embedding time + ingest)
    chunks_per_s: float
    raw_chunks_per_s: float
    build_peak_mib: float
    disk_mib: float
    cold_start_s: float
    query_p50_ms: float
    query_p95_ms: float
    query_peak_mib: float
    server_peak_mib: float | None = None
    vectors_reused: bool = False

    @property
    def share_of_raw(self) -> float:
        return self.chunks_per_s / self.raw_chunks_per_s if self.raw_chunks_per_s else 0.0


# -- child processes (each step's peak memory is its own) ------------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _settings(index_dir: str, corpus_dir: str, chroma_url: str | None):
    from index.shared.settings import Settings

    return Settings(index_dir=Path(index_dir), corpus_dir=Path(corpus_dir), chroma_url=chroma_url or None)


def _child_build(args: argparse.Namespace) -> dict:
    from index.builder import build_from_settings
    from index.shared.embeddings import load_embeddings

    model = load_embeddings()
    model.embed_query("warm up")
    report = build_from_settings(_settings(args.index, args.corpus, args.chroma_url), model, progress=False)
    return {
        "chunks": report.chunks,
        "documents": len(report.manifest.documents),
        "seconds": report.seconds,
        "embed_s": report.embedding_seconds,
        "reused": len(report.reused_documents),
        "build_dir": str(report.build_dir),
        "peak_mib": _peak_mib(),
    }


def _child_raw(args: argparse.Namespace) -> dict:
    from index.documents import load_corpus
    from index.prepare import prepare
    from index.shared.embeddings import load_embeddings

    settings = _settings(args.index, args.corpus, None)
    documents = load_corpus(settings.corpus_dir)
    # Documents spread over the whole corpus (variants and filler alike), then chunks spread over them.
    picked = documents[:: max(1, len(documents) // 16)]
    texts = [
        c.embed_text for d in picked for c in prepare(d, settings.chunk_size, settings.chunk_overlap).chunks
    ]
    sample = texts[:: max(1, len(texts) // RAW_SAMPLE)][:RAW_SAMPLE]
    model = load_embeddings()
    model.embed_documents(sample[:32])  # warm up
    started = time.perf_counter()
    model.embed_documents(sample)
    return {"raw_chunks_per_s": len(sample) / (time.perf_counter() - started)}


def _child_query(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    from assistant.assistant import Assistant

    bot = Assistant.load(_settings(args.index, args.corpus, args.chroma_url), build_if_missing=False)
    bot.ask("What are the withdrawal symptoms?")  # the app does this before serving, too
    cold_start = time.perf_counter() - started
    if bot.store is None:
        raise SystemExit(f"index unavailable: {bot.health()}")
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    latencies = []
    for question in questions:
        t = time.perf_counter()
        bot.ask(question)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    return {
        "cold_start_s": cold_start,
        "p50_ms": latencies[len(latencies) // 2],
        "p95_ms": latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))],
        "peak_mib": _peak_mib(),
    }


CHILDREN = {"build": _child_build, "raw": _child_raw, "query": _child_query}


def _run_child(step: str, index_dir: Path, corpus_dir: Path, chroma_url: str | None) -> dict:
    command = [sys.executable, "-m", "evals.scale.bench", "--child", step]
    command += ["--index", str(index_dir), "--corpus", str(corpus_dir), "--chroma-url", chroma_url or ""]
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{step} step failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the benchmark ----------------------------------------------------------------------------------


def _disk_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20 if path.exists() else 0.0


def _server_peak_mib(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _corpus(work: Path, size: int) -> Path:
    from evals.scale.corpus import generate_corpus

    folder = work / f"corpus-{size}"
    if not (folder / ".complete").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        stats = generate_corpus(folder, size)
        (folder / ".complete").write_text(json.dumps(asdict(stats)))
    return folder


def bench_size(work: Path, size: int, backends: list[str], log) -> list[Row]:
    from index.chroma_server import ChromaServer

    corpus = _corpus(work, size)
    index_dir = work / f"index-{size}"
    shutil.rmtree(index_dir, ignore_errors=True)
    raw = _run_child("raw", index_dir, corpus, None)["raw_chunks_per_s"]
    log(f"{size}: raw embedding {raw:.1f} chunks/s")
    rows: list[Row] = []
    embed_s = 0.0
    for backend in backends:
        server = None
        if backend == "server":
            server = ChromaServer(work / f"chroma-{size}").start()
            if "embedded" not in backends:
                log(f"{size}: server backend without an embedded build first: it embeds")
        try:
            url = server.url if server else None
            built = _run_child("build", index_dir, corpus, url)
            reused = built["reused"] == built["documents"]  # nothing embedded: vectors of the last build
            if backend == "embedded" or not reused:
                embed_s = built["embed_s"]
            build_s = built["seconds"] + (embed_s if reused else 0.0)
            log(f"{size} {backend}: built {built['chunks']} chunks in {build_s:.1f}s")
            queried = _run_child("query", index_dir, corpus, url)
            disk = _disk_mib(Path(built["build_dir"])) + (_disk_mib(server.path) if server else 0.0)
            rows.append(
                Row(
                    size=size,
                    backend=backend,
                    chunks=built["chunks"],
                    documents=built["documents"],
                    embed_s=round(embed_s, 1),
                    build_s=round(build_s, 1),
                    chunks_per_s=round(built["chunks"] / build_s, 1),
                    raw_chunks_per_s=round(raw, 1),
                    build_peak_mib=round(built["peak_mib"]),
                    disk_mib=round(disk, 1),
                    cold_start_s=round(queried["cold_start_s"], 1),
                    query_p50_ms=round(queried["p50_ms"], 1),
                    query_p95_ms=round(queried["p95_ms"], 1),
                    query_peak_mib=round(queried["peak_mib"]),
                    server_peak_mib=round(_server_peak_mib(server.pid) or 0) if server else None,
                    vectors_reused=reused,
                )
            )
            log(f"{size} {backend}: query p50 {queried['p50_ms']:.1f} ms, p95 {queried['p95_ms']:.1f} ms")
        finally:
            if server:
                server.stop()
    # Measured again after the builds, and the faster of the two kept: one short raw run can be slowed
    # by the machine (a 100k run once measured 28 chunks/s before its build, 52 just after), and
    # the share of raw must not flatter the build.
    raw_after = _run_child("raw", index_dir, corpus, None)["raw_chunks_per_s"]
    log(f"{size}: raw embedding {raw_after:.1f} chunks/s after the builds (keeping the faster)")
    return [replace(r, raw_chunks_per_s=round(max(raw, raw_after), 1)) for r in rows]


def growth(rows: list[Row], row: Row, field: str) -> str:
    """`field` of `row` over the same backend's value at the previous size, e.g. "9.8x"."""
    previous = [r for r in rows if r.backend == row.backend and r.size < row.size]
    if not previous:
        return "-"
    base = getattr(max(previous, key=lambda r: r.size), field)
    return f"{getattr(row, field) / base:.1f}x" if base else "-"


def table(rows: list[Row]) -> str:
    head = (
        "| chunks | backend | build s | chunks/s | of raw | build peak MiB | disk MiB | cold start s "
        "| query p50 ms | query p95 ms | query peak MiB | growth: build, disk, p95 |"
    )
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        mark = "*" if r.vectors_reused else ""
        server_mem = f" (server {r.server_peak_mib})" if r.server_peak_mib else ""
        grew = ", ".join(growth(rows, r, f) for f in ("build_s", "disk_mib", "query_p95_ms"))
        lines.append(
            f"| {r.chunks:,} | {r.backend} | {r.build_s}{mark} | {r.chunks_per_s} | {r.share_of_raw:.0%} "
            f"| {r.build_peak_mib} | {r.disk_mib} | {r.cold_start_s} | {r.query_p50_ms} | {r.query_p95_ms} "
            f"| {r.query_peak_mib}{server_mem} | {grew} |"
        )
    raw = ", ".join(f"{s:,}: {r.raw_chunks_per_s}" for s, r in {r.size: r for r in rows}.items())
    lines.append("")
    lines.append(
        f"Raw embedding throughput (chunks/s, same run, sample of {RAW_SAMPLE} chunks, the faster of a "
        f"measurement before and one after the builds): {raw}."
    )
    if any(r.vectors_reused for r in rows):
        lines.append(
            "* vectors reused from the embedded build: build s = its embedding time + the server ingest."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.scale.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="chunk counts, comma-separated")
    parser.add_argument("--backends", default="embedded,server", help="embedded and/or server")
    parser.add_argument("--work", type=Path, default=Path("/tmp/scale-bench"), help="corpora and indexes")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--chroma-url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    from index.shared.offline import apply_offline_environment

    apply_offline_environment()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return 0
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not set(backends) <= {"embedded", "server"}:
        parser.error("--backends takes embedded and/or server")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    rows: list[Row] = []
    for size in sizes:
        rows += bench_size(args.work, size, backends, log)
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(json.dumps([asdict(r) | {"share_of_raw": r.share_of_raw} for r in rows], indent=2))
    print(table(rows))
    print(f"\nmachine: {os.cpu_count()} CPUs; JSON: {REPORT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
