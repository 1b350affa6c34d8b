"""A deterministic stand-in for `assistant.Assistant`, for tests and trying the harness without an index."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any


def reply(
    text: str = "",
    route: str = "none",
    sources: tuple[str, ...] = (),
    abstained: bool = False,
    reason: str = "",
) -> SimpleNamespace:
    """Shaped like `assistant.Reply`: route, text, sources (text, section, score), abstained, reason."""
    passages = tuple(
        SimpleNamespace(text=t, section=f"section {i}", score=round(1.0 - i / 10, 2))
        for i, t in enumerate(sources)
    )
    return SimpleNamespace(route=route, text=text, sources=passages, abstained=abstained, reason=reason)


@dataclass
class FakeAssistant:
    """Answers each message with its scripted reply, or `default`; records every call."""

    replies: Mapping[str, Any]
    default: Any = field(default_factory=lambda: reply(abstained=True))
    calls: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def ask(self, message: str, history: list[str] | None = None) -> Any:
        self.calls.append((message, tuple(history or ())))
        value = self.replies.get(message, self.default)
        if isinstance(value, Exception):
            raise value
        return value
