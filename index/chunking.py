"""Splits sections into chunks (langchain-text-splitters) and sentences, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from index.sections import Section

# A sentence ends at . ! or ? followed by space and an upper-case letter, digit or quote;
# "1.4 million" and "8.76" have no space after the dot, so they are not split.
_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘(A-Z0-9])")
SPLITTER_NAME = "RecursiveCharacterTextSplitter(sentence-boundaries)"


@dataclass(frozen=True, slots=True)  # slots: a 100k-chunk index holds ~460k of these records
class Chunk:
    chunk_id: str
    doc_id: str
    section: str
    text: str
    start: int  # offsets in the cleaned document text
    end: int

    @property
    def embed_text(self) -> str:
        """What gets embedded: the section title gives short chunks their topic."""
        return f"{self.section}. {self.text}"


@dataclass(frozen=True, slots=True)
class Sentence:
    sentence_id: str
    doc_id: str
    section: str
    text: str
    start: int
    end: int

    @property
    def embed_text(self) -> str:
        """With its section title, so "No. Clonazepam can cause ..." can answer "... when pregnant?"."""
        return f"{self.section}. {self.text}"


_MIN_SENTENCE_WORDS = 3


def split_sentences(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(sentence, start, end) with offsets shifted by `offset`; paragraphs never share a sentence.

    A fragment shorter than three words ("Yes.", "No.") is joined to the sentence after it, so a
    quote keeps its meaning.
    """
    out: list[tuple[str, int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        spans: list[tuple[int, int]] = []
        start = para.start()
        for piece in _SENTENCE_BOUNDARY.split(para.group()):
            if not piece.strip():
                continue
            local = text.find(piece, start)
            if spans and len(text[spans[-1][0] : spans[-1][1]].split()) < _MIN_SENTENCE_WORDS:
                spans[-1] = (spans[-1][0], local + len(piece))
            else:
                spans.append((local, local + len(piece)))
            start = local + len(piece)
        out.extend((text[a:b], offset + a, offset + b) for a, b in spans)
    return out


def make_splitter(chunk_size: int, chunk_overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=["\n\n", "\n", _SENTENCE_BOUNDARY.pattern, "; ", ", ", " "],
        is_separator_regex=True,
        keep_separator="end",
        strip_whitespace=True,
    )


def chunk_document(
    doc_id: str, text: str, sections: list[Section], chunk_size: int, chunk_overlap: int
) -> tuple[list[Chunk], list[Sentence]]:
    splitter = make_splitter(chunk_size, chunk_overlap)
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    for section in sections:
        body = section.body(text)
        cursor = 0
        for piece in splitter.split_text(body):
            # Overlapping pieces may start before the previous one ended: search from a bit back.
            local = body.find(piece, max(0, cursor - chunk_overlap - len(piece)))
            if local < 0:
                local = body.find(piece)
            start = section.start + local
            chunks.append(
                Chunk(f"{doc_id}#{len(chunks)}", doc_id, section.title, piece, start, start + len(piece))
            )
            cursor = local + len(piece)
        for sent, start, end in split_sentences(body, section.start):
            sentences.append(Sentence(f"{doc_id}@{len(sentences)}", doc_id, section.title, sent, start, end))
    return chunks, sentences
