"""`python -m assistant.fit_query_adapter [--report FILE]`: fits the query adapter (query_adapter.py).

Pairs: every answerable question of the QA dev sets (follow-ups resolved as at run time) with the page
sentences holding its evidence. Loss: softmax over all sentences of the page, the evidence sentences as
positives (MultipleNegativesRankingLoss with every other sentence as a negative), plus an L2 pull
towards "no change". Full-batch Adam from a fixed seed on one thread: the same data gives the same
file. Held-out files are refused.

`--report FILE` also writes the out-of-fold comparison, grouped by writer (each writer's questions
scored by an adapter fitted without them), plain model against adapted, as a Markdown table.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.claims import matchable
from assistant.dev_sets import DEV_SETS, read_cases, writer
from assistant.query_adapter import DEFAULT_ADAPTER_PATH, QueryAdapter


@dataclass(frozen=True)
class FitSettings:
    # Chosen out of fold on the dev sets (rank 8/16/32/64, 200-1200 steps): rank 64 and 1000 steps gave
    # the best sentence and passage hit@1 and hit@3; smaller ranks underfit the visitors' wording.
    rank: int = 64
    steps: int = 1000
    learning_rate: float = 0.01
    temperature: float = 0.05
    weight_decay: float = 1e-3
    seed: int = 0


@dataclass(frozen=True)
class Pair:
    query: str
    positives: tuple[int, ...]  # sentence positions holding the evidence
    plain: np.ndarray
    masked: np.ndarray
    group: str
    evidence: tuple[str, ...]


def evidence_sentences(sentences: Sequence[str], evidence: Sequence[str]) -> tuple[int, ...]:
    """Positions of the sentences that hold an evidence span, or lie inside one that spans sentences."""
    spans = [matchable(e) for e in evidence]
    return tuple(i for i, s in enumerate(sentences) if any(e in s or (len(s) > 20 and s in e) for e in spans))


def pairs(bot, cases: Sequence[dict[str, Any]]) -> list[Pair]:
    """(question, evidence sentences) for the answerable cases whose evidence is in a sentence."""
    from assistant.followup import resolve_query
    from index.shared.drugnames import canonicalize

    sentences = [matchable(s.text) for s in bot.store.sentences]
    out = []
    for case in cases:
        positives = evidence_sentences(sentences, case["evidence"]) if case["answerable"] else ()
        if not positives:
            continue
        query = canonicalize(resolve_query(case["question"], case.get("history", [])))
        vectors = bot.embeddings.encode(query)
        out.append(
            Pair(query, positives, vectors.plain, vectors.masked, writer(case), tuple(case["evidence"]))
        )
    return out


def fit(
    training: Sequence[Pair], sentence_vectors: np.ndarray, model: str, settings: FitSettings = FitSettings()
) -> QueryAdapter:
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one summation order: bit-for-bit the same file every time
    try:
        torch.manual_seed(settings.seed)
        targets = torch.tensor(np.asarray(sentence_vectors, dtype=np.float32))  # (n, 2, dim)
        dim = targets.shape[2]
        up = torch.zeros(dim, settings.rank, requires_grad=True)
        down = (torch.randn(dim, settings.rank) * 0.01).requires_grad_(True)
        questions = torch.tensor(np.stack([p.masked for p in training]), dtype=torch.float32)
        positive = torch.zeros(len(training), targets.shape[0], dtype=torch.bool)
        for row, pair in enumerate(training):
            positive[row, list(pair.positives)] = True
        optimizer = torch.optim.Adam([up, down], lr=settings.learning_rate)
        for _ in range(settings.steps):
            moved = questions + (questions @ down) @ up.T
            moved = moved / moved.norm(dim=1, keepdim=True)
            # A sentence's score is its better vector (with or without its section title), as at run time.
            logits = torch.einsum("bd,nkd->bnk", moved, targets).max(dim=2).values / settings.temperature
            loss = (
                torch.logsumexp(logits, 1) - torch.logsumexp(logits.masked_fill(~positive, -1e9), 1)
            ).mean()
            loss = loss + settings.weight_decay * (up.pow(2).sum() + down.pow(2).sum())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    finally:
        torch.set_num_threads(threads)
    note = f"python -m assistant.fit_query_adapter: {len(training)} question-evidence pairs; {settings}"
    return QueryAdapter(up.detach().numpy(), down.detach().numpy(), model, note)


def scores(
    test: Sequence[Pair], adapter: QueryAdapter | None, sentence_vectors: np.ndarray, retriever
) -> dict[str, float]:
    """Sentence hit@1/@3 (the evidence sentence among all of the page's) and passage hit@1/@3 (what
    the hybrid retriever returns) for `test`, with the adapter or without it."""
    from index.shared.embeddings import EncodedQuery

    found = {"sentence hit@1": 0, "sentence hit@3": 0, "passage hit@1": 0, "passage hit@3": 0}
    for pair in test:
        encoded = EncodedQuery(pair.plain, pair.masked)
        if adapter is not None:
            encoded = adapter.apply(encoded)
        order = np.argsort(-(sentence_vectors @ encoded.masked).max(axis=1), kind="stable")
        found["sentence hit@1"] += int(order[0] in pair.positives)
        found["sentence hit@3"] += bool(set(order[:3].tolist()) & set(pair.positives))
        passages = retriever.retrieve(pair.query, encoded, 3)
        relevant = [any(matchable(e) in matchable(p.text) for e in pair.evidence) for p in passages]
        found["passage hit@1"] += bool(relevant[:1] and relevant[0])
        found["passage hit@3"] += any(relevant)
    return {k: v / len(test) for k, v in found.items()}


def out_of_fold(
    all_pairs: Sequence[Pair], sentence_vectors: np.ndarray, retriever, model: str, settings: FitSettings
) -> str:
    """The Markdown comparison: per writer and overall, plain model against adapted (fitted without them)."""
    groups = sorted({p.group for p in all_pairs})
    lines = [
        "| writer (questions) | sentence hit@1 | sentence hit@3 | passage hit@1 | passage hit@3 |",
        "| --- | --- | --- | --- | --- |",
    ]
    totals = {"plain": np.zeros(4), "adapted": np.zeros(4)}
    for group in groups:
        test = [p for p in all_pairs if p.group == group]
        adapter = fit([p for p in all_pairs if p.group != group], sentence_vectors, model, settings)
        plain = scores(test, None, sentence_vectors, retriever)
        adapted = scores(test, adapter, sentence_vectors, retriever)
        totals["plain"] += np.array(list(plain.values())) * len(test)
        totals["adapted"] += np.array(list(adapted.values())) * len(test)
        cells = " | ".join(
            f"{a:.3f} → {b:.3f}" for a, b in zip(plain.values(), adapted.values(), strict=True)
        )
        lines.append(f"| {group} ({len(test)}) | {cells} |")
    overall = zip(totals["plain"] / len(all_pairs), totals["adapted"] / len(all_pairs), strict=True)
    lines.append(
        f"| **all ({len(all_pairs)})** | " + " | ".join(f"**{a:.3f} → {b:.3f}**" for a, b in overall) + " |"
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from assistant.assistant import Assistant
    from index.shared.embeddings import model_name
    from index.shared.settings import Settings

    parser = argparse.ArgumentParser(
        prog="python -m assistant.fit_query_adapter", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--cases", type=Path, nargs="+", default=list(DEV_SETS), help="QA dev sets (never held-out)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_ADAPTER_PATH)
    parser.add_argument("--report", type=Path, help="also write the out-of-fold comparison (Markdown) here")
    args = parser.parse_args(argv)
    bot = Assistant.load(Settings(query_adaptation=False))  # pairs are made from the plain model's vectors
    if bot.store is None:
        raise SystemExit("the index is unavailable: run python -m index build")
    all_pairs = pairs(bot, read_cases(args.cases))
    model = model_name(bot.embeddings)
    vectors = np.asarray(bot.store.sentence_vectors, dtype=np.float32)
    if args.report:
        table = out_of_fold(all_pairs, vectors, bot.retriever, model, FitSettings())
        args.report.write_text(table, encoding="utf-8")
        print(table)
    adapter = fit(all_pairs, vectors, model)
    adapter.save(args.out)
    print(f"fitted on {len(all_pairs)} pairs from {', '.join(p.name for p in args.cases)}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
