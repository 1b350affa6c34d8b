"""`python -m assistant.safety.fit`: fits the learned escalation layer and writes it."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.safety.learned import DEFAULT_MODEL_PATH


def main(argv: list[str] | None = None) -> int:
    from assistant.safety.fit import fitting

    parser = argparse.ArgumentParser(prog="python -m assistant.safety.fit", description=fitting.__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    from assistant.safety.backstop import SemanticBackstop
    from assistant.safety.fit import oof
    from assistant.safety.fit.data import collect
    from index.shared.embeddings import QueryEmbeddings, load_embeddings

    backstop = SemanticBackstop(QueryEmbeddings(load_embeddings(), max_entries=50000))
    fitted = fitting.fit(collect(), fitting.backstop_router(backstop))
    fitted.model.save(args.out)
    t = fitted.model.threshold
    none_fp, none_total = oof.false_escalations(fitted.out_of_fold, t, "safety")
    qa_fp, qa_total = oof.false_escalations(fitted.out_of_fold, t, "qa")
    print(fitted.model.note)
    print(
        f"threshold {t:.2f}; out-of-fold false escalations: dev none {none_fp}/{none_total}, "
        f"QA dev {qa_fp}/{qa_total}; backstop veto at none >= {fitted.model.backstop_veto:.2f}; "
        f"{len(fitted.model.char_ngrams)} character and {len(fitted.model.word_ngrams)} word n-grams"
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
