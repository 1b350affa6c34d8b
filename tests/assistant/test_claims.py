"""The page's doubtful claims (assistant/claims.toml): every entry's correction is shown beside its quote,
in the visitor's answer, the public API and the staff console; answers that could read as "stop" end
with the reminder not to stop alone."""

from __future__ import annotations

import pytest

from assistant.answer import NOT_ADVICE, Quote, format_answer
from assistant.claims import ClaimsFileError, load, matchable, parse
from assistant.web.http_api import public_reply
from assistant.web.staff_view import staff_passages_html, staff_script_html
from index.chunking import Sentence

CLAIMS = load()
NOTE_LINE = "  - Note on this quote: "


def entry(**overrides) -> dict:
    return {
        "id": "x",
        "example_question": "q?",
        "span": "some words",
        "note": "a correction",
        "source": "FDA label",
        "stop_reminder": False,
    } | overrides


@pytest.fixture(scope="module")
def asked(real_assistant) -> dict:
    return {n.id: real_assistant.ask(n.example_question) for n in CLAIMS.notes}


def test_the_claims_file_has_the_two_claims_the_issue_names():
    spans = {n.id: n for n in CLAIMS.notes}
    assert "30 to 40 hours" in spans["effects-last-four-hours"].note
    assert spans["pregnancy-no"].stop_reminder
    assert CLAIMS.stop_reminder_text == "Do not stop on your own: talk to your prescriber."


@pytest.mark.parametrize("claim", CLAIMS.notes, ids=lambda n: n.id)
def test_every_span_lies_inside_one_sentence_of_the_built_page(claim, store):
    # Notes are matched per quoted sentence: a span across two sentences could never be shown.
    holding = [s for s in store.sentences if matchable(claim.span) in matchable(s.text)]
    assert holding, f"{claim.id}: span not in any sentence of the cleaned page"


@pytest.mark.parametrize("claim", CLAIMS.notes, ids=lambda n: n.id)
def test_asking_the_example_question_shows_the_note_right_under_the_quote(claim, asked):
    reply = asked[claim.id]
    assert claim in reply.claim_notes
    lines = reply.text.splitlines()
    quoted = next(i for i, line in enumerate(lines) if matchable(claim.span) in matchable(line))
    notes_below = []
    for line in lines[quoted + 1 :]:
        if not line.startswith(NOTE_LINE):
            break
        notes_below.append(line)
    assert f"{NOTE_LINE}{claim.note} (Source: {claim.source}.)" in notes_below
    answer = reply.text.split("\n\n**Safety:**")[0]  # a safety footer may follow the answer
    reminder = f"**{CLAIMS.stop_reminder_text}**"
    assert answer.rstrip().endswith(reminder) == claim.stop_reminder


@pytest.mark.parametrize("claim", CLAIMS.notes, ids=lambda n: n.id)
def test_the_public_api_and_the_staff_console_show_the_note(claim, asked):
    reply = asked[claim.id]
    assert {"id": claim.id, "span": claim.span, "note": claim.note, "source": claim.source} in public_reply(
        reply
    )["claim_notes"]
    script = staff_script_html(reply)
    assert f'data-claim="{claim.id}"' in script and "Doubtful claims in this answer" in script
    passages = staff_passages_html(reply.sources, claims=CLAIMS)
    assert f'data-claim="{claim.id}"' in passages


def test_a_passage_without_doubtful_claims_gets_no_note(store):
    sentence = next(s for s in store.sentences if "most common side effect" in s.text)
    assert CLAIMS.for_text(sentence.text) == ()


def test_a_sentence_without_a_flagged_claim_gets_no_reminder_and_no_note(store):
    sentence = next(s for s in store.sentences if "most common side effect" in s.text)
    text = format_answer([Quote(sentence, 0.9, 0.9, 1, 0.5, 0.9)], CLAIMS)
    assert NOTE_LINE not in text and CLAIMS.stop_reminder_text not in text
    assert text.endswith(f"_{NOT_ADVICE}_")


def test_two_quotes_on_one_line_keep_each_note_once():
    first = Sentence("s1", "d", "S", "Effects last up to four hours here.", 0, 10)
    second = Sentence("s2", "d", "S", "Effects Last  up to four hours, again.", 20, 30)
    text = format_answer([Quote(first, 0.9, 0.9, 1, 0, 0.9), Quote(second, 0.8, 0.8, 1, 0, 0.8)], CLAIMS)
    assert text.count(NOTE_LINE) == 1  # matched despite case and spacing, shown once
    assert text.splitlines()[2].startswith(NOTE_LINE)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"claims": [entry()]}, "stop_reminder_text is missing"),
        ({"stop_reminder_text": "r", "claims": [entry(), entry()]}, "claim 'x' appears twice"),
        ({"stop_reminder_text": "r", "claims": [entry(note=" ")]}, "claim 'x' has an empty"),
        ({"stop_reminder_text": "r", "claims": [entry(stop_reminder="yes")]}, "claim 'x': stop_reminder"),
        ({"stop_reminder_text": "r", "claims": [{"id": "y", "span": "s"}]}, "claim 'y' needs exactly"),
    ],
)
def test_a_malformed_claims_file_fails_naming_the_entry(data, message):
    with pytest.raises(ClaimsFileError, match=message):
        parse(data)
