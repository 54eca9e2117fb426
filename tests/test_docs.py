"""Docs that must not fall behind the code (datasette-style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.cli import app
from lagebild.errors import ErrorCode

REPO = Path(__file__).resolve().parents[1]


def _command_names() -> list[str]:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in
             app.registered_commands]
    names += [g.name for g in app.registered_groups if g.name]
    return sorted(n for n in names if n)


@pytest.mark.parametrize("name", _command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"lagebild {name}" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_error_code_is_documented(code: ErrorCode) -> None:
    assert f"`{code.name}`" in (REPO / "docs" / "errors.md").read_text(encoding="utf-8")


def test_readme_quick_start_has_three_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in quick.strip().splitlines() if line.strip()]
    assert len(commands) == 3
    assert "pip install" in commands[0] and "lagebild ingest samples/" in commands[1]
    assert "pytest" in commands[2]
    assert ".venv/bin/pytest" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_architecture_stage_table_matches_the_registry() -> None:
    """Every registered stage has its row in docs/ARCHITECTURE.md, with its modes."""
    from lagebild import stages

    doc = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in doc.splitlines()
            if line.startswith("| `")}
    for spec in stages.registry().values():
        assert spec.name in rows, f"stage {spec.name!r} missing from docs/ARCHITECTURE.md"
        cells = [c.strip() for c in rows[spec.name].split("|")]
        assert cells[2] == ", ".join(spec.requires), spec.name
        assert cells[3] == ", ".join(spec.assigns), spec.name
        modes = [m for m, names in stages.MODES.items() if spec.name in names]
        assert cells[4] == ", ".join(modes), spec.name


def test_status_is_one_page_with_commands() -> None:
    status = (REPO / "docs" / "STATUS.md").read_text(encoding="utf-8")
    assert len(status.splitlines()) <= 80, "docs/STATUS.md is one page; logs go to docs/lab/"
    assert "lagebild " in status
