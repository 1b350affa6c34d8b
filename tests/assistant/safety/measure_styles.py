"""Measure the router on the style tables: `python -m tests.assistant.safety.measure_styles [-v]`
(`--voices` for the first-contact tables of phrasings_voices.py).

Prints recall per route and correct "none" on phrasings_styles.py, and with -v every miss with
the rule that fired (or did not).
"""

from __future__ import annotations

import sys

from assistant.reply import Route
from assistant.safety import classify
from tests.assistant.safety import phrasings_styles as styles
from tests.assistant.safety import phrasings_voices as voices

TABLES = {
    Route.EMERGENCY: styles.EMERGENCY,
    Route.MEDICAL_SUPERVISION: styles.MEDICAL_SUPERVISION,
    Route.CRISIS: styles.CRISIS,
    Route.NONE: styles.NONE,
}
# First contact (measured before any rule change): E 20/25, M 17/27, C 8/28, none 39/40.
VOICES = {
    Route.EMERGENCY: voices.EMERGENCY,
    Route.MEDICAL_SUPERVISION: voices.MEDICAL_SUPERVISION,
    Route.CRISIS: voices.CRISIS,
    Route.NONE: voices.NONE,
}


def misses(backstop=None, tables=TABLES) -> dict[Route, list[tuple[str, str, str]]]:
    """Per expected route, the (message, route got, reason) of every miss."""
    out: dict[Route, list[tuple[str, str, str]]] = {}
    for route, table in tables.items():
        out[route] = []
        for messages in table.values():
            for message in messages:
                decision = classify(message, backstop=backstop)
                if decision.route is not route:
                    out[route].append((message, decision.route.value, decision.reason))
    return out


def main(argv: list[str]) -> None:
    backstop = None
    if "--backstop" in argv:
        from assistant.safety.bench import load_backstop

        backstop = load_backstop()
    tables = VOICES if "--voices" in argv else TABLES
    found = misses(backstop, tables)
    for route, table in tables.items():
        total = sum(len(m) for m in table.values())
        ok = total - len(found[route])
        print(f"{route.value:22s} {ok:3d}/{total:3d} = {ok / total:.1%}")
    if "-v" in argv:
        for route, items in found.items():
            for message, got, reason in items:
                print(f"  MISS {route.value}->{got}: {message[:110]!r}\n       {reason[:150]}")


if __name__ == "__main__":
    main(sys.argv[1:])
