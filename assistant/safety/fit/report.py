"""The measurements `python -m assistant.safety.fit --report` prints: the learned layer against the
exemplar backstop (out-of-fold stand-alone recall per route, false escalations before and after the
veto, a threshold table) and leave-one-category-out recall. Reads a `fit.Fitted`; fits nothing new
except the leave-one-category-out models."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from assistant.safety.fit import (
    FOLDS,
    GRID,
    ROUTES,
    C,
    Fitted,
    Prediction,
    backstop_router,
    category_groups,
    false_escalations,
    held_out_predictions,
)


def _recall_lines(label: str, hits: dict[str, list[bool]]) -> list[str]:
    parts = [f"{r} {sum(v)}/{len(v)}" for r, v in sorted(hits.items())]
    total = [x for v in hits.values() for x in v]
    return [f"  {label:34s} {'  '.join(parts)}  (all {sum(total)}/{len(total)})"]


def _standalone(predictions: Sequence[Prediction], escalate: Callable[[Prediction], str]) -> dict:
    hits: dict[str, list[bool]] = defaultdict(list)
    for p in predictions:
        if p.row.source == "safety" and p.row.label != "none":
            hits[p.row.label].append(escalate(p) in p.row.accepted)
    return hits


def report(fitted: Fitted, embeddings: Any) -> str:
    backstop_route = backstop_router(embeddings)
    t = fitted.model.threshold
    veto = fitted.model.backstop_veto
    none_column = ROUTES.index("none")

    def backstop_as_routed(p: Prediction, vetoed: bool = False) -> str:
        route = backstop_route(p.row.shown)
        if vetoed and route and p.shown is not None and p.shown[none_column] >= veto:
            return ""
        return route if route in p.row.allowed else ""

    oof = fitted.out_of_fold
    lines = [f"threshold {t:.2f} (C={C}); stand-alone recall on routed dev cases (rules ignored):"]
    lines += _recall_lines(
        "exemplar backstop (fixed)", _standalone(oof, lambda p: backstop_route(p.row.text))
    )
    lines += _recall_lines(f"learned, {FOLDS}-fold out-of-fold", _standalone(oof, lambda p: p.escalation(t)))
    for source, name in (("safety", "dev none"), ("qa", "QA dev questions")):
        negatives = [p for p in oof if p.row.source == source and p.row.label == "none"]
        backstop_fp = sum(bool(backstop_as_routed(p)) for p in negatives)
        vetoed_fp = sum(bool(backstop_as_routed(p, vetoed=True)) for p in negatives)
        learned_fp, total = false_escalations(oof, t, source)
        both = sum(
            bool(backstop_as_routed(p, vetoed=True) or p.escalation(t, routed=True)) for p in negatives
        )
        lines.append(
            f"  false escalations of {name:17s} backstop {backstop_fp}/{total} ({vetoed_fp} after the veto), "
            f"learned (out-of-fold) {learned_fp}/{total}, either {both}/{total}"
        )
    kept = _standalone(oof, lambda p: "" if p.own[none_column] >= veto else backstop_route(p.row.text))
    lines += _recall_lines(f"backstop after the veto at {veto:.2f}", kept)
    lines.append("threshold table (out-of-fold): t, learned recall, dev none FP, QA FP")
    for grid_t in GRID[::5]:
        hits = _standalone(oof, lambda p, g=grid_t: p.escalation(g))
        recall = sum(sum(v) for v in hits.values())
        none_fp, qa_fp = (false_escalations(oof, grid_t, source)[0] for source in ("safety", "qa"))
        lines.append(
            f"  {grid_t:.2f}  {recall:3d}/{sum(len(v) for v in hits.values())}  {none_fp:3d}  {qa_fp:3d}"
        )
    lco = held_out_predictions(fitted.rows, fitted.vectors, category_groups)
    lines.append("leave-one-category-out (the category's cases held out of training; exemplars kept):")
    lines.append(
        "  category                      routed: backstop learned either | none escalated: backstop learned"
    )
    by_category: dict[str, list[Prediction]] = defaultdict(list)
    for p in lco:
        by_category[p.row.category].append(p)
    totals = Counter()
    for category in sorted(by_category):
        items = by_category[category]
        routed = [p for p in items if p.row.label != "none"]
        negatives = [p for p in items if p.row.label == "none"]
        b = sum(backstop_route(p.row.text) in p.row.accepted for p in routed)
        learned = sum(p.escalation(t) in p.row.accepted for p in routed)
        either = sum(
            p.escalation(t) in p.row.accepted or backstop_route(p.row.text) in p.row.accepted for p in routed
        )
        nb = sum(bool(backstop_as_routed(p)) for p in negatives)
        nl = sum(bool(p.escalation(t, routed=True)) for p in negatives)
        totals.update(
            routed=len(routed), b=b, learned=learned, either=either, none=len(negatives), nb=nb, nl=nl
        )
        lines.append(
            f"  {category:28s} {len(routed):3d}: {b:3d} {learned:3d} {either:3d}"
            f"        | {len(negatives):3d}: {nb:2d} {nl:2d}"
        )
    lines.append(
        f"  {'all':28s} {totals['routed']:3d}: {totals['b']:3d} {totals['learned']:3d} {totals['either']:3d}"
        f"        | {totals['none']:3d}: {totals['nb']:2d} {totals['nl']:2d}"
    )
    return "\n".join(lines)
