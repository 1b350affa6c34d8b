"""The assistant: safety router first, then scope checks, then grounded extractive answers."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant import safety
from assistant.abstention import AbstentionFeatures, AbstentionModel, CorpusVocabulary
from assistant.answer import AnswerDraft, AnswerSettings, compose_answer
from assistant.claims import ClaimNotes
from assistant.claims import load as load_claims
from assistant.fixed_replies import (
    ABSTAIN_TEXT,
    EMPTY_TEXT,
    ROUTER_FAILED_TEXT,
    TRIMMED_NOTICE,
    UNAVAILABLE_TEXT,
)
from assistant.followup import resolve_query
from assistant.generation.generator import AnswerGenerator, GeneratedAnswer
from assistant.index_repair import IndexRepair
from assistant.loading import open_assistant
from assistant.message import clean_message
from assistant.query_adapter import QueryAdapter
from assistant.question_bank import BankMatch, QuestionBank
from assistant.reply import Passage, Reply, ReplyKind, Route
from assistant.retriever import HybridRetriever, RetrievalSettings
from assistant.safety import rulebook
from assistant.safety.decision import ROUTER_ERROR
from assistant.scope import check_scope
from index.shared.drugnames import canonicalize
from index.shared.embeddings import EncodedQuery, QueryEmbeddings, model_available, model_name
from index.shared.settings import Settings

log = logging.getLogger(__name__)


class Assistant:
    def __init__(
        self,
        settings: Settings,
        embeddings: QueryEmbeddings,
        store: Any | None,
        store_error: str = "",
        *,
        reopen: Callable[[], Any] | None = None,
        claims: ClaimNotes | None = None,
        query_adapter: QueryAdapter | None = None,
        question_bank: QuestionBank | None = None,
        abstention: AbstentionModel | None = None,
        generator: AnswerGenerator | None = None,
        rebuild: Callable[[], Any] | None = None,
    ) -> None:
        """`reopen`, when given, opens the index again: a degraded assistant retries it (at most every
        `settings.reconnect_seconds`), so a Chroma server that comes back is picked up without a
        restart. `claims`: the corrections shown beside doubtful quotes (default `claims.toml`).
        `query_adapter`: moves questions' vectors towards the page's wording (default: the settings'
        file when `settings.query_adaptation` is on; retrieval falls back to the plain vectors without it).
        `question_bank`: the dev questions by meaning, for abstention and quoting (default: the settings'
        file; without it abstention reads its features as average and quotes get no bonus).
        `abstention`: when to abstain (default: `settings.abstention_model`). `generator`: opt-in
        generated answers above the quotes (`load` makes one when `settings.llm_url` is set). `rebuild`:
        run in the background when there is no index to open (`load` passes one for a corrupt index)."""
        self.settings = settings
        self.embeddings = embeddings
        self.generator = generator
        self._answer_settings = AnswerSettings(max_quotes=settings.max_quotes)
        self._abstention = abstention or AbstentionModel.load(settings.abstention_model)
        self.claims = claims if claims is not None else load_claims()
        if query_adapter is None and settings.query_adaptation:
            query_adapter = QueryAdapter.load_or_none(settings.query_adapter, model_name(embeddings))
        self.query_adapter = query_adapter
        if question_bank is None:
            question_bank = QuestionBank.load_or_none(settings.question_bank, model_name(embeddings))
        self.question_bank = question_bank
        model = embeddings if model_available(embeddings) else None
        self._backstop = safety.SemanticBackstop(model) if settings.semantic_backstop else None
        self._learned = (
            safety.LearnedEscalation(settings.learned_escalation_model)
            if settings.learned_escalation
            else None
        )
        # Model layers the router may consult (escalation only), in order; see assistant/safety/fit/.
        backstop = safety.VetoedBackstop(self._backstop, self._learned) if self._backstop else None
        self._escalators = tuple(layer for layer in (self._learned, backstop) if layer is not None)
        self._lock = threading.Lock()
        self._reopen = reopen
        self._last_attempt = time.monotonic()
        self._store_error = store_error
        # One reference, replaced whole: a question in flight keeps the build it started with.
        self._index: _OpenIndex | None = self._open_index(store) if store else None
        self._repair = IndexRepair(rebuild, self._retry_now) if rebuild and store is None else None
        if self._repair is not None:
            self._repair.start()

    @property
    def index_repair(self) -> IndexRepair | None:
        """The background rebuild of a corrupt index, if one was started."""
        return self._repair

    def _retry_now(self) -> None:
        self._last_attempt = float("-inf")  # a finished rebuild is opened by the next question

    def _open_index(self, store: Any) -> _OpenIndex:
        vocabulary = CorpusVocabulary.of(store.lexical.vocabulary, store.lexical.stem)
        settings = RetrievalSettings(self.settings.candidates, self.settings.rrf_k)
        return _OpenIndex(store, HybridRetriever(store, settings, vocabulary), vocabulary)

    @classmethod
    def load(
        cls,
        settings: Settings | None = None,
        *,
        embeddings: Embeddings | None = None,
        build_if_missing: bool = True,
        abstention: AbstentionModel | None = None,
        query_adapter: QueryAdapter | None = None,
        question_bank: QuestionBank | None = None,
        chat_model: Any | None = None,
    ) -> Assistant:
        """Opens the model and the index (building it first if missing); see `assistant.loading`: never
        raises for a missing model or index, a broken index or a Chroma server that is down, but runs
        degraded. `chat_model`: a LangChain chat model for generated answers (default: ChatOpenAI when
        `settings.llm_url` is set)."""
        return open_assistant(
            cls, settings or Settings(), embeddings, build_if_missing=build_if_missing,
            abstention=abstention, query_adapter=query_adapter, question_bank=question_bank,
            chat_model=chat_model,
        )  # fmt: skip

    @property
    def store(self):
        """The opened index (None when degraded)."""
        index = self._index
        return index.store if index else None

    def _refresh_index(self) -> None:
        """At most every `reconnect_seconds`: while degraded, tries to open the index again (a Chroma
        server that came back); while serving, picks up a newer build (`python -m index build` swapped
        `current`) without a restart. Never makes a question wait for another thread's attempt."""
        if self._reopen is None or time.monotonic() - self._last_attempt < self.settings.reconnect_seconds:
            return
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._last_attempt = time.monotonic()
            index = self._index
            if index is not None and not _newer_build_exists(self.settings.index_dir, index.store.build_dir):
                return
            try:
                store = self._reopen()
            except Exception as exc:
                if index is None:
                    self._store_error = f"{type(exc).__name__}: {exc}"
                else:
                    log.warning("a newer index could not be opened, keeping the current one: %s", exc)
                return
            log.info("index opened: %s", store.build_dir)
            self._index = self._open_index(store)
            self._store_error = ""
        finally:
            self._lock.release()

    # -- public API ---------------------------------------------------------------------------------

    def ask(self, message: Any, history: Sequence[str | Mapping] = ()) -> Reply:
        *_, reply = self.ask_stream(message, history)
        return reply

    def ask_stream(self, message: Any, history: Sequence[str | Mapping] = ()) -> Iterator[str | Reply]:
        """The sentences of a generated answer, each as soon as it is verified (none when answers are
        extractive), then the `Reply`, whose text starts with them joined by spaces."""
        started = time.perf_counter()
        reply = yield from self._ask(message, history or ())
        yield replace(reply, latency_ms=round((time.perf_counter() - started) * 1000, 2))

    def search(self, query: str, k: int | None = None) -> list[Passage]:
        """Staff quick search over the corpus: ranked passages, no routing or abstention."""
        query = clean_message(query)
        self._refresh_index()
        index = self._index
        if not query or index is None:
            return []
        query = canonicalize(query)
        vectors, bank = self._query_vectors(query), self._bank_match(query)
        return index.retriever.retrieve(query, vectors, k or self.settings.top_k, bank)

    def _bank_match(self, query: str) -> BankMatch | None:
        """Nearest dev questions, by the plain model's vectors (cached: no second model pass)."""
        bank = self.question_bank
        return bank.match(self.embeddings.encode(query).masked) if bank is not None else None

    def _query_vectors(self, query: str) -> EncodedQuery:
        """The question's vectors for retrieval and quoting: the model's, moved by the query adapter."""
        vectors = self.embeddings.encode(query)
        return self.query_adapter.apply(vectors) if self.query_adapter is not None else vectors

    @property
    def retriever(self) -> HybridRetriever | None:
        index = self._index
        return index.retriever if index is not None else None

    def abstention_features(
        self, message: str, history: Sequence[str | Mapping] = ()
    ) -> AbstentionFeatures | None:
        """What abstention decides on, for calibration; None when the message never reaches retrieval
        (a scope reply, an empty message) or the index is unavailable."""
        text = clean_message(message)
        index = self._index
        if not text or index is None or check_scope(text) is not None:
            return None
        return self._draft(index, canonicalize(resolve_query(text, history)))[1].features

    def _draft(self, index: _OpenIndex, query: str) -> tuple[list[Passage], AnswerDraft]:
        """Retrieval and the extractive answer (or abstention) for a resolved query."""
        vectors = self._query_vectors(query)
        bank = self._bank_match(query)
        passages = index.retriever.retrieve(query, vectors, self.settings.top_k, bank)
        draft = compose_answer(
            index.store,
            query,
            vectors.masked,
            passages,
            self._abstention,
            index.vocabulary,
            self._answer_settings,
            self.claims,
            bank,
        )
        return passages, draft

    def health(self) -> dict[str, Any]:
        self._refresh_index()
        opened = self._index
        backend = "server" if self.settings.chroma_url else "embedded"
        where = {"url": self.settings.chroma_url} if self.settings.chroma_url else {}
        index: dict[str, Any] = {"backend": backend, "path": str(self.settings.index_dir)} | where
        error = self._store_error
        if opened is not None:
            try:
                opened.store.ping()
            except Exception as exc:  # e.g. the Chroma server went down after start-up
                error = f"vector store not answering ({type(exc).__name__}: {exc})"
        repair = self._repair
        if opened is None and repair is not None and repair.running:
            index |= {"status": "rebuilding", "error": f"rebuilding from the corpus after: {error}"}
        elif opened is None or error:
            index |= {"status": "unavailable", "error": error}
        else:
            index |= {
                "status": "ok",
                "chunks": len(opened.store.chunks),
                "documents": len(opened.store.manifest.documents),
                "built_at": opened.store.manifest.built_at,
            }
        model = {
            "name": model_name(self.embeddings),
            "backstop": bool(self._backstop and self._backstop.enabled),
            "learned_escalation": bool(self._learned and self._learned.enabled),
            "available": model_available(self.embeddings),
            "generated_answers": self.generator is not None,  # opt-in (ASSISTANT_LLM_URL); never its URL
        }
        status = "ok" if index["status"] == "ok" else "degraded"
        return {"status": status, "index": index, "model": model, "router": "ok"}

    # -- steps ----------------------------------------------------------------------------------------

    def _ask(self, message: Any, history: Sequence[str | Mapping]) -> Generator[str, None, Reply]:
        raw = message if isinstance(message, str) else clean_message(message)
        # 1. The safety router sees the raw message first, before any cleaning, trimming or retrieval.
        banner = ""
        try:
            banner = safety.conversation_banner(history)
            decision = safety.classify(raw, history, backstop=self._escalators)
        except Exception as exc:
            decision = safety.SafetyDecision(
                Route.NONE, f"router failed ({type(exc).__name__})", ROUTER_ERROR
            )
        if decision.failed:  # fail toward safety: the help numbers, never a plain answer
            why = decision.reason.removeprefix(f"{ROUTER_ERROR}: ")
            log.error("safety %s", why)
            return Reply(
                route=Route.NONE,
                text=ROUTER_FAILED_TEXT,
                kind=ReplyKind.UNAVAILABLE,
                reason=f"{why}: the help numbers were shown, no answer",
            )
        if decision.route is not Route.NONE:
            return Reply(
                route=decision.route,
                text=_join(banner, safety.fixed_reply(decision)),
                kind=ReplyKind.SAFETY,
                reason=decision.reason,
                script=safety.staff_script(decision),
                routed_by=decision.layer,
                model_probability=decision.probability,
                rule_rationale=rulebook.rationale(decision.rule),  # "" when no rule file decided
            )
        text = clean_message(raw)
        notices: tuple[str, ...] = ()

        def reply(kind: ReplyKind, *parts: str, **fields: Any) -> Reply:
            """A reply on route "none": the conversation banner (if any) first, then `parts`."""
            return Reply(Route.NONE, _join(banner, *parts), kind=kind, notices=notices, **fields)

        if not text:
            return reply(ReplyKind.INVALID, EMPTY_TEXT, reason=decision.reason)
        limit = self.settings.max_message_chars
        if len(text) > limit:
            text, notices = text[:limit], (TRIMMED_NOTICE.format(limit=limit),)
        # 2. Fixed replies for dosing, getting the drug, or attempts to override instructions.
        scope = check_scope(text)
        if scope is not None:
            reason = f"scope.{scope.rule}: matched {scope.matched!r}"
            return reply(ReplyKind.SCOPE, scope.text, abstained=True, reason=reason)
        # 3. Grounded answer from the corpus.
        self._refresh_index()
        index = self._index
        if index is None:
            return reply(
                ReplyKind.UNAVAILABLE, UNAVAILABLE_TEXT, reason=f"index unavailable: {self._store_error}"
            )
        query = canonicalize(resolve_query(text, history))
        try:
            passages, draft = self._draft(index, query)
        except Exception as exc:  # e.g. the vector store went away: never crash, never lose the numbers
            log.exception("retrieval failed")
            reason = f"retrieval failed: {type(exc).__name__}"
            return reply(ReplyKind.UNAVAILABLE, UNAVAILABLE_TEXT, reason=reason, query=query)
        unknown = ", ".join(draft.unknown_terms) or "none"
        reason = (
            f"{decision.reason}; answerable probability {draft.probability:.2f} "
            f"(best sentence {draft.features.best_titled:.3f}; unknown words: {unknown})"
        )
        footer = safety.footer(decision)
        if not draft.quotes:
            return reply(
                ReplyKind.ABSTAIN,
                ABSTAIN_TEXT,
                footer,
                sources=tuple(passages),
                abstained=True,
                reason=reason,
                query=query,
            )
        generated = yield from self._generate(query, passages, draft)
        return reply(
            ReplyKind.ANSWER,
            generated.text if generated else "",
            draft.text,
            footer,
            sources=tuple(passages),
            reason=reason,
            query=query,
            claim_notes=draft.claim_notes,
            generated=generated.sentences if generated else (),
            answer_mode=generated.mode if generated else "extractive",
        )

    def _generate(
        self, query: str, passages: Sequence[Passage], draft: AnswerDraft
    ) -> Generator[str, None, GeneratedAnswer | None]:
        """Yields each verified sentence; returns the generated answer from the passages the quotes come
        from, or None when generation is off."""
        if self.generator is None:
            return None
        cited = {q.citation: passages[q.citation - 1].text for q in draft.quotes}
        for event in self.generator.stream(query, cited):
            if isinstance(event, GeneratedAnswer):
                return event
            yield event.text
        return None


@dataclass(frozen=True)
class _OpenIndex:
    """An opened build and what is derived from it, used together by one question."""

    store: Any  # index.store.IndexStore
    retriever: HybridRetriever
    vocabulary: CorpusVocabulary


def _newer_build_exists(index_dir: Path, build_dir: Path) -> bool:
    from index.builder import current_build

    current = current_build(index_dir)
    return current is not None and current != build_dir.resolve()


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)
