"""The one parser of a chat history's user turns, for the safety router, follow-ups and the UI.

A history is a sequence of earlier turns, oldest first. Each turn is either a plain string, which
is a user turn (the public contract), or a gradio/OpenAI-style mapping ``{"role", "content"}``.

The rule for mappings: a turn whose role is ``"user"`` **or that has no role** is a user turn;
any other role (assistant, system, tool) is skipped. A turn without a role is counted because the
contract's plain entries are user turns, and because for the safety router more of the user's own
words can only add context. Content may be a string, a ``{"text": ...}`` part, or a list of parts
(multimodal messages); non-text parts are ignored. Turns are stripped and blank ones dropped.

Only the last `MAX_USER_TURNS` user turns are read (the router's context uses the last 6 of them,
follow-ups the last 2, the conversation banner all of them), so a huge history costs no more work
than a normal one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

UserHistory = Sequence[str | Mapping[str, Any]]
MAX_USER_TURNS = 20


def content_text(content: Any) -> str:
    """The text of a message's content: a string, a ``{"text": ...}`` part, or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        text = content.get("text")
        return text if isinstance(text, str) else ""
    if isinstance(content, Iterable):
        return " ".join(t for t in (content_text(part) for part in content) if t)
    return ""


def is_user_turn(turn: Any) -> bool:
    if isinstance(turn, str):
        return True
    return isinstance(turn, Mapping) and turn.get("role", "user") == "user"


def turn_text(turn: Any) -> str:
    return turn if isinstance(turn, str) else content_text(turn.get("content"))


def user_turns(history: UserHistory | None, limit: int = MAX_USER_TURNS) -> list[str]:
    """The last `limit` user turns as strings, oldest first (the module docstring gives the rule)."""
    entries = history if isinstance(history, Sequence) else list(history or ())
    newest_first: list[str] = []
    for turn in reversed(entries):
        if len(newest_first) >= limit:
            break
        text = turn_text(turn).strip() if is_user_turn(turn) else ""
        if text:
            newest_first.append(text)
    return newest_first[::-1]
