"""RSS and Atom feed files (feedparser): one article per entry.

Entry title → headline; content (else summary) → paragraphs, HTML turned into text;
a summary distinct from the content → teaser; link → url; published/updated → ISO date;
feed title → outlet; first category → section. The record label is the entry id (or link).
Malformed XML: feedparser's ``bozo`` flag — entries recovered anyway are yielded, and a
feed without any entry raises E005 with the parser's message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.base import Failure, InputFile, Item, origin, register_reader
from lagebild.ingest.dates import normalise_date
from lagebild.model import Article, ArticleBuilder, BlockType, Source
from lagebild.settings import Options

_WS = re.compile(r"[ \t\r\f\v]+")
_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "figure", "figcaption", "table", "tr", "section", "article",
}
_HEADINGS = {"h2", "h3", "h4"}
_MARKUP = re.compile(r"<[a-zA-Z][^>]*>")


def _sniff(head: bytes) -> bool:
    lower = head[:2048].lower()
    return b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower


def html_to_blocks(markup: str) -> list[tuple[str, str]]:
    """HTML (or plain text) → ``[(kind, text)]`` with kind ``p`` or ``head``."""
    if not _MARKUP.search(markup):
        parts = re.split(r"\n\s*\n", markup)
        return [("p", " ".join(p.split())) for p in parts if p.strip()]
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        text = re.sub(r"<[^>]+>", " ", markup)
        return [("p", " ".join(text.split()))] if text.strip() else []
    for bad in root.xpath(".//script|.//style|.//img"):
        bad.drop_tree()
    out: list[tuple[str, str]] = []
    current: list[str] = []

    def flush(kind: str = "p") -> None:
        text = " ".join("".join(current).split())
        if text:
            out.append((kind, text))
        current.clear()

    def walk(el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS:
            flush()
        if el.text and tag:
            current.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK_TAGS:
            flush("head" if tag in _HEADINGS else "p")
        if el.tail:
            current.append(el.tail)

    walk(root)
    flush()
    return out


def _entry_text(entry: Any) -> tuple[str | None, str | None]:
    """(summary, content) markup of an entry."""
    summary = entry.get("summary") or None
    content = None
    for item in entry.get("content") or []:
        value = item.get("value")
        if value and (content is None or len(value) > len(content)):
            content = value
    return summary, content


def _plain(blocks: list[tuple[str, str]]) -> str:
    return " ".join(text for _, text in blocks)


def article_from_entry(entry: Any, feed_title: str | None) -> Article:
    builder = ArticleBuilder()
    tags = entry.get("tags") or []
    section = tags[0].get("term") if tags and isinstance(tags[0].get("term"), str) else None
    if section and len(section) <= 40:
        builder.add(BlockType.SECTION, section)
    title = " ".join(str(entry.get("title") or "").split())
    if title:
        builder.add_title(None, title, joined=False)
    summary, content = _entry_text(entry)
    summary_blocks = html_to_blocks(summary) if summary else []
    content_blocks = html_to_blocks(content) if content else []
    body = content_blocks or summary_blocks
    if content_blocks and summary_blocks:
        summary_text = _plain(summary_blocks)
        if not _plain(content_blocks).startswith(summary_text.rstrip(".… ")[:80]):
            builder.add(BlockType.TEASER, summary_text)
    for kind, text in body:
        if kind == "head" and len(text) <= 120:
            builder.add(BlockType.SUBHEADING, text)
        else:
            builder.add(BlockType.PARAGRAPH, text)
    if not builder.fields["paragraphs"] and not builder.fields.get("teaser"):
        raise LagebildError(ErrorCode.E006)
    author = " ".join(str(entry.get("author") or "").split())
    builder.set(
        source=Source(outlet=feed_title or None, authors=[author] if author else []),
        url=entry.get("link") or None,
        published=normalise_date(entry.get("published") or entry.get("updated")),
        source_id=entry.get("id") or entry.get("link") or None,
    )
    return builder.build()


def _bozo_detail(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    detail = str(exc).splitlines()[0] if exc is not None and str(exc) else "not a feed"
    return detail[:200]


@register_reader("feed", extensions=(".rss", ".atom", ".xml"), sniff=_sniff)
def read_feed(inp: InputFile, options: Options) -> Iterator[Item]:
    if len(inp.data) > options.max_chars * 20:
        raise LagebildError(ErrorCode.E008, size=len(inp.data), limit=options.max_chars * 20)
    import feedparser  # only when a feed is read, not at every start

    try:
        parsed = feedparser.parse(inp.data, sanitize_html=False, resolve_relative_uris=False)
    except (ValueError, LookupError) as exc:
        # feedparser decodes with the declared encoding unchecked: a NUL in its name raises.
        raise LagebildError(ErrorCode.E005, detail=str(exc)[:200]) from exc
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise LagebildError(ErrorCode.E005, detail=_bozo_detail(parsed))
        raise LagebildError(ErrorCode.E006)
    feed_title = " ".join(str(parsed.get("feed", {}).get("title") or "").split()) or None
    for number, entry in enumerate(entries, start=1):
        label = str(entry.get("id") or entry.get("link") or f"entry {number}")
        where = origin(inp, "feed", label)
        try:
            article = article_from_entry(entry, feed_title)
        except LagebildError as exc:
            if parsed.get("bozo") and exc.code is ErrorCode.E006:
                exc = LagebildError(ErrorCode.E005, detail=_bozo_detail(parsed))
            yield Failure(where, exc.code, exc.message)
            continue
        if len(article.text) > options.max_chars:
            yield Failure(where, ErrorCode.E008,
                          ErrorCode.E008.format(size=len(article.text), limit=options.max_chars))
            continue
        yield article.model_copy(update={"origin": where})
