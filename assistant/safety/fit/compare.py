"""`python -m assistant.safety.fit.compare`: the learned-layer candidates side by side, on the same splits.

For each candidate (fit/candidates.py) the whole router is scored (rules, then the candidate as the
learned layer, then the exemplar backstop with the candidate's veto, exactly as the assistant runs
them):
- dev, out of fold: each safety dev writer's cases routed with a model fitted without that writer
  (fit/oof.py), threshold and veto chosen on the out-of-fold probabilities;
- each held-out file given, routed with the model fitted on all dev rows.
Recall per route counts "expected" and "ok". Prints a markdown table (and writes it with `--out`).
The baselines are the rules alone and the rules with the exemplar backstop.

    python -m assistant.safety.fit.compare --out /tmp/safety_models.md   # the table of docs/SAFETY_MODELS.md
    python -m assistant.safety.fit.compare --candidates ngram minilm \
        --heldout evals/datasets/safety.heldout3.jsonl

`lora` needs `peft` (`pip install -e '.[fit]'`) and about 20 minutes on two cores.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.reply import Route
from assistant.safety.fit import candidates as models
from assistant.safety.fit import oof
from assistant.safety.fit.data import HELD_OUT, Row, collect, held_out_rows
from assistant.safety.learned import LearnedEscalation, VetoedBackstop
from assistant.safety.router import classify

ROUTE_ORDER = ("emergency", "crisis", "medical_supervision", "none")


class CandidateModel:
    """A fitted candidate in the shape `LearnedEscalation` consults (probabilities, threshold, veto)."""

    def __init__(self, fitted: Any, threshold: float, backstop_veto: float) -> None:
        self.fitted, self.threshold, self.backstop_veto = fitted, threshold, backstop_veto
        self._seen: dict[str, dict[Route, float]] = {}

    def probabilities(self, text: str) -> dict[Route, float]:
        if text not in self._seen:
            p = self.fitted.proba([text])[0]
            self._seen[text] = {Route(r): float(p[i]) for i, r in enumerate(models.ROUTES)}
        return self._seen[text]


def route_rows(rows: Sequence[Row], layer: LearnedEscalation | None, backstop: Any | None) -> list[str]:
    escalators = [x for x in (layer, VetoedBackstop(backstop, layer) if backstop else None) if x is not None]
    return [classify(r.text, list(r.history), backstop=escalators).route.value for r in rows]


def recall(rows: Sequence[Row], routes: Sequence[str]) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, route in zip(rows, routes, strict=True):
        counts[row.label][0] += route in row.accepted
        counts[row.label][1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def measure(
    name: str,
    make: Callable[[], Any] | None,
    rows: Sequence[Row],
    held_out: dict[str, list[Row]],
    backstop: Any,
    backstop_route: Callable[[str | None], str],
    *,
    with_backstop: bool = True,
) -> list[tuple[str, str, dict[str, tuple[int, int]], str]]:
    """(candidate, set, recall per route, note) lines for one candidate (make None: no learned layer)."""
    start = time.perf_counter()
    safety = [i for i, r in enumerate(rows) if r.source == "safety" and r.origin < 0]
    bs = backstop if with_backstop else None
    out = []
    if make is None:
        dev_routes = route_rows([rows[i] for i in safety], None, bs)
        out.append((name, "dev (all writers)", recall([rows[i] for i in safety], dev_routes), ""))
        for label, cases in held_out.items():
            out.append((name, label, recall(cases, route_rows(cases, None, bs)), ""))
        return out
    folds = oof.writer_folds(rows)
    predictions, fold_models = oof.out_of_fold(rows, make, folds)
    threshold = oof.choose_threshold(predictions)
    veto = oof.choose_veto(predictions, backstop_route)
    routed: dict[int, str] = {}
    for fold, fitted in zip(folds, fold_models, strict=True):
        layer = LearnedEscalation(None, model=CandidateModel(fitted, threshold, veto))
        members = [i for i in fold if rows[i].source == "safety"]
        routed.update(zip(members, route_rows([rows[i] for i in members], layer, bs), strict=True))
    note = f"threshold {threshold:.2f}, veto {veto:.2f}"
    out.append(
        (
            name,
            "dev, out of fold by writer",
            recall([rows[i] for i in safety], [routed[i] for i in safety]),
            note,
        )
    )
    final = make().fit([r.text for r in rows], [models.ROUTES.index(r.label) for r in rows])
    layer = LearnedEscalation(None, model=CandidateModel(final, threshold, veto))
    for label, cases in held_out.items():
        out.append((name, label, recall(cases, route_rows(cases, layer, bs)), ""))
    seconds = time.perf_counter() - start
    out[0] = (*out[0][:3], f"{note}; {seconds:.0f} s with {len(folds)} folds")
    return out


def table(lines: Sequence[tuple[str, str, dict[str, tuple[int, int]], str]]) -> str:
    head = (
        "| layer | set | emergency | crisis | medical supervision | none | notes |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
    )

    def cell(counts: dict[str, tuple[int, int]], route: str) -> str:
        hit, total = counts.get(route, (0, 0))
        return f"{hit / total:.3f}" if total else "-"

    body = "".join(
        f"| {name} | {label} | " + " | ".join(cell(c, r) for r in ROUTE_ORDER) + f" | {note} |\n"
        for name, label, c, note in lines
    )
    return head + body


CANDIDATES: dict[str, tuple[str, Callable[[Any], Callable[[], Any]]]] = {
    "minilm": (models.MiniLMLogistic.name, lambda emb: lambda: models.MiniLMLogistic(emb)),
    "ngram": (models.NgramLogistic.name, lambda emb: models.NgramLogistic),
    "lora": (models.MiniLMLora.name, lambda emb: models.MiniLMLora),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.safety.fit.compare",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--candidates", nargs="+", default=["minilm", "ngram", "lora"], choices=sorted(CANDIDATES)
    )
    parser.add_argument(
        "--heldout", nargs="*", type=Path, default=list(HELD_OUT), help="held-out files to score"
    )
    parser.add_argument("--no-baselines", action="store_true", help="skip the rules-only rows")
    parser.add_argument(
        "--no-augment", action="store_true", help="train without the perturbed copies (fit/data.augmented)"
    )
    parser.add_argument("--out", type=Path, help="also write the table (markdown) here")
    args = parser.parse_args(argv)
    from assistant.safety.backstop import SemanticBackstop
    from assistant.safety.fit.fitting import backstop_router
    from index.shared.embeddings import QueryEmbeddings, load_embeddings

    embeddings = QueryEmbeddings(load_embeddings(), max_entries=50000)
    backstop = SemanticBackstop(embeddings)
    route_of = backstop_router(backstop)
    rows = collect(augment=not args.no_augment)
    held_out = {path.name: held_out_rows(path) for path in args.heldout}
    lines = []
    if not args.no_baselines:
        lines += measure("rules only", None, rows, held_out, backstop, route_of, with_backstop=False)
        lines += measure("rules + exemplar backstop", None, rows, held_out, backstop, route_of)
    for key in args.candidates:
        name, factory = CANDIDATES[key]
        label = f"{name}, no augmentation" if args.no_augment else name
        lines += measure(label, factory(embeddings), rows, held_out, backstop, route_of)
        print(table(lines), flush=True)
    text = table(lines)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
