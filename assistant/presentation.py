"""How replies look on screen: safety cards, tap-to-call links, the sources panel, the help banner.

Pure string formatting (no gradio), so it is unit-tested and `app.py` stays wiring only.

Two output contexts, two escapes:
- Markdown shown in the chat (answers, safety texts, visitor messages): `escape_markdown` neutralises
  HTML (`&` and `<`) but keeps Markdown (`**bold**`, `> quote`) working.
- HTML blocks (sources panel, staff console panels, banner): `html.escape` on every piece of text.
Nothing a visitor types and nothing from the corpus is ever inserted unescaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.reply import Passage, Reply, ReplyKind, Route


@dataclass(frozen=True)
class Resource:
    """A help line shown in the banner and in the staff console."""

    name: str
    number: str  # as displayed
    href: str  # tel: or sms: link
    note: str
    label: str = ""  # short label for the banner


RESOURCES: tuple[Resource, ...] = (
    Resource("Emergency", "911", "tel:911", "overdose, can't wake someone, seizure: call now", "Emergency"),
    Resource(
        "Suicide & Crisis Lifeline",
        "988",
        "tel:988",
        "call or text 988, 24/7 (press 2 for Spanish)",
        "Call or text",
    ),
    Resource("Poison Help", "1-800-222-1222", "tel:+18002221222", "free, confidential, 24/7", "Poison Help"),
    Resource(
        "SAMHSA National Helpline",
        "1-800-662-4357",
        "tel:+18006624357",
        "treatment referrals, 24/7",
        "SAMHSA",
    ),
    Resource("Crisis Text Line", "741741", "sms:741741", "text HOME to 741741"),
)

DISCLAIMER = "Quotes a treatment-center page about clonazepam (Klonopin); not medical advice."

CARD_TITLES: Mapping[Route, str] = {
    Route.EMERGENCY: "Emergency",
    Route.CRISIS: "Crisis support",
    Route.MEDICAL_SUPERVISION: "Medical supervision",
}

CARD_CLASSES: Mapping[Route, str] = {
    Route.EMERGENCY: "emergency",
    Route.CRISIS: "crisis",
    Route.MEDICAL_SUPERVISION: "medical-supervision",
}

# Numbers that become tap-to-call links. In safety texts the international emergency numbers
# (112, 999) are linked too; in answers quoted from the corpus only the US help lines are, so a
# figure like "112 patients" never turns into a link.
_US_NUMBERS = r"1-800-\d{3}-\d{4}|911|988"
_ALL_NUMBERS = _US_NUMBERS + r"|741741|112|999"
_EDGE_BEFORE = r"(?<![\w./:\-\[])"
_EDGE_AFTER = r"(?![\w\-]|\.\w|\]\()"
_PHONE_RE = re.compile(_EDGE_BEFORE + "(" + _US_NUMBERS + ")" + _EDGE_AFTER)
_PHONE_RE_ALL = re.compile(_EDGE_BEFORE + "(" + _ALL_NUMBERS + ")" + _EDGE_AFTER)


def escape_markdown(text: str) -> str:
    """Make text safe for the Markdown renderer: no tag can form, Markdown still works.

    Exactly reversible with `html.unescape`, which `user_turns` relies on.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


def phone_href(number: str) -> str:
    """The link for a displayed number: `sms:` for the text line, `tel:` (E.164 for 1-800) otherwise."""
    if number == "741741":
        return "sms:741741"
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


def safety_card(reply: Reply) -> str:
    """A routed reply as a card: the fixed text, unchanged, with tap-to-call numbers.

    The card is an HTML wrapper around Markdown (blank lines after the opening and before the
    closing tag let the renderer treat the inside as Markdown).
    """
    route = Route(reply.route)
    css = CARD_CLASSES.get(route, "emergency")
    title = CARD_TITLES.get(route, "Get help")
    body = linkify_phones(escape_markdown(reply.text), international=True)
    return (
        f'<div class="safety-card safety-card--{css}" role="alert" data-route="{route.value}">\n'
        f'<p class="safety-card__label">{html.escape(title)}</p>\n\n'
        f"{body}\n\n"
        "</div>"
    )


