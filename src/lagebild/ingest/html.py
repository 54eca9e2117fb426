"""HTML article pages: trafilatura for main text and metadata, plus the structure it drops.

Page furniture (navigation, other articles' teasers, newsletter, cookie and share boxes,
comments) is removed first by the rules in ``data/html-rules.toml``; trafilatura then finds
the article body (paragraphs, ``h2``/``h3`` subheadings, images) in what is left. Metadata
(title, authors, date, publisher) comes from the page's JSON-LD article object and meta
tags. Plain trafilatura output loses what makes a news page a news page, so it is recovered
from the page itself:

* the kicker (Dachzeile): a ``span``/``em``/``strong`` opening the ``h1`` before the
  headline, or an element with a kicker-like class just before the ``h1``;
* the teaser: a paragraph with a teaser-like class, else the first body paragraph when
  it is what the page's meta description says;
* figure images with file name, caption (``figcaption``) and credit (``small``,
  ``.credit``, ``data-credit``, ``(Foto: …)`` text);
* the closing ``Quelle: …`` line (outlet, author initials, agencies).

``article_from_html`` is shared with the WARC reader.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import PurePosixPath
from urllib.parse import SplitResult, unquote, urlsplit

import lxml.html
from lxml import etree

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import html_meta
from lagebild.ingest.base import InputFile, Item, origin, register_reader
from lagebild.ingest.dates import normalise_date
from lagebild.ingest.decode import decode_bytes
from lagebild.ingest.textdump import parse_source_line
from lagebild.model import Article, ArticleBuilder, BlockType, Source
from lagebild.settings import Options

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_WS = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_KICKER_CLASS = re.compile(
    r"kicker|dachzeile|topline|overline|roofline|spitzmarke|eyebrow|supertitle|"
    r"pretitle|headline-intro|title__kicker|flag",
    re.I,
)
_TEASER_CLASS = re.compile(
    r"teaser|intro|lead(?!ing)|lede|standfirst|summary|abstract|vorspann", re.I
)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|author|photographer|urheber", re.I)
_CREDIT_PREFIX = re.compile(
    r"^\(?\s*(?:©|\(c\)|Copyright)?\s*(?:(?:Foto|Fotos|Bild|Bilder|Grafik|Illustration|"
    r"Screenshot|Quelle|Video|Photo)\s*:\s*)?(?:©\s*)?(?P<credit>.+?)\s*\)?$",
    re.I,
)
_INLINE_CREDIT = re.compile(
    r"\s*\(\s*(?:Foto|Fotos|Bild|Bilder|Grafik|Illustration|Screenshot|Quelle|Photo)\s*:"
    r"\s*(?P<credit>[^()]+?)\s*\)\s*$",
    re.I,
)
_SOURCE = re.compile(r"^Quelle\s*:\s*(.+)$")
_RELATED = re.compile(
    r"^(?:Mehr zum Thema|Mehr dazu|Lesen Sie auch|Auch interessant|Weitere Artikel|"
    r"Mehr Videos|Zum Video|Zur Bilderserie|Das könnte Sie auch interessieren)\b",
    re.I,
)
_MIN_WORDS = 12  # fewer words in teaser + paragraphs: not an article body (E014)
_MIN_SENTENCE_WORDS = 8  # … or no paragraph is as long as a sentence
_SKIP_ANCESTORS = {"nav", "footer", "aside", "script", "style", "noscript", "form", "header"}
_IMAGE_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")
_SECTION_BLACKLIST = {"startseite", "home", "homepage", "nachrichten", "news"}


def norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _urlsplit(url: str) -> SplitResult:
    """``urlsplit`` that never raises (a stray "[" is "Invalid IPv6 URL"; found by fuzzing)."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (``<meta charset>``, ``http-equiv`` or XML declaration)."""
    head = data[:8192]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _sniff(head: bytes) -> bool:
    lower = head[:2048].lstrip().lower()
    return (
        lower.startswith((b"<!doctype html", b"<html"))
        or b"<html" in lower
        or (b"<body" in lower and b"<rss" not in lower and b"<feed" not in lower)
    )


