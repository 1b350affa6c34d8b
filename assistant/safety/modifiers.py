"""Decide whether a rule match is a report of something happening now, or something else.

A match is set aside (and named) when it is negated ("I'm not suicidal"), clearly past ("three
years ago", "sober now"), hypothetical or informational ("what happens if someone took too
many?"), fiction ("in my novel"), or excluded by the rule itself (a cold turkey sandwich).
"""

from __future__ import annotations

import re

from assistant.reply import Route
from assistant.safety import lexicon
from assistant.safety.cues import (
    CONDITIONAL,
    HYPOTHETICAL,
    LONG_PAST,
    NEAR,
    PAST_EVENT,
    PRESENT,
    PRESENT_NEAR,
    WEEKS_PAST,
    fiction_or_study,
)
from assistant.safety.normalize import Normalized
from assistant.safety.rule import Hit

NEGATION_WINDOW = 4
SUPERVISED_PLAN = re.compile(rf"\b{lexicon.SUPERVISED}\b")
JUST_ASKING = re.compile(
    r"\b(?:just (?:asking|a question|curious)|only a question|es solo una pregunta|solo pregunto)\b"
)
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "yo", "mi", "mis"})
SELF = frozenset({"i", "me", "myself", "yo"})  # "what if I ended it", not "what if my friend says"
# A subject between a negation and the match opens a new clause: "no honestly i want to die".
SUBJECTS = frozenset({"i", "he", "she", "they", "we", "yo", "ella", "caller", "patient"})
# ... unless the negated verb reports it: "I never said I was suicidal".
REPORTING = frozenset(
    {
        "said",
        "say",
        "says",
        "saying",
        "mean",
        "meant",
        "claim",
        "claimed",
        "mention",
        "mentioned",
        "told",
        "tell",
        "admit",
        "dije",
        "dijo",
    }
)
# Stopping rules whose match is a plan to stop: asked about one's own plan, it is still a plan
# ("is it ok if I stop my klonopin tomorrow?"); "what should I do if I run out?" stays a question,
# and so does "is it safe to stop klonopin cold turkey?" (nobody's plan).
PERSONAL_PLAN_RULES = frozenset(
    {
        "medical_supervision.stop_abrupt",
        "medical_supervision.cold_turkey",
        "medical_supervision.decided",
        "medical_supervision.fast_taper",
        "medical_supervision.detox_alone",
    }
)
CONJUNCTIONS = frozenset({"and", "so", "because", "then", "y", "porque"})
# Words that always open a new clause: a negation before them belongs to the previous one.
BARRIERS = frozenset({",", "so", "because", "then", "porque", "asi"})
SUBJUNCTIVE = re.compile(
    r"\bwould (?:that|it|this|these|those) "
    r"(?:do it|be enough|work|kill|be fatal|be lethal|be deadly|end it)\b|"
    # "if I took them all ... would anyone notice", "it would be easier for everyone if I took them all"
    r"\bwould (?:anyone|anybody) (?:even )?(?:notice|care)\b|"
    r"\bwould be (?:easier|better) for (?:everyone|everybody)\b"
)
INTENSIFIER = re.compile(r"(?:felt|been|be) (?:so|this|more)\b")  # "never felt so suicidal" is not a denial


def _clause(norm: Normalized, index: int) -> tuple[int, int]:
    """Token range [start, end) of the clause holding token `index`."""
    clause = norm.clause[index]
    start = index
    while start > 0 and norm.clause[start - 1] == clause:
        start -= 1
    end = index
    while end < len(norm.tokens) and norm.clause[end] == clause:
        end += 1
    return start, end


def _text(norm: Normalized, start: int, end: int) -> str:
    return " ".join(norm.tokens[start:end])


def _sentence_and_previous(norm: Normalized, index: int) -> str:
    wanted = {norm.sentence[index], norm.sentence[index] - 1}
    return " ".join(t for t, s in zip(norm.tokens, norm.sentence, strict=True) if s in wanted)


def negated(norm: Normalized, hit: Hit) -> bool:
    start, _ = _clause(norm, hit.first)
    if norm.tokens[hit.first] in SUBJECTS:  # "not sure, i have decided to stop": a new clause
        return False
    for i in range(hit.first - 1, max(start, hit.first - NEGATION_WINDOW) - 1, -1):
        token = norm.tokens[i]
        if token in BARRIERS or (token in CONJUNCTIONS and norm.tokens[i + 1] in lexicon.SPECIFIC_SUBJECT):
            return False
        if token in lexicon.NEGATIONS:
            following = " ".join(norm.tokens[i + 1 : i + 3])
            if SUBJECTS.intersection(norm.tokens[i + 1 : hit.first]) and norm.tokens[i + 1] not in REPORTING:
                return False  # "no honestly i want to die", "might not need to, i have decided to stop"
            if i + 1 == hit.first:  # the negation governs the match itself: "never stop it suddenly"
                return not INTENSIFIER.match(following)
            return following.split(" ")[0] not in lexicon.NOT_NEGATION_AFTER and not INTENSIFIER.match(
                following
            )
    return False


