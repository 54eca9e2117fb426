"""The import graph of a package's modules, read from the source with ``ast`` (nothing imported).

Used by ``tests/test_import_graph.py``. Every ``import`` and ``from … import`` counts, at module
level and inside functions, classes or ``try`` blocks, because a function-level import is still
a dependency: it only defers the failure of a cycle to the first call.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name → file for every ``.py`` under ``root`` (the package's folder);
    a package's ``__init__.py`` is named after the package."""
    out: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Absolute dotted names that the module's import statements refer to; ``from x import y``
    yields ``x.y`` (y may be a submodule or a name in ``x``: see :func:`import_graph`)."""
    own_package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: level 1 is the module's own package
                base_parts = own_package.split(".")
                base = ".".join(base_parts[: len(base_parts) - node.level + 1])
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            for alias in node.names:
                yield f"{source}.{alias.name}"


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module → the package's modules it imports (edges to itself left out).

    ``from x import y`` is an edge to ``x.y`` when that is a module, else to ``x``; ``import
    a.b.c`` is an edge to the longest of ``a.b.c``, ``a.b``, ``a`` that is a module. The parent
    packages Python initialises on the way (``a``, ``a.b`` for ``a.b.c``) are *not* edges: every
    module would otherwise depend on its package, and every package ``__init__`` that imports a
    submodule would form a cycle with it. A module that imports its package explicitly
    (``from a.b import NAME``) does get the edge, and then such a cycle is a real one: the
    package is only partly initialised when the submodule runs.
    """
    modules = module_names(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        found = _imported_names(tree, name, path.name == "__init__.py")
        for dotted in found:
            target = _longest_module(dotted, modules)
            if target is not None and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def _longest_module(dotted: str, modules: dict[str, Path]) -> str | None:
    parts = dotted.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as ``[a, b, …, a]``, or None when the graph is acyclic (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None
