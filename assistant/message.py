"""A visitor's message made printable before anything but the safety router reads it."""

from __future__ import annotations

import unicodedata
from typing import Any


def clean_message(message: Any) -> str:
    """A printable string: control and unpaired-surrogate characters removed, spacing kept readable."""
    if not isinstance(message, str):
        message = "" if message is None else str(message)
    message = message.encode("utf-8", "replace").decode("utf-8")
    kept = (ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " " for ch in message)
    return " ".join("".join(kept).split())
