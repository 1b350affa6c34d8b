"""The question bank: its file, what a question's nearest dev questions say, and how abstention and
quoting use it."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from assistant.abstention import FEATURES, AbstentionFeatures, AbstentionModel
from assistant.question_bank import DEFAULT_BANK_PATH, QuestionBank, build
from index.shared.embeddings import model_name

DIM = 6


def unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def axis(i: int, lean: int | None = None) -> np.ndarray:
    v = np.zeros(DIM)
    v[i] = 1.0
    if lean is not None:
        v[lean] = 0.3
    return unit(v)


def small_bank(model: str = "m") -> QuestionBank:
    """Two answerable questions (along axes 0 and 1) and two the page does not answer (axes 3, 4)."""
    return build(
        [axis(0), axis(1), axis(3), axis(4)],
        [True, True, False, False],
        [["Fatigue is the most common side effect."], ["Detox comes first."], [], []],
        model,
        "a note",
    )


def test_a_question_near_an_answerable_one_has_a_positive_margin_and_its_sentence_support() -> None:
    near_answerable = small_bank().match(axis(0, lean=1))
    assert near_answerable.nearest_answerable == pytest.approx(float(axis(0, 1) @ axis(0)), abs=1e-6)
    assert near_answerable.nearest_unanswerable == pytest.approx(0.0, abs=1e-6)
    assert near_answerable.margin > 0
    assert near_answerable.support("Fatigue is the most common side effect.") > near_answerable.support(
        "Detox comes first."
    )
    assert near_answerable.support("A sentence no bank question cites.") == 0.0
    near_unanswerable = small_bank().match(axis(3, lean=4))
    assert near_unanswerable.margin < 0 and near_unanswerable.sentence_support == {}


def test_bank_round_trips_through_its_file(tmp_path) -> None:
    original = small_bank()
    original.save(tmp_path / "b.npz")
    loaded = QuestionBank.load(tmp_path / "b.npz")
    assert np.allclose(loaded.vectors, original.vectors, atol=1e-3)  # stored as float16
    assert np.array_equal(loaded.answerable, original.answerable)
    assert np.array_equal(loaded.answers, original.answers) and loaded.sentences == original.sentences
    assert (loaded.model, loaded.note) == ("m", "a note")


def test_a_missing_corrupt_misshapen_or_foreign_bank_is_not_used(tmp_path, caplog) -> None:
    caplog.set_level(logging.WARNING)
    assert QuestionBank.load_or_none(None, "m") is None
    assert QuestionBank.load_or_none(tmp_path / "absent.npz", "m") is None
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"\x00not a numpy archive")
    assert QuestionBank.load_or_none(corrupt, "m") is None
    bank = small_bank()
    misshapen = tmp_path / "misshapen.npz"
    np.savez(
        misshapen, vectors=bank.vectors, answerable=bank.answerable[:2], sentences=np.array(bank.sentences),
        answers=np.packbits(bank.answers, axis=1), model="m", note="",
    )  # fmt: skip
    assert QuestionBank.load_or_none(misshapen, "m") is None
    small_bank(model="other-model").save(tmp_path / "foreign.npz")
    assert QuestionBank.load_or_none(tmp_path / "foreign.npz", "m") is None
    assert "not used" in caplog.text and "unreadable" in caplog.text
    bank.save(tmp_path / "good.npz")
    assert QuestionBank.load_or_none(tmp_path / "good.npz", "m") is not None


def features(**bank) -> AbstentionFeatures:
    return AbstentionFeatures(0.5, 0.5, 0.5, 1.0, 0.0, 0.0, 0.5, **bank)


def test_without_a_bank_abstention_reads_the_bank_features_as_average() -> None:
    means = tuple(float(i) for i in range(len(FEATURES)))
    weights = tuple(1.0 for _ in FEATURES)
    model = AbstentionModel(means, (1.0,) * len(FEATURES), weights, bias=0.0, threshold=0.5)
    at_means = features(
        bank_answerable=means[FEATURES.index("bank_answerable")],
        bank_unanswerable=means[FEATURES.index("bank_unanswerable")],
        bank_margin=means[FEATURES.index("bank_margin")],
    )
    assert model.probability(features()) == pytest.approx(model.probability(at_means))
    higher = features(bank_answerable=100.0, bank_unanswerable=0.0, bank_margin=100.0)
    assert model.probability(higher) > model.probability(features())


@pytest.mark.slow
def test_the_shipped_bank_fits_the_packaged_model_and_helps_a_paraphrase(real_embeddings, real_assistant):
    shipped = QuestionBank.load(Path(DEFAULT_BANK_PATH))
    assert shipped.model == model_name(real_embeddings)
    assert real_assistant.question_bank is not None
    page = {s.text for s in real_assistant.store.sentences}
    assert set(shipped.sentences) <= page  # every answering sentence is one of the page's
    assert shipped.answerable.sum() >= 600 and (~shipped.answerable).sum() >= 150
    # An everyday wording no dev question uses: near the fatigue questions, far from out-of-scope ones.
    vector = real_assistant.embeddings.encode(
        "why am i wiped out all the time since starting my kpins"
    ).masked
    match = shipped.match(vector)
    assert match.margin > 0
    best = max(match.sentence_support, key=match.sentence_support.get)
    assert "fatigue" in best.lower()
