"""The terminal view of a run (rich tables), rendered from the JSON dict of the run."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from evals import format as fmt

MAX_LISTED = 25


def _metrics_table(kind: str, suites: dict[str, dict[str, Any]]) -> Table:
    names = sorted(n for n, s in suites.items() if s["kind"] == kind)
    table = Table(title=f"{kind} suites", title_justify="left")
    table.add_column("metric")
    for name in names:
        table.add_column(f"{name}\n({suites[name]['metrics']['cases']} cases)", justify="right")
    for metric in fmt.headline(kind):
        table.add_row(metric, *(fmt.value(metric, suites[n]["metrics"].get(metric)) for n in names))
    return table


def _severity(kind: str, case: dict[str, Any]) -> int:
    # Missed emergencies and crises first, then other safety misses, then QA failures.
    if kind == "safety":
        return 0 if case["expected"] in ("emergency", "crisis") else 1
    return 2


def _failures_table(suites: dict[str, dict[str, Any]]) -> Table | None:
    failed = [
        (_severity(suites[name]["kind"], case), name, case)
        for name in sorted(suites)
        for case in suites[name]["cases"]
        if not case["passed"]
    ]
    failed.sort(key=lambda item: (item[0], item[1]))  # stable: file order within a suite
    rows = [
        (
            name,
            case["id"],
            case.get("message") or case.get("question") or "",
            case["outcome"],
            case.get("reason", ""),
        )
        for _, name, case in failed
    ]
    if not rows:
        return None
    table = Table(
        title=f"failed cases ({len(rows)}, first {min(len(rows), MAX_LISTED)} shown)", title_justify="left"
    )
    for column in ("suite", "id", "message", "outcome", "reason"):
        table.add_column(column, overflow="fold")
    for row in rows[:MAX_LISTED]:
        table.add_row(*row)
    return table


def show(data: dict[str, Any], console: Console) -> None:
    suites = data["suites"]
    for kind in ("safety", "qa"):
        if any(s["kind"] == kind for s in suites.values()):
            console.print(_metrics_table(kind, suites))
    for name in sorted(suites):
        errors = [c for c in suites[name]["cases"] if c["error"]]
        if errors:
            console.print(
                f"[red]{name}: {len(errors)} of {len(suites[name]['cases'])} cases raised[/], "
                f"first: {errors[0]['error']}",
                highlight=False,
            )
    failures = _failures_table(suites)
    if failures is not None:
        console.print(failures)
    console.print(f"target {data['target']}, run time {data['seconds']:.1f} s")


def show_check(data: dict[str, Any], console: Console) -> bool:
    """Print the check verdicts; True when every gating bound was met (targets only inform)."""
    gates = [c for c in data["check"] if c.get("gate", True)]
    failed = [c for c in gates if not c["passed"]]
    short = [c for c in data["check"] if not c.get("gate", True) and not c["passed"]]
    if short:
        console.print(f"[yellow]below target[/]: {len(short)} metric(s) (targets inform, they do not gate)")
        for c in short:
            console.print(f"  {_describe(c)}", highlight=False)
    if not failed:
        console.print(f"[green]check passed[/]: {len(gates)} bounds met")
        return True
    console.print(f"[red]check failed[/]: {len(failed)} of {len(gates)} bounds not met")
    for c in failed:
        console.print(f"  {_describe(c)}", highlight=False)
    return False


def _describe(c: dict[str, Any]) -> str:
    got = "no cases to measure it on" if c["value"] is None else fmt.value(c["metric"], c["value"])
    return f"{c['suite']}: {c['metric']} = {got}, needs {c['op']} {c['limit']:g}"
