"""Removes scraped-page artifacts while keeping every sentence of real content.

Each rule is one small function so that tests can name the artifact it removes.
"""

from __future__ import annotations

import re
import unicodedata

# Navigation and widget text of the scraped page: whole lines that are never content.
BOILERPLATE_LINES = frozenset(
    {
        "learn more about clonazepam",
        "learn more about clonazepam with our infographics.",
        "plus icon",
        "minus icon",
        "clonazepam infograph",
        "verify insurance",
    }
)

# A tag starts with a letter ("<b>", "</p>"); "< 2 mg and >" or "<0.5 mg" is content, not markup.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")
_STRAY_ANGLE = re.compile(r"(?<=[A-Za-z])[<>]+|[<>]+(?=[A-Za-z])")
_DOUBLED_CAPITAL = re.compile(r"\b([A-Z])\1(?=[a-z]{2,})")
_BULLET = re.compile(r"^\s*[-•*]\s*(?=\S)")
_SPACES = re.compile(r"[ \t\u00a0]+")


def comparable(text: str) -> str:
    """Text folded for comparing headings: case, curly quotes and spacing do not matter."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = (
        folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    )
    return " ".join(folded.split())


def strip_markup(line: str) -> str:
    """ "Rehab<" -> "Rehab"; "<b>Detox</b>" -> "Detox"."""
    return _STRAY_ANGLE.sub("", _TAG.sub("", line))


def fix_doubled_capital(line: str) -> str:
    """ "CClonazepam" -> "Clonazepam" (a first letter typed twice by the page's drop-cap widget)."""
    return _DOUBLED_CAPITAL.sub(r"\1", line)


def unglue_repeated(line: str) -> str:
    """ "The Importance of AftercareThe Importance of Aftercare" -> "The Importance of Aftercare"."""
    n = len(line)
    for cut in range(n // 2 - 2, n // 2 + 3):
        if 0 < cut < n and comparable(line[:cut]) == comparable(line[cut:]) and comparable(line[:cut]):
            return line[cut:].strip()  # the second copy: it keeps the page's curly apostrophes
    return line


def strip_bullet(line: str) -> str:
    """ "-Yes. Taking too much ..." -> "Yes. Taking too much ..."."""
    return _BULLET.sub("", line)


def is_boilerplate(line: str) -> bool:
    return comparable(line) in BOILERPLATE_LINES


def clean_line(line: str) -> str:
    line = _SPACES.sub(" ", line).strip()
    heading = line.startswith("# ")
    body = line[2:] if heading else line
    body = unglue_repeated(strip_bullet(fix_doubled_capital(strip_markup(body))).strip())
    return f"# {body}" if heading and body else body


def drop_repeated_lines(lines: list[str]) -> list[str]:
    """A heading printed twice in a row (blank lines between allowed) is kept once."""
    out: list[str] = []
    last_text = ""
    for line in lines:
        if not line:
            out.append(line)
            continue
        key = comparable(line.removeprefix("# "))
        if key == last_text and len(line) <= 120:
            continue
        out.append(line)
        last_text = key
    return out


def clean_text(raw: str) -> str:
    """The cleaned document: one paragraph or heading per line, blank lines between blocks."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_line(line) for line in text.split("\n")]
    lines = [line for line in lines if not is_boilerplate(line.removeprefix("# "))]
    lines = drop_repeated_lines(lines)
    blocks = [line for line in lines if line]
    return "\n\n".join(blocks) + "\n" if blocks else ""
