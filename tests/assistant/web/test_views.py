"""What replies look like: escaping, tap-to-call links, safety cards, sources panel, banner, staff panels."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from assistant.reply import Passage, Reply, ReplyKind, Route
from assistant.resources import listed
from assistant.web import markup, staff_view
from assistant.web import visitor_view as ui
from index.shared.history import content_text

XSS = "<img src=x onerror=alert(1)>"
PASSAGE = Passage(
    text="Rehab lasts 30 to 90 days.\n\nSee <script>alert(1)</script> & more.",
    section="Treatment <b>options</b>",
    score=0.81234,
    dense_score=0.7,
    lexical_score=3.25,
)
EMERGENCY = Reply(
    Route.EMERGENCY,
    "**Call 911 now** (outside the US: 112 in the EU, 999 in the UK).\n"
    "Poison Help 1-800-222-1222 if unsure.\n- Stay with them.",
    kind=ReplyKind.SAFETY,
    reason="emergency.unresponsive: 'won't wake up'",
    script="Ask: is the person breathing? Then **call 911**.",
)
ANSWER = Reply(Route.NONE, '"Rehab lasts 30 to 90 days." (Treatment)', sources=(PASSAGE,), latency_ms=12.3)


class _Tags(HTMLParser):
    """Collects the tags and attributes a browser would build from an HTML string."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


def tag_names(markup: str) -> set[str]:
    return {name for name, _ in tags(markup)}


# --- escaping -------------------------------------------------------------------------------------


def test_escape_markdown_makes_tags_inert_and_is_reversible() -> None:
    escaped = markup.escape_markdown(XSS + " &amp; > quote")
    assert "<" not in escaped
    assert tag_names(escaped) == set()
    assert html.unescape(escaped) == XSS + " &amp; > quote"


def test_escape_markdown_keeps_markdown_syntax() -> None:
    assert markup.escape_markdown("> **quoted**") == "> **quoted**"


def test_user_message_shows_html_as_text() -> None:
    message = ui.user_message(XSS)
    assert message["role"] == "user"
    assert tag_names(message["content"]) == set()
    assert html.unescape(message["content"]) == XSS


def test_user_turns_recovers_what_visitors_typed_from_both_content_shapes() -> None:
    history = [
        ui.user_message(XSS),
        {"role": "assistant", "content": "<div>answer</div>"},
        {"role": "user", "content": [{"type": "text", "text": markup.escape_markdown("a & b")}]},
        {"role": "user", "content": "   "},
    ]
    assert ui.user_turns(history) == [XSS, "a & b"]
    assert ui.user_turns(None) == []


def test_question_before_finds_the_visitor_message_an_answer_replies_to() -> None:
    history = [
        ui.user_message("first <q>"),
        {"role": "assistant", "content": "a1"},
        ui.user_message("second"),
        {"role": "assistant", "content": "a2"},
    ]
    assert ui.question_before(history, 1) == "first <q>"
    assert ui.question_before(history, 3) == "second"
    assert ui.question_before(history, 0) == ""


# --- phone links ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("911", "tel:911"),
        ("988", "tel:988"),
        ("1-800-222-1222", "tel:+18002221222"),
        ("1-800-662-4357", "tel:+18006624357"),
        ("741741", "sms:741741"),
        ("112", "tel:112"),
    ],
)
def test_phone_href(number: str, href: str) -> None:
    assert markup.phone_href(number) == href


def test_linkify_phones_links_help_lines_without_changing_the_visible_text() -> None:
    text = "Call 911 or 988, Poison Help 1-800-222-1222, SAMHSA 1-800-662-4357."
    linked = markup.linkify_phones(text)
    assert "[911](tel:911)" in linked
    assert "[988](tel:988)" in linked
    assert "[1-800-222-1222](tel:+18002221222)" in linked
    assert "[1-800-662-4357](tel:+18006624357)" in linked
    assert re.sub(r"\]\([^)]*\)", "", linked).replace("[", "") == text


@pytest.mark.parametrize(
    "text",
    ["chat at 988lifeline.org", "9110 pills", "call 1911", "ref 911-A", "costs $911.50", "[911](tel:911)"],
)
def test_linkify_phones_leaves_numbers_that_are_not_help_lines(text: str) -> None:
    assert markup.linkify_phones(text) == text


def test_international_numbers_are_linked_only_in_safety_texts() -> None:
    text = "112 in the EU, 999 in the UK"
    assert markup.linkify_phones(text) == text
    assert (
        markup.linkify_phones(text, international=True)
        == "[112](tel:112) in the EU, [999](tel:999) in the UK"
    )


