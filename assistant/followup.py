"""Resolves follow-up questions ("how long does it last?") with the recent user turns, without a model."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.shared.history import user_turns

_WORD = re.compile(r"[a-z0-9’']+")
_ANAPHORA = frozenset(
    """it its that this these those they them their there he she him her his such""".split()
)
_CONTINUATIONS = ("and ", "what about", "how about", "also ", "so ", "then ", "but ", "or ", "what else")
_FILLER = frozenset(
    """a an the is are was were be been do does did can could should would will shall may might must i you
    me my we our what how why when where which who whom long much many more most any some of to for in
    on at by with about from as if or and but so not no yes ok okay please tell explain mean""".split()
)
_RECENT_TURNS = 2
# A question with a pronoun ("can I keep my job during it?") and up to this many other words leans on
# an earlier turn; longer ones usually say what they are about.
_MAX_FOLLOW_UP_WORDS = 6


def is_follow_up(message: str) -> bool:
    text = message.lower().strip()
    words = _WORD.findall(text)
    if not words:
        return False
    if text.startswith(_CONTINUATIONS):
        return True
    content = [w for w in words if w not in _FILLER and w not in _ANAPHORA]
    leans_on_earlier_turn = any(w in _ANAPHORA for w in words) and len(content) <= _MAX_FOLLOW_UP_WORDS
    return leans_on_earlier_turn or len(content) <= 1


def resolve_query(message: str, history: Sequence[str | Mapping] = ()) -> str:
    """The message, prefixed with the recent user turns when it only makes sense after them."""
    turns = user_turns(history)
    if not turns or not is_follow_up(message):
        return message
    return " ".join([*turns[-_RECENT_TURNS:], message])
