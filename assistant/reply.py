"""The result types of the public contract: `Route`, `Passage`, `ClaimNote`, `GeneratedSentence` and
`Reply`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Route(str, Enum):
    """Where the safety router sends a message. A `str`, so `reply.route == "emergency"` holds."""

    EMERGENCY = "emergency"
    MEDICAL_SUPERVISION = "medical_supervision"
    CRISIS = "crisis"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


class ReplyKind(str, Enum):
    """What produced the text of a reply; every outcome is named."""

    ANSWER = "answer"  # extractive, quoted and cited answer
    ABSTAIN = "abstain"  # the corpus does not answer the question
    SAFETY = "safety"  # fixed text of a safety route
    SCOPE = "scope"  # fixed text: dosing, getting the drug, prompt injection ...
    INVALID = "invalid"  # empty or unusable input
    UNAVAILABLE = "unavailable"  # the index or the model could not be reached

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk of the corpus, with its place in the cleaned document."""

    text: str
    section: str
    score: float
    doc_id: str = ""
    chunk_id: str = ""
    start: int = 0
    end: int = 0
    dense_score: float | None = None
    lexical_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimNote:
    """A correction shown beside a quoted claim of the page that is doubtful or unsafe read alone."""

    id: str
    example_question: str  # a question whose answer quotes the span (for its test)
    span: str  # the words of the page it is about
    note: str  # the plain correction
    source: str  # where the correction comes from (FDA label, guideline ...)
    stop_reminder: bool = False  # the answer then ends with "do not stop on your own"


@dataclass(frozen=True)
class GeneratedSentence:
    """One sentence an opt-in language model wrote, and the verifier's verdict on it
    (assistant/generation/verify.py): only kept sentences reach a visitor; staff see all of them."""

    text: str  # as the model wrote it, citation markers kept
    citations: tuple[int, ...]  # passage numbers it cites (1-based, as in `Reply.sources`)
    kept: bool
    support: float  # calibrated probability that its cited passages support it (verifier.json)
    similarity: float  # best MiniLM cosine to a sentence (or two neighbouring ones) of those passages
    supporting: str  # that sentence (or pair) of the passage
    why_dropped: str = ""  # "" when kept


@dataclass(frozen=True)
class Reply:
    """What `Assistant.ask` returns."""

    route: Route
    text: str
    sources: tuple[Passage, ...] = ()
    abstained: bool = False
    kind: ReplyKind = ReplyKind.ANSWER
    reason: str = ""  # why the router (or scope check) decided, for staff and audits
    script: str = ""  # staff-only script for routed replies (may hold taper facts)
    query: str = ""  # the query actually used for retrieval (after follow-up resolution)
    latency_ms: float = 0.0
    notices: tuple[str, ...] = field(default_factory=tuple)
    claim_notes: tuple[ClaimNote, ...] = ()  # corrections shown beside quoted claims (claims.toml)
    # For a routed reply: what routed it ("rules", "context", "learned" or "backstop"), and a model
    # layer's probability for the route (None when a rule decided).
    routed_by: str = ""
    model_probability: float | None = None
    # For a reply routed by a reviewed rule: that rule's one-line rationale (assistant/safety/rules/).
    rule_rationale: str = ""
    # Opt-in generated answers (ASSISTANT_LLM_URL): every sentence the model wrote, kept or dropped, and
    # how the answer was made: "extractive", "generated", or "extractive (fallback: why)".
    generated: tuple[GeneratedSentence, ...] = ()
    answer_mode: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["route"] = self.route.value
        data["kind"] = self.kind.value
        data["sources"] = [p.to_dict() for p in self.sources]
        data["notices"] = list(self.notices)
        data["claim_notes"] = [asdict(n) for n in self.claim_notes]
        data["generated"] = [asdict(s) for s in self.generated]
        return data
