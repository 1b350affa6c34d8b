"""`python -m assistant.bench`: latency and build figures, all measured in one run (ratios, not timings,
are what to compare across these shared machines).

Prints: ask() p50/p95 (uncached questions), one query embedding p50 (the floor), their ratio, a plain
LangChain `Chroma.similarity_search` p50 on the same index and its ratio, index build time and
chunks/s beside the raw embedding throughput of the same chunks, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from index.shared.settings import PROJECT_ROOT, Settings

QUESTIONS = PROJECT_ROOT / "evals" / "datasets" / "qa.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.bench", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions")
    args = parser.parse_args(argv)

    from langchain_chroma import Chroma

    from assistant.assistant import Assistant
    from index.builder import build_from_settings, prepare
    from index.documents import load_corpus
    from index.shared.embeddings import QueryEmbeddings, load_embeddings

    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    model = load_embeddings()
    model.embed_query("warm up")

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index")
        report = build_from_settings(settings, model, progress=False)
        chunk_texts = [
            c.embed_text
            for d in load_corpus(settings.corpus_dir)
            for c in prepare(d, settings.chunk_size, settings.chunk_overlap).chunks
        ]
        raw_ms = timed(model.embed_documents, chunk_texts)

        bot = Assistant.load(settings, embeddings=QueryEmbeddings(model))
        store = bot.store
        plain = Chroma(
            client=store.vectorstore._client,
            collection_name=store.manifest.chroma_collection or settings.collection,
            embedding_function=model,
        )
        for q in questions[:5]:
            bot.ask(q)
            plain.similarity_search(q, k=settings.top_k)

        ask_ms, embed_ms, search_ms = [], [], []
        for _ in range(args.rounds):
            for q in questions:
                bot.embeddings.clear_cache()  # measure the uncached path
                ask_ms.append(timed(bot.ask, q))
                embed_ms.append(timed(model.embed_query, q))
                search_ms.append(timed(plain.similarity_search, q, settings.top_k))
        for q in questions:  # fill the query cache, then time the cached path
            bot.ask(q)
        cached_ms = [timed(bot.ask, q) for q in questions]

    ask_p50, ask_p95 = statistics.median(ask_ms), percentile(ask_ms, 0.95)
    embed_p50, search_p50 = statistics.median(embed_ms), statistics.median(search_ms)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"questions: {len(questions)} x {args.rounds} rounds (query cache cleared before each ask)")
    print(
        f"ask() p50 {ask_p50:.1f} ms, p95 {ask_p95:.1f} ms  (p95/p50 = {ask_p95 / ask_p50:.2f}, target <= 3)"
    )
    print(
        f"one query embedding p50 {embed_p50:.1f} ms  (ask p50 / embedding p50 = "
        f"{ask_p50 / embed_p50:.2f}, target <= 2)"
    )
    print(
        f"LangChain Chroma.similarity_search p50 {search_p50:.1f} ms  (ask p50 / search p50 = "
        f"{ask_p50 / search_p50:.2f})"
    )
    print(f"ask() with the query cached: p50 {statistics.median(cached_ms):.1f} ms")
    print(
        f"index build: {report.chunks} chunks, {report.sentences} sentences in {report.seconds:.2f} s = "
        f"{report.chunks / report.seconds:.0f} chunks/s (target >= 100); raw embedding of the same chunks: "
        f"{len(chunk_texts) / (raw_ms / 1000):.0f} chunks/s "
        f"(build = {(report.chunks / report.seconds) / (len(chunk_texts) / (raw_ms / 1000)):.0%} of raw)"
    )
    print(f"peak memory (max RSS): {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
