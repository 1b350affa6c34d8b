"""Hybrid retrieval: dense (Chroma), lexical (BM25) and best-sentence rankings, fused by reciprocal rank
fusion (RRF)."""

from __future__ import annotations

import pytest

from assistant.retriever import HybridRetriever, RetrievalSettings
from index.shared.embeddings import EncodedQuery, HashingEmbeddings, QueryEmbeddings

QUERY = "inpatient facilities stay 30 60 90 days"


@pytest.fixture(scope="module")
def retriever(store) -> HybridRetriever:
    return HybridRetriever(store, RetrievalSettings(candidates=8, rrf_k=60))


def vector(text: str) -> EncodedQuery:
    return QueryEmbeddings(HashingEmbeddings()).encode(text)


def test_passages_carry_text_section_offsets_and_scores(retriever, store, built_index) -> None:
    passages = retriever.retrieve(QUERY, vector(QUERY), k=4)
    assert len(passages) == 4
    assert "30, 60 or 90 days" in passages[0].text
    assert passages[0].section == "Highly Recommended: Inpatient Clonazepam Rehab"
    for p in passages:
        chunk = store.chunks[store.chunk_positions[p.chunk_id]]
        assert (p.text, p.section, p.doc_id, p.start, p.end) == (
            chunk.text, chunk.section, chunk.doc_id, chunk.start, chunk.end
        )  # fmt: skip
        assert p.score > 0
        assert p.dense_score is not None or p.lexical_score is not None
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    assert len({p.chunk_id for p in passages}) == 4


def test_scores_are_the_reciprocal_rank_fusion_of_the_three_rankings(retriever) -> None:
    encoded = vector(QUERY)
    dense = retriever.dense(encoded.plain)
    lexical = retriever.lexical(QUERY)
    assert dense and lexical
    assert [s for _, s in dense] == sorted((s for _, s in dense), reverse=True)
    candidates = {p for p, _ in dense} | {p for p, _ in lexical}
    sentence = retriever.by_best_sentence(candidates, encoded.masked)
    assert {p for p, _ in sentence} == candidates  # every candidate chunk holds a sentence
    expected: dict[int, float] = {}
    for ranking in (dense, lexical, sentence):
        for rank, (position, _) in enumerate(ranking, start=1):
            expected[position] = expected.get(position, 0.0) + 1 / (60 + rank)
    passages = retriever.retrieve(QUERY, encoded, k=50)
    assert {retriever.store.chunk_positions[p.chunk_id] for p in passages} == candidates
    dense_scores, lexical_scores = dict(dense), dict(lexical)
    for p in passages:
        position = retriever.store.chunk_positions[p.chunk_id]
        assert p.score == pytest.approx(expected[position], abs=1e-6)
        assert p.dense_score == (
            pytest.approx(dense_scores[position], abs=1e-4) if position in dense_scores else None
        )
        assert p.lexical_score == (
            pytest.approx(lexical_scores[position], abs=1e-4) if position in lexical_scores else None
        )


def test_best_sentence_ranking_scores_a_chunk_by_its_most_similar_sentence(retriever, store) -> None:
    import numpy as np

    encoded = vector("inpatient facilities 30 60 90 days")
    position = next(i for i, c in enumerate(store.chunks) if "30, 60 or 90 days" in c.text)
    ((best, score),) = retriever.by_best_sentence({position}, encoded.masked)
    chunk = store.chunks[position]
    rows = store.sentences_within(chunk.doc_id, chunk.start, chunk.end)
    assert best == position
    assert score == pytest.approx(float(np.max(store.sentence_vectors[rows] @ encoded.masked)), abs=1e-6)


def test_dense_similarity_is_cosine(retriever, store) -> None:
    import numpy as np

    query = vector(QUERY).plain
    ((position, similarity), *_) = retriever.dense(query)
    chunk_vector = HashingEmbeddings().embed_documents([store.chunks[position].embed_text])[0]
    assert similarity == pytest.approx(float(np.dot(query, chunk_vector)), abs=1e-4)


def test_order_is_deterministic(retriever, built_index) -> None:
    first = retriever.retrieve(QUERY, vector(QUERY), k=6)
    again = retriever.retrieve(QUERY, vector(QUERY), k=6)
    reopened = HybridRetriever(built_index.open_store(), retriever.settings).retrieve(
        QUERY, vector(QUERY), k=6
    )
    assert first == again == reopened


def test_k_and_candidate_limits(store) -> None:
    small = HybridRetriever(store, RetrievalSettings(candidates=2))
    assert len(small.dense(vector(QUERY).plain)) == 2
    assert len(small.retrieve(QUERY, vector(QUERY), k=10)) <= 4
    assert len(small.retrieve(QUERY, vector(QUERY), k=1)) == 1


def test_query_with_no_known_words_still_returns_dense_results(retriever) -> None:
    passages = retriever.retrieve("zzzqqq xyzzy", vector("zzzqqq xyzzy"), k=3)
    assert len(passages) == 3
    assert all(p.lexical_score is None and p.dense_score is not None for p in passages)


