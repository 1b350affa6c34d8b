"""`python -m assistant.safety.fit`: fits the learned escalation layer (see learned.py) on dev data.

Training rows (held-out files are refused):
- every dev safety case (evals/datasets/safety.jsonl), labelled with its expected route; the
  message alone, since the router shows the layer the message alone (context rules handle history);
- the hard-coded backstop exemplars (assistant/safety/exemplars.py), with their routes;
- every QA dev question (evals/datasets/qa.jsonl) as "none": everyday traffic that must never route.

Model: MiniLM embedding (the embeddings object the assistant gives the router) -> standardised ->
multinomial logistic regression (scikit-learn, L2, C below, lbfgs). The standardisation is folded
into the stored weights.

Threshold rule, on out-of-fold probabilities (stratified 5-fold, seed 0; the exemplars are in every
training fold): the lowest threshold on a 0.01 grid from 0.30 at which the layer, consulted exactly
as the router consults it (only on messages the rules leave unrouted, on the text the router shows
it, with the router's guard on general questions), escalates at most 3% of the dev "none" cases
and at most 1% of the QA dev questions. Veto rule (`choose_veto`): the lowest "none" probability at
which vetoing the exemplar backstop loses at most 2% of its correct dev escalations. Deterministic:
the same data and model give the same file.

`--report` also prints the measurements of the layer against the exemplar backstop (fit/report.py).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.reply import Route
from assistant.safety import context
from assistant.safety.exemplars import EXEMPLARS
from assistant.safety.learned import MAX_CHARS, MIN_WORDS, LearnedModel
from assistant.safety.normalize import normalize
from assistant.safety.router import backstop_may_escalate, classify
from index.shared.settings import PROJECT_ROOT

SAFETY_DEV = PROJECT_ROOT / "evals" / "datasets" / "safety.jsonl"
QA_DEV = PROJECT_ROOT / "evals" / "datasets" / "qa.jsonl"
ROUTES = tuple(r.value for r in Route)  # column order of the stored model
FOLDS = 5
SEED = 0
C = 0.01  # L2 strength on standardised embeddings (of 0.003, 0.01, 0.1, 1: best out-of-fold recall)
GRID = tuple(round(t / 100, 2) for t in range(30, 100))
MAX_NONE_SHARE = 0.03  # out-of-fold false escalations of dev "none" cases
MAX_QA_SHARE = 0.01  # ... and of QA dev questions
VETO_GRID = tuple(round(t / 100, 2) for t in range(50, 100))
MAX_VETO_LOSS = 0.02  # share of the backstop's correct stand-alone escalations the veto may remove


@dataclass(frozen=True)
class Row:
    text: str  # what the layer is trained on (and sees, stand-alone)
    label: str  # expected route
    source: str  # "safety", "exemplar" or "qa"
    category: str = ""
    accepted: frozenset[str] = frozenset()  # routes counted as correct ("expected" and "ok")
    shown: str | None = None  # what the router would show the layer (None: the rules decide alone)
    allowed: frozenset[str] = frozenset()  # routes the router's guard lets the layer escalate to


class _Recorder:
    """Stands in for the layer inside `classify` and records the text the router would show it."""

    def __init__(self) -> None:
        self.text: str | None = None

    def check(self, message: str, *, lang: str = "en") -> None:
        self.text = message


def _read(path: Path) -> list[dict[str, Any]]:
    if "heldout" in path.name:
        raise SystemExit(f"refusing to fit on a held-out split: {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _as_routed(text: str, history: Sequence[Any], label: str, source: str, **fields: Any) -> Row:
    """A row with what the router would show the layer, if the rules leave the message unrouted."""
    recorder = _Recorder()
    decision = classify(text, history, backstop=recorder)
    shown = recorder.text if not decision.routed and recorder.text is not None else None
    if shown is not None and len(shown.split()) < MIN_WORDS:
        shown = None
    norm = normalize(text)
    earlier = context.turn_signals(context.recent_turns(history))
    allowed = frozenset(
        r.value for r in Route if r is not Route.NONE and backstop_may_escalate(norm, r, earlier)
    )
    return Row(text, label, source, shown=shown, allowed=allowed, **fields)


def collect(safety_path: Path = SAFETY_DEV, qa_path: Path = QA_DEV) -> list[Row]:
    rows = [
        _as_routed(
            case["message"],
            case.get("history") or [],
            case["expected"],
            "safety",
            category=case.get("category", ""),
            accepted=frozenset({case["expected"], *case.get("ok", [])}),
        )
        for case in _read(safety_path)
    ]
    rows += [
        Row(text, route.value, "exemplar", accepted=frozenset({route.value}))
        for route, texts in EXEMPLARS.items()
        for text in texts
    ]
    rows += [
        _as_routed(case["question"], case.get("history") or [], "none", "qa", accepted=frozenset({"none"}))
        for case in _read(qa_path)
    ]
    return rows


def embed(texts: Sequence[str], embeddings: Any) -> dict[str, np.ndarray]:
    """One vector per distinct text. Batched through `embed_documents`: the same mean-pooled,
    normalised MiniLM vector the layer gets from `embed_query` at run time (equal to ~1e-6), in a
    fraction of the time."""
    distinct = list(dict.fromkeys(texts))
    vectors = np.asarray(embeddings.embed_documents([t[:MAX_CHARS] for t in distinct]), dtype=np.float64)
    return dict(zip(distinct, vectors, strict=True))


def _pipeline(c: float = C):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))


def _fit(rows: Sequence[Row], vectors: dict[str, np.ndarray], c: float = C):
    x = np.stack([vectors[r.text] for r in rows])
    y = np.array([ROUTES.index(r.label) for r in rows])
    return _pipeline(c).fit(x, y)


def _predict(fitted, texts: Sequence[str], vectors: dict[str, np.ndarray]) -> np.ndarray:
    """Probabilities in ROUTES order (every route is in every training fold, so no column is missing)."""
    if not texts:
        return np.zeros((0, len(ROUTES)))
    out = np.zeros((len(texts), len(ROUTES)))
    out[:, fitted.classes_] = fitted.predict_proba(np.stack([vectors[t] for t in texts]))
    return out


@dataclass(frozen=True)
class Prediction:
    """Held-out probabilities for one row: of its own text, and of the text the router shows."""

    row: Row
    own: np.ndarray
    shown: np.ndarray | None

    def escalation(self, threshold: float, *, routed: bool = False) -> str:
        """The route the layer escalates to ("" for none). `routed`: as the router consults it."""
        if routed and (self.row.shown is None or self.shown is None):
            return ""
        p = self.shown if routed else self.own
        best = max((i for i, r in enumerate(ROUTES) if r != "none"), key=lambda i: p[i])
        route = ROUTES[best]
        if p[best] < threshold or (routed and route not in self.row.allowed):
            return ""
        return route


def held_out_predictions(
    rows: Sequence[Row], vectors: dict[str, np.ndarray], split: Callable[[list[Row]], list[list[int]]]
) -> list[Prediction]:
    """Predictions for every non-exemplar row from a model fitted without its group (exemplars always in)."""
    fixed = [r for r in rows if r.source == "exemplar"]
    pool = [r for r in rows if r.source != "exemplar"]
    predictions: dict[int, Prediction] = {}
    for group in split(pool):
        held = set(group)
        fitted = _fit(fixed + [r for i, r in enumerate(pool) if i not in held], vectors)
        own = _predict(fitted, [pool[i].text for i in group], vectors)
        shown_idx = [i for i in group if pool[i].shown is not None]
        shown = dict(
            zip(shown_idx, _predict(fitted, [pool[i].shown for i in shown_idx], vectors), strict=True)
        )
        for k, i in enumerate(group):
            predictions[i] = Prediction(pool[i], own[k], shown.get(i))
    return [predictions[i] for i in sorted(predictions)]


def stratified_folds(pool: list[Row]) -> list[list[int]]:
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{r.source}:{r.label}" for r in pool]
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    return [list(test) for _, test in folds.split(np.zeros(len(pool)), strata)]


def category_groups(pool: list[Row]) -> list[list[int]]:
    """Leave one dev category out at a time; the QA questions stay in training (one group of their own
    would leave no everyday questions to learn from, and they are not what generalisation is about)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(pool):
        if r.source == "safety":
            groups[r.category].append(i)
    return [groups[c] for c in sorted(groups)]


