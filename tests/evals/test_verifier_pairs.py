"""The generated-answer verifier on the labelled sentence pairs (evals/datasets/support/), as
`python -m evals --llm` scores it: the bounds of issue 16 on the held-out pairs, which it was never
fitted on, and floors on the dev pairs it was fitted on."""

from __future__ import annotations

import pytest

from evals.generation import BOUNDS, verifier_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(real_embeddings) -> dict:
    return verifier_report(real_embeddings)


def test_held_out_pairs_meet_the_bounds(report: dict) -> None:
    held_out = report["heldout"]
    assert held_out["unsupported_dropped"] >= BOUNDS["unsupported_dropped"], held_out
    assert held_out["supported_kept"] >= BOUNDS["supported_kept"], held_out


def test_dev_pairs_stay_above_their_floors(report: dict) -> None:
    # Floors just under what the model fitted on all dev pairs measured on 2026-12-07 (0.942, 0.828).
    assert report["dev"]["unsupported_dropped"] >= 0.94, report["dev"]
    assert report["dev"]["supported_kept"] >= 0.82, report["dev"]


def test_advice_and_new_drugs_are_always_dropped(report: dict) -> None:
    for split in ("dev", "heldout"):
        for kind in ("dosing", "new_drug"):
            kept, total = report[split]["kept_by_kind"][kind].split("/")
            assert kept == "0", (split, kind, total)
