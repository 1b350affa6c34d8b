"""The scale-test corpus generator: deterministic, on target, and made of text the index keeps whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evals.scale import corpus
from evals.scale.corpus import SOURCE, CorpusStats, body_paragraphs, generate_corpus
from index.builder import prepare
from index.chunking import split_sentences
from index.cleaning import clean_text, is_boilerplate
from index.documents import load_corpus, read_document
from index.sections import is_heading

CHUNK_SIZE, CHUNK_OVERLAP = 700, 120


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def generated(root: Path) -> list[Path]:
    """Every file but the copied original, in writing order."""
    return sorted((p for p in root.rglob("*") if p.is_file() and p.parent != root), key=lambda p: p.stem[-6:])


@pytest.fixture(scope="module")
def corpus_1k(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CorpusStats]:
    out = tmp_path_factory.mktemp("scale") / "corpus"
    return out, generate_corpus(out, 1000, seed=0)


def source_sentences() -> set[str]:
    text = clean_text(read_document(SOURCE).text)
    return {s for s, _, _ in split_sentences(text)}


def test_same_seed_and_target_give_byte_identical_files(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 300, seed=7)
    second = generate_corpus(tmp_path / "b", 300, seed=7)
    assert first == second
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_different_seeds_give_different_corpora(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", 300, seed=0)
    generate_corpus(tmp_path / "b", 300, seed=1)
    generated_a = {p.read_bytes() for p in generated(tmp_path / "a")}
    generated_b = {p.read_bytes() for p in generated(tmp_path / "b")}
    assert generated_a.isdisjoint(generated_b)


@pytest.mark.parametrize("target", [300, 1000])
def test_target_reached_within_five_percent_by_the_builders_count(tmp_path: Path, target: int) -> None:
    stats = generate_corpus(tmp_path / "corpus", target, seed=3)
    assert abs(stats.chunks - target) <= 0.05 * target
    # Counted independently, the way `python -m index build` prepares documents.
    documents = load_corpus(tmp_path / "corpus")
    assert len(documents) == stats.documents
    assert sum(len(prepare(d, CHUNK_SIZE, CHUNK_OVERLAP).chunks) for d in documents) == stats.chunks
    written = (tmp_path / "corpus").rglob("*.*")
    assert stats.characters == sum(len(p.read_text(encoding="utf-8")) for p in written)


def test_original_document_is_included_verbatim(corpus_1k: tuple[Path, CorpusStats]) -> None:
    out, _ = corpus_1k
    assert (out / SOURCE.name).read_bytes() == SOURCE.read_bytes()


def test_documents_are_twenty_to_eighty_chunks(corpus_1k: tuple[Path, CorpusStats]) -> None:
    out, stats = corpus_1k
    sizes = [len(prepare(read_document(p), CHUNK_SIZE, CHUNK_OVERLAP).chunks) for p in generated(out)]
    assert len(sizes) == stats.documents - 1
    # The last document takes whatever is left of the target; a section may overshoot a goal a little.
    assert all(20 <= n <= 90 for n in sizes[:-1]), sizes
    assert 1 <= sizes[-1] <= 90


def test_variants_and_filler_are_both_present(corpus_1k: tuple[Path, CorpusStats]) -> None:
    out, stats = corpus_1k
    variants = sorted((out / "variants").iterdir())
    filler = sorted((out / "filler").iterdir())
    assert stats.variant_documents == len(variants) > 0
    assert stats.filler_documents == len(filler) > 0
    assert stats.markdown_documents == len(list(out.rglob("*.md")))

    known = source_sentences()
    source_paragraphs = set(clean_text(read_document(SOURCE).text).split("\n\n"))
    reordered = False
    for path in variants:
        text = path.read_text(encoding="utf-8")
        sentences = [s for s, _, _ in split_sentences(text) if not is_heading(s.removeprefix("# "))]
        # Recombined, never reworded: every sentence is one of the source's.
        assert set(sentences) <= known, path.name
        reordered |= any(p not in source_paragraphs for p in text.split("\n\n") if not is_heading(p))
    assert reordered, "no variant shuffles or regroups sentences"

    for path in filler:
        text = path.read_text(encoding="utf-8").casefold()
        assert not re.search(r"clonazepam|klonopin|benzodiazepine|\bdos(e|age)|\bdrugs?\b|overdose", text)


def test_generated_text_survives_cleaning_unchanged(corpus_1k: tuple[Path, CorpusStats]) -> None:
    out, _ = corpus_1k
    for path in generated(out):
        raw = path.read_text(encoding="utf-8")
        assert clean_text(read_document(path).text) == raw, path.name
        assert not any(is_boilerplate(line.removeprefix("# ")) for line in raw.splitlines() if line)


def test_markdown_documents_keep_their_headings(tmp_path: Path) -> None:
    stats = generate_corpus(tmp_path / "md", 150, seed=2, markdown_share=1.0)
    markdown = sorted((tmp_path / "md").rglob("*.md"))
    assert len(markdown) == stats.markdown_documents == stats.documents - 1
    for path in markdown:
        raw = path.read_text(encoding="utf-8")
        headings = [line.removeprefix("# ") for line in raw.splitlines() if line.startswith("# ")]
        prepared = prepare(read_document(path), CHUNK_SIZE, CHUNK_OVERLAP)
        assert headings and {c.section for c in prepared.chunks} == set(headings)


def test_body_paragraphs_never_read_as_headings() -> None:
    assert body_paragraphs(["Short line here", "A full sentence follows it."]) == [
        "Short line here A full sentence follows it."
    ]
    long_sentence = "This sentence has more than twelve words, so it reads as body text on its own."
    merged = f"{long_sentence} Dangling title words"
    assert body_paragraphs([long_sentence, "Dangling title words"]) == [merged]
    assert body_paragraphs(["A sentence.", "Dangling title words"]) == []  # still one short title-like line
    assert body_paragraphs(["Only a title"]) == []
    assert body_paragraphs(["One.", "Two."]) == ["One.", "Two."]


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("left over\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path, 100)


def test_cli_writes_files_and_prints_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    assert corpus.main(["--chunks", "300", "--out", str(out), "--seed", "5"]) == 0
    printed = capsys.readouterr().out
    chunks = int(re.search(r"(\d+) chunks \(target 300", printed).group(1))
    documents = int(re.search(r"^(\d+) documents", printed).group(1))
    assert abs(chunks - 300) <= 15
    assert documents == len(load_corpus(out)) > 1
    assert files(out) == files(_generated_in(tmp_path / "api", seed=5))

    assert corpus.main(["--chunks", "300", "--out", str(out)]) == 2
    assert "not empty" in capsys.readouterr().err


def _generated_in(out: Path, seed: int) -> Path:
    generate_corpus(out, 300, seed=seed)
    return out
