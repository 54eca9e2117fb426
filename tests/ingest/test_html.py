"""HTML reader: trafilatura plus kicker, teaser, figures, subheadings and source line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import Failure, read_inputs
from lagebild.ingest.html import article_from_html, declared_charset, parse_html
from lagebild.model import Article, BlockType
from lagebild.settings import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NTV = FIXTURES / "ntv-2015-fluechtlinge-grenzkontrollen.html"
RUNDSCHAU = FIXTURES / "rundschau-2023-waermepumpen.html"


def read_one(path: Path) -> Article:
    items = list(read_inputs([str(path)]))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def assert_blocks_match_fields(article: Article) -> None:
    spans = {b.type: [] for b in article.blocks}  # type: dict[BlockType, list[str]]
    for block in article.blocks:
        spans[block.type].append(article.text[block.start : block.end])
    assert spans.get(BlockType.PARAGRAPH, []) == article.paragraphs
    assert spans.get(BlockType.SUBHEADING, []) == article.subheadings
    assert spans.get(BlockType.HEADLINE, [None])[0] == article.headline
    assert spans.get(BlockType.KICKER, [None])[0] == article.kicker
    assert spans.get(BlockType.TEASER, [None])[0] == article.teaser
    for block in article.blocks_of(BlockType.CAPTION, BlockType.CREDIT, BlockType.IMAGE):
        assert block.image is not None
        image = article.images[block.image]
        expected = {"image": image.file, "caption": image.caption, "credit": image.credit}
        assert article.text[block.start : block.end] == expected[block.type.value]


def test_ntv_page_structure() -> None:
    article = read_one(NTV)
    assert article.origin is not None and article.origin.reader == "html"
    assert article.section == "Politik"
    assert article.kicker == "Grenzkontrollen in Bayern"
    assert article.headline == "Tausende Flüchtlinge warten an der Grenze"
    assert article.teaser is not None
    assert article.teaser.startswith("Seit Sonntag kontrolliert die Bundespolizei")
    assert [(i.file, i.caption, i.credit) for i in article.images] == [
        ("58301200.jpg",
         "Am Salzburger Hauptbahnhof warten Flüchtlinge auf einen Zug nach Deutschland.",
         "picture alliance / dpa"),
        ("58301288.jpg", "Thomas de Maizière will die Kontrollen vorerst beibehalten.",
         "REUTERS"),
    ]
    assert article.subheadings == ["Kritik aus Wien und Brüssel"]
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("Nach der Wiedereinführung")
    assert not any("Quelle" in p or "Anzeige" in p or "Foto" in p for p in article.paragraphs)
    assert not any("Impressum" in p or "Ungarn schließt" in p for p in article.paragraphs)
    assert article.source.outlet == "n-tv.de"
    assert article.source.authors == ["mli"]
    assert article.source.agencies == ["dpa", "AFP"]
    assert article.published == "2015-09-15T14:32:00+02:00"
    assert article.url == (
        "https://www.n-tv.de/politik/Tausende-Fluechtlinge-warten-an-der-Grenze-"
        "article15934521.html"
    )
    assert article.language == "de"
    assert_blocks_match_fields(article)
    assert Article.from_json(article.to_json()) == article


def test_second_layout_latin1_kicker_line_meta_teaser() -> None:
    assert declared_charset(RUNDSCHAU.read_bytes()) == "iso-8859-1"
    article = read_one(RUNDSCHAU)
    assert article.kicker == "Energiewende"
    assert article.headline == "Stadtwerke setzen auf Wärmepumpen am Rhein"
    assert article.section == "Wirtschaft"
    assert article.teaser is not None
    assert article.teaser.startswith("Die Stadtwerke Köln wollen bis 2030")
    assert [(i.file, i.caption, i.credit) for i in article.images] == [
        ("waermepumpe-niehl-1.jpg",
         "Auf dem Gelände des Kraftwerks Niehl entsteht die erste Großwärmepumpe.",
         "Rheinische Rundschau/Max Muster"),
    ]
    credit = article.blocks_of(BlockType.CREDIT)[0]
    assert article.text[credit.start - 7 : credit.start] == "(Bild: "
    assert article.subheadings == ["Kritik an den Kosten"]
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Die erste Anlage im Stadtteil Niehl")
    assert article.published == "2023-03-07T09:15:00+01:00"
    assert article.url is not None and article.url.endswith("stadtwerke-waermepumpen-100.html")
    assert article.source.outlet
    assert article.source.authors == ["Anna Schmidt"]
    assert_blocks_match_fields(article)


def test_url_and_date_arguments() -> None:
    html = NTV.read_text(encoding="utf-8").replace("2015-09-15T14:32:00+02:00", "")
    article = parse_html(html, url="https://example.org/x", published="2015-09-16T08:00:00Z")
    assert article.url == "https://example.org/x"
    assert article.published is not None and article.published.startswith("2015-09-1")


def test_kicker_span_without_class_and_credit_prefix() -> None:
    html = """<html><head><title>t</title></head><body><article>
    <h1><span>Nach dem Unwetter</span><span>Aufräumarbeiten in Bayern laufen</span></h1>
    <figure><img src="/img/unwetter.webp"><figcaption>Feuerwehrleute räumen eine Straße.
    <span class="copyright">Foto: dpa</span></figcaption></figure>
    <p>In weiten Teilen Bayerns haben nach den schweren Unwettern die Aufräumarbeiten begonnen.
    Hunderte Einsatzkräfte waren die ganze Nacht im Einsatz, wie die Polizei mitteilte.</p>
    <p>Besonders betroffen waren die Landkreise Rosenheim und Traunstein. Dort wurden zahlreiche
    Keller überflutet, mehrere Straßen mussten gesperrt werden.</p>
    </article></body></html>"""
    article = parse_html(html)
    assert article.kicker == "Nach dem Unwetter"
    assert article.headline == "Aufräumarbeiten in Bayern laufen"
    assert [(i.file, i.caption, i.credit) for i in article.images] == [
        ("unwetter.webp", "Feuerwehrleute räumen eine Straße.", "dpa")
    ]
    assert len(article.paragraphs) == 2
    assert_blocks_match_fields(article)


def test_malformed_html_still_yields_text(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.html"
    path.write_text(
        "<html><body><div><p>Die Bundesregierung hat am Dienstag neue Hilfen für Landwirte "
        "beschlossen, die unter der Dürre leiden.<p>Agrarministerin Klöckner sprach von einem "
        "wichtigen Signal für die Betriebe<div><b>und ihre Familien</i></td>",
        encoding="utf-8",
    )
    article = read_one(path)
    assert any("Landwirte" in p for p in article.paragraphs)


def test_page_without_text_is_e006() -> None:
    with pytest.raises(LagebildError) as info:
        parse_html("<html><head><title>Leer</title></head><body><nav>Menü</nav></body></html>")
    assert info.value.code is ErrorCode.E006


def test_oversized_page_is_e008() -> None:
    with pytest.raises(LagebildError) as info:
        article_from_html(b"<html>" + b"x" * 5000, Options(max_chars=1000))
    assert info.value.code is ErrorCode.E008


def test_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "seite"
    path.write_bytes(NTV.read_bytes())
    article = read_one(path)
    assert article.origin is not None and article.origin.reader == "html"


def test_no_text_page_is_failure(tmp_path: Path) -> None:
    path = tmp_path / "leer.html"
    path.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Failure)
    assert item.code is ErrorCode.E006
    assert str(path) in str(item)


ARTICLE = """<p>Der Landtag hat am Mittwoch mit knapper Mehrheit ein neues Schulgesetz beschlossen.
Künftig sollen Grundschulen mehr Lehrkräfte für Deutsch als Zweitsprache erhalten.</p>
<p>Die Opposition kritisierte die Finanzierung als unzureichend und kündigte an, gegen
einzelne Regelungen vor dem Verfassungsgericht zu klagen.</p>"""


def test_page_furniture_is_dropped() -> None:
    html = f"""<html><head><title>t</title></head><body>
    <nav><a href="/">Startseite</a></nav>
    <div class="cookie-consent"><p>Wir verwenden Cookies, um Ihnen das beste Erlebnis zu
    bieten. Mit Klick auf Zustimmen akzeptieren Sie dies.</p></div>
    <article><h1>Landtag beschließt Schulgesetz</h1>
    <p class="article-teaser">Mehr Lehrkräfte für Deutsch als Zweitsprache: Das neue Gesetz
    soll Grundschulen entlasten.</p>
    {ARTICLE}
    <div class="newsletter-box"><p>Jeden Morgen die wichtigsten Nachrichten aus dem Landtag
    direkt in Ihr Postfach.</p></div>
    <div class="c-share-bar"><p>Teilen Sie diesen Artikel mit Ihren Freundinnen und
    Freunden auf allen Kanälen.</p></div>
    <ul><li><a href="/a">Kita-Streik in Köln dauert an und trifft viele Eltern hart</a></li>
    <li><a href="/b">Neue Radwege für die Innenstadt sind beschlossene Sache</a></li></ul>
    <p>Mehr zum Thema: Schulpolitik</p>
    </article>
    <div class="teaser"><a href="/c"><p>Bahnstreik: Was Pendler jetzt wissen müssen, wenn
    sie morgen früh zur Arbeit fahren wollen</p></a></div>
    </body></html>"""
    article = parse_html(html)
    assert article.teaser is not None and article.teaser.startswith("Mehr Lehrkräfte")
    assert len(article.paragraphs) == 2, article.paragraphs
    for furniture in ("Cookies", "Postfach", "Teilen", "Kita-Streik", "Mehr zum Thema",
                      "Bahnstreik", "Startseite"):
        assert furniture not in article.text, furniture


def test_short_line_after_image_is_its_caption() -> None:
    html = f"""<html><body><article><h1>Landtag beschließt Schulgesetz</h1>
    {ARTICLE.replace("</p>", "</p><img src='/img/landtag.jpg'><p>Der Landtag in Düsseldorf"
                     "</p>", 1)}
    </article></body></html>"""
    article = parse_html(html)
    assert [(i.file, i.caption) for i in article.images] == [
        ("landtag.jpg", "Der Landtag in Düsseldorf")
    ]
    assert len(article.paragraphs) == 2
    assert_blocks_match_fields(article)


def test_page_of_only_furniture_is_e014() -> None:
    html = """<html><body><h1>Ressort Politik</h1>
    <p>Alle Artikel im Überblick</p><p>Kontakt und Impressum</p></body></html>"""
    with pytest.raises(LagebildError) as info:
        parse_html(html)
    assert info.value.code is ErrorCode.E014
    assert "words" in info.value.message


def test_rules_file_is_valid() -> None:
    from lagebild.ingest.html import is_furniture_line, rules

    assert "newsletter" in rules().class_words
    assert is_furniture_line("Mehr zum Thema")
    assert is_furniture_line("Foto: picture alliance / dpa")
    assert not is_furniture_line("Mehr als 400 Feuerwehrleute protestierten vor dem Landtag.")
