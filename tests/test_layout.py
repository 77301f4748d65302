"""The package's layout follows the data's one-way flow: no import cycle anywhere, and the text
utilities stay leaves that import no domain code.

Imports are read from the source (module level and inside functions alike); only those under
``if TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "crisiscomms"
ROOT = "crisiscomms"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    walk(other)
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append(child)
            walk(child)

    walk(tree)
    return found


def _targets(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The crisiscomms modules ``name`` imports, with the packages Python runs to reach them
    (but not the root package, nor ``name``'s own packages, which are already running)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    direct: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            direct |= {a.name for a in node.names if a.name.split(".")[0] == ROOT}
            continue
        if node.level:
            base_parts = package.split(".")
            base_parts = base_parts[: len(base_parts) - (node.level - 1)]
            base = ".".join(base_parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        if base.split(".")[0] != ROOT:
            continue
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            direct.add(sub if sub in modules else base)
    own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 2)}
    out: set[str] = set()
    for target in direct:
        parts = target.split(".")
        for i in range(2, len(parts) + 1):
            step = ".".join(parts[:i])
            if step in modules and step not in own:
                out.add(step)
    return out


def import_graph() -> dict[str, set[str]]:
    """Each crisiscomms module and the crisiscomms modules it imports."""
    modules = _modules()
    return {name: _targets(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), plus self-loops.

    >>> cycles({"a": {"b"}, "b": {"a"}, "c": set()})
    [['a', 'b']]
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_cycle_detector_sees_a_function_level_back_edge() -> None:
    graph = import_graph()
    graph["crisiscomms.text.sms"] = graph["crisiscomms.text.sms"] | {"crisiscomms.render"}
    assert any("crisiscomms.render" in c and "crisiscomms.text.sms" in c for c in cycles(graph))


def test_imports_inside_functions_are_counted() -> None:
    # cli imports its lint commands inside a function: that edge must be in the graph.
    assert "crisiscomms.cli.lint" in import_graph()["crisiscomms.cli"]


@pytest.mark.parametrize("name", sorted(n for n in _modules() if n.startswith(f"{ROOT}.text")))
def test_text_utilities_import_no_domain_code(name: str) -> None:
    outside = {t for t in import_graph()[name] if not t.startswith(f"{ROOT}.text")}
    assert outside == set(), f"{name} imports {sorted(outside)}"


def test_messages_and_checks_do_not_import_render() -> None:
    graph = import_graph()
    for name in graph:
        if name.startswith(f"{ROOT}.checks") or name == f"{ROOT}.messages":
            assert f"{ROOT}.render" not in graph[name], name
