"""What a safety rule is (`Rule`) and what it found in a message (`Hit`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reply import Route

# Modifiers that may turn a rule's match into a "none" decision (see modifiers.py).
ALL_CHECKS = frozenset({"negation", "hypothetical", "past", "fiction"})
# Rhetorical questions ("what's the point of living?") are not informational.
NO_HYPOTHETICAL = frozenset({"negation", "past", "fiction"})
# What a rule's clause-level exception (`unless`) may turn its match into.
VERDICTS = frozenset({"none.idiom", "none.informational", "none.past", "none.supervised_taper", "none.wish"})


@dataclass(frozen=True)
class Rule:
    """A named pattern over normalized text that sends a message to `route`."""

    id: str
    route: Route
    pattern: re.Pattern[str]
    # Context the match needs, from the message or earlier user turns: "" (none), "drug" (a drug or
    # pills named), "overdose" (an amount taken, mixing, or an overdose named), "stop" (stopping named).
    needs: str = ""
    checks: frozenset[str] = ALL_CHECKS
    # Clause-level exclusions: (pattern, none-rule) pairs, e.g. a cold turkey *sandwich* -> none.idiom.
    unless: tuple[tuple[re.Pattern[str], str], ...] = ()
    # How old an event must be before it counts as past: "weeks" or "months".
    past: str = "weeks"
    lang: str = "en"


def rule(
    id: str,
    route: Route,
    pattern: str,
    *,
    needs: str = "",
    checks: frozenset[str] = ALL_CHECKS,
    unless: tuple[tuple[str, str], ...] = (),
    past: str = "weeks",
    lang: str = "en",
) -> Rule:
    """Build a `Rule`, compiling its pattern with word boundaries around it."""
    return Rule(
        id=id,
        route=route,
        pattern=re.compile(rf"(?<![\w'])(?:{pattern})(?![\w'])"),
        needs=needs,
        checks=checks,
        unless=tuple((re.compile(rf"\b{p}\b"), name) for p, name in unless),
        past=past,
        lang=lang,
    )


@dataclass(frozen=True)
class Hit:
    """One rule match: token range in the normalized message and the raw words it covers."""

    rule: Rule
    first: int
    last: int
    words: str  # the visitor's own words
    via_context: bool = False  # the rule's `needs` was met only by an earlier turn
