"""``lagebild brief`` end to end: the example article analysed by the real pipeline (the
issue's acceptance), the demo store with its hostile article, and the error exits."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.api.demo import build_demo_store, hostile_article
from lagebild.cli import app

# module-scoped, so not the function-scoped `example_path` fixture; same path as tests/conftest.py
REPO = Path(__file__).resolve().parents[2]
EXAMPLE = (Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
           / "examples" / "ntv-2015-moskau-sucht-gespraech.txt")
SAMPLES = REPO / "samples"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not EXAMPLE.is_file():
        pytest.skip(f"example article missing: {EXAMPLE}")
    path = tmp_path_factory.mktemp("brief") / "example.db"
    code, _, err = run("ingest", str(EXAMPLE), "--published", "2015-09-18", "--db", str(path))
    assert code == 0, err
    return path


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "demo.db"
    build_demo_store(path, [str(SAMPLES)], extra=[hostile_article()])
    return path


def test_example_month_lists_key_events_and_kerrys_quote(example_store: Path) -> None:
    code, out, err = run("brief", "--month", "2015-09", "--format", "json",
                         "--db", str(example_store))
    assert code == 0, err
    brief = json.loads(out)
    events = [e for items in brief["events"].values() for e in items]
    sanction = [e for e in events if e["type"] == "SANCTION"]
    assert sanction and sanction[0]["date"] == "2014-03"
    assert "auf Eis gelegt" in sanction[0]["evidence"][0]["text"]
    accuse = [e for e in events if e["type"] == "ACCUSE"
              and any(a["name"] == "Ban Ki Moon" for a in e["source"])]
    assert accuse and "kritisierte" in accuse[0]["evidence"][0]["text"]
    kerry = next(s for s in brief["speakers"] if s["speaker"]["name"] == "John Kerry")
    quote = next(st for st in kerry["statements"] if "bare Münze" in st["text"])
    assert quote["type"] == "Direct" and quote["cue"] == "stellte … klar"
    ev = quote["evidence"]
    assert ev["end"] - ev["start"] == len(ev["text"]) and "bare Münze" in ev["text"]
    for item in [*events, *[st for s in brief["speakers"] for st in s["statements"]]]:
        for e in item["evidence"] if isinstance(item["evidence"], list) else [item["evidence"]]:
            assert e["href"] == f"#/article/{e['article_id']}?hl={e['start']}-{e['end']}"


def test_example_html_is_one_file_with_a_chart(example_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    code, _, err = run("brief", "2015-W38", "--format", "html", "--out", str(target),
                       "--db", str(example_store))
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") >= 2 and "<script" not in html
    assert not re.search(r'(src|href)="(?!http://127\.0\.0\.1:8000/#/)', html)
    assert "Wir nehmen nichts für bare Münze" in html


def test_markdown_on_the_demo_store_escapes_hostile_text(demo_store: Path) -> None:
    code, out, err = run("brief", "2006-06", "--db", str(demo_store))
    assert code == 0, err
    assert out.startswith("# Lagebild 2006-06")
    assert re.search(r"(?<!\\)<(img|script|b>)", out) is None  # markup only as \\<…
    assert "\\<img src=x onerror=alert(1)\\>" in out
    html_code, html, _ = run("brief", "2006-06", "--format", "html", "--db", str(demo_store))
    assert html_code == 0
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>Angela Merkel</b>" not in html


@pytest.mark.parametrize(("args", "code", "message"), [
    (("2015-13",), 2, "E025"),
    (("2015-09", "--month", "2015-08"), 2, "E027"),
    (("2006-06", "--actor", "Niemand Unbekannt"), 4, "E028"),
])
def test_errors(demo_store: Path, args: tuple[str, ...], code: int, message: str) -> None:
    got, _, err = run("brief", *args, "--db", str(demo_store))
    assert got == code
    assert message in err


def test_actor_option_and_last_days(demo_store: Path) -> None:
    code, out, err = run("brief", "last 30 days", "--actor", "Iran", "--format", "json",
                         "--db", str(demo_store))
    assert code == 0, err
    brief = json.loads(out)
    assert brief["actors"][0]["name"] == "Iran"
    assert brief["period"]["to"] == "2006-06-30"
