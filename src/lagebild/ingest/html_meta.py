"""Article metadata of a web page: title, authors, publication date.

Read from the untouched DOM, in this order of trust:

* the page's JSON-LD article object (``NewsArticle`` …): ``headline``, ``author``,
  ``datePublished``;
* meta tags (``og:title``, ``author``, ``twitter:data1`` "Written by", dates);
* the visible byline near the headline (``Von Anna Muster``, an ``author`` element).

Which title a publisher means as *the* title differs (the SEO ``headline`` of JSON-LD, the
social ``og:title`` or the visible ``h1``); the default order is JSON-LD, og:title, h1, and
a publisher whose pages say otherwise gets a ``title`` order in ``data/html-rules.toml``.
An organisation named as author (``DER SPIEGEL``, ``Redaktion hessenschau.de``) is kept
only when the page names no person: that is how the page itself credits the text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from datetime import date

import lxml.html
from lxml import etree

from lagebild.ingest.dates import normalise_date, parse_german_date

_WS = re.compile(r"\s+")
_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|LiveBlogPosting|Report)$")
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\s+und\s+|\s+and\s+|\s+&\s+|\s+/\s+|\|)\s*")
_BYLINE_PREFIX = re.compile(r"^(?:von|by|autor(?:in)?(?:/autor)?|text)\s*:?\s+", re.I)
_INITIALS = re.compile(r"\s*\([\w.]{1,6}\)$")  # ``Elena Oberholzer (obe)``
_BYLINE_CLASS = re.compile(r"author|byline|autor|verfasser", re.I)
_BYLINE_LABEL = re.compile(r"^(?:von|by|autor(?:in)?(?:/autor)?|text)\b\s*:?\s*", re.I)
_WRITTEN_BY = re.compile(
    r"^(?:written by|verfasst von|geschrieben von|autor(?:in)?(?:/autor)?)\s*:?$", re.I
)
_NOT_NAME = re.compile(r"@|https?:|www\.")
# a byline name: two to five words, the first capitalised (``Anna Muster``, ``Dr. Max Kolter``)
_PERSON = re.compile(r"[A-ZÄÖÜ][\w.'’-]*(?:\s+(?:[A-ZÄÖÜ][\w.'’-]*|von|van|de|der|zu))+")
_VON = re.compile(r"^(?:von|by)(?:\s+[A-ZÄÖÜ]|$)", re.I)
_DATE_CLASS = re.compile(r"date|datum|time|lineinfo|dateline|meta", re.I)
_SHORT_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b")  # 25.04.24, 28.04.2023
_SKIP_ANCESTORS = {"nav", "footer", "aside", "script", "style", "noscript", "form"}
_DATE_META = (
    "article:published_time",
    "article:published:time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "parsely-pub-date",
)
TITLE_SOURCES = ("ld", "og", "h1")


def norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def text_of(el: etree._Element) -> str:
    return norm("".join(el.itertext()))


def meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    """The first non-empty ``content`` of a meta tag named one of ``names`` (in that order)."""
    wanted = {name.lower(): rank for rank, name in enumerate(names)}
    found: dict[int, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        rank = wanted.get(key)
        if rank is not None and rank not in found:
            value = norm(el.get("content"))
            if value:
                found[rank] = value
    return found[min(found)] if found else None


# --------------------------------------------------------------------------- JSON-LD
def ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, object]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack[:0] = graph
                main = item.get("mainEntity")
                if isinstance(main, dict):
                    stack.insert(0, main)


def ld_article(tree: lxml.html.HtmlElement) -> dict[str, object] | None:
    """The page's own article object in its JSON-LD (NewsArticle, ReportageNewsArticle …)."""
    for obj in ld_objects(tree):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
            return obj
    return None


def ld_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        given, family = value.get("givenName"), value.get("familyName")
        parts = [p for p in (given, family) if isinstance(p, str) and p.strip()]
        return [" ".join(parts)] if parts else []
    if isinstance(value, list):
        return [n for item in value for n in ld_names(item)]
    return []


def _is_organisation(value: object) -> bool:
    kind = value.get("@type") if isinstance(value, dict) else None
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and "Organization" in k for k in kinds)


# --------------------------------------------------------------------------- title
def strip_site(title: str, sitename: str | None) -> str:
    """``Headline | Site`` → ``Headline`` (also ``- Site`` when the tail names the site)."""
    for sep in (" | ", " – ", " - "):
        head, found, tail = title.rpartition(sep)
        if found and head and len(tail) <= 30 and (
            sep == " | " or (sitename and letters(sitename) in letters(tail))
        ):
            return head.strip()
    return title


def letters(text: str) -> str:
    return re.sub(r"[^a-zäöüß]", "", text.lower())


def title_candidates(
    tree: lxml.html.HtmlElement,
    article: dict[str, object] | None,
    headline: str | None,
    sitename: str | None,
) -> dict[str, str]:
    """The page's titles by source: ``ld`` (JSON-LD headline), ``og`` (og:title), ``h1``."""
    out: dict[str, str] = {}
    ld = article.get("headline") if article is not None else None
    if isinstance(ld, str) and norm(ld):
        out["ld"] = strip_site(norm(html.unescape(ld)), sitename)
    og = meta(tree, "og:title", "twitter:title")
    if og:
        out["og"] = strip_site(norm(html.unescape(og)), sitename)
    if headline:
        out["h1"] = headline
    return out


def choose_title(candidates: dict[str, str], order: Sequence[str] = TITLE_SOURCES) -> str | None:
    for source in order:
        if candidates.get(source):
            return candidates[source]
    return None


