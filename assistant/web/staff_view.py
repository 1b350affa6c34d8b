"""How the help-line staff console looks: route and reason, the script, passages with scores, resources.

Pure string formatting (no gradio); every piece of text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from assistant.claims import ClaimNotes
from assistant.reply import ClaimNote, Passage, Reply, Route
from assistant.resources import listed
from assistant.web.markup import CARD_CLASSES, html_paragraphs, linked_html, section_html


def staff_disabled_html() -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Staff console disabled</title></head><body style='font-family:sans-serif;max-width:40em;"
        "margin:3em auto;padding:0 1em'>"
        "<h1>Staff console disabled</h1>"
        "<p>No staff accounts are configured, so the staff console is off and nobody can log in.</p>"
        "<p>To enable it, set <code>ASSISTANT_STAFF_USERS</code> to <code>name:hash</code> pairs "
        "(hashes made with <code>assistant.web.staff_accounts.hash_password</code>) and restart the app.</p>"
        "<p><a href='/'>Back to the help chat</a></p></body></html>"
    )


def staff_route_html(reply: Reply) -> str:
    route = Route(reply.route)
    css = CARD_CLASSES.get(route, "none")
    return (
        f'<div class="staff-route staff-route--{css}" data-route="{route.value}">'
        f'<p><span class="route-badge">{html.escape(route.value)}</span> '
        f'<span class="reply-kind">{html.escape(str(reply.kind))}</span>'
        f"{' · abstained' if reply.abstained else ''} · {reply.latency_ms:.0f} ms</p>"
        f'<p class="route-reason"><b>Reason:</b> {html.escape(reply.reason or "(no rule fired)")}</p>'
        + _routed_by_html(reply)
        + (
            f'<p class="route-rationale"><b>Why this rule routes:</b> {html.escape(reply.rule_rationale)}</p>'
            if reply.rule_rationale
            else ""
        )
        + (f'<p class="route-query"><b>Query used:</b> {html.escape(reply.query)}</p>' if reply.query else "")
        + "".join(f'<p class="notice">{html.escape(n)}</p>' for n in reply.notices)
        + "</div>"
    )


_LAYERS = {
    "rules": "a reviewed rule",
    "context": "a reviewed rule, with an earlier turn",
    "learned": "the learned model, not a rule",
    "backstop": "similarity to reviewed examples, not a rule",
}


def _routed_by_html(reply: Reply) -> str:
    """Who routed it; a model's escalation is marked as such, with its probability."""
    if not reply.routed_by or Route(reply.route) is Route.NONE:
        return ""
    what = _LAYERS.get(reply.routed_by, reply.routed_by)
    if reply.model_probability is not None:
        what += f" (probability {reply.model_probability:.2f})"
    model = reply.routed_by in ("learned", "backstop")
    css = "routed-by routed-by--model" if model else "routed-by"
    return f'<p class="{css}"><b>Routed by:</b> {html.escape(what)}</p>'


def staff_script_html(reply: Reply) -> str:
    """The script to read to a caller (routed replies), else the visitor-facing text."""
    if reply.script:
        title, text = "Script to read to the caller", reply.script
    else:
        title, text = "What the visitor sees", reply.text
    return (
        f'<div class="staff-script"><h3>{title}</h3><div class="script-text">{linked_html(text)}</div>'
        f"{claim_notes_html(reply.claim_notes, title='Doubtful claims in this answer')}"
        f"{generated_html(reply)}</div>"
    )


def generated_html(reply: Reply) -> str:
    """Every sentence the language model wrote: kept ones with their support and passage, dropped ones
    marked as dropped, with why; and how the answer was made. Empty when generation is off."""
    if not reply.generated and not reply.answer_mode.startswith("extractive ("):
        return ""
    rows = []
    for sentence in reply.generated:
        state = "kept" if sentence.kept else "dropped"
        verdict = "kept" if sentence.kept else f"dropped: {sentence.why_dropped}"
        cited = ", ".join(f"[{n}]" for n in sentence.citations) or "none"
        text = html.escape(sentence.text)
        closest = html.escape(sentence.supporting)
        rows.append(
            f'<li class="generated generated--{state}">'
            f"<p>{text if sentence.kept else f'<s>{text}</s>'}</p>"
            f"<p class='generated-verdict'><b>{html.escape(verdict)}</b> · support {sentence.support:.2f} "
            f"(similarity {sentence.similarity:.2f}) · cites {html.escape(cited)}</p>"
            + (f"<p class='generated-support'>Closest passage sentence: {closest}</p>" if closest else "")
            + "</li>"
        )
    return (
        f'<div class="staff-generated"><h3>Generated sentences</h3>'
        f"<p><b>Answer made:</b> {html.escape(reply.answer_mode)}</p><ol>{''.join(rows)}</ol></div>"
    )


def claim_notes_html(notes: Sequence[ClaimNote], *, title: str = "") -> str:
    """Each correction with the page's words it is about and its source (claims.toml)."""
    if not notes:
        return ""
    heading = f"<h4>{html.escape(title)}</h4>" if title else ""
    items = "".join(
        f'<li data-claim="{html.escape(n.id)}"><q>{html.escape(n.span)}</q>: {html.escape(n.note)} '
        f'<span class="claim-source">(Source: {html.escape(n.source)})</span></li>'
        for n in notes
    )
    return f'<div class="claim-notes">{heading}<ul>{items}</ul></div>'


def staff_passages_html(
    passages: Sequence[Passage], *, title: str = "Retrieved passages", claims: ClaimNotes | None = None
) -> str:
    """Ranked passages with their scores; under each, the corrections of the doubtful claims it holds."""
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
            f"{section_html(p)}</span> · "
            f'<span class="passage-score">score {p.score:.3f}</span>{detail}</p>'
            f"<blockquote>{html_paragraphs(p.text)}</blockquote>"
            f"{claim_notes_html(claims.for_text(p.text)) if claims else ''}</li>"
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
        for r in listed()
    )
    return f'<div class="staff-resources"><h3>Resources</h3><ul>{items}</ul></div>'
