"""The query adapter: its file, how it moves a question's vectors, and its deterministic fit."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from assistant.dev_sets import read_cases
from assistant.fit_query_adapter import FitSettings, Pair, evidence_sentences, fit
from assistant.query_adapter import DEFAULT_ADAPTER_PATH, QueryAdapter
from index.shared.embeddings import EncodedQuery, model_name

DIM, RANK = 8, 2


def unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def adapter(seed: int = 0, model: str = "m") -> QueryAdapter:
    rng = np.random.default_rng(seed)
    return QueryAdapter(
        rng.normal(size=(DIM, RANK)).astype(np.float32),
        rng.normal(size=(DIM, RANK)).astype(np.float32),
        model,
        "a note",
    )


def test_adapter_round_trips_through_its_file(tmp_path) -> None:
    original = adapter()
    original.save(tmp_path / "a.npz")
    loaded = QueryAdapter.load(tmp_path / "a.npz")
    assert np.array_equal(loaded.up, original.up) and np.array_equal(loaded.down, original.down)
    assert (loaded.model, loaded.note) == ("m", "a note")


def test_a_missing_corrupt_misshapen_or_foreign_adapter_is_not_used(tmp_path, caplog) -> None:
    caplog.set_level(logging.WARNING)
    assert QueryAdapter.load_or_none(None, "m") is None
    assert QueryAdapter.load_or_none(tmp_path / "absent.npz", "m") is None
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"\x00not a numpy archive")
    assert QueryAdapter.load_or_none(corrupt, "m") is None
    misshapen = tmp_path / "misshapen.npz"
    np.savez(misshapen, up=np.zeros((DIM, 2)), down=np.zeros((DIM, 3)), model="m", note="")
    assert QueryAdapter.load_or_none(misshapen, "m") is None
    adapter(model="other-model").save(tmp_path / "foreign.npz")
    assert QueryAdapter.load_or_none(tmp_path / "foreign.npz", "m") is None
    assert "not used" in caplog.text and "unreadable" in caplog.text
    adapter().save(tmp_path / "good.npz")
    assert QueryAdapter.load_or_none(tmp_path / "good.npz", "m") is not None


def test_apply_keeps_the_plain_vector_and_adds_its_moved_copy_normalised() -> None:
    plain, masked = unit(np.arange(1, DIM + 1)), unit(np.ones(DIM))
    moved = adapter().apply(EncodedQuery(plain, masked))
    assert np.array_equal(moved.plain, plain)  # the model's own dense ranking is kept
    assert moved.adapted is not None and not np.allclose(moved.adapted, plain)
    for v in (moved.adapted, moved.masked):
        assert np.linalg.norm(v) == pytest.approx(1.0, abs=1e-6)
    identity = QueryAdapter(np.zeros((DIM, RANK)), np.zeros((DIM, RANK)), "m")
    assert np.allclose(identity.apply(EncodedQuery(plain, masked)).masked, masked)


def synthetic_task():
    """Questions that the raw vectors rank wrongly: each question is nearest a distractor sentence."""
    rng = np.random.default_rng(1)
    sentences = np.stack([unit(rng.normal(size=DIM)) for _ in range(6)])
    training = []
    for i in range(4):
        question = unit(sentences[i + 1] + 0.3 * sentences[i])  # nearest sentence i + 1, answer is i
        training.append(Pair(f"q{i}", (i,), question, question, "w", ()))
    # Each sentence has two vectors (with and without its section title) at run time.
    return training, np.stack([sentences, sentences], axis=1)


def ranks_right(training, vectors, fitted: QueryAdapter | None) -> int:
    right = 0
    for pair in training:
        q = pair.masked if fitted is None else fitted.vector(pair.masked)
        right += int(np.argmax((vectors @ q).max(axis=1)) == pair.positives[0])
    return right


def test_fit_is_deterministic_and_learns_the_pairs() -> None:
    training, vectors = synthetic_task()
    settings = FitSettings(rank=4, steps=300)
    first, second = fit(training, vectors, "m", settings), fit(training, vectors, "m", settings)
    assert np.array_equal(first.up, second.up) and np.array_equal(first.down, second.down)
    assert ranks_right(training, vectors, None) == 0
    assert ranks_right(training, vectors, first) == len(training)
    assert first.model == "m" and "4 question-evidence pairs" in first.note


def test_fitting_refuses_a_held_out_split(tmp_path) -> None:
    heldout = tmp_path / "qa.heldout9.jsonl"
    heldout.write_text('{"question": "q", "answerable": true, "evidence": ["x"]}\n')
    with pytest.raises(SystemExit, match="held-out"):
        read_cases([heldout])


def test_evidence_is_found_in_its_sentence_or_across_sentences() -> None:
    sentences = ["clonazepam is a benzodiazepine.", "it treats seizures and panic disorder.", "rehab helps."]
    assert evidence_sentences(sentences, ["Treats seizures"]) == (1,)
    spanning = "clonazepam is a benzodiazepine. it treats seizures and panic disorder."
    assert evidence_sentences(sentences, [spanning]) == (0, 1)
    assert evidence_sentences(sentences, ["not on the page"]) == ()


@pytest.mark.slow
def test_the_shipped_adapter_fits_the_packaged_model_and_is_used(real_embeddings, real_assistant) -> None:
    shipped = QueryAdapter.load(Path(DEFAULT_ADAPTER_PATH))
    assert shipped.model == model_name(real_embeddings)
    assert shipped.up.shape == shipped.down.shape and shipped.up.shape[0] == len(
        real_embeddings.embed_query("x")
    )
    assert real_assistant.query_adapter is not None and real_assistant.query_adapter.model == shipped.model
