"""Case files: strict loading and validation of the JSONL formats in DESIGN.md.

A file holds one kind of case, told apart by its fields: safety cases have "message" and
"expected", QA cases have "question" and "answerable". Any malformed line raises
`CaseFileError` naming the file, the line and the reason, before anything runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROUTES = ("emergency", "medical_supervision", "crisis", "none")
SAFETY, QA = "safety", "qa"


class CaseFileError(ValueError):
    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class SafetyCase:
    id: str
    message: str
    expected: str
    history: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    lang: str = "en"
    category: str = ""

    @property
    def prompt(self) -> str:
        return self.message


@dataclass(frozen=True)
class QACase:
    id: str
    question: str
    answerable: bool
    history: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    category: str = ""

    @property
    def prompt(self) -> str:
        return self.question


Case = SafetyCase | QACase


@dataclass(frozen=True)
class Suite:
    """The cases of one file. `split` is "heldout" when the file name says so, else "dev"."""

    name: str
    kind: str
    split: str
    path: str
    cases: tuple[Case, ...]


# field -> (required, check, description)
def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_nonempty_str(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_nonempty_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(_is_nonempty_str(x) for x in v)


def _is_route_list(v: Any) -> bool:
    return isinstance(v, list) and all(x in ROUTES for x in v)


_SAFETY_FIELDS = {
    "id": (True, _is_nonempty_str, "a non-empty string"),
    "message": (True, _is_nonempty_str, "a non-empty string"),
    "expected": (True, lambda v: v in ROUTES, f"one of {', '.join(ROUTES)}"),
    "history": (False, _is_str_list, "a list of strings"),
    "ok": (False, _is_route_list, f"a list of routes ({', '.join(ROUTES)})"),
    "lang": (False, _is_nonempty_str, "a non-empty string"),
    "category": (False, _is_str, "a string"),
}
_QA_FIELDS = {
    "id": (True, _is_nonempty_str, "a non-empty string"),
    "question": (True, _is_nonempty_str, "a non-empty string"),
    "answerable": (True, lambda v: isinstance(v, bool), "true or false"),
    "history": (False, _is_str_list, "a list of strings"),
    "evidence": (False, _is_nonempty_str_list, "a list of non-empty strings"),
    "facts": (False, _is_nonempty_str_list, "a list of non-empty strings"),
    "category": (False, _is_str, "a string"),
}
# Fields other tools may add (notes for reviewers, sources of a case) are allowed.
_EXTRA_OK = {"note", "notes", "comment", "why", "source", "split", "tags", "lang"}


def detect_kind(record: dict[str, Any]) -> str | None:
    if "message" in record and "expected" in record:
        return SAFETY
    if "question" in record and "answerable" in record:
        return QA
    return None


def _validate(record: dict[str, Any], kind: str) -> str | None:
    """The reason the record is invalid, or None."""
    fields = _SAFETY_FIELDS if kind == SAFETY else _QA_FIELDS
    for name, (required, check, description) in fields.items():
        if name not in record:
            if required:
                return f'missing field "{name}"'
            continue
        if not check(record[name]):
            return f'field "{name}" must be {description}, got {json.dumps(record[name])[:80]}'
    unknown = sorted(set(record) - set(fields) - _EXTRA_OK)
    if unknown:
        return f"unknown field(s) {', '.join(unknown)} (a typo?)"
    if kind == SAFETY and record["expected"] in record.get("ok", []):
        return '"ok" repeats the expected route'
    if kind == QA and record["answerable"] and not record.get("evidence"):
        return "an answerable question needs at least one evidence span"
    if kind == QA and not record["answerable"] and (record.get("evidence") or record.get("facts")):
        return "an unanswerable question cannot have evidence or facts"
    if kind == QA and any(not alt.strip() for fact in record.get("facts", []) for alt in fact.split("|")):
        return 'a fact has an empty alternative (check the "|" separators)'
    return None


def _build(record: dict[str, Any], kind: str) -> Case:
    if kind == SAFETY:
        return SafetyCase(
            id=record["id"],
            message=record["message"],
            expected=record["expected"],
            history=tuple(record.get("history", [])),
            ok=tuple(record.get("ok", [])),
            lang=record.get("lang", "en"),
            category=record.get("category", ""),
        )
    return QACase(
        id=record["id"],
        question=record["question"],
        answerable=record["answerable"],
        history=tuple(record.get("history", [])),
        evidence=tuple(record.get("evidence", [])),
        facts=tuple(record.get("facts", [])),
        category=record.get("category", ""),
    )


def split_of(name: str) -> str:
    return "heldout" if "heldout" in name.lower().replace("-", "").replace("_", "") else "dev"


def parse_lines(lines: Iterable[str], path: Path | str) -> Suite:
    """Validate every line of one case file and return its suite; raise `CaseFileError` on the first fault."""
    kind: str | None = None
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CaseFileError(path, number, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(record, dict):
            raise CaseFileError(path, number, "a case must be a JSON object")
        line_kind = detect_kind(record)
        if line_kind is None:
            raise CaseFileError(
                path,
                number,
                'not a case: needs "message" and "expected" (safety) or "question" and "answerable" (QA)',
            )
        if kind is None:
            kind = line_kind
        elif line_kind != kind:
            raise CaseFileError(path, number, f"a {line_kind} case in a file of {kind} cases")
        reason = _validate(record, kind)
        if reason:
            raise CaseFileError(path, number, reason)
        if record["id"] in seen:
            raise CaseFileError(
                path, number, f'duplicate id "{record["id"]}" (first on line {seen[record["id"]]})'
            )
        seen[record["id"]] = number
        cases.append(_build(record, kind))
    if kind is None:
        raise CaseFileError(path, None, "no cases in file")
    name = Path(path).name.removesuffix(".jsonl")
    return Suite(name=name, kind=kind, split=split_of(name), path=str(path), cases=tuple(cases))


def load_suite(path: Path | str) -> Suite:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(path, None, f"cannot read: {exc}") from None
    return parse_lines(text.splitlines(), path)


def load_suites(paths: Iterable[Path | str]) -> tuple[Suite, ...]:
    """Load and validate every file first, so a bad file stops the run before any case is asked."""
    suites = tuple(load_suite(p) for p in paths)
    names = [s.name for s in suites]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CaseFileError(", ".join(duplicates), None, "two case files share this name; rename one")
    return suites
