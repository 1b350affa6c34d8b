"""`python -m assistant.safety.fit [--report]`: fits the learned escalation layer and writes it."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.safety import fit as fitting
from assistant.safety.fit.report import report
from assistant.safety.learned import DEFAULT_MODEL_PATH


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.safety.fit", description=fitting.__doc__)
    parser.add_argument(
        "--safety", type=Path, default=fitting.SAFETY_DEV, help="safety dev set (never held out)"
    )
    parser.add_argument("--qa", type=Path, default=fitting.QA_DEV, help="QA dev set (never held out)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="where to write the model")
    parser.add_argument("--report", action="store_true", help="also print the measurements")
    args = parser.parse_args(argv)
    from index.shared.embeddings import QueryEmbeddings, load_embeddings

    embeddings = QueryEmbeddings(load_embeddings())
    fitted = fitting.fit(embeddings, args.safety, args.qa)
    fitted.model.save(args.out)
    t = fitted.model.threshold
    none_fp, none_total = fitting.false_escalations(fitted.out_of_fold, t, "safety")
    qa_fp, qa_total = fitting.false_escalations(fitted.out_of_fold, t, "qa")
    print(fitted.model.note)
    print(
        f"threshold {t:.2f}; out-of-fold false escalations: dev none {none_fp}/{none_total}, "
        f"QA dev {qa_fp}/{qa_total}; backstop veto at none >= {fitted.model.backstop_veto:.2f}"
    )
    print(f"wrote {args.out}")
    if args.report:
        print(report(fitted, embeddings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