# --------------------------------------------------------------------------- authors
def split_names(text: str) -> list[str]:
    """``Von Anna Muster und Max Beispiel`` → the names."""
    text = _BYLINE_PREFIX.sub("", norm(text))
    names = [_INITIALS.sub("", norm(_BYLINE_PREFIX.sub("", n))) for n in _NAME_SPLIT.split(text)]
    return [n for n in names if n and len(n) <= 60 and not _NOT_NAME.search(n)]


def _skipped(el: etree._Element) -> bool:
    return any(
        isinstance(a.tag, str) and a.tag.lower() in _SKIP_ANCESTORS for a in el.iterancestors()
    )


def _pieces(el: etree._Element) -> str:
    """The element's text pieces joined by commas (``<b>Anna Muster</b><i>Redakteurin</i>``)."""
    return ", ".join(p for p in (norm(t) for t in el.itertext()) if p)


def _person_names(text: str) -> list[str]:
    return [n for n in split_names(text) if _PERSON.fullmatch(n) and len(n.split()) <= 5]


def _byline(tree: lxml.html.HtmlElement, h1: etree._Element | None) -> list[str]:
    """Names of the visible byline: an author-like element (or ``Von …``) near the headline."""
    scope: etree._Element = tree
    if h1 is not None:  # the byline sits in the article header, near the h1
        for ancestor in list(h1.iterancestors())[:5]:
            scope = ancestor
    for el in scope.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "img"):
            continue
        marked = _BYLINE_CLASS.search(f"{el.get('class') or ''} {el.get('itemprop') or ''}")
        if not marked and not (el.tag in ("p", "span", "div") and _VON.match(norm(el.text))):
            continue
        if _skipped(el):
            continue
        text = _pieces(el)
        if not text or len(text) > 120:
            continue
        names = _person_names(text)
        if names:
            return names
    for label in tree.iter("strong", "b", "dt", "span"):
        if _WRITTEN_BY.match(text_of(label)) and label.tail and norm(label.tail):
            names = _person_names(label.tail)
            if names:
                return names
    return []


def page_authors(
    tree: lxml.html.HtmlElement,
    article: dict[str, object] | None,
    h1: etree._Element | None,
    sites: Sequence[str],
) -> list[str]:
    """Persons credited with the article; an organisation only when no person is named."""
    organisations: list[str] = []
    if article is not None:
        raw = article.get("author")
        items = raw if isinstance(raw, list) else [raw]
        people = [n for item in items if not _is_organisation(item)
                  for name in ld_names(item) for n in split_names(name)]
        organisations = [norm(n) for item in items if _is_organisation(item)
                         for n in ld_names(item) if norm(n)]
        people = [n for n in people if not _is_outlet(n, sites)] or people
        if people and not all(_is_outlet(n, sites) for n in people):
            return list(dict.fromkeys(people))
        organisations = [*people, *organisations]
    written = _twitter_written_by(tree)
    if written:
        return written
    byline = [n for n in _byline(tree, h1) if not _is_outlet(n, sites)]
    if byline:
        return list(dict.fromkeys(byline))
    if organisations:
        return list(dict.fromkeys(organisations))
    # a meta author naming the outlet credits no one (the closing source line may)
    author = meta(tree, "author", "article:author", "dc.creator", "sailthru.author")
    return [n for n in split_names(author or "") if not _is_outlet(n, sites)]


def _twitter_written_by(tree: lxml.html.HtmlElement) -> list[str]:
    direct = meta(tree, "twitter:misc:Written by")
    if direct:
        return split_names(direct)
    for n in range(1, 4):
        label = meta(tree, f"twitter:label{n}")
        if label and _WRITTEN_BY.match(label):
            return split_names(meta(tree, f"twitter:data{n}") or "")
    return []


def _is_outlet(name: str, sites: Sequence[str]) -> bool:
    """``MDR THÜRINGEN`` on mdr.de, ``n-tv NACHRICHTEN`` on n-tv.de: the outlet, not a person."""
    first = letters(name.split()[0]) if name.split() else ""
    for site in sites:
        # a host names the outlet by its domain label (``n-tv`` of www.n-tv.de)
        key = letters(site.split(".")[-2] if "." in site and " " not in site else site)
        if key and ((len(first) >= 3 and first in key) or key in letters(name)):
            return True
    return False


# --------------------------------------------------------------------------- date
def page_date(
    tree: lxml.html.HtmlElement, article: dict[str, object] | None, h1: etree._Element | None
) -> str | None:
    """The publication date: JSON-LD, meta tags, the first ``time`` element, a date line."""
    if article is not None:
        value = article.get("datePublished") or article.get("dateCreated")
        if isinstance(value, str) and normalise_date(value):
            return normalise_date(value)
    found = normalise_date(meta(tree, *_DATE_META))
    if found:
        return found
    for time_el in tree.iter("time"):
        stamp = normalise_date(time_el.get("datetime")) or parse_german_date(text_of(time_el))
        if stamp:
            return stamp
    return _visible_date(tree, h1)


def _visible_date(tree: lxml.html.HtmlElement, h1: etree._Element | None) -> str | None:
    """Last resort: a date line near the headline (``Do 25.04.24 | 14:07 Uhr``, ``Datum``)."""
    scope: etree._Element = tree
    if h1 is not None:
        for ancestor in list(h1.iterancestors())[:5]:
            scope = ancestor
    for el in scope.iter("div", "span", "p", "li"):
        if _skipped(el):
            continue
        dated = _DATE_CLASS.search(el.get("class") or "") or (
            el.tag == "li" and norm(el.findtext("strong")).lower() == "datum"
        )
        text = text_of(el) if dated else ""
        if not text or len(text) > 80:
            continue
        found = parse_german_date(text) or _short_date(text)
        if found:
            return found
    return None


def _short_date(text: str) -> str | None:
    match = _SHORT_DATE.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    year += 2000 if year < 100 else 0
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
