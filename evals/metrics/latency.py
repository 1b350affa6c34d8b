"""Latency summary: p50, p95 and max."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks (numpy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Latency:
    count: int
    p50_ms: float
    p95_ms: float
    max_ms: float


def latency(values_ms: Sequence[float]) -> Latency | None:
    if not values_ms:
        return None
    return Latency(len(values_ms), percentile(values_ms, 50), percentile(values_ms, 95), max(values_ms))
