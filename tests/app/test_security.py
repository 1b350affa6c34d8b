"""What the probe of the running app found (issue 15): the /staff redirect, security headers on every
response, and sign-in throttling per account and per client."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from app_support import FakeAssistant
from fastapi.testclient import TestClient

from assistant.web import gradio_app as webapp
from assistant.web import login_throttle
from assistant.web.login_throttle import LoginThrottle, loggable_account
from assistant.web.staff_accounts import hash_password
from index.shared.settings import Settings

PASSWORD = "correct horse battery staple"


class FakeClock:
    """Stands in for the ``time`` module inside ``limits``' memory storage and the throttle."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    import limits.storage.memory

    fake = FakeClock()
    monkeypatch.setattr(limits.storage.memory, "time", fake)
    monkeypatch.setattr(login_throttle, "time", fake)
    return fake


def make_client(*, staff: bool = True, embed_origins: str = "") -> Iterator[TestClient]:
    users = "alice:" + hash_password(PASSWORD, iterations=1000) if staff else ""
    settings = Settings(staff_users=users, embed_origins=embed_origins)
    with TestClient(webapp.build_app(FakeAssistant(), settings, stream_delay=0)) as client:
        yield client


@pytest.fixture
def client(clock: FakeClock) -> Iterator[TestClient]:
    yield from make_client()


def sign_in(client: TestClient, password: str, username: str = "alice") -> int:
    return client.post("/staff/login", data={"username": username, "password": password}).status_code


# --- /staff ---------------------------------------------------------------------------------------


def test_staff_without_slash_redirects_to_the_console(client: TestClient) -> None:
    response = client.get("/staff", follow_redirects=False)
    assert response.status_code in (307, 308)
    assert response.headers["location"].endswith("/staff/")
    followed = client.get("/staff")
    assert followed.status_code == 200
    assert "<html" in followed.text.lower()


# --- security headers -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/healthz", "/config", "/staff/", "/staff/config", "/nowhere"])
def test_every_response_has_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "connect-src 'self'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_the_json_api_has_them_too(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "How long is rehab?", "history": []})
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in response.headers


def test_the_staff_console_can_never_be_framed(client: TestClient) -> None:
    for path in ("/staff/", "/staff/config"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-frame-options"] == "DENY", path


def test_the_chat_may_be_framed_only_by_itself_and_named_sites(clock: FakeClock) -> None:
    for default in make_client():
        csp = default.get("/").headers["content-security-policy"]
        assert "frame-ancestors 'self';" in csp + ";"
    for embedded in make_client(embed_origins="https://help.example.org"):
        csp = embedded.get("/").headers["content-security-policy"]
        assert "frame-ancestors 'self' https://help.example.org" in csp
        staff_csp = embedded.get("/staff/").headers["content-security-policy"]
        assert "frame-ancestors 'none'" in staff_csp


# --- sign-in throttling ---------------------------------------------------------------------------


def test_a_few_mistakes_then_a_wait_even_for_the_right_password(client: TestClient, clock: FakeClock) -> None:
    assert [sign_in(client, "wrong") for _ in range(3)] == [400, 400, 400]
    refused = client.post("/staff/login", data={"username": "alice", "password": PASSWORD})
    assert refused.status_code == 429
    wait = int(refused.headers["retry-after"])
    assert wait == 2
    assert "Try again in" in refused.json()["detail"]
    assert "access-token" not in "".join(refused.cookies.keys())
    clock.advance(wait)
    assert sign_in(client, PASSWORD) == 200


def test_the_waits_grow_then_lock_the_account(client: TestClient, clock: FakeClock) -> None:
    waits = []
    failures = 0
    while failures < 10:
        status = client.post("/staff/login", data={"username": "alice", "password": "wrong"})
        if status.status_code == 429:
            waits.append(int(status.headers["retry-after"]))
            clock.advance(waits[-1])
        else:
            assert status.status_code == 400
            failures += 1
    assert waits == [2, 4, 8, 16, 32, 60, 60]  # growing, from the third failure on
    locked = client.post("/staff/login", data={"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) > 5 * 60  # the lockout, not a short wait


def test_after_ten_failures_fifty_guesses_take_at_least_a_minute(
    client: TestClient, clock: FakeClock
) -> None:
    def guess() -> None:
        """One password tried: waits (on the fake clock) for as long as the server says."""
        while True:
            response = client.post("/staff/login", data={"username": "alice", "password": "guess"})
            if response.status_code != 429:
                assert response.status_code == 400
                return
            clock.advance(int(response.headers["retry-after"]))

    for _ in range(10):
        guess()
    started = clock.now
    for _ in range(50):
        guess()
    assert clock.now - started >= 60


def test_a_correct_sign_in_clears_the_account_s_failures(client: TestClient, clock: FakeClock) -> None:
    assert [sign_in(client, "wrong") for _ in range(2)] == [400, 400]
    assert sign_in(client, PASSWORD) == 200
    assert [sign_in(client, "wrong") for _ in range(3)] == [400, 400, 400]  # counting starts again
    assert sign_in(client, "wrong") == 429


def test_one_client_spraying_many_names_is_throttled(client: TestClient) -> None:
    statuses = [sign_in(client, "guess", username=f"user{n}") for n in range(12)]
    assert statuses[:10] == [400] * 10
    assert statuses[10:] == [429, 429]
    assert sign_in(client, PASSWORD) == 429  # from that client, even a real account waits


def test_clients_are_counted_apart(clock: FakeClock) -> None:
    throttle = LoginThrottle()
    for n in range(10):
        throttle.failed(f"user{n}", "10.0.0.1")
    assert not throttle.check("alice", "10.0.0.1").allowed
    assert throttle.check("alice", "10.0.0.2").allowed


def test_failed_sign_ins_are_logged_with_the_name_never_the_password(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="assistant.web.login_throttle"):
        for _ in range(4):
            sign_in(client, "hunter2-secret", username="alice\nforged line")
    text = caplog.text
    assert "failed staff sign-in: account alice?forged?line" in text
    assert "refused while throttled" in text
    assert "hunter2-secret" not in text
    assert "\nforged line" not in text


def test_a_huge_or_broken_sign_in_form_gets_a_clear_answer(client: TestClient) -> None:
    huge = client.post("/staff/login", data={"username": "alice", "password": "x" * 100_000})
    assert huge.status_code == 413
    broken = client.post(
        "/staff/login", content=b"\xff\xfe--", headers={"content-type": "multipart/form-data; boundary=zz"}
    )
    assert broken.status_code in (400, 422)


def test_other_routes_pass_through_untouched(client: TestClient) -> None:
    for _ in range(12):
        sign_in(client, "wrong")
    assert client.get("/healthz").status_code == 200
    assert client.post("/api/ask", json={"message": "How long is rehab?", "history": []}).status_code == 200


def test_loggable_account_keeps_safe_characters_only() -> None:
    assert loggable_account("alice") == "alice"
    assert loggable_account("") == "<empty>"
    assert loggable_account("a" * 100) == "a" * 64
    assert loggable_account("bob\r\n<script>") == "bob???script?"


def test_the_waits_grow_to_a_minute() -> None:
    assert [login_throttle.wait_after(n) for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 32, 60, 60]
    lockout = LoginThrottle().account_lockout
    assert (lockout.amount, lockout.get_expiry()) == (10, 900)
