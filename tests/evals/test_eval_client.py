import itertools
import json

import httpx

from evals.client import HttpClient, InProcessClient, Source
from evals.fake import FakeAssistant, reply


def ticking(step_s=0.004):
    counter = itertools.count(0.0, step_s)
    return lambda: next(counter)


def test_in_process_client_passes_history_and_keeps_the_reply():
    bot = FakeAssistant({"hi": reply('"A." [1]', route="none", sources=("A.",), reason="no rule")})
    answer = InProcessClient(bot, clock=ticking()).ask("hi", ("earlier",))
    assert bot.calls == [("hi", ("earlier",))]
    assert (answer.route, answer.text, answer.abstained, answer.reason) == (
        "none",
        '"A." [1]',
        False,
        "no rule",
    )
    assert answer.sources == (Source("A.", "section 0", 1.0),)
    assert answer.latency_ms == 4.0
    assert answer.error == ""


def test_in_process_client_turns_an_exception_into_an_error_record():
    answer = InProcessClient(FakeAssistant({"boom": RuntimeError("index gone")}), clock=ticking()).ask(
        "boom", ()
    )
    assert (answer.route, answer.error) == ("error", "RuntimeError: index gone")


def test_route_enum_becomes_its_value():
    from assistant.reply import Passage, Reply, Route

    bot = FakeAssistant({"x": Reply(Route.CRISIS, "call 988", (Passage("p", "s", 0.5),))})
    answer = InProcessClient(bot).ask("x", ())
    assert answer.route == "crisis"
    assert answer.kind == "answer"
    assert answer.sources == (Source("p", "s", 0.5),)


def test_http_client_posts_message_and_history_to_api_ask():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, str(request.url), json.loads(request.content)))
        body = {
            "route": "none",
            "text": "t",
            "abstained": True,
            "latency_ms": 3.0,
            "sources": [{"text": "p", "section": "S", "score": 0.25}],
        }
        return httpx.Response(200, json=body)

    client = HttpClient(
        "http://app:7860/", http=httpx.Client(transport=httpx.MockTransport(handler)), clock=ticking(0.010)
    )
    answer = client.ask("q", ("h1",))
    assert seen == [("POST", "http://app:7860/api/ask", {"message": "q", "history": ["h1"]})]
    assert client.target == "http://app:7860"
    assert (answer.route, answer.text, answer.abstained, answer.latency_ms) == ("none", "t", True, 10.0)
    assert answer.sources == (Source("p", "S", 0.25),)


def test_http_error_status_is_an_error_record():
    transport = httpx.MockTransport(lambda request: httpx.Response(503, text="down"))
    answer = HttpClient("http://app", http=httpx.Client(transport=transport)).ask("q", ())
    assert answer.route == "error"
    assert "503" in answer.error


def test_unavailable_reply_is_an_error_not_an_answer():
    from assistant.reply import Reply, ReplyKind, Route

    down = Reply(Route.NONE, "The index is unavailable.", kind=ReplyKind.UNAVAILABLE, reason="index missing")
    answer = InProcessClient(FakeAssistant({"q": down})).ask("q", ())
    assert (answer.route, answer.error) == ("none", "assistant unavailable: index missing")


def test_url_option_selects_the_http_client():
    from rich.console import Console

    from evals.cli import _client_factory, build_parser

    client = _client_factory(build_parser().parse_args(["--url", "http://127.0.0.1:7860/"]), Console())()
    assert isinstance(client, HttpClient)
    assert client.target == "http://127.0.0.1:7860"
    client.close()
