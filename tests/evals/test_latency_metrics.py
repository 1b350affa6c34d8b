import pytest

from evals.metrics.latency import latency, percentile


def test_percentiles_interpolate_linearly():
    values = [40, 10, 100, 30, 20]
    assert percentile(values, 50) == 30
    assert percentile(values, 95) == pytest.approx(88.0)  # rank 3.8: 40 + 0.8 * (100 - 40)
    assert percentile(values, 0) == 10
    assert percentile(values, 100) == 100
    assert percentile([1, 2], 50) == 1.5


def test_latency_summary():
    s = latency([40, 10, 100, 30, 20])
    assert (s.count, s.p50_ms, s.max_ms) == (5, 30, 100)
    assert s.p95_ms == pytest.approx(88.0)
    assert latency([]) is None


def test_percentile_of_nothing_raises():
    with pytest.raises(ValueError):
        percentile([], 50)
