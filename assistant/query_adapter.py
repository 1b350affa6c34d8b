"""Query adaptation: a small learned map from a visitor's wording towards the page's.

The question's vectors (plain and drug-names-masked) are moved by a low-rank residual map,
``v + U (Vᵀ v)``, then normalised again; passages and sentences keep the vectors the index was built
with. The moved plain vector is a second dense ranking beside the model's own (fused with it, BM25
and the sentence ranking), so what the plain model found is never lost: replacing it outright lost
passages such as the pregnancy answer to "could a mom-to-be use klonopin without harming her baby?".
It is fitted by `python -m assistant.fit_query_adapter` on (dev question, evidence sentence) pairs
with an in-batch-softmax ranking loss over every sentence of the page (the loss of
MultipleNegativesRankingLoss), and only the two factor matrices are committed (`query_adapter.npz`).
It costs two small matrix products per question, no second model pass; the safety router never sees
it (it reads the plain model's vectors).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.shared.embeddings import EncodedQuery

DEFAULT_ADAPTER_PATH = Path(__file__).with_name("query_adapter.npz")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryAdapter:
    up: np.ndarray  # (dim, rank): U
    down: np.ndarray  # (dim, rank): V
    model: str  # the embedding model whose vectors it was fitted on; another model's are left alone
    note: str = ""

    def vector(self, v: np.ndarray) -> np.ndarray:
        moved = v + (v @ self.down) @ self.up.T
        return (moved / np.linalg.norm(moved)).astype(np.float32)

    def apply(self, encoded: EncodedQuery) -> EncodedQuery:
        """The masked vector moved; the plain one kept and its moved copy added beside it, so a passage
        that the model's own vector finds keeps its dense rank (the adapter adds a ranking, not replaces)."""
        return EncodedQuery(encoded.plain, self.vector(encoded.masked), self.vector(encoded.plain))

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            up=self.up.astype(np.float32),
            down=self.down.astype(np.float32),
            model=self.model,
            note=self.note,
        )

    @classmethod
    def load(cls, path: Path) -> QueryAdapter:
        with np.load(path, allow_pickle=False) as data:
            up, down, model, note = data["up"], data["down"], str(data["model"]), str(data["note"])
        if up.ndim != 2 or up.shape != down.shape:
            raise ValueError(
                f"{path.name}: the factors must be two matrices of one shape, got {up.shape}, {down.shape}"
            )
        return cls(up.astype(np.float32), down.astype(np.float32), model, note)

    @classmethod
    def load_or_none(cls, path: Path | None, model: str) -> QueryAdapter | None:
        """The adapter for `model`'s vectors, or None (questions then use the model's vectors as they
        are) when it is missing, unreadable or fitted on another model; never raises, says why in the log."""
        if path is None:
            return None
        try:
            adapter = cls.load(path)
        except FileNotFoundError:
            log.warning("query adapter %s not found: retrieval uses the plain model vectors", path.name)
            return None
        except Exception as exc:  # a corrupt file must not stop the assistant
            log.error(
                "query adapter %s unreadable (%s): retrieval uses the plain model vectors", path.name, exc
            )
            return None
        if adapter.model != model:
            log.warning(
                "query adapter %s was fitted on %s, not %s: not used", path.name, adapter.model, model
            )
            return None
        return adapter
