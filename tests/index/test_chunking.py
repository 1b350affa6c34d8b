"""Chunking: respects sections and sentences, keeps exact offsets in the cleaned text."""

from __future__ import annotations

import pytest

from index.chunking import Chunk, chunk_document, split_sentences
from index.cleaning import clean_text
from index.sections import find_sections


@pytest.fixture(scope="module")
def cleaned(raw_document: str) -> str:
    return clean_text(raw_document)


def chunked(text: str, size: int = 700, overlap: int = 120):
    sections = find_sections(text)
    chunks, sentences = chunk_document("doc.txt", text, sections, chunk_size=size, chunk_overlap=overlap)
    return sections, chunks, sentences


@pytest.mark.parametrize(("size", "overlap"), [(700, 120), (300, 50), (1500, 0)])
def test_chunks_stay_within_one_section_and_the_size_limit_with_exact_offsets(cleaned, size, overlap) -> None:
    sections, chunks, _ = chunked(cleaned, size, overlap)
    assert chunks
    for chunk in chunks:
        assert len(chunk.text) <= size
        assert cleaned[chunk.start : chunk.end] == chunk.text
        owners = [s for s in sections if s.start <= chunk.start and chunk.end <= s.end]
        assert [s.title for s in owners] == [chunk.section], chunk.chunk_id
        assert chunk.doc_id == "doc.txt"
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_chunks_cover_every_section_body(cleaned) -> None:
    sections, chunks, _ = chunked(cleaned)
    for section in sections:
        covered = set()
        for chunk in chunks:
            if chunk.section == section.title:
                covered.update(range(chunk.start, chunk.end))
        body = section.body(cleaned)
        missing = [section.start + i for i, ch in enumerate(body) if not ch.isspace()]
        assert not [i for i in missing if i not in covered], section.title


def test_chunks_end_at_sentence_ends_when_sentences_fit(cleaned) -> None:
    _, chunks, sentences = chunked(cleaned, 300, 0)
    ends = {s.end for s in sentences}
    checked = 0
    for chunk in chunks:
        own = [s for s in sentences if s.section == chunk.section]
        if max(len(s.text) for s in own) <= 300:  # a longer sentence must be cut inside
            assert chunk.end in ends, chunk.text
            checked += 1
    assert checked >= 10


def test_chunk_embed_text_names_the_section() -> None:
    chunk = Chunk("d#0", "d", "Struggling with Withdrawals", "Do not stop suddenly.", 0, 21)
    assert chunk.embed_text == "Struggling with Withdrawals. Do not stop suddenly."


# --- sentences ------------------------------------------------------------------------------------------


def test_sentences_are_split_with_offsets_and_decimals_kept() -> None:
    text = (
        "In 2010, 8.76 million people abused drugs. Of those, 5.1 million used painkillers! Why? Ask.\n"
        "Next para here."
    )
    got = split_sentences(text, offset=100)
    assert [s for s, _, _ in got] == [
        "In 2010, 8.76 million people abused drugs.",
        "Of those, 5.1 million used painkillers!",
        "Why? Ask.",
        "Next para here.",
    ]
    for sentence, start, end in got:
        assert text[start - 100 : end - 100] == sentence


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Yes. Taking too much Clonazepam can result in an overdose.", "Yes. Taking too much"),
        ("No. Clonazepam can cause serious birth defects in unborn children.", "No. Clonazepam"),
    ],
)
def test_short_answers_are_merged_with_the_next_sentence(text: str, first: str) -> None:
    ((sentence, start, end),) = split_sentences(text)
    assert sentence == text and (start, end) == (0, len(text))
    assert sentence.startswith(first)


def test_a_short_fragment_at_the_end_of_a_paragraph_is_not_merged_across_paragraphs() -> None:
    got = [s for s, _, _ in split_sentences("It ends here. Yes.\nNew paragraph starts.")]
    assert got == ["It ends here.", "Yes.", "New paragraph starts."]


def test_sentences_of_the_real_document_are_units_inside_their_sections_and_chunks(cleaned) -> None:
    sections, chunks, sentences = chunked(cleaned)
    assert len(sentences) > 60
    for sentence in sentences:
        assert cleaned[sentence.start : sentence.end] == sentence.text
        (owner,) = [s for s in sections if s.start <= sentence.start and sentence.end <= s.end]
        assert owner.title == sentence.section
        assert any(c.start <= sentence.start and sentence.end <= c.end for c in chunks), sentence.text
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    pregnant = [s for s in sentences if "birth defects" in s.text]
    assert [s.text for s in pregnant] == [
        "No. Clonazepam can cause serious birth defects in unborn children."
    ]
    assert pregnant[0].section == "Can I Take Clonazepam When Pregnant?"


def test_sentences_cover_all_the_words_of_each_section(cleaned) -> None:
    sections, _, sentences = chunked(cleaned)
    for section in sections:
        body_words = section.body(cleaned).split()
        sentence_words = [w for s in sentences if s.section == section.title for w in s.text.split()]
        assert sentence_words == body_words, section.title
