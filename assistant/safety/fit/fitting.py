"""Fits the learned escalation layer: the n-gram regression on every dev row, its threshold and
backstop veto chosen on out-of-fold probabilities grouped by writer (fit/oof.py). Deterministic:
the same data give the same file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.safety.fit import oof
from assistant.safety.fit.candidates import ROUTES, NgramLogistic
from assistant.safety.fit.data import Row
from assistant.safety.learned import LearnedModel


@dataclass(frozen=True)
class Fitted:
    model: LearnedModel
    rows: list[Row]
    out_of_fold: list[oof.Prediction]


def fit(rows: Sequence[Row], backstop_route: Callable[[str | None], str]) -> Fitted:
    folds = oof.writer_folds(rows)
    out_of_fold, _ = oof.out_of_fold(rows, NgramLogistic, folds)
    threshold = oof.choose_threshold(out_of_fold)
    veto = oof.choose_veto(out_of_fold, backstop_route)
    count = Counter(r.source for r in rows)
    writers = len({r.writer for r in rows if r.source == "safety"})
    note = (
        f"fitted by python -m assistant.safety.fit on {count['safety']} safety dev cases by {writers} "
        f"writers, {count['exemplar']} backstop exemplars and {count['qa']} QA dev questions (as none); "
        f"threshold: lowest on the grid with out-of-fold (by writer) false escalations <= "
        f"{oof.MAX_NONE_SHARE:.0%} of dev none and <= {oof.MAX_QA_SHARE:.0%} of QA dev questions; "
        f"backstop veto: lowest none probability vetoing <= {oof.MAX_VETO_LOSS:.0%} of the backstop's "
        "correct dev escalations"
    )
    final = NgramLogistic().fit([r.text for r in rows], [ROUTES.index(r.label) for r in rows])
    return Fitted(final.to_model(threshold, veto, note), list(rows), out_of_fold)


def backstop_router(backstop: Any) -> Callable[[str | None], str]:
    """The exemplar backstop's route for a text ("" when it does not escalate), memoised."""
    cache: dict[str, str] = {}

    def route(text: str | None) -> str:
        if not text:
            return ""
        if text not in cache:
            decision = backstop.check(text)
            cache[text] = decision.route.value if decision else ""
        return cache[text]

    return route
