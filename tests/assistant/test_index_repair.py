"""A corrupt embedded index is rebuilt from the corpus in the background: health says "rebuilding",
routed messages keep their fixed replies meanwhile, the broken build is not deleted before the new one
is complete, and once it is, questions are answered again without a restart."""

from __future__ import annotations

import shutil
import threading

import pytest

from assistant import Assistant
from assistant.reply import ReplyKind, Route
from index.builder import current_build
from index.shared.embeddings import HashingEmbeddings

QUESTION = "What are the signs of a clonazepam overdose?"
EMERGENCY = "my friend took a whole bottle of klonopin and wont wake up"


@pytest.fixture
def corrupt_index(corpus_dir, make_index):
    built = make_index(corpus_dir)
    shutil.rmtree(built.report.build_dir / "lexical")
    return built


def test_a_corrupt_index_is_rebuilt_in_the_background(corrupt_index, monkeypatch) -> None:
    broken = corrupt_index.report.build_dir
    release = threading.Event()
    import index.builder as builder

    real_build = builder.build_index

    def slow_build(*args, **kwargs):
        assert release.wait(30)
        assert broken.is_dir()  # the broken build is still there while the new one is made
        return real_build(*args, **kwargs)

    monkeypatch.setattr(builder, "build_index", slow_build)
    settings = corrupt_index.settings(reconnect_seconds=3600.0)
    bot = Assistant.load(settings, embeddings=HashingEmbeddings())

    health = bot.health()
    assert health["status"] == "degraded" and health["index"]["status"] == "rebuilding"
    assert bot.ask(EMERGENCY).route is Route.EMERGENCY
    assert bot.ask(QUESTION).kind is ReplyKind.UNAVAILABLE

    release.set()
    assert bot.index_repair.wait(60) and bot.index_repair.error == ""
    assert current_build(settings.index_dir) != broken.resolve()
    # opened by the next question, although the reconnect interval has not passed
    reply = bot.ask(QUESTION)
    assert reply.kind is ReplyKind.ANSWER and reply.sources
    assert bot.health()["status"] == "ok"


def test_a_broken_manifest_does_not_stop_the_rebuild(corpus_dir, make_index) -> None:
    built = make_index(corpus_dir)
    (built.report.build_dir / "manifest.json").write_text("{broken")
    bot = Assistant.load(built.settings(), embeddings=HashingEmbeddings())
    assert bot.index_repair is not None and bot.index_repair.wait(60) and bot.index_repair.error == ""
    assert bot.ask(QUESTION).kind is ReplyKind.ANSWER


def test_a_failed_rebuild_stays_degraded_and_says_why(corrupt_index, monkeypatch) -> None:
    import index.builder as builder

    def failing_build(*args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(builder, "build_index", failing_build)
    bot = Assistant.load(corrupt_index.settings(), embeddings=HashingEmbeddings())
    assert bot.index_repair.wait(30)
    assert "read-only file system" in bot.index_repair.error
    health = bot.health()
    assert health["index"]["status"] == "unavailable"
    assert bot.ask(EMERGENCY).route is Route.EMERGENCY


def test_no_rebuild_without_permission_to_build(corrupt_index) -> None:
    bot = Assistant.load(corrupt_index.settings(), embeddings=HashingEmbeddings(), build_if_missing=False)
    assert bot.index_repair is None and bot.health()["index"]["status"] == "unavailable"