def sources_panel(passages: Sequence[Passage], *, with_scores: bool = False) -> str:
    """A collapsed `<details>` panel: one entry per passage, section title then passage text.

    One line of HTML with no blank line, so the Markdown renderer keeps it as a single HTML block.
    """
    if not passages:
        return ""
    items = []
    for p in passages:
        score = f' <span class="source-score">score {p.score:.3f}</span>' if with_scores else ""
        items.append(
            f'<li class="source"><span class="source-section">{_section(p)}</span>{score}'
            f"<blockquote>{_html_paragraphs(p.text)}</blockquote></li>"
        )
    label = "source" if len(passages) == 1 else "sources"
    return (
        f'<details class="sources"><summary>{len(passages)} {label} from the document</summary>'
        f'<ol class="source-list">{"".join(items)}</ol></details>'
    )


def _section(passage: Passage) -> str:
    return html.escape(passage.section or "(no section)")


def _html_paragraphs(text: str) -> str:
    """Escaped text with line breaks kept (`<br>`), and no blank line (which would end the HTML block)."""
    lines = [html.escape(line.strip()) for line in text.strip().splitlines()]
    return "<br>".join(line for line in lines if line)


def answer_body(reply: Reply) -> str:
    """The Markdown of a non-routed reply, without its sources panel (what gets streamed)."""
    parts = [f"*{escape_markdown(n)}*" for n in reply.notices]
    parts.append(linkify_phones(escape_markdown(reply.text)))
    return "\n\n".join(p for p in parts if p)


def shows_sources(reply: Reply) -> bool:
    return not is_routed(reply) and reply.kind == ReplyKind.ANSWER and not reply.abstained


def assistant_message(reply: Reply) -> str:
    """The full chat message of a reply: a safety card, or the answer with its sources panel."""
    if is_routed(reply):
        notices = "".join(f"*{escape_markdown(n)}*\n\n" for n in reply.notices)
        return notices + safety_card(reply)
    body = answer_body(reply)
    if shows_sources(reply) and reply.sources:
        return f"{body}\n\n{sources_panel(reply.sources)}"
    return body


def failure_message() -> str:
    """What the chat shows when the assistant failed: an apology and the help lines, as a card."""
    text = (
        "Sorry, something went wrong and I can't answer right now. "
        "If someone is in danger, call 911 now. For a crisis, call or text 988. "
        "Poison Help: 1-800-222-1222. SAMHSA National Helpline: 1-800-662-4357."
    )
    opening = '<div class="safety-card safety-card--emergency" role="alert" data-route="error">'
    return f"{opening}\n\n{linkify_phones(text)}\n\n</div>"


def stream_prefixes(text: str, words_per_step: int = 4) -> Iterator[str]:
    """Growing prefixes of `text`, a few words at a time, ending with the whole text."""
    pieces = re.split(r"(\s+)", text)
    step = max(1, words_per_step) * 2
    for end in range(step - 1, len(pieces) - 1, step):
        yield "".join(pieces[:end])
    yield text


def message_text(content: Any) -> str:
    """The text of a chat message's content (a str, or gradio's list of typed parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        return str(content.get("text") or "")
    if isinstance(content, Iterable):
        return "".join(message_text(part) for part in content)
    return ""


def user_message(text: str) -> dict[str, str]:
    """A visitor's message as a chat entry, shown as text (HTML escaped)."""
    return {"role": "user", "content": escape_markdown(text)}


