"""Seeded perturbations that must not change a message's route (CheckList-style invariance tests).

Each perturbation takes the message and a `random.Random` and returns the perturbed message, or
None when it does not apply (no drug name to swap, no first person to turn into third). The seed
of every case is derived from its id and the perturbation's name, so a run is reproducible and
adding a case does not reshuffle the others.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable

from assistant.safety.cues import PRESENT, PRESENT_NEAR  # the router's own present-time cues
from assistant.safety.normalize import normalize

Perturbation = Callable[[str, random.Random], str | None]

_WORD = re.compile(r"[A-Za-z]{4,}")  # any word of four letters or more may get the typo


def _one_word(text: str, rng: random.Random, change: Callable[[str, random.Random], str]) -> str | None:
    words = list(_WORD.finditer(text))
    if not words:
        return None
    m = rng.choice(words)
    return text[: m.start()] + change(m.group(), rng) + text[m.end() :]


def typo_swap(text: str, rng: random.Random) -> str | None:
    """Two neighbouring letters swapped inside a word ("tkae")."""

    def swap(word: str, rng: random.Random) -> str:
        places = [i for i in range(1, len(word) - 1) if word[i] != word[i + 1]] or [0]
        i = rng.choice(places)  # two different letters, so the word does change ("took" is not "took")
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    return _one_word(text, rng, swap)


def typo_drop(text: str, rng: random.Random) -> str | None:
    """One letter (not the first) dropped from a word ("brething")."""

    def drop(word: str, rng: random.Random) -> str:
        i = rng.randrange(1, len(word))
        return word[:i] + word[i + 1 :]

    return _one_word(text, rng, drop)


def typo_double(text: str, rng: random.Random) -> str | None:
    """One letter doubled ("pilss")."""

    def double(word: str, rng: random.Random) -> str:
        i = rng.randrange(1, len(word))
        return word[:i] + word[i] + word[i:]

    return _one_word(text, rng, double)


_OD = re.compile(r"\b(overdos(?:ed|ing|e)|OD'?d|ODed|OD)\b", re.IGNORECASE)
_OD_FORMS = {
    "past": ("overdosed", "OD'd", "ODd", "ODed"),
    "now": ("overdosing", "ODing"),
    "base": ("overdose", "OD"),
}


def od_variant(text: str, rng: random.Random) -> str | None:
    """An overdose word in another spelling of the same tense (overdosed / OD'd / ODd / ODed)."""
    m = _OD.search(text)
    if not m:
        return None
    word = m.group().lower()
    tense = "past" if word.endswith("d") and word != "od" else "now" if "ing" in word else "base"
    choices = [f for f in _OD_FORMS[tense] if f.lower() != word]
    return text[: m.start()] + rng.choice(choices) + text[m.end() :] if choices else None


_TEXT_SPEAK = (
    (r"\byou\b", "u"),
    (r"\byour\b", "ur"),
    (r"\bright now\b", "rn"),
    (r"\bplease\b", "pls"),
    (r"\bare\b", "r"),
    (r"\bbecause\b", "bc"),
    (r"\bdon't\b", "dont"),
    (r"\bI'm\b", "im"),
    (r"\bcan't\b", "cant"),
    (r"\btonight\b", "2nite"),
)
# Not "to" -> "2": a bare digit is read as an amount ("take 2"), and the router must keep reading
# "2" as a number.


def text_speak(text: str, rng: random.Random) -> str | None:
    """Every applicable text-speak short form (u, ur, rn, pls, r, bc, im, 2nite)."""
    out = text
    for pattern, short in _TEXT_SPEAK:
        out = re.sub(pattern, short, out, flags=re.IGNORECASE)
    return out if out != text else None


def no_punctuation(text: str, rng: random.Random) -> str | None:
    out = re.sub(r"[.,!?;:\"“”¿¡…]", "", text)
    return out if out != text else None


def all_caps(text: str, rng: random.Random) -> str | None:
    return text.upper() if text.upper() != text else None


def extra_spaces(text: str, rng: random.Random) -> str | None:
    return "  " + re.sub(r" ", lambda _: " " * rng.randint(2, 4), text) + "   "


def zero_width(text: str, rng: random.Random) -> str | None:
    """A zero-width space or joiner inside a word."""

    def insert(word: str, rng: random.Random) -> str:
        i = rng.randrange(1, len(word))
        return word[:i] + rng.choice("\u200b\u200c\u200d\u2060") + word[i:]

    return _one_word(text, rng, insert)


_LOOKALIKES = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "x": "х", "y": "у"}  # Cyrillic


def homoglyphs(text: str, rng: random.Random) -> str | None:
    """About a third of the letters that have a Cyrillic look-alike replaced by it."""
    out = "".join(_LOOKALIKES[c] if c in _LOOKALIKES and rng.random() < 0.33 else c for c in text)
    return out if out != text else None


_DRUG = re.compile(r"\b(clonazepam|klonopin|k-?pins?|benzos?|rivotril)\b", re.IGNORECASE)
_DRUG_NAMES = ("clonazepam", "Klonopin", "k-pins", "kpins", "benzos", "klonopin")


def drug_names(text: str, rng: random.Random) -> str | None:
    """Every drug name swapped for another of its names (brand, generic, street)."""
    if not _DRUG.search(text):
        return None
    name = rng.choice(_DRUG_NAMES)
    out = _DRUG.sub(
        lambda m: name if m.group().lower() != name.lower() else rng.choice(_DRUG_NAMES[:2]), text
    )
    return out if out != text else None


