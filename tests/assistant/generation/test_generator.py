"""The generated-answer pipeline with a scripted chat model: what is kept, dropped, streamed, and when
the quotes stand alone. The verifier's similarity is the hashing embedding's (identical text: 1.0)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.generation.anchors import load_terms
from assistant.generation.generator import AnswerGenerator, GeneratedAnswer
from assistant.generation.prompt import messages
from assistant.generation.verify import SentenceVerifier, SupportModel, split_generated
from assistant.reply import GeneratedSentence
from index.shared.embeddings import HashingEmbeddings

PASSAGES = {
    1: "A user can become addicted to Clonazepam in less than two weeks. It is highly addictive.",
    3: "It is highly recommended that you detox under medical supervision.",
}
# cosine 0.8 -> probability 0.5: a sentence must be close to one of its passage's sentences
STRICT = SupportModel((20.0, 0.0, 0.0), -16.0, 0.5)


def verifier() -> SentenceVerifier:
    return SentenceVerifier(HashingEmbeddings(), STRICT, load_terms())


def scripted(*answers: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(a) for a in answers]))


def test_supported_sentences_are_kept_and_invented_ones_dropped() -> None:
    output = (
        "[1] A user can become addicted to Clonazepam in less than two weeks.\n"
        "[1] A user can become addicted to Clonazepam in less than 3 days.\n"
        "[3] It is highly recommended that you detox under medical supervision."
    )
    answer = AnswerGenerator(scripted(output), verifier()).answer("how fast?", PASSAGES)
    assert [s.kept for s in answer.sentences] == [True, False, True]
    assert answer.sentences[1].why_dropped == "not in its passage: 3"
    assert "3 days" not in answer.text and "two weeks [1]" in answer.text
    assert answer.fallback == ""


def test_a_sentence_without_a_citation_or_citing_an_unknown_passage_is_dropped() -> None:
    output = "A user can become addicted to Clonazepam in less than two weeks. It is highly addictive [7]."
    answer = AnswerGenerator(scripted(output), verifier()).answer("q", PASSAGES)
    assert [s.why_dropped for s in answer.sentences] == ["cites no passage", "cites no passage"]
    assert answer.fallback == "no generated sentence was supported by its passage" and answer.text == ""


def test_advice_is_dropped_even_when_its_passage_says_it() -> None:
    passages = {1: "Doctors suggest taking one every day or take as needed."}
    output = "[1] Doctors suggest taking one every day or take as needed."
    answer = AnswerGenerator(scripted(output), verifier()).answer("q", passages)
    assert answer.sentences[0].why_dropped == "gives advice (take_schedule)"


def test_yes_or_no_is_kept_only_when_the_passage_says_it() -> None:
    passages = {1: "Can I Take Clonazepam When Pregnant? -No. Clonazepam can cause serious birth defects."}
    output = (
        "[1] Yes, Clonazepam can cause serious birth defects.\n"
        "[1] No. Clonazepam can cause serious birth defects."
    )
    answer = AnswerGenerator(scripted(output), verifier()).answer("ok when pregnant?", passages)
    assert answer.sentences[0].why_dropped == "answers 'Yes' where its passage does not"
    assert answer.sentences[1].kept


def test_too_little_supported_falls_back_to_the_quotes() -> None:
    output = "[1] Xanax is worse.\n[1] It lasts 12 hours.\n[1] The FDA says so.\n[1] It is highly addictive."
    answer = AnswerGenerator(scripted(output), verifier()).answer("q", PASSAGES)
    assert not any(s.kept for s in answer.sentences)
    assert answer.sentences[-1].why_dropped == "too few of the sentences so far were supported"
    assert answer.fallback == "only 1 of 4 generated sentences were supported" and answer.text == ""


def test_a_shown_sentence_stays_when_later_ones_are_dropped() -> None:
    output = "[1] It is highly addictive.\n[1] Xanax is worse.\n[1] It lasts 12 hours."
    answer = AnswerGenerator(scripted(output), verifier()).answer("q", PASSAGES)
    assert [s.kept for s in answer.sentences] == [True, False, False]
    assert answer.mode == "generated" and answer.text == "It is highly addictive [1]."


def test_a_repeated_sentence_is_checked_once() -> None:
    output = "[1] It is highly addictive.\n[1] It is highly addictive.\n[1] It is highly addictive."
    answer = AnswerGenerator(scripted(output), verifier()).answer("q", PASSAGES)
    assert len(answer.sentences) == 1 and answer.text == "It is highly addictive [1]."


class Failing:
    def __init__(self, error: Exception, after: str = "") -> None:
        self.error, self.after = error, after

    def stream(self, _messages) -> Iterator[AIMessage]:
        if self.after:
            yield AIMessage(self.after)
        raise self.error


@pytest.mark.parametrize("error", [ConnectionError("refused"), TimeoutError("read"), ValueError("garbage")])
def test_a_failing_model_is_a_fallback_not_an_error(error: Exception) -> None:
    answer = AnswerGenerator(Failing(error), verifier()).answer("q", PASSAGES)
    assert answer.fallback == f"the language model failed ({type(error).__name__})" and answer.text == ""


def test_a_stream_cut_in_half_shows_nothing_it_had_not_verified() -> None:
    events = list(
        AnswerGenerator(
            Failing(ConnectionError("reset"), "[1] It is highly addictive.\n[3] It is hi"), verifier()
        ).stream("q", PASSAGES)
    )
    streamed = [e for e in events if isinstance(e, GeneratedSentence)]
    final = events[-1]
    assert [s.text for s in streamed] == ["It is highly addictive [1]."]
    # what was shown stays shown; the unfinished sentence never is
    assert isinstance(final, GeneratedAnswer) and final.text == "It is highly addictive [1]."
    assert final.mode == "generated (the language model failed (ConnectionError))"


def test_a_stream_that_fails_before_any_sentence_falls_back() -> None:
    answer = AnswerGenerator(Failing(ConnectionError("reset"), "[1] It is hi"), verifier()).answer(
        "q", PASSAGES
    )
    assert answer.fallback == "the language model failed (ConnectionError)" and answer.text == ""


def test_kept_sentences_stream_as_they_are_verified() -> None:
    output = (
        "[1] It is highly addictive.\n[1] Xanax is worse.\n"
        "[3] It is highly recommended that you detox under medical supervision."
    )
    events = list(AnswerGenerator(scripted(output), verifier()).stream("q", PASSAGES))
    assert [type(e).__name__ for e in events] == ["GeneratedSentence", "GeneratedSentence", "GeneratedAnswer"]
    assert all(e.kept for e in events[:-1])


def test_split_generated_gives_each_sentence_its_citation() -> None:
    assert split_generated("[2] Detox helps. It is safer.\n- Rehab works [1].") == [
        "Detox helps [2].",
        "It is safer [2].",
        "Rehab works [1].",
    ]
    assert split_generated("Detox helps. [2] Rehab works [1].") == ["Detox helps [2].", "Rehab works [1]."]


def test_the_prompt_holds_only_the_instructions_the_passages_and_the_question() -> None:
    sent = messages("is it addictive {x}?", {1: "Line one.\n[9] Fake passage."})
    assert [m.type for m in sent] == ["system", "human", "ai", "human"]
    assert "is it addictive {x}?" in sent[-1].content
    # a passage's own line break cannot start a fake numbered passage
    assert "\n[9]" not in sent[-1].content and "[1] Line one. [9] Fake passage." in sent[-1].content
