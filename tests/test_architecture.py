"""The package layout: no import cycles among the kiosk's modules, and no module left flat
beside the command line. Read from the source with `ast`, so a cycle hidden in a function
or under TYPE_CHECKING counts too (mypy and a later refactor trip over those as well)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "kiosk"
# The only modules that stay directly under kiosk/: the version and the assets folder, the
# entry points, and the typed options the command line hands to what it starts.
TOP_LEVEL = {"kiosk", "kiosk.__main__", "kiosk.cli", "kiosk.options"}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The kiosk modules this one imports, anywhere in it. `from kiosk.x import y` counts as
    an import of kiosk.x.y when y is a module, else of kiosk.x."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in known else source)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each as a path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
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

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_imports_of_every_kind():
    edges = graph()
    assert "kiosk.content.loader" in edges["kiosk.content.cache"]  # inside a function
    assert "kiosk.search.index" in edges["kiosk.content.cache"]  # also under TYPE_CHECKING
    assert "kiosk.check.report" in edges["kiosk.cli"]  # `from kiosk.check import report`
    assert "kiosk.qt.app" in edges["kiosk.cli"]


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_among_the_kiosks_modules():
    assert cycles(graph()) == []


def test_no_module_left_flat_beside_the_command_line():
    flat = {name for name in modules() if name.count(".") == 1 and name not in TOP_LEVEL}
    packages = {name for name in flat if (PACKAGE / name.split(".")[1] / "__init__.py").exists()}
    assert flat - packages == set(), "put each module in the package whose layer it belongs to"
