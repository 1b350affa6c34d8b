"""Turn a raw message into normalized tokens that remember where they came from.

Every output token keeps the (start, end) span of the raw word it came from, so a rule that
fires on normalized text can still quote the visitor's exact words in its reason.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from confusable_homoglyphs import confusables
from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.safety import spelling
from assistant.safety.vocabulary import vocabulary

# Words, numbers (with decimals) and the punctuation that bounds clauses.
_TOKEN = re.compile(
    r"(?i:w/o)(?!\w)|\d+(?:[.,]\d+)?|[^\W\d_]+(?:['’‘`´][^\W\d_]+)*|[.?!;,¿¡—–]|(?<=\s)-(?=\s)"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_RUN = re.compile(r"([^\W\d_])\1{2,}")
_SENTENCE_END = frozenset({".", "?", "!", ";"})


@dataclass(frozen=True)
class Normalized:
    """Normalized tokens of one message, joined by single spaces in `text`."""

    raw: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # raw span of the word each token came from
    starts: tuple[int, ...]  # char offset of each token in `text`
    text: str
    clause: tuple[int, ...]  # clause number of each token (split at . ? ! ; and "but")
    sentence: tuple[int, ...]  # sentence number of each token

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [first, last] covered by the char range [start, end) of `text`."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        return max(first, 0), max(last, 0)

    def raw_words(self, first: int, last: int) -> str:
        """The visitor's own words for tokens first..last."""
        return self.raw[self.spans[first][0] : self.spans[last][1]]


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One raw character as the rules read it: invisible format characters (zero-width space and
    joiners, soft hyphen, BOM, bidi marks) dropped; full-width and compatibility forms by NFKC; a
    letter of another script that looks like a Latin one (Cyrillic "о", Greek "Α") as that letter,
    from the Unicode confusables table."""
    if ch.isascii():
        return ch
    if unicodedata.category(ch) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) > 1 and not folded.isalnum():
        return ch  # "…" stays one mark, not three full stops that would split the clause
    if len(folded) == 1 and folded.isalpha() and not folded.isascii():
        found = confusables.is_confusable(folded, preferred_aliases=["latin"], greedy=True)
        lookalikes = [h["c"] for h in found[0]["homoglyphs"]] if found else []
        latin = next((c for c in lookalikes if len(c) == 1 and c.isascii() and c.isalpha()), "")
        return latin or folded
    return folded


def _fold(raw: str) -> tuple[str, list[int]]:
    """`raw` with every character folded (`_fold_char`), and for each folded character the index of
    the raw one it came from (plus one past the end), so spans map back to the visitor's words."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(raw):
        for c in _fold_char(ch):
            out.append(c)
            where.append(i)
    where.append(len(raw))
    return "".join(out), where


@lru_cache(maxsize=4096)
def _destretch(word: str) -> str:
    """'helppp' -> 'help', 'sleeeep' -> 'sleep': collapse runs of 3+ letters to 1 or 2."""
    if not _RUN.search(word):
        return word
    one, two = _RUN.sub(r"\1", word), _RUN.sub(r"\1\1", word)
    if two in vocabulary() and one not in vocabulary():
        return two
    return one


@lru_cache(maxsize=4096)
def _fuzzy(word: str, one_edit: bool = True) -> str:
    """Map a misspelled drug name or key word ('klonipin', 'turky') to its canonical spelling.

    Text-speak endings first: a dropped g ('thinkin', 'endin') and a doubled last letter ('diee').
    """
    known = vocabulary()
    if word in known or not word.isalpha():
        return word
    if word.endswith("in") and word + "g" in known:
        return word + "g"
    if len(word) > 2 and word[-1] == word[-2] and word[:-1] in known:
        return word[:-1]
    if len(word) >= 5:
        cutoff = 1 if len(word) < 9 else 2
        best = process.extractOne(word, spelling.FUZZY_TARGETS, scorer=OSA.distance, score_cutoff=cutoff)
        if best:
            return best[0]
    return _one_edit_from_a_rule_word(word) if one_edit else word


