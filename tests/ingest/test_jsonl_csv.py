"""JSONL and CSV (10kGNAD) readers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lagebild.errors import ErrorCode
from lagebild.ingest import Failure, read_inputs
from lagebild.model import Article, BlockType

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
GNAD = SHARED / "data" / "news" / "10kgnad-test.csv"

TEXT = (
    "  Die Bundesregierung hat am Mittwoch ein neues Klimaschutzprogramm beschlossen.\n\n"
    "Es sieht unter anderem höhere Preise für Kohlendioxid vor, sagte die Ministerin.  \n"
)


def test_jsonl_text_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "artikel.jsonl"
    rows = [
        {"id": "a-1", "text": TEXT, "title": "Klimaprogramm beschlossen",
         "url": "https://example.org/a1", "published": "2024-05-02T10:00:00+02:00",
         "outlet": "Beispielblatt"},
        {"id": 17, "text": "Der Bundestag debattiert am Donnerstag über den Haushalt des "
                           "kommenden Jahres."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n",
                    encoding="utf-8")
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == TEXT
    assert first.source_id == "a-1"
    assert first.headline == "Klimaprogramm beschlossen"
    assert first.url == "https://example.org/a1"
    assert first.published == "2024-05-02T10:00:00+02:00"
    assert first.source.outlet == "Beispielblatt"
    assert len(first.paragraphs) == 2
    for block in first.blocks_of(BlockType.PARAGRAPH):
        assert first.text[block.start : block.end] in first.paragraphs
    assert first.origin is not None and first.origin.record == "line 1"
    assert second.source_id == "17"


def test_jsonl_bad_line_is_failure_and_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "gemischt.jsonl"
    path.write_text(
        '{"id": 1, "text": "Die Bundesregierung hat am Mittwoch ein neues Programm beschlossen."}\n'
        '{"id": 2, "text": \n'
        '{"id": 3}\n',
        encoding="utf-8",
    )
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    assert [i.code for i in items[1:] if isinstance(i, Failure)] == [ErrorCode.E007] * 2
    assert "line 2" in str(items[1])


def test_csv_10kgnad_format() -> None:
    items = list(read_inputs([str(FIXTURES / "10kgnad-sample.csv")]))
    assert [a.section for a in items if isinstance(a, Article)] == [
        "Politik", "Sport", "Wirtschaft"
    ]
    third = items[2]
    assert isinstance(third, Article)
    assert "Entspannung; die Verbraucherpreise" in third.text
    assert third.text.startswith("Die Inflation ist im Mai gesunken.")
    assert third.origin is not None and third.origin.record == "row 3"


@pytest.mark.shared
@pytest.mark.skipif(not GNAD.exists(), reason="10kGNAD test split not present")
def test_csv_real_10kgnad_first_rows(tmp_path: Path) -> None:
    head = tmp_path / "head.csv"
    with GNAD.open("rb") as source:
        lines = [source.readline() for _ in range(5)]
    head.write_bytes(b"".join(lines))
    items = list(read_inputs([str(head)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 5, items
    assert articles[0].section == "Wirtschaft"
    assert articles[0].text.startswith("Die Gewerkschaft GPA-djp")
    assert all(a.language == "de" for a in articles)
