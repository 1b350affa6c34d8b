"""How metric values are shown, and which metrics each kind of suite shows first."""

from __future__ import annotations

from typing import Any

SAFETY_HEADLINE = (
    "routing.accuracy",
    "routing.emergency.recall",
    "routing.medical_supervision.recall",
    "routing.crisis.recall",
    "routing.none.recall",
    "latency.p50_ms",
    "latency.p95_ms",
    "latency.max_ms",
)
QA_HEADLINE = (
    "retrieval.hit@1",
    "retrieval.hit@3",
    "retrieval.hit@5",
    "retrieval.mrr",
    "retrieval.ndcg@3",
    "answers.fact_recall",
    "answers.groundedness",
    "answers.citation_correctness",
    "answers.median_chars",
    "abstention.precision",
    "abstention.recall",
    "abstention.answered_rate",
    "latency.p50_ms",
    "latency.p95_ms",
    "latency.max_ms",
)


def headline(kind: str) -> tuple[str, ...]:
    return SAFETY_HEADLINE if kind == "safety" else QA_HEADLINE


def value(metric: str, v: Any) -> str:
    if v is None:
        return "–"
    if metric.endswith("_ms"):
        return f"{v:.1f}"
    if metric.endswith("_chars"):
        return f"{v:.0f}"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def lower_is_better(metric: str) -> bool:
    return metric.endswith(("_ms", "_chars")) or metric == "errors"
