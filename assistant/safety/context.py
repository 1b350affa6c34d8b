"""What earlier user turns (and the message itself) tell the rules: drugs named, amounts, stopping."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.safety import lexicon
from assistant.safety.lexicon import (
    CHILD,
    DRUGISH,
    GAP,
    MIX,
    PILLISH,
    STOP,
    STRONG_AMOUNT,
    TAKEN,
    WEAK_AMOUNT,
)
from assistant.safety.normalize import normalize
from index.shared.history import user_turns

MAX_TURNS = 6  # earlier user turns that still count as context
_DRUG = re.compile(rf"\b{DRUGISH}\b|(?<![\d.])\d+(?:\.\d+)? mg\b")
_MIX = re.compile(rf"\b{MIX}\b")
# An amount taken: "took 20", "after a bunch of her klonopin", "took his night pills twice".
_OVERDOSE = re.compile(
    rf"\b(?:(?:{TAKEN}|after) (?:{GAP}{{0,7}}?)(?:{STRONG_AMOUNT}|{WEAK_AMOUNT})|overdos\w*|sobredosis|"
    r"doubled up|double dos\w*|overdid (?:it|my|his|her|their|the)|overdone it|overdoing (?:it|my|his|her)|tripled up|(?:an )?unknown (?:number|amount|quantity|qty)|empty (?:pill )?(?:bottle|pack|box)|(?:bottle|pack|box) (?:of [a-z]+ )?(?:is |was )?empty|(?:count|pill count) is off|(?:\d+|some|a lot) (?:pills |of them )?(?:are |were )?missing|"  # noqa: E501
    r"then again|(?:a |the )?(?:3rd|third|2nd|second|4th|fourth) time|(?:tomo|tome|se tomo|trago) (?:[^ .?!;]+ ){0,4}?(?:\d+|varias|muchas) veces|(?<![\d.])(?:[4-9]|[1-9]\d+) x (?:\d+(?:\.\d+)? mg )?(?:tabs|tablets?|pills?|caps|capsules?)|"  # noqa: E501
    rf"(?:{TAKEN}|gave|given|give) (?:{GAP}{{0,5}}?)(?:twice|\d+ times|again and again)"
    r"(?! (?:a|per|every|each) (?:day|week|night))|"
    rf"(?<![\d.])(?:[4-9]|[1-9]\d+) (?:[a-z]+ )?{PILLISH})\b"
)
# A drug taken at all: "took his pins", "after taking her meds", "mixed klonopin with".
_TAKEN = re.compile(
    rf"\b(?:{TAKEN}|taking|mixed|mixing|after) (?:{GAP}{{0,3}}?)"
    rf"(?:{DRUGISH}|(?:those|these|some|his|her|my|a few|a couple|\d+) bars)\b|\b(?:popp\w*|did|doing|took|taking) (?:[^ .?!;]+ ){{0,3}}?bars\b"  # noqa: E501
)
_CHILD = re.compile(rf"\b{CHILD}\b")
_STOP = re.compile(
    rf"\b(?:{STOP}|withdraw\w*|detox\w*|ran out|run out|cold turkey|abstinencia|dej\w* de tomar|se me acabo|"
    r"me quede sin)\b"
)
# Warning signs that make a vague later turn ("tonight feels like the right time") a crisis.
_RISK = re.compile(
    rf"\b(?:(?:stockpil\w*|hoard\w*|sav(?:ing|ed) up|stash\w*|collect\w*) (?:[^ .?!;]+ ){{0,3}}?{PILLISH}|"
    r"suicid\w*|kill (?:myself|himself|herself)|(?:want|wants|wanted) to die|end it all)\b"
)
_STAFF = re.compile(lexicon.STAFF_WORDS)
_THIRD = re.compile(lexicon.THIRD_WORDS)
_FIRST = re.compile(lexicon.FIRST_WORDS)


@dataclass(frozen=True)
class Signals:
    """Context flags of one text: which `Rule.needs` it can satisfy."""

    drug: str = ""  # the drug word named, if any
    overdose: bool = False  # an amount taken, mixing with a drug, or an overdose named
    taken: bool = False  # a drug taken (any amount)
    stop: bool = False
    child: bool = False
    risk: bool = False  # a suicide warning sign: pills stockpiled, suicide named

    def stop_only(self) -> Signals:
        """Only the stop flag (what earlier turns contribute to a model layer's plan-to-stop escalation)."""
        return Signals(stop=self.stop)

    def meets(self, need: str) -> bool:
        if need == "drug":
            return bool(self.drug)
        if need == "overdose":
            return self.overdose
        if need == "taken":
            return self.taken or self.overdose
        if need == "child":
            return self.child and bool(self.drug)
        if need == "stop":
            return self.stop
        if need == "risk":
            return self.risk
        return True

    def __or__(self, other: Signals) -> Signals:
        return Signals(
            self.drug or other.drug,
            self.overdose or other.overdose,
            self.taken or other.taken,
            self.stop or other.stop,
            self.child or other.child,
            self.risk or other.risk,
        )


def signals(text: str) -> Signals:
    drug = _DRUG.search(text)
    overdose = bool(_OVERDOSE.search(text)) or (bool(drug) and bool(_MIX.search(text)))
    return Signals(
        drug=drug.group() if drug else "",
        overdose=overdose,
        taken=bool(_TAKEN.search(text)),
        stop=bool(_STOP.search(text)),
        child=bool(_CHILD.search(text)),
        risk=bool(_RISK.search(text)),
    )


def person(text: str) -> str:
    """Who the message is about, for the reason line."""
    if _STAFF.search(text):
        return "staff report"
    if _THIRD.search(text):
        return "third person"
    if _FIRST.search(text):
        return "first person"
    return ""


def recent_turns(history: Sequence[str | Mapping] | None) -> list[str]:
    """The last MAX_TURNS user turns: the ones that lend the message their context."""
    return user_turns(history)[-MAX_TURNS:]


def turn_signals(turns: Sequence[str]) -> Signals:
    """The context flags of earlier turns together."""
    combined = Signals()
    for turn in turns:
        combined = combined | signals(normalize(turn).text)
    return combined
