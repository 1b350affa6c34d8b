"""Builds the index: incremental (unchanged documents reuse their vectors) and atomic (build beside, swap).

Layout of `index_dir`:
    current -> builds/<id>        symlink, replaced atomically once a build is complete
    builds/<id>/manifest.json     model, chunking, a content hash per document
    builds/<id>/chunks.jsonl      chunks with section and offsets, in Chroma/BM25 order
    builds/<id>/sentences.jsonl   sentences with offsets, for answer extraction
    builds/<id>/vectors/*.npz     per document: chunk and sentence vectors (reused by the next build)
    builds/<id>/chroma/           the Chroma collection (PersistentClient)
    builds/<id>/lexical/          the BM25 index (bm25s)
A build killed halfway leaves a folder that `current` never pointed to; the next build removes it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from assistant.drugnames import drug_spans
from assistant.embeddings import model_name
from assistant.spans import SpanRequest, embed_spans
from index import chroma
from index.chunking import SPLITTER_NAME, Chunk, Sentence, chunk_document
from index.cleaning import clean_text
from index.documents import SourceDocument, load_corpus
from index.lexical import LexicalIndex
from index.manifest import DocumentEntry, Manifest
from index.sections import find_sections

EMBED_BATCH = 256


@dataclass(frozen=True)
class BuildReport:
    build_dir: Path
    manifest: Manifest
    embedded_documents: tuple[str, ...]
    reused_documents: tuple[str, ...]
    chunks: int
    sentences: int
    embedded_texts: int
    seconds: float
    full_rebuild_reason: str = ""
    messages: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PreparedDocument:
    source: SourceDocument
    chunks: list[Chunk]
    sentences: list[Sentence]


def current_build(index_dir: Path) -> Path | None:
    link = index_dir / "current"
    if not link.is_symlink() and not link.exists():
        return None
    target = link.resolve()
    return target if (target / "manifest.json").is_file() else None


def prepare(doc: SourceDocument, chunk_size: int, chunk_overlap: int) -> PreparedDocument:
    text = clean_text(doc.text)
    chunks, sentences = chunk_document(doc.doc_id, text, find_sections(text), chunk_size, chunk_overlap)
    return PreparedDocument(doc, chunks, sentences)


def _vector_file(build_dir: Path, doc: SourceDocument) -> Path:
    return build_dir / "vectors" / f"{doc.content_hash}.npz"


def sentence_requests(chunks: list[Chunk], sentences: list[Sentence]) -> list[list[SpanRequest]]:
    """Per chunk, two pooling requests for each sentence that starts in it (first such chunk wins):
    the sentence with its section title, and the sentence alone.

    Both leave out the drug's names (see assistant.drugnames), so that scoring measures whether a
    sentence answers the rest of the question. The title lets "No. Clonazepam can cause serious
    birth defects" answer a question about pregnancy; the bare sentence tells apart the sentences
    of one section.
    """
    requests: list[list[SpanRequest]] = [[] for _ in chunks]
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
        exclude = tuple(drug_spans(chunk.embed_text))
        requests[position].append(SpanRequest((title, body), exclude))
        requests[position].append(SpanRequest((body,), exclude))
    return requests


def _embed_documents(
    embeddings: Embeddings, docs: list[PreparedDocument], progress: bool | None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(chunk vectors, sentence vectors (n_sentences, 2, dim): titled and bare) per document, from one
    model pass over the chunks."""
    texts: list[str] = []
    requests: list[list[SpanRequest]] = []
    for doc in docs:
        texts.extend(c.embed_text for c in doc.chunks)
        requests.extend(sentence_requests(doc.chunks, doc.sentences))
    whole_rows: list[np.ndarray] = []
    part_rows: list[np.ndarray] = []
    with tqdm(
        total=len(texts), desc="embedding", unit="chunk", disable=progress is False or not texts
    ) as bar:
        for i in range(0, len(texts), EMBED_BATCH):
            whole, parts = embed_spans(embeddings, texts[i : i + EMBED_BATCH], requests[i : i + EMBED_BATCH])
            whole_rows.append(whole)
            part_rows.extend(parts)
            bar.update(len(parts))
    all_whole = np.concatenate(whole_rows) if whole_rows else np.zeros((0, 0), np.float32)
    out, cursor = [], 0
    for doc in docs:
        n = len(doc.chunks)
        sentence_vectors = np.concatenate([p for p in part_rows[cursor : cursor + n] if len(p)])
        out.append((all_whole[cursor : cursor + n], sentence_vectors.reshape(len(doc.sentences), 2, -1)))
        cursor += n
    return out


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    embeddings: Embeddings,
    *,
    chunk_size: int,
    chunk_overlap: int,
    collection: str,
    force: bool = False,
    progress: bool | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> BuildReport:
    started = time.perf_counter()
    index_dir.mkdir(parents=True, exist_ok=True)
    docs = [prepare(d, chunk_size, chunk_overlap) for d in load_corpus(corpus_dir)]
    for empty in [d for d in docs if not d.chunks]:
        log(f"skipping {empty.source.doc_id}: no text left after cleaning")
    docs = [d for d in docs if d.chunks]
    if not docs:
        raise ValueError(f"no documents (.txt, .md, .html) in {corpus_dir}")

    recipe = Manifest(model_name(embeddings), 0, chunk_size, chunk_overlap, SPLITTER_NAME)
    previous_dir = current_build(index_dir)
    previous = Manifest.read(previous_dir / "manifest.json") if previous_dir else None
    messages: list[str] = []
    full_reason = ""
    if force:
        full_reason = "forced"
    elif previous is None:
        full_reason = "no previous index"
    elif changes := recipe.recipe_changes(previous):
        full_reason = "index recipe changed (" + "; ".join(changes) + ")"
    if full_reason and previous is not None:
        messages.append(f"full rebuild: {full_reason}")
        log(messages[-1])

    build_dir = index_dir / "builds" / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    (build_dir / "vectors").mkdir(parents=True)

    # Reuse the vectors of unchanged documents; embed the rest in batches, with a progress bar.
    reused, to_embed = [], []
    for doc in docs:
        old = _vector_file(previous_dir, doc.source) if previous_dir and not full_reason else None
        entry = previous.documents.get(doc.source.doc_id) if previous else None
        if old and old.is_file() and entry and entry.content_hash == doc.source.content_hash:
            shutil.copyfile(old, _vector_file(build_dir, doc.source))
            reused.append(doc)
        else:
            to_embed.append(doc)
    if to_embed:
        n_texts = sum(len(d.chunks) for d in to_embed)
        log(f"embedding {n_texts} chunks (and their sentences) of {len(to_embed)} document(s)")
    for doc, (chunk_vectors, sentence_vectors) in zip(
        to_embed, _embed_documents(embeddings, to_embed, progress), strict=True
    ):
        np.savez(_vector_file(build_dir, doc.source), chunks=chunk_vectors, sentences=sentence_vectors)

    chunk_vectors, sentence_vectors = [], []
    for doc in docs:
        with np.load(_vector_file(build_dir, doc.source)) as stored:
            chunk_vectors.append(stored["chunks"].reshape(len(doc.chunks), -1))
            sentence_vectors.append(stored["sentences"].reshape(len(doc.sentences), 2, -1))
    all_chunks = [c for d in docs for c in d.chunks]
    all_sentences = [s for d in docs for s in d.sentences]
    chunk_matrix = np.concatenate(chunk_vectors)
    dimension = int(chunk_matrix.shape[1]) if chunk_matrix.size else 0

    _write_jsonl(build_dir / "chunks.jsonl", [asdict(c) for c in all_chunks])
    _write_jsonl(build_dir / "sentences.jsonl", [asdict(s) for s in all_sentences])
    np.save(build_dir / "sentence_vectors.npy", np.concatenate(sentence_vectors))
    client = chroma.persistent_client(build_dir / "chroma")
    chroma.add_in_batches(
        chroma.create_collection(client, collection),
        ids=[c.chunk_id for c in all_chunks],
        vectors=chunk_matrix,
        documents=[c.text for c in all_chunks],
        metadatas=[
            {"doc_id": c.doc_id, "section": c.section, "start": c.start, "end": c.end} for c in all_chunks
        ],
        client=client,
    )
    lexical_dir = build_dir / "lexical"
    lexical_dir.mkdir()
    LexicalIndex.build([c.embed_text for c in all_chunks]).save(lexical_dir)

    manifest = Manifest(
        model=recipe.model,
        dimension=dimension,
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        splitter=SPLITTER_NAME,
        documents={
            d.source.doc_id: DocumentEntry(d.source.content_hash, len(d.chunks), len(d.sentences))
            for d in docs
        },
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    manifest.write(build_dir / "manifest.json")  # written last: a build without it is incomplete
    _swap_current(index_dir, build_dir)
    _remove_stale_builds(index_dir, keep={build_dir, previous_dir})
    seconds = time.perf_counter() - started
    log(f"built {len(all_chunks)} chunks, {len(all_sentences)} sentences in {seconds:.1f}s -> {build_dir}")
    return BuildReport(
        build_dir=build_dir,
        manifest=manifest,
        embedded_documents=tuple(d.source.doc_id for d in to_embed),
        reused_documents=tuple(d.source.doc_id for d in reused),
        chunks=len(all_chunks),
        sentences=len(all_sentences),
        embedded_texts=sum(len(d.chunks) for d in to_embed),
        seconds=seconds,
        full_rebuild_reason=full_reason,
        messages=tuple(messages),
    )


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _swap_current(index_dir: Path, build_dir: Path) -> None:
    tmp = index_dir / f".current-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    tmp.symlink_to(build_dir.relative_to(index_dir))
    os.replace(tmp, index_dir / "current")  # atomic on POSIX: readers see the old or the new build


def _remove_stale_builds(index_dir: Path, keep: set[Path | None]) -> None:
    """Removes unfinished builds and builds older than the previous one (replicas may still read it)."""
    keep_resolved = {p.resolve() for p in keep if p}
    for folder in (index_dir / "builds").iterdir():
        if folder.resolve() not in keep_resolved:
            shutil.rmtree(folder, ignore_errors=True)


def build_from_settings(settings, embeddings: Embeddings, **options) -> BuildReport:
    """`build_index` with the corpus, index and chunking of an `assistant.settings.Settings`."""
    return build_index(
        settings.corpus_dir,
        settings.index_dir,
        embeddings,
        chunk_size=settings.chunk_size,
        chunk_overlap=settings.chunk_overlap,
        collection=settings.collection,
        **options,
    )
