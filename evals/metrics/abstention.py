"""Abstention metrics. The positive class is "unanswerable": the assistant should abstain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Abstention:
    precision: float | None  # abstentions that were on unanswerable questions
    recall: float | None  # unanswerable questions abstained on
    answered_rate: float | None  # answerable questions not abstained on
    true_pos: int
    false_pos: int
    false_neg: int
    true_neg: int


def abstention(outcomes: Sequence[tuple[bool, bool]]) -> Abstention:
    """`outcomes` holds (answerable, abstained) per case."""
    tp = sum(not a and ab for a, ab in outcomes)
    fp = sum(a and ab for a, ab in outcomes)
    fn = sum(not a and not ab for a, ab in outcomes)
    tn = sum(a and not ab for a, ab in outcomes)
    return Abstention(
        precision=tp / (tp + fp) if tp + fp else None,
        recall=tp / (tp + fn) if tp + fn else None,
        answered_rate=tn / (tn + fp) if tn + fp else None,
        true_pos=tp,
        false_pos=fp,
        false_neg=fn,
        true_neg=tn,
    )
