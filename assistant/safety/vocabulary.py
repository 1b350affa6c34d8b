"""Every word the rules know (lexicon, patterns, spelling tables); typos are only corrected outside it."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.safety import lexicon, rulebook, spelling


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every word the rules know; typos are only corrected for words outside it."""
    words: set[str] = set()
    sources = [*spelling.APOSTROPHE_WORDS.values(), *spelling.TEXT_SPEAK, *spelling.TEXT_SPEAK.values()]
    sources += [*spelling.NUMBER_WORDS]
    sources += [v for k, v in vars(lexicon).items() if k.isupper() and isinstance(v, str)]
    sources += [rule.pattern.pattern for rule in rulebook.rules()]
    for source in sources:
        words.update(re.findall(r"[a-z]{2,}", source))
    return frozenset(words | lexicon.ES_WORDS | lexicon.EN_WORDS)
