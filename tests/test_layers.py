"""The layers import one way, checked from the import statements of every module (docs/ARCHITECTURE.md).

app.py -> assistant.web -> assistant (core, assistant.safety) -> index -> index.shared. `evals` is a
client of the whole stack and may import any layer; nothing imports `evals`. Function-level imports
count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("assistant", "index", "evals")
# Lowest first; a module may import its own layer and the layers below it.
LAYERS = ("index.shared", "index", "assistant", "assistant.web", "app", "evals")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    paths = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")] + [ROOT / "app.py"]
    return {module_name(p): p for p in paths}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `path` imports (`from a.b import c` names a.b.c when c is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            named = [m for m in submodules if m in modules]
            found.update(named if len(named) == len(submodules) else [node.module, *named])
    return {name for name in found if name in modules}


def layer_of(module: str) -> int:
    """The most specific layer the module belongs to (index.shared.x is in index.shared, not index)."""
    matches = [layer for layer in LAYERS if module == layer or module.startswith(layer + ".")]
    return LAYERS.index(max(matches, key=len))


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(path, modules) - {name} for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_a_higher_layer() -> None:
    upward = [
        f"{module} ({LAYERS[layer_of(module)]}) imports {target} ({LAYERS[layer_of(target)]})"
        for module, targets in import_graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_no_import_cycle_between_modules() -> None:
    assert cycles(import_graph()) == []


def test_no_import_cycle_between_packages() -> None:
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in import_graph().items():
        packages[LAYERS[layer_of(module)]].update(LAYERS[layer_of(t)] for t in targets)
    assert cycles({name: targets - {name} for name, targets in packages.items()}) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from index.shared.settings import Settings", {"index.shared.settings"}),
        ("from assistant.safety import texts", {"assistant.safety.texts"}),
        ("from assistant.safety import classify", {"assistant.safety"}),
        ("def f():\n    import assistant.web.server", {"assistant.web.server"}),
    ],
)
def test_imports_are_read_from_statements_including_lazy_ones(tmp_path: Path, source: str, expected) -> None:
    module = tmp_path / "probe.py"
    module.write_text(source)
    assert imports_of(module, project_modules()) == expected


def test_the_checker_catches_an_upward_import_and_a_cycle() -> None:
    assert layer_of("index.shared.history") < layer_of("index.builder") < layer_of("assistant.answer")
    assert layer_of("assistant.answer") < layer_of("assistant.web.http_api") < layer_of("app")
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


def test_no_module_outside_tests_has_more_than_400_lines() -> None:
    long = {
        name: n for name, path in project_modules().items() if (n := len(path.read_text().splitlines())) > 400
    }
    assert long == {}
