"""Scripts a help-line staff member reads to a caller, with staff-only facts and sources.

The texts are data, in the `[staff]` table of `texts.toml`.
"""

from __future__ import annotations

from typing import Any

from assistant.safety import texts


def __getattr__(name: str) -> Any:
    staff = texts.load()["STAFF"]
    if name == "SCRIPTS":
        return {route: staff[route.value] for route in texts.ROUTED}
    if name == "SOURCES":
        return staff["sources"]
    if name == "SPANISH_NOTE":
        return staff["spanish_note"]
    raise AttributeError(name)
