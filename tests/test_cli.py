from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout


def test_analyze_example_matches_acceptance(example_path: Path) -> None:
    code, out = run("analyze", str(example_path), "--format", "json", "--structure-only")
    assert code == 0
    doc = json.loads(out)
    for key in ("id", "text", "section", "kicker", "headline", "title", "teaser", "images",
                "paragraphs", "subheadings", "source", "published", "url", "blocks"):
        assert key in doc
    assert doc["section"] == "Politik"
    assert doc["title"] == "Militärische Allianz in Syrien? Moskau sucht Gespräch mit USA über IS"
    assert doc["kicker"] == "Militärische Allianz in Syrien?"
    assert doc["headline"] == "Moskau sucht Gespräch mit USA über IS"
    assert doc["images"] == [{
        "file": "58264621.jpg",
        "caption": "Die Außenminister Kerry und Lawrow streben Gespräche auf militärischer "
                   "Ebene an.",
        "credit": "picture alliance / dpa",
    }]
    assert doc["teaser"].startswith("Russland und die USA haben in Syrien")
    assert len(doc["paragraphs"]) == 7
    assert doc["subheadings"] == ["Putin plant Rede vor Uno-Vollversammlung"]
    assert doc["source"] == {"outlet": "ntv.de", "authors": ["jog"], "agencies": ["dpa", "AFP"]}
    for block in doc["blocks"]:
        assert 0 <= block["start"] <= block["end"] <= len(doc["text"])


def test_analyze_jsonl_keeps_input_order_and_reports_failures(tmp_path: Path,
                                                              samples_dir: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    dumps = sorted(samples_dir.glob("*.txt"))[:2]
    code, out = run("analyze", str(dumps[0]), str(empty), str(dumps[1]), "-f", "jsonl",
                    "--structure-only")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["origin"]["path"] == str(dumps[0])
    assert lines[1]["error"]["code"] == "E001"
    assert lines[2]["origin"]["path"] == str(dumps[1])
    assert code == 1  # an input failed, the rest was processed


def test_analyze_text_shows_who_said_and_did_what(samples_dir: Path) -> None:
    """The text view lists the analysis, not only the structure: actors, statements with
    speaker and cue, events with their sides and evidence sentence."""
    dump = sorted(samples_dir.glob("*.txt"))[0]
    code, out = run("analyze", str(dump), "-f", "text")
    assert code == 0
    code, as_json = run("analyze", str(dump))
    doc = json.loads(as_json)
    assert doc["statements"] and doc["events"]
    assert f"statements ({len(doc['statements'])})" in out
    assert f"events ({len(doc['events'])})" in out
    assert f"actors ({len(doc['actors'])})" in out
    for event in doc["events"]:
        code = f" {event['cameo']}" if event["cameo"] else ""
        assert f"{event['type']}{code} {event['modality']} p={event['confidence']:.2f}" in out
    code, out = run("analyze", str(dump), "-f", "text", "--structure-only")
    assert code == 0 and "statements (" not in out and "events (" not in out


def test_analyze_published_option(samples_dir: Path) -> None:
    dump = sorted(samples_dir.glob("*.txt"))[0]
    code, out = run("analyze", str(dump), "--published", "2015-09-19", "--structure-only")
    assert code == 0 and json.loads(out)["published"] == "2015-09-19"
    code, _ = run("analyze", str(dump), "--published", "gestern", "--structure-only")
    assert code == 2


def test_ingest_search_show_stats(tmp_path: Path, samples_dir: Path) -> None:
    env = {"LAGEBILD_DB": str(tmp_path / "cli.db")}
    code, out = run("ingest", str(samples_dir), "--structure-only", "-q", env=env)
    assert code == 0 and "stored" in out
    code, out = run("stats", "--json", env=env)
    stats = json.loads(out)
    assert (stats["articles"], stats["failed"], stats["duplicates"]) == (16, 0, 0)
    code, out = run("search", "Bundestag", "--json", env=env)
    hits = json.loads(out)
    assert code == 0 and hits
    code, out = run("show", hits[0]["id"], "-f", "json", env=env)
    assert code == 0 and json.loads(out)["id"] == hits[0]["id"]
    code, _ = run("show", "0000000000000000", env=env)
    assert code == 4


def test_db_option_overrides_env(tmp_path: Path, samples_dir: Path) -> None:
    db = tmp_path / "explicit.db"
    run("ingest", str(sorted(samples_dir.glob("*.txt"))[0]), "--db", str(db), "--structure-only",
        "-q", env={"LAGEBILD_DB": str(tmp_path / "other.db")})
    assert db.exists() and not (tmp_path / "other.db").exists()


def test_store_errors_have_their_exit_code(tmp_path: Path) -> None:
    not_a_db = tmp_path / "x.db"
    not_a_db.write_bytes(b"this is not sqlite" * 100)
    code, _ = run("stats", "--db", str(not_a_db))
    assert code == 3
    code, _ = run("stats", "--db", str(tmp_path / "missing.db"))
    assert code == 3


@pytest.mark.parametrize("command", ["analyze", "ingest", "search", "show", "stats"])
def test_help_everywhere(command: str) -> None:
    code, out = run(command, "--help")
    assert code == 0 and "Usage" in out
