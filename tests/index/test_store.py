"""Opening a built index: everything loads, and a missing or corrupt index is a clear IndexUnavailable."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from core_support import COLLECTION

from assistant import Assistant
from index.shared.embeddings import HashingEmbeddings
from index.store import IndexStore, IndexUnavailable


def test_open_loads_chunks_sentences_vectors_and_both_indexes(built_index) -> None:
    store = built_index.open_store()
    report = built_index.report
    assert store.build_dir == report.build_dir.resolve()
    assert store.manifest == report.manifest
    assert (len(store.chunks), len(store.sentences)) == (report.chunks, report.sentences)
    assert store.sentence_vectors.shape == (report.sentences, 2, 256)
    assert store.vectorstore._collection.count() == report.chunks
    assert store.lexical.size == report.chunks
    assert all(store.chunk_positions[c.chunk_id] == i for i, c in enumerate(store.chunks))


def test_sentences_within_finds_exactly_the_sentences_inside_a_span(store) -> None:
    for chunk in store.chunks[:8]:
        inside = store.sentences_within(chunk.doc_id, chunk.start, chunk.end)
        expected = [
            i
            for i, s in enumerate(store.sentences)
            if s.doc_id == chunk.doc_id and chunk.start <= s.start and s.end <= chunk.end
        ]
        assert inside == expected and inside
        assert all(store.sentences[i].text in chunk.text for i in inside)
    assert store.sentences_within("no-such-doc", 0, 10_000) == []
    assert store.sentences_within(store.chunks[0].doc_id, 5, 6) == []


def test_chroma_holds_our_own_vectors_and_metadata(store, built_index) -> None:
    chunk = store.chunks[3]
    got = store.vectorstore._collection.get(
        ids=[chunk.chunk_id], include=["embeddings", "metadatas", "documents"]
    )
    assert got["documents"] == [chunk.text]
    assert got["metadatas"][0] == {
        "doc_id": chunk.doc_id,
        "section": chunk.section,
        "start": chunk.start,
        "end": chunk.end,
    }
    expected = HashingEmbeddings().embed_documents([chunk.embed_text])[0]
    assert np.allclose(got["embeddings"][0], expected, atol=1e-6)


def test_missing_index_is_unavailable_with_the_command_to_build_it(tmp_path) -> None:
    with pytest.raises(IndexUnavailable, match=r"no index at .*python -m index build"):
        IndexStore.open(tmp_path / "nothing-here", HashingEmbeddings(), COLLECTION)


@pytest.fixture
def private_index(corpus_dir, make_index):
    return make_index(corpus_dir)


def _truncate_chunks(build_dir):
    path = build_dir / "chunks.jsonl"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[: len(lines) // 2]))


def _cut_mid_line(build_dir):
    path = build_dir / "chunks.jsonl"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("corrupt", "expected"),
    [
        (_truncate_chunks, "inconsistent"),
        (_cut_mid_line, "unreadable"),
        (lambda d: shutil.rmtree(d / "lexical"), "unreadable"),
        (lambda d: (d / "sentence_vectors.npy").write_bytes(b"not numpy"), "unreadable"),
        (lambda d: (d / "manifest.json").write_text("{broken"), "unreadable"),
        (lambda d: (d / "sentences.jsonl").unlink(), "unreadable"),
    ],
    ids=["chunks-truncated", "chunks-cut-mid-line", "lexical-deleted", "vectors-garbage", "manifest-broken",
         "sentences-deleted"],
)  # fmt: skip
def test_corrupt_index_is_unavailable_not_a_crash(private_index, corrupt, expected) -> None:
    corrupt(private_index.report.build_dir)
    with pytest.raises(IndexUnavailable, match=rf"{expected}.*python -m index build --force"):
        private_index.open_store()


def test_index_without_its_manifest_counts_as_missing(private_index) -> None:
    (private_index.report.build_dir / "manifest.json").unlink()
    with pytest.raises(IndexUnavailable, match="no index"):
        private_index.open_store()


def test_dangling_current_link_counts_as_missing(private_index) -> None:
    shutil.rmtree(private_index.report.build_dir)
    with pytest.raises(IndexUnavailable, match="no index"):
        private_index.open_store()


def test_assistant_loads_degraded_over_a_corrupt_index_and_says_why(private_index) -> None:
    shutil.rmtree(private_index.report.build_dir / "lexical")
    bot = Assistant.load(private_index.settings(), embeddings=HashingEmbeddings(), build_if_missing=False)
    health = bot.health()
    assert health["status"] == "degraded"
    assert health["index"]["status"] == "unavailable" and "IndexUnavailable" in health["index"]["error"]
    reply = bot.ask("What are the signs of a clonazepam overdose?")
    assert reply.kind == "unavailable" and "911" in reply.text