@lru_cache(maxsize=1)
def _dictionaries():
    """English and Spanish word lists (pyspellchecker's, loaded on first use, under a second), and
    the Spanish words without accents, as the tokens arrive here ("años" is "anos")."""
    from spellchecker import SpellChecker

    english, spanish = SpellChecker(language="en", distance=1), SpellChecker(language="es", distance=1)
    return english, spanish, frozenset(_strip_accents(w) for w in spanish.word_frequency)


def _one_edit_from_a_rule_word(word: str) -> str:
    """A word that is in neither the English nor the Spanish dictionary and one edit (a swap, a drop,
    an extra or a wrong letter) from a word the rules know ("sotp", "lpis", "cuttig") is taken as
    that word; the most frequent one if several. Real words ("bill", "form") are left alone, so a
    typo fix cannot turn an everyday word into an alarming one."""
    if len(word) < 4:
        return word
    english, spanish, spanish_folded = _dictionaries()
    if word in english or word in spanish_folded:  # an unaccented Spanish word folds to itself
        return word
    close = process.extract(word, vocabulary(), scorer=OSA.distance, score_cutoff=1, limit=None)
    if not close:
        return word
    return max(
        (c for c, _, _ in close),
        key=lambda c: (english.word_usage_frequency(c) + spanish.word_usage_frequency(c), c),
    )


@lru_cache(maxsize=16384)
def _expand(word: str) -> tuple[str, ...]:
    """Normalize one raw word into zero or more tokens."""
    lowered = word.translate(_APOSTROPHES).lower()
    plain = _strip_accents(lowered)
    accented = lowered != plain  # a Spanish word: the dictionaries miss some ("años")
    word = _destretch(plain)
    if not word:
        return ()
    if word in spelling.APOSTROPHE_WORDS:
        return tuple(spelling.APOSTROPHE_WORDS[word].split())
    if "'" in word:
        head, _, tail = word.partition("'")
        if tail == "t" and head.endswith("n"):  # didn't, can't, won't
            stem = spelling.NEGATED_STEMS.get(head, head[:-1])
            return (stem, "not")
        if tail == "s":
            return (head, "is") if head in spelling.IS_CONTRACTIONS else (head,)
        suffix = spelling.CONTRACTION_SUFFIXES.get(tail)
        if suffix:
            return (head, suffix)
        word = word.replace("'", "")
    if word[0].isdigit():
        return (word.replace(",", "."),)
    if word in spelling.TEXT_SPEAK:
        return tuple(spelling.TEXT_SPEAK[word].split())
    if word in spelling.NUMBER_WORDS:
        return (spelling.NUMBER_WORDS[word],)
    return (_fuzzy(word, one_edit=not accented),)


def normalize(raw: str) -> Normalized:
    """Normalize invisible characters, look-alike letters, case, accents, quotes, contractions,
    text-speak, stretched letters and typos."""
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    folded, where = _fold(raw)
    for match in _TOKEN.finditer(folded):
        word = match.group()
        span = (where[match.start()], where[match.end() - 1] + 1)
        if word in "¿¡":
            continue
        if word in "—–-":  # a dash bounds a phrase like a comma
            word = ","
        # "20mg" arrives as "20" then "mg" thanks to the token pattern; nothing to split here.
        for token in _expand(word) if word not in ".?!;," else (word,):
            tokens.append(token)
            spans.append(span)
    starts: list[int] = []
    offset = 0
    for token in tokens:
        starts.append(offset)
        offset += len(token) + 1
    clause: list[int] = []
    sentence: list[int] = []
    c = s = 0
    for token in tokens:
        if token in spelling.CLAUSE_BREAKS:
            c += 1
        clause.append(c)
        sentence.append(s)
        if token in _SENTENCE_END:
            c += 1
            s += 1
    return Normalized(
        raw=raw,
        tokens=tuple(tokens),
        spans=tuple(spans),
        starts=tuple(starts),
        text=" ".join(tokens),
        clause=tuple(clause),
        sentence=tuple(sentence),
    )
