"""The drug's names, slang and misspellings: found (for masking) and canonicalised (for retrieval)."""

from __future__ import annotations

import pytest

from index.shared.drugnames import canonicalize, drug_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is clonazapam addictive?", "is clonazepam addictive?"),
        ("klonopn withdrawal", "clonazepam withdrawal"),
        ("are k-pins addictive", "are clonazepam addictive"),
        ("are kpins addictive", "are clonazepam addictive"),
        ("what do klonnies do", "what do clonazepam do"),
        ("mixing benzos and alcohol", "mixing benzodiazepines and alcohol"),
        ("are downers dangerous", "are sedatives dangerous"),
    ],
)
def test_typos_and_slang_become_the_word_the_corpus_uses(text: str, expected: str) -> None:
    assert canonicalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Is Klonopin the same as clonazepam?",
        "rivotril in Europe",
        "benzodiazepines and benzodiazepine",
        "How long does inpatient rehab last?",
        "clonidine is a different drug",
        "colonoscopy prep",
    ],
)
def test_real_names_and_other_words_are_left_alone(text: str) -> None:
    assert canonicalize(text) == text


def test_drug_spans_cover_names_typos_and_slang_in_order() -> None:
    text = "Klonopin (clonazapam), aka k-pins; not clonidine."
    spans = drug_spans(text)
    assert [text[a:b] for a, b in spans] == ["Klonopin", "clonazapam", "k-pins"]


def test_typo_distance_is_bounded() -> None:
    assert drug_spans("klonopim")  # one edit
    assert drug_spans("clonazipan")  # two edits
    assert not drug_spans("clonezipum")  # three edits
    assert not drug_spans("klono")  # too short to judge


def test_case_is_kept_for_real_names_and_canonical_for_replacements() -> None:
    assert canonicalize("KLONOPIN and Klonnies") == "KLONOPIN and clonazepam"


def test_pins_and_needles_is_not_the_drug() -> None:
    assert drug_spans("I get pins and needles in my feet") == []
    assert canonicalize("do pins make you sleepy?") == "do clonazepam make you sleepy?"
