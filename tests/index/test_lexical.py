"""The BM25 index (bm25s): stemmed search, persistence, vocabulary."""

from __future__ import annotations

from index.lexical import LexicalIndex

TEXTS = [
    "Withdrawal symptoms can include seizures when stopping suddenly.",
    "Inpatient facilities keep patients for 30, 60 or 90 days.",
    "Outpatient programs let people live at home during treatment.",
    "Group therapy helps rebuild relationships with family and friends.",
]


def test_search_finds_stemmed_words_best_first() -> None:
    index = LexicalIndex.build(TEXTS)
    hits = index.search("what happens when you withdraw and stop?", k=4)
    assert hits[0][0] == 0
    assert all(score > 0 for _, score in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert index.search("therapies for families", k=2)[0][0] == 3


def test_search_returns_nothing_for_stopwords_or_unknown_words() -> None:
    index = LexicalIndex.build(TEXTS)
    assert index.search("the and of", k=3) == []
    assert index.search("zzzqqq", k=3) == []
    assert index.search("", k=3) == []


def test_k_larger_than_the_index_is_capped() -> None:
    index = LexicalIndex.build(TEXTS)
    hits = index.search("treatment programs inpatient outpatient", k=50)
    assert {i for i, _ in hits} <= set(range(len(TEXTS))) and len(hits) <= len(TEXTS)


def test_save_and_load_round_trip(tmp_path) -> None:
    index = LexicalIndex.build(TEXTS)
    folder = tmp_path / "lexical"
    folder.mkdir()
    index.save(folder)
    loaded = LexicalIndex.load(folder)
    assert loaded.size == len(TEXTS)
    assert loaded.search("inpatient days", k=2) == index.search("inpatient days", k=2)
    assert loaded.vocabulary == index.vocabulary


def test_vocabulary_is_stemmed_and_stem_matches_it() -> None:
    index = LexicalIndex.build(TEXTS)
    assert index.stem("Relationships") in index.vocabulary
    assert index.stem("seizure") in index.vocabulary
    assert "the" not in index.vocabulary  # stopwords are not indexed
    assert index.stem("xanax") not in index.vocabulary
