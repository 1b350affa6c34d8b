"""`python -m assistant.calibrate`: fits the abstention model on the QA dev set.

For every dev question it records the abstention features (see assistant/abstention.py), fits a
standardised logistic regression (scikit-learn, L2, C=1), and picks the probability threshold on
5-fold cross-validated probabilities: the middle of the longest run of thresholds that maximise the
worse of (answered share of answerable, abstained share of unanswerable). Held-out files are refused.
Writes `assistant/abstention_model.json` (or --out) and prints the cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from assistant.abstention import DEFAULT_MODEL_PATH, AbstentionModel
from index.shared.settings import PROJECT_ROOT

DEV_SET = PROJECT_ROOT / "evals" / "datasets" / "qa.jsonl"
FOLDS = 5
SEED = 0  # fixed: the same data gives the same model


def observe(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(features, answerable) for the dev questions that reach retrieval."""
    from assistant.assistant import Assistant

    if "heldout" in path.name:
        raise SystemExit("refusing to calibrate on a held-out split")
    bot = Assistant.load()
    rows, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        features = bot.abstention_features(case["question"], case.get("history", []))
        if features is not None:  # None: a scope reply (dosing ...), which abstains anyway
            rows.append(features.vector())
            labels.append(bool(case["answerable"]))
    return np.array(rows), np.array(labels)


def rates(probabilities: np.ndarray, answerable: np.ndarray, threshold: float) -> tuple[float, float]:
    """(answered share of answerable, abstained share of unanswerable)."""
    answered = float((probabilities[answerable] >= threshold).mean())
    abstained = float((probabilities[~answerable] < threshold).mean())
    return answered, abstained


def choose_threshold(probabilities: np.ndarray, answerable: np.ndarray) -> float:
    grid = [round(float(t), 3) for t in np.arange(0.05, 0.951, 0.005)]
    key = [round(min(rates(probabilities, answerable, t)), 6) for t in grid]
    best = max(key)
    runs, run = [], []
    for threshold, value in zip(grid, key, strict=True):
        run = [*run, threshold] if value == best else []
        runs.append(run)
    longest = max(runs, key=len)
    return longest[len(longest) // 2]


def fit(features: np.ndarray, answerable: np.ndarray) -> tuple[AbstentionModel, np.ndarray]:
    """The model fitted on all rows, and cross-validated probabilities for choosing its threshold."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def pipeline():
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0))

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    cv_probabilities = cross_val_predict(pipeline(), features, answerable, cv=folds, method="predict_proba")[
        :, 1
    ]
    threshold = choose_threshold(cv_probabilities, answerable)
    fitted = pipeline().fit(features, answerable)
    scaler, regression = fitted[0], fitted[1]
    model = AbstentionModel(
        means=tuple(float(x) for x in scaler.mean_),
        scales=tuple(float(x) for x in scaler.scale_),
        weights=tuple(float(x) for x in regression.coef_[0]),
        bias=float(regression.intercept_[0]),
        threshold=threshold,
        note=f"fitted by python -m assistant.calibrate on {len(answerable)} questions of {DEV_SET.name}",
    )
    return model, cv_probabilities


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.calibrate", description=__doc__)
    parser.add_argument("--cases", type=Path, default=DEV_SET, help="QA dev set (never a held-out file)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    features, answerable = observe(args.cases)
    model, cv_probabilities = fit(features, answerable)
    model.save(args.out)
    cv_answered, cv_abstained = rates(cv_probabilities, answerable, model.threshold)
    print(
        f"fitted on {len(answerable)} questions of {args.cases.name}, {int((~answerable).sum())} unanswerable"
    )
    print(
        f"threshold {model.threshold:.3f}; {FOLDS}-fold cross-validated: answered {cv_answered:.1%} of "
        f"answerable, abstained on {cv_abstained:.1%} of unanswerable"
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
