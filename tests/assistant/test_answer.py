"""Extractive answers: verbatim sentences of the cited passages, the best first and the rest in document
order, section named, and
the not-medical-advice line once. Sentence vectors come from the build: answering embeds nothing."""

from __future__ import annotations

import re

import pytest

from assistant.abstention import FEATURES, AbstentionModel, CorpusVocabulary
from assistant.answer import (
    NOT_ADVICE,
    AnswerSettings,
    Quote,
    answer_first,
    candidate_sentences,
    compose_answer,
    format_answer,
    select_quotes,
    with_following_sentences,
)
from assistant.question_bank import BankMatch
from assistant.reply import Passage
from assistant.retriever import HybridRetriever
from index.chunking import Sentence
from index.shared.embeddings import HashingEmbeddings, QueryEmbeddings

ZEROS = (0.0,) * len(FEATURES)
ALWAYS = AbstentionModel(ZEROS, (1.0,) * len(FEATURES), ZEROS, bias=0.0, threshold=0.0)  # probability 0.5
NEVER = AbstentionModel(ZEROS, (1.0,) * len(FEATURES), ZEROS, bias=0.0, threshold=0.9)
CITED = re.compile(r'"([^"]+)" \[(\d+)\]')


@pytest.fixture(scope="module")
def vocabulary(store) -> CorpusVocabulary:
    return CorpusVocabulary.of(store.lexical.vocabulary, store.lexical.stem)


def answer(store, vocabulary, question, policy=ALWAYS, settings=None):
    embeddings = QueryEmbeddings(HashingEmbeddings())
    encoded = embeddings.encode(question)
    passages = HybridRetriever(store).retrieve(question, encoded, k=4)
    draft = compose_answer(
        store, question, encoded.masked, passages, policy, vocabulary, settings or AnswerSettings()
    )
    return draft, passages


def check_quoted_answer(text: str, sources, lead: int = 1) -> list[tuple[str, int]]:
    """The invariants of every extractive answer; returns the (quote, citation) pairs."""
    cited = [(q, int(n)) for q, n in CITED.findall(text)]
    assert cited, text
    offsets = []
    for quote, number in cited:
        assert 1 <= number <= len(sources)
        source = sources[number - 1]
        assert quote in source.text  # verbatim, from the passage it cites
        offsets.append((source.doc_id, source.start + source.text.index(quote)))
        line = next(line for line in text.splitlines() if f'"{quote}" [{number}]' in line)
        assert line.startswith(f"- In '{source.section}':")  # the section is named
    assert offsets[lead:] == sorted(offsets[lead:])  # after the best quote(s): document order
    assert len(set(offsets)) == len(offsets)  # no sentence twice
    assert text.count(NOT_ADVICE) == 1
    return cited


