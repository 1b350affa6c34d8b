"""Load the reviewed rule files (`assistant/safety/rules/*.toml`) into compiled `Rule`s.

Each route has one file. A rule there has an id, a one-line rationale for a clinician, the
messages it must route, the near-misses it must not, and one or more patterns. A pattern's regex
may name a shared fragment as `{NAME}`: one from `rules/fragments.toml` or a word list in
lexicon.py. The loader checks every file against a schema and raises `RuleFileError`, naming the
file and the rule, for anything it cannot use: an unknown key, a missing rationale, an unknown
fragment or exception set, a regex that does not compile. How to review a rule: docs/SAFETY_RULES.md.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from assistant.reply import Route
from assistant.safety import lexicon
from assistant.safety.rule import ALL_CHECKS, VERDICTS, Rule, rule

RULES_DIR = Path(__file__).with_name("rules")
# Most urgent first; rules of one route keep their file order (the first of two matches that
# start on the same word names the decision).
ROUTE_FILES = ("emergency", "medical_supervision", "crisis")
FRAGMENTS_FILE = "fragments.toml"
_REFERENCE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")  # a regex quantifier ({0,3}) never starts with a letter

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A long regex may be written as a list of pieces, one alternative group per line; they are joined as is.
Regex = str | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExceptionSpec(_Strict):
    """A clause-level exception: when `match` is in the clause, the rule's match becomes `verdict`."""

    match: Regex
    verdict: str
    note: str = ""


class FragmentSpec(_Strict):
    match: Regex
    note: str = ""


class PatternSpec(_Strict):
    match: Regex
    needs: Literal["", "drug", "taken", "overdose", "child", "stop", "risk"] = ""
    checks: list[Literal["negation", "hypothetical", "past", "fiction"]] = sorted(ALL_CHECKS)
    unless: list[str | ExceptionSpec] = []
    past: Literal["weeks", "months"] = "weeks"
    lang: Literal["en", "es"] = "en"
    note: str = ""


class RuleEntry(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z_]+$")]
    rationale: Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=240)]
    examples: Annotated[list[Text], Field(min_length=1)]
    near_misses: Annotated[list[Text], Field(min_length=1)]
    pattern: Annotated[list[PatternSpec], Field(min_length=1)]


class RouteFile(_Strict):
    route: Literal["emergency", "medical_supervision", "crisis"]
    rule: list[RuleEntry]


class FragmentFile(_Strict):
    fragment: dict[str, FragmentSpec] = {}
    exception: dict[str, list[ExceptionSpec]] = {}


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message names the file and, where known, the rule."""


@dataclass(frozen=True)
class ReviewedRule:
    """One rule as a reviewer reads it, with its compiled patterns."""

    id: str
    route: Route
    rationale: str
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]
    patterns: tuple[Rule, ...]
    file: str


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleFileError(f"{path.name}: cannot read: {exc}") from None


def _schema_error(path: Path, raw: dict, exc: ValidationError) -> RuleFileError:
    first = exc.errors()[0]
    where = [str(part) for part in first["loc"]]
    if len(where) >= 2 and where[0] == "rule" and where[1].isdigit():
        entries = raw.get("rule") or []
        number = int(where[1])
        rule_id = entries[number].get("id", f"#{number + 1}") if number < len(entries) else "?"
        rest = where[2:]
        if len(rest) >= 2 and rest[0] == "pattern" and rest[1].isdigit():
            rest = [f"pattern {int(rest[1]) + 1}", ".".join(rest[2:])]
        where = [f"rule {rule_id}", *(part for part in rest if part)]
    else:
        where = [".".join(where)]
    return RuleFileError(f"{path.name}: {': '.join(where)}: {first['msg']}")


def _joined(regex: Regex) -> str:
    return regex if isinstance(regex, str) else "".join(regex)


class _Fragments:
    """Expands `{NAME}` references, from fragments.toml first and then lexicon's word lists."""

    def __init__(self, spec: FragmentFile) -> None:
        self._raw = {name: _joined(fragment.match) for name, fragment in spec.fragment.items()}
        self._lexicon = {k: v for k, v in vars(lexicon).items() if k.isupper() and isinstance(v, str)}
        self._done: dict[str, str] = {}
        self.exceptions = spec.exception
        for name in self._raw:  # every fragment is checked, used or not
            self.expand(f"{{{name}}}", f"{FRAGMENTS_FILE}: fragment {name}")

    def expand(self, text: str, where: str, _seen: tuple[str, ...] = ()) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in _seen:
                raise RuleFileError(f"{where}: fragment {{{name}}} refers to itself ({' -> '.join(_seen)})")
            if name in self._done:
                return self._done[name]
            if name in self._raw:
                value = self.expand(self._raw[name], f"{FRAGMENTS_FILE}: fragment {name}", (*_seen, name))
            elif name in self._lexicon:
                value = self._lexicon[name]
            else:
                raise RuleFileError(f"{where}: unknown fragment {{{name}}}")
            self._done[name] = value
            return value

        return _REFERENCE.sub(one, text)


