"""Fixed texts: every required fact per route and language; no doses or percentages for visitors."""

from __future__ import annotations

import re

import pytest

from assistant.reply import Route
from assistant.safety import SafetyDecision, classify, fixed_reply, footer, staff_script
from assistant.safety.texts import VISITOR_TEXTS

REQUIRED = {
    (Route.EMERGENCY, "en"): [
        "911",
        "112",
        "999",
        "1-800-222-1222",
        "24/7",
        "Stay with the person",
        "recovery position",
        "sleep it off",
        "nothing by mouth",
        "vomit",
        "naloxone",
        "opioids",
    ],
    (Route.EMERGENCY, "es"): [
        "911",
        "112",
        "999",
        "1-800-222-1222",
        "24/7",
        "Quédese con la persona",
        "posición de recuperación",
        "dormir para que se le pase",
        "nada por la boca",
        "vómito",
        "naloxona",
        "opioides",
    ],
    (Route.MEDICAL_SUPERVISION, "en"): [
        "don't stop clonazepam suddenly",
        "seizures",
        "life-threatening",
        "FDA",
        "boxed warning",
        "2020",
        "prescriber or a pharmacist",
        "gradual taper",
        "1-800-662-4357",
        "SAMHSA",
        "confidential",
        "24/7",
        "Spanish",
        "911",
        "confusion",
        "hallucinations",
    ],
    (Route.MEDICAL_SUPERVISION, "es"): [
        "no deje el clonazepam de golpe",
        "convulsiones",
        "peligro la vida",
        "FDA",
        "boxed warning",
        "2020",
        "médico o con un farmacéutico",
        "reducción gradual",
        "1-800-662-4357",
        "SAMHSA",
        "confidencial",
        "24/7",
        "español",
        "911",
        "confusión",
        "alucinaciones",
    ],
    (Route.CRISIS, "en"): [
        "Call or text 988",
        "988lifeline.org",
        "Press 2 for Spanish",
        "Text HOME to 741741",
        "immediate danger, call 911",
        "You don't have to go through this alone",
    ],
    (Route.CRISIS, "es"): [
        "Llame o envíe un mensaje de texto al 988",
        "988lifeline.org",
        "Oprima 2 para español",
        "HOME al 741741",
        "peligro inmediato, llame al 911",
        "No tiene que pasar por esto a solas",
    ],
}
ALLOWED_NUMBERS = {
    "911",
    "112",
    "999",
    "1-800-222-1222",
    "1-800-662-4357",
    "24/7",
    "2020",
    "988",
    "741741",
    "2",
}
METHOD_WORDS = re.compile(r"\b(?:lethal|fatal dose|how many|mg|milligram|percent)\b", re.I)


def _decision(route: Route, lang: str) -> SafetyDecision:
    return SafetyDecision(route=route, reason="test", rule=f"{route.value}.test", lang=lang)


@pytest.mark.parametrize(("route", "lang"), list(REQUIRED))
def test_fixed_reply_is_the_reviewed_text_with_every_fact(route: Route, lang: str) -> None:
    text = fixed_reply(_decision(route, lang))
    assert text == VISITOR_TEXTS[(route, lang)]
    missing = [fact for fact in REQUIRED[(route, lang)] if fact not in text]
    assert not missing


@pytest.mark.parametrize(("route", "lang"), list(REQUIRED))
def test_visitor_texts_hold_no_doses_percentages_or_methods(route: Route, lang: str) -> None:
    text = fixed_reply(_decision(route, lang))
    assert "%" not in text
    numbers = set(re.findall(r"\d[\d/-]*\d|\d", text.replace("988lifeline", "")))
    assert numbers <= ALLOWED_NUMBERS, numbers - ALLOWED_NUMBERS
    assert not METHOD_WORDS.search(text)


def test_routed_messages_get_their_language_text() -> None:
    assert (
        fixed_reply(classify("quiero dejar el clonazepam de golpe"))
        == VISITOR_TEXTS[(Route.MEDICAL_SUPERVISION, "es")]
    )
    assert fixed_reply(classify("she took 20 klonopin")) == VISITOR_TEXTS[(Route.EMERGENCY, "en")]
    assert fixed_reply(classify("what is klonopin?")) == ""


def test_staff_script_has_taper_facts_reason_and_sources() -> None:
    decision = classify("I want to quit klonopin cold turkey")
    script = staff_script(decision)
    for fact in (
        "5-10% every 2-4 weeks",
        "25% every 2 weeks",
        "ASAM",
        "2025",
        "1-800-662-4357",
        decision.reason,
        "Sources:",
        "2016-08-31",
        "2020-09-23",
        "CDC seizure first aid",
        "988",
        "1-800-222-1222",
    ):
        assert fact in script
    assert staff_script(classify("what is klonopin?")) == ""
    assert "Spanish" in staff_script(classify("quiero morir"))
    assert "911" in staff_script(classify("he is not breathing"))


def test_footer_only_for_informational_topics() -> None:
    overdose = footer(classify("what are the signs of an overdose?"))
    assert "911" in overdose and "1-800-222-1222" in overdose
    stopping = footer(classify("is it safe to stop klonopin cold turkey?"))
    assert "1-800-662-4357" in stopping and "%" not in stopping
    assert "988" in footer(classify("I'm not suicidal"))
    assert "1-800-222-1222" in footer(classify("¿cuáles son los síntomas de una sobredosis?"))
    assert footer(classify("she took 20 klonopin")) == ""
    assert footer(classify("does rehab take insurance?")) == ""
