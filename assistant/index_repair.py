"""Rebuilds a corrupt embedded index from the corpus in the background, once, while the assistant runs
degraded (routing works, questions get "temporarily unavailable", health says "rebuilding"). The
builder writes the new build beside the broken one and swaps it in only when complete, so nothing is
deleted before there is something to replace it; the assistant then opens it on its next retry."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class IndexRepair:
    def __init__(self, rebuild: Callable[[], Any], on_done: Callable[[], None] = lambda: None) -> None:
        self._rebuild = rebuild
        self._on_done = on_done
        self._thread: threading.Thread | None = None
        self.error = ""  # why the rebuild failed ("" while running or after success)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="index-repair", daemon=True)
            self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """True once the rebuild has ended (tests and shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def _run(self) -> None:
        try:
            self._rebuild()
            log.info("corrupt index rebuilt from the corpus")
        except Exception as exc:  # stays degraded, and says why; `python -m index build --force` remains
            self.error = f"{type(exc).__name__}: {exc}"
            log.error("rebuilding the corrupt index failed: %s", self.error)
        finally:
            self._on_done()