# --- chat messages ------------------------------------------------------------------------------


def test_safety_card_keeps_the_fixed_text_whole_and_adds_tel_links() -> None:
    card = ui.safety_card(EMERGENCY)
    assert card.startswith('<div class="safety-card safety-card--emergency" role="alert"')
    assert card.endswith("</div>")
    # blank lines around the inner Markdown, so the renderer formats it
    assert "\n\n**Call [911](tel:911) now**" in card
    assert "[1-800-222-1222](tel:+18002221222)" in card
    visible = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", card)
    assert EMERGENCY.text in visible


@pytest.mark.parametrize(
    ("route", "css"),
    [
        (Route.EMERGENCY, "safety-card--emergency"),
        (Route.CRISIS, "safety-card--crisis"),
        (Route.MEDICAL_SUPERVISION, "safety-card--medical-supervision"),
    ],
)
def test_each_route_has_its_own_card(route: Route, css: str) -> None:
    message = ui.assistant_message(Reply(route, "Call 988.", kind=ReplyKind.SAFETY))
    assert css in message
    assert f'data-route="{route.value}"' in message
    assert f'<p class="safety-card__label">{ui.CARD_TITLES[route]}</p>' in message
    assert "details" not in message  # no sources under a safety card


def test_safety_card_escapes_html_in_the_text() -> None:
    card = ui.safety_card(Reply(Route.CRISIS, f"Call 988. {XSS}", kind=ReplyKind.SAFETY))
    assert "img" not in tag_names(card)
    assert "&lt;img" in card


def test_answer_message_has_a_collapsed_sources_panel_with_section_and_text() -> None:
    message = ui.assistant_message(ANSWER)
    body, panel = message.split("\n\n<details", 1)
    assert body == ui.answer_body(ANSWER)
    panel = "<details" + panel
    assert "\n\n" not in panel  # one HTML block for the Markdown renderer
    assert "open" not in dict(tags(panel)[0][1])
    assert "1 source from the document" in panel
    assert "Treatment &lt;b&gt;options&lt;/b&gt;" in panel
    assert "Rehab lasts 30 to 90 days.<br>See &lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in panel
    assert tag_names(panel) == {"details", "summary", "ol", "li", "span", "blockquote", "br"}
    assert "score" not in panel  # visitors see no scores


def test_sources_panel_with_scores_and_plural() -> None:
    panel = ui.sources_panel([PASSAGE, PASSAGE], with_scores=True)
    assert "2 sources from the document" in panel
    assert panel.count("score 0.812") == 2
    assert ui.sources_panel([]) == ""


@pytest.mark.parametrize(
    "reply",
    [
        Reply(Route.NONE, "Not covered.", sources=(PASSAGE,), abstained=True, kind=ReplyKind.ABSTAIN),
        Reply(Route.NONE, "I can't help with doses.", sources=(PASSAGE,), kind=ReplyKind.SCOPE),
        Reply(Route.NONE, "Please type a question.", kind=ReplyKind.INVALID),
    ],
)
def test_replies_that_are_not_answers_show_no_sources(reply: Reply) -> None:
    assert ui.assistant_message(reply) == reply.text


def test_answers_escape_corpus_html_and_show_notices() -> None:
    reply = Reply(Route.NONE, f"Quoted: {XSS}", notices=("Your message was trimmed to 2000 characters.",))
    body = ui.answer_body(reply)
    assert body.startswith("*Your message was trimmed to 2000 characters.*\n\n")
    assert tag_names(body) == set()


def test_stream_prefixes_grow_to_the_whole_text() -> None:
    text = "one two three four five six seven eight nine"
    prefixes = list(ui.stream_prefixes(text, words_per_step=4))
    assert prefixes == ["one two three four", "one two three four five six seven eight", text]
    assert list(ui.stream_prefixes("short")) == ["short"]


