"""Index builds: manifest, incremental (counted embedding calls), full rebuilds, atomic swaps, errors."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from core_support import COLLECTION, build

from assistant.retriever import HybridRetriever
from index import builder, vectors
from index.builder import current_build
from index.manifest import Manifest
from index.shared.embeddings import HashingEmbeddings, QueryEmbeddings
from index.shared.settings import PROJECT_ROOT
from index.store import IndexStore

OTHER_DOC = """# Gardening Notes

Tomatoes need sunlight, water and patience to ripen in the summer garden.

## Compost

Kitchen scraps and leaves make compost that feeds the soil for next season.
"""


class RecordingEmbeddings(HashingEmbeddings):
    """Hashing embeddings that remember every text they embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts.extend(texts)
        return super().embed_documents(texts)


class FailingEmbeddings(HashingEmbeddings):
    """Same model name as HashingEmbeddings(); raises on the `fail_on`-th call to embed_documents."""

    def __init__(self, fail_on: int) -> None:
        super().__init__()
        self.fail_on = fail_on

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.calls + 1 >= self.fail_on:
            self.calls += 1
            raise RuntimeError("embedding backend died halfway")
        return super().embed_documents(texts)


def builds(index_dir: Path) -> set[str]:
    return {p.name for p in (index_dir / "builds").iterdir()}


def answers(index_dir: Path, query: str = "inpatient facility stay 30 60 90 days") -> str:
    """The text of the best passage the index at `index_dir` returns for `query`."""
    embeddings = QueryEmbeddings(HashingEmbeddings())
    store = IndexStore.open(index_dir, embeddings, COLLECTION)
    (best, *_) = HybridRetriever(store).retrieve(query, embeddings.encode(query), k=3)
    return best.text


# --- manifest ---------------------------------------------------------------------------------------------


def test_manifest_records_model_dimension_chunking_and_a_hash_per_document(built_index, corpus_dir) -> None:
    report = built_index.report
    manifest = Manifest.read(report.build_dir / "manifest.json")
    assert manifest == report.manifest
    assert manifest.model == "hashing-256" and manifest.dimension == 256
    assert (manifest.chunk_size, manifest.chunk_overlap) == (700, 120)
    assert manifest.splitter == builder.SPLITTER_NAME
    raw = (corpus_dir / "clonazepam-addiction.txt").read_bytes()
    (entry,) = manifest.documents.values()
    assert manifest.documents.keys() == {"clonazepam-addiction.txt"}
    assert entry.content_hash == hashlib.sha256(raw).hexdigest()
    assert (entry.chunks, entry.sentences) == (report.chunks, report.sentences)
    assert report.chunks > 10 and report.sentences > report.chunks
    on_disk = json.loads((report.build_dir / "manifest.json").read_text())
    assert on_disk["model"] == "hashing-256" and on_disk["chunk_size"] == 700


def test_build_lays_out_the_index_and_points_current_at_it(built_index) -> None:
    index_dir, build_dir = built_index.index_dir, built_index.report.build_dir
    assert (index_dir / "current").is_symlink()
    assert current_build(index_dir) == build_dir.resolve()
    for part in ("chunks.jsonl", "sentences.jsonl", "sentence_vectors.npy", "chroma", "lexical", "vectors"):
        assert (build_dir / part).exists(), part
    vectors = np.load(build_dir / "sentence_vectors.npy")
    assert vectors.shape == (built_index.report.sentences, 2, 256)  # titled and bare, per sentence
    assert np.allclose(np.linalg.norm(vectors, axis=-1), 1.0, atol=1e-5)


# --- incremental -----------------------------------------------------------------------------------------


