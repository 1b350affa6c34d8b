"""Decides whether the corpus answers a question, from two signals:

- how well the best sentence matches the question with the drug's names left out (see drugnames);
- whether the question names something the corpus never mentions ("Xanax", "urine", "breastfeed"),
  i.e. a content word whose stem (or a one-edit typo of it) is not in the corpus vocabulary.

A strong match answers; a middling match answers only when every content word is known; a weak
match abstains. Both thresholds are calibrated on the dev set with `python -m assistant.calibrate`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from assistant.drugnames import drug_spans

# Function words and words every question uses; they say nothing about what is asked.
GENERIC_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further get gets
    getting had has have having he her here hers herself him himself his how i if in into is it its
    itself just know let like long many me more most much my myself no nor not now of off on once only
    or other our ours out over own really same she should so some someone something such tell than that
    the their them then there these they thing things this those through to too under until up us very
    was way we were what when where which while who whom why will with would you your yours yourself
    whats hows ok okay please thanks thank hi hello anyone somebody people person i'm im it's dont don't
    can't cant take takes taking took use used using make makes feel feels go going one""".split()
)
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")


@dataclass(frozen=True)
class AbstentionPolicy:
    answer_at: float  # best-sentence similarity at which a question is answered whatever its words
    known_words_at: float  # lower similarity that still answers when every content word is known

    def should_answer(self, best_score: float, unknown: tuple[str, ...]) -> bool:
        return best_score >= self.answer_at or (best_score >= self.known_words_at and not unknown)


@dataclass(frozen=True)
class CorpusVocabulary:
    stems: frozenset[str]
    sorted_stems: tuple[str, ...]  # for the typo look-up
    stem: Callable[[str], str]

    @classmethod
    def of(cls, stems: frozenset[str], stem: Callable[[str], str]) -> CorpusVocabulary:
        return cls(stems, tuple(sorted(stems)), stem)

    def knows(self, word: str) -> bool:
        parts = [self.stem(p) for p in re.split(r"['’-]", word) if p and p not in GENERIC_WORDS]
        if all(p in self.stems for p in parts):
            return True
        root = self.stem(word)
        return (
            len(root) >= 5
            and process.extractOne(root, self.sorted_stems, scorer=Levenshtein.distance, score_cutoff=1)
            is not None
        )

    def unknown_terms(self, question: str) -> tuple[str, ...]:
        """Content words of the question the corpus never uses (one-edit typos of known words are known)."""
        masked = question
        for start, end in reversed(drug_spans(question)):
            masked = masked[:start] + " " + masked[end:]
        words = (w for w in _WORD.findall(masked.lower()) if w not in GENERIC_WORDS and len(w) >= 3)
        return tuple(w for w in words if not self.knows(w))
