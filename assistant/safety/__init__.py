"""Hard-coded safety router: emergency, medical supervision and crisis routes with fixed texts.

`classify(message, history)` runs first on the raw message and needs no index or model.
"""

from __future__ import annotations

from assistant.safety.backstop import SemanticBackstop
from assistant.safety.decision import SafetyDecision
from assistant.safety.learned import LearnedEscalation, VetoedBackstop
from assistant.safety.replies import conversation_banner, fixed_reply, footer, staff_script
from assistant.safety.router import classify

__all__ = [
    "LearnedEscalation",
    "SafetyDecision",
    "SemanticBackstop",
    "VetoedBackstop",
    "classify",
    "conversation_banner",
    "fixed_reply",
    "footer",
    "staff_script",
]
