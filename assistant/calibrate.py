"""`python -m assistant.calibrate`: chooses the abstention thresholds on the QA dev set.

For every dev question it records the best-sentence similarity and whether the question names words
the corpus never uses, then sweeps both thresholds and keeps the pair that maximises the worse of
(answered share of answerable, abstained share of unanswerable), breaking ties by the widest gap to
the nearest case. Held-out files are never read. The chosen values go into `assistant/settings.py`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.settings import PROJECT_ROOT

DEV_SET = PROJECT_ROOT / "evals" / "datasets" / "qa.jsonl"


@dataclass(frozen=True)
class Observation:
    case_id: str
    answerable: bool
    best: float
    has_unknown_words: bool


@dataclass(frozen=True)
class Choice:
    answer_at: float
    known_words_at: float
    answered: float  # share of answerable questions answered
    abstained: float  # share of unanswerable questions abstained on
    margin: float  # distance from the thresholds to the nearest observation


def observe(path: Path) -> list[Observation]:
    from assistant.assistant import Assistant

    if "heldout" in path.name:
        raise SystemExit("refusing to calibrate on a held-out split")
    bot = Assistant.load()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        best, unknown = bot.abstention_signals(case["question"], case.get("history", []))
        if best is not None:  # None: a scope reply (dosing ...), which abstains whatever the thresholds
            out.append(Observation(case["id"], bool(case["answerable"]), best, bool(unknown)))
    return out


def _rate(observations: list[Observation], high: float, low: float) -> tuple[float, float]:
    """(answered share of answerable, abstained share of unanswerable) for one pair of thresholds."""
    answerable = [o for o in observations if o.answerable]
    unanswerable = [o for o in observations if not o.answerable]

    def answers(o: Observation) -> bool:
        return o.best >= high or (o.best >= low and not o.has_unknown_words)

    answered = sum(answers(o) for o in answerable) / max(1, len(answerable))
    abstained = sum(not answers(o) for o in unanswerable) / max(1, len(unanswerable))
    return answered, abstained


def _middle_of_best_run(values: list[float], good: list[bool]) -> float:
    """The middle of the longest run of consecutive good values: the threshold farthest from a flip."""
    best_run: list[float] = []
    run: list[float] = []
    for value, ok in zip(values, good, strict=True):
        run = [*run, value] if ok else []
        if len(run) > len(best_run):
            best_run = run
    return best_run[len(best_run) // 2]


def sweep(observations: list[Observation], step: float = 0.005) -> Choice:
    """The best pair of thresholds, each in the middle of the range where the result stays optimal."""
    grid = [float(x) for x in np.round(np.arange(0.2, 0.9 + step, step), 4)]
    scores = {(high, low): _rate(observations, high, low) for high in grid for low in grid if low <= high}
    key = {pair: (round(min(rates), 6), round(sum(rates), 6)) for pair, rates in scores.items()}
    optimum = max(key.values())
    high = _middle_of_best_run(grid, [any(key[(h, lo)] == optimum for lo in grid if lo <= h) for h in grid])
    lows = [lo for lo in grid if lo <= high]
    low = _middle_of_best_run(lows, [key[(high, lo)] == optimum for lo in lows])
    answered, abstained = scores[(high, low)]
    bests = np.array([o.best for o in observations])
    margin = float(min(np.abs(bests - high).min(), np.abs(bests - low).min()))
    return Choice(high, low, answered, abstained, margin)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.calibrate", description=__doc__)
    parser.add_argument("--cases", type=Path, default=DEV_SET, help="QA dev set (never a held-out file)")
    args = parser.parse_args(argv)
    observations = observe(args.cases)
    choice = sweep(observations)
    print(f"calibrated on {len(observations)} questions of {args.cases.name}")
    print(f"answer_at={choice.answer_at:.3f} known_words_at={choice.known_words_at:.3f}")
    print(
        f"answered {choice.answered:.1%} of answerable, abstained on {choice.abstained:.1%} of unanswerable"
    )
    print(f"nearest question is {choice.margin:.3f} from a threshold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
