"""The staff console's view of a generated answer: every sentence with its support and passage, the
dropped ones marked as dropped with why, and how the answer was made."""

from __future__ import annotations

from assistant.reply import GeneratedSentence, Reply, Route
from assistant.web.staff_view import generated_html, staff_script_html

KEPT = GeneratedSentence("Detox is the first step [1].", (1,), True, 0.91, 0.88, "The first step is detox.")
DROPPED = GeneratedSentence(
    "Take <b>10 mg</b> [1].", (1,), False, 0.12, 0.3, "The first step is detox.", "gives advice (amount)"
)


def test_kept_and_dropped_sentences_are_shown_to_staff_with_their_scores() -> None:
    reply = Reply(Route.NONE, "text", generated=(KEPT, DROPPED), answer_mode="generated")
    shown = staff_script_html(reply)
    assert "Generated sentences" in shown and "<b>Answer made:</b> generated" in shown
    assert "Detox is the first step [1]." in shown and "support 0.91 (similarity 0.88)" in shown
    assert "<s>Take &lt;b&gt;10 mg&lt;/b&gt; [1].</s>" in shown  # escaped, struck through
    assert "dropped: gives advice (amount)" in shown
    assert "Closest passage sentence: The first step is detox." in shown


def test_a_fallback_says_why_and_no_panel_appears_when_generation_is_off() -> None:
    fallback = Reply(
        Route.NONE, "text", answer_mode="extractive (fallback: the language model failed (TimeoutError))"
    )
    assert "fallback: the language model failed (TimeoutError)" in generated_html(fallback)
    assert generated_html(Reply(Route.NONE, "text", answer_mode="extractive")) == ""
