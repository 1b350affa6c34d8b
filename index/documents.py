"""Reads the source documents of the corpus (.txt, .md, .html) as plain text with headings kept."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _HEADING_TAGS | {
    "p",
    "div",
    "li",
    "br",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "head"}
_WHITESPACE = re.compile(r"\s+")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_SETEXT_UNDERLINE = re.compile(r"\s*(?:=+|-+)\s*$")
_BLOCK_START = re.compile(r"\s*(?:[-*+>|]|\d+[.)])")  # list items, quotes and tables keep their lines


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str  # file name, stable across builds
    text: str  # plain text; headings from Markdown or HTML are lines starting with "# "
    content_hash: str  # of the raw bytes, so any edit triggers a re-embed


class _HtmlToText(HTMLParser):
    """Keeps text and block structure, marks headings, drops scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n# " if tag in _HEADING_TAGS else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in _HEADING_TAGS else "\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Line breaks inside HTML text are spaces (a wrapped <p> is one paragraph, not several lines).
            self.parts.append(_WHITESPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    parser = _HtmlToText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def _plain(line: str) -> bool:
    """A line of paragraph text: not blank, a heading, a list item, a quote or a table row."""
    return bool(line.strip()) and not line.startswith("# ") and not _BLOCK_START.match(line)


def markdown_to_text(markdown: str) -> str:
    """Normalises Markdown headings ("## Title", or "Title" underlined) to the "# Title" form the section
    detector reads, and joins hard-wrapped lines: a wrapped line is neither a heading nor a paragraph."""
    out: list[str] = []
    for line in markdown.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("#"):
            title = _CLOSING_HASHES.sub("", stripped.lstrip("#")).strip()  # "## Title ##" -> "Title"
            out.append(f"# {title}" if title else "")
        elif out and _SETEXT_UNDERLINE.match(line) and _plain(out[-1]):
            out[-1] = f"# {out[-1].strip()}"
        elif out and stripped and out[-1].strip() and not out[-1].startswith("# ") and _plain(line):
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line)
    return "\n".join(out)


def read_document(path: Path, doc_id: str | None = None) -> SourceDocument:
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    return SourceDocument(doc_id=doc_id or path.name, text=text, content_hash=hashlib.sha256(raw).hexdigest())


def load_corpus(corpus_dir: Path) -> list[SourceDocument]:
    """All supported documents under `corpus_dir`, in a stable order."""
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    paths = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    return [read_document(p, p.relative_to(corpus_dir).as_posix()) for p in paths]
