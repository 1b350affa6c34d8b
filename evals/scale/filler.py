"""Filler sections on neutral topics, built from small word lists: bulk text that is never about the drug.

Every sentence ends with a full stop and every title is a short capitalised line without end punctuation,
so the project's cleaner keeps them as they are and its section finder reads titles as headings.
"""

from __future__ import annotations

import random

# (topic, nouns that belong to it); singular nouns only, so "the"/"each"/"every" always fit.
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Lighthouse Keeping", ("lamp", "keeper", "tower", "logbook", "lens", "foghorn")),
    ("Bread Baking", ("loaf", "starter", "oven", "crust", "dough", "baker")),
    ("Bird Migration", ("flock", "swallow", "wetland", "flyway", "nest", "warbler")),
    ("River Geology", ("riverbed", "pebble", "meander", "sandbar", "bank", "current")),
    ("Bicycle Repair", ("chain", "spoke", "saddle", "brake", "wheel", "pump")),
    ("Star Charts", ("telescope", "constellation", "chart", "comet", "observer", "horizon")),
    ("Tide Pools", ("anemone", "crab", "rock", "shell", "pool", "seaweed")),
    ("Library Cataloguing", ("catalogue", "shelf", "librarian", "index card", "archive", "reading room")),
    ("Pottery Glazes", ("kiln", "glaze", "vase", "potter", "wheel", "bowl")),
    ("Weather Stations", ("barometer", "gauge", "anemometer", "forecast", "cloud", "station")),
    ("Orchard Pruning", ("orchard", "branch", "blossom", "ladder", "pear tree", "pruning saw")),
    ("Railway History", ("locomotive", "platform", "signal box", "timetable", "carriage", "station master")),
    ("Chess Openings", ("pawn", "bishop", "gambit", "board", "knight", "endgame")),
    ("Knitting Patterns", ("needle", "skein", "stitch", "pattern", "scarf", "sweater")),
    ("Mountain Trails", ("trail", "ridge", "cairn", "summit", "hiker", "valley")),
    ("Beekeeping", ("hive", "queen", "honeycomb", "beekeeper", "frame", "meadow")),
    ("Map Making", ("map", "compass", "survey", "contour line", "legend", "cartographer")),
    ("Sailing Knots", ("rope", "knot", "mast", "sail", "deck", "harbour")),
    ("Village Markets", ("stall", "basket", "merchant", "square", "awning", "market day")),
    ("Clock Making", ("pendulum", "gear", "dial", "spring", "clockmaker", "escapement")),
)

ADJECTIVES = tuple(
    (
        "quiet patient sturdy bright narrow gentle careful weathered curious steady hidden "
        "familiar distant simple tidy heavy light modest clever ancient busy calm crisp golden "
        "humble lively mellow polished rustic sheltered"
    ).split()
)
NOUNS = tuple(
    (
        "path window notebook lantern garden bridge workshop meadow ledger bench fence courtyard "
        "season festival wagon cupboard staircase orchard kettle neighbour apprentice volunteer "
        "visitor teacher traveller craft habit tradition"
    ).split()
)
# Regular verbs only: the third person is made by rule (see `third_person`).
VERBS = tuple(
    (
        "follow shape guide protect measure record mend gather sort carry polish arrange inspect "
        "balance shelter welcome describe support finish watch borrow explain reach cross fix "
        "brush study carve paint share"
    ).split()
)
ADVERBS = tuple(
    (
        "slowly carefully quietly patiently gladly steadily gently neatly often usually rarely "
        "happily calmly eagerly firmly"
    ).split()
)
PLACES = (
    "near the harbour",
    "along the old road",
    "behind the market",
    "at the edge of town",
    "beside the river",
    "under the old oak",
    "across the square",
    "in the north field",
    "by the stone wall",
    "on the hillside",
)
TIMES = (
    "in early spring",
    "after the first frost",
    "on quiet mornings",
    "during the long evenings",
    "before the autumn fair",
    "at the end of summer",
    "on rainy afternoons",
    "once the snow melts",
)

_SENTENCES = (
    "The {adj} {noun} {verb} the {thing} {adv}.",
    "Each {thing} {verb} one {adj} {noun} {place}.",
    "{Time}, the {thing} {verb} every {adj} {noun}.",
    "{Adv}, the {noun} near the {thing} {verb} the {adj2} {noun2}.",
    "Visitors often say that the {thing} {verb} the {noun} {adv}.",
    "A guide to {topic} explains how the {adj} {thing} {verb} each {noun}.",
    "Nobody in the {noun} expected the {thing} to {base} the {adj} {noun2} {time}.",
    "The {thing} and the {noun} stay {adj} {place}, and the {noun2} {verb} them {adv}.",
    "Older records describe the {adj} {thing} that {verb} the {noun} {time}.",
    "Those who know {topic} {base} the {thing} {adv}, because the {noun} is {adj}.",
)
_TITLES = (
    "{Adj} {Noun} in {Topic}",
    "Notes on {Topic}: the {Adj} {Thing}",
    "{Topic} and the {Adj} {Noun}",
    "How the {Thing} Shapes {Topic}",
    "The {Adj} {Thing} {Place}",
    "{Topic} {Time}",
)


def third_person(verb: str) -> str:
    """ "fix" -> "fixes", "study" -> "studies", "shape" -> "shapes"."""
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _title_case(phrase: str) -> str:
    small = {"a", "an", "the", "of", "in", "on", "at", "by", "and", "to", "under", "along", "across"}
    words = phrase.split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(rng: random.Random, topic: str, things: tuple[str, ...]) -> dict[str, str]:
    # choice() rather than sample(): faster, and an odd "the quiet bench ... the quiet bench" is harmless.
    base = rng.choice(VERBS)
    time = rng.choice(TIMES)
    adverb = rng.choice(ADVERBS)
    return {
        "adj": rng.choice(ADJECTIVES),
        "adj2": rng.choice(ADJECTIVES),
        "noun": rng.choice(NOUNS),
        "noun2": rng.choice(NOUNS),
        "thing": rng.choice(things),
        "base": base,
        "verb": third_person(base),
        "adv": adverb,
        "Adv": _capitalised(adverb),
        "place": rng.choice(PLACES),
        "time": time,
        "Time": _capitalised(time),
        "topic": topic.lower(),
    }


def sentence(rng: random.Random, topic: str, things: tuple[str, ...]) -> str:
    return _capitalised(rng.choice(_SENTENCES).format(**_words(rng, topic, things)))


def title(rng: random.Random, topic: str, things: tuple[str, ...]) -> str:
    words = _words(rng, topic, things)
    template = rng.choice(_TITLES)
    filled = template.format(
        Adj=words["adj"],
        Noun=words["noun"],
        Thing=words["thing"],
        Topic=topic,
        Place=words["place"],
        Time=words["time"],
    )
    return _title_case(filled)


def section(rng: random.Random, topic: str, things: tuple[str, ...]) -> tuple[str, list[str]]:
    """(title, paragraphs): one to four paragraphs of three to seven sentences."""
    heading = title(rng, topic, things)
    paragraphs = [
        " ".join(sentence(rng, topic, things) for _ in range(rng.randint(3, 7)))
        for _ in range(rng.randint(1, 4))
    ]
    return heading, paragraphs