def test_second_build_of_an_unchanged_corpus_embeds_nothing(corpus_copy, make_index) -> None:
    embeddings = HashingEmbeddings()
    first = make_index(corpus_copy, embeddings=embeddings)
    assert first.report.embedded_documents == ("clonazepam-addiction.txt",)
    calls, texts = embeddings.calls, embeddings.texts_embedded
    assert calls >= 1 and texts >= first.report.chunks

    second = make_index(corpus_copy, embeddings=embeddings)
    assert (embeddings.calls, embeddings.texts_embedded) == (calls, texts)
    report = second.report
    assert report.embedded_documents == () and report.embedded_texts == 0
    assert report.reused_documents == ("clonazepam-addiction.txt",)
    assert report.full_rebuild_reason == "" and report.messages == ()
    assert report.build_dir != first.report.build_dir and current_build(second.index_dir) == report.build_dir
    assert (report.chunks, report.sentences) == (first.report.chunks, first.report.sentences)
    old = np.load(first.report.build_dir / "sentence_vectors.npy")
    assert np.array_equal(np.load(report.build_dir / "sentence_vectors.npy"), old)
    # The reused vector file is shared with the previous build, not copied.
    [reused] = (report.build_dir / "vectors").glob("*.npz")
    assert reused.stat().st_nlink == 2
    assert reused.samefile(first.report.build_dir / "vectors" / reused.name)


def test_editing_one_of_two_documents_re_embeds_only_that_one(corpus_copy, make_index) -> None:
    (corpus_copy / "garden.md").write_text(OTHER_DOC)
    embeddings = RecordingEmbeddings()
    first = make_index(corpus_copy, embeddings=embeddings)
    assert sorted(first.report.embedded_documents) == ["clonazepam-addiction.txt", "garden.md"]

    (corpus_copy / "garden.md").write_text(OTHER_DOC + "\nMulch keeps the beds moist in dry weeks.\n")
    embeddings.texts.clear()
    second = make_index(corpus_copy, embeddings=embeddings)
    assert second.report.embedded_documents == ("garden.md",)
    assert second.report.reused_documents == ("clonazepam-addiction.txt",)
    assert second.report.full_rebuild_reason == ""
    garden_words = set(" ".join(OTHER_DOC.split()).lower().replace(".", " ").replace(",", " ").split())
    garden_words |= {"mulch", "keeps", "the", "beds", "moist", "in", "dry", "weeks"}
    assert embeddings.texts, "the edited document was not embedded"
    for text in embeddings.texts:  # nothing of the unchanged page was embedded again
        assert set(text.lower().replace(".", " ").replace(",", " ").split()) <= garden_words, text

    store = second.open_store()
    assert {c.doc_id for c in store.chunks} == {"clonazepam-addiction.txt", "garden.md"}
    assert any("Mulch keeps the beds moist" in c.text for c in store.chunks)
    manifest = store.manifest.documents
    assert manifest["garden.md"].content_hash != first.report.manifest.documents["garden.md"].content_hash
    assert manifest["clonazepam-addiction.txt"] == first.report.manifest.documents["clonazepam-addiction.txt"]


def test_removing_a_document_drops_its_chunks_without_re_embedding_the_rest(corpus_copy, make_index) -> None:
    (corpus_copy / "garden.md").write_text(OTHER_DOC)
    embeddings = HashingEmbeddings()
    make_index(corpus_copy, embeddings=embeddings)
    calls = embeddings.calls
    (corpus_copy / "garden.md").unlink()
    second = make_index(corpus_copy, embeddings=embeddings)
    assert embeddings.calls == calls
    assert {c.doc_id for c in second.open_store().chunks} == {"clonazepam-addiction.txt"}
    assert list(second.report.manifest.documents) == ["clonazepam-addiction.txt"]


def test_changed_chunk_size_triggers_a_full_rebuild_with_a_clear_message(corpus_copy, make_index) -> None:
    embeddings = HashingEmbeddings()
    make_index(corpus_copy, embeddings=embeddings)
    calls = embeddings.calls
    report = make_index(corpus_copy, embeddings=embeddings, chunk_size=400).report
    assert embeddings.calls > calls
    assert report.embedded_documents == ("clonazepam-addiction.txt",) and report.reused_documents == ()
    assert "chunk_size: 700 -> 400" in report.full_rebuild_reason
    assert any("full rebuild" in m and "chunk_size: 700 -> 400" in m for m in report.messages)
    assert report.manifest.chunk_size == 400
    assert all(len(c.text) <= 400 for c in report_chunks(report))


