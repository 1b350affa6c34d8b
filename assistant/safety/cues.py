# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""Cues the modifiers look for around a rule match: past, present, hypothetical, fiction (data only)."""

from __future__ import annotations

import re

LONG_PAST = re.compile(
    r"\b(?:(?:\d+|a|an|one|few|a few|several|many|couple of|a couple of) (?:years?|months?|decades?) (?:ago|back|earlier)|"
    r"years ago|months ago|last year|a long time ago|long ago|when i was (?:\d+|young|younger|a teen|a teenager|a kid|"
    r"in college|in high school|in school|in my \w+)|in (?:19|20)\d\d|back in|back then|used to|in the past|years back|"
    r"(?:sober|clean) (?:now|for|since)|in recovery|recovered|survived|history of|previously|as a teen(?:ager)?|"
    r"hace (?:(?:\d+|un|una|muchos|varios|unos|dos|tres|algunos) )?(?:anos?|meses|mes)|el ano pasado|cuando (?:era|tenia)|"
    r"en el pasado|ya estoy (?:sobri[oa]|limpi[oa]|bien)|hace tiempo)\b"
)
WEEKS_PAST = re.compile(
    r"\b(?:(?:\d+|a|one|few|a few|several|couple of|a couple of) weeks? (?:ago|back)|last week|last month|a month ago|"
    r"hace (?:\d+|una|unas|dos|tres|varias) semanas?|la semana pasada|el mes pasado)\b"
)
# Cues that an event is happening now: anywhere in the clause, or (weaker ones) next to the match.
PRESENT = re.compile(
    r"\b(?:right now|again|still|tonight|this morning|this evening|currently|at the moment|minutes ago|"
    r"hours? ago|an hour ago|just now|ahorita|acaba de|acabo de|todavia|otra vez|de nuevo|esta noche)\b"
)
PRESENT_NEAR = frozenset({"now", "today", "just", "ahora", "hoy", "acaba", "acabo"})
NEAR = 3
HYPOTHETICAL = re.compile(
    r"\b(?:what (?:would|will|could|might|should) happen|what happens|what if|hypothetically|in theory|theoretically|"
    r"how (?:can|do|should|could|would) (?:i|we|you|one|people) (?:best )?(?:support|help|talk to|approach|respond to|deal with|comfort)|"
    r"(?:is|are) (?:it |that |this )?(?:\w+ ){0,3}?(?:possible|safe|dangerous|bad|ok|okay|normal|true|deadly|fatal|risky|"
    r"common|likely|harmful)|(?:can|could|does|do|would|will|might) (?:\w+ ){0,4}?(?:cause|lead to|result in|make you|"
    r"make people|make me|make someone|kill you)|signs? (?:of|that)|symptoms? (?:of|that)|(?:how|when) (?:do|would|can|should|could) "
    r"(?:i|you|we|one|someone|people|a person) (?:know|tell|recognize|spot|notice)|how to (?:tell|know|recognize|"
    r"spot|help|respond|handle)|what (?:are|is) the (?:signs|symptoms|risks?|dangers?|effects?)|risks? of|dangers? of|"
    r"(?:if|when) (?:someone|somebody|a person|people|you|one|anyone|a child|a kid)|if|in case|suppose|supposing|"
    r"imagine|just curious|out of curiosity|what is it about|difference between|compared (?:to|with)|versus|vs|how (?:it|that|this) works|can (?:you|someone|a person|people|one)|is there|why|what (?:does|do) (?:\w+ ){0,3}?mean|"
    r"que pasa si|que pasaria si|se puede|es (?:peligroso|normal|posible|cierto|malo)|"
    r"cuales son (?:los |las )?(?:sintomas|signos|senales|riesgos)|sintomas de|signos de|si alguien|si una persona|"
    r"como (?:saber|se) si|puede causar|si)\b"
)
CONDITIONAL = re.compile(r"\b(?:if|in case|suppose|supposing|imagine|si)\b")
PAST_EVENT = re.compile(
    r"\b(?:took|taken|swallowed|ate|eaten|popped|downed|overdosed|had|stopped|quit|ran|flushed|threw|tomo|trago|"
    r"comio|deje)\b"
)
FICTION = re.compile(
    r"\b(?:in (?:the|a|this|my|that|our) (?:movie|film|book|novel|show|series|episode|story|scene|play|game|comic|"
    r"manga|anime|song|video game|tv show)|(?:my|the|a|main|his|her) (?:character|protagonist|heroine|hero)|"
    r"(?:writing|write|wrote|working on) (?:a |my |the )?(?:story|novel|book|script|scene|screenplay|fanfic|"
    r"fan fiction|poem)|for (?:a|my) (?:story|novel|book|script|screenplay|creative writing|play|short film|film|movie)|the (?:song|lyrics?) (?:says?|goes|said)|song lyrics?|fanfic|fan fiction|"
    r"screenplay|plot twist|(?:english|literature|lit|poetry|drama|film) class|analy[sz]e (?:it|the (?:poem|story|book|novel|scene|song))|(?:poem|story|book|novel|song|play|film|movie) (?:[^ .?!;]+ ){0,4}?about (?:a|an|the) (?:man|woman|girl|boy|character|kid|soldier|person)|(?:song|poem|book|novel|movie|film|show|story|lyrics?|album|episode|play) (?:is|was|are|were) about|(?:movie|film|tv|netflix) scene|en (?:la|una|mi) (?:pelicula|serie|novela|historia|obra)|"
    r"(?:mi|el) personaje|the lyrics|(?:which|what) song (?:is (?:that|this|it)|has|goes))\b"
)
# Studying it or hearing about it: a class, an assignment, a documentary, a song's lyrics. Weaker
# than fiction (someone may take pills "for a class project"): see modifiers.fiction.
STUDY = re.compile(
    r"\b(?:for (?:my|a|our|the) (?:[^ .?!;]+ ){0,2}?(?:class|course|assignment|essay|paper|homework|thesis|dissertation|presentation|project|exam|module)|"
    r"(?:class|course|lecture|seminar|professor|teacher) (?:is |was |are )?(?:discussing|covering|talking about|teaching)|"
    r"(?:watching|watched|saw|seen) (?:a |the |this |that )?(?:documentary|doc|docuseries|podcast|news (?:story|report))|documentary (?:about|on)|"
    r"what does the research say)\b"
)