def false_escalations(predictions: Sequence[Prediction], threshold: float, source: str) -> tuple[int, int]:
    """(escalated, total) among the "none" rows of `source`, as the router would consult the layer."""
    negatives = [p for p in predictions if p.row.source == source and p.row.label == "none"]
    return sum(bool(p.escalation(threshold, routed=True)) for p in negatives), len(negatives)


def choose_threshold(predictions: Sequence[Prediction]) -> float:
    for threshold in GRID:
        none_fp, none_total = false_escalations(predictions, threshold, "safety")
        qa_fp, qa_total = false_escalations(predictions, threshold, "qa")
        if none_fp <= MAX_NONE_SHARE * none_total and qa_fp <= MAX_QA_SHARE * qa_total:
            return threshold
    return GRID[-1]


def choose_veto(predictions: Sequence[Prediction], backstop_route: Callable[[str | None], str]) -> float:
    """The lowest P(none) on VETO_GRID at which vetoing the exemplar backstop removes at most
    MAX_VETO_LOSS of its correct stand-alone escalations of routed dev cases (out-of-fold
    probabilities of the same text); 1.0 (no veto) if none qualifies. The false escalations the veto
    removes are reported by `--report`, not used to choose."""
    none_column = ROUTES.index("none")
    correct = [
        p.own[none_column]
        for p in predictions
        if p.row.source == "safety" and p.row.label != "none" and backstop_route(p.row.text) in p.row.accepted
    ]
    for cap in VETO_GRID:
        if sum(none >= cap for none in correct) <= MAX_VETO_LOSS * len(correct):
            return cap
    return 1.0


