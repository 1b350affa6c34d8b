"""The OpenAI chat-completions wire format, for harnesses that speak it (promptfoo, ragas, openai SDK).

`ChatCompletionRequest` validates the request; `question_and_history` turns its ``messages`` into
the assistant's ``(message, history)`` (system/developer/tool messages are ignored, the last user
message is the question, earlier user and assistant turns are the history); `completion` and
`completion_chunks` build the response objects, with the route, kind, sources and abstention in an
extra top-level ``"assistant"`` field that plain OpenAI clients ignore. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.reply import Reply

MODEL_ID = "clonazepam-assistant"
MODEL_CREATED = 1_767_225_600  # 2026-01-01T00:00:00Z, a fixed date for /v1/models
WORDS_PER_CHUNK = 4


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    @property
    def text(self) -> str:
        """The text of the message; image and other non-text parts are dropped."""
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "\n".join(part.text for part in self.content if part.type == "text" and part.text)


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """Sampling options (temperature, max_tokens, n, ...) are accepted and ignored: one choice out."""

    model_config = ConfigDict(extra="allow")

    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None

    @model_validator(mode="after")
    def _has_user_message(self) -> ChatCompletionRequest:
        if not any(m.role == "user" for m in self.messages):
            raise ValueError("messages must contain at least one message with role 'user'")
        return self


def question_and_history(messages: list[ChatMessage]) -> tuple[str, list[dict[str, str]]]:
    """The last user message, and the user and assistant turns before it as role/content dicts."""
    last = max(i for i, m in enumerate(messages) if m.role == "user")
    history = [
        {"role": m.role, "content": m.text} for m in messages[:last] if m.role in ("user", "assistant")
    ]
    return messages[last].text, history


def public_sources(reply: Reply) -> list[dict[str, Any]]:
    return [{"text": p.text, "section": p.section, "score": p.score} for p in reply.sources]


def public_claim_notes(reply: Reply) -> list[dict[str, str]]:
    return [{"id": n.id, "span": n.span, "note": n.note, "source": n.source} for n in reply.claim_notes]


def assistant_field(reply: Reply) -> dict[str, Any]:
    """The extra ``"assistant"`` field: what an evaluation harness needs beyond the text."""
    return {
        "route": reply.route.value,
        "kind": reply.kind.value,
        "abstained": reply.abstained,
        "sources": public_sources(reply),
        "latency_ms": reply.latency_ms,
        "notices": list(reply.notices),
        "claim_notes": public_claim_notes(reply),
        "answer_mode": reply.answer_mode,
    }


def _words(text: str) -> int:
    return len(text.split())


def approximate_usage(question: str, history: list[dict[str, str]], reply: Reply) -> dict[str, int]:
    """Approximate counts (whitespace-separated words): no model tokens are spent on extractive answers."""
    prompt = _words(question) + sum(_words(turn["content"]) for turn in history)
    completion_words = _words(reply.text)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion_words,
        "total_tokens": prompt + completion_words,
    }


def new_completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


def completion(reply: Reply, *, model: str, usage: dict[str, int]) -> dict[str, Any]:
    """A ``chat.completion`` object with one choice."""
    return {
        "id": new_completion_id(),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.text, "refusal": None},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": usage,
        "assistant": assistant_field(reply),
    }


def text_pieces(text: str, words: int = WORDS_PER_CHUNK) -> list[str]:
    """``text`` cut after every ``words`` words; the pieces join back to exactly ``text``."""
    if not text:
        return []
    tokens = re.split(r"(?<=\s)(?=\S)", text)
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]


def _chunk_maker(model: str) -> tuple[dict[str, Any], Callable[..., dict[str, Any]]]:
    base = {
        "id": new_completion_id(),
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
    }

    def chunk(delta: dict[str, Any], finish_reason: str | None = None, **extra: Any) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        return {**base, "choices": [choice], **extra}

    return base, chunk


def completion_chunks(
    reply: Reply, *, model: str, usage: dict[str, int] | None = None
) -> Iterator[dict[str, Any]]:
    """``chat.completion.chunk`` objects: the role, the text in pieces, then the stop with the extra field.

    With ``usage`` (the client asked for ``stream_options.include_usage``) a last chunk with no
    choices carries it, as OpenAI does.
    """
    base, chunk = _chunk_maker(model)
    yield chunk({"role": "assistant", "content": ""})
    for piece in text_pieces(reply.text):
        yield chunk({"content": piece})
    yield chunk({}, "stop", assistant=assistant_field(reply))
    if usage is not None:
        yield {**base, "choices": [], "usage": usage}


def streamed_completion_chunks(
    events: Iterator[str | Reply],
    *,
    model: str,
    usage_for: Callable[[Reply], dict[str, int]] | None = None,
    failed_text: str = "",
) -> Iterator[dict[str, Any]]:
    """``chat.completion.chunk`` objects for `Assistant.ask_stream`: each verified sentence of a generated
    answer as it arrives, then the rest of the reply's text in pieces, then the stop with the extra
    field (and the usage, with `usage_for`). Should the events fail after the stream began,
    `failed_text` (the help numbers) ends it: the events' producer logs the error."""
    base, chunk = _chunk_maker(model)
    yield chunk({"role": "assistant", "content": ""})
    sent = ""
    try:
        for event in events:
            if isinstance(event, Reply):
                rest = event.text[len(sent) :] if event.text.startswith(sent) else f"\n\n{event.text}"
                for piece in text_pieces(rest):
                    yield chunk({"content": piece})
                yield chunk({}, "stop", assistant=assistant_field(event))
                if usage_for is not None:
                    yield {**base, "choices": [], "usage": usage_for(event)}
                return
            piece = f" {event}" if sent else event
            sent += piece
            yield chunk({"content": piece})
    except Exception:
        yield chunk({"content": f"\n\n{failed_text}" if sent else failed_text})
        yield chunk({}, "stop")
