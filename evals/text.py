"""Text normalisation shared by every matcher, so evidence, facts and quotes compare the same way."""

from __future__ import annotations

import re

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
    }
)
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Case-folded, curly quotes made straight, runs of whitespace collapsed to one space."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip().casefold()


def contains(haystack: str, needle: str) -> bool:
    """True when `needle` occurs in `haystack` after both are normalised (an empty needle never does)."""
    needle = normalize(needle)
    return bool(needle) and needle in normalize(haystack)


def contains_term(haystack: str, term: str) -> bool:
    """Like `contains`, but a term that starts or ends with a digit must not touch another digit there.

    So the fact "30" matches "30 days" and "30%" but not "300" or "1,130".
    """
    term = normalize(term)
    if not term:
        return False
    pattern = re.escape(term)
    if term[0].isdigit():
        pattern = r"(?<!\d)" + pattern
    if term[-1].isdigit():
        pattern += r"(?!\d)"
    return re.search(pattern, normalize(haystack)) is not None
