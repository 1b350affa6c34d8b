from evals.compare import CaseChange, MetricChange, compare


def run(metrics, cases, name="qa"):
    return {"suites": {name: {"metrics": metrics, "cases": cases}}}


def case(cid, passed, outcome):
    return {"id": cid, "passed": passed, "outcome": outcome}


def test_metrics_improved_regressed_and_informational():
    old = run(
        {
            "retrieval.hit@3": 0.9,
            "answers.fact_recall": 0.95,
            "errors": 1,
            "latency.p95_ms": 20.0,
            "cases": 10,
            "answers.groundedness": None,
        },
        [],
    )
    new = run(
        {
            "retrieval.hit@3": 0.97,
            "answers.fact_recall": 0.9,
            "errors": 0,
            "latency.p95_ms": 25.0,
            "cases": 11,
            "answers.groundedness": 1.0,
        },
        [],
    )
    c = compare(old, new)
    assert c.improved == (
        MetricChange("qa", "answers.groundedness", None, 1.0),
        MetricChange("qa", "errors", 1, 0),
        MetricChange("qa", "retrieval.hit@3", 0.9, 0.97),
    )
    assert c.regressed == (MetricChange("qa", "answers.fact_recall", 0.95, 0.9),)
    assert [m.metric for m in c.informational] == ["cases", "latency.p95_ms"]


def test_cases_whose_outcome_changed():
    old = run(
        {},
        [
            case("a", True, "answered"),
            case("b", False, "abstained"),
            case("c", True, "answered"),
            case("d", False, "facts 0/1"),
            case("gone", True, "answered"),
        ],
    )
    new = run(
        {},
        [
            case("a", True, "answered"),
            case("b", True, "answered"),
            case("c", False, "abstained"),
            case("d", False, "facts 1/2"),
            case("new", True, "answered"),
        ],
    )
    c = compare(old, new)
    assert c.cases == (
        CaseChange("qa", "b", "abstained", "answered", False, True),
        CaseChange("qa", "c", "answered", "abstained", True, False),
        CaseChange("qa", "d", "facts 0/1", "facts 1/2", False, False),
        CaseChange("qa", "new", "(absent)", "answered", None, True),
        CaseChange("qa", "gone", "answered", "(absent)", True, None),
    )
    assert [x.direction for x in c.cases] == ["fixed", "broken", "changed", "added", "removed"]


def test_suites_added_and_removed():
    c = compare(run({}, [], "old"), run({}, [], "new"))
    assert (c.suites_added, c.suites_removed, c.cases) == (("new",), ("old",), ())
