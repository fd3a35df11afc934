"""The data flows one way: no import cycle, and no module imports from a layer above its own.

Read from the source with `ast` (imports inside functions included), so a lazy import cannot
hide an upward dependency.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

# Lowest first; a module may import its own layer and those below it.
LAYERS = [
    ("analysis.errors",),
    ("analysis.readers",),
    ("analysis.nlp",),
    ("analysis.extract",),
    ("analysis.records",),
    ("analysis.pipeline",),
    ("analysis.store",),
    ("analysis.ingest",),
    ("analysis.cluster",),
    ("analysis.queries",),
    ("analysis.figures",),
    ("analysis.__main__",),
    ("components",),
    ("dashboard",),
]


def layer_of(module: str) -> int:
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return level
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def project_modules() -> dict[str, ast.Module]:
    files = [*(ROOT / "analysis").rglob("*.py"), *(ROOT / "components").rglob("*.py"), ROOT / "dashboard.py"]
    modules = {}
    for path in files:
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = ast.parse(path.read_text(encoding="utf-8"))
    return modules


def imports_of(tree: ast.Module, known: set[str]) -> set[str]:
    """The project modules a module imports (a name imported from a package counts as its
    submodule when there is one)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [
                f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


MODULES = project_modules()
GRAPH = {name: imports_of(tree, set(MODULES)) - {name} for name, tree in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_from_a_higher_layer(module):
    upward = sorted(m for m in GRAPH[module] if layer_of(m) > layer_of(module))
    assert not upward, f"{module} imports from above its layer: {upward}"


def test_no_import_cycle():
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(nxt) :] + [nxt]))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_analysis_never_imports_streamlit():
    for name, tree in MODULES.items():
        if name.startswith("analysis"):
            for node in ast.walk(tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                    assert not any(n.split(".")[0] == "streamlit" for n in names), name
