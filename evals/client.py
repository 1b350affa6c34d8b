"""Adapters that ask the assistant one case and give back the same `Answer` record in-process or over HTTP."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any, Protocol


@dataclass(frozen=True)
class Source:
    text: str
    section: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class Answer:
    """What the harness keeps of one reply. `latency_ms` is measured by the harness around the call."""

    route: str
    text: str
    sources: tuple[Source, ...]
    abstained: bool
    reason: str = ""
    kind: str = ""
    latency_ms: float = 0.0
    error: str = ""
    # Corrections the assistant put beside doubtful quotes (claims.toml): not part of the quoted answer,
    # so facts are not credited from them.
    claim_notes: tuple[str, ...] = ()


class Client(Protocol):
    target: str

    def ask(self, message: str, history: tuple[str, ...]) -> Answer: ...


def _str(value: Any) -> str:
    # Route is a str Enum; str() of it is the plain value, and plain strings pass through.
    return "" if value is None else str(getattr(value, "value", value))


def _unavailable(answer: Answer) -> Answer:
    # The assistant answers "unavailable" when its index or model is down: a broken run, not an answer.
    # The route stays: the router did decide, and the confusion matrix should say what.
    if answer.kind == "unavailable":
        return replace(answer, error=f"assistant unavailable: {answer.reason or answer.text}")
    return answer


def answer_from_reply(reply: Any, latency_ms: float) -> Answer:
    """Build an `Answer` from an `assistant.Reply` (or anything with the same attributes)."""
    return _unavailable(
        Answer(
            route=_str(reply.route),
            text=reply.text,
            sources=tuple(
                Source(p.text, _str(getattr(p, "section", "")), float(p.score)) for p in reply.sources
            ),
            abstained=bool(reply.abstained),
            reason=_str(getattr(reply, "reason", "")),
            kind=_str(getattr(reply, "kind", "")),
            latency_ms=latency_ms,
            claim_notes=tuple(n.note for n in getattr(reply, "claim_notes", ())),
        )
    )


def answer_from_json(data: dict[str, Any], latency_ms: float) -> Answer:
    """Build an `Answer` from the JSON of `POST /api/ask`."""
    return _unavailable(
        Answer(
            route=_str(data["route"]),
            text=data.get("text", ""),
            sources=tuple(
                Source(s.get("text", ""), s.get("section", "") or "", float(s.get("score") or 0.0))
                for s in data.get("sources", [])
            ),
            abstained=bool(data.get("abstained", False)),
            reason=_str(data.get("reason", "")),
            kind=_str(data.get("kind", "")),
            latency_ms=latency_ms,
            claim_notes=tuple(n.get("note", "") for n in data.get("claim_notes", [])),
        )
    )


def failed(error: str, latency_ms: float) -> Answer:
    """The record of a call that raised: it counts as wrong on every metric instead of stopping the run."""
    return Answer(route="error", text="", sources=(), abstained=False, latency_ms=latency_ms, error=error)


class InProcessClient:
    """Asks an `Assistant` (or a fake with `.ask(message, history=...)`) directly."""

    target = "in-process"

    def __init__(self, assistant: Any, clock=time.perf_counter) -> None:
        self._assistant = assistant
        self._clock = clock

    def ask(self, message: str, history: tuple[str, ...]) -> Answer:
        start = self._clock()
        try:
            reply = self._assistant.ask(message, history=list(history))
        except Exception as exc:
            return failed(f"{type(exc).__name__}: {exc}", (self._clock() - start) * 1000)
        return answer_from_reply(reply, (self._clock() - start) * 1000)


class HttpClient:
    """Asks a running app through `POST {url}/api/ask`; latency is the round trip seen by the harness."""

    def __init__(self, url: str, http: Any = None, timeout: float = 30.0, clock=time.perf_counter) -> None:
        import httpx

        self.target = url.rstrip("/")
        self._http = http or httpx.Client(timeout=timeout)
        self._clock = clock

    def ask(self, message: str, history: tuple[str, ...]) -> Answer:
        start = self._clock()
        try:
            response = self._http.post(
                f"{self.target}/api/ask", json={"message": message, "history": list(history)}
            )
            response.raise_for_status()
            data = response.json()
            latency = (self._clock() - start) * 1000
            return answer_from_json(data, latency)
        except Exception as exc:
            return failed(f"{type(exc).__name__}: {exc}", (self._clock() - start) * 1000)

    def close(self) -> None:
        self._http.close()
