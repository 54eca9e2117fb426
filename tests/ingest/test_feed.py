"""RSS/Atom reader: one article per entry."""

from __future__ import annotations

from pathlib import Path

from lagebild.errors import ErrorCode
from lagebild.ingest import Failure, read_inputs
from lagebild.ingest.feed import html_to_blocks
from lagebild.model import Article, BlockType

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_rss_entries() -> None:
    items = list(read_inputs([str(FIXTURES / "tagesnachrichten.rss")]))
    assert all(isinstance(i, Article) for i in items), items
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.headline == "Bundestag beschließt Haushalt für 2024"
    assert first.section == "Inland"
    assert first.teaser is not None and first.teaser.startswith("Nach monatelangem Streit")
    assert first.subheadings == ["Streit um Agrardiesel"]
    assert len(first.paragraphs) == 2
    assert first.url == "https://www.tagesnachrichten.example/politik/haushalt-2024-101.html"
    assert first.published == "2024-02-02T13:45:00+01:00"
    assert first.source.outlet == "Tagesnachrichten - Politik"
    assert first.source.authors == ["Jonas Weber"]
    assert first.source_id == "tn-haushalt-2024-101"
    assert first.origin is not None and first.origin.record == "tn-haushalt-2024-101"
    assert first.origin.reader == "feed"
    assert second.paragraphs[0].startswith("Die Ministerpräsidenten der Länder")
    assert len(second.paragraphs) == 2
    assert second.published == "2024-02-01T08:10:00+00:00"
    for article in (first, second):
        for block in article.blocks_of(BlockType.PARAGRAPH):
            assert article.block_text(block) in article.paragraphs
        assert "<p>" not in article.text


def test_atom_entries() -> None:
    items = list(read_inputs([str(FIXTURES / "wirtschaftsticker.atom")]))
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.headline == "Inflation in Deutschland sinkt auf 2,5 Prozent"
    assert first.section == "Konjunktur"
    assert first.teaser == (
        "Die Teuerung in Deutschland hat sich weiter abgeschwächt. Vor allem Energie wurde "
        "günstiger."
    )
    assert len(first.paragraphs) == 2
    assert first.published == "2024-03-05T09:30:00+01:00"
    assert first.url == "https://wirtschaftsticker.example/konjunktur/inflation-maerz"
    assert first.source.outlet == "Wirtschaftsticker"
    assert first.source.authors == ["Lea Hoffmann"]
    assert first.source_id == "urn:wt:2024-03-inflation"
    assert second.published == "2024-03-04T17:00:00+00:00"
    assert second.paragraphs[0].startswith("Ein süddeutscher Autobauer")


def test_feed_sniffed_by_content(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_bytes((FIXTURES / "tagesnachrichten.rss").read_bytes())
    items = list(read_inputs([str(path)]))
    assert len(items) == 2 and all(isinstance(i, Article) for i in items)


def test_malformed_feed_keeps_recovered_entries(tmp_path: Path) -> None:
    text = (FIXTURES / "tagesnachrichten.rss").read_text(encoding="utf-8")
    cut = text.index("<item>", text.index("</item>"))
    path = tmp_path / "kaputt.rss"
    path.write_text(text[:cut] + "<item><title>Abgeschnitten", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    assert items[0].headline == "Bundestag beschließt Haushalt für 2024"
    assert isinstance(items[-1], Failure) and items[-1].code is ErrorCode.E005


def test_not_a_feed_is_e005(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>x</ch", encoding="utf-8")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Failure)
    assert item.code is ErrorCode.E005
    assert str(path) in str(item) and "\n" not in str(item)


def test_html_to_blocks() -> None:
    blocks = html_to_blocks("<p>Eins <b>fett</b>.</p><h3>Zwischentitel</h3>Lose<br>Zeile")
    assert blocks == [("p", "Eins fett."), ("head", "Zwischentitel"), ("p", "Lose"),
                      ("p", "Zeile")]
    assert html_to_blocks("Erster Absatz.\n\nZweiter Absatz.") == [
        ("p", "Erster Absatz."), ("p", "Zweiter Absatz.")
    ]
