"""`LearnedEscalation`: a character and word n-gram logistic regression on the normalised message.

Fitted by `python -m assistant.safety.fit` (n-grams, their weights and the threshold in
`learned_model.npz`), chosen over a frozen-MiniLM regression and a LoRA-tuned MiniLM by the
comparison in docs/SAFETY_MODELS.md. It needs no embedding model, so it keeps working when the
embeddings are down. Like the exemplar backstop it is consulted only where the rules found no
active signal, on the text the router shows it, and it may only escalate. It is off (returns
None, never raises) when the file is missing or broken.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.reply import Route
from assistant.safety.decision import SafetyDecision
from assistant.safety.normalize import normalize

if TYPE_CHECKING:  # numpy is imported where the model is used: importing the router stays light
    import numpy as np

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path(__file__).with_name("learned_model.npz")
MIN_WORDS = 3  # as the backstop: two words carry too little to escalate on
MAX_CHARS = 2000
# The vectorizers' settings; fit/candidates.py fits with the same ones.
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)


def prepare(text: str) -> str:
    """The router's normalised text: case, accents, zero-width characters, homoglyphs, stretched
    letters and text-speak folded as the rules see them."""
    return normalize(text[:MAX_CHARS]).text


@dataclass(frozen=True, eq=False)
class LearnedModel:
    """Softmax over `routes` of weights @ [char tf-idf, word tf-idf] + bias.

    `threshold` applies to the probability of the most likely route other than "none"; the exemplar
    backstop's escalation is vetoed when this model gives "none" at least `backstop_veto`
    (1.0: never).
    """

    routes: tuple[str, ...]
    char_ngrams: tuple[str, ...]
    char_idf: np.ndarray
    word_ngrams: tuple[str, ...]
    word_idf: np.ndarray
    weights: np.ndarray  # (routes, char features + word features)
    bias: np.ndarray  # (routes,)
    threshold: float
    backstop_veto: float = 1.0
    note: str = ""

    def __post_init__(self) -> None:
        import numpy as np

        if set(self.routes) != {r.value for r in Route} or len(self.routes) != len(Route):
            raise ValueError(f"routes must be each of {[r.value for r in Route]} once, got {self.routes}")
        features = len(self.char_ngrams) + len(self.word_ngrams)
        if self.weights.shape != (len(self.routes), features) or self.bias.shape != (len(self.routes),):
            raise ValueError(f"one weight row of {features} values and one bias per route")
        if self.char_idf.shape != (len(self.char_ngrams),) or self.word_idf.shape != (len(self.word_ngrams),):
            raise ValueError("one idf per n-gram")
        if not (np.all(np.isfinite(self.weights)) and np.all(np.isfinite(self.bias))):
            raise ValueError("weights and bias must be finite")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold {self.threshold} is not a probability")
        if not 0.0 < self.backstop_veto <= 1.0:
            raise ValueError(f"backstop_veto {self.backstop_veto} is not in (0, 1]")

    @cached_property
    def _vectorizers(self) -> tuple[Any, Any]:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer

        def vectorizer(analyzer: str, ngrams: tuple[int, int], vocabulary: tuple[str, ...], idf: np.ndarray):
            v = TfidfVectorizer(
                analyzer=analyzer,
                ngram_range=ngrams,
                sublinear_tf=True,
                lowercase=False,
                vocabulary={g: i for i, g in enumerate(vocabulary)},
                dtype=np.float64,
            )
            v.idf_ = idf
            return v

        return (
            vectorizer("char_wb", CHAR_NGRAMS, self.char_ngrams, self.char_idf),
            vectorizer("word", WORD_NGRAMS, self.word_ngrams, self.word_idf),
        )

    def logits(self, text: str) -> np.ndarray:
        import numpy as np
        from scipy.sparse import hstack

        prepared = [prepare(text)]
        x = hstack([v.transform(prepared) for v in self._vectorizers]).tocsr()
        return np.asarray(x @ self.weights.T).reshape(-1) + self.bias

    def probabilities(self, text: str) -> dict[Route, float]:
        import numpy as np

        logits = self.logits(text)
        exp = np.exp(logits - logits.max())  # shifted: no overflow
        p = exp / exp.sum()
        return {Route(route): float(p[i]) for i, route in enumerate(self.routes)}

    def save(self, path: Path) -> None:
        import numpy as np

        meta = {"threshold": self.threshold, "backstop_veto": self.backstop_veto, "note": self.note}
        np.savez_compressed(
            path,
            routes=np.array(self.routes),
            char_ngrams=np.array(self.char_ngrams),
            char_idf=self.char_idf.astype(np.float32),
            word_ngrams=np.array(self.word_ngrams),
            word_idf=self.word_idf.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            meta=np.array(json.dumps(meta, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> LearnedModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            return cls(
                routes=tuple(str(r) for r in data["routes"]),
                char_ngrams=tuple(str(g) for g in data["char_ngrams"]),
                char_idf=data["char_idf"].astype(np.float64),
                word_ngrams=tuple(str(g) for g in data["word_ngrams"]),
                word_idf=data["word_idf"].astype(np.float64),
                weights=data["weights"].astype(np.float64),
                bias=data["bias"].astype(np.float64),
                threshold=float(meta["threshold"]),
                backstop_veto=float(meta.get("backstop_veto", 1.0)),
                note=str(meta.get("note", "")),
            )


def best_route(probabilities: dict[Route, float]) -> tuple[Route, float]:
    """The most likely route other than "none", and its probability."""
    return max(((r, p) for r, p in probabilities.items() if r is not Route.NONE), key=lambda rp: rp[1])


class LearnedEscalation:
    """Escalates a message whose most likely non-"none" route reaches the fitted threshold."""

    def __init__(
        self,
        model_path: Path | None = DEFAULT_MODEL_PATH,
        *,
        model: LearnedModel | None = None,
        threshold: float | None = None,
    ) -> None:
        self.model = model
        if self.model is None and model_path is not None:
            try:
                self.model = LearnedModel.load(model_path)
            except Exception:
                log.warning(
                    "learned escalation disabled: cannot load %s", Path(model_path).name, exc_info=True
                )
        self.threshold = threshold if threshold is not None else (self.model.threshold if self.model else 1.0)
        self._failed = self.model is None

    @property
    def enabled(self) -> bool:
        return not self._failed

    def probabilities(self, message: str) -> dict[Route, float] | None:
        """Probability per route (None when disabled or the prediction failed)."""
        if self._failed or not isinstance(message, str):
            return None
        try:
            return self.model.probabilities(message)
        except Exception:  # a broken model must not take routing down: switch off and say so
            log.warning("learned escalation disabled: prediction failed", exc_info=True)
            self._failed = True
            return None

    def check(self, message: str, *, lang: str = "en") -> SafetyDecision | None:
        """A routed decision when a route's probability reaches the threshold, else None."""
        if not isinstance(message, str) or len(message.split()) < MIN_WORDS:
            return None
        probabilities = self.probabilities(message)
        if not probabilities:
            return None
        route, probability = best_route(probabilities)
        if probability < self.threshold:
            return None
        return SafetyDecision(
            route=route,
            reason=f"rule learned.{route.value}: learned model (not a rule) gives {route.value} probability "
            f"{probability:.2f} (threshold {self.threshold:.2f}, none {probabilities[Route.NONE]:.2f})",
            rule=f"learned.{route.value}",
            lang=lang,
            layer="learned",
            probability=round(probability, 3),
        )


