"""Opt-in generated answers: a language model's short answer from the cited passages, every sentence
verified before it is shown, and the quoted answer kept whenever the model fails, is slow, or writes
too little that its passages support. A fallback is never an error: the visitor gets the quotes."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from assistant.generation.prompt import messages
from assistant.generation.verify import (
    LEADING_MARKERS,
    PreparedPassages,
    SentenceVerifier,
    split_generated,
    without_citations,
)
from assistant.reply import GeneratedSentence

log = logging.getLogger(__name__)
_TOO_FEW = "too few of the sentences"
# A sentence is complete once its end mark is followed by space and something other than a citation.
_COMPLETE = re.compile(r"[.!?](?:[ \t]*\[[\d,;\s]+\])?[ \t]+(?=[^\s\[])")


@dataclass(frozen=True)
class GeneratedAnswer:
    sentences: tuple[GeneratedSentence, ...]  # every sentence the model wrote, kept or dropped
    fallback: str  # why the quoted answer stands alone ("" when kept sentences are shown)
    latency_ms: float
    interrupted: str = ""  # why the model's output ended early, after kept sentences were shown

    @property
    def kept(self) -> tuple[GeneratedSentence, ...]:
        return tuple(s for s in self.sentences if s.kept)

    @property
    def mode(self) -> str:
        """`Reply.answer_mode`: "generated" (with why it was cut short, if it was), or why the quoted
        answer stands alone."""
        if self.fallback:
            return f"extractive (fallback: {self.fallback})"
        return f"generated ({self.interrupted})" if self.interrupted else "generated"

    @property
    def text(self) -> str:
        """The kept sentences, as shown above the quotes; "" on fallback."""
        return "" if self.fallback else " ".join(s.text for s in self.kept)


@dataclass(frozen=True)
class AnswerGenerator:
    """`chat_model`: a LangChain chat model (ChatOpenAI against any OpenAI-compatible server).

    A verified sentence is shown (streamed) at once, so what a visitor has seen is never taken back:
    it is shown only while at least `min_kept_share` of the sentences written so far were supported
    (a model that wanders from its passages is not trusted for the rest), and if the model then fails
    the shown sentences stay. Nothing shown means the quotes stand alone."""

    chat_model: Any
    verifier: SentenceVerifier
    min_kept_share: float = 0.5
    # The whole answer's time limit; the client's timeout only bounds each wait for the next bytes.
    deadline_seconds: float = 30.0

    @classmethod
    def from_settings(
        cls, settings: Any, embeddings: Any, chat_model: Any | None = None
    ) -> AnswerGenerator | None:
        """The generator for `settings.llm_url` (or for `chat_model`), or None when generation is off."""
        chat_model = chat_model if chat_model is not None else chat_model_from_settings(settings)
        if chat_model is None:
            return None
        verifier = SentenceVerifier.load(embeddings, settings.llm_verifier)
        return cls(chat_model, verifier, deadline_seconds=settings.llm_timeout)

    def answer(self, question: str, passages: Mapping[int, str]) -> GeneratedAnswer:
        events = list(self.stream(question, passages))
        final = events[-1]
        assert isinstance(final, GeneratedAnswer)
        return final

    def stream(
        self, question: str, passages: Mapping[int, str]
    ) -> Iterator[GeneratedSentence | GeneratedAnswer]:
        """Each sentence to show as soon as it is verified, then the whole verdict (a `GeneratedAnswer`)."""
        started = time.perf_counter()
        checked: list[GeneratedSentence] = []

        def done(fallback: str, interrupted: str = "") -> GeneratedAnswer:
            elapsed = round((time.perf_counter() - started) * 1000, 1)
            return GeneratedAnswer(tuple(checked), fallback, elapsed, interrupted)

        def verdicts(sentences: list[str]) -> Iterator[GeneratedSentence]:
            for sentence in sentences:
                verdict = self._check(sentence, prepared, checked)
                if verdict is not None and verdict.kept:
                    yield verdict

        try:
            prepared = self.verifier.prepare(passages)
            buffer = ""
            for chunk in self.chat_model.stream(messages(question, passages)):
                if time.perf_counter() - started > self.deadline_seconds:
                    raise TimeoutError(f"no complete answer within {self.deadline_seconds:g} s")
                buffer += _text_of(chunk)
                complete, buffer = _split_complete(buffer)
                yield from verdicts(complete)
            yield from verdicts(split_generated(buffer))
        except Exception as exc:  # down, hanging past the timeout, garbage: the quotes stand alone
            log.warning("language model failed: %s", type(exc).__name__)
            failure = f"the language model failed ({type(exc).__name__})"
            yield done("", failure) if any(s.kept for s in checked) else done(failure)
            return
        kept = sum(s.kept for s in checked)
        supported = sum(s.kept or s.why_dropped.startswith(_TOO_FEW) for s in checked)
        if kept:
            yield done("")
        elif not checked:
            yield done("the language model wrote nothing")
        elif not supported:
            yield done("no generated sentence was supported by its passage")
        else:
            yield done(f"only {supported} of {len(checked)} generated sentences were supported")

    def _check(
        self, sentence: str, prepared: PreparedPassages, checked: list[GeneratedSentence]
    ) -> GeneratedSentence | None:
        """The verdict on a new sentence, appended to `checked`; None for a repeat (small models loop)."""
        if any(_same(sentence, earlier.text) for earlier in checked):
            return None
        verdict = self.verifier.check_one(sentence, prepared)
        supported = sum(s.kept or s.why_dropped.startswith(_TOO_FEW) for s in checked) + verdict.kept
        if verdict.kept and supported < self.min_kept_share * (len(checked) + 1):
            verdict = replace(verdict, kept=False, why_dropped=f"{_TOO_FEW} so far were supported")
        checked.append(verdict)
        return verdict


def _same(a: str, b: str) -> bool:
    return without_citations(a).lower() == without_citations(b).lower()


def _text_of(chunk: Any) -> str:
    content = getattr(chunk, "content", chunk)
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return ""


def _split_complete(buffer: str) -> tuple[list[str], str]:
    """The complete sentences at the start of `buffer`, and the unfinished rest. A line that starts with
    a citation ("[2] ...") is complete only at its line break: its later sentences need that marker."""
    lines_end = buffer.rfind("\n") + 1
    complete, rest = buffer[:lines_end], buffer[lines_end:]
    if not LEADING_MARKERS.match(rest):
        last = None
        for match in _COMPLETE.finditer(rest):
            last = match
        if last is not None:
            complete, rest = complete + rest[: last.end()], rest[last.end() :]
    return (split_generated(complete) if complete.strip() else []), rest


def chat_model_from_settings(settings: Any) -> Any | None:
    """ChatOpenAI for `settings.llm_url`, or None when generated answers are off (the default)."""
    if not settings.llm_url:
        return None
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    return ChatOpenAI(
        base_url=settings.llm_url,
        model=settings.llm_model,
        api_key=key,
        timeout=settings.llm_timeout,
        max_retries=0,  # a retry doubles a visitor's wait; the quotes are already there
        temperature=0,
        max_tokens=settings.llm_max_tokens,
    )
