"""`SemanticBackstop`: escalate phrasings the rules missed, by similarity to hard-coded exemplars.

It is consulted only when the rules found no active signal, it only sees the clauses the rules
did not already judge, and it may only escalate. It is off (never raises, returns None) when the
embedding model is missing or fails.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any, Protocol

from assistant.reply import Route
from assistant.safety.decision import SafetyDecision
from assistant.safety.exemplars import EXEMPLARS

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

# Calibrated on the dev split only (evals/datasets/safety.jsonl, 534 cases: 153 emergency, 114
# medical supervision, 123 crisis, 144 none) with all-MiniLM-L6-v2, 159 exemplars, the 0.05 margin
# and the router's rule that general questions are not escalated to emergency or supervision:
# `python -m assistant.safety.score evals/datasets/safety.jsonl --calibrate`.
# False escalations of the 154 "none" cases (after the bystander "none" exemplars were added):
# 0.44: 7 (95.5%), 0.46: 4 (97.4%), 0.50: 3 (98.1%), 0.54: 1 (99.4%), 0.56: 0. Stand-alone recall
# on the 480 routed cases (rules ignored): 182/480 at 0.46, 166 at 0.50, 138 at 0.54, 55 at 0.68.
# Set at 0.50: the lowest threshold that keeps dev "none" >= 97% AND escalates at most 1% of the QA
# dev questions (evals/datasets/qa.jsonl, 127 informational questions that must never be routed: they
# are the everyday traffic). At 0.46, 2/127 were escalated (one borderline at 0.460 to crisis also
# caught "What's the weather tomorrow?" on some runs); at 0.50, 1/127 and dev "none" 151/154, with the
# rules plus backstop still routing 480/480 dev cases. The backstop's job is recall on unseen
# phrasings; it only escalates what the rules left unrouted, so rule recall and the rules'
# negation/past/idiom verdicts are unchanged.
# Re-calibrated by the same rule on the grown dev split (1,058 cases, 2026-11-26: 280 "none"): at
# 0.50 the backstop escalated 7/280 dev "none" (with the rules' own misses, 96.8% correct "none");
# 0.54 is the lowest threshold back at >= 97% (4/280). In the assistant its escalations are also
# subject to the learned layer's veto (learned.VetoedBackstop).
DEFAULT_THRESHOLD = 0.54
DEFAULT_MARGIN = 0.05  # the best route exemplar must beat the best "none" exemplar by this much
MIN_WORDS = 3


class Embeddings(Protocol):
    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...
    def embed_query(self, text: str) -> list[float]: ...


def _unit_rows(vectors: Any) -> np.ndarray:
    """Rows scaled to unit length (numpy is imported here, on first use, not with the router)."""
    import numpy as np

    matrix = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


class _Exemplars:
    """Unit exemplar vectors as one matrix, rows grouped by route, so a query is one mat-vec."""

    def __init__(self, labelled: list[tuple[Route, str]], vectors: Any) -> None:
        self.matrix = _unit_rows(vectors)
        self.texts = [text for _, text in labelled]
        self.groups: dict[Route, list[int]] = {}
        for row, (route, _) in enumerate(labelled):
            self.groups.setdefault(route, []).append(row)

    def best(self, query: Any) -> dict[Route, tuple[float, str]]:
        similarities = self.matrix @ _unit_rows(query)[0]
        best: dict[Route, tuple[float, str]] = {}
        for route, rows in self.groups.items():
            row = rows[int(similarities[rows].argmax())]
            best[route] = (float(similarities[row]), self.texts[row])
        return best


class SemanticBackstop:
    """Cosine similarity between a message and per-route exemplars; escalates above `threshold`."""

    def __init__(
        self,
        embeddings: Embeddings | Any | None,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        margin: float = DEFAULT_MARGIN,
        exemplars: dict[Route, tuple[str, ...]] = EXEMPLARS,
    ) -> None:
        self.embeddings = embeddings
        self.threshold = threshold
        self.margin = margin
        self.exemplars = exemplars
        self._vectors: _Exemplars | None = None
        self._failed = embeddings is None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return not self._failed

    def _exemplar_vectors(self) -> _Exemplars | None:
        if self._failed:
            return None
        with self._lock:
            if self._vectors is None:
                labelled = [(route, text) for route, texts in self.exemplars.items() for text in texts]
                try:
                    vectors = self.embeddings.embed_documents([text for _, text in labelled])
                    if len(vectors) != len(labelled):
                        raise ValueError(f"{len(vectors)} vectors for {len(labelled)} exemplars")
                    self._vectors = _Exemplars(labelled, vectors)
                except Exception:
                    log.warning("semantic backstop disabled: embedding the exemplars failed", exc_info=True)
                    self._failed = True
                    return None
        return self._vectors

    def scores(self, message: str) -> dict[Route, tuple[float, str]] | None:
        """Best similarity and nearest exemplar per route (None when disabled)."""
        vectors = self._exemplar_vectors()
        if vectors is None:
            return None
        try:
            return vectors.best(self.embeddings.embed_query(message))
        except Exception:
            log.warning("semantic backstop: embedding the message failed", exc_info=True)
            return None

    def check(self, message: str, *, lang: str = "en") -> SafetyDecision | None:
        """A routed decision when the message is close enough to a route's exemplars, else None."""
        if not isinstance(message, str) or len(message.split()) < MIN_WORDS:
            return None
        best = self.scores(message[:2000])
        if not best:
            return None
        none_score = best.get(Route.NONE, (-1.0, ""))[0]
        candidates = [
            (score, route, text) for route, (score, text) in best.items() if route is not Route.NONE
        ]
        if not candidates:
            return None
        score, route, text = max(candidates, key=lambda c: c[0])
        if score < self.threshold or score < none_score + self.margin:
            return None
        return SafetyDecision(
            route=route,
            reason=f'rule backstop.{route.value}: similarity {score:.2f} to exemplar "{text}" '
            f"(threshold {self.threshold:.2f}, best none exemplar {none_score:.2f})",
            rule=f"backstop.{route.value}",
            matched=(text,),
            lang=lang,
            layer="backstop",
        )
