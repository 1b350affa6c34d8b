"""The fixed, reviewed texts of the safety routes, read from `texts.toml` (the data a reviewer reads).

`VISITOR_TEXTS`, `FOOTERS` and `BANNERS` are what visitors see; `STAFF` holds the staff console's
scripts (`assistant.safety.staff`). Numbers come from the resources table (`assistant.resources`).
The file is read once, at first use of a name of this module.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from assistant.reply import Route
from assistant.resources import fill

TEXTS_PATH = Path(__file__).with_name("texts.toml")
ROUTED = (Route.EMERGENCY, Route.MEDICAL_SUPERVISION, Route.CRISIS)
LANGUAGES = ("en", "es")


@functools.cache
def load() -> dict[str, Any]:
    """Every text of `texts.toml` with the numbers filled in, checked for completeness."""
    with TEXTS_PATH.open("rb") as file:
        raw = tomllib.load(file)
    visitor = {
        (route, lang): fill(raw["visitor"][lang][route.value]) for lang in LANGUAGES for route in ROUTED
    }
    footers = {lang: {topic: fill(text) for topic, text in raw["footer"][lang].items()} for lang in LANGUAGES}
    for lang in LANGUAGES:  # withdrawal questions get the stopping footer
        footers[lang]["withdrawal"] = footers[lang]["stopping"]
    banners = {
        lang: {Route(route): fill(text) for route, text in raw["banner"][lang].items()} for lang in LANGUAGES
    }
    staff = {key: fill(text) for key, text in raw["staff"].items()}
    return {"VISITOR_TEXTS": visitor, "FOOTERS": footers, "BANNERS": banners, "STAFF": staff}


def __getattr__(name: str) -> Any:
    texts = load()
    if name in texts:
        return texts[name]
    raise AttributeError(name)
