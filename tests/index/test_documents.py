"""Reading the corpus: .txt, .md and .html files as plain text with headings kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from index.documents import html_to_text, load_corpus, markdown_to_text, read_document


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_html_headings_are_marked_tags_stripped_and_scripts_dropped() -> None:
    html = (
        "<html><head><title>T</title><script>alert('x')</script></head><body>"
        "<h2>Signs of <i>Overdose</i></h2><p>Slow   breathing and blue lips.</p>"
        "<style>p {}</style><div>Call &quot;911&quot; now.</div></body></html>"
    )
    assert lines(html_to_text(html)) == [
        "# Signs of Overdose",
        "Slow breathing and blue lips.",
        'Call "911" now.',
    ]


def test_html_paragraph_wrapped_in_the_source_stays_one_paragraph() -> None:
    html = (
        "<h2>Withdrawal</h2>\n<p>Stopping suddenly\n  can cause\n\tseizures.</p>\n<p>Second\nparagraph.</p>"
    )
    assert lines(html_to_text(html)) == [
        "# Withdrawal",
        "Stopping suddenly can cause seizures.",
        "Second paragraph.",
    ]


def test_nested_skipped_tags_do_not_leak_text() -> None:
    html = "<template><div>hidden<script>x</script> still hidden</div></template><p>shown</p>"
    assert html_to_text(html) == "shown\n"


def test_markdown_headings_of_any_level_become_hash_headings() -> None:
    md = "# One\ntext\n\n  ### Three ###\n####\n\nbody # not a heading\n\n## C#"
    assert lines(markdown_to_text(md)) == ["# One", "text", "# Three", "body # not a heading", "# C#"]


def test_markdown_underlined_headings_become_hash_headings() -> None:
    md = "Withdrawal Risks\n================\n\nBody text.\n\nGetting Help\n---\n\nMore text."
    assert lines(markdown_to_text(md)) == ["# Withdrawal Risks", "Body text.", "# Getting Help", "More text."]


def test_markdown_hard_wrapped_paragraph_is_one_line_and_lists_keep_their_items() -> None:
    md = (
        "# Tapering\n"
        "Ask your prescriber to plan\n"
        "the taper with you.\n"
        "\n"
        "Signs to watch:\n"
        "- trouble sleeping and\n"
        "  feeling anxious\n"
        "- tremor\n"
        "1. first step\n"
    )
    assert lines(markdown_to_text(md)) == [
        "# Tapering",
        "Ask your prescriber to plan the taper with you.",
        "Signs to watch:",
        "- trouble sleeping and feeling anxious",
        "- tremor",
        "1. first step",
    ]


def test_read_document_hashes_the_raw_bytes_and_decodes_bad_bytes(tmp_path: Path) -> None:
    raw = b"Caf\xe9 latte \xff is not UTF-8.\n"
    path = tmp_path / "odd.txt"
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.doc_id == "odd.txt"
    assert doc.content_hash == hashlib.sha256(raw).hexdigest()
    assert "latte" in doc.text and "\ufffd" in doc.text


def test_any_edit_changes_the_hash(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Same words.")
    first = read_document(path).content_hash
    path.write_text("Same words. ")
    assert read_document(path).content_hash != first


def test_load_corpus_is_sorted_recursive_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.MD").write_text("# A")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.htm").write_text("<p>c</p>")
    (tmp_path / "notes.docx").write_text("skip")
    assert [d.doc_id for d in load_corpus(tmp_path)] == ["a.MD", "b.txt", "sub/c.htm"]


def test_missing_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")


def test_the_shipped_corpus_holds_the_source_page(corpus_dir: Path) -> None:
    docs = load_corpus(corpus_dir)
    assert "clonazepam-addiction.txt" in [d.doc_id for d in docs]
