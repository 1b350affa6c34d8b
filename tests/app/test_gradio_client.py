"""gradio_client against the app served on 127.0.0.1: the `/ask` chat endpoint and the staff console."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from app_support import FakeAssistant, serve
from gradio_client import Client
from gradio_client.exceptions import AuthenticationError

from assistant.web import gradio_app as webapp
from assistant.web.staff_accounts import hash_password
from index.shared.history import content_text
from index.shared.settings import Settings

pytestmark = pytest.mark.slow

PASSWORD = "staff-test-password"


@pytest.fixture(scope="module")
def fake() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture(scope="module")
def base_url(fake: FakeAssistant) -> Iterator[str]:
    settings = Settings(staff_users="alice:" + hash_password(PASSWORD, iterations=1000))
    with serve(webapp.build_app(fake, settings, stream_delay=0.001)) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url: str) -> Client:
    return Client(base_url + "/", verbose=False, download_files=False)


def text_of(message: dict[str, Any]) -> str:
    return content_text(message["content"])


def ask(client: Client, message: str, history: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    chat, box = client.predict(message, history or [], api_name="/ask")
    assert box == ""  # the textbox is cleared
    return chat


def test_answer_comes_with_its_sources_panel(client: Client, fake: FakeAssistant) -> None:
    chat = ask(client, "How long does inpatient rehab last?")
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert text_of(chat[0]) == "How long does inpatient rehab last?"
    answer = text_of(chat[1])
    assert answer.startswith('"Inpatient rehab usually lasts 30 to 90 days."')
    assert '<details class="sources">' in answer
    assert "Treatment &lt;options&gt;" in answer
    assert fake.calls[-1] == ("How long does inpatient rehab last?", [])


def test_overdose_report_gets_the_emergency_card(client: Client) -> None:
    chat = ask(client, "my friend took a whole bottle of klonopin and won't wake up")
    card = text_of(chat[-1])
    assert 'class="safety-card safety-card--emergency"' in card
    assert "[911](tel:911)" in card
    assert "[1-800-222-1222](tel:+18002221222)" in card
    assert "<details" not in card


@pytest.mark.parametrize(
    ("message", "css"),
    [
        ("I want to kill myself", "safety-card--crisis"),
        ("quitting cold turkey tomorrow", "safety-card--medical-supervision"),
    ],
)
def test_other_routes_get_their_cards(client: Client, message: str, css: str) -> None:
    assert css in text_of(ask(client, message)[-1])


def test_html_typed_by_a_visitor_is_kept_as_text(client: Client) -> None:
    chat = ask(client, "<img src=x onerror=alert(1)>")
    shown = text_of(chat[0])
    assert "<img" not in shown
    assert html.unescape(shown) == "<img src=x onerror=alert(1)>"


def test_follow_ups_send_the_earlier_visitor_turns_as_typed(client: Client, fake: FakeAssistant) -> None:
    first = ask(client, "What is <rehab> & detox?")
    second = ask(client, "how long does it last?", first)
    assert len(second) == 4
    assert fake.calls[-1] == ("how long does it last?", ["What is <rehab> & detox?"])


def test_empty_message_gets_the_gentle_prompt_without_a_visitor_bubble(client: Client) -> None:
    chat = ask(client, "   ")
    assert [m["role"] for m in chat] == ["assistant"]
    assert "Please type a question" in text_of(chat[0])


def test_answers_stream_and_routed_replies_come_at_once(client: Client) -> None:
    job = client.submit("How long does inpatient rehab last?", [], api_name="/ask")
    job.result()
    outputs = job.outputs()
    assert [m["role"] for m in outputs[0][0]] == ["user"]  # the visitor's message shows first
    answer_updates = [text_of(out[0][-1]) for out in outputs[1:]]
    assert len(answer_updates) >= 2
    assert all(b.startswith(a) for a, b in itertools.pairwise(answer_updates))
    assert "<details" not in answer_updates[0] and "<details" in answer_updates[-1]

    job = client.submit("my friend won't wake up", [], api_name="/ask")
    job.result()
    with_reply = [out for out in job.outputs() if out[0][-1]["role"] == "assistant"]
    assert len(with_reply) == 1  # the whole card in one update
    assert "safety-card--emergency" in text_of(with_reply[0][0][-1])


def test_staff_console_refuses_clients_without_login(base_url: str) -> None:
    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(base_url + "/staff/", verbose=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(base_url + "/staff/", auth=("alice", "wrong"), verbose=False)


def test_staff_console_shows_route_reason_script_and_search(base_url: str, fake: FakeAssistant) -> None:
    staff = Client(base_url + "/staff/", auth=("alice", PASSWORD), verbose=False)
    route, script, passages, call_log = staff.predict("he won't wake up", api_name="/check")
    assert 'data-route="emergency"' in route
    assert "emergency.unresponsive" in route
    assert "Script to read to the caller" in script and "SCRIPT for emergency" in script
    assert 'href="tel:911"' in script
    assert "No passages." in passages
    assert "he won&#x27;t wake up" in call_log

    route, script, passages, call_log = staff.predict("how long is rehab", api_name="/check")
    assert 'data-route="none"' in route
    assert "score 0.812" in passages and "Treatment &lt;options&gt;" in passages
    assert fake.calls[-1] == ("how long is rehab", ["he won't wake up"])
    assert call_log.count("<li>") == 2

    results = staff.predict("detox", api_name="/search")
    assert "Search results for" in results and "score 0.812" in results
    assert fake.searches[-1] == "detox"


class BrokenAssistant(FakeAssistant):
    def ask(self, message: str, history: list[Any] | None = None) -> Any:
        raise RuntimeError(f"index down while answering {message!r}")


def test_a_failing_assistant_still_shows_the_help_lines() -> None:
    with serve(webapp.build_app(BrokenAssistant(), Settings(), stream_delay=0)) as url:
        chat, _ = Client(url + "/", verbose=False).predict("how long is rehab?", [], api_name="/ask")
    assert [m["role"] for m in chat] == ["user", "assistant"]
    reply = text_of(chat[1])
    assert "something went wrong" in reply
    assert "[911](tel:911)" in reply and "[988](tel:988)" in reply
