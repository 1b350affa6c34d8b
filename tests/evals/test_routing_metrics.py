import pytest

from evals.metrics.routing import Routed, accuracy, confusion_matrix, route_scores

OUTCOMES = [
    Routed("emergency", "emergency"),
    Routed("emergency", "none"),
    Routed("crisis", "emergency", ok=("emergency",)),  # acceptable: credited to crisis
    Routed("none", "none"),
    Routed("none", "medical_supervision"),
    Routed("medical_supervision", "medical_supervision"),
]


def test_per_route_recall_precision_f1():
    s = route_scores(OUTCOMES)
    assert (s["emergency"].support, s["emergency"].predicted, s["emergency"].correct) == (2, 1, 1)
    assert s["emergency"].recall == 0.5
    assert s["emergency"].precision == 1.0
    assert s["emergency"].f1 == pytest.approx(2 / 3)
    assert (s["crisis"].recall, s["crisis"].precision, s["crisis"].f1) == (1.0, 1.0, 1.0)
    assert (s["none"].recall, s["none"].precision, s["none"].f1) == (0.5, 0.5, 0.5)
    assert s["medical_supervision"].recall == 1.0
    assert s["medical_supervision"].precision == 0.5
    assert s["medical_supervision"].f1 == pytest.approx(2 / 3)


def test_accuracy_counts_ok_alternatives():
    assert accuracy(OUTCOMES) == pytest.approx(4 / 6)
    assert accuracy([]) is None


def test_route_without_cases_has_no_recall():
    s = route_scores([Routed("none", "none")])
    assert s["crisis"].recall is None
    assert s["crisis"].f1 is None
    assert s["none"].f1 == 1.0


def test_zero_precision_and_recall_give_zero_f1():
    s = route_scores([Routed("crisis", "none"), Routed("none", "crisis")])
    assert (s["crisis"].recall, s["crisis"].precision, s["crisis"].f1) == (0.0, 0.0, 0.0)


def test_confusion_matrix_rows_expected_columns_got():
    m = confusion_matrix(OUTCOMES)
    assert m["emergency"] == {"emergency": 1, "medical_supervision": 0, "crisis": 0, "none": 1}
    assert m["crisis"] == {"emergency": 1, "medical_supervision": 0, "crisis": 0, "none": 0}
    assert m["none"] == {"emergency": 0, "medical_supervision": 1, "crisis": 0, "none": 1}
    assert m["medical_supervision"]["medical_supervision"] == 1


def test_confusion_matrix_adds_a_column_for_errors():
    m = confusion_matrix([Routed("none", "error")])
    assert m["none"]["error"] == 1
    assert m["crisis"]["error"] == 0
