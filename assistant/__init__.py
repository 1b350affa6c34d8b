"""Grounded clonazepam help assistant.

`from assistant import Assistant` is the public entry point. Heavy modules load lazily so that
importing the package (e.g. for `assistant.safety`) costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.reply import Passage, Reply, ReplyKind, Route

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from index.shared.settings import Settings

__all__ = ["Assistant", "Passage", "Reply", "ReplyKind", "Route", "Settings"]


def __getattr__(name: str) -> Any:
    if name == "Assistant":
        from assistant.assistant import Assistant

        return Assistant
    if name == "Settings":
        from index.shared.settings import Settings

        return Settings
    raise AttributeError(name)