def _exceptions(
    unless: list[str | ExceptionSpec], fragments: _Fragments, where: str
) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for item in unless:
        if isinstance(item, str):
            if item not in fragments.exceptions:
                raise RuleFileError(f"{where}: unknown exception set {item!r}")
            specs = fragments.exceptions[item]
        else:
            specs = [item]
        for spec in specs:
            if spec.verdict not in VERDICTS:
                raise RuleFileError(f"{where}: unknown verdict {spec.verdict!r} (one of {sorted(VERDICTS)})")
            pairs.append((fragments.expand(_joined(spec.match), where), spec.verdict))
    return tuple(pairs)


def _compile(entry: RuleEntry, route: Route, fragments: _Fragments, file: str) -> ReviewedRule:
    compiled = []
    for number, spec in enumerate(entry.pattern, start=1):
        where = f"{file}: rule {entry.id}: pattern {number}"
        try:
            compiled.append(
                rule(
                    entry.id,
                    route,
                    fragments.expand(_joined(spec.match), where),
                    needs=spec.needs,
                    checks=frozenset(spec.checks),
                    unless=_exceptions(spec.unless, fragments, where),
                    past=spec.past,
                    lang=spec.lang,
                )
            )
        except re.error as exc:
            raise RuleFileError(f"{where}: the regex does not compile: {exc}") from None
    return ReviewedRule(
        entry.id,
        route,
        entry.rationale,
        tuple(entry.examples),
        tuple(entry.near_misses),
        tuple(compiled),
        file,
    )


def load_rulebook(folder: Path = RULES_DIR) -> tuple[ReviewedRule, ...]:
    """Every rule of every route file, most urgent route first. Raises `RuleFileError`."""
    fragments_path = folder / FRAGMENTS_FILE
    raw = _read(fragments_path)
    try:
        fragments = _Fragments(FragmentFile.model_validate(raw))
    except ValidationError as exc:
        raise _schema_error(fragments_path, raw, exc) from None
    reviewed: list[ReviewedRule] = []
    for name in ROUTE_FILES:
        path = folder / f"{name}.toml"
        raw = _read(path)
        try:
            spec = RouteFile.model_validate(raw)
        except ValidationError as exc:
            raise _schema_error(path, raw, exc) from None
        if spec.route != name:
            raise RuleFileError(f"{path.name}: route is {spec.route!r}; this file holds {name!r} rules")
        for entry in spec.rule:
            if not entry.id.startswith(f"{name}."):
                raise RuleFileError(f"{path.name}: rule {entry.id}: its id must start with {name!r}.")
            if any(done.id == entry.id for done in reviewed):
                raise RuleFileError(f"{path.name}: rule {entry.id} appears twice")
            reviewed.append(_compile(entry, Route(name), fragments, path.name))
    return tuple(reviewed)


@functools.cache
def book() -> tuple[ReviewedRule, ...]:
    """The shipped rule files, loaded once on first use."""
    return load_rulebook()


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The router's compiled patterns, most urgent route first."""
    return tuple(pattern for entry in book() for pattern in entry.patterns)


def rationale(rule_id: str) -> str:
    """A rule's one-line rationale for staff ("" for a decision that no rule file made)."""
    return next((entry.rationale for entry in book() if entry.id == rule_id), "")
