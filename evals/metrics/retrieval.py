"""Retrieval metrics on evidence spans.

A source is relevant when its text contains any of the case's evidence spans (normalised:
case, whitespace, curly quotes). Ranks are 1-based; `first_relevant_rank` is None when no
source is relevant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from evals.text import contains


def relevance(sources: Sequence[str], evidence: Sequence[str]) -> tuple[bool, ...]:
    return tuple(any(contains(text, span) for span in evidence) for text in sources)


def first_relevant_rank(relevant: Sequence[bool]) -> int | None:
    return next((i for i, r in enumerate(relevant, start=1) if r), None)


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def ndcg_at(relevant: Sequence[bool], k: int) -> float:
    """Binary-relevance nDCG@k: DCG = sum of 1/log2(rank+1) over relevant ranks <= k.

    The ideal ranking puts every relevant source of the whole returned list first (at most k of
    them), and at least one: the corpus holds the evidence, so a case with no relevant source
    scores 0 rather than being skipped.
    """
    dcg = sum(1.0 / math.log2(i + 1) for i, r in enumerate(relevant[:k], start=1) if r)
    ideal_count = max(1, min(k, sum(relevant)))
    idcg = sum(1.0 / math.log2(i + 1) for i in range(1, ideal_count + 1))
    return dcg / idcg
