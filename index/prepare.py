"""One source document made ready to embed: cleaned, split into sections, chunks and sentences."""

from __future__ import annotations

from dataclasses import dataclass

from index.chunking import Chunk, Sentence, chunk_document
from index.cleaning import clean_text
from index.documents import SourceDocument
from index.sections import find_sections


@dataclass(frozen=True)
class PreparedDocument:
    source: SourceDocument
    chunks: list[Chunk]
    sentences: list[Sentence]


def prepare(doc: SourceDocument, chunk_size: int, chunk_overlap: int) -> PreparedDocument:
    text = clean_text(doc.text)
    chunks, sentences = chunk_document(doc.doc_id, text, find_sections(text), chunk_size, chunk_overlap)
    return PreparedDocument(doc, chunks, sentences)
