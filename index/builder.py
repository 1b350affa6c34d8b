"""Builds the index: incremental (unchanged documents reuse their vectors) and atomic (build beside, swap).

Layout of `index_dir`:
    current -> builds/<id>        symlink, replaced atomically once a build is complete
    builds/<id>/manifest.json     model, chunking, a content hash per document
    builds/<id>/chunks.jsonl      chunks with section and offsets, in Chroma/BM25 order
    builds/<id>/sentences.jsonl   sentences with offsets, for answer extraction
    builds/<id>/vectors/*.npz     per document: chunk and sentence vectors (reused by the next build)
    builds/<id>/chroma/           the Chroma collection (embedded backend), or on a Chroma server the
                                  collection `<collection>-<id>` that the manifest names
    builds/<id>/lexical/          the BM25 index (bm25s)
A build killed halfway leaves a folder (and a server collection) that `current` never pointed to; the
next build removes them. Builds take a lock on `index_dir/.build.lock`, so replicas starting together
do not build twice. Memory stays bounded as the corpus grows: documents are embedded a group at a
time and the sentence vectors are written straight to a memory-mapped file.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from langchain_core.embeddings import Embeddings

from index import chroma, vectors
from index.chroma import ChromaBackend
from index.chunking import SPLITTER_NAME
from index.documents import load_corpus
from index.lexical import LexicalIndex
from index.manifest import DocumentEntry, Manifest
from index.prepare import prepare
from index.shared.embeddings import model_name

EMBED_BATCH = 256
_BUILD_ID = re.compile(r"\d{8}T\d{6}-[0-9a-f]{8}")  # see `build_id` below


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
    embedding_seconds: float = 0.0  # the part of `seconds` spent in the model
    full_rebuild_reason: str = ""
    messages: tuple[str, ...] = field(default_factory=tuple)


def current_build(index_dir: Path) -> Path | None:
    link = index_dir / "current"
    if not link.is_symlink() and not link.exists():
        return None
    target = link.resolve()
    return target if (target / "manifest.json").is_file() else None


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index folder (a second waits, then finds the index up to date)."""
    with (index_dir / ".build.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    embeddings: Embeddings,
    *,
    chunk_size: int,
    chunk_overlap: int,
    collection: str,
    backend: ChromaBackend | None = None,
    force: bool = False,
    only_if_missing: bool = False,
    progress: bool | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> BuildReport | None:
    """Builds (or incrementally updates) the index; with `only_if_missing`, does nothing (returns None)
    when an index exists."""
    if only_if_missing and current_build(index_dir) is not None:
        return None  # checked before the lock too: replicas may mount the index folder read-only
    index_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(index_dir):
        if only_if_missing and current_build(index_dir) is not None:
            return None
        backend = backend or ChromaBackend()
        started = time.perf_counter()
        docs = [prepare(d, chunk_size, chunk_overlap) for d in load_corpus(corpus_dir)]
        for empty in [d for d in docs if not d.chunks]:
            log(f"skipping {empty.source.doc_id}: no text left after cleaning")
        docs = [d for d in docs if d.chunks]
        if not docs:
            raise ValueError(f"no documents (.txt, .md, .html) in {corpus_dir}")

        recipe = Manifest(model_name(embeddings), 0, chunk_size, chunk_overlap, SPLITTER_NAME)
        previous_dir = current_build(index_dir)
        previous = _previous_manifest(previous_dir, force)
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

        build_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        build_dir = index_dir / "builds" / build_id
        (build_dir / "vectors").mkdir(parents=True)

        # Reuse the vectors of unchanged documents; embed the rest in batches, with a progress bar.
        reused, to_embed = [], []
        for doc in docs:
            old = vectors.vector_file(previous_dir, doc.source) if previous_dir and not full_reason else None
            entry = previous.documents.get(doc.source.doc_id) if previous else None
            if old and old.is_file() and entry and entry.content_hash == doc.source.content_hash:
                vectors.link_or_copy(old, vectors.vector_file(build_dir, doc.source))
                reused.append(doc)
            else:
                to_embed.append(doc)
        if to_embed:
            n_texts = sum(len(d.chunks) for d in to_embed)
            log(f"embedding {n_texts} chunks (and their sentences) of {len(to_embed)} document(s)")
        # Connect first: a Chroma server that is down fails the build now, not after the embedding.
        client = backend.client(build_dir)
        embedding_started = time.perf_counter()
        for doc, chunk_vectors, sentence_vectors in vectors.embed_documents(embeddings, to_embed, progress):
            vectors.save(build_dir, doc.source, chunk_vectors, sentence_vectors)
        embedding_seconds = time.perf_counter() - embedding_started

        all_chunks = [c for d in docs for c in d.chunks]
        all_sentences = [s for d in docs for s in d.sentences]
        chunk_matrix, dimension = vectors.assemble_vectors(build_dir, docs, len(all_sentences))
        _write_jsonl(build_dir / "chunks.jsonl", (asdict(c) for c in all_chunks))
        _write_jsonl(build_dir / "sentences.jsonl", (asdict(s) for s in all_sentences))

        collection_name = collection if backend.kind == "embedded" else f"{collection}-{build_id}"
        chroma.add_in_batches(
            chroma.create_collection(client, collection_name),
            ids=[c.chunk_id for c in all_chunks],
            vectors=chunk_matrix,
            documents=[c.text for c in all_chunks],
            metadatas=[
                {"doc_id": c.doc_id, "section": c.section, "start": c.start, "end": c.end} for c in all_chunks
            ],
            client=client,
        )
        del chunk_matrix
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
            chroma_backend=backend.kind,
            chroma_collection=collection_name,
        )
        manifest.write(build_dir / "manifest.json")  # written last: a build without it is incomplete
        _swap_current(index_dir, build_dir)
        _remove_stale_builds(
            index_dir, keep={build_dir, previous_dir}, backend=backend, collection=collection
        )
        seconds = time.perf_counter() - started
        log(
            f"built {len(all_chunks)} chunks, {len(all_sentences)} sentences in {seconds:.1f}s -> {build_dir}"
        )
        return BuildReport(
            build_dir=build_dir,
            manifest=manifest,
            embedded_documents=tuple(d.source.doc_id for d in to_embed),
            reused_documents=tuple(d.source.doc_id for d in reused),
            chunks=len(all_chunks),
            sentences=len(all_sentences),
            embedded_texts=sum(len(d.chunks) for d in to_embed),
            seconds=seconds,
            embedding_seconds=embedding_seconds,
            full_rebuild_reason=full_reason,
            messages=tuple(messages),
        )


