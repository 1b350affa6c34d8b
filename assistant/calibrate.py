"""`python -m assistant.calibrate`: fits the abstention model on the QA dev sets.

For every dev question it records the abstention features (see assistant/abstention.py), fits a
standardised logistic regression (scikit-learn, L2, C=1), and picks the probability threshold on
out-of-fold probabilities grouped by writer (each writer's questions scored by a model fitted without
them, so a writer's wording never helps judge itself): the middle of the longest run of thresholds
that maximise the mean of (answered share of answerable, abstained share of unanswerable). Held-out
files are refused. Writes `assistant/abstention_model.json` (or --out) and prints the out-of-fold
figures, overall and per writer.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from assistant.abstention import DEFAULT_MODEL_PATH, AbstentionModel
from assistant.dev_sets import DEV_SETS, read_cases, writer


def observe(paths: tuple[Path, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, answerable, writer) for the dev questions that reach retrieval.

    Each writer's features are computed with a query adapter and a question bank made without that
    writer's questions: the shipped ones have seen every dev question (the bank holds each question
    itself), and would make them all look easier to answer than a new visitor's, so the threshold would
    be set too high (abstaining on new questions)."""
    from assistant.assistant import Assistant
    from assistant.fit_query_adapter import fit as fit_adapter
    from assistant.fit_query_adapter import pairs
    from assistant.fit_question_bank import bank_from_cases
    from index.shared.embeddings import model_name
    from index.shared.settings import Settings

    # Features do not depend on the model being refitted (which may be stale): a neutral one is given.
    neutral = AbstentionModel.neutral()
    settings = Settings(query_adaptation=False)
    plain = Assistant.load(settings, abstention=neutral)
    if plain.store is None:
        raise SystemExit("the index is unavailable: run python -m index build")
    cases = read_cases(paths)
    training = pairs(plain, cases)
    sentence_vectors = np.asarray(plain.store.sentence_vectors, dtype=np.float32)
    rows, labels, writers = [], [], []
    for group in sorted({writer(c) for c in cases}):
        adapter = fit_adapter(
            [p for p in training if p.group != group], sentence_vectors, model_name(plain.embeddings)
        )
        bank = bank_from_cases(plain, [c for c in cases if writer(c) != group])
        bot = Assistant.load(
            settings, embeddings=plain.embeddings, abstention=neutral, query_adapter=adapter,
            question_bank=bank, build_if_missing=False,
        )  # fmt: skip
        for case in (c for c in cases if writer(c) == group):
            features = bot.abstention_features(case["question"], case.get("history", []))
            if features is not None:  # None: a scope reply (dosing ...), which abstains anyway
                rows.append(features.vector())
                labels.append(bool(case["answerable"]))
                writers.append(group)
    return np.array(rows), np.array(labels), np.array(writers)


def rates(probabilities: np.ndarray, answerable: np.ndarray, threshold: float) -> tuple[float, float]:
    """(answered share of answerable, abstained share of unanswerable)."""
    answered = float((probabilities[answerable] >= threshold).mean())
    abstained = float((probabilities[~answerable] < threshold).mean())
    return answered, abstained


def choose_threshold(probabilities: np.ndarray, answerable: np.ndarray) -> float:
    grid = [round(float(t), 3) for t in np.arange(0.05, 0.951, 0.005)]
    # Balanced accuracy (the mean of the two rates, Youden's J): with the honest out-of-fold figures
    # the worse-of-the-two rule sat at the edge where one more abstention costs little.
    key = [round(sum(rates(probabilities, answerable, t)) / 2, 6) for t in grid]
    best = max(key)
    runs, run = [], []
    for threshold, value in zip(grid, key, strict=True):
        run = [*run, threshold] if value == best else []
        runs.append(run)
    longest = max(runs, key=len)
    return longest[len(longest) // 2]


def fit(
    features: np.ndarray, answerable: np.ndarray, writers: np.ndarray, origin: str
) -> tuple[AbstentionModel, np.ndarray]:
    """The model fitted on all rows, and out-of-fold probabilities (grouped by writer) for its threshold."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def pipeline():
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0))

    oof = cross_val_predict(
        pipeline(), features, answerable, groups=writers, cv=LeaveOneGroupOut(), method="predict_proba"
    )[:, 1]
    threshold = choose_threshold(oof, answerable)
    fitted = pipeline().fit(features, answerable)
    scaler, regression = fitted[0], fitted[1]
    model = AbstentionModel(
        means=tuple(float(x) for x in scaler.mean_),
        scales=tuple(float(x) for x in scaler.scale_),
        weights=tuple(float(x) for x in regression.coef_[0]),
        bias=float(regression.intercept_[0]),
        threshold=threshold,
        note=f"fitted by python -m assistant.calibrate on {len(answerable)} questions of {origin}",
    )
    return model, oof


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.calibrate", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--cases", type=Path, nargs="+", default=list(DEV_SETS), help="QA dev sets (never a held-out file)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    features, answerable, writers = observe(tuple(args.cases))
    model, oof = fit(features, answerable, writers, ", ".join(p.name for p in args.cases))
    model.save(args.out)
    print(f"fitted on {len(answerable)} questions, {int((~answerable).sum())} unanswerable")
    print(f"threshold {model.threshold:.3f}; out of fold, grouped by writer:")
    for group in ["all", *sorted(set(writers.tolist()))]:
        rows = writers == group if group != "all" else np.ones(len(writers), dtype=bool)
        answered, abstained = rates(oof[rows], answerable[rows], model.threshold)
        print(
            f"  {group}: answered {answered:.1%} of answerable, abstained on {abstained:.1%} of unanswerable"
        )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
