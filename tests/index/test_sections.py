"""Section detection: headings become titles that every chunk carries, for citations."""

from __future__ import annotations

import pytest

from index.cleaning import clean_text
from index.documents import load_corpus
from index.prepare import prepare
from index.sections import LEAD_SECTION, find_sections, is_heading


@pytest.mark.parametrize(
    "block",
    [
        "Clonazepam Detox",
        "# A Markdown heading, with a comma.",
        "How Do I Know if I\u2019m Addicted?",
        "Overall effects:",
    ],
)
def test_headings(block: str) -> None:
    assert is_heading(block)


@pytest.mark.parametrize(
    "block",
    [
        "-The most common side effect is constant fatigue.",
        "Irritability or aggravation, euphoria, severe depression.",
        "lower-case start is not a title",
        "A very long line that has far too many words to be read as a heading of any section at all",
        "",
    ],
)
def test_not_headings(block: str) -> None:
    assert not is_heading(block)


def test_sections_cover_the_bodies_between_headings() -> None:
    text = (
        "Lead paragraph here.\n\nFirst Title\n\nBody one.\n\n# Second: Title\n\nBody two.\n\nMore of two.\n"
    )
    sections = find_sections(text)
    assert [s.title for s in sections] == [LEAD_SECTION, "First Title", "Second: Title"]
    assert [s.body(text).strip() for s in sections] == [
        "Lead paragraph here.",
        "Body one.",
        "Body two.\n\nMore of two.",
    ]


def test_trailing_colon_is_dropped_from_titles_and_empty_sections_are_dropped() -> None:
    text = clean_text(
        "Overall Psychological effects:\n\nHallucinations, difficulty thinking.\n\nEmpty One\n\nLast\n\nx y."
    )
    assert [s.title for s in find_sections(text)] == ["Overall Psychological effects", "Last"]


@pytest.fixture(scope="module")
def real_chunks(corpus_dir):
    (doc,) = [d for d in load_corpus(corpus_dir) if d.doc_id == "clonazepam-addiction.txt"]
    return prepare(doc, 700, 120).chunks


def test_every_chunk_of_the_real_document_carries_its_section(real_chunks) -> None:
    withdrawal = [c for c in real_chunks if "Immediately stopping Clonazepam" in c.text]
    assert withdrawal and all(c.section == "Struggling with Withdrawals" for c in withdrawal)
    inpatient = [c for c in real_chunks if "30, 60 or 90 days" in c.text]
    assert inpatient and all(c.section == "Highly Recommended: Inpatient Clonazepam Rehab" for c in inpatient)
    faq = [c for c in real_chunks if "serious birth defects" in c.text]
    assert [c.section for c in faq] == ["Can I Take Clonazepam When Pregnant?"]
    assert all(c.section and c.section == c.section.strip() for c in real_chunks)


def test_real_document_sections_follow_the_page_order(real_chunks) -> None:
    titles = list(dict.fromkeys(c.section for c in real_chunks))
    assert titles[0] == LEAD_SECTION  # the statistics before the first heading
    expected_order = [
        "Clonazepam Addiction and Abuse",
        "Clonazepam Detox",
        "Struggling with Withdrawals",
        "Clonazepam Danger: Signs of Overdose",
        "The Importance of Aftercare",
        "Prescription Drug Abuse Stats",
    ]
    assert [t for t in titles if t in expected_order] == expected_order
    assert len(titles) == len(set(titles))  # a repeated heading would have produced a duplicate section


# --- Markdown and HTML documents dropped into the corpus ---------------------------------------------

MARKDOWN = """# Tapering Notes

Intro paragraph about tapering and why it matters to patients.

## Talking to Prescribers

Ask your prescriber to plan the taper
with you. They adjust it as you go.

### Support Groups

Peer groups help many people stay on track after treatment.
"""

HTML = """<!doctype html>
<html><head><title>Page title</title><style>h2 { color: red } .secret-style {}</style></head>
<body>
<script>var tracking = "SECRET-SCRIPT-TEXT";</script>
<h1>Family <em>Support</em></h1>
<p>Families can <b>learn</b> how to help a loved one in recovery.</p>
<noscript>Enable JavaScript NOSCRIPT-TEXT</noscript>
<h2>Warning Signs at Home</h2>
<p>Missing pills and changes in mood can be warning signs &amp; deserve attention.</p>
<ul><li>First listed sign of trouble.</li><li>Second listed sign of trouble.</li></ul>
</body></html>
"""


def test_markdown_and_html_documents_in_the_corpus_are_chunked_with_their_headings(corpus_copy) -> None:
    (corpus_copy / "tapering.md").write_text(MARKDOWN)
    sub = corpus_copy / "pages"
    sub.mkdir()
    (sub / "family.html").write_text(HTML)
    (corpus_copy / "ignored.pdf").write_bytes(b"%PDF-1.4 not a supported document")
    docs = {d.doc_id: d for d in load_corpus(corpus_copy)}
    assert sorted(docs) == ["clonazepam-addiction.txt", "pages/family.html", "tapering.md"]

    md = prepare(docs["tapering.md"], 700, 120).chunks
    assert {c.text: c.section for c in md} == {
        "Intro paragraph about tapering and why it matters to patients.": "Tapering Notes",
        "Ask your prescriber to plan the taper with you. They adjust it as you go.": "Talking to Prescribers",
        "Peer groups help many people stay on track after treatment.": "Support Groups",
    }
    assert all(c.doc_id == "tapering.md" for c in md)

    html = prepare(docs["pages/family.html"], 700, 120).chunks
    sections = {c.section for c in html}
    assert sections == {"Family Support", "Warning Signs at Home"}
    text = " ".join(c.text for c in html)
    assert "Families can learn how to help a loved one in recovery." in text
    assert "changes in mood can be warning signs & deserve attention." in text
    assert "First listed sign of trouble." in text and "Second listed sign of trouble." in text
    for dropped in ("SECRET-SCRIPT-TEXT", "secret-style", "NOSCRIPT-TEXT", "Page title", "<", ">"):
        assert dropped not in text
