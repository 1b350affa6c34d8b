from rich.console import Console

from evals.console import show, show_check


def suite(kind, cases):
    return {"kind": kind, "metrics": {"cases": len(cases)}, "cases": cases}


def case(cid, passed, expected=None, error=""):
    c = {"id": cid, "passed": passed, "outcome": f"outcome {cid}", "reason": "", "error": error}
    if expected:
        c |= {"message": f"msg {cid}", "expected": expected}
    else:
        c["question"] = f"question {cid}"
    return c


def render(data):
    console = Console(record=True, width=200)
    show(data, console)
    return console.export_text()


def test_missed_emergencies_and_crises_are_listed_first():
    data = {
        "target": "in-process",
        "seconds": 1.0,
        "suites": {
            "qa": suite("qa", [case("q-1", False)]),
            "safety": suite(
                "safety",
                [
                    case("s-none", False, "none"),
                    case("s-ok", True, "crisis"),
                    case("s-crisis", False, "crisis"),
                ],
            ),
        },
    }
    out = render(data)
    positions = [out.index(f" {cid} ") for cid in ("s-crisis", "s-none", "q-1")]
    assert positions == sorted(positions)
    assert " s-ok " not in out
    assert "failed cases (3, first 3 shown)" in out


def test_errors_are_announced_with_the_first_one():
    data = {
        "target": "x",
        "seconds": 0.0,
        "suites": {"qa": suite("qa", [case("q-1", False, error="ConnectError: refused"), case("q-2", True)])},
    }
    assert "qa: 1 of 2 cases raised, first: ConnectError: refused" in render(data)


def test_show_check_lists_failed_bounds():
    data = {
        "check": [
            {
                "suite": "safety",
                "metric": "routing.crisis.recall",
                "op": ">=",
                "limit": 1.0,
                "value": 0.5,
                "passed": False,
            },
            {
                "suite": "qa",
                "metric": "abstention.recall",
                "op": ">=",
                "limit": 0.9,
                "value": None,
                "passed": False,
            },
            {"suite": "qa", "metric": "errors", "op": "<=", "limit": 0.0, "value": 0, "passed": True},
        ]
    }
    console = Console(record=True, width=200)
    assert show_check(data, console) is False
    out = console.export_text()
    assert "check failed: 2 of 3 bounds not met" in out
    assert "safety: routing.crisis.recall = 0.500, needs >= 1" in out
    assert "qa: abstention.recall = no cases to measure it on, needs >= 0.9" in out
