"""Asks every case of a suite through a client, in file order."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from evals.cases import Suite
from evals.client import Answer, Client


@dataclass(frozen=True)
class SuiteRun:
    suite: Suite
    answers: tuple[Answer, ...]  # one per case, same order
    seconds: float


def run_suite(
    suite: Suite, client: Client, on_answer: Callable[[], None] | None = None, clock=time.perf_counter
) -> SuiteRun:
    start = clock()
    answers = []
    for case in suite.cases:
        answers.append(client.ask(case.prompt, case.history))
        if on_answer:
            on_answer()
    return SuiteRun(suite, tuple(answers), clock() - start)
