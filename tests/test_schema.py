"""``docs/schema.json`` is the JSON Schema of the current ``Article`` (``lagebild schema``)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.model import SCHEMA_VERSION, article_json_schema

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.json"


def test_schema_document_in_sync() -> None:
    assert json.loads(DOC.read_text(encoding="utf-8")) == article_json_schema(), (
        "docs/schema.json is stale: run lagebild schema > docs/schema.json"
    )


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Article"
    assert f"schema_version {SCHEMA_VERSION}" in schema["description"]
    layers = schema["properties"]
    for layer in ("actors", "statements", "events", "times", "entities", "sentences"):
        assert layer in layers
    statement = schema["$defs"]["Statement"]["properties"]
    assert set(statement) >= {"type", "quote", "cue", "frame", "speaker", "addressee",
                              "medium", "mode", "confidence"}
    assert set(schema["$defs"]["StatementType"]["enum"]) == {
        "Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported"}
