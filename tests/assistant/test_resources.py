"""The resources table is the one place a help-line number is written; every text is filled from it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from assistant import resources
from assistant.safety import texts

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"(?<![\w-])(?:911|988|112|999|741741|1-800-\d{3}-\d{4})(?![\w-])")


def test_the_table_has_every_line_the_design_names() -> None:
    numbers = {key: r.number for key, r in resources.table().items()}
    assert numbers["emergency"] == "911" and numbers["lifeline"] == "988"
    assert numbers["poison_help"] == "1-800-222-1222" and numbers["samhsa"] == "1-800-662-4357"
    assert numbers["crisis_text"] == "741741"
    assert [r.key for r in resources.listed()][:4] == ["emergency", "lifeline", "poison_help", "samhsa"]


@pytest.mark.parametrize(
    "path",
    sorted(p for package in ("assistant", "index") for p in (ROOT / package).rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_python_module_writes_a_help_line_number(path: Path) -> None:
    tree = ast.parse(path.read_text())
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert [s for s in strings if NUMBER.search(s) and "{" not in s] == []


def test_texts_name_lines_by_key_and_fill_them() -> None:
    raw = texts.TEXTS_PATH.read_text()
    assert not NUMBER.search(re.sub(r"^#.*$", "", raw, flags=re.M))
    assert "1-800-222-1222" in texts.VISITOR_TEXTS[(texts.Route.EMERGENCY, "en")]
    with pytest.raises(KeyError):
        resources.fill("call {no_such_line}")
