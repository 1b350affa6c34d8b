"""Score the router on a JSONL case file: recall per route, correct "none", misrouted cases.

python -m assistant.safety.score evals/datasets/safety.jsonl [--backstop] [--calibrate]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.reply import Route
from assistant.safety.backstop import MIN_WORDS
from assistant.safety.normalize import normalize
from assistant.safety.router import backstop_may_escalate, classify


@dataclass(frozen=True)
class Score:
    total: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    misrouted: tuple[tuple[dict[str, Any], str, str], ...] = ()

    def rate(self, route: str) -> float:
        return self.correct[route] / self.total[route] if self.total[route] else float("nan")


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(cases: list[dict[str, Any]], backstop: Any = None) -> Score:
    total: Counter = Counter()
    correct: Counter = Counter()
    misrouted = []
    for case in cases:
        decision = classify(case["message"], case.get("history") or [], backstop=backstop)
        expected = case["expected"]
        total[expected] += 1
        if decision.route.value in {expected, *case.get("ok", [])}:
            correct[expected] += 1
        else:
            misrouted.append((case, decision.route.value, decision.reason))
    return Score(total, correct, tuple(misrouted))


def report(result: Score) -> str:
    lines = []
    for route in (r.value for r in Route):
        label = "correct none" if route == "none" else f"{route} recall"
        lines.append(
            f"{label:28s} {result.correct[route]:3d}/{result.total[route]:3d} = {result.rate(route):.1%}"
        )
    for case, got, reason in result.misrouted:
        lines.append(
            f"  MISS {case['id']} expected={case['expected']} got={got}: "
            f"{case['message'][:90]!r} -- {reason[:120]}"
        )
    return "\n".join(lines)


class _Probe:
    """Stands in for the backstop inside `classify`: records the scores of exactly the text the
    router would show it (masked clauses and all), and never escalates."""

    def __init__(self, backstop: Any) -> None:
        self.backstop = backstop
        self.best: dict | None = None

    def check(self, message: str, *, lang: str = "en") -> None:
        self.best = self.backstop.scores(message[:2000]) if len(message.split()) >= MIN_WORDS else None


def _top(best: dict | None) -> tuple[Route, float, float] | None:
    if not best:
        return None
    none_score = best.get(Route.NONE, (-1.0, ""))[0]
    route, (top, _) = max(((r, s) for r, s in best.items() if r is not Route.NONE), key=lambda x: x[1][0])
    return route, top, none_score


def calibrate(cases: list[dict[str, Any]], backstop: Any, margin: float | None = None) -> str:
    """Threshold table for the backstop.

    For each threshold: false escalations among the "none" cases, exactly as `classify` would
    make them (the backstop only sees what the rules leave, and general questions are not
    escalated to emergency or medical supervision), and the backstop's stand-alone recall on
    routed cases (right route, rules ignored) as a measure of what it would catch if the rules
    missed them.
    """
    margin = backstop.margin if margin is None else margin
    probe = _Probe(backstop)
    negatives, positives = [], []
    for case in cases:
        if case["expected"] == "none":
            probe.best = None
            decision = classify(case["message"], case.get("history") or [], backstop=probe)
            top = _top(probe.best) if not decision.routed else None
            message = normalize(case["message"])
            if top and top[1] - top[2] >= margin and backstop_may_escalate(message, top[0]):
                negatives.append((case, top[0].value, top[1]))
            else:
                negatives.append((case, "", -1.0))
        else:
            top = _top(backstop.scores(case["message"]))
            if top and top[1] - top[2] >= margin:
                positives.append((case, top[0].value, top[1]))
    total_none = len(negatives)
    lines = ["threshold  false-escalations(none cases)  none-accuracy  standalone-recall(routed cases)"]
    for step in range(40, 86, 2):
        t = step / 100
        fp = sum(1 for r in negatives if r[2] >= t)
        tp = sum(1 for r in positives if r[2] >= t and r[1] in {r[0]["expected"], *r[0].get("ok", [])})
        lines.append(
            f"{t:.2f}       {fp:3d}/{total_none:3d}                    {1 - fp / max(total_none, 1):6.1%}"
            f"         {tp:3d}/{sum(c['expected'] != 'none' for c in cases):3d}"
        )
    worst = sorted((r for r in negatives if r[1]), key=lambda r: -r[2])[:5]
    lines += [f"  top none: {r[2]:.3f} {r[1]:20s} {r[0]['id']} {r[0]['message'][:70]!r}" for r in worst]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument(
        "--backstop", action="store_true", help="load the embedding model and use the backstop"
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="print backstop similarities of unrouted cases"
    )
    args = parser.parse_args(argv)
    cases = load(args.path)
    backstop = None
    if args.backstop or args.calibrate:
        from assistant.safety.bench import load_backstop

        backstop = load_backstop()
    if args.calibrate:
        print(calibrate(cases, backstop))
        return
    print(report(score(cases, backstop)))


if __name__ == "__main__":
    main()