def _previous_manifest(previous_dir: Path | None, force: bool) -> Manifest | None:
    """The current build's manifest; a forced rebuild (of a corrupt index, say) goes on without it."""
    if previous_dir is None:
        return None
    try:
        return Manifest.read(previous_dir / "manifest.json")
    except (OSError, ValueError, TypeError):
        if force:
            return None
        raise


def _write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _swap_current(index_dir: Path, build_dir: Path) -> None:
    tmp = index_dir / f".current-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    tmp.symlink_to(build_dir.relative_to(index_dir))
    os.replace(tmp, index_dir / "current")  # atomic on POSIX: readers see the old or the new build


def _remove_stale_builds(
    index_dir: Path, keep: set[Path | None], *, backend: ChromaBackend, collection: str
) -> None:
    """Removes unfinished builds and builds older than the previous one (replicas may still read it),
    and on a server the collections of the builds removed (or of builds killed before their manifest)."""
    keep_resolved = {p.resolve() for p in keep if p}
    for folder in (index_dir / "builds").iterdir():
        if folder.resolve() not in keep_resolved:
            shutil.rmtree(folder, ignore_errors=True)
    if backend.kind == "embedded":
        return
    kept_ids = {p.name for p in keep_resolved}
    client = backend.client(index_dir)
    for name in client.list_collections():
        name = getattr(name, "name", name)  # chromadb returns names (1.x) or Collection objects (0.x)
        build_id = name.removeprefix(f"{collection}-")
        if name != build_id and _BUILD_ID.fullmatch(build_id) and build_id not in kept_ids:
            client.delete_collection(name)


def build_from_settings(settings, embeddings: Embeddings, **options) -> BuildReport:
    """`build_index` with the corpus, index and chunking of an `index.shared.settings.Settings`."""
    return build_index(
        settings.corpus_dir,
        settings.index_dir,
        embeddings,
        chunk_size=settings.chunk_size,
        chunk_overlap=settings.chunk_overlap,
        collection=settings.collection,
        backend=backend_from_settings(settings),
        **options,
    )


def ensure_index(settings, embeddings: Embeddings, **options) -> BuildReport | None:
    """Builds the index unless one exists (checked under the build lock, so replicas that start
    together on an empty index build it once; the others wait, then open it). None: nothing built."""
    return build_from_settings(settings, embeddings, only_if_missing=True, **options)


def backend_from_settings(settings) -> ChromaBackend:
    token = settings.chroma_token.get_secret_value() if settings.chroma_token else None
    return ChromaBackend(url=settings.chroma_url, timeout=settings.chroma_timeout, token=token)
