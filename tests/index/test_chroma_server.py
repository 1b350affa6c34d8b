"""The index on a real Chroma server (started from the installed chromadb package, stopped by PID):
builds and queries, a collection per build, and what questions, /healthz and the safety router do
while the server is down and after it comes back.

Hashing embeddings and a stub abstention model keep these fast; the server is the real thing.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from core_support import COLLECTION, CORPUS_FILE, build, stub_model

from assistant import Assistant
from assistant.reply import ReplyKind, Route
from index.builder import current_build
from index.chroma import ChromaBackend, ChromaUnreachable
from index.chroma_server import ChromaServer, free_port
from index.shared.embeddings import HashingEmbeddings
from index.store import IndexStore, IndexUnavailable

pytestmark = pytest.mark.slow

EMERGENCY = "my friend took a whole bottle of klonopin and won't wake up"
QUESTION = "How long do inpatient facilities keep people: 30, 60 or 90 days?"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    chroma = ChromaServer(tmp_path_factory.mktemp("chroma") / "data").start()
    yield chroma
    chroma.stop()


def server_collections(url: str) -> set[str]:
    client = ChromaBackend(url).client(Path("."))
    return {getattr(c, "name", c) for c in client.list_collections()}


def test_build_and_query_on_the_server(server, corpus_dir, tmp_path) -> None:
    backend = ChromaBackend(server.url)
    built = build(corpus_dir, tmp_path / "index", backend=backend)
    manifest = built.report.manifest
    assert manifest.chroma_backend == "server"
    assert manifest.chroma_collection.startswith(f"{COLLECTION}-")
    assert manifest.chroma_collection in server_collections(server.url)
    assert not (built.report.build_dir / "chroma").exists()  # nothing embedded beside the sidecar

    store = IndexStore.open(built.index_dir, built.embeddings, COLLECTION, backend)
    assert store.vectorstore._collection.count() == len(store.chunks) == built.report.chunks
    hits = store.vectorstore.similarity_search("inpatient rehab 30, 60 or 90 days", k=3)
    assert len(hits) == 3 and all(h.id in store.chunk_positions for h in hits)
    assert {h.metadata["doc_id"] for h in hits} == {CORPUS_FILE}


def test_each_build_has_its_own_collection_and_old_ones_are_removed(server, corpus_dir, tmp_path) -> None:
    backend = ChromaBackend(server.url)
    index_dir = tmp_path / "index"
    first = build(corpus_dir, index_dir, backend=backend).report.manifest.chroma_collection
    # A build killed before its manifest leaves an orphan collection: the next build removes it.
    orphan = f"{COLLECTION}-20200101T000000-deadbeef"
    ChromaBackend(server.url).client(index_dir).create_collection(orphan)
    second = build(corpus_dir, index_dir, backend=backend, force=True).report.manifest.chroma_collection
    third = build(corpus_dir, index_dir, backend=backend, force=True).report.manifest.chroma_collection
    names = server_collections(server.url)
    assert len({first, second, third}) == 3
    assert second in names and third in names  # the current build and the previous one (replicas)
    assert first not in names and orphan not in names


def test_an_embedded_index_is_not_opened_as_a_server_one(server, built_index) -> None:
    with pytest.raises(IndexUnavailable, match="built for embedded Chroma"):
        IndexStore.open(built_index.index_dir, built_index.embeddings, COLLECTION, ChromaBackend(server.url))


def test_a_hung_server_times_out_instead_of_hanging(tmp_path) -> None:
    """A socket that accepts connections and never answers stands in for a hung server."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
    started = time.monotonic()
    with pytest.raises(ChromaUnreachable):
        ChromaBackend(f"http://127.0.0.1:{listener.getsockname()[1]}", timeout=0.5).client(tmp_path)
    assert time.monotonic() - started < 10
    listener.close()


def test_a_build_against_a_down_server_fails_before_embedding(corpus_dir, tmp_path) -> None:
    embeddings = HashingEmbeddings()
    with pytest.raises(ChromaUnreachable, match="unreachable"):
        build(
            corpus_dir,
            tmp_path / "index",
            embeddings,
            backend=ChromaBackend(f"http://127.0.0.1:{free_port()}"),
        )
    assert embeddings.calls == 0
    assert current_build(tmp_path / "index") is None


def test_bad_server_urls_are_refused_clearly(tmp_path) -> None:
    with pytest.raises(ValueError, match="http://host:port"):
        ChromaBackend("ftp://example").client(tmp_path)


def test_server_down_then_back(corpus_dir, tmp_path) -> None:
    """While the server is down: /healthz-style health says so, questions get the 'temporarily
    unavailable' text with the help numbers, and the safety router still routes. Once it is back,
    answers return without a restart."""
    chroma = ChromaServer(tmp_path / "chroma", port=free_port()).start()
    try:
        built = build(corpus_dir, tmp_path / "index", backend=ChromaBackend(chroma.url))
        settings = built.settings(
            chroma_url=chroma.url,
            chroma_timeout=2.0,
            reconnect_seconds=0.0,
            abstention_model=stub_model(tmp_path / "abstention.json"),
        )
        bot = Assistant.load(settings, embeddings=HashingEmbeddings(), build_if_missing=False)
        assert bot.health()["status"] == "ok" and bot.health()["index"]["backend"] == "server"
        assert bot.ask(QUESTION).kind == ReplyKind.ANSWER

        chroma.stop()
        health = bot.health()
        assert health["status"] == "degraded" and health["index"]["status"] == "unavailable"
        assert health["router"] == "ok" and health["index"]["error"]
        down = bot.ask(QUESTION)
        assert down.kind == ReplyKind.UNAVAILABLE and down.route == Route.NONE
        assert "temporarily unavailable" in down.text and "911" in down.text and "988" in down.text
        routed = bot.ask(EMERGENCY)
        assert routed.route == Route.EMERGENCY and "911" in routed.text

        # A replica started while the server is down runs degraded, then recovers by itself.
        late = Assistant.load(settings, embeddings=HashingEmbeddings(), build_if_missing=False)
        assert late.store is None and "unreachable" in late.health()["index"]["error"]
        assert late.ask(EMERGENCY).route == Route.EMERGENCY

        chroma.start()
        assert bot.ask(QUESTION).kind == ReplyKind.ANSWER
        assert bot.health()["status"] == "ok"
        assert late.ask(QUESTION).kind == ReplyKind.ANSWER and late.health()["status"] == "ok"
    finally:
        chroma.stop()
