"""`python -m index build`: builds with the configured model, prints a summary, clear errors (exit 2)."""

from __future__ import annotations

import pytest

import index.shared.embeddings
from index.__main__ import main
from index.builder import current_build
from index.shared.embeddings import HashingEmbeddings


@pytest.fixture(autouse=True)
def hashing_model(monkeypatch):
    """The command loads the real model; the tests give it the hashing fake instead."""
    monkeypatch.setattr(index.shared.embeddings, "load_embeddings", HashingEmbeddings)
    monkeypatch.setenv("ASSISTANT_COLLECTION", "cli-test")


def test_build_then_rebuild_incrementally(corpus_copy, tmp_path, capsys) -> None:
    index = tmp_path / "index"
    assert main(["build", "--corpus", str(corpus_copy), "--index", str(index)]) == 0
    out = capsys.readouterr()
    assert "index ready:" in out.out and "embedded 1 document(s), reused 0" in out.out
    assert current_build(index) is not None

    assert main(["build", "--corpus", str(corpus_copy), "--index", str(index)]) == 0
    assert "embedded 0 document(s), reused 1" in capsys.readouterr().out

    assert main(["build", "--force", "--corpus", str(corpus_copy), "--index", str(index)]) == 0
    assert "embedded 1 document(s), reused 0" in capsys.readouterr().out


def test_missing_corpus_exits_2_with_a_clear_message(tmp_path, capsys) -> None:
    assert main(["build", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "i")]) == 2
    err = capsys.readouterr().err
    assert "error: corpus folder not found" in err and "missing" in err


def test_empty_corpus_exits_2_with_a_clear_message(tmp_path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["build", "--corpus", str(tmp_path / "empty"), "--index", str(tmp_path / "i")]) == 2
    assert "error: no documents (.txt, .md, .html)" in capsys.readouterr().err


def test_a_command_is_required(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
