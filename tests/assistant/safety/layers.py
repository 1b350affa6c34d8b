"""A stand-in model layer for router tests."""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.decision import SafetyDecision


class FixedLayer:
    """A model layer that escalates every message it is shown to `route`, and records what it saw."""

    enabled = True

    def __init__(self, route: Route) -> None:
        self.route = route
        self.seen: list[str] = []

    def check(self, message: str, *, lang: str = "en") -> SafetyDecision:
        self.seen.append(message)
        return SafetyDecision(
            self.route, f"rule layer.{self.route.value}", f"layer.{self.route.value}", layer="learned"
        )
