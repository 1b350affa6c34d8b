"""English safety rules: the emergency, medical-supervision and crisis rule sets, most urgent first."""

from __future__ import annotations

from assistant.safety import (
    patterns_crisis,
    patterns_emergency,
    patterns_general,
    patterns_indirect,
    patterns_stopping,
)

RULES = (
    *patterns_emergency.RULES,
    *patterns_stopping.RULES,
    *patterns_crisis.RULES,
    *patterns_indirect.RULES,
    *patterns_general.RULES,
)