class VetoedBackstop:
    """The exemplar backstop, whose escalation stands only if the learned model does not judge the
    same text clearly "none" (probability >= `LearnedModel.backstop_veto`).

    The two layers err differently: nearest exemplars fire on topic words ("a documentary about
    benzo withdrawal" is close to "I'll quit my benzos at once"), which the classifier, trained on
    hard negatives, tells apart. The veto only removes the backstop's escalations; the rules and the
    learned layer's own escalations are untouched, and with the learned layer off it changes nothing.
    """

    def __init__(self, backstop: Any, learned: LearnedEscalation | None) -> None:
        self.backstop = backstop
        self.learned = learned

    @property
    def enabled(self) -> bool:
        return bool(getattr(self.backstop, "enabled", True))

    def check(self, message: str, *, lang: str = "en") -> SafetyDecision | None:
        decision = self.backstop.check(message, lang=lang)
        if decision is None or self.learned is None or not self.learned.enabled:
            return decision
        veto = self.learned.model.backstop_veto if self.learned.model else 1.0
        probabilities = self.learned.probabilities(message)
        if probabilities and probabilities[Route.NONE] >= veto:
            log.info("backstop escalation vetoed: learned none %.2f >= %.2f", probabilities[Route.NONE], veto)
            return None
        return decision
