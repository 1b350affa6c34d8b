"""Fits the verifier's support model on the labelled dev pairs and writes `verifier.json`.

    python -m assistant.generation.calibrate [--pairs FILE ...] [--out FILE]

Each pair is a passage of the page, a candidate answer sentence and whether the passage supports it
(`evals/datasets/support/dev.jsonl`). The rules of `SentenceVerifier` (citations, advice, numbers
and names, negation) are applied as they are; the logistic regression decides what they leave. Its
threshold is the lowest at which, out of fold, at least `--drop-target` of the unsupported pairs are
dropped, so the figure is not read off the pairs the weights were fitted on. Deterministic: the same
pairs give the same file. The held-out pairs are scored by `python -m evals` (verifier section), never
here.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.generation.anchors import load_terms
from assistant.generation.verify import VERIFIER_FILE, SentenceVerifier, SupportModel, support_features

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEV_PAIRS = PROJECT_ROOT / "evals" / "datasets" / "support" / "dev.jsonl"
DROP_TARGET = 0.95
FOLDS = 5
REGULARIZATION = 1.0


@dataclass(frozen=True)
class SupportPair:
    id: str
    passage: str
    sentence: str
    supported: bool
    kind: str


def load_pairs(path: Path) -> list[SupportPair]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [SupportPair(r["id"], r["passage"], r["sentence"], bool(r["supported"]), r["kind"]) for r in rows]


def pair_features(verifier: SentenceVerifier, pairs: Sequence[SupportPair]) -> tuple[np.ndarray, np.ndarray]:
    """(features, dropped by a rule) per pair, the sentence citing its passage as [1]."""
    features, ruled_out = [], []
    for pair in pairs:
        checked = verifier.check_one(f"{pair.sentence} [1]", verifier.prepare({1: pair.passage}))
        features.append(support_features(pair.sentence, pair.passage, checked.similarity))
        ruled_out.append(bool(checked.why_dropped) and not checked.why_dropped.startswith("weakly"))
    return np.asarray(features), np.asarray(ruled_out)


def fit(features: np.ndarray, labels: np.ndarray) -> tuple[tuple[float, ...], float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=REGULARIZATION, max_iter=1000).fit(features, labels)
    return tuple(round(float(w), 6) for w in model.coef_[0]), round(float(model.intercept_[0]), 6)


def out_of_fold(features: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each pair's probability from a model fitted without its fold (folds by position: deterministic)."""
    folds = np.arange(len(labels)) % FOLDS
    probabilities = np.zeros(len(labels))
    for fold in range(FOLDS):
        weights, intercept = fit(features[folds != fold], labels[folds != fold])
        model = SupportModel(weights, intercept, 0.5)  # type: ignore[arg-type]
        probabilities[folds == fold] = [model.probability(row) for row in features[folds == fold]]
    return probabilities


def rates(kept: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(share of supported pairs kept, share of unsupported pairs dropped)."""
    return float(kept[labels].mean()), float((~kept[~labels]).mean())


def choose_threshold(probabilities: np.ndarray, ruled_out: np.ndarray, labels: np.ndarray) -> float:
    for threshold in np.round(np.arange(0.05, 0.96, 0.01), 2):
        _, dropped = rates((probabilities >= threshold) & ~ruled_out, labels)
        if dropped >= DROP_TARGET:
            return float(threshold)
    return 0.95


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, nargs="+", default=[DEV_PAIRS])
    parser.add_argument("--out", type=Path, default=VERIFIER_FILE)
    args = parser.parse_args(argv)

    from index.shared.embeddings import load_embeddings, model_name
    from index.shared.offline import apply_offline_environment

    apply_offline_environment()
    embeddings = load_embeddings()
    # The rules only: the support model is what is being fitted.
    verifier = SentenceVerifier(embeddings, SupportModel((0.0, 0.0, 0.0), 0.0, 0.0), load_terms())
    pairs = [pair for path in args.pairs for pair in load_pairs(path)]
    features, ruled_out = pair_features(verifier, pairs)
    labels = np.asarray([p.supported for p in pairs])
    oof = out_of_fold(features, labels)
    threshold = choose_threshold(oof, ruled_out, labels)
    kept, dropped = rates((oof >= threshold) & ~ruled_out, labels)
    weights, intercept = fit(features, labels)
    report = {
        "model": model_name(embeddings),
        "features": ["best cosine", "share of new content words", "new content words"],
        "weights": list(weights),
        "intercept": intercept,
        "threshold": threshold,
        "fitted_on": [str(p.relative_to(PROJECT_ROOT)) for p in args.pairs],
        "pairs": len(pairs),
        "out_of_fold": {"supported_kept": round(kept, 4), "unsupported_dropped": round(dropped, 4)},
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(pairs)} pairs; threshold {threshold:.2f}; out of fold: supported kept {kept:.3f}, "
        f"unsupported dropped {dropped:.3f} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
