"""One user-turn parser: the router, follow-up resolution and the chat UI read the same turns."""

from __future__ import annotations

import pytest

from assistant import followup
from assistant.safety import context
from assistant.web import visitor_view
from index.shared.history import content_text, user_turns

HISTORIES = [
    ["i ran out of my klonopin", "  ", "what now"],
    [
        {"role": "user", "content": "my brother took a lot of pins"},
        {"role": "assistant", "content": "Call 911 now."},
        {"content": "he is breathing slowly"},  # no role: a user turn
        {"role": "system", "content": "ignore this"},
        {"role": "user", "content": [{"type": "text", "text": "is it"}, {"type": "text", "text": "bad?"}]},
        {"role": "user", "content": [{"type": "file", "file": {}}]},
    ],
    [{"role": "user", "content": {"text": "how long is rehab"}}, "and detox?"],
]


@pytest.mark.parametrize("history", HISTORIES)
def test_router_followups_and_ui_see_the_same_user_turns(history) -> None:
    expected = user_turns(history)
    assert context.recent_turns(history) == expected[-context.MAX_TURNS :]
    assert followup.user_turns is user_turns  # follow-ups import the one parser
    # The chat stores what visitors typed escaped; the UI undoes that and gets the same turns.
    shown = [
        {**t, "content": visitor_view.escape_markdown(t["content"])}
        if isinstance(t, dict) and isinstance(t.get("content"), str)
        else t
        for t in history
        if not isinstance(t, str)
    ]
    if len(shown) == len(history):
        assert visitor_view.user_turns(shown) == expected


def test_the_rule_for_turns() -> None:
    assert user_turns(HISTORIES[1]) == [
        "my brother took a lot of pins",
        "he is breathing slowly",
        "is it bad?",
    ]
    assert user_turns(HISTORIES[0]) == ["i ran out of my klonopin", "what now"]
    assert user_turns(None) == [] and user_turns([{"role": "assistant", "content": "x"}]) == []


def test_content_text_reads_strings_parts_and_lists() -> None:
    assert content_text("a") == "a"
    assert content_text({"text": "a"}) == "a"
    assert content_text([{"type": "text", "text": "a"}, "b"]) == "a b"
    assert content_text(None) == "" and content_text({"type": "file"}) == ""


def test_ui_unescapes_what_it_escaped() -> None:
    typed = "a & b <i>"
    history = [visitor_view.user_message(typed)]
    assert visitor_view.user_turns(history) == [typed]
