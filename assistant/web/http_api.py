"""The JSON and OpenAI-compatible HTTP APIs, as a FastAPI app that gradio can be mounted into.

    api = create_api(bot, settings, feedback=FeedbackLog.from_settings(settings))
    # app.py: gr.mount_gradio_app(api, blocks, path="/") and serve with uvicorn

Routes (all request bodies are capped at ``max_body_bytes``, 64 KB by default; larger → 413):

- ``POST /api/ask`` ``{"message": str, "history": [str | {"role", "content"}]}`` →
  ``{"route", "kind", "text", "sources": [{"text", "section", "score"}], "abstained", "latency_ms",
  "notices", "claim_notes": [{"id", "span", "note", "source"}], "answer_mode"}`` (claim_notes: the
  corrections shown beside doubtful quotes, also inside ``text``; answer_mode: "extractive",
  "generated" or "extractive (fallback: ...)" for an answer, "" otherwise).
  The router's ``reason`` and the staff ``script`` are staff information and never leave through
  this public API. An empty message gets the assistant's gentle prompt (200).
- ``GET /healthz`` → ``bot.health()``; 200 when ``status`` is ``"ok"``, 503 otherwise.
- ``POST /v1/chat/completions`` and ``GET /v1/models``: OpenAI-compatible (see `assistant.web.openai_compat`).
- ``POST /api/feedback`` ``{"question", "route", "rating": "up"|"down"}`` → 204 when the operator
  turned the feedback log on, else 404 "feedback logging is off" and nothing is stored.

Malformed JSON or wrong types → 422 with ``{"detail": [...], "error": {"message": "<readable>"}}``.
Endpoints are plain ``def``: FastAPI runs them in its threadpool, so a slow answer never blocks
the event loop, and the shared assistant is called from several threads at once. Message content is
never logged. ``app.state`` holds ``assistant``, ``settings`` and ``feedback`` for the UI to reuse.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Iterator
from typing import Any, Literal, Protocol

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.reply import Reply, Route
from assistant.resources import fill
from assistant.web import openai_compat
from assistant.web.feedback import FeedbackLog
from index.shared.settings import Settings

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
API_PREFIXES = ("/api/", "/v1/")  # gradio's own routes live under /gradio_api/ and are not limited here
FEEDBACK_OFF = "feedback logging is off"
ASK_FAILED = fill(
    "The assistant could not answer; the error was logged. "
    "If someone is in danger call {emergency}; for a crisis call or text {lifeline}."
)


BODY_UNREADABLE_HELP = fill("If someone is in danger call {emergency}; for a crisis call or text {lifeline}.")


# What /healthz may tell anyone: states and counts, never a file-system path, URL or error text.
PUBLIC_HEALTH = {
    "status": None,
    "router": None,
    "index": ("status", "backend", "chunks", "documents", "built_at"),
    "model": ("name", "available", "backstop", "learned_escalation", "generated_answers"),
}


def public_health(health: dict[str, Any]) -> dict[str, Any]:
    """The allow-listed part of `assistant.health()` (PUBLIC_HEALTH)."""
    public: dict[str, Any] = {}
    for key, fields in PUBLIC_HEALTH.items():
        if key not in health:
            continue
        value = health[key]
        if fields is None:
            public[key] = value if isinstance(value, str | int | float | bool) else str(value)
        elif isinstance(value, dict):
            public[key] = {name: value[name] for name in fields if name in value}
    return public


class AskingAssistant(Protocol):
    """What the API needs from `assistant.Assistant` (fakes in tests implement the same)."""

    def ask(self, message: str, history: list[Any]) -> Reply: ...

    def health(self) -> dict[str, Any]: ...


class HistoryTurn(BaseModel):
    role: Literal["user", "assistant", "system"]
    content: str


class AskRequest(BaseModel):
    message: str = Field(
        description="The visitor's message; empty gets a gentle prompt, long ones are trimmed."
    )
    history: list[str | HistoryTurn] = Field(
        default_factory=list, description="Earlier turns: user strings, or gradio-style role/content dicts."
    )


class SourceOut(BaseModel):
    text: str
    section: str
    score: float


class ClaimNoteOut(BaseModel):
    id: str
    span: str
    note: str
    source: str


class AskResponse(BaseModel):
    route: str
    kind: str
    text: str
    sources: list[SourceOut]
    abstained: bool
    latency_ms: float
    notices: list[str]
    claim_notes: list[ClaimNoteOut]
    answer_mode: str


class FeedbackRequest(BaseModel):
    question: str
    route: Route
    rating: Literal["up", "down"]


def public_reply(reply: Reply) -> dict[str, Any]:
    """The visitor-safe view of a reply (no router reason, no staff script)."""
    return {
        "route": reply.route.value,
        "kind": reply.kind.value,
        "text": reply.text,
        "sources": openai_compat.public_sources(reply),
        "abstained": reply.abstained,
        "latency_ms": reply.latency_ms,
        "notices": list(reply.notices),
        "claim_notes": openai_compat.public_claim_notes(reply),
        "answer_mode": reply.answer_mode,
    }


def _readable(errors: list[dict[str, Any]]) -> str:
    """One line a person can act on, from pydantic/FastAPI validation errors."""
    messages = []
    for error in errors:
        loc = list(error.get("loc", ()))
        kind = error.get("type")
        if kind == "json_invalid":
            position = loc[1] if len(loc) > 1 else "?"
            reason = (error.get("ctx") or {}).get("error", "invalid JSON")
            messages.append(f"malformed JSON in the request body at character {position}: {reason}")
            continue
        if loc == ["body"] and kind in {"missing", "model_attributes_type", "dict_type"}:
            messages.append("the request body must be a JSON object sent with Content-Type: application/json")
            continue
        where = ".".join(str(part) for part in (loc[1:] if loc[:1] == ["body"] else loc)) or "request body"
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        messages.append(f"{where}: {message}")
    return "; ".join(messages) or "invalid request"


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{k: v for k, v in e.items() if k not in ("input", "url")} for e in exc.errors()]
    body = {
        "detail": jsonable_encoder(errors),
        "error": {"message": _readable(errors), "type": "invalid_request_error", "param": None, "code": None},
    }
    return JSONResponse(body, status_code=422)


async def _unreadable_body(request: Request, exc: StarletteHTTPException) -> Any:
    """A body that is not JSON or not UTF-8 (400) may hold a message in danger that nobody can read:
    the reply says what was wrong and gives the help numbers. Other HTTP errors as FastAPI gives them."""
    if exc.status_code != 400:
        return await http_exception_handler(request, exc)
    message = f"The request body could not be read as JSON in UTF-8. {BODY_UNREADABLE_HELP}"
    body = {"detail": message, "error": {"message": message, "type": "invalid_request_error"}}
    return JSONResponse(body, status_code=400)


def _call_assistant(assistant: AskingAssistant, message: str, history: list[Any]) -> Reply:
    try:
        return assistant.ask(message, history)
    except Exception as exc:
        # The exception text may quote the message, so log only its type and where it happened.
        logger.error(
            "assistant.ask failed with %s\n%s",
            type(exc).__name__,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        raise HTTPException(status_code=500, detail=ASK_FAILED) from None


class _BodyLimit:
    """Refuse request bodies over ``max_bytes`` on the API paths with a JSON 413.

    Declared (Content-Length) and streamed (chunked) bodies are both counted. The error is raised
    from ``receive``, inside the route, so FastAPI's own handler turns it into the response.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, prefixes: tuple[str, ...] = API_PREFIXES) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.prefixes = prefixes

    def _too_large(self) -> HTTPException:
        return HTTPException(status_code=413, detail=f"the request body is over {self.max_bytes} bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_large()
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise self._too_large()
            return message

        await self.app(scope, limited_receive, send)


def _streamed_completion(
    assistant: Any, body: openai_compat.ChatCompletionRequest, question: str, history: list[Any]
) -> StreamingResponse:
    """Generated sentences as they are verified (`Assistant.ask_stream`), then the rest of the reply."""
    include_usage = body.stream_options is not None and body.stream_options.include_usage

    def usage_for(reply: Reply) -> dict[str, int]:
        return openai_compat.approximate_usage(question, history, reply)

    def events() -> Iterator[Any]:
        try:
            yield from assistant.ask_stream(question, history)
        except Exception as exc:
            logger.error("assistant.ask_stream failed with %s", type(exc).__name__)
            raise

    chunks = openai_compat.streamed_completion_chunks(
        events(), model=body.model, usage_for=usage_for if include_usage else None, failed_text=ASK_FAILED
    )
    return StreamingResponse(
        _sse(chunks),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def _sse(events: Any) -> Any:
    for event in events:
        yield f"data: {json.dumps(event, ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"


def create_api(
    assistant: AskingAssistant,
    settings: Settings,
    *,
    feedback: FeedbackLog | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The FastAPI app serving the JSON and OpenAI-compatible APIs around ``assistant``."""
    # Swagger UI and ReDoc load their scripts from a CDN, so only the schema is served.
    app = FastAPI(
        title="Clonazepam help assistant",
        description="Grounded answers from the source document; safety routing first. Not medical advice.",
        docs_url=None,
        redoc_url=None,
        exception_handlers={
            RequestValidationError: _validation_error,
            StarletteHTTPException: _unreadable_body,
        },
    )
    app.add_middleware(_BodyLimit, max_bytes=max_body_bytes)
    app.state.assistant = assistant
    app.state.settings = settings
    app.state.feedback = feedback

    @app.post("/api/ask", response_model=AskResponse)
    def ask(body: AskRequest) -> dict[str, Any]:
        history = [turn if isinstance(turn, str) else turn.model_dump() for turn in body.history]
        return public_reply(_call_assistant(assistant, body.message, history))

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        try:
            health = dict(assistant.health())
        except Exception as exc:
            logger.error("assistant.health failed with %s", type(exc).__name__)
            health = {"status": "degraded"}
        healthy = health.get("status") == "ok"
        if not healthy:  # the details (paths, errors) go to the log, not to strangers
            logger.warning("health: %s", json.dumps(jsonable_encoder(health))[:2000])
        return JSONResponse(jsonable_encoder(public_health(health)), status_code=200 if healthy else 503)

    @app.post("/api/feedback", status_code=204, response_class=Response)
    def post_feedback(body: FeedbackRequest) -> Response:
        if feedback is None:
            raise HTTPException(status_code=404, detail=FEEDBACK_OFF)
        feedback.record(body.rating, body.route.value, body.question)
        return Response(status_code=204)

    @app.get("/v1/models")
    def list_models() -> dict[str, Any]:
        return {"object": "list", "data": [_model_card()]}

    @app.get("/v1/models/{model_id}")
    def get_model(model_id: str) -> dict[str, Any]:
        if model_id != openai_compat.MODEL_ID:
            raise HTTPException(
                status_code=404, detail=f"unknown model; this server has {openai_compat.MODEL_ID!r}"
            )
        return _model_card()

    @app.post("/v1/chat/completions", response_model=None)
    def chat_completions(body: openai_compat.ChatCompletionRequest) -> dict[str, Any] | StreamingResponse:
        question, history = openai_compat.question_and_history(body.messages)
        if body.stream and hasattr(assistant, "ask_stream"):
            return _streamed_completion(assistant, body, question, list(history))
        reply = _call_assistant(assistant, question, list(history))
        usage = openai_compat.approximate_usage(question, history, reply)
        if not body.stream:
            return openai_compat.completion(reply, model=body.model, usage=usage)
        include_usage = body.stream_options is not None and body.stream_options.include_usage
        chunks = openai_compat.completion_chunks(
            reply, model=body.model, usage=usage if include_usage else None
        )
        return StreamingResponse(
            _sse(chunks),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    # Without these, another method on a POST route falls through to the chat mounted at "/" (a 404).
    for path in ("/api/ask", "/api/feedback", "/v1/chat/completions"):
        app.add_api_route(
            path, _post_only, methods=["GET", "PUT", "PATCH", "DELETE"], include_in_schema=False
        )
    return app


def _post_only() -> None:
    raise HTTPException(status_code=405, detail="Method Not Allowed", headers={"Allow": "POST"})


def _model_card() -> dict[str, Any]:
    return {
        "id": openai_compat.MODEL_ID,
        "object": "model",
        "created": openai_compat.MODEL_CREATED,
        "owned_by": "clonazepam-assistant",
    }
