"""Routing of single messages, by category of the issue; each case is a phrasing we must handle."""

from __future__ import annotations

import pytest

from assistant.reply import Route
from assistant.safety import classify

E, M, C, N = Route.EMERGENCY, Route.MEDICAL_SUPERVISION, Route.CRISIS, Route.NONE

ROUTED = {
    "normalization": [
        (E, "HELPPP my mom took a handful of her klonopin rn"),
        (E, "she  can’t   breathe!!! she took like 15 pills"),
        (E, "he wont wake up n he took a bunch of his benzos"),
        (M, "im stoping my klonopin tomorow"),
        (C, "i dont wanna live anymore"),
    ],
    "drug names and slang": [
        (E, "my friend took 20 klonipins and is barely breathing"),
        (E, "he popped 10 k-pins and is nodding off"),
        (E, "she took a whole bottle of rivitril"),
        (E, "bf downed a bunch of downers with vodka and now he's very drowsy"),
        (M, "quitting my clons cold turkey"),
        (M, "i'm flushing all my tablets tonight"),
        (E, "he swallowed a bottle of meds, the whole bottle"),
    ],
    "overdose signs": [
        (E, "my husband is unresponsive"),
        (E, "I can't wake my daughter up"),
        (E, "his breathing is really slow and shallow"),
        (E, "she stopped breathing"),
        (E, "his lips are turning blue"),
        (E, "her lips look grey and she won't respond"),
        (E, "he's making gurgling sounds"),
        (E, "she took too many klonopin, slurring her words and really confused"),
        (E, "my brother took his pins and passed out"),
        (E, "he is snoring weirdly after taking 12 klonopin"),
    ],
    "amount cues": [
        (E, "I took 25 clonazepam"),
        (E, "she swallowed the entire bottle"),
        (E, "I took way more than prescribed"),
        (E, "he took all of his klonopin at once"),
        (E, "I took 3x my normal dose of klonopin"),
        (E, "I took 40 mg of klonopin"),
    ],
    "mixing": [
        (E, "I took my klonopin with a lot of wine and I can barely stay awake"),
        (E, "she mixed clonazepam and oxy and is nodding out"),
    ],
    "child": [
        (E, "my toddler swallowed one of my klonopin"),
        (E, "my 4 year old got into my pills"),
        (E, "mi hijo se tragó una pastilla de clonazepam"),
    ],
    "seizure now": [
        (E, "he's having a seizure right now"),
        (E, "she is seizing on the floor"),
        (E, "mi papá está convulsionando"),
    ],
    "staff phrasing": [
        (E, "caller says she took 20"),
        (E, "caller reports he is unresponsive"),
        (E, "Client states partner swallowed the rest of the bottle"),
        (M, "caller wants to stop clonazepam cold turkey tomorrow"),
        (C, "caller says her son wants to kill himself"),
    ],
    "time": [
        (E, "I just took 30 of my klonopin"),
        (E, "she took the whole bottle an hour ago"),
        (E, "I overdosed years ago and I just did it again, took 20"),
    ],
    "hurried typing": [
        (E, "I'm not sure if I should call 911, my dad is unresponsive"),
        (E, "No he took 20 of them"),
        (E, "what if she took the whole bottle, she is so out of it"),
        (C, "I've never felt so suicidal"),
    ],
    "stopping suddenly": [
        (M, "I want to quit klonopin cold turkey"),
        (M, "I'm going to stop taking clonazepam all at once"),
        (M, "stopping my benzos tomorrow, done with them"),
        (M, "I'm throwing my pills away"),
        (M, "I ran out of klonopin and I'm just going to stop"),
        (M, "I stopped clonazepam suddenly 4 days ago"),
        (M, "I'm going to detox alone at home"),
        (M, "been on it 6 years, I want to be off it within a week"),
        (M, "can I just stop taking my klonopin?"),
        (M, "haven't had any klonopin for 3 days"),
    ],
    "crisis": [
        (C, "I'm suicidal"),
        (C, "I want to die"),
        (C, "I want to fall asleep and never wake up"),
        (C, "how many klonopin would it take to kill me"),
        (C, "what's the lethal dose of clonazepam"),
        (C, "I've been cutting myself"),
        (C, "my friend said she's going to kill herself"),
        (C, "I'm going to take the whole bottle tonight"),
        (C, "everyone would be better off without me"),
    ],
    "spanish": [
        (E, "mi hermana no despierta"),
        (E, "tomó muchas pastillas"),
        (E, "mi amigo no respira"),
        (M, "quiero dejar el clonazepam de golpe"),
        (M, "se me acabaron las pastillas de rivotril"),
        (C, "quiero morir"),
        (C, "¿cuántas pastillas de clonazepam se necesitan para morir?"),
    ],
}