# --------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class _Rules:
    tags: frozenset[str]
    roles: frozenset[str]
    class_words: frozenset[str]
    link_block_words: frozenset[str]
    link_density: float
    line: re.Pattern[str]
    closing: re.Pattern[str]
    subheading_class_words: frozenset[str]
    publishers: dict[str, PublisherRule]


@dataclass(frozen=True)
class PublisherRule:
    """What a general rule cannot know about one publisher (``[publisher]`` in the rules)."""

    remove: tuple[str, ...] = ()  # XPath of furniture the general rules miss
    title: tuple[str, ...] = html_meta.TITLE_SOURCES  # which of its titles is the title


@cache
def rules() -> _Rules:
    """The furniture rules of ``data/html-rules.toml`` (general first, then per publisher)."""
    raw = tomllib.loads(
        resources.files("lagebild.ingest").joinpath("data/html-rules.toml").read_text("utf-8")
    )
    furniture = raw["furniture"]
    patterns = "|".join(f"(?:{p})" for p in raw["lines"]["patterns"])
    return _Rules(
        tags=frozenset(furniture["tags"]),
        roles=frozenset(furniture["roles"]),
        class_words=frozenset(w.lower() for w in furniture["class_words"]),
        link_block_words=frozenset(w.lower() for w in furniture["link_block_words"]),
        link_density=float(furniture["link_density"]),
        line=re.compile(patterns, re.I),
        closing=re.compile("|".join(f"(?:{p})" for p in raw["lines"]["closing"]), re.I),
        subheading_class_words=frozenset(
            w.lower() for w in raw["subheadings"]["class_words"]
        ),
        publishers={
            host.lower(): PublisherRule(
                remove=tuple(spec.get("remove", ())),
                title=tuple(spec.get("title", html_meta.TITLE_SOURCES)),
            )
            for host, spec in (raw.get("publisher") or {}).items()
        },
    )


def publisher_rule(url: str | None) -> PublisherRule:
    """The rule of the page's publisher (by host, subdomains included), else the defaults."""
    host = _host(url)
    publishers = rules().publishers
    while host:
        if host in publishers:
            return publishers[host]
        host = host.partition(".")[2]
    return PublisherRule()


_WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=8192)
def _class_words(attrs: str) -> frozenset[str]:
    """``article-related c-box`` → {article, related, c, box, article-related, c-box}."""
    words = {w.lower() for w in _WORD_SPLIT.split(attrs) if w}
    words.update(t.lower() for t in attrs.split())
    return frozenset(words)


def is_furniture_line(line: str) -> bool:
    """A body line that is page furniture by its wording (``Mehr zum Thema …``, credits …)."""
    return len(line) <= 400 and rules().line.fullmatch(line) is not None


def _host(url: str | None) -> str:
    host = _urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def _strip_furniture(
    tree: lxml.html.HtmlElement, rule: PublisherRule, protect: set[etree._Element]
) -> int:
    """Remove navigation, related links, share bars, newsletter and cookie boxes … in place.

    ``protect`` holds elements (the headline, the article's paragraphs) that must
    survive: a furniture-looking element that holds one of them is a wrapper of the
    article and stays. Returns the number of removed elements.
    """
    r = rules()
    doomed: list[etree._Element] = []
    body = tree.find("body")
    root = body if body is not None else tree
    for xpath in rule.remove:
        doomed.extend(e for e in root.xpath(xpath) if isinstance(e, etree._Element))
    doomed.extend(root.iter(*r.tags))
    for listing in root.iter("ul", "ol"):  # lists of links: other articles, tags, menus
        if len(listing) >= 2 and _link_heavy(listing, 0.8):
            doomed.append(listing)
    for el in _MARKED(root):
        if el.get("hidden") is not None or (el.get("role") or "").lower() in r.roles:
            doomed.append(el)
            continue
        words = _class_words(f"{el.get('class') or ''} {el.get('id') or ''}")
        if words & r.class_words or (
            words & r.link_block_words and _link_heavy(el, r.link_density)
        ):
            doomed.append(el)
    guarded = {a for el in protect for a in el.iterancestors()} | protect
    removed = 0
    for el in doomed:
        if el.getparent() is None or el in guarded:
            continue
        _drop(el)
        removed += 1
    return removed


