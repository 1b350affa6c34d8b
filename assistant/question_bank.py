"""The question bank: the QA dev questions (visitors' own words, from several writers), each with the
page sentences that answer it, or none when the page does not answer it.

A new question is compared with the bank's by meaning (the plain model's drug-masked vectors):
- its nearest answerable and unanswerable neighbours tell abstention whether the page answers it,
  however its words differ from the page's (features of assistant/abstention.py);
- a sentence that answers a near neighbour is likely to answer it too, so each sentence gets the
  similarity of the nearest bank question it answers, a bonus when choosing what to quote.

Measured out of fold by writer (docs/RETRIEVAL.md): abstention answered 0.767 -> 0.916 with abstained
0.812 -> 0.848; answering sentence hit@1 0.576 -> 0.609, hit@3 0.748 -> 0.800.

Built by `python -m assistant.fit_question_bank` from the dev sets only; sentences are kept by their
text, so an index rebuilt with other chunk boundaries still finds them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_BANK_PATH = Path(__file__).with_name("question_bank.npz")
NEIGHBOURS = 3  # the margin feature averages this many nearest neighbours of each kind
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BankMatch:
    """How a question relates to the bank."""

    nearest_answerable: float  # cosine similarity to the nearest answerable bank question
    nearest_unanswerable: float  # ... to the nearest one the page does not answer
    margin: float  # mean of the NEIGHBOURS nearest answerable minus that of the unanswerable
    sentence_support: dict[str, float]  # sentence text -> similarity of the nearest bank question it answers

    def support(self, sentence_text: str) -> float:
        return self.sentence_support.get(sentence_text, 0.0)


@dataclass(frozen=True)
class QuestionBank:
    vectors: np.ndarray  # (questions, dim), normalised drug-masked vectors of the plain model
    answerable: np.ndarray  # (questions,) bool
    sentences: tuple[str, ...]  # the answering sentences' texts, each once
    answers: np.ndarray  # (questions, sentences) bool: which sentences answer which question
    model: str  # the embedding model of `vectors`; another model's questions are not compared
    note: str = ""

    def match(self, masked_vector: np.ndarray) -> BankMatch:
        similarity = self.vectors @ np.asarray(masked_vector, dtype=np.float32)
        answerable, unanswerable = similarity[self.answerable], similarity[~self.answerable]

        def nearest(values: np.ndarray, count: int = 1) -> float:
            return float(np.sort(values)[-count:].mean()) if values.size else 0.0

        margin = nearest(answerable, NEIGHBOURS) - nearest(unanswerable, NEIGHBOURS)
        support = np.where(self.answers, similarity[:, None], -1.0).max(axis=0)
        return BankMatch(
            nearest(answerable),
            nearest(unanswerable),
            margin,
            {text: float(s) for text, s in zip(self.sentences, support, strict=True) if s > 0},
        )

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            vectors=self.vectors.astype(np.float16),  # half the size; rankings unchanged at this precision
            answerable=self.answerable,
            sentences=np.array(self.sentences, dtype=str),
            answers=np.packbits(self.answers, axis=1),
            model=self.model,
            note=self.note,
        )

    @classmethod
    def load(cls, path: Path) -> QuestionBank:
        with np.load(path, allow_pickle=False) as data:
            vectors = data["vectors"].astype(np.float32)
            answerable = data["answerable"].astype(bool)
            sentences = tuple(str(s) for s in data["sentences"])
            answers = np.unpackbits(data["answers"], axis=1, count=len(sentences)).astype(bool)
            model, note = str(data["model"]), str(data["note"])
        if not (len(vectors) == len(answerable) == len(answers)) or vectors.ndim != 2:
            raise ValueError(f"{path.name}: vectors, labels and answers do not line up")
        return cls(vectors, answerable, sentences, answers, model, note)

    @classmethod
    def load_or_none(cls, path: Path | None, model: str) -> QuestionBank | None:
        """The bank for `model`'s vectors, or None when it is missing, unreadable or of another model
        (abstention then treats its features as average, and quotes get no bonus); never raises."""
        if path is None:
            return None
        try:
            bank = cls.load(path)
        except FileNotFoundError:
            log.warning("question bank %s not found: answers are chosen without it", path.name)
            return None
        except Exception as exc:  # a corrupt file must not stop the assistant
            log.error("question bank %s unreadable (%s): answers are chosen without it", path.name, exc)
            return None
        if bank.model != model:
            log.warning("question bank %s holds %s vectors, not %s: not used", path.name, bank.model, model)
            return None
        return bank


def build(
    vectors: Sequence[np.ndarray],
    answerable: Sequence[bool],
    answering: Sequence[Sequence[str]],
    model: str,
    note: str = "",
) -> QuestionBank:
    """A bank from questions' vectors, whether the page answers each, and the sentences that do."""
    sentences = tuple(sorted({text for texts in answering for text in texts}))
    column = {text: i for i, text in enumerate(sentences)}
    answers = np.zeros((len(answering), len(sentences)), dtype=bool)
    for row, texts in enumerate(answering):
        answers[row, [column[t] for t in texts]] = True
    return QuestionBank(
        np.stack([np.asarray(v, dtype=np.float32) for v in vectors]),
        np.asarray(answerable, dtype=bool),
        sentences,
        answers,
        model,
        note,
    )
