"""app.py wiring, in process: routes, the staff console gate, the chat's API and feedback switch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from app_support import FakeAssistant
from fastapi.testclient import TestClient

from assistant.web import gradio_app as webapp
from assistant.web.feedback import FeedbackLog
from assistant.web.staff_accounts import StaffAccounts, hash_password
from index.shared.settings import Settings

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def staff_setting() -> str:
    return "alice:" + hash_password(PASSWORD, iterations=1000)


def client_for(**kwargs: Any) -> Iterator[TestClient]:
    app = webapp.build_app(FakeAssistant(), Settings(staff_users=kwargs.pop("staff_users", "")), **kwargs)
    with TestClient(app) as client:
        yield client


@pytest.fixture
def plain() -> Iterator[TestClient]:
    yield from client_for(stream_delay=0)


@pytest.fixture
def with_staff(staff_setting: str) -> Iterator[TestClient]:
    yield from client_for(staff_users=staff_setting, stream_delay=0)


def dependencies(client: TestClient, prefix: str = "") -> list[dict[str, Any]]:
    return client.get(f"{prefix}/config").json()["dependencies"]


def test_chat_page_and_json_routes_are_served_together(plain: TestClient) -> None:
    page = plain.get("/")
    assert page.status_code == 200
    assert "<html" in page.text.lower()
    assert plain.get("/healthz").json()["status"] == "ok"
    answer = plain.post("/api/ask", json={"message": "How long is rehab?", "history": []})
    assert answer.status_code == 200
    assert answer.json()["sources"][0]["section"] == "Treatment <options>"


def test_chat_event_has_a_stable_api_name_with_message_and_history(plain: TestClient) -> None:
    info = plain.get("/gradio_api/info").json()["named_endpoints"]
    assert "/ask" in info
    names = [p["parameter_name"] for p in info["/ask"]["parameters"]]
    assert names == ["message", "history"]
    # clearing and the like buttons are not part of the public API
    assert set(info) == {"/ask"}


def test_config_carries_banner_and_css(plain: TestClient) -> None:
    config = plain.get("/config").json()
    html_values = [c["props"].get("value") for c in config["components"] if c["type"] == "html"]
    assert any("tel:911" in (v or "") and "not medical advice" in (v or "") for v in html_values)
    assert ".safety-card--emergency" in config["css"]


def test_staff_console_is_disabled_without_accounts(plain: TestClient) -> None:
    for path in ("/staff", "/staff/", "/staff/config", "/staff/gradio_api/info"):
        response = plain.get(path)
        assert response.status_code == 503, path
        assert "ASSISTANT_STAFF_USERS" in response.text
    login = plain.post("/staff/login", data={"username": "alice", "password": PASSWORD})
    assert login.status_code in (404, 405, 503)
    assert "access-token" not in "".join(login.cookies.keys())


def test_staff_console_requires_login(with_staff: TestClient) -> None:
    assert with_staff.get("/staff/config").status_code == 401
    assert with_staff.get("/staff/gradio_api/info").status_code == 401
    direct = with_staff.post("/staff/gradio_api/call/check", json={"data": ["he won't wake up"]})
    assert direct.status_code == 401
    joined = with_staff.post(
        "/staff/gradio_api/queue/join",
        json={"data": ["he won't wake up"], "fn_index": 0, "session_hash": "x", "trigger_id": 1},
    )
    assert joined.status_code == 401
    bad = with_staff.post("/staff/login", data={"username": "alice", "password": "wrong"})
    assert bad.status_code == 400
    assert with_staff.get("/staff/config").status_code == 401
    unknown = with_staff.post("/staff/login", data={"username": "mallory", "password": PASSWORD})
    assert unknown.status_code == 400


def test_staff_console_works_after_login(with_staff: TestClient) -> None:
    ok = with_staff.post("/staff/login", data={"username": "alice", "password": PASSWORD})
    assert ok.status_code == 200
    config = with_staff.get("/staff/config")
    assert config.status_code == 200
    api_names = {d.get("api_name") for d in config.json()["dependencies"]}
    assert {"check", "search"} <= api_names
    # the visitor chat stays open to everyone, without login
    assert with_staff.get("/config").status_code == 200


def test_explicit_accounts_override_the_setting(staff_setting: str) -> None:
    accounts = StaffAccounts.from_setting(staff_setting)
    app = webapp.build_app(FakeAssistant(), Settings(staff_users=""), accounts=accounts, stream_delay=0)
    with TestClient(app) as client:
        assert client.get("/staff/config").status_code == 401


def test_feedback_buttons_only_when_the_log_is_on() -> None:
    def like_events(client: TestClient) -> list[dict[str, Any]]:
        return [d for d in dependencies(client) if any(t[1] == "like" for t in d["targets"])]

    for client in client_for(stream_delay=0):
        assert like_events(client) == []
        chatbot = next(c for c in client.get("/config").json()["components"] if c["type"] == "chatbot")
        assert not chatbot["props"].get("feedback_options")
    for client in client_for(stream_delay=0, feedback=FeedbackLog(":memory:")):
        assert len(like_events(client)) == 1
        chatbot = next(c for c in client.get("/config").json()["components"] if c["type"] == "chatbot")
        assert list(chatbot["props"]["feedback_options"]) == ["Like", "Dislike"]


def test_nothing_is_kept_in_the_browser_run_history(plain: TestClient) -> None:
    assert plain.get("/config").json().get("run_history") in (False, None)