NOT_ROUTED = {
    "informational": [
        ("none.informational", "what would happen if someone took too many?"),
        ("none.informational", "what are the signs of an overdose, like slow breathing?"),
        ("none.informational", "is it safe to stop klonopin cold turkey?"),
        ("none.informational", "can clonazepam make you suicidal?"),
        ("none.informational", "¿es peligroso dejar el clonazepam de golpe?"),
        ("none.no_signal", "how long does klonopin withdrawal last?"),
    ],
    "negated": [
        ("none.negated", "I'm not suicidal"),
        ("none.negated", "I'm not going to stop suddenly"),
        ("none.negated", "I would never kill myself"),
        ("none.negated", "no quiero morir, solo tengo preguntas"),
        ("none.negated", "I never said I was suicidal"),
    ],
    "past": [
        ("none.past", "I overdosed three years ago and I'm sober now"),
        ("none.past", "years ago I quit klonopin cold turkey"),
        ("none.past", "I used to want to die when I was a teenager"),
    ],
    "supervised taper": [
        (
            "none.supervised_taper",
            "my doctor is tapering me slowly, I'll be off it within a week of the plan",
        ),
        ("none.no_signal", "my psychiatrist and I are doing a gradual taper over six months"),
    ],
    "idioms and fiction": [
        ("none.idiom", "this homework is killing me"),
        ("none.idiom", "I'm dying to know how rehab works"),
        ("none.idiom", "can I stop by the clinic tomorrow?"),
        ("none.idiom", "a cold turkey sandwich, please"),
        ("none.fiction", "in the movie the character took a whole bottle of pills and stopped breathing"),
        ("none.fiction", "I'm writing a novel where the hero wants to kill himself"),
    ],
    "everyday": [
        ("none.no_signal", "I took my 0.5 mg as prescribed this morning"),
        ("none.no_signal", "my mom takes 1mg of klonopin at night"),
        ("none.no_signal", "does inpatient rehab take insurance?"),
    ],
}


def _flatten(table):
    return [
        pytest.param(*case, id=f"{category}: {case[1][:40]}")
        for category, cases in table.items()
        for case in cases
    ]


@pytest.mark.parametrize(("route", "message"), _flatten(ROUTED))
def test_routed(route: Route, message: str) -> None:
    decision = classify(message)
    assert decision.route is route, decision.reason
    assert decision.rule.startswith(route.value + ".")
    assert decision.matched and all(words in message for words in decision.matched)


@pytest.mark.parametrize(("rule", "message"), _flatten(NOT_ROUTED))
def test_not_routed(rule: str, message: str) -> None:
    decision = classify(message)
    assert decision.route is Route.NONE, decision.reason
    assert decision.rule == rule, decision.reason


def test_reason_names_rule_words_drug_and_person() -> None:
    decision = classify("my friend took a lot of her klonopin and won't wake up")
    assert decision.rule == "emergency.amount"
    assert 'matched "took a lot of her klonopin"' in decision.reason
    assert 'drug "klonopin"' in decision.reason
    assert "(third person)" in decision.reason
    assert 'emergency.unresponsive "won\'t wake up"' in decision.reason


def test_staff_and_first_person_are_named() -> None:
    assert "(staff report)" in classify("caller says she took 20").reason
    assert "(first person)" in classify("I took 20 of my pins").reason


def test_most_urgent_route_wins_and_is_explained() -> None:
    decision = classify("I took a handful of klonopin and I want to die")
    assert decision.route is E
    assert "crisis.suicidal" in decision.reason and "emergency first" in decision.reason


def test_informational_questions_get_a_footer_topic() -> None:
    assert classify("what are the signs of an overdose?").topic == "overdose"
    assert classify("is it safe to stop klonopin cold turkey?").topic == "stopping"
    assert classify("how long does klonopin withdrawal last?").topic == "withdrawal"
    assert classify("I'm not suicidal").topic == "suicide"
    assert classify("does inpatient rehab take insurance?").topic == ""


def test_language_is_detected() -> None:
    assert classify("mi hermana tomó muchas pastillas y no despierta").lang == "es"
    assert classify("my sister took too many pills and won't wake up").lang == "en"


def test_deterministic() -> None:
    message = "she took 20 klonopin and her lips are blue"
    assert len({classify(message) for _ in range(5)}) == 1
