"""The gradio apps: the visitor chat at `/`, the staff console at `/staff`, mounted on the JSON API.

UI wiring only: what replies look like is in `assistant.web.visitor_view` and `assistant.web.staff_view`,
the HTTP routes in `assistant.web.http_api`, the answers in `assistant.Assistant`.
`assistant.web.server` serves it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from index.shared.offline import apply_offline_environment

apply_offline_environment()  # before gradio is imported: no analytics, no hub calls

import gradio as gr  # noqa: E402

from assistant.reply import Reply  # noqa: E402
from assistant.web import markup, staff_view  # noqa: E402
from assistant.web import visitor_view as ui  # noqa: E402

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant import Assistant, Settings
    from assistant.web.feedback import FeedbackLog
    from assistant.web.login_throttle import LoginThrottle
    from assistant.web.staff_accounts import StaffAccounts

logger = logging.getLogger(__name__)

# The browser stops typing or pasting here, keeping the page responsive; ask() trims anything past
# settings.max_message_chars (with a notice) and the router still reads all of what was sent.
MAX_INPUT_CHARS = 10_000
EXAMPLES = [
    "How long does inpatient rehab last?",
    "What are the signs of a clonazepam overdose?",
    "What are the withdrawal symptoms?",
    "Is Klonopin addictive?",
]
# After a routed reply, scroll the chat (not the page) back up so the card's first line ("Call 911
# now") shows. Gradio scrolls to the bottom 300 ms after an update, so this runs after that, and only
# while the chat is still at the bottom (it never fights a visitor who scrolled).
SHOW_CARD_TOP_JS = """() => {
  const show = () => {
    const bots = document.querySelectorAll("#chat [data-testid='bot']");
    const card = bots.length ? bots[bots.length - 1].querySelector(".safety-card") : null;
    const log = card ? card.closest("[role='log']") : null;
    if (!log || log.scrollHeight - log.scrollTop - log.clientHeight > 20) return;
    log.scrollTop += card.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  };
  setTimeout(show, 500);
  setTimeout(show, 1000);
}"""
STREAM_DELAY_S = 0.02  # pause between streamed chunks of an answer (routed replies never wait)
CONCURRENCY = 4  # chat events run at once per app; the rest queue

ChatHistory = list[dict[str, Any]]


def _replies(assistant: Any, message: str, earlier: list[str]) -> Iterator[str | Reply]:
    """`ask_stream` where the assistant has it (verified sentences, then the reply), else `ask`."""
    if hasattr(assistant, "ask_stream"):
        yield from assistant.ask_stream(message, earlier)
    else:
        yield assistant.ask(message, earlier)


def build_chat(
    assistant: Assistant, *, feedback: FeedbackLog | None = None, stream_delay: float = STREAM_DELAY_S
) -> gr.Blocks:
    """The visitor chat. Feedback buttons appear only when an operator enabled the feedback log."""

    def respond(message: str, history: ChatHistory, routes: dict[int, str]) -> Iterator[Any]:
        history = list(history or [])
        message = message or ""
        earlier = ui.user_turns(history)
        if message.strip():  # the visitor's message shows at once, before the answer is ready
            history.append(ui.user_message(message))
            yield history, "", routes
        reply = None
        try:
            shown = ""
            for event in _replies(assistant, message, earlier):
                if isinstance(event, Reply):
                    reply = event
                else:  # a verified sentence of a generated answer, shown as soon as it is checked
                    shown = f"{shown} {event}".strip()
                    yield [*history, {"role": "assistant", "content": shown}], "", routes
        except Exception as exc:  # the visitor still gets the help numbers; the message is not logged
            logger.error("assistant.ask failed in the chat: %s", type(exc).__name__)
            reply = None
        if reply is None:
            yield [*history, {"role": "assistant", "content": ui.failure_message()}], "", routes
            return
        routes = {**(routes or {}), len(history): str(reply.route)}
        if not ui.is_routed(reply) and stream_delay > 0:
            for prefix in ui.stream_prefixes(ui.answer_body(reply)):
                yield [*history, {"role": "assistant", "content": prefix}], "", routes
                time.sleep(stream_delay)
        yield [*history, {"role": "assistant", "content": ui.assistant_message(reply)}], "", routes

    def rate(history: ChatHistory, routes: dict[int, str], like: gr.LikeData) -> None:
        if feedback is None or not isinstance(like.index, int) or like.liked not in (True, False):
            return
        question = ui.question_before(history, like.index)
        feedback.record("up" if like.liked else "down", (routes or {}).get(like.index, "none"), question)

    with gr.Blocks(title="Clonazepam help chat", fill_width=False) as chat:
        gr.HTML(ui.banner_html(), elem_id="help-banner")
        chatbot = gr.Chatbot(
            elem_id="chat",
            label="Clonazepam (Klonopin) questions",
            show_label=False,
            height="60vh",
            min_height=280,
            layout="bubble",
            buttons=["copy"],
            feedback_options=("Like", "Dislike") if feedback is not None else None,
            placeholder="Ask about clonazepam addiction, withdrawal, overdose or treatment.",
        )
        routes = gr.State({})
        with gr.Row():
            box = gr.Textbox(
                elem_id="message",
                show_label=False,
                placeholder="Type your question…",
                scale=5,
                max_lines=6,
                max_length=MAX_INPUT_CHARS,
                submit_btn=True,
                autofocus=True,
            )
        clear = gr.Button("Clear chat", elem_id="clear", variant="secondary", size="sm")
        gr.Examples(EXAMPLES, inputs=[box], label="Example questions")

        box.submit(
            respond,
            [box, chatbot, routes],
            [chatbot, box, routes],
            api_name="ask",
            concurrency_limit=CONCURRENCY,
        ).then(None, js=SHOW_CARD_TOP_JS, api_visibility="private", queue=False)
        clear.click(lambda: ([], "", {}), None, [chatbot, box, routes], api_visibility="private", queue=False)
        if feedback is not None:
            chatbot.like(rate, [chatbot, routes], None, api_visibility="private")
    return chat


def build_staff(assistant: Assistant) -> gr.Blocks:
    """The help-line console: route, reason, passages with scores, script, resources, quick search."""

    def check(message: str, earlier: list[str]) -> tuple[str, str, str, list[str], str]:
        earlier = list(earlier or [])
        reply = assistant.ask(message or "", earlier)
        if (message or "").strip():
            earlier.append(message)
        return (
            staff_view.staff_route_html(reply),
            staff_view.staff_script_html(reply),
            staff_view.staff_passages_html(reply.sources, claims=assistant.claims),
            earlier,
            staff_view.staff_call_log_html(earlier),
        )

    def search(query: str) -> str:
        if not (query or "").strip():
            return staff_view.staff_passages_html([], title="Search results")
        return staff_view.staff_passages_html(
            assistant.search(query), title=f"Search results for “{query}”", claims=assistant.claims
        )

    with gr.Blocks(title="Help-line staff console") as staff:
        gr.Markdown(
            "## Help-line staff console\nType what the caller says; follow-ups use the earlier messages."
        )
        earlier = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                message = gr.Textbox(label="Caller's message", elem_id="staff-message", submit_btn="Check")
                with gr.Row():
                    new_call = gr.Button("New caller", elem_id="new-call", size="sm")
                    gr.Button("Log out", link="/staff/logout", size="sm")
                route = gr.HTML(elem_id="staff-route")
                script = gr.HTML(elem_id="staff-script")
                passages = gr.HTML(elem_id="staff-passages")
            with gr.Column(scale=2):
                call_log = gr.HTML(staff_view.staff_call_log_html([]), elem_id="staff-call-log")
                gr.HTML(staff_view.resources_html(), elem_id="staff-resources")
                query = gr.Textbox(
                    label="Quick search of the document", elem_id="staff-search", submit_btn="Search"
                )
                results = gr.HTML(elem_id="staff-results")

        message.submit(
            check, [message, earlier], [route, script, passages, earlier, call_log], api_name="check"
        )
        new_call.click(
            lambda: ("", "", "", [], staff_view.staff_call_log_html([]), ""),
            None,
            [route, script, passages, earlier, call_log, message],
            api_visibility="private",
            queue=False,
        )
        query.submit(search, [query], [results], api_name="search")
    return staff


def build_app(
    assistant: Assistant,
    settings: Settings,
    *,
    feedback: FeedbackLog | None = None,
    accounts: StaffAccounts | None = None,
    throttle: LoginThrottle | None = None,
    stream_delay: float = STREAM_DELAY_S,
) -> FastAPI:
    """The whole app: JSON routes from `create_api`, the staff console, and the chat at `/`."""
    from fastapi.responses import HTMLResponse, RedirectResponse

    from assistant.web.http_api import create_api
    from assistant.web.login_throttle import LoginThrottle, LoginThrottleMiddleware
    from assistant.web.security_headers import SecurityHeadersMiddleware
    from assistant.web.staff_accounts import StaffAccounts

    if accounts is None:
        accounts = StaffAccounts.from_setting(settings.staff_users)
    app = create_api(assistant, settings, feedback=feedback)
    common = {"css": markup.css(), "run_history": False, "footer_links": ["api"], "ssr_mode": False}

    if accounts.enabled:

        @app.get("/staff", include_in_schema=False)
        def staff_slash() -> RedirectResponse:  # the README says "open /staff"; gradio serves /staff/
            return RedirectResponse("/staff/", status_code=307)

        app.add_middleware(LoginThrottleMiddleware, throttle=throttle or LoginThrottle())
        staff = build_staff(assistant).queue(default_concurrency_limit=CONCURRENCY)
        app = gr.mount_gradio_app(
            app, staff, path="/staff", auth=accounts.verify,
            auth_message="Help-line staff only. Accounts come from ASSISTANT_STAFF_USERS.", **common,
        )  # fmt: skip
    else:

        @app.get("/staff", response_class=HTMLResponse, include_in_schema=False)
        @app.get("/staff/{rest:path}", response_class=HTMLResponse, include_in_schema=False)
        def staff_disabled(rest: str = "") -> HTMLResponse:
            return HTMLResponse(staff_view.staff_disabled_html(), status_code=503)

    chat = build_chat(assistant, feedback=feedback, stream_delay=stream_delay)
    chat.queue(default_concurrency_limit=CONCURRENCY)
    app = gr.mount_gradio_app(app, chat, path="/", **common)
    app.add_middleware(SecurityHeadersMiddleware, embed_origins=tuple(settings.embed_origins.split()))
    return app
