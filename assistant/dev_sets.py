"""The QA dev sets that the fitted parts (query adapter, abstention model) learn from, read once.

Held-out files are refused: they judge a round, they are never fitted on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from index.shared.settings import PROJECT_ROOT

DEV_SETS = (
    PROJECT_ROOT / "evals" / "datasets" / "qa.jsonl",
    PROJECT_ROOT / "evals" / "datasets" / "qa.dev2.jsonl",
)
TEAM = "team"  # the writer group of dev questions without a `source` (written by the team)


def writer(case: dict[str, Any]) -> str:
    """Who wrote a case: the group it is held out with when fitting out of fold."""
    return case.get("source", TEAM)


def read_cases(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """Every case of the files, in order; SystemExit for a held-out file."""
    cases = []
    for path in paths:
        if "heldout" in path.name:
            raise SystemExit(f"refusing to fit on a held-out split: {path.name}")
        cases += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return cases
