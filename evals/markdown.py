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
    lines += _rates_section(
        m,
        "robustness",
        ("min", "perturbed"),
        (f"### Robustness of {name} (correct routes kept under each perturbation)", "perturbation", "kept"),
        details.get("robustness_changed", []),
        (
            f"### Routes changed by a perturbation in {name}",
            _columns("id", ("perturbation", "kind"), "message", "expected", "got"),
        ),
    )
    lines += _rates_section(
        m,
        "direction",
        ("min", "framed"),
        (
            f"### Directional tests of {name} (correct routes that turn to none in a marked frame)",
            "frame",
            "turned to none",
        ),
        details.get("direction_kept", []),
        (f"### Still routed in a frame in {name}", _columns("id", ("frame", "kind"), "message", "got")),
    )
    return lines


def _columns(*columns: str | tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """(header, case key) pairs; a plain name is both."""
    return tuple(c if isinstance(c, tuple) else (c, c) for c in columns)


def _rates_section(
    m: dict[str, Any],
    prefix: str,
    summaries: tuple[str, ...],
    rates: tuple[str, str, str],
    listed: list[dict[str, Any]],
    listing: tuple[str, tuple[tuple[str, str], ...]],
) -> list[str]:
    """A table of the `<prefix>.<kind>` rates (not the `summaries`), then the cases listed under it.
    `rates` is (title, kind column, rate column); `listing` is (title, (column, case key) pairs)."""
    kinds = sorted(
        k.removeprefix(f"{prefix}.") for k in m if k.startswith(f"{prefix}.") and k.count(".") == 1
    )
    kinds = [k for k in kinds if k not in summaries]
    if not kinds:
        return []
    title, kind_column, rate_column = rates
    lines = [title, ""]
    lines += _table([kind_column, rate_column], [[k, fmt.value("", m.get(f"{prefix}.{k}"))] for k in kinds])
    if listed:
        listed_title, columns = listing
        lines += [f"{listed_title} ({len(listed)})", ""]
        lines += _table([header for header, _ in columns], [[c[key] for _, key in columns] for c in listed])
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
