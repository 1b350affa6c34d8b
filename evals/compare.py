"""`--compare OLD.json`: which metrics improved or regressed, and which cases changed outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Console

from evals import format as fmt


@dataclass(frozen=True)
class MetricChange:
    suite: str
    metric: str
    old: float | None
    new: float | None

    @property
    def informational(self) -> bool:
        """Timings are noisy and case counts are neither better nor worse."""
        return self.metric.startswith("latency.") or self.metric.split(".")[0] == "cases"

    @property
    def improved(self) -> bool:
        if self.old is None or self.new is None:
            return self.old is None  # a metric that became measurable is not a regression
        return self.new < self.old if fmt.lower_is_better(self.metric) else self.new > self.old


@dataclass(frozen=True)
class CaseChange:
    suite: str
    id: str
    old: str  # outcome text, or "(absent)"
    new: str
    old_passed: bool | None
    new_passed: bool | None

    @property
    def direction(self) -> str:
        if self.old_passed is None:
            return "added"
        if self.new_passed is None:
            return "removed"
        if self.old_passed != self.new_passed:
            return "fixed" if self.new_passed else "broken"
        return "changed"


@dataclass(frozen=True)
class Comparison:
    improved: tuple[MetricChange, ...]
    regressed: tuple[MetricChange, ...]
    informational: tuple[MetricChange, ...]
    cases: tuple[CaseChange, ...]
    suites_added: tuple[str, ...]
    suites_removed: tuple[str, ...]


def _metric_changes(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[MetricChange]:
    changes = []
    for metric in sorted(set(old) | set(new)):
        if old.get(metric) != new.get(metric):
            changes.append(MetricChange(name, metric, old.get(metric), new.get(metric)))
    return changes


def _case_changes(name: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[CaseChange]:
    old_by_id, new_by_id = {c["id"]: c for c in old}, {c["id"]: c for c in new}
    order = [c["id"] for c in new] + [i for i in old_by_id if i not in new_by_id]
    changes = []
    for case_id in order:
        o, n = old_by_id.get(case_id), new_by_id.get(case_id)
        if o and n and o["passed"] == n["passed"] and o["outcome"] == n["outcome"]:
            continue
        changes.append(
            CaseChange(
                name,
                case_id,
                o["outcome"] if o else "(absent)",
                n["outcome"] if n else "(absent)",
                o["passed"] if o else None,
                n["passed"] if n else None,
            )
        )
    return changes


def compare(old: dict[str, Any], new: dict[str, Any]) -> Comparison:
    old_suites, new_suites = old["suites"], new["suites"]
    metrics: list[MetricChange] = []
    cases: list[CaseChange] = []
    for name in sorted(set(old_suites) & set(new_suites)):
        metrics += _metric_changes(name, old_suites[name]["metrics"], new_suites[name]["metrics"])
        cases += _case_changes(name, old_suites[name]["cases"], new_suites[name]["cases"])
    quality = [m for m in metrics if not m.informational]
    return Comparison(
        improved=tuple(m for m in quality if m.improved),
        regressed=tuple(m for m in quality if not m.improved),
        informational=tuple(m for m in metrics if m.informational),
        cases=tuple(cases),
        suites_added=tuple(sorted(set(new_suites) - set(old_suites))),
        suites_removed=tuple(sorted(set(old_suites) - set(new_suites))),
    )


def _line(m: MetricChange) -> str:
    return f"  {m.suite}: {m.metric} {fmt.value(m.metric, m.old)} -> {fmt.value(m.metric, m.new)}"


def show(c: Comparison, console: Console) -> None:
    console.print(
        f"[bold]compared with the old report[/]: {len(c.improved)} metrics improved, "
        f"{len(c.regressed)} regressed, {len(c.cases)} cases changed"
    )
    for title, style, items in (("improved", "green", c.improved), ("regressed", "red", c.regressed)):
        if items:
            console.print(f"[{style}]{title}[/]")
            for m in items:
                console.print(_line(m), highlight=False)
    if c.informational:
        console.print("informational (timings, case counts)")
        for m in c.informational:
            console.print(_line(m), highlight=False)
    styles = {"fixed": "green", "broken": "red"}
    for change in c.cases:
        style = styles.get(change.direction, "yellow")
        console.print(
            f"  [{style}]{change.direction}[/] {change.suite}/{change.id}: {change.old} -> {change.new}",
            highlight=False,
        )
    for name in c.suites_added:
        console.print(f"  new suite {name}")
    for name in c.suites_removed:
        console.print(f"  suite {name} no longer run")
