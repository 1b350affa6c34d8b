"""The vectors of a build: one model pass per chunk gives the chunk's vector and its sentences'
vectors (see `index.shared.spans`); they are stored per document (the next build reuses them) and
gathered into the index's matrices."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.chunking import Chunk, Sentence
from index.documents import SourceDocument
from index.shared.drugnames import drug_spans
from index.shared.spans import SpanRequest, embed_spans

if TYPE_CHECKING:
    from index.prepare import PreparedDocument

EMBED_BATCH = 256


def vector_file(build_dir: Path, doc: SourceDocument) -> Path:
    return build_dir / "vectors" / f"{doc.content_hash}.npz"


def save(
    build_dir: Path, doc: SourceDocument, chunk_vectors: np.ndarray, sentence_vectors: np.ndarray
) -> None:
    np.savez(vector_file(build_dir, doc), chunks=chunk_vectors, sentences=sentence_vectors)


def sentence_requests(chunks: list[Chunk], sentences: list[Sentence]) -> list[list[SpanRequest]]:
    """Per chunk, two pooling requests for each sentence that starts in it (first such chunk wins):
    the sentence with its section title, and the sentence alone.

    Both leave out the drug's names (see index.shared.drugnames), so that scoring measures whether a
    sentence answers the rest of the question. The title lets "No. Clonazepam can cause serious
    birth defects" answer a question about pregnancy; the bare sentence tells apart the sentences
    of one section.
    """
    requests: list[list[SpanRequest]] = [[] for _ in chunks]
    excluded: dict[int, tuple[tuple[int, int], ...]] = {}
    position = 0
    for sentence in sentences:
        while position < len(chunks) and not (
            chunks[position].start <= sentence.start < chunks[position].end
        ):
            position += 1
        if position == len(chunks):  # not expected: sentences lie inside chunks; restart the search
            position = next(i for i, c in enumerate(chunks) if c.start <= sentence.start < c.end)
        chunk = chunks[position]
        prefix = len(chunk.embed_text) - len(chunk.text)
        title = (0, len(chunk.section))
        body = (prefix + sentence.start - chunk.start, prefix + min(sentence.end, chunk.end) - chunk.start)
        if position not in excluded:  # finding the drug's names is the costly part: once per chunk
            excluded[position] = tuple(drug_spans(chunk.embed_text))
        exclude = excluded[position]
        requests[position].append(SpanRequest((title, body), exclude))
        requests[position].append(SpanRequest((body,), exclude))
    return requests


def embed_documents(
    embeddings: Embeddings, docs: list[PreparedDocument], progress: bool | None
) -> Iterator[tuple[PreparedDocument, np.ndarray, np.ndarray]]:
    """Per document: (doc, chunk vectors, sentence vectors (n_sentences, 2, dim): titled and bare),
    from one model pass over the chunks. Documents go a group of about EMBED_BATCH chunks at a time,
    so memory does not grow with the corpus."""
    total = sum(len(d.chunks) for d in docs)
    with tqdm(total=total, desc="embedding", unit="chunk", disable=progress is False or not total) as bar:
        group: list[PreparedDocument] = []
        for position, doc in enumerate(docs):
            group.append(doc)
            if sum(len(d.chunks) for d in group) < EMBED_BATCH and position + 1 < len(docs):
                continue
            yield from _embed_group(embeddings, group, bar)
            group = []


def _embed_group(
    embeddings: Embeddings, docs: list[PreparedDocument], bar: tqdm
) -> Iterator[tuple[PreparedDocument, np.ndarray, np.ndarray]]:
    texts = [c.embed_text for d in docs for c in d.chunks]
    requests = [r for d in docs for r in sentence_requests(d.chunks, d.sentences)]
    whole_rows: list[np.ndarray] = []
    part_rows: list[np.ndarray] = []
    for i in range(0, len(texts), EMBED_BATCH):
        whole, parts = embed_spans(embeddings, texts[i : i + EMBED_BATCH], requests[i : i + EMBED_BATCH])
        whole_rows.append(whole)
        part_rows.extend(parts)
        bar.update(len(parts))
    all_whole = np.concatenate(whole_rows)
    cursor = 0
    for doc in docs:
        n = len(doc.chunks)
        sentence_vectors = np.concatenate([p for p in part_rows[cursor : cursor + n] if len(p)])
        yield doc, all_whole[cursor : cursor + n], sentence_vectors.reshape(len(doc.sentences), 2, -1)
        cursor += n


def assemble_vectors(
    build_dir: Path, docs: list[PreparedDocument], n_sentences: int
) -> tuple[np.ndarray, int]:
    """Chunk vectors as one matrix (for Chroma), and `sentence_vectors.npy` appended document by
    document, so the sentence vectors of a large corpus never sit in memory. Plain writes, not a
    memory map: the pages of a written map count in the process's memory (2.4 GiB peak at 100k
    chunks, against 1.5 GiB for the rest of the build)."""
    chunk_rows: list[np.ndarray] = []
    written = 0
    with (build_dir / "sentence_vectors.npy").open("wb") as out:
        for position, doc in enumerate(docs):
            with np.load(vector_file(build_dir, doc.source)) as stored:
                chunks = stored["chunks"].reshape(len(doc.chunks), -1).astype(np.float32, copy=False)
                sentences = stored["sentences"].reshape(len(doc.sentences), 2, -1).astype(np.float32)
            if position == 0:
                header = {"descr": "<f4", "fortran_order": False, "shape": (n_sentences, 2, chunks.shape[1])}
                np.lib.format.write_array_header_2_0(out, header)
            chunk_rows.append(chunks)
            out.write(np.ascontiguousarray(sentences, dtype="<f4").tobytes())
            written += len(sentences)
    if written != n_sentences:
        raise ValueError(f"sentence vectors: {written} written, {n_sentences} expected")
    matrix = np.concatenate(chunk_rows)
    return matrix, int(matrix.shape[1])


def link_or_copy(source: Path, target: Path) -> None:
    """Vector files never change once written: a hard link shares them between builds (no copy of
    gigabytes at scale); a copy where the file system cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