def past(norm: Normalized, hit: Hit) -> bool:
    start, end = _clause(norm, hit.first)
    clause = _text(norm, start, end)
    cues = [LONG_PAST] if hit.rule.past == "months" else [LONG_PAST, WEEKS_PAST]
    if not any(cue.search(clause) for cue in cues):
        return False
    remainder = clause
    for cue in cues:
        remainder = cue.sub(" ", remainder)
    near = norm.tokens[max(start, hit.first - NEAR) : min(end, hit.last + 1 + NEAR)]
    return not (PRESENT.search(remainder) or PRESENT_NEAR.intersection(near))


def hypothetical(norm: Normalized, hit: Hit) -> bool:
    """A general or hypothetical question; one about one's own plan to stop is still that plan."""
    # ... unless they say they are only asking and their plan is a supervised taper ("just asking, my
    # doctor is tapering me"); "what if I stop tomorrow? my doctor wants me to taper" still routes.
    if (
        hit.rule.id in PERSONAL_PLAN_RULES
        and FIRST_PERSON.intersection(norm.tokens)
        and not (SUPERVISED_PLAN.search(norm.text) and JUST_ASKING.search(norm.text))
    ):
        return False
    return _hypothetical(norm, hit)


def _hypothetical(norm: Normalized, hit: Hit) -> bool:
    start, end = _clause(norm, hit.first)
    hit_start = norm.starts[hit.first] - norm.starts[start]
    clause = _text(norm, start, end)
    cue = None
    for match in HYPOTHETICAL.finditer(clause):
        if match.start() > hit_start:
            break
        # A cue that runs over the match counts only as a question's opening ("is slow breathing
        # bad"), not mid-sentence ("now he is nodding out bad").
        if match.end() <= hit_start or match.start() == 0:
            cue = match
    if cue is None:  # a general question with nobody in it: "is slow breathing a sign of overdose?"
        return _general_question(norm.tokens[start:end], hit.first - start)
    cue_end = norm.starts[start] + cue.end()
    after = [t for i, t in enumerate(norm.tokens[start : hit.last + 1], start) if norm.starts[i] >= cue_end]
    if not any(token in lexicon.SPECIFIC_SUBJECT for token in after):
        return True
    between = after[: max(0, len(after) - (hit.last - hit.first + 1))]
    if "," in between:  # the question ended before the match: "not sure if I should call, he is unresponsive"
        return False
    # "what do I do if he stops breathing" is a plan; "what if he took 20" is a report, unless
    # the sentence goes on in the subjunctive ("if I took all 90, would that do it").
    if not CONDITIONAL.search(cue.group()):
        return False
    if hit.rule.route is Route.CRISIS and SELF.intersection(after):
        return False  # "what if I just ended it all tonight" is a disclosure, not a query
    rest = " ".join(
        t for t, s in zip(norm.tokens, norm.sentence, strict=True) if s == norm.sentence[hit.last]
    )
    return not PAST_EVENT.search(" ".join(norm.tokens[hit.first : hit.last + 1])) or bool(
        SUBJUNCTIVE.search(rest)
    )


def _general_question(tokens: tuple[str, ...], hit_at: int) -> bool:
    """A question with nobody in it, from the clause start or after a lead-in and a comma
    ("as a pharmacist, how do you counsel patients who want to stop abruptly?")."""
    if "?" not in tokens:
        return False
    opening = 0
    if tokens[0] not in lexicon.QUESTION_START:
        commas = [i for i, t in enumerate(tokens[:hit_at]) if t == ","]
        if not commas or commas[-1] + 1 >= len(tokens):
            return False
        if any(t in lexicon.SPECIFIC_SUBJECT for t in tokens[: commas[-1]]):
            return False
        opening = commas[-1] + 1
    return tokens[opening] in lexicon.QUESTION_START and not any(
        token in lexicon.SPECIFIC_SUBJECT for token in tokens[opening:]
    )


def fiction(norm: Normalized, hit: Hit) -> bool:
    """Fiction; or a question asked while studying or watching something, except about an overdose
    ("I took 20 for my class project and can't stay awake" is an emergency) or a disclosure."""
    kind = fiction_or_study(_sentence_and_previous(norm, hit.first), question="?" in norm.tokens)
    if kind != "study":
        return kind == "fiction"
    # About suicide as a subject, not a disclosure ("would anyone notice if I was gone" stands).
    route = hit.rule.route
    return route is not Route.EMERGENCY and (route is not Route.CRISIS or "suicid" in hit.words.lower())


def judge(norm: Normalized, hit: Hit) -> str | None:
    """None when the hit stands; otherwise the name of the "none" rule that sets it aside."""
    start, end = _clause(norm, hit.first)
    clause = _text(norm, start, end)
    for pattern, name in hit.rule.unless:
        if pattern.search(clause):
            return name
    checks = hit.rule.checks
    if "fiction" in checks and fiction(norm, hit):
        return "none.fiction"
    if "negation" in checks and negated(norm, hit):
        return "none.negated"
    if "past" in checks and past(norm, hit):
        return "none.past"
    if "hypothetical" in checks and hypothetical(norm, hit):
        return "none.informational"
    return None