def test_lexical_query_adds_the_corpus_spelling_of_misspelt_words(store) -> None:
    from assistant.abstention import CorpusVocabulary

    vocabulary = CorpusVocabulary.of(store.lexical.vocabulary, store.lexical.stem)
    spelling = HybridRetriever(store, RetrievalSettings(), vocabulary)
    query = "short-term memmory"
    assert spelling.lexical_query(query) == "short-term memmory memori"
    assert HybridRetriever(store).lexical_query(query) == query  # no vocabulary, no corrections
    memory_chunk = next(i for i, c in enumerate(store.chunks) if "short-term memory loss" in c.text)
    assert memory_chunk in {p for p, _ in spelling.lexical(query)}
    assert memory_chunk not in {p for p, _ in HybridRetriever(store).lexical("memmory")}


class FixedRankings(HybridRetriever):
    """Fusion over given rankings (chunk positions, best first) instead of searching."""

    def __init__(self, store, settings, dense, lexical, sentence) -> None:
        super().__init__(store, settings)
        self.rankings = dense, lexical, sentence

    def dense(self, query_vector):
        return [(p, 1.0 - i / 100) for i, p in enumerate(self.rankings[0])]

    def lexical(self, query):
        return [(p, 10.0 - i) for i, p in enumerate(self.rankings[1])]

    def by_best_sentence(self, candidates, masked_vector):
        return [(p, 1.0 - i / 100) for i, p in enumerate(self.rankings[2])]


def test_a_chunk_two_rankings_put_first_beats_one_all_three_put_eighth(store) -> None:
    """The chunk a question shares no word with is absent from the BM25 list; with a dozen candidates a
    list, the default fusion constant still lets the dense and sentence rankings put it on top (at the
    textbook k=60, merely being in all three lists wins)."""
    filler = list(range(10, 17))  # ranks 1-7 of the lexical list, 2-8 of the others
    dense, lexical, sentence = [0, *filler, 1], [*filler, 1], [0, *filler, 1]
    top = FixedRankings(store, RetrievalSettings(), dense, lexical, sentence).retrieve("q", vector("q"), k=20)
    positions = [store.chunk_positions[p.chunk_id] for p in top]
    assert positions.index(0) < positions.index(1)
    textbook = FixedRankings(store, RetrievalSettings(rrf_k=60), dense, lexical, sentence)
    positions = [store.chunk_positions[p.chunk_id] for p in textbook.retrieve("q", vector("q"), k=20)]
    assert positions.index(0) > positions.index(1)


@pytest.mark.slow
def test_real_model_puts_the_inpatient_stay_first(real_assistant) -> None:
    (best, *rest) = real_assistant.search("How long does inpatient rehab last?")
    assert "30, 60 or 90 days" in best.text
    assert best.section == "Highly Recommended: Inpatient Clonazepam Rehab"
    assert best.dense_score is not None and best.lexical_score is not None
    assert len(rest) == real_assistant.settings.top_k - 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "evidence"),
    [
        ("what happens if you stop taking clonazapam all at once", "Immediately stopping Clonazepam"),
        ("can k-pins hurt my baby if I'm pregnant", "serious birth defects"),
        ("what are the signs somebody overdosed on klonopn?", "Some overdose signs are"),
        ("how many people abused prescription drugs in 2010", "8.76 million people"),
        ("could a mom-to-be use klonopin without harming her baby?", "serious birth defects"),
        ("does it cause short term memmory loss?", "short-term memory loss"),
    ],
)
def test_real_model_finds_the_evidence_in_the_top_passages(real_assistant, question, evidence) -> None:
    assert any(evidence in p.text for p in real_assistant.search(question, k=3))


def test_a_chunk_answering_a_near_dev_question_is_brought_in_by_the_bank(retriever, store) -> None:
    from assistant.question_bank import BankMatch

    query = "inpatient facilities stay 30 60 or 90 days"
    found = {p.chunk_id for p in retriever.retrieve(query, vector(query), k=3)}
    outside = next(c for c in store.chunks if c.chunk_id not in found)
    sentence = store.sentences[store.sentences_within(outside.doc_id, outside.start, outside.end)[0]]
    bank = BankMatch(0.9, 0.1, 0.8, {sentence.text: 0.95, "a sentence on no page": 0.99})
    assert retriever.by_bank_support(bank)[0] == (store.chunks.index(outside), 0.95)
    assert retriever.by_bank_support(None) == []
    every = len(store.chunks)
    without = [p.chunk_id for p in retriever.retrieve(query, vector(query), k=every)]
    with_bank = [p.chunk_id for p in retriever.retrieve(query, vector(query), k=every, bank=bank)]
    # One more ranking moves it up; alone it does not outvote chunks that the other rankings agree on.
    assert outside.chunk_id in with_bank
    assert outside.chunk_id not in without or with_bank.index(outside.chunk_id) < without.index(
        outside.chunk_id
    )
