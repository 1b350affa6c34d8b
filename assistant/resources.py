"""The resources table (`resources.toml`): every help line's number, link and note, written once.

Fixed texts refer to a line by key in braces (`{poison_help}`); `fill` puts the numbers in.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

RESOURCES_PATH = Path(__file__).with_name("resources.toml")


@dataclass(frozen=True)
class Resource:
    """A help line: shown in texts by number, in the banner and staff console with its link and note."""

    key: str
    name: str
    number: str  # as displayed
    href: str  # tel:, sms: or https: link
    note: str
    label: str = ""  # short label for the banner
    banner: bool = False  # listed in the help banner and the staff console


@functools.cache
def table() -> dict[str, Resource]:
    """All resources by key, in file order."""
    with RESOURCES_PATH.open("rb") as file:
        data = tomllib.load(file)
    return {key: Resource(key=key, **fields) for key, fields in data.items()}


def listed() -> tuple[Resource, ...]:
    """The lines the banner and the staff console list, in order."""
    return tuple(r for r in table().values() if r.banner)


def number(key: str) -> str:
    return table()[key].number


def fill(text: str) -> str:
    """`text` with each `{key}` replaced by that resource's number (an unknown key raises KeyError)."""
    return text.format_map({key: r.number for key, r in table().items()})
