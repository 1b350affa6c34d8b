"""Learned escalation layer: loads and predicts with numpy, escalates only where the router lets a
model layer escalate, and switches off cleanly (None, never an exception) when anything is missing."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant import safety
from assistant.reply import Route
from assistant.safety import LearnedEscalation, SemanticBackstop, classify
from assistant.safety import fit as fitting
from assistant.safety.learned import DEFAULT_MODEL_PATH, LearnedModel, best_route
from index.shared.embeddings import HashingEmbeddings
from tests.assistant.safety.layers import FixedLayer

ODD = "everything is grey and I keep imagining the quiet after the last goodbye"
CALM = "how long does clonazepam withdrawal last"
ROUTES = tuple(r.value for r in Route)


def toy_model(embeddings: HashingEmbeddings, route: Route = Route.CRISIS, **changes) -> LearnedModel:
    """A model whose `route` row is the hashing vector of ODD: high probability for ODD, low elsewhere."""
    weights = np.zeros((len(ROUTES), embeddings.dimension))
    weights[ROUTES.index(route.value)] = 12.0 * np.asarray(embeddings.embed_query(ODD))
    bias = np.zeros(len(ROUTES))
    bias[ROUTES.index("none")] = 4.0
    model = LearnedModel(
        routes=ROUTES,
        weights=tuple(tuple(row) for row in weights),
        bias=tuple(bias),
        threshold=0.5,
        dimension=embeddings.dimension,
    )
    return replace(model, **changes)


def always(route: Route, embeddings: HashingEmbeddings) -> LearnedModel:
    """A model that gives `route` probability ~1 to any text."""
    bias = [0.0] * len(ROUTES)
    bias[ROUTES.index(route.value)] = 30.0
    zero = tuple(tuple([0.0] * embeddings.dimension) for _ in ROUTES)
    return LearnedModel(ROUTES, zero, tuple(bias), 0.5, embeddings.dimension)


class Broken:
    def embed_query(self, text):
        raise RuntimeError("model missing")

    def embed_documents(self, texts):
        raise RuntimeError("model missing")


# -- the checked-in coefficients --------------------------------------------------------------------


def test_checked_in_model_loads_and_predicts_a_distribution() -> None:
    model = LearnedModel.load(DEFAULT_MODEL_PATH)
    assert model.dimension == 384 and set(model.routes) == set(ROUTES)
    assert 0.3 <= model.threshold < 1.0
    rng = np.random.default_rng(0)
    vector = rng.normal(size=model.dimension)
    vector /= np.linalg.norm(vector)
    first, second = model.probabilities(vector), model.probabilities(vector.tolist())
    assert first == second  # deterministic, whatever the container
    assert sum(first.values()) == pytest.approx(1.0) and all(0.0 <= p <= 1.0 for p in first.values())


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = toy_model(HashingEmbeddings(), note="toy")
    model.save(tmp_path / "model.json")
    assert LearnedModel.load(tmp_path / "model.json") == model


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("weights"),
        lambda d: d.update(threshold=1.5),
        lambda d: d.update(routes=["none", "crisis", "crisis", "emergency"]),
        lambda d: d["weights"][0].pop(),
        lambda d: d.update(bias=[0.0]),
    ],
)
def test_inconsistent_coefficients_are_refused(tmp_path: Path, damage) -> None:
    data = json.loads(json.dumps(json.loads(DEFAULT_MODEL_PATH.read_text())))
    damage(data)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    with pytest.raises((KeyError, ValueError)):
        LearnedModel.load(path)
    assert not LearnedEscalation(HashingEmbeddings(384), path).enabled


# -- escalation ---------------------------------------------------------------------------------------


def test_escalates_an_unrouted_message_and_names_layer_route_and_probability() -> None:
    embeddings = HashingEmbeddings()
    learned = LearnedEscalation(embeddings, model=toy_model(embeddings))
    assert classify(ODD).rule == "none.no_signal"  # the rules do not know this phrasing
    decision = classify(ODD, backstop=learned)
    probability = learned.probabilities(ODD)[Route.CRISIS]
    assert decision.route is Route.CRISIS and decision.layer == "learned"
    assert decision.rule == "learned.crisis"
    assert "learned" in decision.reason and "crisis" in decision.reason
    assert f"probability {probability:.2f}" in decision.reason
    assert classify(CALM, backstop=learned).route is Route.NONE


def test_threshold_is_the_models_unless_given() -> None:
    embeddings = HashingEmbeddings()
    model = toy_model(embeddings)
    p = LearnedEscalation(embeddings, model=model).probabilities(ODD)[Route.CRISIS]
    assert LearnedEscalation(embeddings, model=model).threshold == model.threshold
    assert LearnedEscalation(embeddings, model=model, threshold=p - 0.01).check(ODD) is not None
    assert LearnedEscalation(embeddings, model=model, threshold=p + 0.01).check(ODD) is None


def test_prediction_matches_a_softmax_of_the_stored_coefficients() -> None:
    embeddings = HashingEmbeddings()
    model = toy_model(embeddings)
    x = np.asarray(embeddings.embed_query(ODD))
    logits = np.asarray(model.weights) @ x + np.asarray(model.bias)
    expected = np.exp(logits) / np.exp(logits).sum()
    got = LearnedEscalation(embeddings, model=model).probabilities(ODD)
    assert [got[Route(r)] for r in ROUTES] == pytest.approx(expected.tolist())
    assert best_route(got) == (Route.CRISIS, pytest.approx(expected[ROUTES.index("crisis")]))


def test_too_short_messages_are_not_judged() -> None:
    embeddings = HashingEmbeddings()
    assert LearnedEscalation(embeddings, model=always(Route.CRISIS, embeddings)).check("so tired") is None


# -- escalation only: the router's verdicts and guards stand --------------------------------------------


def test_never_downgrades_or_overrides_a_rule_decision() -> None:
    embeddings = HashingEmbeddings()
    calm = LearnedEscalation(embeddings, model=always(Route.NONE, embeddings))
    crisis = LearnedEscalation(embeddings, model=always(Route.CRISIS, embeddings))
    assert classify("my friend took 20 klonopin and won't wake up", backstop=calm).route is Route.EMERGENCY
    assert classify("my friend took 20 klonopin and won't wake up", backstop=crisis).route is Route.EMERGENCY
    # Negated, past and idiomatic clauses are masked out, so even a layer that says "crisis" to
    # everything sees nothing to escalate.
    for message, rule in (
        ("I'm not suicidal", "none.negated"),
        ("this homework is killing me", "none.idiom"),
        ("I overdosed years ago", "none.past"),
    ):
        decision = classify(message, backstop=crisis)
        assert decision.route is Route.NONE and decision.rule == rule, (message, decision)


def test_general_questions_are_not_escalated_to_emergency_or_supervision() -> None:
    embeddings = HashingEmbeddings()
    question = "why are benzos and opioids a risky combination?"
    for route in (Route.EMERGENCY, Route.MEDICAL_SUPERVISION):
        learned = LearnedEscalation(embeddings, model=always(route, embeddings))
        assert learned.check(question) is not None  # the layer alone would escalate
        assert classify(question, backstop=learned).route is Route.NONE
    learned = LearnedEscalation(embeddings, model=always(Route.CRISIS, embeddings))
    assert classify(question, backstop=learned).route is Route.CRISIS


def test_layers_are_asked_in_order_and_a_vetoed_escalation_leaves_the_next() -> None:
    embeddings = HashingEmbeddings()
    question = "why are benzos and opioids a risky combination?"
    emergency = LearnedEscalation(embeddings, model=always(Route.EMERGENCY, embeddings))
    crisis = LearnedEscalation(embeddings, model=always(Route.CRISIS, embeddings))
    assert classify(ODD, backstop=(crisis, emergency)).route is Route.CRISIS
    assert classify(ODD, backstop=(emergency, crisis)).route is Route.EMERGENCY
    assert classify(question, backstop=(emergency, crisis)).route is Route.CRISIS
    assert classify(ODD, backstop=(None, crisis)).route is Route.CRISIS
    assert classify(ODD, backstop=()).rule == "none.no_signal"


# -- switching off ---------------------------------------------------------------------------------


def test_no_embeddings_means_disabled_and_silent() -> None:
    learned = LearnedEscalation(None)
    assert not learned.enabled and learned.check(ODD) is None
    assert classify(ODD, backstop=learned).rule == "none.no_signal"


def test_missing_or_corrupt_file_switches_off_and_rules_keep_working(tmp_path: Path, caplog) -> None:
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"routes": ["none", ')
    for path in (tmp_path / "missing.json", corrupt):
        with caplog.at_level(logging.WARNING):
            learned = LearnedEscalation(HashingEmbeddings(384), path)
        assert not learned.enabled and learned.check(ODD) is None
        assert "learned escalation disabled" in caplog.text
        assert classify(ODD, backstop=learned).rule == "none.no_signal"
        assert classify("she took 20 klonopin", backstop=learned).route is Route.EMERGENCY


def test_failing_embeddings_return_none_without_raising() -> None:
    learned = LearnedEscalation(Broken(), model=always(Route.CRISIS, HashingEmbeddings()))
    assert learned.check(ODD) is None
    assert classify(ODD, backstop=learned).route is Route.NONE
    assert classify("she took 20 klonopin", backstop=learned).route is Route.EMERGENCY


def test_embeddings_of_another_dimension_switch_it_off() -> None:
    learned = LearnedEscalation(HashingEmbeddings(256))  # the checked-in model wants 384 values
    assert learned.enabled
    assert learned.check(ODD) is None and not learned.enabled
    assert classify(ODD, backstop=learned).route is Route.NONE


# -- the fit command's threshold rule ------------------------------------------------------------------


def _prediction(source: str, label: str, probability: float, route: str = "crisis") -> fitting.Prediction:
    p = np.full(len(ROUTES), (1.0 - probability) / (len(ROUTES) - 1))
    p[ROUTES.index(route)] = probability
    row = fitting.Row("text", label, source, shown="text shown", allowed=frozenset(ROUTES) - {"none"})
    return fitting.Prediction(row, p, p)


def test_threshold_rule_is_the_lowest_that_keeps_false_escalations_within_bounds() -> None:
    none = [_prediction("safety", "none", 0.1)] * 96 + [
        _prediction("safety", "none", p) for p in (0.9, 0.8, 0.7, 0.6)
    ]
    qa = [_prediction("qa", "none", 0.1)] * 98 + [_prediction("qa", "none", p) for p in (0.65, 0.55)]
    # dev none allows 3 of 100 (t > 0.6), QA allows 1 of 100 (t > 0.55): the lowest grid point is 0.61
    assert fitting.choose_threshold(none + qa) == 0.61
    vetoed = [replace(p, row=replace(p.row, allowed=frozenset())) for p in none]
    assert fitting.choose_threshold(vetoed + qa) == 0.56  # the router's guard stops those


def test_fit_refuses_held_out_files(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        fitting.collect(tmp_path / "safety.heldout.jsonl", tmp_path / "qa.jsonl")


# -- the real model ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fit_reproduces_the_checked_in_model(real_embeddings) -> None:
    checked_in = LearnedModel.load(DEFAULT_MODEL_PATH)
    refitted = fitting.fit(real_embeddings).model
    assert refitted.threshold == checked_in.threshold
    assert refitted.routes == checked_in.routes
    np.testing.assert_allclose(refitted.weights, checked_in.weights, rtol=1e-3, atol=1e-5)
    np.testing.assert_allclose(refitted.bias, checked_in.bias, rtol=1e-3, atol=1e-5)


@pytest.mark.slow
def test_real_model_escalates_unseen_wording_and_leaves_everyday_questions(real_embeddings) -> None:
    learned = LearnedEscalation(real_embeddings)
    message = "he took something and now he's grey and not really there"
    assert classify(message).route is Route.NONE  # the rules do not know this phrasing
    decision = classify(message, backstop=learned)
    assert decision.route is Route.EMERGENCY and decision.layer == "learned"
    for question in (
        "what does clonazepam do to the brain?",
        "is it normal to feel tired on klonopin",
        "how long does it take to get through rehab?",
        "why do benzos and opioids together slow your breathing so much?",
        "What's the weather tomorrow?",
    ):
        assert classify(question, backstop=(learned, SemanticBackstop(real_embeddings))).route is Route.NONE


# -- the backstop veto -----------------------------------------------------------------------------


def test_veto_drops_a_backstop_escalation_the_learned_model_calls_clearly_none() -> None:
    embeddings = HashingEmbeddings()
    sure_none = LearnedEscalation(
        embeddings, model=replace(always(Route.NONE, embeddings), backstop_veto=0.6)
    )
    vetoed = safety.VetoedBackstop(FixedLayer(Route.MEDICAL_SUPERVISION), sure_none)
    assert vetoed.check(ODD) is None
    assert classify(ODD, backstop=vetoed).route is Route.NONE
    # rules are never vetoed: the layers are not even asked when a rule routes
    assert classify("she took 20 klonopin and won't wake up", backstop=vetoed).route is Route.EMERGENCY


def test_veto_keeps_the_escalation_when_the_model_is_unsure_off_or_never_vetoes() -> None:
    embeddings = HashingEmbeddings()
    backstop = FixedLayer(Route.CRISIS)
    unsure = LearnedEscalation(embeddings, model=replace(always(Route.CRISIS, embeddings), backstop_veto=0.6))
    assert safety.VetoedBackstop(backstop, unsure).check(ODD).route is Route.CRISIS
    never = LearnedEscalation(embeddings, model=always(Route.NONE, embeddings))  # backstop_veto 1.0
    assert never.model.backstop_veto == 1.0
    assert safety.VetoedBackstop(backstop, never).check(ODD).route is Route.CRISIS
    for off in (
        None,
        LearnedEscalation(None),
        LearnedEscalation(Broken(), model=always(Route.NONE, embeddings)),
    ):
        assert safety.VetoedBackstop(backstop, off).check(ODD).route is Route.CRISIS


def test_backstop_veto_must_be_a_probability() -> None:
    embeddings = HashingEmbeddings()
    for bad in (0.0, 1.5):
        with pytest.raises(ValueError):
            replace(always(Route.NONE, embeddings), backstop_veto=bad)


def test_veto_rule_is_the_lowest_none_probability_losing_at_most_2_percent_of_correct_escalations() -> None:
    def routed(none_probability: float, text: str) -> fitting.Prediction:
        p = np.full(len(ROUTES), (1.0 - none_probability) / (len(ROUTES) - 1))
        p[ROUTES.index("none")] = none_probability
        row = fitting.Row(text, "crisis", "safety", accepted=frozenset({"crisis"}))
        return fitting.Prediction(row, p, None)

    # 100 correct backstop escalations: 98 with P(none) 0.1, then 0.7 and 0.8; one it gets wrong at 0.95
    correct = [routed(0.1, "hit")] * 98 + [routed(0.7, "hit"), routed(0.8, "hit")]
    missed = [routed(0.95, "miss")]
    route = {"hit": "crisis", "miss": ""}.get
    # at 0.50 the veto loses the 0.7 and 0.8 rows: 2 <= 2% of 100, so the lowest grid point qualifies;
    # the case the backstop gets wrong does not count
    assert fitting.choose_veto(correct + missed, route) == 0.5
    correct = [routed(0.1, "hit")] * 97 + [routed(p, "hit") for p in (0.6, 0.7, 0.8)]
    assert fitting.choose_veto(correct, route) == 0.61  # from 0.61 up it loses 2 (0.7, 0.8)
    assert fitting.choose_veto([routed(0.99, "hit")], route) == 1.0  # nothing qualifies: no veto