def user_turns(history: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """The visitor's earlier messages, as typed, from the chat history (undoes `escape_markdown`)."""
    turns = []
    for message in history or ():
        if message.get("role") == "user":
            text = html.unescape(message_text(message.get("content")))
            if text.strip():
                turns.append(text)
    return turns


def question_before(history: Sequence[Mapping[str, Any]], index: int) -> str:
    """The visitor message that an assistant message at `index` answers ("" if none)."""
    for message in reversed(history[: max(0, index)]):
        if message.get("role") == "user":
            return html.unescape(message_text(message.get("content")))
    return ""


# ---------------------------------------------------------------------------------------------
# Banner and static HTML


def banner_html() -> str:
    """The always-visible help banner: tap-to-call numbers and the not-medical-advice note."""
    links = "".join(
        f'<a class="help-link" href="{html.escape(r.href)}">'
        f'<span class="help-number">{html.escape(r.number)}</span> '
        f'<span class="help-name">{html.escape(r.label or r.name)}</span></a>'
        for r in RESOURCES[:4]
    )
    return (
        '<div class="help-banner" role="region" aria-label="Get help now">'
        '<p class="help-lead">In danger, or took too much? Call now.</p>'
        f'<div class="help-links">{links}</div>'
        f'<p class="disclaimer">{html.escape(DISCLAIMER)}</p>'
        "</div>"
    )


def staff_disabled_html() -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Staff console disabled</title></head><body style='font-family:sans-serif;max-width:40em;"
        "margin:3em auto;padding:0 1em'>"
        "<h1>Staff console disabled</h1>"
        "<p>No staff accounts are configured, so the staff console is off and nobody can log in.</p>"
        "<p>To enable it, set <code>ASSISTANT_STAFF_USERS</code> to <code>name:hash</code> pairs "
        "(hashes made with <code>assistant.staff_accounts.hash_password</code>) and restart the app.</p>"
        "<p><a href='/'>Back to the help chat</a></p></body></html>"
    )


# ---------------------------------------------------------------------------------------------
# Staff console panels


def staff_route_html(reply: Reply) -> str:
    route = Route(reply.route)
    css = CARD_CLASSES.get(route, "none")
    return (
        f'<div class="staff-route staff-route--{css}" data-route="{route.value}">'
        f'<p><span class="route-badge">{html.escape(route.value)}</span> '
        f'<span class="reply-kind">{html.escape(str(reply.kind))}</span>'
        f"{' · abstained' if reply.abstained else ''} · {reply.latency_ms:.0f} ms</p>"
        f'<p class="route-reason"><b>Reason:</b> {html.escape(reply.reason or "(no rule fired)")}</p>'
        + (f'<p class="route-query"><b>Query used:</b> {html.escape(reply.query)}</p>' if reply.query else "")
        + "".join(f'<p class="notice">{html.escape(n)}</p>' for n in reply.notices)
        + "</div>"
    )


def staff_script_html(reply: Reply) -> str:
    """The script to read to a caller (routed replies), else the visitor-facing text."""
    if reply.script:
        title, text = "Script to read to the caller", reply.script
    else:
        title, text = "What the visitor sees", reply.text
    return (
        f'<div class="staff-script"><h3>{title}</h3><div class="script-text">{_linked_html(text)}</div></div>'
    )


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*])[_*](?![\s*])(.+?)(?<![\s*])[_*](?![\w*])")


def _linked_html(text: str) -> str:
    """Escaped text with line breaks, **bold** and _italics_ kept, help-line numbers as tap-to-call links."""
    escaped = html.escape(text, quote=False)
    linked = _PHONE_RE_ALL.sub(lambda m: f'<a href="{phone_href(m.group(1))}">{m.group(1)}</a>', escaped)
    styled = _ITALIC_RE.sub(r"<em>\1</em>", _BOLD_RE.sub(r"<strong>\1</strong>", linked))
    return styled.replace("\n", "<br>")


def staff_passages_html(passages: Sequence[Passage], *, title: str = "Retrieved passages") -> str:
    if not passages:
        return f'<div class="staff-passages"><h3>{html.escape(title)}</h3><p>No passages.</p></div>'
    rows = []
    for p in passages:
        extra = []
        if p.dense_score is not None:
            extra.append(f"dense {p.dense_score:.3f}")
        if p.lexical_score is not None:
            extra.append(f"lexical {p.lexical_score:.3f}")
        detail = f' <span class="score-detail">({", ".join(extra)})</span>' if extra else ""
        rows.append(
            f'<li class="passage"><p><span class="passage-section">'
            f"{_section(p)}</span> · "
            f'<span class="passage-score">score {p.score:.3f}</span>{detail}</p>'
            f"<blockquote>{_html_paragraphs(p.text)}</blockquote></li>"
        )
    return f'<div class="staff-passages"><h3>{html.escape(title)}</h3><ol>{"".join(rows)}</ol></div>'


