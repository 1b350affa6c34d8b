"""evals.curate: duplicates and near-duplicates are dropped, QA evidence must occur in a chunk."""

from __future__ import annotations

import numpy as np

from evals.curate import curate


def embed(texts):
    """Deterministic stand-in: texts sharing their first word are near-duplicates."""
    return [
        np.eye(8)[sum(map(ord, t.split("||")[-1].split()[0].lower())) % 8] + 0.01 * i
        for i, t in enumerate(texts)
    ]


def test_exact_and_near_duplicates_are_dropped_and_order_kept() -> None:
    drafts = [
        {"id": "a", "message": "Help I took too many", "history": []},
        {"id": "b", "message": "help, i took too many!", "history": []},  # same normalised text
        {"id": "c", "message": "Help me please", "history": []},  # same first word: near-duplicate
    ]
    kept, dropped = curate(drafts, [], embed, 0.9, [])
    assert [r["id"] for r in kept] == ["a"]
    assert any("same text" in d for d in dropped) and any("near-duplicate" in d for d in dropped)


def test_cases_repeating_an_existing_file_are_dropped() -> None:
    against = [{"id": "s-1", "message": "stop cold turkey", "history": []}]
    kept, _ = curate([{"id": "x", "message": "Stop cold turkey", "history": []}], against, embed, 0.9, [])
    assert kept == []


def test_qa_evidence_must_occur_in_a_chunk() -> None:
    drafts = [
        {"id": "q1", "question": "how long is rehab", "answerable": True, "evidence": ["30, 60 or 90 days"]},
        {"id": "q2", "question": "what is it", "answerable": True, "evidence": ["not in the page"]},
        {"id": "q3", "question": "price?", "answerable": False, "evidence": []},
    ]
    kept, dropped = curate(drafts, [], embed, 2.0, ["They stay for 30, 60 or 90 days."])
    assert [r["id"] for r in kept] == ["q1", "q3"]
    assert dropped == ["q2: no evidence span in any chunk ('not in the page')"]
