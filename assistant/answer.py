"""Extractive answers: the sentences of the retrieved passages that best answer the question, quoted
verbatim, the best one first (with the sentence it introduces) and the rest in document order, with
their section named and numbered citations into `reply.sources`.

Sentence vectors were computed at build time, so nothing is embedded here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.abstention import GENERIC_WORDS, AbstentionFeatures, AbstentionModel, CorpusVocabulary
from assistant.claims import ClaimNotes
from assistant.question_bank import BankMatch
from assistant.reply import ClaimNote, Passage
from index.chunking import Sentence
from index.store import IndexStore

NOT_ADVICE = "Quoted from a treatment-center web page; not medical advice."


_WORD = re.compile(r"[a-z0-9]+")


def content_stems(text: str, stem) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in GENERIC_WORDS}


@dataclass(frozen=True)
class Quote:
    sentence: Sentence
    score: float  # similarity to the question (section title included, drug names left out)
    bare_score: float  # the same without the section title
    citation: int  # 1-based index into the reply's sources
    overlap: float  # share of the question's content words in the sentence
    rank_score: float  # similarity plus the word-overlap and question-bank bonuses: what quotes are chosen by
    bank_support: float = 0.0  # similarity of the nearest dev question this sentence answers (question_bank)


@dataclass(frozen=True)
class AnswerDraft:
    text: str  # "" when abstaining
    quotes: tuple[Quote, ...]
    features: AbstentionFeatures  # what the abstention model decided on
    probability: float  # that the corpus answers the question
    unknown_terms: tuple[str, ...]  # content words of the question the corpus never uses
    claim_notes: tuple[ClaimNote, ...] = ()  # corrections shown beside the quotes (claims.toml)


@dataclass(frozen=True)
class AnswerSettings:
    max_quotes: int = 3
    # Other sentences are quoted only when almost as relevant as the best one.
    relative_margin: float = 0.12
    # Weight of the question's words found in a sentence (0..1) when choosing quotes; chosen with
    # the margin on the dev set: quotes holding the expected facts rose from 53 to 56 of 62.
    lexical_weight: float = 0.1
    min_similarity: float = 0.3  # a sentence this unlike the question is never quoted beside the best one
    # A quote holding this share of the question's content words restates the question ("The signs of
    # addiction can be easily missed."); the answer tends to follow it, so the next sentence of its
    # paragraph is quoted too. On the dev set: 17 sentences added to 16 answers, expected facts 107 -> 108
    # of 119 (at 0.5: 39 sentences for the same gain).
    restating_overlap: float = 0.75
    # Weight of the question bank's support (the nearest dev question a sentence answers) when choosing
    # quotes. Out of fold by writer, 0.7 x similarity + 0.3 x support ranked the answering sentence first
    # for 0.609 of questions (similarity alone 0.576) and in the top 3 for 0.800 (0.748): 0.3 / 0.7.
    bank_weight: float = 0.43


def candidate_sentences(store: IndexStore, passages: Sequence[Passage]) -> list[tuple[int, int]]:
    """(sentence position, citation number) for sentences lying wholly inside a retrieved passage."""
    seen: dict[int, int] = {}
    for number, passage in enumerate(passages, start=1):
        for position in store.sentences_within(passage.doc_id, passage.start, passage.end):
            seen.setdefault(position, number)
    return sorted(seen.items())


def score_sentences(
    store: IndexStore,
    question: str,
    query_vector: Sequence[float],
    candidates: list[tuple[int, int]],
    lexical_weight: float,
    bank: BankMatch | None = None,
    bank_weight: float = 0.0,
) -> list[Quote]:
    """Candidates ranked by similarity to the question (section title included, drug names left out),
    plus a small bonus for the share of the question's content words they contain and one for answering
    a dev question of the same meaning (the question bank's support)."""
    if not candidates:
        return []
    rows = np.asarray([p for p, _ in candidates])
    vector = np.asarray(query_vector, dtype=np.float32)
    titled, bare = store.sentence_vectors[rows, 0] @ vector, store.sentence_vectors[rows, 1] @ vector
    asked = content_stems(question, store.lexical.stem)
    quotes = []
    for (position, number), score, bare_score in zip(candidates, titled, bare, strict=True):
        sentence = store.sentences[position]
        overlap = len(asked & content_stems(sentence.text, store.lexical.stem)) / len(asked) if asked else 0.0
        support = bank.support(sentence.text) if bank is not None else 0.0
        quotes.append(
            Quote(
                sentence,
                float(score),
                float(bare_score),
                number,
                overlap,
                float(score) + lexical_weight * overlap + bank_weight * support,
                support,
            )
        )
    return sorted(quotes, key=lambda q: (-q.rank_score, q.sentence.doc_id, q.sentence.start))


def select_quotes(ranked: list[Quote], settings: AnswerSettings) -> list[Quote]:
    """The best sentence and those almost as good, in document order."""
    if not ranked:
        return []
    cut = ranked[0].rank_score - settings.relative_margin
    chosen = [
        q for q in ranked if q.rank_score >= cut and (q is ranked[0] or q.score >= settings.min_similarity)
    ]
    return sorted(chosen[: settings.max_quotes], key=lambda q: (q.sentence.doc_id, q.sentence.start))


def next_in_paragraph(quote: Quote, ranked: list[Quote], passages: Sequence[Passage]) -> Quote | None:
    """The candidate sentence right after `quote` in the same paragraph of its cited passage, if any."""
    passage = passages[quote.citation - 1]
    after = [
        q
        for q in ranked
        if q.sentence.doc_id == quote.sentence.doc_id and q.sentence.start >= quote.sentence.end
    ]
    if not after:
        return None
    following = min(after, key=lambda q: q.sentence.start)
    if following.sentence.end > passage.end:
        return None
    gap = passage.text[quote.sentence.end - passage.start : following.sentence.start - passage.start]
    return following if not gap.strip() and "\n" not in gap else None


def with_following_sentences(
    chosen: list[Quote], ranked: list[Quote], passages: Sequence[Passage], settings: AnswerSettings
) -> list[Quote]:
    """The chosen quotes plus, after each one that restates the question, the next sentence of its
    paragraph; in document order."""
    out = list(chosen)
    for quote in chosen:
        if quote.overlap < settings.restating_overlap:
            continue
        following = next_in_paragraph(quote, ranked, passages)
        if following is not None and all(following.sentence != q.sentence for q in out):
            out.append(following)
    return sorted(out, key=lambda q: (q.sentence.doc_id, q.sentence.start))


def answer_first(
    chosen: list[Quote], ranked: list[Quote], passages: Sequence[Passage], settings: AnswerSettings
) -> list[Quote]:
    """The chosen quotes with the best one first (followed by the next sentence of its paragraph when
    that was added for it), the others after it in document order: the answer before its context."""
    best = next((q for q in chosen if q.sentence == ranked[0].sentence), None) if ranked else None
    if best is None:
        return chosen
    lead = [best]
    following = (
        next_in_paragraph(best, ranked, passages) if best.overlap >= settings.restating_overlap else None
    )
    if following is not None:
        lead += [q for q in chosen if q.sentence == following.sentence]
    return lead + [q for q in chosen if all(q.sentence != x.sentence for x in lead)]


def format_answer(quotes: list[Quote], claims: ClaimNotes | None = None) -> str:
    """One line per section (neighbouring quotes of one section share it), quotes in the given order,
    each followed by its citation; a doubtful claim's correction right under the line that quotes it;
    and, when a quoted claim could read as "stop taking it", the reminder not to stop alone as the
    last line."""
    lines: list[tuple[str, list[str], list[ClaimNote]]] = []
    for quote in quotes:
        cited = f'"{quote.sentence.text}" [{quote.citation}]'
        header = f"In '{quote.sentence.section}':"
        notes = list(claims.for_text(quote.sentence.text)) if claims else []
        if lines and lines[-1][0] == header:
            lines[-1][1].append(cited)
            lines[-1][2].extend(n for n in notes if n not in lines[-1][2])
        else:
            lines.append((header, [cited], notes))
    bullets = []
    for header, cited, notes in lines:
        bullets.append(f"- {header} {' '.join(cited)}")
        bullets.extend(f"  - Note on this quote: {n.note} (Source: {n.source}.)" for n in notes)
    text = "The source page says:\n" + "\n".join(bullets) + f"\n\n_{NOT_ADVICE}_"
    if claims and any(n.stop_reminder for n in claims.for_texts(q.sentence.text for q in quotes)):
        text += f"\n\n**{claims.stop_reminder_text}**"
    return text


def abstention_features(
    ranked: list[Quote],
    passages: Sequence[Passage],
    unknown: tuple[str, ...],
    question: str,
    stem,
    bank: BankMatch | None = None,
) -> AbstentionFeatures:
    asked = content_stems(question, stem)
    nearest = (
        {
            "bank_answerable": bank.nearest_answerable,
            "bank_unanswerable": bank.nearest_unanswerable,
            "bank_margin": bank.margin,
        }
        if bank is not None
        else {}
    )
    return AbstentionFeatures(
        best_titled=max((q.score for q in ranked), default=0.0),
        best_bare=max((q.bare_score for q in ranked), default=0.0),
        best_dense=max((p.dense_score or 0.0 for p in passages), default=0.0),
        lexical_top=float(np.log1p(passages[0].lexical_score or 0.0)) if passages else 0.0,
        unknown_count=float(len(unknown)),
        unknown_share=len(unknown) / max(1, len(asked)),
        overlap=ranked[0].overlap if ranked else 0.0,
        **nearest,
    )


def compose_answer(
    store: IndexStore,
    question: str,
    query_vector: Sequence[float],
    passages: Sequence[Passage],
    model: AbstentionModel,
    vocabulary: CorpusVocabulary,
    settings: AnswerSettings = AnswerSettings(),
    claims: ClaimNotes | None = None,
    bank: BankMatch | None = None,
) -> AnswerDraft:
    """`bank`: how the question relates to the dev questions (question_bank); None without a bank."""
    candidates = candidate_sentences(store, passages)
    ranked = score_sentences(
        store, question, query_vector, candidates, settings.lexical_weight, bank, settings.bank_weight
    )
    unknown = vocabulary.unknown_terms(question)
    features = abstention_features(ranked, passages, unknown, question, store.lexical.stem, bank)
    probability = model.probability(features)
    if not ranked or probability < model.threshold:
        return AnswerDraft("", (), features, probability, unknown)
    chosen = with_following_sentences(select_quotes(ranked, settings), ranked, passages, settings)
    chosen = answer_first(chosen, ranked, passages, settings)
    notes = claims.for_texts(q.sentence.text for q in chosen) if claims else ()
    return AnswerDraft(format_answer(chosen, claims), tuple(chosen), features, probability, unknown, notes)
