"""``lagebild export KIND``: the API's export formats from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store.export import GDELT_COLUMNS
from layered_store import build_layered_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_layered_store(tmp_path_factory.mktemp("export") / "layers.db"))


def test_jsonl_and_csv_of_events(db: str) -> None:
    lines = runner.invoke(app, ["export", "jsonl", "--dataset", "events", "--db", db])
    assert lines.exit_code == 0, lines.output
    events = [json.loads(line) for line in lines.stdout.splitlines()]
    assert events and all(e["plover"] for e in events)
    table = runner.invoke(app, ["export", "csv", "--dataset", "events", "--db", db])
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert len(rows) == len(events)
    assert {r["plover"] for r in rows} == {e["plover"] for e in events}


def test_gdelt_columns_and_graphml(db: str) -> None:
    gdelt = runner.invoke(app, ["export", "gdelt", "--db", db])
    assert gdelt.exit_code == 0
    # read back as GDELT files are read: tab-separated, no header, the codebook's names
    table = pd.read_csv(io.StringIO(gdelt.stdout), sep="\t", header=None,
                        names=list(GDELT_COLUMNS), dtype={"EventCode": str})
    assert len(GDELT_COLUMNS) == 61 and table.shape == (3, 61)
    assert set(table["SQLDATE"]) == {20150916, 20140301, 20151001}  # "2015-10": 1st
    assert set(table["EventCode"]) == {"040", "163", "111"}
    assert set(table["QuadClass"]) == {1, 3, 4}
    accuse = table[table["EventCode"] == "111"].iloc[0]
    assert (accuse["Actor1Code"], accuse["Actor2Code"]) == ("RUS", "USA")
    assert (accuse["Actor1CountryCode"], accuse["Actor2Name"]) == ("RUS", "VEREINIGTE STAATEN")
    assert accuse["NumMentions"] == 1 and accuse["Year"] == 2014
    assert table["AvgTone"].isna().all() and table["Actor1EthnicCode"].isna().all()
    assert str(accuse["DATEADDED"]).isdigit() and len(str(accuse["DATEADDED"])) == 14
    graph = runner.invoke(app, ["export", "graphml", "--db", db])
    assert graph.exit_code == 0 and graph.stdout.startswith("<?xml")
    # event edges carry type, QuadClass and Goldstein (RUS accuses USA)
    edge = graph.stdout.split('source="RUS" target="USA">')[1].split("</edge>")[0]
    assert '<data key="type">ACCUSE</data>' in edge and '<data key="quad">3</data>' in edge


def test_out_file_and_date_filter(db: str, tmp_path: Path) -> None:
    target = tmp_path / "statements.jsonl"
    result = runner.invoke(app, ["export", "jsonl", "--dataset", "statements", "--db", db,
                                 "--out", str(target)])
    assert result.exit_code == 0 and target.is_file()
    assert not (tmp_path / "statements.jsonl.part").exists()
    assert all(json.loads(line)["type"] for line in target.read_text("utf-8").splitlines())
    empty = runner.invoke(app, ["export", "jsonl", "--dataset", "events", "--db", db,
                                "--from", "2999-01-01"])
    assert empty.exit_code == 0 and empty.stdout == ""


@pytest.mark.parametrize("args", [["xml"], ["jsonl", "--dataset", "people"],
                                  ["parquet"], ["csv", "--from", "gestern"]])
def test_bad_options_exit_2(db: str, args: list[str]) -> None:
    result = runner.invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 2, result.output
