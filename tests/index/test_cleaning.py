"""Cleaning of scraped-page artifacts: one test per artifact, then the real document end to end."""

from __future__ import annotations

import itertools
import re

import pytest

from index.chunking import chunk_document
from index.cleaning import (
    clean_text,
    comparable,
    fix_doubled_capital,
    is_boilerplate,
    strip_markup,
    unglue_repeated,
)
from index.sections import find_sections


def blocks(text: str) -> list[str]:
    return [b.strip() for b in text.split("\n\n") if b.strip()]


# --- one artifact at a time -----------------------------------------------------------------------


def test_heading_repeated_on_two_lines_separated_by_blank_line_is_kept_once() -> None:
    raw = "Clonazepam Detox\n\nClonazepam Detox\n\nThe first step in all recovery programs is detox.\n"
    assert blocks(clean_text(raw)) == [
        "Clonazepam Detox",
        "The first step in all recovery programs is detox.",
    ]


def test_heading_repeated_on_adjacent_lines_is_kept_once() -> None:
    raw = "Group Therapy Helps\nGroup Therapy Helps\n\nRebuilding relationships is hard.\n"
    assert blocks(clean_text(raw)) == ["Group Therapy Helps", "Rebuilding relationships is hard."]


def test_heading_that_only_recurs_later_is_not_a_repeat() -> None:
    raw = "Clonazepam Detox\n\nDetox is the first step.\n\nClonazepam Detox\n\nIt is monitored.\n"
    assert blocks(clean_text(raw)).count("Clonazepam Detox") == 2


def test_heading_glued_to_itself_is_split_to_one_copy() -> None:
    glued = "The Importance of AftercareThe Importance of Aftercare"
    assert unglue_repeated(glued) == "The Importance of Aftercare"
    assert (
        blocks(clean_text(glued + "\n\nOnce rehab is over, aftercare helps.\n"))[0]
        == "The Importance of Aftercare"
    )


def test_glued_heading_with_straight_and_curly_apostrophes_is_one_heading_keeping_the_curly_one() -> None:
    glued = "How Do I Know if I'm Addicted?How Do I Know if I\u2019m Addicted?"
    assert unglue_repeated(glued) == "How Do I Know if I\u2019m Addicted?"
    assert comparable("I'm") == comparable("I\u2019m")


def test_text_that_merely_contains_a_phrase_twice_is_not_unglued() -> None:
    line = "Sick and tired of being sick and tired."
    assert unglue_repeated(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Learn more About Clonazepam",
        "plus icon",
        "clonazepam infograph",
        "Learn more about Clonazepam with our infographics.",
        "Verify Insurance",
        "  VERIFY   insurance ",
    ],
)
def test_boilerplate_line_is_dropped(line: str) -> None:
    assert is_boilerplate(" ".join(line.split()))
    raw = f"Clonazepam Rehab\n\n{line}\n\nAchieving sobriety is not easy, but it is possible.\n"
    assert blocks(clean_text(raw)) == [
        "Clonazepam Rehab",
        "Achieving sobriety is not easy, but it is possible.",
    ]


def test_sentence_mentioning_boilerplate_words_is_kept() -> None:
    sentence = "Call us to verify insurance and learn more about Clonazepam rehab options."
    assert not is_boilerplate(sentence)
    assert blocks(clean_text(sentence)) == [sentence]


def test_stray_markup_is_removed() -> None:
    assert strip_markup("Highly Recommended: Inpatient Clonazepam Rehab<") == (
        "Highly Recommended: Inpatient Clonazepam Rehab"
    )
    assert strip_markup("<b>Detox</b> first") == "Detox first"


def test_stray_markup_heading_then_same_heading_is_one_heading() -> None:
    raw = (
        "Highly Recommended: Inpatient Clonazepam Rehab<\n\n"
        "Highly Recommended: Inpatient Clonazepam Rehab\n\n"
        "Considering a treatment program can be overwhelming.\n"
    )
    assert blocks(clean_text(raw)) == [
        "Highly Recommended: Inpatient Clonazepam Rehab",
        "Considering a treatment program can be overwhelming.",
    ]


@pytest.mark.parametrize("text", ["doses < 2 mg and > 1 mg", "at <0.5 mg a day", "scores >30 mean severe"])
def test_comparison_signs_are_content_not_markup(text: str) -> None:
    assert strip_markup(text) == text
    assert clean_text(text) == text + "\n"


def test_doubled_first_letter_is_fixed() -> None:
    assert (
        fix_doubled_capital("CClonazepam is also known as Klonopin.")
        == "Clonazepam is also known as Klonopin."
    )
    assert clean_text("CClonazepam is also known as Klonopin.\n") == "Clonazepam is also known as Klonopin.\n"


