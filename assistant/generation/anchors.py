"""The checkable words of a generated sentence: numbers, drug names, absolute words, named terms and
negation, and the advice it may never give. Lists and patterns live in `terms.toml` (reviewed data)."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from index.shared.drugnames import CANONICAL, NAMES, canonicalize

TERMS_FILE = Path(__file__).with_name("terms.toml")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,]*(?:\.\d+)?")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Capitalised or all-caps words that are ordinary at the start of a clause or are always capitalised.
_OWN_NAMES = frozenset(NAMES)  # slang is already canonical after `canonicalize`
_ORDINARY_CAPITALS = {"i", "i'm", "i've", "i'd", "i'll", "yes", "no", "yeah", "ok", "okay"}


@dataclass(frozen=True)
class UnsafeRule:
    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]


@dataclass(frozen=True)
class Terms:
    numbers: dict[str, str]
    drugs: frozenset[str]
    absolutes: dict[str, int]  # word -> its group
    negations: frozenset[str]
    negation_suffix: str
    opposites: dict[str, frozenset[str]]
    unsafe: tuple[UnsafeRule, ...]


@functools.cache
def load_terms(path: Path = TERMS_FILE) -> Terms:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unsafe = tuple(
        UnsafeRule(
            rule["name"],
            re.compile(rule["pattern"], re.IGNORECASE),
            tuple(rule.get("examples", ())),
            tuple(rule.get("near_misses", ())),
        )
        for rule in data["unsafe"]
    )
    return Terms(
        numbers=dict(data["numbers"]),
        drugs=frozenset(data["drugs"]["names"]),
        absolutes={w: i for i, group in enumerate(data["absolutes"]["groups"]) for w in group},
        negations=frozenset(data["negations"]["words"]),
        negation_suffix=data["negations"]["suffix"],
        opposites=_opposites(data["opposites"]["pairs"]),
        unsafe=unsafe,
    )


def _opposites(pairs: list[list[str]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for a, b in pairs:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return {word: frozenset(others) for word, others in found.items()}


def contradictions(sentence: str, passage: str, terms: Terms) -> tuple[str, ...]:
    """ "rapid (passage: slow)" for each word of the sentence whose opposite, not it, is in the passage."""
    said = {w.lower() for w in words(sentence)}
    source = {w.lower() for w in words(passage)}
    return tuple(
        f"{word} (passage: {'/'.join(sorted(terms.opposites[word] & source))})"
        for word in sorted(said - source)
        if word in terms.opposites and terms.opposites[word] & source
    )


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(canonicalize(text))]


def numbers(text: str, terms: Terms) -> set[str]:
    """Every number in the text as digits: "10,500" -> "10500", "two" -> "2", "25%" -> "25"."""
    found = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {terms.numbers[w.lower()] for w in words(text) if w.lower() in terms.numbers}
    return {n[:-2] if n.endswith(".0") else n for n in found}


def drug_names(text: str, terms: Terms) -> set[str]:
    """Drug and substance names, with clonazepam's own names and slang read as "clonazepam"."""
    lowered = {w.lower() for w in words(text)}
    own = {CANONICAL} if lowered & _OWN_NAMES else set()
    return own | {w for w in lowered if w in terms.drugs}


def absolutes(text: str, terms: Terms) -> dict[str, int]:
    """The absolute words of the text, each with its group."""
    return {w.lower(): terms.absolutes[w.lower()] for w in words(text) if w.lower() in terms.absolutes}


def named_terms(text: str) -> set[str]:
    """Words capitalised inside a sentence, and acronyms: names of programmes, bodies and places."""
    found = set()
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        tokens = words(sentence)
        for position, token in enumerate(tokens):
            lowered = token.lower()
            if not token[0].isupper() or lowered in _ORDINARY_CAPITALS:
                continue
            if position > 0 or (len(token) > 1 and token.isupper()):
                found.add(lowered)
    return found


@functools.cache
def _stemmer():
    import Stemmer  # PyStemmer, as the BM25 index uses

    return Stemmer.Stemmer("english")


def content_stems(text: str) -> set[str]:
    """The stems of the text's content words (three letters or more, no stop words)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    stem = _stemmer().stemWord
    return {
        stem(w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in ENGLISH_STOP_WORDS
    }


def negated(text: str, terms: Terms) -> bool:
    return any(w.lower() in terms.negations or w.lower().endswith(terms.negation_suffix) for w in words(text))


def unsafe_advice(text: str, terms: Terms) -> str | None:
    """The name of the first advice rule the sentence breaks, or None."""
    return next((rule.name for rule in terms.unsafe if rule.pattern.search(text)), None)


def missing_anchors(sentence: str, passage: str, terms: Terms) -> tuple[str, ...]:
    """The numbers, drug names, absolute words and named terms of `sentence` absent from `passage`."""
    lowered_passage = {w.lower() for w in words(passage)}
    missing = sorted(numbers(sentence, terms) - numbers(passage, terms))
    missing += sorted(drug_names(sentence, terms) - drug_names(passage, terms))
    passage_groups = set(absolutes(passage, terms).values())
    missing += sorted(w for w, group in absolutes(sentence, terms).items() if group not in passage_groups)
    missing += sorted(
        t for t in named_terms(sentence) - lowered_passage if t not in terms.drugs and t not in _OWN_NAMES
    )
    return tuple(missing)