def report_chunks(report):
    return IndexStore.open(report.build_dir.parent.parent, HashingEmbeddings(), COLLECTION).chunks


def test_changed_chunk_overlap_triggers_a_full_rebuild(corpus_copy, make_index) -> None:
    make_index(corpus_copy)
    report = make_index(corpus_copy, chunk_overlap=40).report
    assert "chunk_overlap: 120 -> 40" in report.full_rebuild_reason
    assert report.embedded_documents == ("clonazepam-addiction.txt",)


def test_changed_model_triggers_a_full_rebuild_with_a_clear_message(corpus_copy, make_index) -> None:
    make_index(corpus_copy, embeddings=HashingEmbeddings(256))
    other = HashingEmbeddings(128)
    report = make_index(corpus_copy, embeddings=other).report
    assert other.calls >= 1
    assert "model: 'hashing-256' -> 'hashing-128'" in report.full_rebuild_reason
    assert any("full rebuild" in m and "hashing-128" in m for m in report.messages)
    assert (report.manifest.model, report.manifest.dimension) == ("hashing-128", 128)


def test_force_re_embeds_everything(corpus_copy, make_index) -> None:
    embeddings = HashingEmbeddings()
    make_index(corpus_copy, embeddings=embeddings)
    calls = embeddings.calls
    report = make_index(corpus_copy, embeddings=embeddings, force=True).report
    assert embeddings.calls > calls and report.full_rebuild_reason == "forced"


def test_first_build_says_why_it_embeds_everything_without_a_rebuild_warning(built_index) -> None:
    assert built_index.report.full_rebuild_reason == "no previous index"
    assert built_index.report.messages == ()


def test_only_the_current_and_previous_builds_are_kept(corpus_copy, make_index) -> None:
    first = make_index(corpus_copy).report.build_dir
    second = make_index(corpus_copy).report.build_dir
    third = make_index(corpus_copy).report.build_dir
    assert builds(third.parent.parent) == {second.name, third.name}
    assert not first.exists()


def test_long_builds_show_a_progress_bar(corpus_copy, tmp_path, capsys) -> None:
    from index.builder import build_index

    build_index(
        corpus_copy, tmp_path / "idx", HashingEmbeddings(), chunk_size=700, chunk_overlap=120,
        collection=COLLECTION, progress=True,
    )  # fmt: skip
    err = capsys.readouterr().err
    assert "embedding" in err and "chunk" in err


def test_log_reports_what_was_embedded_and_built(corpus_copy, tmp_path) -> None:
    lines: list[str] = []
    build(corpus_copy, tmp_path / "idx", log=lines.append)
    assert any(line.startswith("embedding ") and "1 document" in line for line in lines)
    assert any(line.startswith("built ") for line in lines)


# --- atomic ---------------------------------------------------------------------------------------------