def staff_call_log_html(messages: Sequence[str]) -> str:
    """The caller's messages so far in this call (they give follow-ups their context)."""
    if not messages:
        return '<div class="staff-call-log"><h3>This call</h3><p>No messages yet.</p></div>'
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
    return f'<div class="staff-call-log"><h3>This call</h3><ol>{items}</ol></div>'


def resources_html() -> str:
    items = "".join(
        f'<li><a href="{html.escape(r.href)}">{html.escape(r.number)}</a> {html.escape(r.name)}: '
        f"{html.escape(r.note)}</li>"
        for r in RESOURCES
    )
    return f'<div class="staff-resources"><h3>Resources</h3><ul>{items}</ul></div>'


CSS = """
/* the banner stays on screen; gradio's container clips with overflow:hidden, which breaks sticky */
.gradio-container:has(#help-banner) { overflow: clip !important; }
#help-banner { position: sticky; top: 0; z-index: 20; background: var(--body-background-fill);
  padding-bottom: 4px; }
.help-banner { border: 2px solid #b91c1c; border-radius: 10px; padding: 6px 10px; background: #fef2f2; }
.help-banner .help-lead { margin: 0 0 4px 0; font-weight: 700; color: #7f1d1d; }
.help-links { display: flex; flex-wrap: wrap; gap: 6px; }
.help-link { display: inline-block; padding: 4px 10px; border-radius: 8px; background: #b91c1c;
  color: #fff !important; text-decoration: none !important; white-space: nowrap; }
.help-link, .help-link span { color: #fff !important; }
.help-link .help-number { font-weight: 700; font-variant-numeric: tabular-nums; }
.help-link .help-name { font-size: 0.85em; }
.help-banner .disclaimer { margin: 4px 0 0 0; font-size: 0.8em; color: #374151; }
.safety-card { border-left: 6px solid; border-radius: 8px; padding: 8px 12px; margin: 2px 0; }
.safety-card a { font-weight: 700; text-decoration: underline; white-space: nowrap; }
.safety-card .safety-card__label { margin: 0; font-size: 0.75em; font-weight: 700; letter-spacing: 0.06em;
  text-transform: uppercase; }
.safety-card--emergency { border-color: #b91c1c; background: #fee2e2; color: #450a0a; }
.safety-card--crisis { border-color: #6d28d9; background: #ede9fe; color: #2e1065; }
.safety-card--medical-supervision { border-color: #b45309; background: #fef3c7; color: #451a03; }
details.sources { margin-top: 8px; border-top: 1px solid #d1d5db; padding-top: 4px; }
details.sources summary { cursor: pointer; font-weight: 600; font-size: 0.9em; }
.source-section, .passage-section { font-weight: 700; font-size: 0.95em; }
.source-list { margin: 4px 0 0 0; padding-left: 1.2em; }
details.sources blockquote { margin: 2px 0 6px 0; font-size: 0.95em; }
.source-score, .score-detail { color: #6b7280; font-size: 0.85em; }
.route-badge { display: inline-block; padding: 2px 8px; border-radius: 6px; background: #e5e7eb;
  font-weight: 700; }
.staff-route--emergency .route-badge { background: #fecaca; }
.staff-route--crisis .route-badge { background: #ddd6fe; }
.staff-route--medical-supervision .route-badge { background: #fde68a; }
@media (max-width: 480px) {
  .help-banner .help-lead { display: none; }
  .help-links { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }
  .help-link { text-align: center; padding: 2px 4px; line-height: 1.25; }
  .help-link .help-name { display: block; font-size: 0.75em; }
}
"""
