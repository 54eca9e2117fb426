"""``lagebild relations``: events between two actors per period, counted per event cluster;
a state's relations include its government and office holders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from event_articles import STORY, event_article
from lagebild.cli import app
from lagebild.model import PloverType
from lagebild.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("rel") / "rel.db"
    articles = [
        # one event, three agency copies: counts once
        event_article(STORY, "2015-09-14", "dpa.txt", "dpa", "2015-09-14"),
        event_article(STORY.replace("scharf", "heftig"), "2015-09-15", "afp.txt", "AFP", None),
        event_article(STORY + " Mehr später.", "2015-09-15", "rtr.txt", "Reuters", None),
        # Kerry (USA's foreign minister) meets Lawrow: counts for USA–RUS
        event_article("Kerry hat Lawrow kritisiert, dann trafen sie sich.", "2015-09-30",
                      "kerry.txt", "taz", None, source="per:john-kerry",
                      target="per:sergej-lawrow", plover=PloverType.CONSULT, quad=1,
                      goldstein=1.0),
        # the Russian government answers in October
        event_article("Die russische Regierung hat Washington kritisiert.", "2015-10-03",
                      "rus.txt", "FAZ", None, source="RUSGOV", target="USA"),
        # unrelated pair
        event_article("China hat Japan kritisiert.", "2015-09-20", "chn.txt", "SZ", None,
                      source="CHN", target="JPN"),
    ]
    with Store(path) as store, store.transaction():
        for article in articles:
            store.add(article)
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["relations", *args])
    return result.exit_code, result.stdout, result.stderr


def test_relation_by_month_counts_events_not_reports(store_path: str) -> None:
    code, out, err = run("USA", "Russland", "--by", "month", "--json", "--db", store_path)
    assert code == 0, err
    data = json.loads(out)
    assert "per:john-kerry" in data["a_members"] and "RUSGOV" in data["b_members"]
    periods = {p["period"]: p for p in data["periods"]}
    assert list(periods) == ["2015-09", "2015-10"]
    sep = periods["2015-09"]
    # the copies are one event with three mentions; Kerry–Lawrow is the second
    assert (sep["events"], sep["mentions"], sep["articles"], sep["sources"]) == (2, 4, 4, 4)
    assert (sep["q1"], sep["q3"], sep["a_to_b"], sep["b_to_a"]) == (1, 1, 2, 0)
    assert sep["goldstein_sum"] == -1.0 and sep["goldstein_mean"] == -0.5
    assert {t["type"] for t in sep["top_types"]} == {"ACCUSE", "CONSULT"}
    assert sep["examples"] and "kritisiert" in sep["examples"][0]["text"]
    oct_ = periods["2015-10"]
    assert (oct_["events"], oct_["b_to_a"], oct_["q3"]) == (1, 1, 1)
    # directed: only USA → RUS
    code, out, _ = run("USA", "RUS", "--directed", "--json", "--db", store_path)
    assert [p["period"] for p in json.loads(out)["periods"]] == ["2015-09"]
    # by week and a date range
    code, out, _ = run("USA", "RUS", "--by", "week", "--from", "2015-09-20", "--json",
                       "--db", store_path)
    assert [p["period"] for p in json.loads(out)["periods"]] == ["2015-W40"]  # Sep 30 and Oct 3


def test_counterparts_plot_and_errors(store_path: str, tmp_path: Path) -> None:
    code, out, _ = run("RUS", "--json", "--db", store_path)
    rows = json.loads(out)["counterparts"]
    assert code == 0 and [r["id"] for r in rows][:1] == ["USA"]
    png = tmp_path / "usa-rus.png"
    code, out, err = run("USA", "RUS", "--plot", str(png), "--db", store_path)
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    assert "2015-09" in out
    code, _, err = run("Xyzzy", "RUS", "--db", store_path)
    assert code == 4 and "E020" in err
    code, _, err = run("USA", "RUS", "--by", "decade", "--db", store_path)
    assert code == 2 and "day, week, month, year" in err
