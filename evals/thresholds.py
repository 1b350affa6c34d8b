"""Thresholds: loading `thresholds.toml` and checking suite metrics against it.

Bounds apply by suite kind and split (`[safety.heldout.min]`), or to one case file by its suite name
(`[suites."safety.heldout2".min]`, the file name without `.jsonl`). A suite's own bound for a metric
replaces the kind-and-split one: thresholds belong to a dataset, so a new case file gets its own gate
instead of moving the gate of an existing one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("thresholds.toml")


@dataclass(frozen=True)
class Bound:
    kind: str
    split: str
    metric: str
    op: str  # ">=" or "<="
    limit: float
    gate: bool = True  # False for [*.target] bounds: reported when missed, never failing the check
    suite: str = ""  # set for a [suites."<name>".*] bound: it applies to that suite only

    def applies_to(self, name: str, kind: str, split: str) -> bool:
        return self.suite == name if self.suite else (self.kind, self.split) == (kind, split)


@dataclass(frozen=True)
class Verdict:
    suite: str
    bound: Bound
    value: float | None

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.bound.limit if self.bound.op == ">=" else self.value <= self.bound.limit

    @property
    def missing(self) -> bool:
        return self.value is None

    def describe(self) -> str:
        b = self.bound
        got = "no cases to measure it on" if self.value is None else f"{self.value:.4g}"
        return f"{self.suite}: {b.metric} = {got}, needs {b.op} {b.limit:g}"


def parse_bounds(data: Mapping) -> tuple[Bound, ...]:
    bounds = []
    for kind, splits in sorted(data.items()):
        for split, sides in sorted(splits.items()):
            where = f'{kind}."{split}"' if kind == "suites" else f"{kind}.{split}"
            unknown = set(sides) - {"min", "max", "target"}
            if unknown:
                raise ValueError(f"[{where}]: unknown table(s) {sorted(unknown)}; use min, max, target")
            for side, op in (("min", ">="), ("max", "<="), ("target", ">=")):
                for metric, limit in sorted(sides.get(side, {}).items()):
                    if not isinstance(limit, int | float) or isinstance(limit, bool):
                        raise ValueError(f"[{where}.{side}] {metric}: the bound must be a number")
                    gate = side != "target"
                    if kind == "suites":
                        bounds.append(Bound("", "", metric, op, float(limit), gate=gate, suite=split))
                    else:
                        bounds.append(Bound(kind, split, metric, op, float(limit), gate=gate))
    return tuple(bounds)


def load_bounds(path: Path | str = DEFAULT_PATH) -> tuple[Bound, ...]:
    with open(path, "rb") as fh:
        return parse_bounds(tomllib.load(fh))


def check(
    suites: Iterable[tuple[str, str, str, Mapping[str, float | int | None]]], bounds: Iterable[Bound]
) -> tuple[Verdict, ...]:
    """Verdicts for every bound that applies to a suite, given (name, kind, split, metrics) per suite.

    A bounded metric with no value (e.g. crisis recall on a suite without crisis cases) fails:
    a gate that cannot be measured is not a passed gate.
    """
    bounds = tuple(bounds)
    verdicts = []
    for name, kind, split, metrics in suites:
        own = {(b.metric, b.op, b.gate) for b in bounds if b.suite and b.suite == name}
        for b in bounds:
            if not b.applies_to(name, kind, split):
                continue
            if not b.suite and (b.metric, b.op, b.gate) in own:
                continue  # this suite has its own bound for the metric
            verdicts.append(Verdict(name, b, metrics.get(b.metric)))
    return tuple(verdicts)
