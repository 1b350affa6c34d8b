"""The per-sentence check of a generated answer. A sentence is shown only when
- it cites a passage;
- it gives no advice of the kinds in `terms.toml` (amounts, schedules, tapers, getting the drug);
- every number, drug name, absolute word and named term in it is in that passage;
- it negates only where the passage negates;
- and the support model finds the passage supports it: a logistic regression on the packaged MiniLM's
  best cosine to a sentence (or two neighbouring sentences) of the passage and on the share and count of
  its content words the passage lacks, fitted with its threshold on labelled pairs by
  `python -m assistant.generation.calibrate` (`verifier.json`)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.generation.anchors import (
    Terms,
    content_stems,
    contradictions,
    load_terms,
    missing_anchors,
    negated,
    unsafe_advice,
)
from assistant.reply import GeneratedSentence
from index.chunking import split_sentences

VERIFIER_FILE = Path(__file__).with_name("verifier.json")
_CITATION = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
# "... two weeks. [1] Next" -> "... two weeks [1]. Next": a marker after the full stop belongs before it.
_MARKER_AFTER_STOP = re.compile(r"([.!?])[ \t]*((?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\][ \t]*)+)")
_BOUNDARY = re.compile(r"(?<=[.!?])\s+")
LEADING_MARKERS = re.compile(r"^\s*((?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]\s*)+)")
# "Yes: ..." / "No, ..." answers the question: only the passage's own yes or no may be repeated.
_ANSWER_WORD = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:[-*•]|\d+[.)]|answer\s*:|a\s*:)\s*", re.IGNORECASE)


def split_generated(text: str) -> list[str]:
    """The sentences of a model's output, each ending with the citation markers that belong to it
    ("... two weeks [1].").
    A line that starts with markers ("[2] ...", the format the prompt asks for) gives them to each of
    its sentences that cites nothing itself; a marker right after a full stop belongs before it."""
    out = []
    for line in text.splitlines():
        line = _LEAD.sub("", line)
        leading = LEADING_MARKERS.match(line)
        markers = leading.group(1).strip() if leading else ""
        line = _LEAD.sub("", line[leading.end() :]) if leading else line
        line = _MARKER_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)} ", line)
        fragment = ""  # "No." is joined to the sentence after it, as the index joins short fragments
        for piece in _BOUNDARY.split(line):
            piece = f"{fragment} {_LEAD.sub('', piece).strip()}".strip()
            if len(re.findall(r"[A-Za-z]{2,}", piece)) < 2:
                fragment = piece
                continue
            fragment = ""
            if markers and not citations_of(piece):
                stop = piece[-1] if piece[-1] in ".!?" else ""
                piece = f"{piece[: len(piece) - len(stop)]} {markers}{stop}"
            out.append(piece)
    return out


def citations_of(sentence: str) -> tuple[int, ...]:
    return tuple(
        sorted({int(n) for group in _CITATION.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)})
    )


def without_citations(sentence: str) -> str:
    return " ".join(_CITATION.sub(" ", sentence).split())


def support_units(passage: str) -> list[str]:
    """The passage's sentences and each pair of neighbouring sentences (a summary may join two)."""
    sentences = [s for s, _, _ in split_sentences(passage)]
    return sentences + [f"{a} {b}" for a, b in itertools.pairwise(sentences)]


@dataclass(frozen=True)
class SupportModel:
    """P(supported) from (best cosine, share of new content words, count of new content words)."""

    weights: tuple[float, float, float]
    intercept: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return float(1.0 / (1.0 + np.exp(-z)))

    @classmethod
    def load(cls, path: Path = VERIFIER_FILE) -> SupportModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(data["weights"]), float(data["intercept"]), float(data["threshold"]))


@dataclass(frozen=True)
class PreparedPassages:
    """Cited passages split into support units, embedded once for all the sentences of one answer."""

    texts: Mapping[int, str]
    units: tuple[tuple[int, str], ...]  # (passage number, sentence or neighbouring pair)
    vectors: np.ndarray  # normalized, one row per unit


def support_features(sentence: str, passage: str, similarity: float) -> tuple[float, float, float]:
    asked, present = content_stems(sentence), content_stems(passage)
    new = len(asked - present)
    return similarity, new / max(1, len(asked)), float(new)


@dataclass(frozen=True)
class SentenceVerifier:
    embeddings: Embeddings
    model: SupportModel
    terms: Terms

    @classmethod
    def load(cls, embeddings: Embeddings, path: Path = VERIFIER_FILE) -> SentenceVerifier:
        return cls(embeddings, SupportModel.load(path), load_terms())

    def prepare(self, passages: Mapping[int, str]) -> PreparedPassages:
        units = tuple((number, unit) for number, text in passages.items() for unit in support_units(text))
        vectors = _normalized(self.embeddings.embed_documents([u for _, u in units])) if units else None
        return PreparedPassages(dict(passages), units, vectors if vectors is not None else np.zeros((0, 1)))

    def check(self, sentences: Sequence[str], passages: Mapping[int, str]) -> list[GeneratedSentence]:
        """Verdicts in order. `passages` maps citation numbers to passage texts."""
        prepared = self.prepare(passages)
        return [self.check_one(sentence, prepared) for sentence in sentences]

    def check_one(self, sentence: str, prepared: PreparedPassages) -> GeneratedSentence:
        text = without_citations(sentence)
        cited = tuple(n for n in citations_of(sentence) if n in prepared.texts)
        rows = [row for row, (number, _) in enumerate(prepared.units) if number in cited]
        similarity, supporting, probability = 0.0, "", 0.0
        source = " ".join(prepared.texts[n] for n in cited)
        if rows and text:
            vector = _normalized(self.embeddings.embed_documents([text]))[0]
            scores = prepared.vectors[rows] @ vector
            best = int(np.argmax(scores))
            similarity, supporting = float(scores[best]), prepared.units[rows[best]][1]
            probability = self.model.probability(support_features(text, source, similarity))
        why = self._why_dropped(text, cited, source, probability)
        return GeneratedSentence(
            sentence, cited, not why, round(probability, 4), round(similarity, 4), supporting, why
        )

    def _why_dropped(self, text: str, cited: tuple[int, ...], source: str, probability: float) -> str:
        if not cited:
            return "cites no passage"
        rule = unsafe_advice(text, self.terms)
        if rule:
            return f"gives advice ({rule})"
        missing = missing_anchors(text, source, self.terms)
        if missing:
            return "not in its passage: " + ", ".join(missing)
        answer_word = _ANSWER_WORD.match(text)
        if answer_word and answer_word.group(1).lower() not in {
            w.lower() for w in re.findall(r"[A-Za-z]+", source)
        }:
            return f"answers {answer_word.group(1)!r} where its passage does not"
        opposite = contradictions(text, source, self.terms)
        if opposite:
            return "contradicts its passage: " + ", ".join(opposite)
        if negated(text, self.terms) and not negated(source, self.terms):
            return "negates where its passage does not"
        if probability < self.model.threshold:
            return f"weakly supported ({probability:.2f} < {self.model.threshold:.2f})"
        return ""


def _normalized(vectors: Sequence[Sequence[float]]) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
