"""The package's import graph: no cycles, and the run time never imports training code.

Read from the source with ``ast`` (``tests/import_graph.py``), so a module whose optional
dependency is missing is checked too. Imports inside functions count like module-level ones:
deferring an import hides a cycle until the first call, it does not remove it.

How package ``__init__`` modules count: importing ``a.b.c`` makes Python run ``a/__init__`` and
``a/b/__init__`` first, but that implicit step is *not* an edge. Otherwise every module would
depend on its package, and a package ``__init__`` that imports one of its submodules (as
``lagebild.nlp`` imports ``lagebild.nlp.components`` to register the spaCy factories) would
always form a trivial cycle with it. An explicit import of a package (``from lagebild.nlp import
load_pipeline``) is an edge to its ``__init__``; if that ``__init__`` imports the importing
module back, the cycle is real (one side sees a half-initialised module) and fails the test.
"""

from __future__ import annotations

from pathlib import Path

from import_graph import find_cycle, import_graph  # tests/ is on sys.path (no __init__.py)

SRC = Path(__file__).resolve().parents[1] / "src" / "lagebild"

#: may import ``lagebild.training``: training itself, evaluation (it scores training-time
#: labellers such as teacher ensembles) and the command lines that only wire those commands up
TRAINING_USERS = ("lagebild.training", "lagebild.eval")
CLI_WIRING = frozenset({"lagebild.cli"})


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_helper_sees_function_level_relative_and_submodule_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from pkg import a\n")
    (pkg / "a.py").write_text("def f():\n    from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("from .. import a\nfrom pkg.sub import NAME\n")
    graph = import_graph(pkg, "pkg")
    assert graph == {
        "pkg": {"pkg.a"},
        "pkg.a": {"pkg.sub.b"},
        "pkg.sub": set(),
        "pkg.sub.b": {"pkg.a", "pkg.sub"},
    }
    assert find_cycle(graph) == ["pkg.a", "pkg.sub.b", "pkg.a"]
    del graph["pkg.sub.b"]
    assert find_cycle(graph) is None


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph(SRC, "lagebild"))
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_run_time_modules_do_not_import_training() -> None:
    graph = import_graph(SRC, "lagebild")
    offenders = {
        module: sorted(t for t in targets if _within(t, "lagebild.training"))
        for module, targets in graph.items()
        if module not in CLI_WIRING and not any(_within(module, p) for p in TRAINING_USERS)
    }
    offenders = {module: targets for module, targets in offenders.items() if targets}
    assert not offenders, f"run-time modules importing lagebild.training: {offenders}"
