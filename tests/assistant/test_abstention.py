"""Abstention: a model over similarity and vocabulary signals; words the corpus never uses."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from assistant.abstention import FEATURES, AbstentionFeatures, AbstentionModel, CorpusVocabulary


@pytest.fixture(scope="module")
def vocabulary(store) -> CorpusVocabulary:
    return CorpusVocabulary.of(store.lexical.vocabulary, store.lexical.stem)


def model(weights, bias=0.0, threshold=0.5) -> AbstentionModel:
    n = len(FEATURES)
    return AbstentionModel((0.0,) * n, (1.0,) * n, tuple(weights), bias=bias, threshold=threshold)


def features(**values) -> AbstentionFeatures:
    every = [f.name for f in dataclasses.fields(AbstentionFeatures)]
    return AbstentionFeatures(**({name: 0.0 for name in every} | values))


def test_model_is_a_logistic_regression_over_standardised_features() -> None:
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("best_titled")] = 10.0
    weights[FEATURES.index("best_dense")] = 5.0
    m = model(weights, bias=-5.0)
    assert m.probability(features(best_titled=0.5)) == pytest.approx(0.5)
    assert m.should_answer(features(best_titled=0.8))
    assert not m.should_answer(features(best_titled=0.8, best_dense=-1.0))  # no passage is like it
    assert not m.should_answer(features(best_titled=0.2))
    shifted = AbstentionModel(
        means=(0.5,) + (0.0,) * (len(FEATURES) - 1), scales=(0.1,) + (1.0,) * (len(FEATURES) - 1),
        weights=(1.0,) + (0.0,) * (len(FEATURES) - 1), bias=0.0, threshold=0.5,
    )  # fmt: skip
    assert FEATURES[0] == "best_titled"
    assert shifted.probability(features(best_titled=0.6)) == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_model_round_trips_through_its_file_and_refuses_other_features(tmp_path) -> None:
    m = model([0.5] * len(FEATURES), bias=0.25, threshold=0.6)
    path = tmp_path / "model.json"
    m.save(path)
    assert AbstentionModel.load(path) == m
    data = json.loads(path.read_text())
    data["features"] = ["something", "else"]
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="calibrate"):
        AbstentionModel.load(path)


def test_the_shipped_model_loads() -> None:
    shipped = AbstentionModel.load()
    assert len(shipped.weights) == len(shipped.means) == len(shipped.scales) == len(FEATURES)
    assert 0.0 < shipped.threshold < 1.0


def test_names_the_corpus_never_uses_are_unknown(vocabulary) -> None:
    assert vocabulary.unknown_terms("Is Xanax stronger than clonazepam?") == ("xanax", "stronger")
    assert "urine" in vocabulary.unknown_terms("Does it show up in a urine test?")
    assert "manufactures" in vocabulary.unknown_terms("Who manufactures Klonopin?")


def test_typos_of_known_words_and_inflections_are_known(vocabulary) -> None:
    assert vocabulary.unknown_terms("what is withdrawl like") == ()
    assert vocabulary.unknown_terms("withdrawals and withdrawing") == ()
    assert vocabulary.unknown_terms("how long does inpatient rehab last") == ()
    assert vocabulary.knows("seizures") and vocabulary.knows("sezures")


def test_the_drugs_names_and_generic_words_are_never_unknown(vocabulary) -> None:
    assert vocabulary.unknown_terms("can klonopn or k-pins or Rivotril cause seizures?") == ()
    assert vocabulary.unknown_terms("klonopin clonazapam k-pins") == ()
    assert vocabulary.unknown_terms("what is it, please tell me") == ()


def test_short_words_are_ignored_and_typo_tolerance_needs_long_stems(vocabulary) -> None:
    assert vocabulary.unknown_terms("is it ok?") == ()
    assert not vocabulary.knows("zzzz")


def test_spelling_corrections_are_corpus_stems_one_edit_from_misspelt_words(vocabulary) -> None:
    assert vocabulary.spelling_corrections("does it mess with your memmory") == ("memori",)
    assert vocabulary.spelling_corrections("halucinations and memmory, memmory") == ("hallucin", "memori")
    for correction in vocabulary.spelling_corrections("halucinations memmory"):
        assert correction in vocabulary.stems and vocabulary.stem(correction) == correction


def test_spelling_corrections_leave_known_short_and_distant_words_alone(vocabulary) -> None:
    assert vocabulary.spelling_corrections("what are the withdrawal symptoms") == ()  # known words
    assert vocabulary.spelling_corrections("people misusing meds") == ()  # "misus" is one edit from "miss"
    assert vocabulary.spelling_corrections("is Xanax stronger") == ()  # nothing one edit away
