"""Answer metrics: fact recall, groundedness and citation correctness.

Extractive answers quote source sentences in double quotes (straight or curly) and cite them
with [n], a 1-based index into the reply's sources; "[1][2]" and "[1, 2]" cite several.

* A citation is *attached* to the last quoted segment before it on the same line, unless
  another citation sits between them.
* Groundedness: the claims of an answer are its quoted segments that carry a citation, plus
  uncited quoted segments of at least 4 words (a quoted sentence without a source; shorter
  quoted terms such as "k-pins" are not claims). A claim is supported when its text, split at
  ellipses ("..." or "…"), occurs piece by piece in at least one cited source (normalised:
  case, whitespace, curly quotes). Groundedness = supported claims / claims.
* Citation correctness: a citation is correct when n points at an existing source and, if
  attached to a quote, that source contains the quote. Correctness = correct / citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evals.text import contains, contains_term

_QUOTE = re.compile(r'["\u201c\u201d\u201e]([^"\u201c\u201d\u201e\n]+)["\u201c\u201d\u201e]')
_ONE_CITE = r"\[\d+(?:\s*,\s*\d+)*\]"
_CITES = re.compile(rf"{_ONE_CITE}(?:[ \t]*{_ONE_CITE})*")  # "[1]", "[1][2]", "[1, 2] [3]"
_ELLIPSIS = re.compile(r"\.\.\.|\u2026")
MIN_UNCITED_CLAIM_WORDS = 4


@dataclass(frozen=True)
class Quote:
    text: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Citation:
    number: int
    quote: str | None  # the quote it is attached to, if any


@dataclass(frozen=True)
class Parsed:
    quotes: tuple[Quote, ...]
    citations: tuple[Citation, ...]


def parse(text: str) -> Parsed:
    quotes: list[tuple[int, int, str]] = [(m.start(), m.end(), m.group(1)) for m in _QUOTE.finditer(text)]
    cited: dict[int, list[int]] = {i: [] for i in range(len(quotes))}
    citations: list[Citation] = []
    last_end = -1  # end of the previous citation
    for m in _CITES.finditer(text):
        numbers = [int(n) for n in re.findall(r"\d+", m.group(0))]
        owner = None
        for i in range(len(quotes) - 1, -1, -1):
            _start, end, _ = quotes[i]
            if end <= m.start():
                between = text[end : m.start()]
                if "\n" not in between and end > last_end:
                    owner = i
                break
        for n in numbers:
            citations.append(Citation(n, quotes[owner][2] if owner is not None else None))
            if owner is not None:
                cited[owner].append(n)
        last_end = m.end()
    return Parsed(
        quotes=tuple(Quote(q[2], tuple(cited[i])) for i, q in enumerate(quotes)),
        citations=tuple(citations),
    )


def _in_source(quote: str, source: str) -> bool:
    pieces = [p.strip(" ,;:") for p in _ELLIPSIS.split(quote)]
    pieces = [p for p in pieces if p]
    return bool(pieces) and all(contains(source, p) for p in pieces)


def _source(sources: Sequence[str], n: int) -> str | None:
    return sources[n - 1] if 1 <= n <= len(sources) else None


@dataclass(frozen=True)
class Grounding:
    claims: int
    supported: int
    citations: int
    correct_citations: int
    unsupported: tuple[str, ...]  # claims not found in their cited sources
    bad_citations: tuple[int, ...]  # citation numbers that were wrong


def grounding(text: str, sources: Sequence[str]) -> Grounding:
    parsed = parse(text)
    claims = supported = 0
    unsupported: list[str] = []
    for q in parsed.quotes:
        if not q.citations and len(q.text.split()) < MIN_UNCITED_CLAIM_WORDS:
            continue
        claims += 1
        cited = [s for s in (_source(sources, n) for n in q.citations) if s is not None]
        if any(_in_source(q.text, s) for s in cited):
            supported += 1
        else:
            unsupported.append(q.text)
    bad = []
    for c in parsed.citations:
        source = _source(sources, c.number)
        if source is None or (c.quote is not None and not _in_source(c.quote, source)):
            bad.append(c.number)
    return Grounding(
        claims=claims,
        supported=supported,
        citations=len(parsed.citations),
        correct_citations=len(parsed.citations) - len(bad),
        unsupported=tuple(unsupported),
        bad_citations=tuple(bad),
    )


def facts_found(text: str, facts: Sequence[str]) -> tuple[bool, ...]:
    """For each fact ("a|b|c" alternatives), whether one alternative occurs in the text.

    Matching is case-insensitive with whitespace and quotes normalised; an alternative that
    starts or ends with a digit must not touch another digit there ("30" is not in "300").
    """
    return tuple(any(contains_term(text, alt) for alt in fact.split("|") if alt.strip()) for fact in facts)