def test_message_text_handles_gradio_content_shapes() -> None:
    assert content_text("a") == "a"
    assert content_text([{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]) == "a b"
    assert content_text({"type": "file", "file": {}}) == ""
    assert content_text(None) == ""


# --- static HTML ---------------------------------------------------------------------------------


def test_banner_has_the_four_numbers_as_tel_links_and_the_disclaimer() -> None:
    banner = ui.banner_html()
    hrefs = {attrs.get("href") for name, attrs in tags(banner) if name == "a"}
    assert hrefs == {"tel:911", "tel:988", "tel:+18002221222", "tel:+18006624357"}
    assert "Call or text" in banner
    assert "not medical advice" in banner
    assert "treatment-center page" in banner


def test_staff_disabled_page_names_the_variable() -> None:
    page = staff_view.staff_disabled_html()
    assert "Staff console disabled" in page
    assert "ASSISTANT_STAFF_USERS" in page
    assert "form" not in tag_names(page) and "input" not in tag_names(page)


# --- staff panels --------------------------------------------------------------------------------


def test_staff_route_shows_route_reason_and_escapes() -> None:
    reply = Reply(Route.EMERGENCY, "x", kind=ReplyKind.SAFETY, reason=f"rule: {XSS}", query="q<b>")
    panel = staff_view.staff_route_html(reply)
    assert 'data-route="emergency"' in panel
    assert "staff-route--emergency" in panel
    assert "rule: &lt;img src=x onerror=alert(1)&gt;" in panel
    assert "q&lt;b&gt;" in panel
    assert "img" not in tag_names(panel)


def test_staff_route_says_when_a_model_and_not_a_rule_routed_it_with_its_probability() -> None:
    learned = Reply(Route.CRISIS, "x", kind=ReplyKind.SAFETY, routed_by="learned", model_probability=0.834)
    panel = staff_view.staff_route_html(learned)
    assert "routed-by--model" in panel
    assert "Routed by:</b> the learned model, not a rule (probability 0.83)" in panel
    rule = staff_view.staff_route_html(Reply(Route.CRISIS, "x", kind=ReplyKind.SAFETY, routed_by="rules"))
    assert "Routed by:</b> a reviewed rule" in rule and "routed-by--model" not in rule
    assert "Routed by" not in staff_view.staff_route_html(ANSWER)


def test_staff_route_shows_the_rule_s_rationale_escaped_and_nothing_without_one() -> None:
    routed = Reply(Route.CRISIS, "x", kind=ReplyKind.SAFETY, routed_by="rules", rule_rationale=f"Why {XSS}")
    panel = staff_view.staff_route_html(routed)
    assert "Why this rule routes:</b> Why &lt;img src=x onerror=alert(1)&gt;" in panel
    assert "img" not in tag_names(panel)
    assert "Why this rule routes" not in staff_view.staff_route_html(ANSWER)


def test_staff_route_for_an_answer_says_no_rule_fired() -> None:
    panel = staff_view.staff_route_html(ANSWER)
    assert "(no rule fired)" in panel
    assert "12 ms" in panel


def test_staff_script_prefers_the_script_and_links_numbers() -> None:
    panel = staff_view.staff_script_html(EMERGENCY)
    assert "Script to read to the caller" in panel
    assert '<strong>call <a href="tel:911">911</a></strong>' in panel
    answer_panel = staff_view.staff_script_html(Reply(Route.NONE, f"Answer {XSS}\nline two"))
    assert "What the visitor sees" in answer_panel
    assert "&lt;img" in answer_panel and "<br>line two" in answer_panel
    footer = staff_view.staff_script_html(
        Reply(Route.NONE, "_Quoted from a page; not advice._ keep snake_case_name")
    )
    assert "<em>Quoted from a page; not advice.</em>" in footer
    assert "snake_case_name" in footer


def test_staff_passages_show_section_scores_and_escaped_text() -> None:
    panel = staff_view.staff_passages_html([PASSAGE])
    assert "Treatment &lt;b&gt;options&lt;/b&gt;" in panel
    assert "score 0.812" in panel and "dense 0.700" in panel and "lexical 3.250" in panel
    assert "script" not in tag_names(panel)
    assert "No passages." in staff_view.staff_passages_html([])


def test_resources_list_every_help_line() -> None:
    panel = staff_view.resources_html()
    hrefs = [attrs.get("href") for name, attrs in tags(panel) if name == "a"]
    assert hrefs == [r.href for r in listed()]
    assert "sms:741741" in hrefs


def test_staff_call_log_escapes_messages() -> None:
    log = staff_view.staff_call_log_html([XSS, "second"])
    assert "img" not in tag_names(log)
    assert log.count("<li>") == 2
    assert "No messages yet." in staff_view.staff_call_log_html([])


def test_failure_message_still_gives_the_help_lines() -> None:
    message = ui.failure_message()
    assert 'role="alert"' in message
    for link in ("[911](tel:911)", "[988](tel:988)", "[1-800-222-1222](tel:+18002221222)"):
        assert link in message
