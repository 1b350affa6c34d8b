"""`--export-ragas FILE`: the QA cases of a run as JSONL in the column names RAGAS and DeepEval expect.

Safety cases are left out: their replies are fixed texts, not answers drawn from the contexts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evals.scoring import QAResult, SuiteReport


def rows(reports: Iterable[SuiteReport]) -> list[dict[str, Any]]:
    """One row per QA case; `reference` is the evidence spans joined by a space ("" when unanswerable)."""
    return [
        {
            "id": f"{report.name}/{case.id}",
            "user_input": case.question,
            "retrieved_contexts": [s["text"] for s in case.sources],
            "response": case.text,
            "reference": " ".join(case.evidence),
        }
        for report in reports
        for case in report.cases
        if isinstance(case, QAResult)
    ]


def write(reports: Iterable[SuiteReport], path: Path | str) -> int:
    data = rows(reports)
    Path(path).write_text(
        "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in data), encoding="utf-8"
    )
    return len(data)
