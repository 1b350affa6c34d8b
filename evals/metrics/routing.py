"""Routing metrics: per-route recall, precision and F1, and the confusion matrix.

A case is correct when the route it got is the expected one or one of its acceptable
alternatives (`ok`). For precision, a correct answer through an `ok` alternative counts as
the expected route, so an acceptable outcome never counts against another route.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evals.cases import ROUTES


@dataclass(frozen=True)
class Routed:
    expected: str
    got: str
    ok: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return self.got == self.expected or self.got in self.ok

    @property
    def credited(self) -> str:
        """The route this outcome is credited to: the expected one when it was acceptable."""
        return self.expected if self.correct else self.got


@dataclass(frozen=True)
class RouteScore:
    route: str
    support: int  # cases expecting this route
    predicted: int  # outcomes credited to this route
    correct: int
    recall: float | None  # None when there is nothing to divide by
    precision: float | None
    f1: float | None


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def route_scores(outcomes: Sequence[Routed], routes: Sequence[str] = ROUTES) -> dict[str, RouteScore]:
    scores = {}
    for route in routes:
        support = sum(o.expected == route for o in outcomes)
        predicted = sum(o.credited == route for o in outcomes)
        correct = sum(o.expected == route and o.correct for o in outcomes)
        recall, precision = _ratio(correct, support), _ratio(correct, predicted)
        if recall is None or precision is None:
            f1 = None
        else:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[route] = RouteScore(route, support, predicted, correct, recall, precision, f1)
    return scores


def accuracy(outcomes: Sequence[Routed]) -> float | None:
    return _ratio(sum(o.correct for o in outcomes), len(outcomes))


def confusion_matrix(outcomes: Sequence[Routed], routes: Sequence[str] = ROUTES) -> dict[str, dict[str, int]]:
    """counts[expected][got]; routes seen in answers but not in `routes` (e.g. "error") get a column."""
    columns = list(routes) + sorted({o.got for o in outcomes} - set(routes))
    matrix = {r: dict.fromkeys(columns, 0) for r in routes}
    for o in outcomes:
        matrix.setdefault(o.expected, dict.fromkeys(columns, 0))[o.got] += 1
    return matrix
