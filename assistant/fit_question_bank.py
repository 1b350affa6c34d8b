"""`python -m assistant.fit_question_bank`: builds the question bank (question_bank.py) from the QA dev sets.

Every dev question (follow-ups resolved as at run time), embedded by the plain model with the drug's
names masked, with whether the page answers it and the page sentences holding its evidence. Held-out
files are refused. Nothing is trained: the same data and model give the same file.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.dev_sets import DEV_SETS, read_cases
from assistant.question_bank import DEFAULT_BANK_PATH, QuestionBank, build


def bank_from_cases(bot, cases: Sequence[dict[str, Any]], note: str = "") -> QuestionBank:
    """The bank of `cases`, embedded by `bot`'s model, sentences taken from `bot`'s index."""
    from assistant.claims import matchable
    from assistant.fit_query_adapter import evidence_sentences
    from assistant.followup import resolve_query
    from index.shared.drugnames import canonicalize
    from index.shared.embeddings import model_name

    texts = [s.text for s in bot.store.sentences]
    comparable = [matchable(t) for t in texts]
    vectors, answerable, answering = [], [], []
    for case in cases:
        query = canonicalize(resolve_query(case["question"], case.get("history", [])))
        vectors.append(bot.embeddings.encode(query).masked)
        answerable.append(bool(case["answerable"]))
        positions = evidence_sentences(comparable, case["evidence"]) if case["answerable"] else ()
        answering.append([texts[p] for p in positions])
    return build(vectors, answerable, answering, model_name(bot.embeddings), note)


def main(argv: list[str] | None = None) -> int:
    from assistant.abstention import AbstentionModel
    from assistant.assistant import Assistant
    from index.shared.settings import Settings

    parser = argparse.ArgumentParser(
        prog="python -m assistant.fit_question_bank", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--cases", type=Path, nargs="+", default=list(DEV_SETS), help="QA dev sets (never held-out)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_BANK_PATH)
    args = parser.parse_args(argv)
    # The bank must not depend on the abstention model fitted on it (which may be stale).
    bot = Assistant.load(Settings(query_adaptation=False), abstention=AbstentionModel.neutral())
    if bot.store is None:
        raise SystemExit("the index is unavailable: run python -m index build")
    cases = read_cases(args.cases)
    names = ", ".join(p.name for p in args.cases)
    bank = bank_from_cases(
        bot, cases, f"python -m assistant.fit_question_bank: {len(cases)} questions of {names}"
    )
    bank.save(args.out)
    print(
        f"{len(cases)} questions ({int(bank.answerable.sum())} answerable), "
        f"{len(bank.sentences)} answering sentences; wrote {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
