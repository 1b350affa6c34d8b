"""Tell English from Spanish, and name the topic of an informational message (for the footer)."""

from __future__ import annotations

from assistant.safety import lexicon
from assistant.safety.cues import TOPICS


def detect_language(tokens: tuple[str, ...]) -> str:
    es = sum(token in lexicon.ES_WORDS for token in tokens)
    en = sum(token in lexicon.EN_WORDS for token in tokens)
    return "es" if es > en else "en"


def topic(text: str) -> str:
    for name, pattern in TOPICS:
        if pattern.search(text):
            return name
    return ""
