"""Follow-up questions are resolved with the recent user turns, without a language model."""

from __future__ import annotations

import pytest

from assistant.followup import is_follow_up, resolve_query, user_turns


@pytest.mark.parametrize(
    "message",
    [
        "how long does it last?",
        "what are the risks of that?",
        "and the symptoms?",
        "what about outpatient?",
        "why?",
        "is it dangerous for them",
    ],
)
def test_follow_ups(message: str) -> None:
    assert is_follow_up(message)


@pytest.mark.parametrize(
    "message",
    [
        "How long does inpatient rehab last?",
        "What are the withdrawal symptoms of clonazepam?",
        "Can I take clonazepam when pregnant?",
        "",
        "???",
    ],
)
def test_self_contained_questions(message: str) -> None:
    assert not is_follow_up(message)


def test_follow_up_is_prefixed_with_the_recent_user_turns() -> None:
    assert resolve_query("how long does it last?", ["What is inpatient rehab like?"]) == (
        "What is inpatient rehab like? how long does it last?"
    )


def test_only_the_two_most_recent_user_turns_are_used() -> None:
    history = ["first question about detox", "second about rehab", "third about aftercare"]
    assert (
        resolve_query("what about it?", history) == "second about rehab third about aftercare what about it?"
    )


def test_self_contained_question_is_left_alone_even_with_history() -> None:
    question = "What are the signs of a clonazepam overdose?"
    assert resolve_query(question, ["What is inpatient rehab like?"]) == question


def test_no_history_means_no_change() -> None:
    assert resolve_query("how long does it last?", []) == "how long does it last?"
    assert resolve_query("how long does it last?", None) == "how long does it last?"


def test_gradio_dict_history_uses_user_turns_only() -> None:
    history = [
        {"role": "user", "content": "What is inpatient rehab like?"},
        {"role": "assistant", "content": "The source page says: detox is hard."},
        {"role": "user", "content": [{"type": "text", "text": "And outpatient?"}, {"type": "image"}]},
        {"role": "system", "content": "ignored"},
        {"content": "no role counts as the user"},
        {"role": "user", "content": None},
        "  ",
        42,
    ]
    assert user_turns(history) == [
        "What is inpatient rehab like?",
        "And outpatient?",
        "no role counts as the user",
    ]
    assert resolve_query("how long does it last?", history[:2]) == (
        "What is inpatient rehab like? how long does it last?"
    )