_THIRD = (
    (r"\bI'm\b", "she's"),
    (r"\bIm\b", "shes"),
    (r"\bI am\b", "she is"),
    (r"\bI've\b", "she's"),
    (r"\bI'll\b", "she'll"),
    (r"\bI was\b", "she was"),
    (r"\bI\b", "she"),
    (r"\bmyself\b", "herself"),
    (r"\bmy\b", "her"),
    (r"\bme\b", "her"),
    (r"\bmine\b", "hers"),
)


def third_person(text: str, rng: random.Random) -> str | None:
    """First person told as a third person ("my sister says she ..."); applies only to English
    first-person messages."""
    if not re.search(r"\b(I|I'm|Im|[Mm]y|[Mm]yself)\b", text):
        return None
    out = text
    for pattern, replacement in _THIRD:
        out = re.sub(pattern, replacement, out, flags=re.IGNORECASE)
    return f"my sister says {out[0].lower()}{out[1:]}" if out != text else None


_GREETINGS = ("hi there.", "Hello, hope you're well.", "hey", "Good evening!", "hi, quick one.", "Hola.")
_AFTERWARDS = ("Also, is this chat private?", "btw what are your opening hours?", "thanks for reading.")


def greeting_before(text: str, rng: random.Random) -> str | None:
    return f"{rng.choice(_GREETINGS)} {text}"


def question_after(text: str, rng: random.Random) -> str | None:
    end = "" if text.rstrip().endswith((".", "!", "?")) else "."
    return f"{text.rstrip()}{end} {rng.choice(_AFTERWARDS)}"


PERTURBATIONS: dict[str, Perturbation] = {
    "typo_swap": typo_swap,
    "typo_drop": typo_drop,
    "typo_double": typo_double,
    "od_variant": od_variant,
    "text_speak": text_speak,
    "no_punctuation": no_punctuation,
    "all_caps": all_caps,
    "extra_spaces": extra_spaces,
    "zero_width": zero_width,
    "homoglyphs": homoglyphs,
    "drug_names": drug_names,
    "third_person": third_person,
    "greeting_before": greeting_before,
    "question_after": question_after,
}


ENGLISH_ONLY = frozenset({"text_speak", "third_person"})


def perturb(case_id: str, message: str, kind: str, lang: str = "en") -> str | None:
    """The `kind` perturbation of one case's message (None: it does not apply); deterministic for
    (case_id, kind)."""
    if kind in ENGLISH_ONLY and lang != "en":
        return None
    rng = random.Random(zlib.crc32(f"{case_id}:{kind}".encode()))
    out = PERTURBATIONS[kind](message, rng)
    return out if out is not None and out != message else None


# ---- directional tests: frames that must turn a routed message to "none" --------------------------

_ONE_SENTENCE = re.compile(r"^[^.!?\"“”]*[.!?]*$")  # no inner sentence end and no quotes of its own
_INTENT = re.compile(
    r"^i(?: (want to|wanna|plan to|need to|have to)|(?: am|'m|’m|m) (going to|gonna|planning to|about to))\b",
    re.IGNORECASE,
)
_NEW_SUBJECT = re.compile(r"\b(?:i|im|i'm|i’m|ive|i've|he|she|they)\b", re.IGNORECASE)


def _single(text: str) -> str | None:
    text = text.strip()
    return text if text and _ONE_SENTENCE.match(text) else None


def fiction_frame(text: str, lang: str) -> str | None:
    """The message as a line a film character says."""
    if (line := _single(text)) is None:
        return None
    if lang == "es":
        return f'En la pelicula que vimos anoche, un personaje dice "{line}" ¿Es realista?'
    return f'In the movie we watched last night, a character says "{line}" Is that realistic?'


def past_frame(text: str, lang: str) -> str | None:
    """The message as something written years ago, long over (only when it has no word of its own
    that it is happening now, like "tonight", "now" or "just": then the design keeps it routed)."""
    if (line := _single(text)) is None:
        return None
    norm = normalize(line)
    if PRESENT.search(norm.text) or PRESENT_NEAR.intersection(norm.tokens):
        return None
    if lang == "es":
        return (
            f'Hace diez años le escribí a mi hermana "{line}" Eso pasó hace años y estoy bien desde entonces.'
        )
    return f'Back in 2015 I wrote in my diary "{line}" That was years ago and I have been well since.'


def negated_intent(text: str, lang: str) -> str | None:
    """ "I want to ..." / "I'm going to ..." said as "I do not want to ..." / "I am not going to ...".
    Only for one clause (no comma, no second subject): what a negation covers beyond it is not clear."""
    if lang != "en" or (line := _single(text)) is None or "," in line or not (m := _INTENT.match(line)):
        return None
    if _NEW_SUBJECT.search(line[m.end() :]):  # "i wanna die i cant do this": a second clause
        return None
    negated = f"I do not {m.group(1)}" if m.group(1) else f"I am not {m.group(2)}"
    return negated + line[m.end() :]


# Each direction, and the reading of the router's modifiers it relies on: a case whose rules do not
# take that reading (a lethal-amount question is never set aside as fiction) is not expected to turn.
DIRECTIONS: dict[str, tuple[str, Callable[[str, str], str | None]]] = {
    "fiction_frame": ("fiction", fiction_frame),
    "past_frame": ("past", past_frame),
    "negated_intent": ("negation", negated_intent),
}
