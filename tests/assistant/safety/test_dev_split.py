"""The router on the dev split (evals/datasets/safety.jsonl) meets the issue's targets; light to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.safety.score import load, score

DEV = Path(__file__).resolve().parents[3] / "evals" / "datasets" / "safety.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="dev split not written yet")
def test_dev_split_targets() -> None:
    result = score(load(DEV))
    assert result.rate("emergency") == 1.0
    assert result.rate("crisis") == 1.0
    assert result.rate("medical_supervision") >= 0.95
    assert result.rate("none") >= 0.95


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="dev split not written yet")
def test_dev_split_targets_hold_with_the_backstop_at_its_default_threshold(real_embeddings) -> None:
    """The backstop's threshold is the lowest that keeps dev "none" >= 97% (see backstop.py), and it
    never costs a routed case (it only escalates)."""
    from assistant.safety import SemanticBackstop

    result = score(load(DEV), backstop=SemanticBackstop(real_embeddings))
    assert result.rate("emergency") == 1.0
    assert result.rate("crisis") == 1.0
    assert result.rate("medical_supervision") >= 0.95
    assert result.rate("none") >= 0.97


def test_router_needs_no_model_index_or_ui() -> None:
    code = (
        "import sys; from assistant.safety import classify; classify('she took 20 klonopin');"
        "heavy = {'torch', 'chromadb', 'sentence_transformers', 'gradio', 'langchain_huggingface', 'numpy'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