def to_model(fitted, threshold: float, note: str, backstop_veto: float = 1.0) -> LearnedModel:
    """Folds the scaler into the weights; rounded so that the file is stable and small."""
    scaler, regression = fitted[0], fitted[1]
    if list(regression.classes_) != list(range(len(ROUTES))):
        raise ValueError("every route needs training rows")
    weights = regression.coef_ / scaler.scale_
    bias = regression.intercept_ - weights @ scaler.mean_
    return LearnedModel(
        routes=ROUTES,
        weights=tuple(tuple(float(f"{w:.6g}") for w in row) for row in weights),
        bias=tuple(float(f"{b:.6g}") for b in bias),
        threshold=threshold,
        dimension=int(weights.shape[1]),
        embedding_model="sentence-transformers/all-MiniLM-L6-v2",
        note=note,
        backstop_veto=backstop_veto,
    )


@dataclass(frozen=True)
class Fitted:
    model: LearnedModel
    rows: list[Row]
    vectors: dict[str, np.ndarray]
    out_of_fold: list[Prediction]


def fit(embeddings: Any, safety_path: Path = SAFETY_DEV, qa_path: Path = QA_DEV) -> Fitted:
    rows = collect(safety_path, qa_path)
    vectors = embed([r.text for r in rows] + [r.shown for r in rows if r.shown is not None], embeddings)
    out_of_fold = held_out_predictions(rows, vectors, stratified_folds)
    threshold = choose_threshold(out_of_fold)
    veto = choose_veto(out_of_fold, backstop_router(embeddings))
    count = Counter(r.source for r in rows)
    note = (
        f"fitted by python -m assistant.safety.fit on {count['safety']} cases of {safety_path.name}, "
        f"{count['exemplar']} exemplars and {count['qa']} questions of {qa_path.name} (as none); C={C}; "
        f"threshold: lowest on the grid with {FOLDS}-fold out-of-fold false escalations <= "
        f"{MAX_NONE_SHARE:.0%} of dev none and <= {MAX_QA_SHARE:.0%} of QA dev questions; backstop veto: "
        f"lowest none probability vetoing <= {MAX_VETO_LOSS:.0%} of the backstop's correct dev escalations"
    )
    model = to_model(_fit(rows, vectors), threshold, note, veto)
    return Fitted(model, rows, vectors, out_of_fold)


def backstop_router(embeddings: Any) -> Callable[[str | None], str]:
    """The exemplar backstop's route for a text ("" when it does not escalate), memoised."""
    from assistant.safety.backstop import SemanticBackstop

    backstop = SemanticBackstop(embeddings)
    cache: dict[str, str] = {}

    def route(text: str | None) -> str:
        if not text:
            return ""
        if text not in cache:
            decision = backstop.check(text)
            cache[text] = decision.route.value if decision else ""
        return cache[text]

    return route
