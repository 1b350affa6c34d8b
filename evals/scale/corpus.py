"""Deterministic corpora for scale tests: the real document, variants of it, and neutral filler.

    python -m evals.scale.corpus --chunks 10000 --out /tmp/scale-10k [--seed N]

Writes into an empty folder, one document per file:
    clonazepam-addiction.txt     the source document, byte for byte (the QA questions still find answers)
    variants/variant-NNNNNN.txt  its sections reordered, sentences shuffled, titles swapped (variants.py)
    filler/filler-NNNNNN.txt     neutral topics from word lists (filler.py)
About one document in ten is Markdown (.md, '#' headings) instead. Documents are 20-80 chunks each, and
documents are added until the corpus reaches the target; chunks are counted with the project's own
cleaning, section finding and chunking (no embedding), so the total lands within a few chunks of it
(a target below the original document's 27 chunks yields the original alone).

Same seed and target give byte-identical files: one random.Random(seed) drives every choice, in order.
Every generated file is checked as it is written: cleaning must leave it unchanged and the section finder
must find exactly the titles that were written, so no content is lost to the cleaner.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_text_splitters import RecursiveCharacterTextSplitter

from evals.scale import filler
from evals.scale.variants import SourceSection, read_sections, variant_pass
from index.chunking import chunk_document, make_splitter
from index.cleaning import clean_text
from index.documents import read_document
from index.sections import find_sections, is_heading
from index.shared.settings import PROJECT_ROOT, Settings

SOURCE = PROJECT_ROOT / "corpus" / "clonazepam-addiction.txt"
DEFAULT_CHUNK_SIZE: int = Settings.model_fields["chunk_size"].default
DEFAULT_CHUNK_OVERLAP: int = Settings.model_fields["chunk_overlap"].default
DOC_MIN_CHUNKS, DOC_MAX_CHUNKS = 20, 80
FILLER_SHARE = 0.5
MARKDOWN_SHARE = 0.1

Section = tuple[str, list[str]]  # (title, paragraphs)


@dataclass(frozen=True)
class CorpusStats:
    documents: int  # files written, the original included
    characters: int
    chunks: int  # as the project's chunker splits the written files
    target_chunks: int
    variant_documents: int
    filler_documents: int
    markdown_documents: int


class GenerationError(RuntimeError):
    """A generated document would not survive cleaning or section finding as written (a generator bug)."""


def body_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs that the section finder cannot mistake for headings: a short line without end punctuation
    is joined to its neighbour; a section whose whole body reads as a heading is dropped (empty list)."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and is_heading(out[-1]):
            out[-1] = f"{out[-1]} {paragraph}"
        else:
            out.append(paragraph)
    if len(out) > 1 and is_heading(out[-1]):
        out[-2:] = [f"{out[-2]} {out[-1]}"]
    return [] if len(out) == 1 and is_heading(out[0]) else out


def render(sections: Sequence[Section], markdown: bool) -> str:
    """The file text, already in the cleaner's form: one block per line, blank lines between blocks."""
    blocks: list[str] = []
    for title, paragraphs in sections:
        blocks.append(f"# {title}" if markdown else title)
        blocks.extend(paragraphs)
    return "\n\n".join(blocks) + "\n"


def count_chunks(path: Path, doc_id: str, chunk_size: int, chunk_overlap: int) -> tuple[int, str, list[str]]:
    """(chunks, cleaned text, section titles) of a written file, through the index builder's own steps."""
    text = clean_text(read_document(path, doc_id).text)
    sections = find_sections(text)
    chunks, _ = chunk_document(doc_id, text, sections, chunk_size, chunk_overlap)
    return len(chunks), text, [s.title for s in sections]


def _variant_sections(rng: random.Random, source_sections: tuple[SourceSection, ...]) -> Iterator[Section]:
    while True:
        yield from variant_pass(rng, source_sections)


def _filler_sections(rng: random.Random) -> Iterator[Section]:
    topic, things = rng.choice(filler.TOPICS)
    while True:
        yield filler.section(rng, topic, things)


