"""The page's doubtful claims (`claims.toml`): which quoted sentences get a correction beside them.

Reviewed data, loaded once and validated; `ClaimNotes.for_text` says which notes a quoted sentence
needs. Matching ignores case, spacing and curly quotes, so a re-cleaned corpus still matches.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.reply import ClaimNote

CLAIMS_PATH = Path(__file__).with_name("claims.toml")
_FIELDS = {"id", "example_question", "span", "note", "source", "stop_reminder"}


class ClaimsFileError(ValueError):
    """claims.toml is malformed; the message names the entry."""


def matchable(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class ClaimNotes:
    notes: tuple[ClaimNote, ...]
    stop_reminder_text: str

    def for_text(self, text: str) -> tuple[ClaimNote, ...]:
        """The notes whose span occurs in `text`, in file order."""
        seen = matchable(text)
        return tuple(n for n in self.notes if matchable(n.span) in seen)

    def for_texts(self, texts: Iterable[str]) -> tuple[ClaimNote, ...]:
        found = {n.id: n for text in texts for n in self.for_text(text)}
        return tuple(n for n in self.notes if n.id in found)


def parse(data: dict, origin: str = "claims.toml") -> ClaimNotes:
    reminder = data.get("stop_reminder_text")
    if not isinstance(reminder, str) or not reminder.strip():
        raise ClaimsFileError(f"{origin}: stop_reminder_text is missing or empty")
    notes, ids = [], set()
    for number, entry in enumerate(data.get("claims", []), start=1):
        name = entry.get("id", f"entry {number}")
        if set(entry) != _FIELDS:
            raise ClaimsFileError(f"{origin}: claim {name!r} needs exactly the fields {sorted(_FIELDS)}")
        if name in ids:
            raise ClaimsFileError(f"{origin}: claim {name!r} appears twice")
        texts = ("example_question", "span", "note", "source")
        if not all(isinstance(entry[k], str) and entry[k].strip() for k in texts):
            raise ClaimsFileError(f"{origin}: claim {name!r} has an empty {', '.join(texts)} field")
        if not isinstance(entry["stop_reminder"], bool):
            raise ClaimsFileError(f"{origin}: claim {name!r}: stop_reminder must be true or false")
        ids.add(name)
        notes.append(ClaimNote(**entry))
    return ClaimNotes(tuple(notes), reminder.strip())


@functools.cache
def load(path: Path = CLAIMS_PATH) -> ClaimNotes:
    with path.open("rb") as file:
        return parse(tomllib.load(file), path.name)
