"""How replies look in the visitor chat: safety cards, answers with their sources panel, the banner.

Pure string formatting (no gradio), so it is unit-tested and the gradio wiring stays thin.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from assistant.reply import Passage, Reply, ReplyKind, Route
from assistant.resources import fill, listed
from assistant.web.markup import (
    CARD_CLASSES,
    escape_markdown,
    html_paragraphs,
    is_routed,
    linkify_phones,
    section_html,
)
from index.shared.history import is_user_turn, turn_text
from index.shared.history import user_turns as history_user_turns

DISCLAIMER = "Quotes a treatment-center page about clonazepam (Klonopin); not medical advice."
BANNER_LINES = 4  # the first lines of the resources table, as tap-to-call links

CARD_TITLES: Mapping[Route, str] = {
    Route.EMERGENCY: "Emergency",
    Route.CRISIS: "Crisis support",
    Route.MEDICAL_SUPERVISION: "Medical supervision",
}


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
            f'<li class="source"><span class="source-section">{section_html(p)}</span>{score}'
            f"<blockquote>{html_paragraphs(p.text)}</blockquote></li>"
        )
    label = "source" if len(passages) == 1 else "sources"
    return (
        f'<details class="sources"><summary>{len(passages)} {label} from the document</summary>'
        f'<ol class="source-list">{"".join(items)}</ol></details>'
    )


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
    text = fill(
        "Sorry, something went wrong and I can't answer right now. "
        "If someone is in danger, call {emergency} now. For a crisis, call or text {lifeline}. "
        "Poison Help: {poison_help}. SAMHSA National Helpline: {samhsa}."
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


def user_message(text: str) -> dict[str, str]:
    """A visitor's message as a chat entry, shown as text (HTML escaped)."""
    return {"role": "user", "content": escape_markdown(text)}


def user_turns(history: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """The visitor's earlier messages, as typed, from the chat history (undoes `escape_markdown`)."""
    return [html.unescape(turn) for turn in history_user_turns(history)]


def question_before(history: Sequence[Mapping[str, Any]], index: int) -> str:
    """The visitor message that an assistant message at `index` answers ("" if none)."""
    for message in reversed(history[: max(0, index)]):
        if is_user_turn(message):
            return html.unescape(turn_text(message))
    return ""


def banner_html() -> str:
    """The always-visible help banner: tap-to-call numbers and the not-medical-advice note."""
    links = "".join(
        f'<a class="help-link" href="{html.escape(r.href)}">'
        f'<span class="help-number">{html.escape(r.number)}</span> '
        f'<span class="help-name">{html.escape(r.label or r.name)}</span></a>'
        for r in listed()[:BANNER_LINES]
    )
    return (
        '<div class="help-banner" role="region" aria-label="Get help now">'
        '<p class="help-lead">In danger, or took too much? Call now.</p>'
        f'<div class="help-links">{links}</div>'
        f'<p class="disclaimer">{html.escape(DISCLAIMER)}</p>'
        "</div>"
    )
