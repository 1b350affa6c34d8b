import pytest

from evals.metrics.retrieval import first_relevant_rank, hit_at, ndcg_at, reciprocal_rank, relevance


def test_relevance_is_any_evidence_span_normalised():
    sources = ["Detox takes a week.", "Rehab lasts\n30 to 90 DAYS.", "It\u2019s long."]
    assert relevance(sources, ["30 to 90 days", "it's long"]) == (False, True, True)


def test_rank_hits_and_reciprocal_rank():
    rank = first_relevant_rank([False, True, False, True])
    assert rank == 2
    assert [hit_at(rank, k) for k in (1, 3, 5)] == [0.0, 1.0, 1.0]
    assert reciprocal_rank(rank) == 0.5
    assert first_relevant_rank([False, False]) is None
    assert hit_at(None, 5) == 0.0
    assert reciprocal_rank(None) == 0.0


def test_ndcg_hand_computed():
    relevant = [False, True, False, True]
    # DCG@3 = 1/log2(3); ideal: two relevant at ranks 1 and 2 = 1 + 1/log2(3)
    assert ndcg_at(relevant, 3) == pytest.approx(0.630930 / 1.630930, abs=1e-6)
    # DCG@5 = 1/log2(3) + 1/log2(5)
    assert ndcg_at(relevant, 5) == pytest.approx(0.650921, abs=1e-6)
    assert ndcg_at([True, False], 3) == 1.0
    assert ndcg_at([False, False, False], 3) == 0.0
    assert ndcg_at([], 3) == 0.0
