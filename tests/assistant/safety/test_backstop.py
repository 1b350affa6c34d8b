"""Semantic backstop: escalates only, only where the rules saw nothing, and switches off cleanly."""

from __future__ import annotations

import pytest

from assistant.reply import Route
from assistant.safety import SemanticBackstop, classify
from assistant.safety.backstop import DEFAULT_THRESHOLD
from index.shared.embeddings import HashingEmbeddings

ODD = "everything is grey and I keep imagining the quiet after the last goodbye"
EXEMPLARS = {
    Route.CRISIS: (ODD,),
    Route.NONE: ("how long does clonazepam withdrawal last",),
}


class Broken:
    def __init__(self) -> None:
        self.calls = 0

    def embed_documents(self, texts):
        self.calls += 1
        raise RuntimeError("model missing")

    def embed_query(self, text):
        raise RuntimeError("model missing")


def test_no_model_means_disabled_and_silent() -> None:
    backstop = SemanticBackstop(None)
    assert not backstop.enabled
    assert backstop.check(ODD) is None
    assert classify(ODD, backstop=backstop).rule == "none.no_signal"


def test_failing_model_disables_itself_without_raising() -> None:
    broken = Broken()
    backstop = SemanticBackstop(broken)
    assert backstop.enabled
    assert classify(ODD, backstop=backstop).route is Route.NONE
    assert not backstop.enabled
    assert backstop.check(ODD) is None and broken.calls == 1
    assert classify("she took 20 klonopin", backstop=backstop).route is Route.EMERGENCY


def test_escalates_an_unrouted_message_like_an_exemplar() -> None:
    backstop = SemanticBackstop(HashingEmbeddings(), threshold=0.6, exemplars=EXEMPLARS)
    decision = classify(ODD, backstop=backstop)
    assert decision.route is Route.CRISIS and decision.layer == "backstop"
    assert decision.rule == "backstop.crisis" and "similarity" in decision.reason
    assert classify("how long does clonazepam withdrawal last", backstop=backstop).route is Route.NONE


def test_exemplars_are_embedded_once_lazily() -> None:
    embeddings = HashingEmbeddings()
    backstop = SemanticBackstop(embeddings, exemplars=EXEMPLARS)
    assert embeddings.calls == 0
    backstop.check(ODD)
    backstop.check("another message entirely here")
    assert embeddings.texts_embedded == 2 + 2  # two exemplars once, two queries


def test_never_downgrades_or_overrides_a_rule_decision() -> None:
    calm = {
        Route.NONE: ("my friend took 20 klonopin and won't wake up",),
        Route.CRISIS: ("I'm not suicidal",),
    }
    backstop = SemanticBackstop(HashingEmbeddings(), threshold=0.0, margin=-1.0, exemplars=calm)
    assert (
        classify("my friend took 20 klonopin and won't wake up", backstop=backstop).route is Route.EMERGENCY
    )
    negated = classify(
        "I'm not suicidal", backstop=backstop
    )  # the negated clause is masked from the backstop
    assert negated.route is Route.NONE and negated.rule == "none.negated"


def test_default_threshold_is_the_calibrated_one() -> None:
    assert SemanticBackstop(None).threshold == DEFAULT_THRESHOLD == 0.54


def test_general_questions_are_not_escalated_to_emergency_or_supervision() -> None:
    """A question with nobody in it may reach crisis (a lethal-amount question needs nobody) but
    never emergency or medical supervision, whatever its similarity."""
    question = "why are benzos and opioids a risky combination?"
    for route in (Route.EMERGENCY, Route.MEDICAL_SUPERVISION):
        exemplars = {route: (question,), Route.NONE: ("what is the capital of france",)}
        backstop = SemanticBackstop(HashingEmbeddings(), threshold=0.5, exemplars=exemplars)
        assert backstop.check(question) is not None  # the backstop alone would escalate
        assert classify(question, backstop=backstop).route is Route.NONE
    crisis = {Route.CRISIS: (question,), Route.NONE: ("what is the capital of france",)}
    backstop = SemanticBackstop(HashingEmbeddings(), threshold=0.5, exemplars=crisis)
    assert classify(question, backstop=backstop).route is Route.CRISIS


def test_vector_math_is_numpy_and_matches_cosine() -> None:
    embeddings = HashingEmbeddings()
    backstop = SemanticBackstop(embeddings, exemplars=EXEMPLARS)
    best = backstop.scores(ODD)
    assert best is not None
    score, text = best[Route.CRISIS]
    assert text == ODD and score == pytest.approx(1.0, abs=1e-5)
    other = best[Route.NONE][0]
    a, b = embeddings.embed_query(ODD), embeddings.embed_query(EXEMPLARS[Route.NONE][0])
    assert other == pytest.approx(sum(x * y for x, y in zip(a, b, strict=True)), abs=1e-5)


@pytest.mark.slow
def test_real_model_catches_a_paraphrase_and_leaves_questions(real_embeddings) -> None:
    backstop = SemanticBackstop(real_embeddings)
    message = "he took something and now he's grey and not really there"
    assert classify(message).route is Route.NONE  # the rules do not know this phrasing
    assert classify(message, backstop=backstop).route is Route.EMERGENCY
    for question in (
        "what does clonazepam do to the brain?",
        "is it normal to feel tired on klonopin",
        "how long does it take to get through rehab?",
        "why do benzos and opioids together slow your breathing so much?",
    ):
        assert classify(question, backstop=backstop).route is Route.NONE
