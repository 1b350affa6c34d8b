"""Out-of-fold predictions grouped by writer, and the threshold and veto rules chosen on them.

Folds: one per safety dev writer (a writer's cases are predicted by a model that never saw that
writer); the QA dev questions are dealt round-robin over the same folds; the backstop exemplars are
in every training fold. Deterministic: no shuffling, folds in sorted writer order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.safety.fit.candidates import ROUTES
from assistant.safety.fit.data import Row

GRID = tuple(round(t / 100, 2) for t in range(30, 100))
MAX_NONE_SHARE = 0.03  # out-of-fold false escalations of dev "none" cases
MAX_QA_SHARE = 0.01  # ... and of QA dev questions
VETO_GRID = tuple(round(t / 100, 2) for t in range(50, 100))
MAX_VETO_LOSS = 0.02  # share of the backstop's correct stand-alone escalations the veto may remove


@dataclass(frozen=True)
class Prediction:
    """Held-out probabilities for one row: of its own text, and of the text the router shows."""

    row: Row
    own: np.ndarray
    shown: np.ndarray | None

    def escalation(self, threshold: float, *, routed: bool = False) -> str:
        """The route the layer escalates to ("" for none). `routed`: as the router consults it."""
        if routed and (self.row.shown is None or self.shown is None):
            return ""
        p = self.shown if routed else self.own
        best = max((i for i, r in enumerate(ROUTES) if r != "none"), key=lambda i: p[i])
        route = ROUTES[best]
        if p[best] < threshold or (routed and route not in self.row.allowed):
            return ""
        return route


def writer_folds(rows: Sequence[Row]) -> list[list[int]]:
    """Indices of the original non-exemplar rows, one fold per safety writer, QA questions dealt
    round-robin (augmented copies follow their original, see `out_of_fold`)."""
    writers = sorted({r.writer for r in rows if r.source == "safety"})
    folds: list[list[int]] = [[] for _ in writers]
    qa = 0
    for i, r in enumerate(rows):
        if r.origin >= 0:
            continue
        if r.source == "safety":
            folds[writers.index(r.writer)].append(i)
        elif r.source == "qa":
            folds[qa % len(folds)].append(i)
            qa += 1
    return folds


def out_of_fold(
    rows: Sequence[Row], make: Callable[[], object], folds: Sequence[Sequence[int]]
) -> tuple[list[Prediction], list[object]]:
    """A prediction for every row in a fold, and the model of each fold (same order as `folds`); a
    fold's rows and their augmented copies are left out of its training."""
    predictions: dict[int, Prediction] = {}
    models = []
    for fold in folds:
        held = set(fold)
        train = [r for i, r in enumerate(rows) if i not in held and r.origin not in held]
        model = make().fit([r.text for r in train], [ROUTES.index(r.label) for r in train])
        models.append(model)
        own = model.proba([rows[i].text for i in fold])
        shown_idx = [i for i in fold if rows[i].shown is not None]
        shown = dict(zip(shown_idx, model.proba([rows[i].shown for i in shown_idx]), strict=True))
        for k, i in enumerate(fold):
            predictions[i] = Prediction(rows[i], own[k], shown.get(i))
    return [predictions[i] for i in sorted(predictions)], models


def false_escalations(predictions: Sequence[Prediction], threshold: float, source: str) -> tuple[int, int]:
    """(escalated, total) among the "none" rows of `source`, as the router would consult the layer."""
    negatives = [p for p in predictions if p.row.source == source and p.row.label == "none"]
    return sum(bool(p.escalation(threshold, routed=True)) for p in negatives), len(negatives)


def choose_threshold(predictions: Sequence[Prediction]) -> float:
    """The lowest threshold on GRID at which the layer, consulted as the router consults it,
    escalates at most MAX_NONE_SHARE of dev "none" cases and MAX_QA_SHARE of QA questions."""
    for threshold in GRID:
        none_fp, none_total = false_escalations(predictions, threshold, "safety")
        qa_fp, qa_total = false_escalations(predictions, threshold, "qa")
        if none_fp <= MAX_NONE_SHARE * none_total and qa_fp <= MAX_QA_SHARE * qa_total:
            return threshold
    return GRID[-1]


def choose_veto(predictions: Sequence[Prediction], backstop_route: Callable[[str | None], str]) -> float:
    """The lowest P(none) on VETO_GRID at which vetoing the exemplar backstop removes at most
    MAX_VETO_LOSS of its correct stand-alone escalations of routed dev cases (out-of-fold
    probabilities of the same text); 1.0 (no veto) if none qualifies."""
    none_column = ROUTES.index("none")
    correct = [
        p.own[none_column]
        for p in predictions
        if p.row.source == "safety" and p.row.label != "none" and backstop_route(p.row.text) in p.row.accepted
    ]
    for cap in VETO_GRID:
        if sum(none >= cap for none in correct) <= MAX_VETO_LOSS * len(correct):
            return cap
    return 1.0
