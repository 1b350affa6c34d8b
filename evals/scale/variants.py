"""Variants of the real source document: its sections reordered, their sentences shuffled, regrouped or
excerpted, and titles swapped between sections. No word is paraphrased and no number is changed, so a
variant only ever states what the source states (under a possibly misleading title: a distractor).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.chunking import split_sentences
from index.cleaning import clean_text
from index.documents import read_document
from index.sections import find_sections

TITLE_SWAP_RATE = 0.15  # share of sections in a pass that take the title of another section


@dataclass(frozen=True)
class SourceSection:
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # the sentences of each paragraph, as the chunker splits them

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(s for paragraph in self.paragraphs for s in paragraph)


def read_sections(source: Path) -> tuple[SourceSection, ...]:
    """The sections of the cleaned source document, split into paragraphs and sentences."""
    text = clean_text(read_document(source).text)
    out = []
    for section in find_sections(text):
        paragraphs = tuple(
            tuple(sentence for sentence, _, _ in split_sentences(block))
            for block in section.body(text).split("\n\n")
            if block.strip()
        )
        out.append(SourceSection(section.title, paragraphs))
    return tuple(out)


def keep(rng: random.Random, section: SourceSection) -> list[str]:
    return [" ".join(p) for p in section.paragraphs]


def shuffle_within_paragraphs(rng: random.Random, section: SourceSection) -> list[str]:
    return [" ".join(rng.sample(p, len(p))) for p in section.paragraphs]


def regroup(rng: random.Random, section: SourceSection) -> list[str]:
    """All sentences of the section shuffled, then cut into paragraphs of two to four sentences."""
    sentences = rng.sample(section.sentences, len(section.sentences))
    paragraphs = []
    while sentences:
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    return paragraphs


def excerpt(rng: random.Random, section: SourceSection) -> list[str]:
    """At least half of the section's sentences, in their original order, as one paragraph."""
    sentences = section.sentences
    kept = sorted(rng.sample(range(len(sentences)), max(1, (len(sentences) + 1) // 2)))
    return [" ".join(sentences[i] for i in kept)]


TRANSFORMS: tuple[Callable[[random.Random, SourceSection], list[str]], ...] = (
    keep,
    shuffle_within_paragraphs,
    regroup,
    excerpt,
)


def variant_pass(rng: random.Random, sections: tuple[SourceSection, ...]) -> list[tuple[str, list[str]]]:
    """Every source section once, in a new order, each transformed; a few titles swapped between them."""
    order = rng.sample(sections, len(sections))
    titles = [s.title for s in order]
    for i in range(len(titles)):
        if rng.random() < TITLE_SWAP_RATE:
            j = rng.randrange(len(titles))
            titles[i], titles[j] = titles[j], titles[i]
    return [(title, rng.choice(TRANSFORMS)(rng, s)) for title, s in zip(titles, order, strict=True)]
