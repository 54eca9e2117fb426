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
