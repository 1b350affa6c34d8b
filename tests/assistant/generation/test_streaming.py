"""Streaming a generated answer: verified sentences first, as they are accepted, then the rest of the
reply; through `Assistant.ask_stream`, `/v1/chat/completions` with `stream=true`, and the web chat. The
chat model here copies the first sentence of its first passage (always supported) and adds an invented
one (never shown)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from langchain_core.messages import AIMessageChunk

from assistant import Assistant
from assistant.reply import Reply
from assistant.web.gradio_app import build_chat
from assistant.web.http_api import create_api

pytestmark = pytest.mark.slow
QUESTION = "what are the withdrawal symptoms of clonazepam"


class CopyingChatModel:
    """Streams "[n] <first sentence of passage n>" then an invented sentence, a few characters a chunk."""

    def stream(self, messages) -> Iterator[AIMessageChunk]:
        number, text = re.search(r"^\[(\d+)\] (.+)$", messages[-1].content, re.M).groups()
        first = re.split(r"(?<=[.!?])\s+", text)[0]
        answer = f"[{number}] {first}\n[{number}] It lasts 90 days for 100% of people at Mayo Clinic.\n"
        for start in range(0, len(answer), 7):
            yield AIMessageChunk(content=answer[start : start + 7])


@pytest.fixture(scope="module")
def streaming_assistant(real_settings, real_embeddings, real_assistant) -> Assistant:
    return Assistant.load(real_settings, embeddings=real_embeddings, chat_model=CopyingChatModel())


def test_ask_stream_yields_verified_sentences_then_a_reply_that_starts_with_them(streaming_assistant) -> None:
    events = list(streaming_assistant.ask_stream(QUESTION))
    sentences, reply = events[:-1], events[-1]
    assert isinstance(reply, Reply) and reply.answer_mode == "generated"
    assert len(sentences) == 1 and all(isinstance(s, str) for s in sentences)
    assert reply.text.startswith(sentences[0])
    assert "Mayo" not in reply.text and [s.kept for s in reply.generated] == [True, False]
    assert streaming_assistant.ask(QUESTION).text == reply.text  # ask() is the same stream, drained


def test_the_api_streams_the_verified_sentence_first_and_the_whole_reply_in_all(streaming_assistant) -> None:
    from index.shared.settings import Settings

    with TestClient(create_api(streaming_assistant, Settings(feedback_db=None, staff_users=""))) as client:
        body = {"model": "m", "messages": [{"role": "user", "content": QUESTION}], "stream": True}
        response = client.post("/v1/chat/completions", json=body)
    events = [line for line in response.text.split("\n\n") if line]
    assert events[-1] == "data: [DONE]"
    payloads = [json.loads(e.removeprefix("data: ")) for e in events[:-1]]
    contents = [p["choices"][0]["delta"].get("content", "") for p in payloads]
    reply = streaming_assistant.ask(QUESTION)
    assert "".join(contents) == reply.text
    assert contents[1] == reply.generated[0].text  # the verified sentence, whole, before anything else
    assert payloads[-1]["assistant"]["kind"] == "answer"


def test_the_web_chat_shows_the_verified_sentence_before_the_final_answer(streaming_assistant) -> None:
    demo = build_chat(streaming_assistant, stream_delay=0)
    respond = next(fn for fn in demo.fns.values() if fn.name == "respond").fn
    steps = [history[-1]["content"] for history, _, _ in respond(QUESTION, [], {})]
    reply = streaming_assistant.ask(QUESTION)
    assert steps[1] == reply.generated[0].text  # after the visitor's own message, before the rest
    assert "Mayo" not in "".join(str(s) for s in steps)
