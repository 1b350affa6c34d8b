"""Shared pieces of the web pages: escaping, tap-to-call links, passage HTML, card classes, the CSS.

Two output contexts, two escapes:
- Markdown shown in the chat (answers, safety texts, visitor messages): `escape_markdown` neutralises
  HTML (`&` and `<`) but keeps Markdown (`**bold**`, `> quote`) working.
- HTML blocks (sources panel, staff console panels, banner): `html.escape` on every piece of text.
Nothing a visitor types and nothing from the corpus is ever inserted unescaped.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from pathlib import Path

from assistant import resources
from assistant.reply import Passage, Reply, Route

STYLES_PATH = Path(__file__).with_name("styles.css")

CARD_CLASSES: Mapping[Route, str] = {
    Route.EMERGENCY: "emergency",
    Route.CRISIS: "crisis",
    Route.MEDICAL_SUPERVISION: "medical-supervision",
}

# Numbers that become tap-to-call links. In safety texts the international emergency numbers
# (112, 999) are linked too; in answers quoted from the corpus only the US help lines are, so a
# figure like "112 patients" never turns into a link.
_US_LINES = ("emergency", "lifeline", "poison_help", "samhsa")
_INTERNATIONAL_LINES = ("crisis_text", "emergency_eu", "emergency_uk")
_US_NUMBERS = "|".join(re.escape(resources.number(key)) for key in _US_LINES)
_ALL_NUMBERS = "|".join([_US_NUMBERS, *(re.escape(resources.number(key)) for key in _INTERNATIONAL_LINES)])
_EDGE_BEFORE = r"(?<![\w./:\-\[])"
_EDGE_AFTER = r"(?![\w\-]|\.\w|\]\()"
_PHONE_RE = re.compile(_EDGE_BEFORE + "(" + _US_NUMBERS + ")" + _EDGE_AFTER)
_PHONE_RE_ALL = re.compile(_EDGE_BEFORE + "(" + _ALL_NUMBERS + ")" + _EDGE_AFTER)


def escape_markdown(text: str) -> str:
    """Make text safe for the Markdown renderer: no tag can form, Markdown still works.

    Exactly reversible with `html.unescape`, which `user_turns` relies on.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


@functools.cache
def _table_hrefs() -> dict[str, str]:
    return {r.number: r.href for r in resources.table().values()}


def phone_href(number: str) -> str:
    """The link for a displayed number: the resources table's (`sms:` for the text line), else `tel:`."""
    known = _table_hrefs()
    if number in known:
        return known[number]
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("1"):
        return f"tel:+{digits}"
    return f"tel:{digits}"


def linkify_phones(markdown: str, *, international: bool = False) -> str:
    """Turn help-line numbers in Markdown into tap-to-call links; the visible text is unchanged."""
    pattern = _PHONE_RE_ALL if international else _PHONE_RE
    return pattern.sub(lambda m: f"[{m.group(1)}]({phone_href(m.group(1))})", markdown)


def is_routed(reply: Reply) -> bool:
    return reply.route != Route.NONE


def section_html(passage: Passage) -> str:
    return html.escape(passage.section or "(no section)")


def html_paragraphs(text: str) -> str:
    """Escaped text with line breaks kept (`<br>`), and no blank line (which would end the HTML block)."""
    lines = [html.escape(line.strip()) for line in text.strip().splitlines()]
    return "<br>".join(line for line in lines if line)


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*])[_*](?![\s*])(.+?)(?<![\s*])[_*](?![\w*])")


def linked_html(text: str) -> str:
    """Escaped text with line breaks, **bold** and _italics_ kept, help-line numbers as tap-to-call links."""
    escaped = html.escape(text, quote=False)
    linked = _PHONE_RE_ALL.sub(lambda m: f'<a href="{phone_href(m.group(1))}">{m.group(1)}</a>', escaped)
    styled = _ITALIC_RE.sub(r"<em>\1</em>", _BOLD_RE.sub(r"<strong>\1</strong>", linked))
    return styled.replace("\n", "<br>")


@functools.cache
def css() -> str:
    """The pages' stylesheet (`styles.css`), for gradio's `css=`."""
    return STYLES_PATH.read_text(encoding="utf-8")
