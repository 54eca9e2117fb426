"""Title, authors, date and teaser of web pages (lagebild.ingest.html_meta, html)."""

from __future__ import annotations

import json

from lagebild.ingest.decode import repair_text
from lagebild.ingest.html import parse_html, publisher_rule
from lagebild.ingest.html_meta import split_names

BODY = """<p>Der Landtag hat am Mittwoch mit knapper Mehrheit ein neues Schulgesetz beschlossen.
Künftig sollen Grundschulen mehr Lehrkräfte für Deutsch als Zweitsprache erhalten.</p>
<p>Die Opposition kritisierte die Finanzierung als unzureichend und kündigte an, gegen
einzelne Regelungen vor dem Verfassungsgericht zu klagen.</p>"""


def page(head: str = "", header: str = "", after: str = "", url: str = "") -> str:
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<html><head>{canonical}{head}</head><body><article>
    <header><h1>Landtag beschließt Schulgesetz</h1>{header}</header>{BODY}{after}
    </article></body></html>"""


def ld(obj: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_title_from_json_ld_unescaped_and_without_site_suffix() -> None:
    title = "Schulgesetz: Lehrer f&uuml;r Deutsch - Golem.de"
    head = ld({"@type": "NewsArticle", "headline": title})
    head += '<meta property="og:site_name" content="Golem.de">'
    article = parse_html(page(head))
    assert article.title == "Schulgesetz: Lehrer für Deutsch"
    assert article.headline == "Landtag beschließt Schulgesetz"


def test_publisher_title_rule_prefers_og_title() -> None:
    head = ld({"@type": "NewsArticle", "headline": "SEO: Schulgesetz beschlossen"})
    head += '<meta property="og:title" content="Landtag beschließt Schulgesetz">'
    assert parse_html(page(head)).title == "SEO: Schulgesetz beschlossen"
    ruled = page(head, url="https://www.n-tv.de/politik/schulgesetz.html")
    assert publisher_rule("https://www.n-tv.de/x").title[0] == "og"
    assert parse_html(ruled).title == "Landtag beschließt Schulgesetz"
    assert parse_html(ruled, publisher_rules=False).title == "SEO: Schulgesetz beschlossen"


def test_json_ld_persons_given_and_family_names() -> None:
    author = [{"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"},
              {"@type": "Person", "name": "Elena Oberholzer (obe)"}]
    head = ld({"@type": "NewsArticle", "headline": "h", "author": author})
    assert parse_html(page(head)).source.authors == ["Anna Giulia Fink", "Elena Oberholzer"]


def test_organisation_author_gives_way_to_the_byline() -> None:
    head = ld({"@type": "NewsArticle", "headline": "h",
               "author": {"@type": "Organization", "name": "DER SPIEGEL"}})
    assert parse_html(page(head)).source.authors == ["DER SPIEGEL"]
    byline = '<p class="article__author">Von Seb Dumitru und Max Muster, <b>Redakteur</b></p>'
    assert parse_html(page(head, byline)).source.authors == ["Seb Dumitru", "Max Muster"]


def test_byline_without_class_and_twitter_written_by() -> None:
    assert parse_html(page(header='<p>von <a href="/a">Dr. Max Kolter</a></p>')).source.authors \
        == ["Dr. Max Kolter"]
    head = ('<meta name="author" content="a.sleegers@example.de">'
            '<meta name="twitter:label1" content="Written by">'
            '<meta name="twitter:data1" content="Anna Sleegers">')
    assert parse_html(page(head)).source.authors == ["Anna Sleegers"]
    assert split_names("Themen bearbeiten") == ["Themen bearbeiten"]  # split only …
    junk = '<div class="author-tools">Themen bearbeiten</div>'
    assert parse_html(page(header=junk)).source.authors == []  # … a byline needs names


def test_date_from_a_visible_date_line() -> None:
    line = ('<div class="lineinfo">Do 25.04.24 | 14:07 Uhr | Von '
            '<span class="authorname">Eva Kirchner-Rätsch</span></div>')
    article = parse_html(page(header=line))
    assert article.published == "2024-04-25"
    assert article.source.authors == ["Eva Kirchner-Rätsch"]
    head = '<meta property="article:published:time" content="2024-10-23T15:48:15+00:00">'
    assert parse_html(page(head)).published == "2024-10-23T15:48:15+00:00"


def test_teaser_in_the_header_but_not_another_articles() -> None:
    teaser = ('<p class="article-teaser">In Düsseldorf hat der Landtag ein neues Schulgesetz '
              "beschlossen; die Opposition will klagen.</p>")
    assert parse_html(page(header=teaser)).teaser is not None
    linked = ('<a href="/other"><p class="teaser">Ein anderer Artikel über Schulen in Köln und '
              "Bonn, den die Seite empfiehlt.</p></a>")
    assert parse_html(page(header=linked)).teaser is None
    more = ('<p class="teaser">Ein anderer Artikel über Schulen in Köln und Bonn, den die '
            "Seite empfiehlt. mehr</p>")
    assert parse_html(page(header=more)).teaser is None
    leading = ('<p class="leading-7">Ein Absatz mit einer Zeilenhöhen-Klasse, kein Teaser des '
               "Artikels.</p>")
    assert parse_html(page(header=leading)).teaser is None


def test_closing_sources_list_is_not_body() -> None:
    after = "<p>Quellen:</p><p>Landtag NRW, Stellungnahmen</p><p>WDR Interviews</p>"
    article = parse_html(page(after=after))
    assert len(article.paragraphs) == 2
    assert not any("Interviews" in p for p in article.paragraphs)


def test_repair_text_fixes_mojibake_stretches_only() -> None:
    assert repair_text("<p>Das GesprÃ¤ch</p>\n<p>ganz groß“ hier</p>") == (
        "<p>Das Gespräch</p>\n<p>ganz groß“ hier</p>"
    )


def test_subheading_by_class_and_recovered_headings() -> None:
    after = ('<p class="wp-block-onlineinterline">Opposition will klagen</p>'
             "<p>Die Klage soll noch vor der Sommerpause beim Verfassungsgericht eingehen, "
             "hieß es aus der Fraktion.</p>")
    assert parse_html(page(after=after)).subheadings == ["Opposition will klagen"]

    from lagebild.ingest.html import _recover_headings, _Unit

    units = [_Unit("p", "Erster Absatz des Artikels."),
             _Unit("p", "Zweiter Absatz. Neue Pläne Vor fünf Jahren begann alles."),
             _Unit("p", "In ukrainischen Medien ist die Rede davon.")]
    got = _recover_headings(units, [("Neue Pläne", "Vor fünf Jahren"),
                                    ("Darum wartet Kiew", "In ukrainischen Medien"),
                                    ("Menü", "Startseite Politik Wirtschaft")])
    assert [(u.kind, u.text) for u in got] == [
        ("p", "Erster Absatz des Artikels."), ("p", "Zweiter Absatz."), ("head", "Neue Pläne"),
        ("p", "Vor fünf Jahren begann alles."), ("head", "Darum wartet Kiew"),
        ("p", "In ukrainischen Medien ist die Rede davon."),
    ]
