"""Multi-turn: earlier user turns supply context; routed conversations keep the numbers visible."""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety import classify, conversation_banner


def test_earlier_turn_supplies_the_drug() -> None:
    history = ["my sister takes clonazepam for panic attacks"]
    message = "she took a lot more than usual and won't wake up"
    decision = classify(message, history)
    assert decision.route is Route.EMERGENCY


def test_drug_named_only_earlier_is_needed_and_marked_as_context() -> None:
    message = "he passed out"
    assert classify(message).route is Route.NONE
    decision = classify(message, ["my brother took a bunch of klonopin"])
    assert decision.route is Route.EMERGENCY
    assert decision.layer == "context" and "earlier turn" in decision.reason


def test_gradio_dicts_count_only_user_turns() -> None:
    message = "I'm quitting cold turkey"
    assistant_only = [{"role": "assistant", "content": "Klonopin is clonazepam."}]
    user = [{"role": "user", "content": "I've taken klonopin for 5 years"}]
    assert classify("I'm going to ride it out on my own", assistant_only).route is Route.NONE
    assert classify(message, user).route is Route.MEDICAL_SUPERVISION
    assert classify("I ran out", user).route is Route.MEDICAL_SUPERVISION
    assert classify("I ran out", assistant_only).route is Route.NONE


def test_child_context_from_earlier_turns() -> None:
    history = ["my 2 year old was near my purse", "my klonopin was in it"]
    assert classify("I think she ate one", history).route is Route.EMERGENCY
    assert classify("I think she ate one").route is Route.NONE


def test_follow_up_plea_continues_a_routed_turn() -> None:
    history = ["my friend just took a handful of his pins"]
    decision = classify("what should I do??", history)
    assert decision.route is Route.EMERGENCY and decision.rule == "emergency.follow_up"
    assert classify("what should I do??").route is Route.NONE
    assert classify("what should I do??", ["what is klonopin?"]).route is Route.NONE


def test_spanish_multi_turn() -> None:
    history = ["mi mamá toma rivotril"]
    assert classify("se tomó toda la caja y no despierta", history).route is Route.EMERGENCY


def test_banner_after_emergency_or_crisis_only() -> None:
    assert conversation_banner([]) == ""
    assert conversation_banner(["what is klonopin?", "I want to quit cold turkey"]) == ""
    emergency = conversation_banner(["my friend took 20 klonopin", "ok the ambulance is here"])
    assert "911" in emergency and "1-800-222-1222" in emergency
    crisis = conversation_banner(
        [{"role": "user", "content": "I want to die"}, {"role": "assistant", "content": "x"}]
    )
    assert "988" in crisis and "741741" in crisis
    both = conversation_banner(["I want to die", "I took the whole bottle"])
    assert "988" in both and "1-800-222-1222" in both
    assert "oprima 2" in conversation_banner(["quiero morir"])


# Conversation state both ways: a routed turn that the next message says is over returns to "none".
RESOLVED_FOLLOW_UPS = [
    (["my son took a bunch of his klonopin and wont wake up"],
     "he's fine now, they let him go home. what should we do next?"),
    (["my friend just took a handful of his pins"],
     "ok the ER said she is going to be ok. what can i do to help her at home?"),
    (["my dad took too many klonopin"], "he was discharged this morning, what should we watch for now?"),
    (["i want to quit klonopin cold turkey"],
     "update: my psychiatrist is now supervising my taper. what should i expect, please?"),
]  # fmt: skip
NOT_OVER_FOLLOW_UPS = [
    (["my son took a bunch of his klonopin and wont wake up"],
     "they let him go home but now he is getting sleepy again, what do i do"),
    (["my friend just took a handful of his pins"], "is she going to be ok??"),
    (["my dad took too many klonopin"], "he was fine an hour ago but now he won't wake up, help"),
    (["i took 20 of my klonopin"], "i am fine now, what should i do?"),  # no one has seen them
    (["i want to die"], "the hospital discharged me, what should i do now?"),  # a crisis stays
    (["i want to kill myself"], "my doctor is now supervising my taper, please help"),
]  # fmt: skip


def test_a_follow_up_that_says_the_emergency_is_over_returns_to_none() -> None:
    for history, message in RESOLVED_FOLLOW_UPS:
        decision = classify(message, history)
        assert decision.route is Route.NONE, message
        assert decision.rule == "none.resolved" and "says it is over" in decision.reason


def test_a_follow_up_that_is_not_over_keeps_its_route() -> None:
    for history, message in NOT_OVER_FOLLOW_UPS:
        decision = classify(message, history)
        assert decision.route is not Route.NONE, message


def test_the_banner_stays_after_a_resolved_emergency() -> None:
    history, message = RESOLVED_FOLLOW_UPS[0]
    assert classify(message, history).route is Route.NONE
    assert "911" in conversation_banner(history)  # the numbers stay in view on the "none" answer
