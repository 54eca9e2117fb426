"""Issue acceptance on real text: the example article (n-tv, 2015-09-18) plus the archive's
articles naming the USA and Russia, analysed the way ``lagebild ingest`` does; then
``lagebild relations USA RUS --by month`` has 2015-09, ``--plot`` writes a PNG and the GDELT
export has 61 columns.

A subset of samples-archive/ keeps the test short (full analysis of all 336 articles takes
minutes; its figures are in docs/STATUS.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app

ARCHIVE = Path(__file__).resolve().parents[1] / "samples-archive" / "wikinews-archive.jsonl"
BOTH = re.compile(r"\b(USA|Vereinigten Staaten)\b.*\b(Russland|Moskau)\b", re.S)
runner = CliRunner()


def test_usa_russia_by_month_on_real_text(tmp_path: Path, example_path: Path) -> None:
    subset = tmp_path / "usa-rus.jsonl"
    lines = [line for line in ARCHIVE.read_text("utf-8").splitlines()
             if BOTH.search(json.loads(line)["text"])][:4]
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    ingest = runner.invoke(app, ["ingest", str(example_path), str(subset), "--db", db, "-q",
                                 "--published", "2015-09-18"])  # the dump carries no date
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["relations", "USA", "RUS", "--by", "month", "--json",
                                 "--db", db])
    assert result.exit_code == 0, result.output
    periods = {p["period"]: p for p in json.loads(result.stdout)["periods"]}
    assert "2015-09" in periods
    sep = periods["2015-09"]
    assert sep["events"] >= 1 and sep["q1"] + sep["q2"] + sep["q3"] + sep["q4"] >= 1
    assert sep["goldstein_mean"] is not None and sep["examples"][0]["text"]
    png = tmp_path / "rel.png"
    assert runner.invoke(app, ["relations", "USA", "RUS", "--plot", str(png), "--db", db]
                         ).exit_code == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    gdelt = runner.invoke(app, ["export", "gdelt", "--db", db])
    rows = gdelt.stdout.splitlines()
    assert rows and all(len(r.split("\t")) == 61 for r in rows)
