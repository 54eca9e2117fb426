"""``lagebild quotes`` and ``lagebild events`` on the demo store and on hand-built layers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.api.demo import build_demo_store, hostile_article
from lagebild.cli import app
from layered_store import SPEAKER_ID, build_layered_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
runner = CliRunner()


@pytest.fixture(scope="module")
def layered(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_layered_store(tmp_path_factory.mktemp("cli") / "layers.db"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    build_demo_store(path, [str(SAMPLES)], extra=[hostile_article()])
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> dict[str, object]:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


# -- quotes ------------------------------------------------------------------------------
def test_quotes_text_lists_speaker_type_cue_quote_date_article(layered: str) -> None:
    code, out, err = run("quotes", "--db", layered, "--speaker", "Frank Beispiel")
    assert code == 0
    lines = out.splitlines()
    article_id = run_json("quotes", "--db", layered)["items"][0]["article_id"]  # type: ignore
    assert lines[0] == f"2015-09-16  {article_id}  Direct · sagte"
    assert lines[1] == (f"  Frank Beispiel ({SPEAKER_ID}): "
                        "„Wir unterstützen die Gespräche mit Russland.“")
    assert "1 of 1 statements" in err


def test_quotes_filters(layered: str) -> None:
    def texts(*args: str) -> list[str]:
        page = run_json("quotes", "--db", layered, *args)
        return [item["text"] for item in page["items"]]  # type: ignore[attr-defined,index]

    quote = "„Wir unterstützen die Gespräche mit Russland.“"
    reported = "plant China Sanktionen gegen Nordkorea"
    assert texts("--about", "Russland") == [quote]
    assert texts("--about", "china") == [reported]
    assert texts("--speaker", "Anna Probe") == [reported]  # unlinked speaker
    assert texts("--type", "DIRECT") == [quote]
    assert texts("--mode", "fast") == [reported]
    assert texts("--from", "2015-09", "--to", "2015-09") == [quote, reported]
    assert texts("--to", "2015-08") == []
    page = run_json("quotes", "--db", layered, "--limit", "1")
    assert page["total"] == 2 and len(page["items"]) == 1  # type: ignore[arg-type]


def test_quotes_on_the_demo_store(demo: str) -> None:
    page = run_json("quotes", "--db", demo, "--speaker", "Hans-Jürgen Papier")
    items = page["items"]
    assert page["total"] == 1 and items[0]["speaker"] == "Hans-Jürgen Papier"  # type: ignore
    about = run_json("quotes", "--db", demo, "--about", "Berlin")
    assert [s["speaker"] for s in about["items"]] == ["Angela Merkel"]  # type: ignore


# -- events ------------------------------------------------------------------------------
def test_events_text_lists_type_sides_trigger_modality_evidence(layered: str) -> None:
    code, out, err = run("events", "--db", layered, "--type", "consult")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2015-09-16  ")
    assert lines[0].endswith("  CONSULT 040  asserted  p=1.00")
    assert lines[1:] == ["  USA und Russland → ?  [verhandeln]",
                         "  Die USA und Russland verhandeln in Genf über Syrien."]
    assert "1 of 1 events" in err


def test_events_compound_actor_found_by_both(layered: str) -> None:
    def types(*args: str) -> list[str]:
        page = run_json("events", "--db", layered, *args)
        return sorted(e["plover"] for e in page["items"])  # type: ignore[attr-defined,index]

    assert types("--actor", "Russland") == ["ACCUSE", "CONSULT"]
    assert types("--actor", "USA") == ["ACCUSE", "CONSULT"]
    assert types("--actor", "china") == ["SANCTION"]
    assert types("--type", "16") == ["SANCTION"]
    assert types("--modality", "Planned") == ["SANCTION"]
    assert types("--from", "2015") == ["CONSULT", "SANCTION"]
    assert types("--min-confidence", "0.7") == ["ACCUSE", "CONSULT"]  # SANCTION: 0.6
    assert types("--min-confidence", "0.6") == ["ACCUSE", "CONSULT", "SANCTION"]
    assert run("events", "--db", layered, "--min-confidence", "1.5")[0] == 2  # usage error


def test_events_on_the_demo_store(demo: str) -> None:
    page = run_json("events", "--db", demo, "--actor", "Iran", "--limit", "500")
    items: list[dict[str, str]] = page["items"]  # type: ignore[assignment]
    assert items and all("new:loc:iran" in (e["source_actor_id"], e["target_actor_id"])
                         for e in items)


# -- errors ------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "allowed"), [
    (("quotes", "--type", "quote"), "Direct, Indirect"),
    (("quotes", "--mode", "slow"), "fast, accurate"),
    (("events", "--type", "DEMAND"), "CONSULT"),
    (("events", "--type", "04x"), "CAMEO"),
    (("events", "--modality", "maybe"), "asserted"),
    (("quotes", "--from", "yesterday"), "YYYY-MM-DD"),
])
def test_bad_values_exit_2_with_the_allowed_values(layered: str, args: tuple[str, ...],
                                                   allowed: str) -> None:
    code, _, err = run(*args, "--db", layered)
    assert code == 2 and allowed in " ".join(err.split())


def test_unknown_actor_exits_4_with_candidates(layered: str) -> None:
    code, _, err = run("events", "--db", layered, "--actor", "Nord")
    assert code == 4 and "no actor 'Nord'" in err and "Nordkorea (PRK)" in err
    code, _, err = run("quotes", "--db", layered, "--speaker", "Xylophon")
    assert code == 4 and "did you mean" not in err


def test_missing_store_exits_3(tmp_path: Path) -> None:
    code, _, err = run("quotes", "--db", str(tmp_path / "missing.db"))
    assert code == 3 and "cannot open store" in err
    code, _, _ = run("events", "--db", str(tmp_path / "missing.db"))
    assert code == 3
