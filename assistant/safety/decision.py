"""`SafetyDecision`: where the router sends a message, and why."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.reply import Route

ROUTER_ERROR = "none.error"  # the rule of a decision made when the router itself failed


@dataclass(frozen=True)
class SafetyDecision:
    """The router's verdict on one message.

    `rule` names the outcome ("emergency.unresponsive", "none.negated", "none.no_signal", ...);
    `reason` repeats it with the exact words that fired, for the staff console and audits.
    """

    route: Route
    reason: str
    rule: str
    matched: tuple[str, ...] = ()
    lang: str = "en"
    layer: str = "rules"  # "rules", "context" (needed an earlier turn), "backstop" or "learned"
    topic: str = ""  # "overdose" | "withdrawal" | "stopping" | "suicide" | "" (for the safety footer)
    probability: float | None = None  # a model layer's probability for `route` (None: a rule decided)

    @property
    def routed(self) -> bool:
        return self.route is not Route.NONE

    @property
    def failed(self) -> bool:
        """The router failed (a bug): never to be read as "none"; the caller fails toward safety."""
        return self.rule == ROUTER_ERROR