def _document_goal(rng: random.Random, remaining: int) -> int:
    """Chunks for the next document: 20-80, and the last documents share out what is left."""
    if remaining <= DOC_MAX_CHUNKS:
        return remaining
    return min(rng.randint(DOC_MIN_CHUNKS, DOC_MAX_CHUNKS), remaining - DOC_MIN_CHUNKS)


def _take_sections(
    sections: Iterator[Section], goal: int, splitter: RecursiveCharacterTextSplitter
) -> list[Section]:
    """Sections until the splitter (the one chunk_document uses per section) says the goal is reached."""
    taken: list[Section] = []
    planned = 0
    while planned < goal:
        title, paragraphs = next(sections)
        paragraphs = body_paragraphs(paragraphs)
        if paragraphs:
            taken.append((title, paragraphs))
            planned += len(splitter.split_text("\n\n".join(paragraphs)))
    return taken


def generate_corpus(
    out_dir: Path,
    target_chunks: int,
    *,
    seed: int = 0,
    source: Path = SOURCE,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    chunk_overlap: int = DEFAULT_CHUNK_OVERLAP,
    filler_share: float = FILLER_SHARE,
    markdown_share: float = MARKDOWN_SHARE,
) -> CorpusStats:
    """Writes a corpus of about `target_chunks` chunks into `out_dir` (created; must be empty).

    `filler_share` and `markdown_share` are the chances that a generated document is filler (else a
    variant) and Markdown (else plain text)."""
    if target_chunks < 1:
        raise ValueError("target_chunks must be positive")
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty: the chunk count would include old files")
    rng = random.Random(seed)
    splitter = make_splitter(chunk_size, chunk_overlap)
    source_sections = read_sections(source)

    original = out_dir / source.name
    original.write_bytes(source.read_bytes())
    total, _, _ = count_chunks(original, source.name, chunk_size, chunk_overlap)
    characters = len(source.read_text(encoding="utf-8"))
    written = {"variants": 0, "filler": 0, "markdown": 0}

    number = 0
    while total < target_chunks:
        number += 1
        goal = _document_goal(rng, target_chunks - total)
        kind = "filler" if rng.random() < filler_share else "variants"
        markdown = rng.random() < markdown_share
        stream = _filler_sections(rng) if kind == "filler" else _variant_sections(rng, source_sections)
        sections = _take_sections(stream, goal, splitter)

        raw = render(sections, markdown)
        doc_id = f"{kind}/{kind.removesuffix('s')}-{number:06d}{'.md' if markdown else '.txt'}"
        path = out_dir / doc_id
        path.parent.mkdir(exist_ok=True)
        path.write_text(raw, encoding="utf-8", newline="\n")
        chunks, cleaned, titles = count_chunks(path, doc_id, chunk_size, chunk_overlap)
        if cleaned != raw or titles != [title for title, _ in sections]:
            raise GenerationError(f"{doc_id} does not survive cleaning and section finding as written")

        total += chunks
        characters += len(raw)
        written[kind] += 1
        written["markdown"] += markdown

    return CorpusStats(
        documents=1 + written["variants"] + written["filler"],
        characters=characters,
        chunks=total,
        target_chunks=target_chunks,
        variant_documents=written["variants"],
        filler_documents=written["filler"],
        markdown_documents=written["markdown"],
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.scale.corpus", description="Write a deterministic corpus for scale tests."
    )
    parser.add_argument("--chunks", type=int, required=True, help="target number of chunks, e.g. 10000")
    parser.add_argument("--out", type=Path, required=True, help="output folder (created; must be empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the document to vary")
    args = parser.parse_args(argv)
    if args.chunks < 1:
        parser.error("--chunks must be positive")
    settings = Settings()
    started = time.perf_counter()
    try:
        stats = generate_corpus(
            args.out,
            args.chunks,
            seed=args.seed,
            source=args.source,
            chunk_size=settings.chunk_size,
            chunk_overlap=settings.chunk_overlap,
        )
    except FileExistsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(
        f"{stats.documents} documents ({stats.variant_documents} variants, {stats.filler_documents} filler, "
        f"{stats.markdown_documents} Markdown), {stats.characters} characters, {stats.chunks} chunks "
        f"(target {stats.target_chunks}, chunk size {settings.chunk_size}/{settings.chunk_overlap}) "
        f"in {seconds:.1f} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