@pytest.mark.parametrize("word", ["AA meetings", "CCTV", "OOPS", "Llama"])
def test_doubled_capital_rule_leaves_acronyms_and_real_words_alone(word: str) -> None:
    assert fix_doubled_capital(word) == word


def test_leading_dash_of_a_faq_answer_is_removed() -> None:
    assert clean_text("-Yes. Taking too much can result in an overdose.\n") == (
        "Yes. Taking too much can result in an overdose.\n"
    )


def test_non_breaking_spaces_and_windows_line_ends_are_normalised() -> None:
    assert clean_text("the amount\u00a0 that is consumed.\r\n\r\nNext line.") == (
        "the amount that is consumed.\n\nNext line.\n"
    )


def test_empty_and_boilerplate_only_documents_clean_to_nothing() -> None:
    assert clean_text("") == ""
    assert clean_text("plus icon\n\nVerify Insurance\n") == ""


# --- the real document ------------------------------------------------------------------------------

ARTIFACTS = (
    "Learn more About Clonazepam",
    "plus icon",
    "clonazepam infograph",
    "Learn more about Clonazepam with our infographics.",
    "Verify Insurance",
    "CClonazepam",
    "Rehab<",
    "AftercareThe Importance",
)


@pytest.fixture(scope="module")
def cleaned(raw_document: str) -> str:
    return clean_text(raw_document)


def test_real_document_has_its_artifacts_before_cleaning(raw_document: str) -> None:
    """Guards the next test: it would pass vacuously if the corpus file lost its artifacts."""
    for artifact in ARTIFACTS:
        assert artifact.casefold() in raw_document.casefold(), artifact
    assert "Clonazepam Detox\n\nClonazepam Detox" in raw_document


def test_real_document_keeps_no_artifact_after_cleaning(cleaned: str) -> None:
    for artifact in ARTIFACTS:
        assert artifact.casefold() not in cleaned.casefold(), artifact
    assert "<" not in cleaned and ">" not in cleaned
    parts = blocks(cleaned)
    # No block is printed twice in a row, and no block is a text glued to itself.
    for first, second in itertools.pairwise(parts):
        assert comparable(first) != comparable(second), first
    for block in parts:
        assert unglue_repeated(block) == block, block


def test_real_document_headings_appear_once_each(cleaned: str) -> None:
    parts = blocks(cleaned)
    for heading in (
        "Clonazepam Detox",
        "Struggling with Withdrawals",
        "The Importance of Aftercare",
        "How Do I Know if I\u2019m Addicted?",
        "Getting Help from Group Therapy",
        "Highly Recommended: Inpatient Clonazepam Rehab",
    ):
        assert parts.count(heading) == 1, heading


_WORDS = re.compile(r"\w+")


def words(text: str) -> str:
    """A text as its sequence of words: spacing, punctuation and the leading FAQ dash do not matter."""
    return " ".join(_WORDS.findall(text))


def raw_sentences(raw: str) -> list[str]:
    """Sentences of the raw document's paragraphs (lines longer than 12 words), split independently of
    the indexer, as word sequences with the documented fixes applied: the doubled first letter, and a
    heading glued to itself counts once."""
    out = []
    for line in raw.splitlines():
        if len(line.split()) <= 12:
            continue
        line = line.replace("CClonazepam", "Clonazepam")
        for sentence in re.split(r"(?<=[.!?])\s+", line.strip()):
            glued = re.fullmatch(r"(.+) \1", words(sentence))
            out.append(glued.group(1) if glued else words(sentence))
    return [s for s in out if s]


def test_no_content_sentence_of_the_raw_document_is_lost(raw_document: str, cleaned: str) -> None:
    sentences = raw_sentences(raw_document)
    assert len(sentences) > 60  # the page has about 90 sentences of content
    cleaned_words = words(cleaned)
    lost = [s for s in sentences if s not in cleaned_words]
    assert lost == []


def test_every_sentence_of_the_cleaned_document_lands_wholly_in_a_chunk(cleaned: str) -> None:
    chunks, _ = chunk_document("doc", cleaned, find_sections(cleaned), chunk_size=700, chunk_overlap=120)
    for chunk in chunks:
        assert cleaned[chunk.start : chunk.end] == chunk.text
    paragraphs = [b for b in blocks(cleaned) if len(b.split()) > 12]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s]
    assert len(sentences) > 60
    homeless = []
    for sentence in sentences:
        where = [c for c in chunks if sentence in c.text]
        if not where:
            homeless.append(sentence)
            continue
        chunk = where[0]
        start = chunk.start + chunk.text.index(sentence)
        assert cleaned[start : start + len(sentence)] == sentence
    assert homeless == []