def test_failure_halfway_through_a_rebuild_leaves_the_previous_index_working(
    corpus_copy, make_index, monkeypatch
) -> None:
    first = make_index(corpus_copy)
    index_dir = first.index_dir
    link_before = os.readlink(index_dir / "current")
    assert "30, 60 or 90 days" in answers(index_dir)

    monkeypatch.setattr(vectors, "EMBED_BATCH", 4)  # several batches, so the failure is mid-way
    failing = FailingEmbeddings(fail_on=3)
    with pytest.raises(RuntimeError, match="halfway"):
        make_index(corpus_copy, embeddings=failing, force=True)
    assert failing.calls == 3 and failing.texts_embedded > 0  # two batches went through

    assert os.readlink(index_dir / "current") == link_before
    assert current_build(index_dir) == first.report.build_dir.resolve()
    assert "30, 60 or 90 days" in answers(index_dir)
    leftovers = builds(index_dir) - {first.report.build_dir.name}
    assert len(leftovers) == 1  # the unfinished build, never pointed to
    (leftover,) = leftovers
    assert not (index_dir / "builds" / leftover / "manifest.json").exists()

    monkeypatch.setattr(vectors, "EMBED_BATCH", 256)
    after = make_index(corpus_copy, force=True)
    assert leftover not in builds(index_dir)
    assert builds(index_dir) == {first.report.build_dir.name, after.report.build_dir.name}
    assert "30, 60 or 90 days" in answers(index_dir)


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import index.shared.embeddings as embeddings

    marker, corpus, index = sys.argv[1:4]

    class Slow(embeddings.HashingEmbeddings):
        def embed_documents(self, texts):
            Path(marker).write_text("embedding")
            time.sleep(120)
            return super().embed_documents(texts)

    embeddings.load_embeddings = Slow
    from index.__main__ import main
    sys.exit(main(["build", "--force", "--corpus", corpus, "--index", index]))
    """
)


def test_a_build_killed_halfway_leaves_the_previous_index_working(corpus_copy, make_index, tmp_path) -> None:
    first = make_index(corpus_copy)
    index_dir = first.index_dir
    link_before = os.readlink(index_dir / "current")
    marker = tmp_path / "embedding-started"
    env = {**os.environ, "ASSISTANT_COLLECTION": COLLECTION, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(marker), str(corpus_copy), str(index_dir)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, "the build never started embedding"
            time.sleep(0.05)
        assert len(builds(index_dir)) == 2  # the new build folder exists, unfinished
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL

    assert os.readlink(index_dir / "current") == link_before
    assert "30, 60 or 90 days" in answers(index_dir)
    (leftover,) = builds(index_dir) - {first.report.build_dir.name}

    make_index(corpus_copy)
    assert leftover not in builds(index_dir)
    assert "30, 60 or 90 days" in answers(index_dir)


# --- errors -----------------------------------------------------------------------------------------------


def test_missing_corpus_folder_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=r"corpus folder not found: .*no-such-corpus"):
        build(tmp_path / "no-such-corpus", tmp_path / "idx")


def test_empty_corpus_is_a_clear_error(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(ValueError, match=r"no documents \(\.txt, \.md, \.html\) in .*corpus"):
        build(corpus, tmp_path / "idx")
    assert current_build(tmp_path / "idx") is None


def test_documents_with_no_text_left_are_skipped_with_a_message(corpus_copy, tmp_path) -> None:
    (corpus_copy / "empty.txt").write_text("plus icon\n\nVerify Insurance\n")
    lines: list[str] = []
    built = build(corpus_copy, tmp_path / "idx", log=lines.append)
    assert any("skipping empty.txt" in line for line in lines)
    assert list(built.report.manifest.documents) == ["clonazepam-addiction.txt"]


def test_corpus_of_only_empty_documents_is_a_clear_error(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "blank.md").write_text("\n\n")
    with pytest.raises(ValueError, match="no documents"):
        build(corpus, tmp_path / "idx")


def test_ensure_index_builds_once_then_touches_nothing(corpus_copy, tmp_path) -> None:
    from core_support import BuiltIndex

    settings = BuiltIndex(corpus_copy, tmp_path / "index", HashingEmbeddings(), report=None).settings()
    first = builder.ensure_index(settings, HashingEmbeddings(), progress=False)
    assert first is not None and current_build(settings.index_dir) == first.build_dir.resolve()
    (settings.index_dir / ".build.lock").unlink()
    # An existing index is not locked or written to: replicas may mount the folder read-only.
    assert builder.ensure_index(settings, HashingEmbeddings(), progress=False) is None
    assert not (settings.index_dir / ".build.lock").exists()
    assert len(list((settings.index_dir / "builds").iterdir())) == 1


def test_sentence_vectors_are_memory_mapped_and_match_the_per_document_files(built_index) -> None:
    store = built_index.open_store()
    assert isinstance(store.sentence_vectors, np.memmap)
    assert store.sentence_vectors.shape == (len(store.sentences), 2, store.manifest.dimension)
    [vector_file] = (store.build_dir / "vectors").glob("*.npz")
    with np.load(vector_file) as stored:
        assert np.array_equal(stored["sentences"], np.asarray(store.sentence_vectors))
