"""The JSON and OpenAI-compatible APIs, against a deterministic fake assistant (and the real one, slow)."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
from fastapi.testclient import TestClient

from assistant.reply import Passage, Reply, ReplyKind, Route
from assistant.web.feedback import FeedbackLog
from assistant.web.http_api import ASK_FAILED, FEEDBACK_OFF, MAX_BODY_BYTES, create_api
from index.chroma_server import free_port
from index.shared.settings import Settings

PASSAGE = Passage("Inpatient rehab usually lasts 30 to 90 days.", "Treatment <options>", 0.8123, doc_id="d")
GENTLE = "Please type a question about clonazepam."
XSS = "<img src=x onerror=alert(1)><script>alert('x')</script>"


@dataclass
class FakeAssistant:
    """Deterministic stand-in for `assistant.Assistant`: keyword routing, echoes the message."""

    health_status: str = "ok"
    fail: bool = False
    barrier: threading.Barrier | None = None
    calls: list[tuple[str, list[Any]]] = field(default_factory=list)

    def ask(self, message: str, history: list[Any]) -> Reply:
        self.calls.append((message, list(history)))
        if self.barrier is not None:
            self.barrier.wait()  # only passes when several requests are being answered at once
        if self.fail:
            raise RuntimeError(f"boom while answering {message}")
        if not message.strip():
            return Reply(Route.NONE, GENTLE, kind=ReplyKind.INVALID, reason="empty message")
        if "wake" in message:
            return Reply(
                Route.EMERGENCY,
                "Call 911 now.",
                kind=ReplyKind.SAFETY,
                reason="emergency.unresponsive: 'wake'",
                script="STAFF SCRIPT: taper 5-10% every 2-4 weeks",
            )
        if "weather" in message:
            return Reply(
                Route.NONE, "The document does not cover that.", abstained=True, kind=ReplyKind.ABSTAIN
            )
        return Reply(
            Route.NONE,
            f"You asked: {message}",
            sources=(PASSAGE,),
            reason="no rule fired",
            query=message,
            latency_ms=12.5,
            notices=("Your message was trimmed.",) if len(message) > 100 else (),
        )

    def health(self) -> dict[str, Any]:
        if self.health_status == "raise":
            raise RuntimeError("index gone")
        return {"status": self.health_status, "index": {"chunks": 3}, "model": {"name": "fake"}}


def settings(**overrides: Any) -> Settings:
    return Settings(**{"feedback_db": None, "staff_users": "", **overrides})


@pytest.fixture
def fake() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture
def client(fake: FakeAssistant) -> Iterator[TestClient]:
    with TestClient(create_api(fake, settings())) as c:
        yield c


def openai_client(http_client: httpx.Client, base_url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=base_url, api_key="test", http_client=http_client, max_retries=0)


# --- /api/ask ---------------------------------------------------------------------------------------


def test_ask_returns_the_public_reply(client: TestClient, fake: FakeAssistant) -> None:
    response = client.post("/api/ask", json={"message": "How long is rehab?"})
    assert response.status_code == 200
    assert response.json() == {
        "route": "none",
        "kind": "answer",
        "text": "You asked: How long is rehab?",
        "sources": [{"text": PASSAGE.text, "section": "Treatment <options>", "score": 0.8123}],
        "abstained": False,
        "latency_ms": 12.5,
        "notices": [],
        "claim_notes": [],
        "answer_mode": "",
    }
    assert fake.calls == [("How long is rehab?", [])]


def test_routed_reply_keeps_staff_reason_and_script_out(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "my friend won't wake up"})
    body = response.json()
    assert (body["route"], body["kind"], body["text"]) == ("emergency", "safety", "Call 911 now.")
    assert "reason" not in body and "script" not in body
    assert "STAFF SCRIPT" not in response.text and "emergency.unresponsive" not in response.text


def test_abstention_is_reported(client: TestClient) -> None:
    body = client.post("/api/ask", json={"message": "what's the weather?"}).json()
    assert body["abstained"] is True
    assert body["kind"] == "abstain"
    assert body["sources"] == []


def test_history_strings_and_role_dicts_reach_the_assistant(client: TestClient, fake: FakeAssistant) -> None:
    history = [
        "What is rehab?",
        {"role": "assistant", "content": "Treatment."},
        {"role": "user", "content": "ok"},
    ]
    assert client.post("/api/ask", json={"message": "How long?", "history": history}).status_code == 200
    assert fake.calls == [("How long?", history)]


def test_empty_message_gets_the_gentle_prompt(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "   "})
    assert response.status_code == 200
    assert response.json()["text"] == GENTLE
    assert response.json()["kind"] == "invalid"


def test_notices_are_passed_on(client: TestClient) -> None:
    body = client.post("/api/ask", json={"message": "x" * 500}).json()
    assert body["notices"] == ["Your message was trimmed."]


def test_html_and_script_come_back_as_json_text(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": XSS})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json()["text"] == f"You asked: {XSS}"


def test_malformed_json_is_a_clear_422(client: TestClient, fake: FakeAssistant) -> None:
    response = client.post(
        "/api/ask", content=b'{"message": "hi",', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith(
        "malformed JSON in the request body at character 17"
    )
    assert fake.calls == []


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"message": 42}, "message: Input should be a valid string"),
        ({"message": None}, "message: Input should be a valid string"),
        ({}, "message: Field required"),
        ({"message": "hi", "history": "earlier"}, "history: Input should be a valid list"),
        ({"message": "hi", "history": [{"role": "bot", "content": "x"}]}, "history.0.HistoryTurn.role"),
        ({"message": "hi", "history": [{"role": "user"}]}, "history.0.HistoryTurn.content: Field required"),
        (["hi"], "the request body must be a JSON object"),
        ("hi", "the request body must be a JSON object"),
    ],
)
def test_wrong_types_are_a_clear_422(client: TestClient, fake: FakeAssistant, body: Any, words: str) -> None:
    response = client.post("/api/ask", json=body)
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]
    assert response.json()["detail"]  # FastAPI's structured errors are kept
    assert fake.calls == []


def test_body_that_is_not_json_is_a_clear_422(client: TestClient) -> None:
    for headers in ({"content-type": "text/plain"}, {}):
        response = client.post("/api/ask", content=b'{"message": "hi"}', headers=headers)
        assert response.status_code == 422
        assert "Content-Type: application/json" in response.json()["error"]["message"]
    response = client.post("/api/ask")
    assert response.status_code == 422
    assert "must be a JSON object" in response.json()["error"]["message"]


def test_validation_errors_do_not_echo_the_input(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "hi", "history": [{"role": "bot", "content": XSS}]})
    assert response.status_code == 422
    assert XSS not in response.text


def test_huge_bodies_are_refused_with_413(client: TestClient, fake: FakeAssistant) -> None:
    response = client.post("/api/ask", json={"message": "x" * (MAX_BODY_BYTES + 10)})
    assert response.status_code == 413
    assert response.json() == {"detail": f"the request body is over {MAX_BODY_BYTES} bytes"}

    def chunked() -> Iterator[bytes]:  # no Content-Length: counted as it streams in
        yield b'{"message": "'
        for _ in range(MAX_BODY_BYTES // 1000 + 2):
            yield b"x" * 1000
        yield b'"}'

    response = client.post("/api/ask", content=chunked(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert fake.calls == []

    just_under = client.post("/api/ask", json={"message": "x" * (MAX_BODY_BYTES - 100)})
    assert just_under.status_code == 200


def test_body_limit_is_configurable_and_covers_every_api_route(fake: FakeAssistant) -> None:
    client = TestClient(create_api(fake, settings(), feedback=FeedbackLog(":memory:"), max_body_bytes=200))
    big = "x" * 300
    assert client.post("/api/ask", json={"message": big}).status_code == 413
    assert (
        client.post("/api/feedback", json={"question": big, "route": "none", "rating": "up"}).status_code
        == 413
    )
    chat = {"messages": [{"role": "user", "content": big}]}
    assert client.post("/v1/chat/completions", json=chat).status_code == 413
    assert client.post("/api/ask", json={"message": "x" * 100}).status_code == 200


def test_assistant_failure_is_a_500_that_logs_no_message_content(
    fake: FakeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail = True
    client = TestClient(create_api(fake, settings()), raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="assistant.web.http_api"):
        response = client.post("/api/ask", json={"message": "my secret question"})
    assert response.status_code == 500
    assert response.json() == {"detail": ASK_FAILED}
    assert "911" in ASK_FAILED and "988" in ASK_FAILED
    assert "RuntimeError" in caplog.text
    assert "my secret question" not in caplog.text


# --- /healthz ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "code"), [("ok", 200), ("degraded", 503)])
def test_healthz_reports_the_assistant_health(fake: FakeAssistant, status: str, code: int) -> None:
    fake.health_status = status
    response = TestClient(create_api(fake, settings())).get("/healthz")
    assert response.status_code == code
    assert response.json() == {"status": status, "index": {"chunks": 3}, "model": {"name": "fake"}}


def test_healthz_is_503_when_the_health_check_itself_fails(fake: FakeAssistant) -> None:
    fake.health_status = "raise"
    response = TestClient(create_api(fake, settings())).get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded"}  # the exception's name and text stay in the log


def test_healthz_never_tells_strangers_paths_urls_or_errors(fake: FakeAssistant, monkeypatch) -> None:
    detailed = {
        "status": "degraded",
        "router": "ok",
        "index": {
            "status": "unavailable",
            "backend": "server",
            "path": "/srv/secret/index",
            "url": "http://10.0.0.5:8000",
            "error": "FileNotFoundError: /srv/secret/index/current/manifest.json",
        },
        "model": {"name": "all-MiniLM-L6-v2", "backstop": True},
    }
    monkeypatch.setattr(fake, "health", lambda: detailed)
    body = TestClient(create_api(fake, settings())).get("/healthz").text
    assert "/srv" not in body and "10.0.0.5" not in body and "FileNotFoundError" not in body
    assert '"status":"unavailable"' in body.replace(" ", "") and "all-MiniLM-L6-v2" in body


# --- /api/feedback ----------------------------------------------------------------------------------


def test_feedback_is_off_by_default_and_stores_nothing(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/api/feedback", json={"question": "q", "route": "none", "rating": "up"})
    assert response.status_code == 404
    assert response.json() == {"detail": FEEDBACK_OFF}
    assert list(tmp_path.iterdir()) == []


def test_feedback_is_recorded_when_the_operator_turned_it_on(fake: FakeAssistant, tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "feedback.sqlite3")
    client = TestClient(create_api(fake, settings(feedback_db=log.path), feedback=log))
    response = client.post("/api/feedback", json={"question": XSS, "route": "emergency", "rating": "down"})
    assert response.status_code == 204
    assert response.content == b""
    [entry] = log.recent(5)
    assert (entry.rating, entry.route, entry.question) == ("down", "emergency", XSS)


@pytest.mark.parametrize(
    "body",
    [
        {"question": "q", "route": "none", "rating": "meh"},
        {"question": "q", "route": "panic", "rating": "up"},
        {"question": 3, "route": "none", "rating": "up"},
        {"route": "none", "rating": "up"},
    ],
)
def test_bad_feedback_is_a_422_and_stores_nothing(fake: FakeAssistant, body: dict) -> None:
    log = FeedbackLog(":memory:")
    client = TestClient(create_api(fake, settings(), feedback=log))
    response = client.post("/api/feedback", json=body)
    assert response.status_code == 422
    assert response.json()["error"]["message"]
    assert log.count() == 0


# --- OpenAI-compatible --------------------------------------------------------------------------------


@pytest.fixture
def oai(client: TestClient) -> openai.OpenAI:
    return openai_client(client, "http://testserver/v1")


def test_models_lists_one_model(client: TestClient, oai: openai.OpenAI) -> None:
    assert [m.id for m in oai.models.list()] == ["clonazepam-assistant"]
    assert oai.models.retrieve("clonazepam-assistant").id == "clonazepam-assistant"
    with pytest.raises(openai.NotFoundError):
        oai.models.retrieve("gpt-4o")


def test_chat_completion_with_the_openai_client(oai: openai.OpenAI, fake: FakeAssistant) -> None:
    result = oai.chat.completions.create(
        model="whatever-the-harness-says",
        messages=[
            {"role": "system", "content": "You are a pirate."},
            {"role": "user", "content": "What is rehab?"},
            {"role": "assistant", "content": "Treatment."},
            {"role": "user", "content": "How long is rehab?"},
        ],
        temperature=0,
    )
    assert result.object == "chat.completion"
    assert result.model == "whatever-the-harness-says"
    assert len(result.choices) == 1
    assert result.choices[0].message.role == "assistant"
    assert result.choices[0].message.content == "You asked: How long is rehab?"
    assert result.choices[0].finish_reason == "stop"
    assert result.usage is not None
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (8, 6)  # words, system ignored
    extra = result.model_extra["assistant"]
    assert extra["route"] == "none"
    assert extra["abstained"] is False
    assert extra["sources"] == [{"text": PASSAGE.text, "section": "Treatment <options>", "score": 0.8123}]
    assert fake.calls == [
        (
            "How long is rehab?",
            [{"role": "user", "content": "What is rehab?"}, {"role": "assistant", "content": "Treatment."}],
        )
    ]


def test_chat_completion_routed_reply_and_no_staff_information(oai: openai.OpenAI) -> None:
    raw = oai.chat.completions.with_raw_response.create(
        model="clonazepam-assistant", messages=[{"role": "user", "content": "he won't wake up"}]
    )
    result = raw.parse()
    assert result.choices[0].message.content == "Call 911 now."
    assert result.model_extra["assistant"]["route"] == "emergency"
    assert "STAFF SCRIPT" not in raw.text and "emergency.unresponsive" not in raw.text


def test_streaming_with_the_openai_client(oai: openai.OpenAI) -> None:
    stream = oai.chat.completions.create(
        model="clonazepam-assistant",
        messages=[{"role": "user", "content": "How long does inpatient rehab usually last for adults?"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1
    with_choices = [c for c in chunks if c.choices]
    text = "".join(c.choices[0].delta.content or "" for c in with_choices)
    assert text == "You asked: How long does inpatient rehab usually last for adults?"
    assert len(with_choices) > 3  # the text really comes in pieces
    assert with_choices[0].choices[0].delta.role == "assistant"
    stop = with_choices[-1]
    assert stop.choices[0].finish_reason == "stop"
    assert stop.model_extra["assistant"]["sources"][0]["section"] == "Treatment <options>"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None


def test_streaming_wire_format_ends_with_done(client: TestClient) -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": XSS}], "stream": True}
    response = client.post("/v1/chat/completions", json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [line for line in response.text.split("\n\n") if line]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    payloads = [json.loads(e.removeprefix("data: ")) for e in events[:-1]]
    assert "".join(p["choices"][0]["delta"].get("content", "") for p in payloads) == f"You asked: {XSS}"
    assert "usage" not in payloads[-1]


def test_chat_completion_bad_input_with_the_openai_client(oai: openai.OpenAI, fake: FakeAssistant) -> None:
    with pytest.raises(openai.UnprocessableEntityError) as info:
        oai.chat.completions.create(
            model="m", messages=[{"role": "system", "content": "only a system prompt"}]
        )
    assert "at least one message with role 'user'" in info.value.message
    with pytest.raises(openai.UnprocessableEntityError):
        oai.chat.completions.create(model="m", messages=[])
    assert fake.calls == []


def test_chat_completion_malformed_json(client: TestClient) -> None:
    response = client.post(
        "/v1/chat/completions", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("malformed JSON")


def test_chat_completion_empty_user_message_gets_the_gentle_prompt(oai: openai.OpenAI) -> None:
    result = oai.chat.completions.create(model="m", messages=[{"role": "user", "content": ""}])
    assert result.choices[0].message.content == GENTLE
    assert result.model_extra["assistant"]["kind"] == "invalid"


# --- over a real server on loopback -------------------------------------------------------------------


@contextmanager
def served(app: Any) -> Iterator[str]:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.02)
    try:
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.slow
def test_openai_client_over_a_real_server_streaming_and_not(fake: FakeAssistant) -> None:
    with served(create_api(fake, settings())) as url, httpx.Client(timeout=10) as http:
        oai = openai_client(http, f"{url}/v1")
        messages = [{"role": "user", "content": "Is Klonopin addictive?"}]
        plain = oai.chat.completions.create(model="clonazepam-assistant", messages=messages)
        streamed = oai.chat.completions.create(model="clonazepam-assistant", messages=messages, stream=True)
        text = "".join(c.choices[0].delta.content or "" for c in streamed if c.choices)
        assert plain.choices[0].message.content == text == "You asked: Is Klonopin addictive?"
        big = http.post(f"{url}/api/ask", json={"message": "x" * (MAX_BODY_BYTES * 2)})
        assert big.status_code == 413


@pytest.mark.slow
def test_requests_are_answered_concurrently_without_blocking_the_event_loop() -> None:
    fake = FakeAssistant(barrier=threading.Barrier(4, timeout=10))
    with served(create_api(fake, settings())) as url, httpx.Client(timeout=20) as http:

        def ask(i: int) -> int:
            return http.post(f"{url}/api/ask", json={"message": f"question {i}"}).status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            # Each answer waits until four are in progress at once: serial handling would time out.
            assert list(pool.map(ask, range(4))) == [200, 200, 200, 200]
        assert http.get(f"{url}/healthz").status_code == 200


# --- the real assistant (loads MiniLM and builds an index: slow) -------------------------------------


@pytest.fixture(scope="session")
def real_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from assistant import Assistant

    config = settings(index_dir=tmp_path_factory.mktemp("real") / "index")
    with TestClient(create_api(Assistant.load(config), config)) as c:
        yield c


@pytest.mark.slow
def test_real_assistant_answers_with_sources_and_routes_emergencies(real_client: TestClient) -> None:
    assert real_client.get("/healthz").status_code == 200

    answer = real_client.post("/api/ask", json={"message": "How long does inpatient rehab last?"}).json()
    assert (answer["route"], answer["abstained"]) == ("none", False)
    assert answer["sources"] and all(s["section"] and s["text"] for s in answer["sources"])
    expected = {"route", "kind", "text", "sources", "abstained", "latency_ms", "notices", "claim_notes"}
    assert set(answer) == expected | {"answer_mode"}
    assert answer["answer_mode"] == "extractive"  # generated answers are opt-in

    emergency = real_client.post(
        "/api/ask", json={"message": "My friend took a lot of pills and won't wake up"}
    )
    assert emergency.json()["route"] == "emergency"
    assert "911" in emergency.json()["text"]

    empty = real_client.post("/api/ask", json={"message": ""})
    assert empty.status_code == 200 and empty.json()["kind"] == "invalid" and empty.json()["text"]

    long = real_client.post("/api/ask", json={"message": "What are the withdrawal symptoms? " * 200}).json()
    assert long["notices"]


@pytest.mark.slow
def test_real_assistant_through_the_openai_client(real_client: TestClient) -> None:
    oai = openai_client(real_client, "http://testserver/v1")
    messages = [{"role": "user", "content": "What are the withdrawal symptoms of clonazepam?"}]
    plain = oai.chat.completions.create(model="clonazepam-assistant", messages=messages)
    chunks = list(oai.chat.completions.create(model="clonazepam-assistant", messages=messages, stream=True))
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert streamed == plain.choices[0].message.content
    assert plain.model_extra["assistant"]["sources"]
    assert chunks[-1].model_extra["assistant"]["route"] == "none"


@pytest.mark.slow
def test_real_assistant_is_consistent_under_concurrent_requests(real_client: TestClient) -> None:
    questions = [
        "How long does inpatient rehab last?",
        "What are the withdrawal symptoms?",
        "I want to stop taking klonopin cold turkey tomorrow",
        "Is Klonopin addictive?",
    ]
    serial = {q: real_client.post("/api/ask", json={"message": q}).json() for q in questions}

    def ask(q: str) -> dict[str, Any]:
        response = real_client.post("/api/ask", json={"message": q})
        assert response.status_code == 200
        return response.json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(ask, questions * 4))
    for q, got in zip(questions * 4, results, strict=True):
        assert (got["route"], got["text"], got["sources"]) == (
            serial[q]["route"],
            serial[q]["text"],
            serial[q]["sources"],
        )


@pytest.mark.parametrize(
    "body", [b'{"message": "\xff\xfe i want to die"}', b'{"message": "hi",', b"[" * 999 + b"]" * 999]
)
def test_an_unreadable_body_gets_a_clear_400_with_the_help_numbers(client: TestClient, body: bytes) -> None:
    response = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 422)
    if response.status_code == 400:
        assert "could not be read as JSON" in response.json()["detail"]
        assert "911" in response.text and "988" in response.text


def test_other_http_errors_keep_fastapis_answer(client: TestClient) -> None:
    assert client.get("/api/ask").json() == {"detail": "Method Not Allowed"}
    assert client.get("/no-such-page").status_code == 404