_MARKED = etree.XPath("descendant::*[@class or @id or @role or @hidden]")


def _drop(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")


def _link_heavy(el: etree._Element, threshold: float) -> bool:
    """Most of the element's text is link text (lengths counted in C by XPath: this runs on
    thousands of elements per page)."""
    text = float(_TEXT_LENGTH(el))
    if text == 0:
        return False
    links = sum(float(_TEXT_LENGTH(a)) for a in el.iter("a"))
    return links / text >= threshold


# --------------------------------------------------------------------------- page facts
@dataclass
class _Figure:
    file: str | None
    src: str | None
    caption: str | None
    credit_line: str | None
    credit: str | None
    used: bool = False


@dataclass
class _Page:
    """Structure read from the raw DOM, independent of trafilatura."""

    kicker: str | None = None
    headline: str | None = None
    kicker_joined: bool = True
    teaser: str | None = None
    section: str | None = None
    published: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None
    h1: etree._Element | None = None
    titles: dict[str, str] = field(default_factory=dict)  # by source: ld, og, h1
    authors: list[str] = field(default_factory=list)
    figures: list[_Figure] = field(default_factory=list)


def _text(el: etree._Element) -> str:
    return norm("".join(el.itertext()))


def _skipped(el: etree._Element) -> bool:
    """Inside navigation, footer, sidebar … (not article content)."""
    parent = el.getparent()
    while parent is not None:
        if isinstance(parent.tag, str) and parent.tag.lower() in _SKIP_ANCESTORS:
            return True
        parent = parent.getparent()
    return False


def _classes(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"


_meta = html_meta.meta


def file_name(src: str | None) -> str | None:
    if not src or src.startswith("data:"):
        return None
    path = unquote(_urlsplit(src.strip()).path)
    name = PurePosixPath(path).name
    return name or None


def _image_src(img: etree._Element) -> str | None:
    for attr in _IMAGE_ATTRS:
        value = str(img.get(attr) or "")
        if value and not value.startswith("data:"):
            return value.strip()
    srcset = str(img.get("srcset") or img.get("data-srcset") or "")
    if srcset.strip():
        return srcset.split(",")[0].split()[0]
    return None


def split_credit(text: str) -> tuple[str, str | None, str | None]:
    """``Caption text. (Foto: dpa)`` → caption, credit line, credit."""
    match = _INLINE_CREDIT.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), match.group(0).strip(), match.group("credit")
    return text, None, None


def _credit_of(text: str) -> str:
    match = _CREDIT_PREFIX.match(text.strip())
    credit = match.group("credit") if match else text.strip()
    return credit.strip() or text.strip()


def _figure(fig: etree._Element) -> _Figure | None:
    img = next(iter(fig.iter("img")), None)
    src = _image_src(img) if img is not None else None
    if src is None:
        source = next(iter(fig.iter("source")), None)
        if source is not None and source.get("srcset"):
            src = (source.get("srcset") or "").split(",")[0].split()[0]
    caption_el = next(iter(fig.iter("figcaption")), None)
    if src is None and caption_el is None:
        return None
    caption: str | None = None
    credit_line: str | None = None
    credit: str | None = None
    holder = caption_el if caption_el is not None else fig
    credit_el = None
    for el in holder.iter():
        if el is holder or not isinstance(el.tag, str):
            continue
        if el.get("data-credit") or el.tag in ("small", "cite") or _CREDIT_CLASS.search(
            el.get("class") or ""
        ):
            credit_el = el
            break
    data_credit = fig.get("data-credit") or (img.get("data-credit") if img is not None else None)
    if credit_el is not None:
        credit_line = _text(credit_el) or None
        attr = credit_el.get("data-credit")
        credit = norm(attr) if attr else (_credit_of(credit_line) if credit_line else None)
        if credit and credit_line and credit not in credit_line:
            credit_line = credit
    if caption_el is not None:
        full = _text(caption_el)
        if credit is None:
            full, credit_line, credit = split_credit(full)
        if credit is None and data_credit:
            credit = credit_line = norm(data_credit)
        if credit_line and full.endswith(credit_line):
            full = full[: len(full) - len(credit_line)].strip()
        elif credit_line and credit_line in full:
            full = norm(full.replace(credit_line, " "))
        caption = full or None
    elif data_credit:
        credit = credit_line = norm(data_credit)
    return _Figure(file_name(src), src, caption, credit_line, credit)


def _title_parts(h1: etree._Element) -> tuple[str | None, str]:
    """Split an ``h1`` into kicker and headline (kicker: first inline child before the rest)."""
    full = _text(h1)
    children = [c for c in h1 if isinstance(c.tag, str) and c.tag not in ("br",)]
    texts = [_text(c) for c in children]
    if len(children) >= 2 and texts[0] and not norm(h1.text):
        first = children[0]
        rest = norm(full[len(texts[0]) :]) if full.startswith(texts[0]) else ""
        generic = first.tag in ("span", "em", "strong", "small", "b", "i", "div", "p")
        if rest and (generic or _KICKER_CLASS.search(_classes(first))):
            return texts[0], rest
    return None, full


def _kicker_before(h1: etree._Element) -> str | None:
    """An element with a kicker-like class right before the ``h1`` (own line)."""
    prev = h1.getprevious()
    steps = 0
    while prev is not None and steps < 3:
        if isinstance(prev.tag, str) and _KICKER_CLASS.search(_classes(prev)):
            text = _text(prev)
            if text and len(text) <= 120:
                return text
        prev = prev.getprevious()
        steps += 1
    parent = h1.getparent()
    if parent is not None and parent.tag in ("a", "hgroup"):
        return _kicker_before(parent)
    return None


def _in_furniture(el: etree._Element) -> bool:
    """Inside navigation, footer, sidebar … (an article's own ``header`` is not furniture)."""
    return any(
        isinstance(a.tag, str) and a.tag.lower() in _SKIP_ANCESTORS and a.tag.lower() != "header"
        for a in el.iterancestors()
    )


def _teaser_like(el: etree._Element, text: str) -> bool:
    """Prose of teaser length, not a wrapper around the article, no links (a teaser with a
    link leads to another article), not furniture by its wording."""
    return (
        40 <= len(text) <= 800
        and (el.tag == "p" or len(el.findall(".//p")) <= 1)
        and el.find(".//h1") is None
        and el.find(".//a[@href]") is None
        and not any(a.tag == "a" for a in el.iterancestors())
        and not text.endswith(" mehr")  # "… mehr": the link to another article
        and not is_furniture_line(text)
    )


# Elements after the headline in document order (descendants of the h1 excluded), found by
# XPath in C: iterating every element of a page through lxml.html proxies is slow.
_FOLLOWING_CLASSED = etree.XPath("following::p[@class]|following::div[@class]")
_CLASSED = etree.XPath(".//p[@class]|.//div[@class]")
_FOLLOWING_SAYING = etree.XPath(
    "following::p[contains(normalize-space(.), $said)]"
    "|following::div[contains(normalize-space(.), $said)]"
)


def _within(el: etree._Element, scope: etree._Element) -> bool:
    return any(a is scope for a in el.iterancestors())


def _find_teaser(
    tree: lxml.html.HtmlElement, h1: etree._Element | None, description: str | None
) -> str | None:
    """The article's own teaser after the headline: a teaser-like class, else the element
    that says what the meta description says (``Berlin. `` datelines before it allowed)."""
    ancestors = list(h1.iterancestors()) if h1 is not None else []
    scope: etree._Element = ancestors[:4][-1] if ancestors else tree
    classed = _CLASSED(tree) if h1 is None else _FOLLOWING_CLASSED(h1)
    for el in classed:
        if not isinstance(el, etree._Element) or not _TEASER_CLASS.search(el.get("class") or ""):
            continue
        if h1 is not None and not _within(el, scope):
            continue
        if not _in_furniture(el):
            text = _text(el)
            if _teaser_like(el, text):
                return text
    desc = norm(description)[:40]
    if len(desc) < 40 or h1 is None or not desc.isprintable():
        return None
    # what the page itself says it is about may sit further out (an h1 nested in a menu bar)
    outer = ancestors[:6][-1]
    found: str | None = None
    for el in _FOLLOWING_SAYING(h1, said=desc):
        if not isinstance(el, etree._Element) or not _within(el, outer) or _in_furniture(el):
            continue
        text = _text(el)
        innermost = found is None or len(text) <= len(found)
        if innermost and desc in text[:60] and _teaser_like(el, text):
            found = text
    return found


_BREADCRUMB = etree.XPath(
    "//*[contains(translate(@class, 'ABCDEMRU', 'abcdemru'), 'breadcrumb')]"
)


def _read_page(tree: lxml.html.HtmlElement) -> _Page:
    page = _Page()
    h1 = next((h for h in tree.iter("h1") if _text(h) and not _skipped(h)), None)
    if h1 is None:
        h1 = next((h for h in tree.iter("h1") if _text(h)), None)
    page.h1 = h1
    if h1 is not None:
        page.kicker, page.headline = _title_parts(h1)
        if page.kicker is None:
            page.kicker = _kicker_before(h1)
            page.kicker_joined = False
    page.description = _meta(tree, "og:description", "description", "twitter:description")
    page.teaser = _find_teaser(tree, h1, page.description)
    page.section = _meta(tree, "article:section", "section")
    if page.section is None:
        for el in _BREADCRUMB(tree)[:1]:
            if isinstance(el, etree._Element):
                links = [_text(a) for a in el.iter("a") if _text(a)]
                links = [t for t in links if t.lower() not in _SECTION_BLACKLIST]
                if links and len(links[-1]) <= 40:
                    page.section = links[-1]
    article = html_meta.ld_article(tree)
    page.published = html_meta.page_date(tree, article, h1)
    canonical = next(
        (
            link.get("href")
            for link in tree.iter("link")
            if (link.get("rel") or "").lower() == "canonical" and link.get("href")
        ),
        None,
    )
    page.url = canonical or _meta(tree, "og:url")
    publisher = html_meta.ld_names(article.get("publisher")) if article is not None else []
    page.sitename = (
        _meta(tree, "og:site_name", "application-name")
        or (norm(publisher[0]) if publisher and norm(publisher[0]) else None)
        or _host(page.url)
        or None
    )
    page.titles = html_meta.title_candidates(tree, article, page.headline, page.sitename)
    sites = [s for s in (page.sitename, _host(page.url)) if s]
    page.authors = html_meta.page_authors(tree, article, h1, sites)
    for fig in tree.iter("figure"):
        if _skipped(fig):
            continue
        info = _figure(fig)
        if info is not None:
            page.figures.append(info)
    return page


# --------------------------------------------------------------------------- body units
@dataclass
class _Unit:
    kind: str  # "p", "head", "graphic"
    text: str = ""
    src: str | None = None
    alt: str | None = None


def _units_from_trafilatura(body: etree._Element) -> list[_Unit]:
    units: list[_Unit] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "graphic":
                units.append(_Unit("graphic", src=child.get("src"), alt=child.get("alt")))
            elif tag == "head":
                units.append(_Unit("head", _text(child), alt=child.get("rend")))
            elif tag in ("list", "table", "div", "quote") and len(child):
                if norm(child.text):
                    units.append(_Unit("p", norm(child.text)))
                walk(child)
            elif tag:
                if child.find(".//graphic") is not None:
                    if norm(child.text):
                        units.append(_Unit("p", norm(child.text)))
                    walk(child)
                else:
                    units.append(_Unit("p", _text(child)))
            if norm(child.tail):
                units.append(_Unit("p", norm(child.tail)))

    walk(body)
    return [u for u in units if u.text or u.kind == "graphic"]


def _units_from_dom(tree: lxml.html.HtmlElement) -> list[_Unit]:
    """Fallback for pages trafilatura gives up on: visible block text outside navigation."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for bad in root.xpath(".//script|.//style|.//noscript|.//nav|.//footer"):
        if bad.getparent() is not None:
            bad.getparent().remove(bad)
    units: list[_Unit] = []
    blocks = root.xpath(".//p|.//h2|.//h3|.//li|.//blockquote")
    for el in blocks:
        text = _text(el)
        if text:
            units.append(_Unit("head" if el.tag in ("h2", "h3") else "p", text))
    if not units:
        for line in re.split(r"\n\s*\n|\n", "".join(root.itertext())):
            if norm(line):
                units.append(_Unit("p", norm(line)))
    return units


def _headings(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """Subheadings of the cleaned page with the start of the text that follows each:
    ``h2``–``h4`` and elements with a subheading class (``interline``, ``zwischentitel``)."""
    words = rules().subheading_class_words
    out: list[tuple[str, str]] = []
    for el in _HEADING_LIKE(tree):
        if el.tag not in ("h2", "h3", "h4") and not (
            _class_words(el.get("class") or "") & words
        ):
            continue
        title = _text(el)
        if not 3 <= len(title) <= 150:
            continue
        for sibling in el.itersiblings():
            if isinstance(sibling.tag, str):
                following = _text(sibling)
                if len(following) >= 30:
                    out.append((title, following[:40]))
                break
    return out


_HEADING_LIKE = etree.XPath("//h2|//h3|//h4|//p[@class]|//div[@class]")


def _recover_headings(units: list[_Unit], headings: list[tuple[str, str]]) -> list[_Unit]:
    """Put back subheadings trafilatura dropped or glued into the next paragraph.

    A heading is put back only where the text that follows it on the page is in the body, so
    headings of page furniture never come in.
    """
    have = {u.text for u in units if u.kind == "head"}
    for title, following in headings:
        if title in have:
            continue
        for index, unit in enumerate(units):
            if unit.kind != "p":
                continue
            if unit.text == title:  # a subheading by its class, read as a paragraph
                unit.kind = "head"
                break
            if unit.text.startswith(following):  # dropped: goes before its text
                if any(u.kind == "p" for u in units[:index]):  # (before all text: a title)
                    units.insert(index, _Unit("head", title))
                break
            glued = unit.text.find(f"{title} {following}")
            if glued >= 0:  # glued: split the paragraph around it
                before, after = unit.text[:glued].strip(), unit.text[glued + len(title):].strip()
                units[index : index + 1] = [
                    *([_Unit("p", before)] if before else []),
                    _Unit("head", title),
                    _Unit("p", after),
                ]
                break
        have.add(title)
    return units


def _match_figure(page: _Page, src: str | None) -> _Figure | None:
    name = file_name(src)
    for fig in page.figures:
        if not fig.used and (
            (src and fig.src == src) or (name and fig.file and fig.file == name)
        ):
            fig.used = True
            return fig
    return None


def _trafilatura(tree: lxml.html.HtmlElement) -> tuple[object | None, str]:
    """Run trafilatura on the cleaned tree (it changes it); (document or None, error detail)."""
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(
            tree,
            include_images=True,
            include_formatting=False,
            include_tables=True,
            include_comments=False,
            with_metadata=False,
            fast=True,
        )
    except Exception as exc:  # trafilatura failing is not fatal: fall back to the DOM
        return None, f"{type(exc).__name__}: {exc}"
    return doc, ""


def _as_str(value: object) -> str | None:
    return norm(value) if isinstance(value, str) and norm(value) else None


def _main_text(tree: lxml.html.HtmlElement, page: _Page) -> set[etree._Element]:
    """The headline and the paragraphs of the element holding most paragraph text."""
    share: dict[etree._Element, int] = {}
    paragraphs: dict[etree._Element, list[etree._Element]] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is None:
            continue
        size = len(_text(p))
        if size >= 40:
            share[parent] = share.get(parent, 0) + size
            paragraphs.setdefault(parent, []).append(p)
    protect: set[etree._Element] = set()
    if share:
        protect.update(paragraphs[max(share, key=share.__getitem__)])
    if page.h1 is not None:
        protect.add(page.h1)
    return protect


def _strip_figures(tree: lxml.html.HtmlElement) -> None:
    """Figures keep only their images: captions and credits are read from the page itself."""
    for fig in list(tree.iter("figure", "figcaption")):
        if fig.tag == "figcaption":
            _drop(fig)
            continue
        images = list(fig.iter("img"))
        for child in list(fig):
            _drop(child)
        fig.text = None
        for img in images[:1]:
            img.tail = None
            fig.append(img)


def parse_html(
    text: str,
    url: str | None = None,
    published: str | None = None,
    publisher_rules: bool = True,
) -> Article:
    """Parse one HTML page into an article.

    ``url`` (e.g. a WARC target URI) overrides the page's own; ``published`` is the
    fallback date when the page has none; ``publisher_rules=False`` reads with the general
    rules alone (to measure them). Raises ``LagebildError`` (E005/E006/E014).
    """
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise LagebildError(ErrorCode.E005, detail=str(exc) or type(exc).__name__) from exc
    page = _read_page(tree)
    page_url = url or page.url
    rule = publisher_rule(page_url) if publisher_rules else PublisherRule()
    _strip_furniture(tree, rule, _main_text(tree, page))
    _strip_figures(tree)
    headings = _headings(tree)
    doc, _ = _trafilatura(tree)
    units: list[_Unit] = []
    body = getattr(doc, "body", None) if doc is not None else None
    if body is not None:
        units = _recover_headings(_units_from_trafilatura(body), headings)
    if not any(u.kind == "p" for u in units):
        fallback = lxml.html.document_fromstring(text)
        _strip_furniture(fallback, rule, set())
        units = _units_from_dom(fallback)
    title = html_meta.choose_title(page.titles, rule.title)
    headline = page.headline or title
    kicker = page.kicker
    builder = ArticleBuilder()
    if page.section:
        builder.add(BlockType.SECTION, page.section)
    if headline:
        builder.add_title(kicker, headline, joined=page.kicker_joined)

    skip = {norm(s) for s in (headline, kicker, page.teaser, *page.titles.values()) if s}
    if kicker and headline:
        skip.add(norm(f"{kicker} {headline}"))
        skip.add(norm(f"{kicker}: {headline}"))
    for fig in page.figures:
        for piece in (fig.caption, fig.credit_line, fig.credit):
            if piece:
                skip.add(norm(piece))
        if fig.caption and fig.credit_line:
            skip.add(norm(f"{fig.caption} {fig.credit_line}"))

    teaser = page.teaser
    paragraphs = [u for u in units if u.kind == "p" and norm(u.text) not in skip]
    if teaser is None and paragraphs and page.description:
        first = norm(paragraphs[0].text)
        desc = norm(page.description).rstrip(".… ")
        if len(desc) >= 40 and first.startswith(desc[: max(40, len(desc) - 3)]):
            teaser = first
            skip.add(first)
    if teaser:
        builder.add(BlockType.TEASER, teaser)

    # lead images trafilatura dropped go right after the teaser
    matched = {id(f) for u in units if u.kind == "graphic" for f in page.figures
               if f.src == u.src or (f.file and f.file == file_name(u.src))}
    for fig in page.figures:
        if id(fig) not in matched and (fig.caption or fig.credit) and fig.file:
            fig.used = True
            builder.add_image(fig.file, fig.caption, fig.credit_line, fig.credit)

    source_index = _source_index(units, skip)
    closing_index = _closing_index(units, skip)
    skip_index: set[int] = set()
    for index, unit in enumerate(units):
        if unit.kind == "graphic":
            found = _match_figure(page, unit.src)
            if found is not None:
                builder.add_image(found.file, found.caption, found.credit_line, found.credit)
            elif file_name(unit.src):
                caption = _caption_after(units, index)
                if caption is not None:
                    skip_index.add(index + 1)
                builder.add_image(file_name(unit.src), caption, None, None)
            continue
        if index in skip_index:
            continue
        line = norm(unit.text)
        if not line or line in skip or index > source_index:
            continue  # after the closing source line: related links, not article
        if index >= closing_index and index != source_index:
            continue  # a closing list of sources, copyright, contact box
        if index == source_index:
            match = _SOURCE.match(line)
            assert match is not None
            builder.add_source(line, parse_source_line(match.group(1)))
        elif _RELATED.match(line) or is_furniture_line(line):
            continue
        elif unit.kind == "head":
            if unit.alt != "h1":
                builder.add(BlockType.SUBHEADING, line)
        else:
            builder.add(BlockType.PARAGRAPH, line)
    _check_body(builder, teaser)

    source: Source = builder.fields["source"]
    authors = page.authors or source.authors
    builder.set(source=Source(outlet=source.outlet or page.sitename, authors=authors,
                              agencies=source.agencies))
    if title:
        builder.set(title=title)
    builder.set(
        url=page_url,
        published=page.published or normalise_date(published),
    )
    return builder.build()


def _caption_after(units: list[_Unit], index: int) -> str | None:
    """A short line without closing punctuation right after an image is its caption."""
    if index + 1 >= len(units) or units[index + 1].kind != "p":
        return None
    line = norm(units[index + 1].text)
    if 0 < len(line.split()) <= 12 and not line.endswith((".", "!", "?", ":", '"', "“")):
        return line
    return None


def _check_body(builder: ArticleBuilder, teaser: str | None) -> None:
    """E006 without any text; E014 when what is left is too little to be an article body."""
    paragraphs: list[str] = builder.fields["paragraphs"]
    if not paragraphs and not teaser:
        raise LagebildError(ErrorCode.E006)
    words = sum(len(p.split()) for p in paragraphs) + len((teaser or "").split())
    longest = max((len(p.split()) for p in [*paragraphs, teaser or ""]), default=0)
    if words < _MIN_WORDS or longest < _MIN_SENTENCE_WORDS:
        raise LagebildError(
            ErrorCode.E014,
            detail=f"{words} words in {len(paragraphs)} paragraphs after removing page "
            "furniture (navigation, teasers, consent or paywall boxes)",
        )


def _first(values: object) -> str | None:
    if isinstance(values, list) and values and isinstance(values[0], str):
        return norm(values[0]) or None
    return None


def _source_index(units: list[_Unit], skip: set[str]) -> int:
    """Index of the closing ``Quelle:`` line among the last text units, else len(units)."""
    seen = 0
    for index in range(len(units) - 1, -1, -1):
        unit = units[index]
        if unit.kind == "graphic" or norm(unit.text) in skip:
            continue
        if unit.kind == "p" and _SOURCE.match(norm(unit.text)):
            return index
        seen += 1
        if seen >= 4:
            break
    return len(units)


def _closing_index(units: list[_Unit], skip: set[str]) -> int:
    """Index of the first closing line (``Quellen:``, ``Copyright ©``) among the last text units.

    What follows such a line is a list of sources or the site's own notes, not article.
    """
    closing = rules().closing
    found, seen = len(units), 0
    for index in range(len(units) - 1, -1, -1):
        unit = units[index]
        if unit.kind == "graphic" or norm(unit.text) in skip:
            continue
        if len(unit.text) <= 200 and closing.fullmatch(norm(unit.text)):
            found = index
        seen += 1
        if seen >= 8:
            break
    return found


def article_from_html(
    data: bytes,
    options: Options,
    url: str | None = None,
    published: str | None = None,
    charset: str | None = None,
    publisher_rules: bool = True,
) -> Article:
    """Raw page bytes → article: size limit, declared charset, parsing (shared with WARC)."""
    if len(data) > options.max_chars * 4:
        raise LagebildError(ErrorCode.E008, size=len(data), limit=options.max_chars * 4)
    text = decode_bytes(data, declared_charset(data) or charset)
    # control characters are no page content, and lxml refuses them in text it writes back
    # (found by fuzzing: a stray \x01 became an unexpected error)
    text = _XML_INCOMPATIBLE.sub("", text)
    return parse_html(text, url=url, published=published, publisher_rules=publisher_rules)


_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@register_reader("html", extensions=(".html", ".htm", ".xhtml"), sniff=_sniff)
def read_html(inp: InputFile, options: Options) -> Iterator[Item]:
    article = article_from_html(inp.data, options)
    yield article.model_copy(update={"origin": origin(inp, "html")})