def fiction_or_study(text: str, *, question: bool) -> str:
    """ "fiction", "study" (only for a question: "for my class, what happens if ...?") or ""."""
    if FICTION.search(text):
        return "fiction"
    return "study" if question and STUDY.search(text) else ""


TOPICS = (
    (
        "suicide",
        re.compile(
            r"\b(?:suicid\w*|kill (?:myself|yourself|themselves)|self harm|want to die|lethal|morir|matarme)\b"
        ),
    ),
    (
        "overdose",
        re.compile(
            r"\b(?:overdos\w*|too (?:many|much)|poison\w*|unresponsive|breathing|blue lips|naloxone|narcan|"
            r"mix\w*|alcohol|opioids?|sobredosis|intoxicacion|respira\w*)\b"
        ),
    ),
    (
        "stopping",
        re.compile(
            r"\b(?:stop\w*|quit\w*|taper\w*|cold turkey|come off|coming off|get off|getting off|wean\w*|discontinu\w*|"
            r"ran out|run out|flush\w*|dejar\w*|suspender|reducir|de golpe)\b"
        ),
    ),
    (
        "withdrawal",
        re.compile(r"\b(?:withdraw\w*|detox\w*|seizures?|rebound|abstinencia|convulsion\w*|desintoxic\w*)\b"),
    ),
)
IDIOMS = re.compile(
    r"\b(?:(?:is|are|was|were) killing me|dying (?:to|for|of)|(?:could|could have|could just|almost|nearly) (?:die|died)|"
    r"stop by|drop dead|dead tired|dead on my feet|to die for|killing it|killed it|kill (?:for|time)|"
    r"cold turkey (?:sandwich|sandwiches|sub|slices?|deli|meat|breast|leftovers|salad|wrap|dinner|lunch|burger|club)|"
    r"(?:phone|battery|laptop|car|plant|plants) (?:died|is dead|was dead)|over my dead body|dead serious|"
    r"(?:me muero|muert[oa]) de (?:risa|hambre|sueno|ganas|verguenza|frio|calor)|me (?:esta )?matando)\b"
)
# A short plea right after a routed turn ("what do I do", "please hurry") continues that route.
FOLLOW_UP = re.compile(
    r"\b(?:what (?:do|should|can|shall) (?:i|we)|what now|now what|help|hurry|please|is (?:he|she|they|it) going to|"
    r"will (?:he|she|they) be|should i (?:call|wait)|what can i do|still|is (?:that|this) (?:bad|serious|dangerous)|"
    r"(?:is|would) (?:that|it|this) (?:be )?enough|would (?:that|it) (?:work|do it)|"
    r"ayuda|que (?:hago|hacemos|debo hacer)|ahora que|sigue|por favor)\b"
)
# A routed earlier turn that this message says is over, on medical authority: the person was seen and
# sent home, or a doctor now runs the taper. A visitor's own "I'm fine now" is not enough (overdoses
# can feel fine before they worsen), and a crisis never resolves this way (router.py). It only stops a
# follow-up plea from continuing the route: route words in the message still fire, and the
# conversation banner keeps the numbers in view.
RESOLVED = re.compile(
    r"\b(?:(?:was|were|got|been|has been|have been) (?:discharged|released|sent home)|"
    r"(?:they|the (?:er|hospital|doctors?|paramedics)) (?:let|sent) (?:him|her|them|me|us) (?:go )?home|"
    r"(?:the )?(?:er|hospital|doctors?|paramedics|ems|poison control) (?:said|says|told us) (?:he|she|they|i) (?:is|are|am|will be) (?:fine|ok|okay|safe|stable|going to be (?:fine|ok|okay))|"
    r"(?:my |the |his |her )?(?:doctor|psychiatrist|prescriber|gp|nurse practitioner) (?:is )?(?:now )?(?:supervising|managing|running|overseeing) (?:my|the|a|his|her|our) (?:taper|withdrawal|detox)|"
    r"(?:we|i) (?:made|have|set up) a (?:slow |gradual )?taper plan with (?:my|the|his|her|our) (?:doctor|psychiatrist|prescriber)|"
    r"(?:lo|la|me) dieron de alta)\b"
)
# ... unless it also says it is not over: a relapse, a worsening, or a new danger.
NOT_OVER = re.compile(
    r"\b(?:again|worse|getting (?:sleepy|drowsy)|but now|not (?:breathing|waking|responding)|will not wake|passed out|"
    r"took (?:more|another|some more)|de nuevo|otra vez|peor)\b"
)
