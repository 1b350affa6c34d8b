"""`python -m assistant ask "question"`: the answer and its sources, or the Reply as JSON."""

from __future__ import annotations

import json

import pytest
from core_support import COLLECTION, stub_model

import assistant.loading
from assistant.__main__ import main
from index.shared.embeddings import HashingEmbeddings


@pytest.fixture
def configured(monkeypatch, built_index, tmp_path):
    """The command reads its settings from the environment; point it at the hashing test index."""
    monkeypatch.setattr(assistant.loading, "load_embeddings_or_unavailable", HashingEmbeddings)
    env = {
        "ASSISTANT_CORPUS_DIR": str(built_index.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(built_index.index_dir),
        "ASSISTANT_COLLECTION": COLLECTION,
        "ASSISTANT_ABSTENTION_MODEL": stub_model(tmp_path / "model.json"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)


def test_ask_prints_the_answer_and_numbered_sources(configured, capsys) -> None:
    assert main(["ask", "inpatient facilities stay 30, 60 or 90 days"]) == 0
    out, err = capsys.readouterr()
    assert "30, 60 or 90 days" in out and "Sources:" in out and "[1] " in out
    assert "route: none" in err and "kind: answer" in err


def test_ask_json_prints_the_reply(configured, capsys) -> None:
    assert (
        main(["ask", "how long does it last?", "--history", "What is inpatient rehab like?", "--json"]) == 0
    )
    reply = json.loads(capsys.readouterr().out)
    assert reply["route"] == "none" and reply["kind"] == "answer" and reply["abstained"] is False
    assert reply["query"] == "What is inpatient rehab like? how long does it last?"
    assert reply["sources"] and {"text", "section", "score", "start", "end"} <= reply["sources"][0].keys()


def test_ask_json_for_a_routed_message(configured, capsys) -> None:
    assert main(["ask", "my friend took a whole bottle of klonopin and won't wake up", "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["route"] == "emergency" and reply["kind"] == "safety" and "911" in reply["text"]
    assert reply["sources"] == []


def test_abstained_reply_lists_no_sources(configured, capsys) -> None:
    assert main(["ask", "What's the weather tomorrow?"]) == 0
    out = capsys.readouterr().out
    assert "1-800-662-4357" in out and "Sources:" not in out


def test_ask_needs_a_message(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["ask"])
    assert exit_info.value.code == 2
