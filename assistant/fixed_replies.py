"""The assistant's fixed replies outside the safety routes: an empty message, abstention, an index
that is unavailable, a router that failed (every help line), a trimmed message."""

from __future__ import annotations

from assistant.resources import fill
from assistant.scope import SAMHSA

EMPTY_TEXT = fill(
    "Please type a question about clonazepam (Klonopin): for example its withdrawal symptoms, the signs "
    "of an overdose, or how rehab works. If someone is in danger right now, call {emergency}."
)
ABSTAIN_TEXT = (
    "My source page doesn't cover that, so I won't guess. A prescriber or a pharmacist can answer it. "
    "For treatment referrals: " + SAMHSA + "."
)
UNAVAILABLE_TEXT = (
    fill(
        "Sorry, answers are temporarily unavailable. If someone is in danger, call {emergency} (or your "
        "local emergency number). Poison Help: {poison_help}. Suicide & Crisis Lifeline: call or text "
        "{lifeline}. For treatment referrals: "
    )
    + SAMHSA
    + "."
)
# The router could not decide: whatever the message was, the visitor sees every help line.
ROUTER_FAILED_TEXT = fill(
    "Sorry, answers are temporarily unavailable.\n\n"
    "**If someone may have taken too much, can't be woken or is having a seizure, call {emergency} now** "
    "(outside the US: {emergency_eu} in the EU, {emergency_uk} in the UK). Poison Help: {poison_help} "
    "(free, 24/7).\n\n"
    "**If you are thinking about suicide or hurting yourself, call or text {lifeline}** (24/7), or text "
    "HOME to {crisis_text}.\n\n"
    "Please don't stop clonazepam suddenly: talk to your prescriber. SAMHSA National Helpline: {samhsa}."
)
TRIMMED_NOTICE = "Your message was long, so only its first {limit} characters were used."
