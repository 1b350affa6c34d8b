"""Property tests: classify never raises, is deterministic and returns a valid route for any string."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.reply import Route
from assistant.safety import classify, conversation_banner, fixed_reply, footer, staff_script

WORDS = st.sampled_from(
    [
        "took",
        "20",
        "klonopin",
        "won't",
        "wake",
        "not",
        "suicidal",
        "cold",
        "turkey",
        "stop",
        "if",
        "someone",
        "years",
        "ago",
        "caller",
        "says",
        "she",
        "mg",
        "?",
        ".",
        "but",
        "no",
        "despierta",
        "quiero",
        "morir",
        "de",
        "golpe",
        "’",
        "'",
        "helppp",
        "rn",
        "\ud800",
        "\x00",
        "\u202e",
        "🙂",
        "ß",
        "İ",
    ]
)
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=300)
MIXED = st.lists(WORDS, max_size=40).map(" ".join)
HISTORY = st.lists(
    st.one_of(
        ANY_TEXT,
        MIXED,
        st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant"]), "content": MIXED}),
    ),
    max_size=4,
)


def _valid(decision) -> None:
    assert isinstance(decision.route, Route)
    assert decision.lang in ("en", "es")
    assert isinstance(decision.reason, str) and decision.reason
    assert not decision.rule.endswith("error"), decision.reason
    for text in (fixed_reply(decision), staff_script(decision), footer(decision)):
        assert isinstance(text, str)


@settings(max_examples=150, deadline=None)
@given(message=st.one_of(ANY_TEXT, MIXED), history=HISTORY)
def test_any_input_gives_a_valid_deterministic_decision(message: str, history: list) -> None:
    first = classify(message, history)
    _valid(first)
    assert classify(message, history) == first
    assert isinstance(conversation_banner(history), str)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=200))
def test_control_characters(message: str) -> None:
    _valid(classify(message))


def test_lone_surrogates_and_odd_types() -> None:
    for message in ("\ud800", "she took 20 \udfff klonopin", "\x00\x01\x7f", "", " ", "?" * 50):
        _valid(classify(message))
    assert classify("she took 20 \ud800 klonopin").route is Route.EMERGENCY
    _valid(classify(None))  # type: ignore[arg-type]
    _valid(classify("I want to quit cold turkey", [None, 3, {"role": "user"}, ("a", "b")]))  # type: ignore[list-item]


def test_one_megabyte_message() -> None:
    filler = "I have a question about how long clonazepam stays in the body. " * 16_000
    message = filler + "my friend just took 20 klonopin and won't wake up"
    assert len(message) > 1_000_000
    start = time.perf_counter()
    decision = classify(message)
    assert decision.route is Route.EMERGENCY
    assert time.perf_counter() - start < 30
