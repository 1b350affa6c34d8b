from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from assistant.web.feedback import FeedbackEntry, FeedbackLog
from index.shared.settings import Settings


def test_nothing_is_created_until_first_use(tmp_path: Path) -> None:
    path = tmp_path / "var" / "feedback.sqlite3"
    log = FeedbackLog(path)
    assert not path.exists()
    assert log.count() == 0
    assert path.exists()


def test_record_count_and_recent_newest_first(tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "feedback.sqlite3")
    first = log.record("up", "none", "How long does rehab last?")
    log.record("down", "emergency", "my friend won't wake up")

    assert isinstance(first, FeedbackEntry)
    assert log.count() == 2
    recent = log.recent(10)
    assert [(e.rating, e.route, e.question) for e in recent] == [
        ("down", "emergency", "my friend won't wake up"),
        ("up", "none", "How long does rehab last?"),
    ]
    assert recent[1] == first
    assert first.created_at.endswith("+00:00")
    assert [e.question for e in log.recent(1)] == ["my friend won't wake up"]
    assert log.recent(0) == []


def test_entries_survive_reopening_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    log = FeedbackLog(path)
    log.record("up", "none", "q")
    log.close()

    assert FeedbackLog(path).count() == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rejects_unknown_rating_and_stores_nothing() -> None:
    log = FeedbackLog(":memory:")
    with pytest.raises(ValueError, match="rating"):
        log.record("meh", "none", "q")
    assert log.count() == 0


def test_long_questions_are_cut() -> None:
    log = FeedbackLog(":memory:", max_question_chars=10)
    entry = log.record("up", "none", "x" * 50)
    assert entry.question == "x" * 10
    assert log.recent(1)[0].question == "x" * 10


def test_html_is_stored_verbatim_as_data() -> None:
    log = FeedbackLog(":memory:")
    log.record("down", "none", "<img src=x onerror=alert(1)>'); DROP TABLE feedback;--")
    assert log.recent(1)[0].question == "<img src=x onerror=alert(1)>'); DROP TABLE feedback;--"
    assert log.count() == 1


def test_safe_from_many_threads(tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "feedback.sqlite3")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(25):
                log.record("up" if i % 2 else "down", "none", f"thread {n} question {i}")
                log.count()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert log.count() == 200
    assert len({e.id for e in log.recent(500)}) == 200


def test_from_settings_is_off_unless_configured(tmp_path: Path) -> None:
    assert FeedbackLog.from_settings(Settings(feedback_db=None)) is None
    log = FeedbackLog.from_settings(Settings(feedback_db=tmp_path / "f.db", max_message_chars=5))
    assert log is not None
    assert log.path == tmp_path / "f.db"
    assert log.record("up", "none", "123456789").question == "12345"


def test_an_empty_feedback_setting_means_off(monkeypatch) -> None:
    """An operator's `ASSISTANT_FEEDBACK_DB=` (empty) must not turn logging on into the current folder."""
    monkeypatch.setenv("ASSISTANT_FEEDBACK_DB", "")
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "  ")
    settings = Settings()
    assert settings.feedback_db is None and settings.chroma_url is None
    assert FeedbackLog.from_settings(settings) is None