QUESTIONS = [
    "inpatient facilities stay 30 60 or 90 days",
    "signs of overdose slow breathing drowsiness",
    "withdrawals stopping heart failure",
    "group therapy family friends relationships",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_quotes_are_verbatim_cited_in_document_order_with_sections(store, vocabulary, question) -> None:
    draft, passages = answer(store, vocabulary, question)
    restates = draft.quotes and draft.quotes[0].overlap >= AnswerSettings().restating_overlap
    cited = check_quoted_answer(draft.text, passages, lead=2 if restates else 1)
    assert len(cited) == len(draft.quotes) <= AnswerSettings().max_quotes
    for quote in draft.quotes:
        assert store.sentences[store.sentences.index(quote.sentence)] == quote.sentence
        assert quote.sentence.text in passages[quote.citation - 1].text


def test_the_best_matching_sentence_is_quoted_first(store, vocabulary) -> None:
    draft, _ = answer(store, vocabulary, "inpatient facilities stay 30 60 or 90 days")
    assert "30, 60 or 90 days" in draft.quotes[0].sentence.text
    first = draft.text.splitlines()[1]
    assert "30, 60 or 90 days" in first


def test_a_sentence_answering_a_near_dev_question_is_quoted_first(store, vocabulary) -> None:
    question = "inpatient facilities stay 30 60 or 90 days"
    embeddings = QueryEmbeddings(HashingEmbeddings())
    encoded = embeddings.encode(question)
    passages = HybridRetriever(store).retrieve(question, encoded, k=4)
    plain, _ = answer(store, vocabulary, question)
    runner_up = next(
        q for q in plain.quotes[1:] + tuple(
            Quote(s, 0, 0, 1, 0, 0)
            for p in passages
            for s in (store.sentences[i] for i in store.sentences_within(p.doc_id, p.start, p.end))
        ) if q.sentence != plain.quotes[0].sentence
    )  # fmt: skip
    bank = BankMatch(0.9, 0.1, 0.8, {runner_up.sentence.text: 1.0})
    weighty = AnswerSettings(bank_weight=5.0)  # hashing vectors' similarities spread wider than MiniLM's
    draft = compose_answer(store, question, encoded.masked, passages, ALWAYS, vocabulary, weighty, bank=bank)
    assert draft.quotes[0].sentence == runner_up.sentence and draft.quotes[0].bank_support == 1.0
    assert (draft.features.bank_answerable, draft.features.bank_margin) == (0.9, 0.8)
    without = compose_answer(store, question, encoded.masked, passages, ALWAYS, vocabulary, AnswerSettings())
    assert without.quotes[0].sentence == plain.quotes[0].sentence


def test_answer_first_moves_the_best_quote_ahead_of_earlier_sentences() -> None:
    ranked = [quote(50, 0.8), quote(10, 0.75), quote(30, 0.70)]
    chosen = select_quotes(ranked, AnswerSettings(max_quotes=3))
    assert [q.sentence.start for q in chosen] == [10, 30, 50]
    ordered = answer_first(chosen, ranked, [], AnswerSettings())
    assert [q.sentence.start for q in ordered] == [50, 10, 30]


def test_answering_embeds_nothing(store, vocabulary) -> None:
    inner = HashingEmbeddings()
    embeddings = QueryEmbeddings(inner)
    encoded = embeddings.encode("signs of overdose")
    passages = HybridRetriever(store).retrieve("signs of overdose", encoded, k=4)
    calls = inner.calls
    compose_answer(store, "signs of overdose", encoded.masked, passages, ALWAYS, vocabulary)
    assert inner.calls == calls


def test_abstaining_policy_gives_no_text_and_no_quotes(store, vocabulary) -> None:
    draft, _ = answer(store, vocabulary, "Is Xanax stronger?", policy=NEVER)
    assert draft.text == "" and draft.quotes == ()
    assert "xanax" in draft.unknown_terms
    assert draft.probability == pytest.approx(0.5)
    assert draft.features.unknown_count == len(draft.unknown_terms) >= 1


def test_no_passages_means_no_answer(store, vocabulary) -> None:
    draft = compose_answer(store, "anything", [0.0] * 256, [], ALWAYS, vocabulary)
    assert draft.quotes == () and draft.text == ""
    assert draft.features.best_titled == draft.features.best_dense == draft.features.lexical_top == 0.0


def test_candidate_sentences_lie_inside_passages_and_keep_the_first_citation(store) -> None:
    passages = HybridRetriever(store).retrieve(
        "rehab", QueryEmbeddings(HashingEmbeddings()).encode("rehab"), k=4
    )
    candidates = candidate_sentences(store, passages + passages[:1])
    assert candidates == sorted(candidates)
    for position, number in candidates:
        sentence = store.sentences[position]
        cited = passages[number - 1]
        assert cited.start <= sentence.start and sentence.end <= cited.end
        earlier = passages[: number - 1]
        assert not any(p.start <= sentence.start and sentence.end <= p.end for p in earlier)


def sentence(start: int, section: str = "S", doc: str = "d") -> Sentence:
    return Sentence(f"{doc}@{start}", doc, section, f"Sentence at {start}.", start, start + 10)


def quote(start: int, score: float, section: str = "S", citation: int = 1) -> Quote:
    return Quote(
        sentence=sentence(start, section), score=score, bare_score=score, citation=citation, overlap=0.0,
        rank_score=score,
    )  # fmt: skip


def test_select_quotes_keeps_those_close_to_the_best_in_document_order() -> None:
    ranked = [quote(50, 0.8), quote(10, 0.75), quote(30, 0.70), quote(5, 0.60)]
    chosen = select_quotes(ranked, AnswerSettings(max_quotes=3, relative_margin=0.12, min_similarity=0.3))
    assert [q.sentence.start for q in chosen] == [10, 30, 50]


def test_select_quotes_respects_max_quotes_and_the_floor() -> None:
    ranked = [quote(50, 0.8), quote(10, 0.79), quote(30, 0.78)]
    assert [q.sentence.start for q in select_quotes(ranked, AnswerSettings(max_quotes=2))] == [10, 50]
    # Below the floor only the best sentence may be quoted.
    low = [quote(50, 0.30), quote(10, 0.29)]
    assert [q.sentence.start for q in select_quotes(low, AnswerSettings(min_similarity=0.35))] == [50]
    assert select_quotes([], AnswerSettings()) == []


def test_format_answer_groups_quotes_by_section_and_says_not_medical_advice_once() -> None:
    quotes = [
        quote(1, 0.9, section="Detox"),
        quote(20, 0.9, section="Detox", citation=2),
        quote(40, 0.9, section="Rehab"),
    ]
    text = format_answer(quotes)
    assert text.splitlines()[1:3] == [
        '- In \'Detox\': "Sentence at 1." [1] "Sentence at 20." [2]',
        "- In 'Rehab': \"Sentence at 40.\" [1]",
    ]
    assert text.count(NOT_ADVICE) == 1 and text.rstrip().endswith(f"_{NOT_ADVICE}_")


PARAGRAPHS = "The signs can be missed. A doctor usually prescribes it. Other signs.\nA new paragraph."


def paragraph_quotes(overlaps: tuple[float, ...]) -> tuple[Passage, list[Quote]]:
    """A passage at offset 100 and its four sentences as quotes (the third ends its paragraph)."""
    passage = Passage(
        text=PARAGRAPHS, section="S", score=1.0, doc_id="d", chunk_id="d#0", start=100,
        end=100 + len(PARAGRAPHS),
    )  # fmt: skip
    quotes = []
    for part, overlap in zip(re.findall(r"[^.\n]+\.", PARAGRAPHS), overlaps, strict=True):
        text = part.strip()
        start = 100 + PARAGRAPHS.index(text)
        sentence = Sentence(f"d@{start}", "d", "S", text, start, start + len(text))
        quotes.append(Quote(sentence, 0.5, 0.5, 1, overlap, 0.5 + overlap))
    return passage, quotes


def test_a_quote_restating_the_question_brings_the_next_sentence_of_its_paragraph() -> None:
    passage, (restating, answering, last, other) = paragraph_quotes((0.8, 0.0, 0.9, 0.0))
    ranked = [restating, last, answering, other]
    settings = AnswerSettings(restating_overlap=0.75)
    chosen = with_following_sentences([restating], ranked, [passage], settings)
    assert [q.sentence.text for q in chosen] == [
        "The signs can be missed.",
        "A doctor usually prescribes it.",
    ]
    # Never across a paragraph break, never twice, and not for a quote that does not restate the question.
    assert with_following_sentences([last], ranked, [passage], settings) == [last]
    assert with_following_sentences([restating, answering], ranked, [passage], settings) == [
        restating, answering,
    ]  # fmt: skip
    assert with_following_sentences(
        [restating], ranked, [passage], AnswerSettings(restating_overlap=0.9)
    ) == [restating]


def test_the_next_sentence_must_lie_in_the_cited_passage() -> None:
    _, (restating, answering, *_) = paragraph_quotes((0.8, 0.0, 0.0, 0.0))
    cut = Passage(
        text=PARAGRAPHS[:30], section="S", score=1.0, doc_id="d", chunk_id="d#0", start=100, end=130
    )
    assert with_following_sentences([restating], [restating, answering], [cut], AnswerSettings()) == [
        restating
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("How long does inpatient rehab last?", "30, 60 or 90 days"),
        ("Can I take clonazepam when pregnant?", "birth defects"),
        ("What are the signs of a klonopin overdose?", "Slow or trouble breathing"),
        ("what is the most common side effect?", "constant fatigue"),
        ("Why are the signs of clonazepam addiction often missed?", "a qualified medical doctor"),
    ],
)
def test_real_answers_quote_the_fact_verbatim(real_assistant, question, fact) -> None:
    reply = real_assistant.ask(question)
    assert reply.kind == "answer" and not reply.abstained
    cited = check_quoted_answer(reply.text, reply.sources)
    assert any(fact in q for q, _ in cited)
