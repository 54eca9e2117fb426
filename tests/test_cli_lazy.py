"""Sub-commands mounted on first use (lagebild/cli_lazy.py): ``analyze`` imports none of the
other commands' modules, and every command answers as it did when all were mounted at import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from lagebild.cli_lazy import LazyTyper

# Runs each case through the app as the program does (one command: a group holding only that
# command), then the same cases through the whole command tree built by Typer; prints both.
COMPARE = """
import contextlib, io, json, sys
import typer
from lagebild.cli import app

# called from a module not named __main__: the app runs as a library here, no quick exit
ns = {"__name__": "compare"}
exec("def call(app, args):\\n    return app(args)", ns)

def run(call, args):
    out, err = io.StringIO(), io.StringIO()
    code = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            call(args)
        except SystemExit as exc:
            code = exc.code
    return [code, out.getvalue(), err.getvalue()]

cases = json.loads(sys.argv[1])
lazy = [run(lambda a: ns["call"](app, a), args) for args in cases]
full = [run(lambda a: typer.Typer.__call__(app, a), args) for args in cases]
names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
print(json.dumps({"lazy": lazy, "full": full, "names": names}))
"""

EAGER = ["analyze", "ingest", "search", "show", "stats", "failures", "stages", "schema"]
MOUNTED = ["serve", "actors", "actor", "quotes", "events", "export", "merge", "brief",
           "relations"]
GROUPS = ["kb", "eval", "train"]


def _compare(cases: list[list[str]]) -> dict[str, list[object]]:
    env_code = "import os; os.environ['COLUMNS'] = '100'; os.environ['NO_COLOR'] = '1'\n"
    done = subprocess.run([sys.executable, "-c", env_code + COMPARE, json.dumps(cases)],
                          capture_output=True, text=True, check=True)
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def test_every_command_answers_as_from_the_whole_tree(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Ein Satz über Berlin.\n", encoding="utf-8")
    cases = [[name, "--help"] for name in EAGER]
    cases += [["analyze", "--structure-only", "--format", "jsonl", str(one)], ["analyze"],
              ["analyze", "--bogus", "x"], ["ingest", "--workers", "0", "x"], ["show"]]
    cases += [[name, "--help"] for name in MOUNTED] + [["brief", "--bogus"], ["relations"]]
    cases += [[name, "--help"] for name in GROUPS] + [["kb", "show", "--help"], ["--help"], [],
                                                      ["--version"], ["nosuch"], ["analyz"]]
    result = _compare(cases)
    for args, lazy, full in zip(cases, result["lazy"], result["full"], strict=True):
        assert lazy == full, args
    usage = str(result["lazy"][0][1])
    assert result["lazy"][0][0] == 0 and "Usage:" in usage and "--structure-only" in usage
    assert result["names"] == [*EAGER, *MOUNTED, *GROUPS]


def test_analyze_imports_no_other_command(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Ein Satz über Berlin.\n", encoding="utf-8")
    code = (  # run as the program (quick exit included); atexit handlers still run
        "import atexit, sys\nfrom lagebild.cli import app\n"
        "atexit.register(lambda: print(' '.join(sorted(sys.modules))))\n"
        f"sys.argv = ['lagebild', 'analyze', '--structure-only', '--format', 'jsonl', "
        f"{str(one)!r}]\napp()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    loaded = set(done.stdout.splitlines()[-1].split())
    for module in ("lagebild.api.cli", "lagebild.actors.cli", "lagebild.store.cli",
                   "lagebild.brief.cli", "lagebild.distributed.cli", "lagebild.eval.cli",
                   "lagebild.training.cli", "lagebild.store.relations_cli", "fastapi",
                   "starlette", "pandas", "dask", "pyarrow", "matplotlib"):
        assert module not in loaded, module


def _app() -> tuple[LazyTyper, list[str]]:
    app = LazyTyper(add_completion=False)
    mounted: list[str] = []

    @app.callback()
    def main() -> None:
        """Test app."""

    @app.command("one")
    def one() -> None:
        mounted.append("ran one")

    def mount_two() -> None:
        mounted.append("two")

        @app.command("two")
        def two() -> None:
            mounted.append("ran two")

    def mount_group() -> None:
        mounted.append("group")
        group = typer.Typer()

        @group.command("leaf")
        def leaf() -> None:
            mounted.append("ran leaf")

        app.add_typer(group, name="grp")

    def mount_three() -> None:
        mounted.append("three")
        app.command("three")(lambda: None)

    app.defer(["two"], mount_two)
    app.defer(["grp"], mount_group)
    app.defer(["three"], mount_three)
    return app, mounted


def test_deferred_mounts_run_in_order_and_only_when_needed() -> None:
    app, mounted = _app()
    with pytest.raises(SystemExit):
        app(["one"])
    assert mounted == ["ran one"]  # nothing mounted for a command of the app itself
    with pytest.raises(SystemExit):
        app(["two"])
    assert mounted == ["ran one", "two", "ran two"]  # the mounts before it, not after it
    with pytest.raises(SystemExit):
        app(["grp", "leaf"])  # a group: the whole tree
    assert mounted[3:] == ["group", "three", "ran leaf"]
    assert [c.name for c in app.registered_commands] == ["one", "two", "three"]
    assert [g.name for g in app.registered_groups] == ["grp"]


def test_reading_the_commands_mounts_everything_in_order() -> None:
    app, mounted = _app()
    with pytest.raises(SystemExit):
        app(["three"])  # mounts two and the group first, in their order
    assert mounted == ["two", "group", "three"]
    assert [c.name for c in app.registered_commands] == ["one", "two", "three"]
    fresh, mounted = _app()
    assert len(fresh.registered_groups) == 1 and mounted == ["two", "group", "three"]
