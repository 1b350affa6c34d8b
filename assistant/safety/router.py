"""`classify`: the hard-coded safety router. Runs first, on the raw message, with no index or model."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Protocol

from assistant.reply import Route
from assistant.resources import fill
from assistant.safety import context, cues, language, lexicon, modifiers, rulebook
from assistant.safety.decision import ROUTER_ERROR, SafetyDecision
from assistant.safety.normalize import Normalized, normalize
from assistant.safety.rule import Hit


class Escalator(Protocol):
    """A model layer (the exemplar backstop, the learned layer): a routed decision or None."""

    def check(self, message: str, *, lang: str = "en") -> SafetyDecision | None: ...


log = logging.getLogger(__name__)
# Most urgent first. An overdose already taken outranks suicidal words in the same message: the
# person needs 911 now, and the emergency text also gives 988 (see texts).
PRIORITY = (Route.EMERGENCY, Route.CRISIS, Route.MEDICAL_SUPERVISION)


def find_hits(norm: Normalized, own: context.Signals, earlier: context.Signals) -> list[Hit]:
    """Every rule match whose context needs are met, in text order."""
    hits: list[Hit] = []
    both = own | earlier  # a need may be met by the message and an earlier turn together
    for rule in rulebook.rules():
        if not both.meets(rule.needs):
            continue
        for match in rule.pattern.finditer(norm.text):
            if match.end() == match.start():
                continue
            first, last = norm.token_range(match.start(), match.end())
            hits.append(
                Hit(rule, first, last, norm.raw_words(first, last), via_context=not own.meets(rule.needs))
            )
    hits.sort(key=lambda h: (h.first, PRIORITY.index(h.rule.route)))
    return hits


def readings_every_match_takes(message: str) -> frozenset[str]:
    """The readings ("negation", "hypothetical", "past", "fiction") that may set aside every rule
    matching `message`; empty when no rule matches. Where a rule does not take a reading (a
    lethal-amount question is never mere fiction), the design keeps the message routed under it."""
    norm = normalize(message)
    hits = find_hits(norm, context.signals(norm.text), context.Signals())
    return frozenset.intersection(*(hit.rule.checks for hit in hits)) if hits else frozenset()


def _reason(chosen: Hit, others: list[Hit], own: context.Signals, earlier: context.Signals, who: str) -> str:
    parts = [f'rule {chosen.rule.id}: matched "{chosen.words}"']
    if own.drug:
        parts.append(f' + drug "{own.drug}"')
    elif earlier.drug:
        parts.append(f' + drug "{earlier.drug}" (earlier turn)')
    if chosen.via_context:
        parts.append(f" (needs {chosen.rule.needs} context: from an earlier turn)")
    if who:
        parts.append(f" ({who})")
    extra = [f'{h.rule.id} "{h.words}"' for h in others if h.rule.id != chosen.rule.id]
    if extra:
        parts.append("; also " + ", ".join(dict.fromkeys(extra)))
        if chosen.rule.route is Route.EMERGENCY and any(h.rule.route is Route.CRISIS for h in others):
            parts.append(
                fill(
                    " (emergency first: an overdose or medical danger now needs {emergency};"
                    " the emergency text also gives {lifeline})"
                )
            )
    return "".join(parts)


def _masked(norm: Normalized, drop: list[tuple[int, int]]) -> str:
    """The raw message without the clauses the rules already judged, for the backstop."""
    dropped = {
        i
        for first, last in drop
        for i in range(len(norm.tokens))
        if norm.clause[i] in (norm.clause[first], norm.clause[last])
    }
    return " ".join(
        norm.raw[s:e]
        for i, (s, e) in enumerate(norm.spans)
        if i not in dropped and (i == 0 or norm.spans[i - 1] != (s, e))
    )


def _classify(
    message: str, history: Sequence[str | Mapping], backstop: Escalator | Sequence[Escalator] | None
) -> SafetyDecision:
    norm = normalize(message)
    lang = language.detect_language(norm.tokens)
    own = context.signals(norm.text)
    turns = context.recent_turns(history)
    earlier = context.turn_signals(turns)
    hits = find_hits(norm, own, earlier)
    active: list[Hit] = []
    suppressed: list[tuple[Hit, str]] = []
    for hit in hits:
        verdict = modifiers.judge(norm, hit)
        if verdict is None:
            active.append(hit)
        else:
            suppressed.append((hit, verdict))
    # A match inside a phrase that was set aside ("no quiero dejar ... de golpe") shares its verdict,
    # unless its rule does not take that verdict (a rhetorical "enough to be done with everything?"
    # is not informational). Only a phrase judged on its own passes its verdict on: a match that
    # merely shared one does not pass it further, so the outcome does not depend on rule order.
    judged = tuple(suppressed)
    for hit in list(active):
        for other, verdict in judged:
            if _VERDICT_CHECK.get(verdict, "") not in hit.rule.checks | {""}:
                continue
            if other.rule.route is hit.rule.route and other.first <= hit.last and hit.first <= other.last:
                active.remove(hit)
                suppressed.append((hit, verdict))
                break
    if active:
        route = min((h.rule.route for h in active), key=PRIORITY.index)
        chosen = next(h for h in active if h.rule.route is route)
        who = context.person(norm.text) or context.person(" ".join(normalize(t).text for t in turns[-2:]))
        return SafetyDecision(
            route=route,
            reason=_reason(chosen, [h for h in active if h is not chosen], own, earlier, who),
            rule=chosen.rule.id,
            matched=tuple(dict.fromkeys(h.words for h in active)),
            lang="es" if chosen.rule.lang == "es" else lang,
            layer="context" if chosen.via_context else "rules",
        )
    resolved = None
    if not suppressed and turns and cues.FOLLOW_UP.search(norm.text):
        previous = classify(turns[-1], turns[:-1])
        # A crisis is never resolved by a message: the crisis route stays for the whole plea.
        over = (
            cues.RESOLVED.search(norm.text)
            if previous.routed and previous.route is not Route.CRISIS
            else None
        )
        if over and not cues.NOT_OVER.search(norm.text):
            resolved = SafetyDecision(
                route=Route.NONE,
                reason=f"none.resolved: an earlier turn was routed {previous.route.value}, but this message "
                f'says it is over ("{over.group()}")',
                rule="none.resolved",
                matched=(over.group(),),
                lang=lang,
                layer="context",
                topic=_ROUTE_TOPIC[previous.route],
            )
        elif previous.routed:
            return SafetyDecision(
                route=previous.route,
                reason=f'rule {previous.route.value}.follow_up: "{message.strip()[:80]}" '
                f"follows an earlier turn "
                f"routed {previous.route.value} ({previous.reason})",
                rule=f"{previous.route.value}.follow_up",
                matched=previous.matched,
                lang=previous.lang if lang == "en" else lang,
                layer="context",
            )
    topic = language.topic(norm.text)
    if resolved is not None:
        decision = resolved
    elif suppressed:
        hit, verdict = suppressed[0]
        decision = SafetyDecision(
            route=Route.NONE,
            reason=f'{verdict}: rule {hit.rule.id} matched "{hit.words}" but {_WHY[verdict]}',
            rule=verdict,
            matched=tuple(dict.fromkeys(h.words for h, _ in suppressed)),
            lang=lang,
            topic=topic or _ROUTE_TOPIC[hit.rule.route],
        )
    else:
        idiom = cues.IDIOMS.search(norm.text)
        rule = "none.idiom" if idiom else "none.no_signal"
        reason = (
            f'none.idiom: "{idiom.group()}" is a figure of speech'
            if idiom
            else "none.no_signal: no safety rule matched"
        )
        decision = SafetyDecision(
            Route.NONE, reason, rule, (idiom.group(),) if idiom else (), lang, topic=topic
        )
    layers = _layers(backstop)
    if layers and not _fiction_or_study(norm):
        drop = [(h.first, h.last) for h, _ in suppressed]
        idiom = cues.IDIOMS.search(norm.text)
        if idiom:  # a figure of speech the rules recognised is not shown to the backstop either
            drop.append(norm.token_range(idiom.start(), idiom.end()))
        shown = _masked(norm, drop) if drop else message
        for layer in layers:
            escalated = layer.check(shown, lang=lang)
            if escalated is not None and backstop_may_escalate(norm, escalated.route, earlier):
                return escalated
    return decision


def _fiction_or_study(norm: Normalized) -> bool:
    """Fiction, or a question asked while studying or watching something: the model layers, which
    react to topic words ("a documentary about benzo withdrawal"), are not asked; the rules still
    judge every clause, so a disclosure in such a message is still routed."""
    return bool(cues.fiction_or_study(norm.text, question="?" in norm.tokens))


def _layers(backstop: Escalator | Sequence[Escalator] | None) -> tuple[Escalator, ...]:
    if backstop is None:
        return ()
    if isinstance(backstop, Sequence):
        return tuple(layer for layer in backstop if layer is not None)
    return (backstop,)


def backstop_may_escalate(norm: Normalized, route: Route, earlier: context.Signals | None = None) -> bool:
    """An overdose or a plan to stop needs someone it happens to: a general question with nobody
    in it ("why do benzos and opioids slow your breathing?") is not escalated to those routes.
    A plan to stop also needs stopping in view: the drug named or stopping in the message, or stopping
    in an earlier turn (`earlier`: the earlier turns' signals; their drug alone is not enough): after
    "tell me about residential treatment for klonopin", "how many days would I stay?" is not one.
    A lethal-amount question needs nobody, so crisis escalations always stand."""
    if route is Route.CRISIS:
        return True
    if route is Route.MEDICAL_SUPERVISION:
        signals = context.signals(norm.text) | (earlier or context.Signals()).stop_only()
        if not (signals.drug or signals.stop or language.topic(norm.text) in ("stopping", "withdrawal")):
            return False
    return not (
        "?" in norm.tokens
        and norm.tokens
        and norm.tokens[0] in lexicon.QUESTION_START
        and not lexicon.SPECIFIC_SUBJECT.intersection(norm.tokens)
    )


_WHY = {
    "none.negated": "it is negated",
    "none.past": "it is about the past",
    "none.informational": "it is a general or hypothetical question",
    "none.fiction": "it is about fiction, a class or the media",
    "none.idiom": "it is a figure of speech",
    "none.supervised_taper": "a supervised, gradual taper is described",
    "none.wish": "it is a wish, not a report of someone unresponsive",
}
# The modifier check behind each verdict (see modifiers.judge); the others come from a rule's `unless`.
_VERDICT_CHECK = {
    "none.negated": "negation",
    "none.past": "past",
    "none.informational": "hypothetical",
    "none.fiction": "fiction",
}
_ROUTE_TOPIC = {Route.EMERGENCY: "overdose", Route.MEDICAL_SUPERVISION: "stopping", Route.CRISIS: "suicide"}


def classify(
    message: str,
    history: Sequence[str | Mapping] = (),
    *,
    backstop: Escalator | Sequence[Escalator] | None = None,
) -> SafetyDecision:
    """Route one message. Deterministic; never raises; needs neither the index nor a model.

    The model layers in `backstop` (the semantic backstop, the learned layer, or several, asked
    in order), when given, may only escalate a message in which the rules found no active signal,
    and they only see the parts of the message the rules did not already judge (negated, past,
    hypothetical or fictional clauses and recognised idioms are masked out), so they cannot
    downgrade or second-guess a rule; the first escalation that passes `backstop_may_escalate`
    stands.
    """
    try:
        return _classify(message if isinstance(message, str) else str(message), history, backstop)
    except Exception as exc:  # a bug must never take the chat down; it is named and logged
        log.exception("safety router failed")
        return SafetyDecision(
            Route.NONE, f"{ROUTER_ERROR}: router failed ({type(exc).__name__})", ROUTER_ERROR
        )
