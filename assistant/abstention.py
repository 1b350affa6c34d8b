"""Decides whether the corpus answers a question.

A logistic regression fitted on the QA dev sets by `python -m assistant.calibrate` (coefficients and
threshold in `abstention_model.json`) over:
- how well the best sentence matches the question with the drug's names left out (see drugnames),
  with and without its section title, and how well the best passage matches (the question's
  vectors moved by the query adapter);
- the BM25 score of the best passage and the share of the question's words in the best sentence;
- whether the question names things the corpus never mentions ("Xanax", "urine", "breastfeed"):
  content words whose stem (or a one-edit typo of it) is not in the corpus vocabulary;
- how near the question's meaning is to dev questions the page answers and to those it does not
  (assistant/question_bank.py): the feature that does not care which words a visitor uses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from index.shared.drugnames import drug_spans

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
    can't cant take takes taking took use used using make makes feel feels go going one
    mess messes messing""".split()  # "mess with": everyday wording for "affect"
)
_SORTED_GENERIC = tuple(sorted(GENERIC_WORDS))
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
# Spelling corrections are only offered for stems this long: one edit turns a shorter stem into another
# real word too often ("misus" -> "miss", "trip" -> "tri"), which would send the search elsewhere.
_MIN_CORRECTED_STEM = 6


# Measured out of fold by writer, with the query adapter and the question bank also built without the
# writer (docs/RETRIEVAL.md): the first seven alone answer 0.767 / abstain 0.812; with the bank's three,
# 0.916 / 0.848. Dropping the word signals (unknown words) still costs a little, so they stay.
FEATURES = (
    "best_titled",
    "best_bare",
    "best_dense",
    "lexical_top",
    "unknown_count",
    "unknown_share",
    "overlap",
    "bank_answerable",
    "bank_unanswerable",
    "bank_margin",
)
DEFAULT_MODEL_PATH = Path(__file__).with_name("abstention_model.json")


@dataclass(frozen=True)
class AbstentionFeatures:
    best_titled: float  # best sentence similarity, section title included, drug names left out
    best_bare: float  # the same without the title
    best_dense: float  # best passage cosine similarity
    lexical_top: float  # log(1 + BM25 score of the first passage)
    unknown_count: float  # content words the corpus never uses
    unknown_share: float  # ... as a share of the question's content words
    overlap: float  # share of the question's content words found in the best sentence
    # From the question bank (question_bank.BankMatch); NaN without a bank, read as the average.
    bank_answerable: float = float("nan")  # similarity to the nearest answerable dev question
    bank_unanswerable: float = float("nan")  # ... to the nearest one the page does not answer
    bank_margin: float = float("nan")  # nearest answerable minus nearest unanswerable (3 of each)

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in FEATURES], dtype=np.float64)


@dataclass(frozen=True)
class AbstentionModel:
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # answer when the probability that the corpus answers is at least this
    note: str = ""

    def probability(self, features: AbstentionFeatures) -> float:
        means = np.array(self.means)
        values = features.vector()
        z = (np.where(np.isnan(values), means, values) - means) / np.array(self.scales)
        logit = float(np.clip(z @ np.array(self.weights) + self.bias, -50.0, 50.0))  # no overflow in exp
        return 1.0 / (1.0 + float(np.exp(-logit)))

    @classmethod
    def neutral(cls) -> AbstentionModel:
        """A model that ignores every feature: for computing features before a model is fitted on them."""
        zeros = (0.0,) * len(FEATURES)
        return cls(zeros, (1.0,) * len(FEATURES), zeros, bias=0.0, threshold=0.5)

    def should_answer(self, features: AbstentionFeatures) -> bool:
        return self.probability(features) >= self.threshold

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self) | {"features": FEATURES}, indent=2) + "\n")

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> AbstentionModel:
        data = json.loads(path.read_text())
        if tuple(data.pop("features")) != FEATURES:
            raise ValueError(f"{path} was fitted on other features; run `python -m assistant.calibrate`")
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


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
        if len(root) >= 5 and process.extractOne(
            root, self.sorted_stems, scorer=Levenshtein.distance, score_cutoff=1
        ):
            return True
        # A typo of a function word ("durring") stems oddly ("durr"), so compare the words themselves.
        return (
            len(word) >= 5
            and process.extractOne(word, _SORTED_GENERIC, scorer=Levenshtein.distance, score_cutoff=1)
            is not None
        )

    def spelling_corrections(self, text: str) -> tuple[str, ...]:
        """Corpus stems one edit away from the text's misspelt content words ("memmory" -> "memori"), for
        the lexical search, which only matches exact stems. Each correction is its own stem, so it
        survives the search's tokenizer unchanged."""
        corrections: list[str] = []
        for word in _WORD.findall(text.lower()):
            root = self.stem(word)
            if word in GENERIC_WORDS or root in self.stems or len(root) < _MIN_CORRECTED_STEM:
                continue
            match = process.extractOne(root, self.sorted_stems, scorer=Levenshtein.distance, score_cutoff=1)
            if match and self.stem(match[0]) == match[0] and match[0] not in corrections:
                corrections.append(match[0])
        return tuple(corrections)

    def unknown_terms(self, question: str) -> tuple[str, ...]:
        """Content words of the question the corpus never uses (one-edit typos of known words are known)."""
        masked = question
        for start, end in reversed(drug_spans(question)):
            masked = masked[:start] + " " + masked[end:]
        words = (w for w in _WORD.findall(masked.lower()) if w not in GENERIC_WORDS and len(w) >= 3)
        return tuple(w for w in words if not self.knows(w))
