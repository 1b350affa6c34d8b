"""Opt-in feedback log: thumbs up/down with the route and the question, in SQLite.

Nothing a visitor types is stored unless the operator sets ``ASSISTANT_FEEDBACK_DB``; build the
log with `FeedbackLog.from_settings(settings)`, which returns ``None`` when it is unset::

    log = FeedbackLog.from_settings(settings)      # None: feedback logging is off
    if log is not None:
        log.record("up", "none", "How long does inpatient rehab last?")
        log.count()                                # 1
        log.recent(10)                             # [FeedbackEntry(...)], newest first

The file (and its folder) is created on first use, in WAL mode. One connection is shared behind a
lock, so the log is safe to call from the web server's worker threads. ``FeedbackLog(":memory:")``
keeps everything in memory, for tests.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.shared.settings import Settings

RATINGS = ("up", "down")
MEMORY = ":memory:"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    route TEXT NOT NULL,
    question TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class FeedbackEntry:
    """One stored rating."""

    id: int
    created_at: str  # ISO 8601, UTC
    rating: str  # "up" | "down"
    route: str
    question: str


class FeedbackLog:
    """Thread-safe SQLite log of visitor ratings. Only build one when the operator turned it on."""

    def __init__(self, path: Path | str, *, max_question_chars: int = 2000) -> None:
        self.path = path if str(path) == MEMORY else Path(path)
        self.max_question_chars = max_question_chars
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedbackLog | None:
        """The log configured by ``settings.feedback_db``, or ``None`` when logging is off."""
        if settings.feedback_db is None:
            return None
        return cls(settings.feedback_db, max_question_chars=settings.max_message_chars)

    def _connection(self) -> sqlite3.Connection:
        # Called with the lock held.
        if self._conn is None:
            if isinstance(self.path, Path):
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=10)
            if isinstance(self.path, Path):
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
            conn.commit()
            self._conn = conn
        return self._conn

    def record(self, rating: str, route: str, question: str) -> FeedbackEntry:
        """Store one rating; the question is cut to ``max_question_chars``."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        route = str(route)
        question = question[: self.max_question_chars]
        created_at = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            conn = self._connection()
            with conn:
                cursor = conn.execute(
                    "INSERT INTO feedback (created_at, rating, route, question) VALUES (?, ?, ?, ?)",
                    (created_at, rating, route, question),
                )
            row_id = cursor.lastrowid
        assert row_id is not None
        return FeedbackEntry(row_id, created_at, rating, route, question)

    def count(self) -> int:
        with self._lock:
            (n,) = self._connection().execute("SELECT COUNT(*) FROM feedback").fetchone()
        return int(n)

    def recent(self, n: int = 20) -> list[FeedbackEntry]:
        """The ``n`` latest ratings, newest first."""
        with self._lock:
            rows = (
                self._connection()
                .execute(
                    "SELECT id, created_at, rating, route, question FROM feedback ORDER BY id DESC LIMIT ?",
                    (max(0, n),),
                )
                .fetchall()
            )
        return [FeedbackEntry(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
