"""Robustness: the share of correctly routed cases that keep a correct route under each perturbation,
and (directional) the share that do turn to "none" in a clearly marked fiction, past or negated frame.

Only routed cases (expected other than "none") that the assistant got right are perturbed (see
assistant/safety/perturb.py for the kinds); a perturbed message keeps its history. "Kept" means the route is
still the expected one or one of its `ok` alternatives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from assistant.safety.perturb import DIRECTIONS, PERTURBATIONS, perturb
from assistant.safety.router import classify, readings_every_match_takes

Ask = Callable[[str, tuple[str, ...]], str]  # (message, history) -> route


def invariance(
    results: Sequence[Any], ask: Ask, kinds: Sequence[str] = tuple(PERTURBATIONS)
) -> tuple[dict, list]:
    """(metrics, changed): `robustness.<kind>` rates, `robustness.min` and `robustness.perturbed`, and
    every perturbed case whose route changed (id, kind, perturbed message, expected, got)."""
    kept: dict[str, list[bool]] = {kind: [] for kind in kinds}
    changed = []
    for r in results:
        if r.expected == "none" or not r.passed:
            continue
        accepted = {r.expected, *r.ok}
        for kind in kinds:
            message = perturb(r.id, r.message, kind, r.lang)
            if message is None:
                continue
            got = ask(message, tuple(r.history))
            kept[kind].append(got in accepted)
            if got not in accepted:
                changed.append(
                    {"id": r.id, "kind": kind, "message": message, "expected": r.expected, "got": got}
                )
    return _rates("robustness", kept, "perturbed"), changed


def directional(
    results: Sequence[Any], ask: Ask, kinds: Sequence[str] = tuple(DIRECTIONS)
) -> tuple[dict, list]:
    """(metrics, kept): `direction.<kind>` is the share of framed cases that turned to "none", over
    the correct single-turn cases the rules routed and whose every rule takes the frame's reading
    (see assistant/safety/perturb.py); `kept` lists every framed case still routed."""
    turned: dict[str, list[bool]] = {kind: [] for kind in kinds}
    kept = []
    for r in results:
        if r.expected == "none" or not r.passed or r.history:
            continue
        if classify(r.message).layer != "rules":  # a model layer's route is not the rules' to undo
            continue
        readings = readings_every_match_takes(r.message)
        for kind in kinds:
            check, frame = DIRECTIONS[kind]
            message = frame(r.message, r.lang) if check in readings else None
            if message is None:
                continue
            got = ask(message, ())
            turned[kind].append(got == "none")
            if got != "none":
                kept.append({"id": r.id, "kind": kind, "message": message, "expected": "none", "got": got})
    return _rates("direction", turned, "framed"), kept


def _rates(prefix: str, outcomes: dict[str, list[bool]], count: str) -> dict[str, float | int | None]:
    """`<prefix>.<kind>` (share of True; None with no cases), `<prefix>.min` and `<prefix>.<count>`."""
    metrics: dict[str, float | int | None] = {
        f"{prefix}.{kind}": (sum(v) / len(v) if v else None) for kind, v in outcomes.items()
    }
    rates = [v for v in metrics.values() if v is not None]
    metrics[f"{prefix}.min"] = min(rates) if rates else None
    metrics[f"{prefix}.{count}"] = sum(len(v) for v in outcomes.values())
    return metrics
