"""The reviewed word lists and advice patterns of assistant/generation/terms.toml, example by example."""

from __future__ import annotations

import pytest

from assistant.generation.anchors import (
    contradictions,
    load_terms,
    missing_anchors,
    negated,
    numbers,
    unsafe_advice,
)

TERMS = load_terms()
RULES = {rule.name: rule for rule in TERMS.unsafe}


@pytest.mark.parametrize(
    ("name", "example"), [(r.name, e) for r in TERMS.unsafe for e in r.examples], ids=lambda v: str(v)[:40]
)
def test_each_advice_rule_catches_its_examples(name: str, example: str) -> None:
    assert RULES[name].pattern.search(example), f"{name} misses {example!r}"


@pytest.mark.parametrize("near_miss", [e for r in TERMS.unsafe for e in r.near_misses], ids=lambda v: v[:40])
def test_no_advice_rule_fires_on_a_near_miss(near_miss: str) -> None:
    assert unsafe_advice(near_miss, TERMS) is None


def test_every_rule_has_examples_and_near_misses() -> None:
    assert all(rule.examples and rule.near_misses for rule in TERMS.unsafe)


def test_numbers_are_read_as_digits_on_both_sides() -> None:
    assert numbers("over 10,500 reports; nearly 25% of all", TERMS) == {"10500", "25"}
    assert numbers("in less than two weeks", TERMS) == {"2"}
    assert not missing_anchors("You can get hooked in under 2 weeks.", "less than two weeks", TERMS)


def test_a_changed_or_invented_number_is_missing_from_the_passage() -> None:
    passage = "A user can become addicted to Clonazepam in less than two weeks."
    assert missing_anchors("You can get hooked in three weeks.", passage, TERMS) == ("3",)
    assert "14" in missing_anchors("It takes 14 days to get hooked.", passage, TERMS)


def test_clonazepams_own_names_count_as_one_but_other_drugs_do_not() -> None:
    passage = "Clonazepam is also known as Klonopin."
    assert not missing_anchors("Klonopin is clonazepam.", passage, TERMS)
    assert missing_anchors("Klonopin is like Xanax.", passage, TERMS) == ("xanax",)


def test_named_terms_and_absolutes_must_be_the_passages_own() -> None:
    passage = "Most modern rehab centers offer therapy-based plans."
    assert "cbt" in missing_anchors("Rehab centers offer CBT.", passage, TERMS)
    assert "always" in missing_anchors("Rehab centers always offer plans.", passage, TERMS)
    # a word of the same group is the passage's own: "every" is supported by "all"
    assert not missing_anchors(
        "The first step in every program is detox.", "The first step in all programs is detox.", TERMS
    )


def test_an_opposite_word_contradicts_the_passage() -> None:
    passage = "Some overdose signs are: slow heart-rate and low blood pressure."
    assert contradictions("Signs include a rapid heart-rate.", passage, TERMS) == ("rapid (passage: slow)",)
    assert not contradictions("Signs include a slow heart-rate.", passage, TERMS)


def test_negation_is_seen_in_words_and_contractions() -> None:
    assert negated("You shouldn't stop alone.", TERMS)
    assert negated("Do not stop alone.", TERMS)
    assert not negated("Stop only with your prescriber.", TERMS)
