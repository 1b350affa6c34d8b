import pytest

from evals.metrics.abstention import abstention


def test_abstention_hand_computed():
    # (answerable, abstained)
    a = abstention(
        [
            (False, True),
            (False, True),
            (False, False),
            (True, True),
            (True, False),
            (True, False),
            (True, False),
        ]
    )
    assert (a.true_pos, a.false_neg, a.false_pos, a.true_neg) == (2, 1, 1, 3)
    assert a.precision == pytest.approx(2 / 3)
    assert a.recall == pytest.approx(2 / 3)
    assert a.answered_rate == 0.75


def test_no_abstentions_and_no_unanswerable():
    a = abstention([(True, False)])
    assert (a.precision, a.recall, a.answered_rate) == (None, None, 1.0)
