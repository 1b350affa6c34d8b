"""Finds the headings of a cleaned document; every chunk carries its section title for citations."""

from __future__ import annotations

import re
from dataclasses import dataclass

LEAD_SECTION = "Introduction"
_MAX_HEADING_WORDS = 12
_SENTENCE_END = re.compile(r"[.,;!]$")


@dataclass(frozen=True)
class Section:
    title: str
    start: int  # offset of the section body in the cleaned text
    end: int

    def body(self, text: str) -> str:
        return text[self.start : self.end]


def is_heading(block: str) -> bool:
    """A Markdown/HTML heading, or a short line that reads as a title rather than a sentence."""
    if block.startswith("# "):
        return True
    words = block.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and "\n" not in block
        and block[0].isupper()
        and not _SENTENCE_END.search(block)
    )


def find_sections(text: str) -> list[Section]:
    """Sections in order; text before the first heading is the lead section. Empty sections are dropped."""
    sections: list[Section] = []
    title = LEAD_SECTION
    body_start = 0
    pos = 0
    for block in text.split("\n\n"):
        block_start = pos
        pos += len(block) + 2
        if block and is_heading(block):
            sections.append(Section(title, body_start, block_start))
            title = block.removeprefix("# ").rstrip(":").strip()
            body_start = min(pos, len(text))
    sections.append(Section(title, body_start, len(text)))
    return [s for s in sections if s.body(text).strip()]
