"""The Markdown report, rendered from the JSON dict of a run (so an old report.json can be re-rendered)."""

from __future__ import annotations

from typing import Any

from evals import format as fmt


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _safety(name: str, suite: dict[str, Any]) -> list[str]:
    details = suite["details"]
    routes = details["routes"]
    m = suite["metrics"]
    lines = [f"### Routes of {name}", ""]
    lines += _table(
        ["route", "recall", "precision", "F1"],
        [
            [r] + [fmt.value("", m.get(f"routing.{r}.{x}")) for x in ("recall", "precision", "f1")]
            for r in routes
        ],
    )
    confusion = details["confusion"]
    columns = list(next(iter(confusion.values())).keys()) if confusion else routes
    lines += [f"### Confusion matrix of {name} (rows: expected, columns: got)", ""]
    lines += _table(
        ["expected \\ got", *columns], [[r] + [confusion[r][c] for c in columns] for r in confusion]
    )
    misrouted = details["misrouted"]
    lines += [f"### Misrouted in {name} ({len(misrouted)})", ""]
    if misrouted:
        lines += _table(
            ["id", "message", "expected", "got", "reason"],
            [[c["id"], c["message"], c["expected"], c["got"], c["reason"]] for c in misrouted],
        )
    kinds = sorted(
        k.removeprefix("robustness.") for k in m if k.startswith("robustness.") and k.count(".") == 1
    )
    kinds = [k for k in kinds if k not in ("min", "perturbed")]
    if kinds:
        lines += [f"### Robustness of {name} (correct routes kept under each perturbation)", ""]
        lines += _table(
            ["perturbation", "kept"], [[k, fmt.value("", m.get(f"robustness.{k}"))] for k in kinds]
        )
        changed = details.get("robustness_changed", [])
        if changed:
            lines += [f"### Routes changed by a perturbation in {name} ({len(changed)})", ""]
            lines += _table(
                ["id", "perturbation", "message", "expected", "got"],
                [[c["id"], c["kind"], c["message"], c["expected"], c["got"]] for c in changed],
            )
    directions = sorted(
        k.removeprefix("direction.") for k in m if k.startswith("direction.") and k.count(".") == 1
    )
    directions = [k for k in directions if k not in ("min", "framed")]
    if directions:
        lines += [f"### Directional tests of {name} (correct routes that turn to none in a marked frame)", ""]
        lines += _table(
            ["frame", "turned to none"], [[k, fmt.value("", m.get(f"direction.{k}"))] for k in directions]
        )
        kept = details.get("direction_kept", [])
        if kept:
            lines += [f"### Still routed in a frame in {name} ({len(kept)})", ""]
            lines += _table(
                ["id", "frame", "message", "got"],
                [[c["id"], c["kind"], c["message"], c["got"]] for c in kept],
            )
    return lines


def _cases(suite: dict[str, Any]) -> list[str]:
    rows = [
        [c["id"], "pass" if c["passed"] else "FAIL", c["outcome"], fmt.value("latency_ms", c["latency_ms"])]
        for c in suite["cases"]
    ]
    return _table(["id", "result", "outcome", "ms"], rows)


def render(data: dict[str, Any]) -> str:
    suites = data["suites"]
    lines = ["# Evaluation report", "", f"Target: {data['target']}. Run time: {data['seconds']:.1f} s.", ""]
    if data.get("check"):
        gates = [c for c in data["check"] if c.get("gate", True)]
        failed = [c for c in gates if not c["passed"]]
        short = [c for c in data["check"] if not c.get("gate", True) and not c["passed"]]
        lines += ["## Check", "", f"{len(gates) - len(failed)} of {len(gates)} bounds met.", ""]
        for c in failed:
            got = fmt.value(c["metric"], c["value"])
            lines.append(f"- **{c['suite']}**: `{c['metric']}` = {got}, needs {c['op']} {c['limit']:g}")
        lines += [""] if failed else []
        if short:
            lines += [f"Below target ({len(short)}; targets inform, they do not gate):", ""]
            for c in short:
                got = fmt.value(c["metric"], c["value"])
                lines.append(f"- {c['suite']}: `{c['metric']}` = {got}, target {c['op']} {c['limit']:g}")
            lines.append("")
    for name in sorted(suites):
        suite = suites[name]
        lines += [f"## {name} ({suite['kind']}, {suite['split']}: {suite['metrics']['cases']} cases)", ""]
        lines += [f"Cases from `{suite['path']}`, run in {suite['seconds']:.1f} s.", ""]
        lines += _table(
            ["metric", "value"], [[k, fmt.value(k, v)] for k, v in sorted(suite["metrics"].items())]
        )
        if suite["kind"] == "safety":
            lines += _safety(name, suite)
        categories = suite["details"].get("categories", {})
        lines += [f"### Categories of {name}", ""]
        lines += _table(
            ["category", "cases", "passed"], [[k, v["cases"], v["passed"]] for k, v in categories.items()]
        )
        lines += [f"### Cases of {name}", "", *_cases(suite)]
    return "\n".join(lines).rstrip() + "\n"
