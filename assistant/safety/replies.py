"""Fixed texts for a decision: visitor reply, staff script, informational footer, conversation banner."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.reply import Route
from assistant.safety import context, staff, texts
from assistant.safety.decision import SafetyDecision

_LANGS = ("en", "es")


def _lang(decision: SafetyDecision) -> str:
    return decision.lang if decision.lang in _LANGS else "en"


def fixed_reply(decision: SafetyDecision) -> str:
    """The reviewed visitor text for the route and language; "" when nothing is routed."""
    if decision.route is Route.NONE:
        return ""
    return texts.VISITOR_TEXTS[(decision.route, _lang(decision))]


def staff_script(decision: SafetyDecision) -> str:
    """What help-line staff read to a caller, with staff-only facts, the reason and the sources."""
    if decision.route is Route.NONE:
        return ""
    parts = [staff.SCRIPTS[decision.route], f"Why: {decision.reason}"]
    if _lang(decision) == "es":
        parts.append(staff.SPANISH_NOTE)
    parts.append(staff.SOURCES)
    return "\n\n".join(parts)


def footer(decision: SafetyDecision) -> str:
    """A short safety footer for informational answers about overdose, withdrawal, stopping or suicide."""
    if decision.route is not Route.NONE or not decision.topic:
        return ""
    return texts.FOOTERS[_lang(decision)].get(decision.topic, "")


def conversation_banner(history: Sequence[str | Mapping] = ()) -> str:
    """Keep the help numbers visible once an earlier user turn was routed to emergency or crisis."""
    from assistant.safety.router import classify  # the router imports nothing from here; keep it lazy

    turns = context.user_turns(history)
    routes: dict[Route, str] = {}
    for i, turn in enumerate(turns):
        decision = classify(turn, turns[:i])
        if decision.route in (Route.EMERGENCY, Route.CRISIS):
            routes[decision.route] = _lang(decision)
    lines = [
        texts.BANNERS[lang][route]
        for route, lang in sorted(routes.items(), key=lambda r: r[0] != Route.EMERGENCY)
    ]
    return "\n".join(lines)
