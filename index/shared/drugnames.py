"""Finds the drug's names, slang and misspellings in a text, for query normalisation and masking.

Masking matters because every passage of the corpus mentions the drug: a question like "Who makes
Klonopin?" looks similar to many sentences through the name alone. Scoring answers on vectors that
leave the names out measures whether a sentence answers the rest of the question.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import Levenshtein

CANONICAL = "clonazepam"
NAMES = ("clonazepam", "klonopin", "rivotril")
# Street and short names; "pins" and "benzos" only count as the drug in a question about it.
SLANG = (
    "k-pins",
    "kpins",
    "k pins",
    "pins",
    "klonnies",
    "klonnie",
    "klons",
    "clons",
    "clonnies",
    "k-pin",
    "kpin",
    "benzos",
    "benzo",
    "benzodiazepine",
    "benzodiazepines",
    "downers",
    "rivotrils",
)
_SLANG = re.compile(
    r"\b(?:" + "|".join(re.escape(s) for s in sorted(SLANG, key=len, reverse=True)) + r")\b"
    r"(?!\s+and\s+needles)",  # "pins and needles" is a feeling, not the drug
    re.I,
)
_REPLACEMENTS = {"benzo": "benzodiazepine", "benzos": "benzodiazepines", "downers": "sedatives"}
_WORD = re.compile(r"[A-Za-z]{6,}")
_MAX_TYPO_DISTANCE = 2


def _is_name_typo(word: str) -> bool:
    return _is_lowered_name_typo(word.lower())


@functools.lru_cache(maxsize=1 << 16)  # words repeat a lot, in a corpus as in questions
def _is_lowered_name_typo(lowered: str) -> bool:
    return any(
        Levenshtein.distance(lowered, name, score_cutoff=_MAX_TYPO_DISTANCE) <= _MAX_TYPO_DISTANCE
        for name in NAMES
    )


def drug_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the drug's names (with typos up to two edits) and slang, in order."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text) if _is_name_typo(m.group())]
    spans += [(m.start(), m.end()) for m in _SLANG.finditer(text)]
    return sorted(set(spans))


def canonicalize(text: str) -> str:
    """Slang and misspelt names replaced by "clonazepam", so retrieval sees the word the corpus uses."""
    out, last = [], 0
    for start, end in drug_spans(text):
        if start < last:
            continue
        word = text[start:end].lower()
        out.append(text[last:start])
        out.append(
            text[start:end]
            if word in NAMES or word.startswith("benzodiazepine")
            else _REPLACEMENTS.get(word, CANONICAL)
        )
        last = end
    out.append(text[last:])
    return "".join(out)
