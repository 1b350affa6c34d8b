"""`LearnedEscalation`: a multinomial logistic regression on the message's sentence embedding.

Fitted by `python -m assistant.safety.fit` (coefficients and threshold in `learned_model.json`);
here the prediction is plain numpy. Like the exemplar backstop it is consulted only where the
rules found no active signal, on the text the router shows it, and it may only escalate. It is
off (returns None, never raises) when the embeddings or the coefficients file are missing, broken
or of another dimension.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.reply import Route
from assistant.safety.decision import SafetyDecision

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path(__file__).with_name("learned_model.json")
MIN_WORDS = 3  # as the backstop: two words carry too little to escalate on
MAX_CHARS = 2000


@dataclass(frozen=True)
class LearnedModel:
    """Softmax over `routes`: probabilities = softmax(weights @ embedding + bias).

    The standardisation of the fit is folded into `weights` and `bias`, so the raw (unit-length)
    embedding goes in. `threshold` applies to the probability of the most likely route other than
    "none".
    """

    routes: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per route, `dimension` columns
    bias: tuple[float, ...]
    threshold: float
    dimension: int
    embedding_model: str = ""
    note: str = ""
    # The exemplar backstop's escalation is vetoed when this model gives "none" at least this
    # probability (1.0: never); fitted with the threshold, see fit.choose_veto.
    backstop_veto: float = 1.0

    def __post_init__(self) -> None:
        if set(self.routes) != {r.value for r in Route} or len(self.routes) != len(Route):
            raise ValueError(f"routes must be each of {[r.value for r in Route]} once, got {self.routes}")
        if len(self.weights) != len(self.routes) or len(self.bias) != len(self.routes):
            raise ValueError("one weight row and one bias per route")
        if any(len(row) != self.dimension for row in self.weights):
            raise ValueError(f"every weight row needs {self.dimension} values")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold {self.threshold} is not a probability")
        if not 0.0 < self.backstop_veto <= 1.0:
            raise ValueError(f"backstop_veto {self.backstop_veto} is not in (0, 1]")

    def probabilities(self, vector: Any) -> dict[Route, float]:
        import numpy as np

        x = np.asarray(vector, dtype=np.float64).reshape(-1)
        if x.shape != (self.dimension,) or not np.all(np.isfinite(x)):
            raise ValueError(f"expected a finite vector of {self.dimension} values, got shape {x.shape}")
        logits = np.asarray(self.weights) @ x + np.asarray(self.bias)
        exp = np.exp(logits - logits.max())  # shifted: no overflow
        p = exp / exp.sum()
        return {Route(route): float(p[i]) for i, route in enumerate(self.routes)}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> LearnedModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            routes=tuple(data["routes"]),
            weights=tuple(tuple(float(v) for v in row) for row in data["weights"]),
            bias=tuple(float(v) for v in data["bias"]),
            threshold=float(data["threshold"]),
            dimension=int(data["dimension"]),
            embedding_model=str(data.get("embedding_model", "")),
            note=str(data.get("note", "")),
            backstop_veto=float(data.get("backstop_veto", 1.0)),
        )


def best_route(probabilities: dict[Route, float]) -> tuple[Route, float]:
    """The most likely route other than "none", and its probability."""
    return max(((r, p) for r, p in probabilities.items() if r is not Route.NONE), key=lambda rp: rp[1])


class LearnedEscalation:
    """Escalates a message whose most likely non-"none" route reaches the fitted threshold."""

    def __init__(
        self,
        embeddings: Any | None,
        model_path: Path = DEFAULT_MODEL_PATH,
        *,
        model: LearnedModel | None = None,
        threshold: float | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.model = model
        if self.model is None and embeddings is not None:
            try:
                self.model = LearnedModel.load(model_path)
            except Exception:
                log.warning("learned escalation disabled: cannot load %s", model_path, exc_info=True)
        self.threshold = threshold if threshold is not None else (self.model.threshold if self.model else 1.0)
        self._failed = embeddings is None or self.model is None

    @property
    def enabled(self) -> bool:
        return not self._failed

    def probabilities(self, message: str) -> dict[Route, float] | None:
        """Probability per route (None when disabled or the embedding failed)."""
        if self._failed:
            return None
        try:
            vector = self.embeddings.embed_query(message[:MAX_CHARS])
        except Exception:
            log.warning("learned escalation: embedding the message failed", exc_info=True)
            return None
        try:
            return self.model.probabilities(vector)
        except Exception:  # another model's vectors: switch off rather than guess
            log.warning("learned escalation disabled: the embeddings do not fit the model", exc_info=True)
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
            reason=f"rule learned.{route.value}: learned layer gives {route.value} probability "
            f"{probability:.2f} (threshold {self.threshold:.2f}, none {probabilities[Route.NONE]:.2f})",
            rule=f"learned.{route.value}",
            lang=lang,
            layer="learned",
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
