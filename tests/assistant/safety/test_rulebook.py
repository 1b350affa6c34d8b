"""The reviewed rule files: each rule's examples route, its near-misses do not, and bad files fail clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.reply import Route
from assistant.safety import router
from assistant.safety.normalize import normalize
from assistant.safety.rule import VERDICTS
from assistant.safety.rulebook import RULES_DIR, RuleFileError, load_rulebook, rules

BOOK = load_rulebook()
BY_ID = {entry.id: entry for entry in BOOK}


def test_every_route_has_rules_and_the_router_uses_all_of_them():
    assert {entry.route for entry in BOOK} == {Route.EMERGENCY, Route.MEDICAL_SUPERVISION, Route.CRISIS}
    assert rules() == tuple(pattern for entry in BOOK for pattern in entry.patterns)
    assert len(rules()) > 100


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_every_example_routes_to_its_rule_s_route(rule_id):
    entry = BY_ID[rule_id]
    wrong = {
        example: (decision.route.value, decision.rule)
        for example in entry.examples
        if (decision := router.classify(example)).route is not entry.route
    }
    assert not wrong, f"{rule_id} ({entry.file}): examples not routed {entry.route.value}: {wrong}"


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_every_pattern_of_a_rule_is_exercised_by_one_of_its_examples(rule_id):
    entry = BY_ID[rule_id]
    texts = [normalize(example).text for example in entry.examples]
    unexercised = [
        number
        for number, pattern in enumerate(entry.patterns, start=1)
        if not any(pattern.pattern.search(text) for text in texts)
    ]
    assert not unexercised, f"{rule_id}: patterns {unexercised} match none of the rule's examples"


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_every_near_miss_matches_the_rule_but_is_not_sent_to_its_route(rule_id):
    entry = BY_ID[rule_id]
    for near_miss in entry.near_misses:
        text = normalize(near_miss).text
        assert any(p.pattern.search(text) for p in entry.patterns), (
            f"{rule_id}: near-miss {near_miss!r} is not matched by the rule, so it tests nothing"
        )
        decision = router.classify(near_miss)
        assert decision.route is not entry.route, f"{rule_id}: {near_miss!r} routed ({decision.reason})"


def test_every_verdict_a_rule_file_may_use_has_a_reason_for_staff():
    assert set(router._WHY) >= VERDICTS


# ---- a bad file fails with a message naming the file and the rule --------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_copy_of_the_rule_files_loads_like_the_original(rules_copy):
    assert [e.id for e in load_rulebook(rules_copy)] == [e.id for e in BOOK]


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        (
            "crisis.toml",
            'id = "crisis.burden"\nrationale = ',
            'id = "crisis.burden"\nwhy = "x"\nrationale = ',
            "crisis.toml: rule crisis.burden: why: Extra inputs are not permitted",
        ),
        (
            "crisis.toml",
            'id = "crisis.burden"\nrationale = "',
            'id = "crisis.burden"\nrationale = "short" #',
            "crisis.toml: rule crisis.burden: rationale: String should have at least 20 characters",
        ),
        (
            "emergency.toml",
            "[[rule.pattern]]\n",
            "[[rule.pattern]]\nmatch = 'a {NO_SUCH_FRAGMENT}'\n\n[[rule.pattern]]\n",
            "emergency.toml: rule emergency.unresponsive: pattern 1: unknown fragment {NO_SUCH_FRAGMENT}",
        ),
        (
            "emergency.toml",
            "[[rule.pattern]]\n",
            "[[rule.pattern]]\nmatch = '(?:unclosed'\n\n[[rule.pattern]]\n",
            "emergency.toml: rule emergency.unresponsive: pattern 1: the regex does not compile",
        ),
        (
            "crisis.toml",
            'unless = ["BEREAVEMENT"]',
            'unless = ["NO_SUCH_SET"]',
            "crisis.toml: rule crisis.suicidal: pattern 1: unknown exception set 'NO_SUCH_SET'",
        ),
        (
            "crisis.toml",
            'unless = ["BEREAVEMENT"]',
            "unless = [{ match = 'movie', verdict = 'none.routed' }]",
            "crisis.toml: rule crisis.suicidal: pattern 1: unknown verdict 'none.routed'",
        ),
        ("crisis.toml", 'route = "crisis"', 'route = "emergency"', "crisis.toml: route is 'emergency'"),
        (
            "crisis.toml",
            'id = "crisis.burden"',
            'id = "crisis.suicidal"',
            "crisis.toml: rule crisis.suicidal appears twice",
        ),
        (
            "medical_supervision.toml",
            'id = "medical_supervision.flush"',
            'id = "crisis.flush"',
            "medical_supervision.toml: rule crisis.flush: its id must start with 'medical_supervision'",
        ),
        (
            "crisis.toml",
            "[[rule.pattern]]\nmatch = 'suicidal|suicide'",
            "[[rule.pattern]]\nneeds = 'a drug'\nmatch = 'suicidal|suicide'",
            "crisis.toml: rule crisis.suicidal: pattern 1: needs: Input should be",
        ),
        # a key given twice is not TOML
        ("fragments.toml", "[fragment.WHO]\n", "[fragment.WHO]\nmatch = 'a'\n", "fragments.toml: cannot"),
        ("crisis.toml", 'route = "crisis"', 'route = "crisis', "crisis.toml: cannot read"),
    ],
)
def test_a_bad_rule_file_fails_naming_the_file_and_the_rule(rules_copy, file, old, new, expected):
    _edit(rules_copy / file, old, new)
    with pytest.raises(RuleFileError) as caught:
        load_rulebook(rules_copy)
    assert expected in str(caught.value)


def test_a_fragment_that_refers_to_itself_is_named(rules_copy):
    loop = "[fragment.LOOP]\nmatch = '(?:a|{LOOP})'\n\n"
    _edit(rules_copy / "fragments.toml", "[fragment.WHO]\n", loop + "[fragment.WHO]\n")
    with pytest.raises(RuleFileError, match=r"fragments\.toml: fragment LOOP: fragment \{LOOP\} refers"):
        load_rulebook(rules_copy)


def test_a_missing_rule_file_is_named(rules_copy):
    (rules_copy / "crisis.toml").unlink()
    with pytest.raises(RuleFileError, match=r"crisis\.toml: cannot read"):
        load_rulebook(rules_copy)


def test_the_route_does_not_depend_on_the_order_of_rules_in_a_file(monkeypatch):
    """Reviewers may reorder a file: reversing every route's rules keeps every dev case's route.
    (A verdict once spread along a chain of overlapping matches, so the order decided it.)"""
    from evals.cases import load_suite

    buried = (
        "Today he took his clonazepam three times because he forgot he'd taken it, "
        "and now he can't stay awake and isn't making sense."
    )
    messages = [buried] + [c.message for c in load_suite("evals/datasets/safety.jsonl").cases]
    before = [router.classify(m).route for m in messages]
    reversed_rules = tuple(
        p
        for route in (Route.EMERGENCY, Route.MEDICAL_SUPERVISION, Route.CRISIS)
        for p in reversed([p for p in rules() if p.route is route])
    )
    monkeypatch.setattr("assistant.safety.rulebook.rules", lambda: reversed_rules)
    after = [router.classify(m).route for m in messages]
    assert before[0] is Route.EMERGENCY
    changed = [(m, b.value, a.value) for m, b, a in zip(messages, before, after, strict=True) if a is not b]
    assert not changed
