"""The run as data: a JSON-able dict (deterministic apart from timings) and the report files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from evals.scoring import SuiteReport
from evals.thresholds import Verdict

DEFAULT_DIR = Path(__file__).with_name("reports")
FORMAT = 1


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_round(v) for v in value]
    return value


def suite_to_dict(report: SuiteReport) -> dict[str, Any]:
    return _round(
        {
            "kind": report.kind,
            "split": report.split,
            "path": report.path,
            "seconds": report.seconds,
            "metrics": report.metrics,
            "details": report.details,
            "cases": [asdict(c) for c in report.cases],
        }
    )


def verdict_to_dict(v: Verdict) -> dict[str, Any]:
    return _round(
        {
            "suite": v.suite,
            "metric": v.bound.metric,
            "op": v.bound.op,
            "limit": v.bound.limit,
            "value": v.value,
            "passed": v.passed,
            "gate": v.bound.gate,
        }
    )


def run_to_dict(
    reports: Sequence[SuiteReport], verdicts: Sequence[Verdict], target: str, seconds: float
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "target": target,
        "seconds": round(seconds, 3),
        "suites": {r.name: suite_to_dict(r) for r in reports},
        "check": [verdict_to_dict(v) for v in verdicts],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load(path: Path | str) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "suites" not in data:
        raise ValueError(f"{path}: not an evals report (no 'suites')")
    return data


def write_json(data: dict[str, Any], out_dir: Path) -> Path:
    """Write report.json, keeping the previous one as report.previous.json for `--compare`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "report.json"
    if path.exists():
        path.replace(out_dir / "report.previous.json")
    path.write_text(dumps(data), encoding="utf-8")
    return path
