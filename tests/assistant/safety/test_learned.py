"""Learned escalation layer: the n-gram model loads and predicts, escalates only where the router
lets a model layer escalate, and switches off cleanly (None, never an exception) when anything is
missing or broken."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant import safety
from assistant.reply import Route
from assistant.safety import LearnedEscalation, SemanticBackstop, classify
from assistant.safety.fit import data as fit_data
from assistant.safety.fit import oof
from assistant.safety.learned import DEFAULT_MODEL_PATH, LearnedModel, best_route, prepare
from tests.assistant.safety.layers import FixedLayer

ODD = "everything is grey and I keep imagining the quiet after the last goodbye"
CALM = "how long does clonazepam withdrawal last"
ROUTES = tuple(r.value for r in Route)


def toy_model(route: Route = Route.CRISIS, **changes) -> LearnedModel:
    """A model whose only informative n-gram is the word "goodbye" (in ODD), pointing to `route`."""
    weights = np.zeros((len(ROUTES), 2))
    weights[ROUTES.index(route.value), 1] = 12.0
    bias = np.zeros(len(ROUTES))
    bias[ROUTES.index("none")] = 4.0
    model = LearnedModel(
        routes=ROUTES,
        char_ngrams=("zq",),
        char_idf=np.ones(1),
        word_ngrams=("goodbye",),
        word_idf=np.ones(1),
        weights=weights,
        bias=bias,
        threshold=0.5,
    )
    return replace(model, **changes)


def always(route: Route) -> LearnedModel:
    """A model that gives `route` probability ~1 to any text."""
    bias = np.zeros(len(ROUTES))
    bias[ROUTES.index(route.value)] = 30.0
    return toy_model(weights=np.zeros((len(ROUTES), 2)), bias=bias)


class Broken:
    """A model whose prediction fails."""

    threshold = 0.5
    backstop_veto = 1.0

    def probabilities(self, text):
        raise RuntimeError("corrupt weights")


# -- the checked-in model ---------------------------------------------------------------------------


def test_checked_in_model_loads_and_predicts_a_distribution() -> None:
    model = LearnedModel.load(DEFAULT_MODEL_PATH)
    assert set(model.routes) == set(ROUTES) and len(model.char_ngrams) > 1000
    assert 0.3 <= model.threshold < 1.0 and 0.5 <= model.backstop_veto <= 1.0
    first, second = model.probabilities(ODD), model.probabilities(ODD)
    assert first == second  # deterministic
    assert sum(first.values()) == pytest.approx(1.0) and all(0.0 <= p <= 1.0 for p in first.values())
    assert "python -m assistant.safety.fit" in model.note


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = toy_model(note="toy", backstop_veto=0.7)
    model.save(tmp_path / "model.npz")
    loaded = LearnedModel.load(tmp_path / "model.npz")
    assert (loaded.routes, loaded.char_ngrams, loaded.word_ngrams) == (model.routes, ("zq",), ("goodbye",))
    assert (loaded.threshold, loaded.backstop_veto, loaded.note) == (0.5, 0.7, "toy")
    np.testing.assert_array_equal(loaded.weights, model.weights)
    assert loaded.probabilities(ODD) == pytest.approx(model.probabilities(ODD))


@pytest.mark.parametrize(
    "damage",
    [
        {"threshold": 1.5},
        {"backstop_veto": 0.0},
        {"routes": ("none", "crisis", "crisis", "emergency")},
        {"weights": np.zeros((4, 3))},
        {"bias": np.zeros(1)},
        {"word_idf": np.ones(2)},
        {"weights": np.full((4, 2), np.nan)},
    ],
)
def test_inconsistent_models_are_refused(damage) -> None:
    with pytest.raises(ValueError):
        toy_model(**damage)


def test_a_file_missing_an_array_is_refused_and_switches_the_layer_off(tmp_path: Path) -> None:
    with np.load(DEFAULT_MODEL_PATH, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files if k != "weights"}
    path = tmp_path / "model.npz"
    np.savez(path, **arrays)
    with pytest.raises(KeyError):
        LearnedModel.load(path)
    assert not LearnedEscalation(path).enabled


# -- escalation ---------------------------------------------------------------------------------------


def test_escalates_an_unrouted_message_and_names_layer_route_and_probability() -> None:
    learned = LearnedEscalation(model=toy_model())
    assert classify(ODD).rule == "none.no_signal"  # the rules do not know this phrasing
    decision = classify(ODD, backstop=learned)
    probability = learned.probabilities(ODD)[Route.CRISIS]
    assert decision.route is Route.CRISIS and decision.layer == "learned"
    assert decision.rule == "learned.crisis" and decision.probability == pytest.approx(probability, abs=1e-3)
    assert "learned model (not a rule)" in decision.reason and "crisis" in decision.reason
    assert f"probability {probability:.2f}" in decision.reason
    assert classify(CALM, backstop=learned).route is Route.NONE


def test_threshold_is_the_models_unless_given() -> None:
    model = toy_model()
    p = LearnedEscalation(model=model).probabilities(ODD)[Route.CRISIS]
    assert LearnedEscalation(model=model).threshold == model.threshold
    assert LearnedEscalation(model=model, threshold=p - 0.01).check(ODD) is not None
    assert LearnedEscalation(model=model, threshold=p + 0.01).check(ODD) is None


def test_prediction_is_a_softmax_of_the_stored_weights_on_the_tf_idf_vector() -> None:
    model = toy_model()
    # ODD has "goodbye" once and no "zq": the word vector is [1] after l2 normalisation, chars [0]
    logits = model.weights @ np.array([0.0, 1.0]) + model.bias
    expected = np.exp(logits) / np.exp(logits).sum()
    got = LearnedEscalation(model=model).probabilities(ODD)
    assert [got[Route(r)] for r in ROUTES] == pytest.approx(expected.tolist())
    assert best_route(got) == (Route.CRISIS, pytest.approx(expected[ROUTES.index("crisis")]))


def test_the_model_reads_the_normalised_text_so_case_zero_width_and_homoglyphs_do_not_matter() -> None:
    model = LearnedModel.load(DEFAULT_MODEL_PATH)
    message = "i cant do this anymore, i want it all to stop for good"
    for variant in (
        message.upper(),
        message.replace("want", "w\u200bant"),
        message.replace("o", "\u043e"),  # Cyrillic o
        "  ".join(message.split()),
    ):
        assert prepare(variant) == prepare(message), variant
        assert model.probabilities(variant) == pytest.approx(model.probabilities(message))


def test_too_short_messages_are_not_judged() -> None:
    assert LearnedEscalation(model=always(Route.CRISIS)).check("so tired") is None


# -- escalation only: the router's verdicts and guards stand --------------------------------------------


def test_never_downgrades_or_overrides_a_rule_decision() -> None:
    calm = LearnedEscalation(model=always(Route.NONE))
    crisis = LearnedEscalation(model=always(Route.CRISIS))
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
    question = "why are benzos and opioids a risky combination?"
    for route in (Route.EMERGENCY, Route.MEDICAL_SUPERVISION):
        learned = LearnedEscalation(model=always(route))
        assert learned.check(question) is not None  # the layer alone would escalate
        assert classify(question, backstop=learned).route is Route.NONE
    learned = LearnedEscalation(model=always(Route.CRISIS))
    assert classify(question, backstop=learned).route is Route.CRISIS


def test_layers_are_asked_in_order_and_a_vetoed_escalation_leaves_the_next() -> None:
    question = "why are benzos and opioids a risky combination?"
    emergency = LearnedEscalation(model=always(Route.EMERGENCY))
    crisis = LearnedEscalation(model=always(Route.CRISIS))
    assert classify(ODD, backstop=(crisis, emergency)).route is Route.CRISIS
    assert classify(ODD, backstop=(emergency, crisis)).route is Route.EMERGENCY
    assert classify(question, backstop=(emergency, crisis)).route is Route.CRISIS
    assert classify(ODD, backstop=(None, crisis)).route is Route.CRISIS
    assert classify(ODD, backstop=()).rule == "none.no_signal"


# -- switching off ---------------------------------------------------------------------------------


def test_no_model_means_disabled_and_silent() -> None:
    learned = LearnedEscalation(None)
    assert not learned.enabled and learned.check(ODD) is None
    assert classify(ODD, backstop=learned).rule == "none.no_signal"


def test_missing_or_corrupt_file_switches_off_and_rules_keep_working(tmp_path: Path, caplog) -> None:
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04 not a zip at all")
    for path in (tmp_path / "missing.npz", corrupt):
        with caplog.at_level(logging.WARNING):
            learned = LearnedEscalation(path)
        assert not learned.enabled and learned.check(ODD) is None
        assert "learned escalation disabled" in caplog.text
        assert str(tmp_path) not in caplog.text.split("Traceback")[0]  # the file is named, not its path
        assert classify(ODD, backstop=learned).rule == "none.no_signal"
        assert classify("she took 20 klonopin", backstop=learned).route is Route.EMERGENCY


def test_a_failing_prediction_returns_none_without_raising_and_switches_off() -> None:
    learned = LearnedEscalation(model=Broken())
    assert learned.check(ODD) is None and not learned.enabled
    assert classify(ODD, backstop=learned).route is Route.NONE
    assert classify("she took 20 klonopin", backstop=learned).route is Route.EMERGENCY


# -- the fit command's threshold rule ------------------------------------------------------------------


def _prediction(source: str, label: str, probability: float, route: str = "crisis") -> oof.Prediction:
    p = np.full(len(ROUTES), (1.0 - probability) / (len(ROUTES) - 1))
    p[ROUTES.index(route)] = probability
    row = fit_data.Row("text", label, source, shown="text shown", allowed=frozenset(ROUTES) - {"none"})
    return oof.Prediction(row, p, p)


def test_threshold_rule_is_the_lowest_that_keeps_false_escalations_within_bounds() -> None:
    none = [_prediction("safety", "none", 0.1)] * 96 + [
        _prediction("safety", "none", p) for p in (0.9, 0.8, 0.7, 0.6)
    ]
    qa = [_prediction("qa", "none", 0.1)] * 98 + [_prediction("qa", "none", p) for p in (0.65, 0.55)]
    # dev none allows 3 of 100 (t > 0.6), QA allows 1 of 100 (t > 0.55): the lowest grid point is 0.61
    assert oof.choose_threshold(none + qa) == 0.61
    vetoed = [replace(p, row=replace(p.row, allowed=frozenset())) for p in none]
    assert oof.choose_threshold(vetoed + qa) == 0.56  # the router's guard stops those


def test_fit_refuses_held_out_files(tmp_path: Path) -> None:
    (tmp_path / "safety.heldout.jsonl").write_text("")
    with pytest.raises(SystemExit):
        fit_data.collect([tmp_path / "safety.heldout.jsonl"])


def test_folds_hold_out_one_writer_each_and_deal_qa_questions_round_robin() -> None:
    rows = [
        fit_data.Row("a", "crisis", "safety", writer="w1"),
        fit_data.Row("b", "none", "safety", writer="w2"),
        fit_data.Row("c", "none", "qa", writer="qa:team"),
        fit_data.Row("d", "none", "qa", writer="qa:team"),
        fit_data.Row("e", "crisis", "exemplar", writer="exemplar"),
        fit_data.Row("f", "emergency", "safety", writer="w1"),
    ]
    assert oof.writer_folds(rows) == [[0, 2, 5], [1, 3]]  # the exemplar is in every training fold


# -- the real model ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fit_reproduces_the_checked_in_model(real_embeddings, tmp_path: Path) -> None:
    from assistant.safety.fit import fitting

    route_of = fitting.backstop_router(SemanticBackstop(real_embeddings))
    refitted = fitting.fit(fit_data.collect(), route_of).model
    refitted.save(tmp_path / "model.npz")
    assert (tmp_path / "model.npz").read_bytes() == DEFAULT_MODEL_PATH.read_bytes()


def test_real_model_escalates_unseen_wording_and_leaves_everyday_questions() -> None:
    learned = LearnedEscalation()
    for message, route in (
        ("he swallowed something and now hes grey and barely there", Route.EMERGENCY),
        ("thinking the whole bottle tonight so it all goes quiet", Route.CRISIS),
        ("leaving my klonnies at home for the whole two week trip, ill be fine", Route.MEDICAL_SUPERVISION),
    ):
        assert classify(message).route is Route.NONE, message  # the rules do not know this phrasing
        decision = classify(message, backstop=learned)
        assert decision.route is route and decision.layer == "learned", (message, decision)
    for question in (
        "what does clonazepam do to the brain?",
        "is it normal to feel tired on klonopin",
        "how long does it take to get through rehab?",
        "why do benzos and opioids together slow your breathing so much?",
        "What's the weather tomorrow?",
    ):
        assert classify(question, backstop=learned).route is Route.NONE, question


# -- the backstop veto -----------------------------------------------------------------------------


def test_veto_drops_a_backstop_escalation_the_learned_model_calls_clearly_none() -> None:
    sure_none = LearnedEscalation(model=replace(always(Route.NONE), backstop_veto=0.6))
    vetoed = safety.VetoedBackstop(FixedLayer(Route.MEDICAL_SUPERVISION), sure_none)
    assert vetoed.check(ODD) is None
    assert classify(ODD, backstop=vetoed).route is Route.NONE
    # rules are never vetoed: the layers are not even asked when a rule routes
    assert classify("she took 20 klonopin and won't wake up", backstop=vetoed).route is Route.EMERGENCY


def test_veto_keeps_the_escalation_when_the_model_is_unsure_off_or_never_vetoes() -> None:
    backstop = FixedLayer(Route.CRISIS)
    unsure = LearnedEscalation(model=replace(always(Route.CRISIS), backstop_veto=0.6))
    assert safety.VetoedBackstop(backstop, unsure).check(ODD).route is Route.CRISIS
    never = LearnedEscalation(model=always(Route.NONE))  # backstop_veto 1.0
    assert never.model.backstop_veto == 1.0
    assert safety.VetoedBackstop(backstop, never).check(ODD).route is Route.CRISIS
    for off in (
        None,
        LearnedEscalation(None),
        LearnedEscalation(model=Broken()),
    ):
        assert safety.VetoedBackstop(backstop, off).check(ODD).route is Route.CRISIS


def test_backstop_veto_must_be_a_probability() -> None:
    for bad in (0.0, 1.5):
        with pytest.raises(ValueError):
            replace(always(Route.NONE), backstop_veto=bad)


def test_veto_rule_is_the_lowest_none_probability_losing_at_most_2_percent_of_correct_escalations() -> None:
    def routed(none_probability: float, text: str) -> oof.Prediction:
        p = np.full(len(ROUTES), (1.0 - none_probability) / (len(ROUTES) - 1))
        p[ROUTES.index("none")] = none_probability
        row = fit_data.Row(text, "crisis", "safety", accepted=frozenset({"crisis"}))
        return oof.Prediction(row, p, None)

    # 100 correct backstop escalations: 98 with P(none) 0.1, then 0.7 and 0.8; one it gets wrong at 0.95
    correct = [routed(0.1, "hit")] * 98 + [routed(0.7, "hit"), routed(0.8, "hit")]
    missed = [routed(0.95, "miss")]
    route = {"hit": "crisis", "miss": ""}.get
    # at 0.50 the veto loses the 0.7 and 0.8 rows: 2 <= 2% of 100, so the lowest grid point qualifies;
    # the case the backstop gets wrong does not count
    assert oof.choose_veto(correct + missed, route) == 0.5
    correct = [routed(0.1, "hit")] * 97 + [routed(p, "hit") for p in (0.6, 0.7, 0.8)]
    assert oof.choose_veto(correct, route) == 0.61  # from 0.61 up it loses 2 (0.7, 0.8)
    assert oof.choose_veto([routed(0.99, "hit")], route) == 1.0  # nothing qualifies: no veto
