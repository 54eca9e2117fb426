"""``lagebild eval html``: data layout, metrics, and the reader's scores on the fundus pages."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.eval.html import Expected, load_pages, prf, score_article, tokens
from lagebild.ingest.html import parse_html

PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{date}T08:00:00+02:00">
<meta name="author" content="Erika Muster"></head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>{title}</h1>
<p class="teaser">{teaser}</p>
<p>{para1}</p><h2>{head}</h2><p>{para2}</p></article>
<aside><h3>Mehr zum Thema</h3><ul><li><a href="/x">Ein ganz anderer Artikel über Wetter
und Sport in der Region</a></li></ul></aside>
</body></html>"""

FIELDS = {
    "title": "Stadtrat beschließt neuen Haushalt",
    "date": "2024-03-05",
    "teaser": "Nach langer Debatte hat der Stadtrat den Haushalt für das kommende Jahr "
    "beschlossen. Die Opposition stimmte dagegen.",
    "para1": "Mit 31 zu 24 Stimmen billigte der Rat am Dienstagabend den Entwurf der "
    "Kämmerin. Er sieht Ausgaben von 1,2 Milliarden Euro vor, vor allem für Schulen.",
    "head": "Streit um die Schulden",
    "para2": "Die Opposition kritisierte die neuen Kredite. Ihr Sprecher sagte, die Stadt "
    "lebe über ihre Verhältnisse und belaste kommende Generationen.",
}


def _expected_json(**over: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "title": FIELDS["title"],
        "authors": ["Erika Muster"],
        "publishing_date": f"{FIELDS['date']} 08:00:00",
        "body": {
            "summary": [FIELDS["teaser"]],
            "sections": [
                {"headline": [], "paragraphs": [FIELDS["para1"]]},
                {"headline": [FIELDS["head"]], "paragraphs": [FIELDS["para2"]]},
            ],
        },
    }
    entry.update(over)
    return entry


def _write_set(root: Path) -> Path:
    folder = root / "de"
    folder.mkdir(parents=True)
    (folder / "Blatt_2024_03_05.html.gz").write_bytes(
        gzip.compress(PAGE.format(**FIELDS).encode())
    )
    other = dict(FIELDS, date="2023-01-02", title="Ein älterer Artikel im Blatt")
    (folder / "Blatt_2023_01_02.html").write_text(PAGE.format(**other), encoding="utf-8")
    versions = {"V1": _expected_json(title=other["title"], publishing_date="2023-01-02"),
                "V1_1": _expected_json()}
    (folder / "Blatt.json").write_text(json.dumps(versions), encoding="utf-8")
    (folder / "meta.info").write_text(json.dumps({}), encoding="utf-8")
    return root


def test_prf_is_a_multiset_overlap() -> None:
    gold = tokens(["Der Rat, der Rat!"])
    assert gold == Counter({"der": 2, "rat": 2})
    assert prf(tokens(["der Rat"]), gold) == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3}
    score = prf(tokens(["der Rat", "Newsletter abonnieren"]), gold)
    assert score["precision"] == 0.5 and score["recall"] == 0.5
    assert prf(Counter(), gold)["f1"] == 0.0


def test_pages_map_to_versions_in_date_order(tmp_path: Path) -> None:
    pages = load_pages(_write_set(tmp_path))
    assert [(p.path.name, p.key) for p in pages] == [
        ("Blatt_2023_01_02.html", "V1"), ("Blatt_2024_03_05.html.gz", "V1_1")
    ]
    assert pages[0].expected.title == "Ein älterer Artikel im Blatt"
    assert pages[1].expected.headlines == [FIELDS["head"]]
    assert pages[1].expected.date == "2024-03-05"


def test_more_versions_than_pages_is_an_error(tmp_path: Path) -> None:
    root = _write_set(tmp_path)
    (root / "de" / "Blatt_2023_01_02.html").unlink()
    with pytest.raises(ValueError, match="2 expected versions but 1 pages"):
        load_pages(root)


def test_score_article_counts_furniture_against_precision() -> None:
    article = parse_html(PAGE.format(**FIELDS))
    expected = Expected(FIELDS["title"], ["Erika Muster"], FIELDS["date"], [FIELDS["teaser"]],
                        [FIELDS["para1"], FIELDS["para2"]], [FIELDS["head"]])
    scored = score_article(article, expected)
    assert scored["body"]["f1"] == 1.0, (article.teaser, article.paragraphs)
    assert scored["title"] == 1.0 and scored["date"] == 1.0
    assert scored["subheadings"] == 1.0 and scored["authors"] == 1.0
    # the same page read as if the related links were article text
    polluted = article.model_copy(update={"paragraphs": [
        *article.paragraphs, "Ein ganz anderer Artikel über Wetter und Sport in der Region"]})
    scored = score_article(polluted, expected)
    assert scored["body"]["precision"] < 0.9 and scored["body"]["recall"] == 1.0
    assert scored["extra"] == ["Ein ganz anderer Artikel über Wetter und Sport in der Region"]
    wrong = article.model_copy(update={"published": "2024-03-06", "headline": "Anders",
                                           "title": "Anders"})
    scored = score_article(wrong, expected)
    assert scored["date"] == 0.0 and scored["title"] == 0.0


def test_cli_json_and_table(tmp_path: Path) -> None:
    root = _write_set(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "html", str(root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overall"]["pages"] == 2 and data["overall"]["failed"] == 0
    assert data["overall"]["body_f1"] == 1.0
    assert 0.0 < data["overall"]["trafilatura_f1"] <= 1.0
    assert set(data["publishers"]) == {"Blatt"}
    result = runner.invoke(app, ["eval", "html", str(root), "--no-trafilatura", "--pages"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Blatt_2023_01_02.html" in result.output and "2 pages, 0 failed" in result.output


def test_cli_empty_dir_is_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "html", str(tmp_path)])
    assert result.exit_code == 2
    assert "no pages" in result.output
