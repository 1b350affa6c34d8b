"""Helpers for the app tests: a deterministic fake assistant and a live server on loopback."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.claims import ClaimNotes
from assistant.claims import load as load_claims
from assistant.reply import Passage, Reply, ReplyKind, Route
from index.chroma_server import free_port
from index.shared.offline import apply_offline_environment

apply_offline_environment()

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # app.py lives at the project root, outside the installed packages
    sys.path.insert(0, str(ROOT))
ARTIFACTS = ROOT / "test-artifacts"

EMERGENCY_TEXT = (
    "This sounds like an emergency. **Call 911 now** (outside the US: 112 in the EU, 999 in the UK).\n"
    "If you are unsure, call Poison Help at 1-800-222-1222 (free, 24/7).\n"
    "- Stay with them and put them in the recovery position."
)
CRISIS_TEXT = "I'm really glad you told me. Call or text 988, or text HOME to 741741. In danger: call 911."
SUPERVISION_TEXT = "Please don't stop clonazepam suddenly: call your prescriber. SAMHSA: 1-800-662-4357."
ANSWER_PASSAGE = Passage(
    text="Inpatient rehab usually lasts 30 to 90 days.\nSome programs <b>run</b> longer.",
    section="Treatment <options>",
    score=0.8123,
    dense_score=0.7,
    lexical_score=3.2,
)


@dataclass
class FakeAssistant:
    """Deterministic stand-in for `assistant.Assistant`: keyword routing, one canned passage."""

    calls: list[tuple[str, list[Any]]] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)
    claims: ClaimNotes = field(default_factory=load_claims)

    def ask(self, message: str, history: list[Any] | None = None) -> Reply:
        history = list(history or [])
        self.calls.append((message, history))
        text = message.lower()
        if not text.strip():
            return Reply(Route.NONE, "Please type a question about clonazepam.", kind=ReplyKind.INVALID)
        if "wake" in text:
            return self._routed(Route.EMERGENCY, EMERGENCY_TEXT, "emergency.unresponsive: 'won't wake up'")
        if "kill myself" in text:
            return self._routed(Route.CRISIS, CRISIS_TEXT, "crisis.suicidal: 'kill myself'")
        if "cold turkey" in text:
            return self._routed(Route.MEDICAL_SUPERVISION, SUPERVISION_TEXT, "supervision.abrupt")
        if "weather" in text:
            return Reply(Route.NONE, "Not covered by the document.", abstained=True, kind=ReplyKind.ABSTAIN)
        return Reply(
            Route.NONE,
            '"Inpatient rehab usually lasts 30 to 90 days." (section: Treatment)',
            sources=(ANSWER_PASSAGE,),
            reason="",
            query=message,
            latency_ms=12.0,
        )

    def _routed(self, route: Route, text: str, reason: str) -> Reply:
        return Reply(
            route, text, kind=ReplyKind.SAFETY, reason=reason, script=f"SCRIPT for {route.value}: {text}"
        )

    def search(self, query: str, k: int | None = None) -> list[Passage]:
        self.searches.append(query)
        return [ANSWER_PASSAGE]

    def health(self) -> dict[str, Any]:
        return {"status": "ok", "index": "fake", "model": "fake"}


@contextmanager
def serve(app: Any, *, timeout: float = 30.0) -> Iterator[str]:
    """Run an ASGI app with uvicorn in a thread on a free 127.0.0.1 port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
