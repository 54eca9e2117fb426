"""Plain-text dumps of news pages, as scrapers save them (n-tv.de layout and variants).

Layout, one unit per line (blank lines between units are optional)::

    Politik                                   section (optional)
    Dienstag, 15. September 2015              dateline (optional)
    Kicker? Headline                          kicker joined to headline, or two lines
    58264621.jpg                              image file (any number of images)
    Caption text.                             caption (optional)
    (Foto: picture alliance / dpa)            credit (optional)
    Teaser paragraph.
    Body paragraph …
    Subheading                                short line without final punctuation
    Mehr zum Thema / Video …                  related-content boilerplate (kept, flagged)
    Quelle: ntv.de, jog/dpa/AFP               source line: outlet, author initials, agencies

Finding (``_classify``) is kept apart from writing (``ArticleBuilder``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.agencies import is_agency
from lagebild.ingest.base import InputFile, Item, origin, register_reader
from lagebild.ingest.dates import parse_german_date
from lagebild.ingest.decode import decode_bytes
from lagebild.ingest.teasers import carve_teaser_widgets
from lagebild.model import Article, ArticleBuilder, BlockType, Source
from lagebild.settings import Options

SECTIONS = frozenset(
    s.lower()
    for s in (
        "Politik Wirtschaft Sport Panorama Technik Wissen Unterhaltung Leben Auto Ratgeber "
        "Reise Kultur Kommentare Meinung Börse Ausland Inland Regional Gesundheit Digital "
        "Karriere Essen Stil Geld Klima Fußball Medien Netzwelt Feuilleton Lokales Welt "
        "Deutschland Nachrichten"
    ).split()
)


_IMAGE_FILE = re.compile(r"^[\w\-.%~]+\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)$", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\(\s*(?:Foto|Fotos|Bild|Bilder|Grafik|Illustration|Screenshot|Quelle|Video)\s*:\s*(.+?)\s*\)$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^Quelle\s*:\s*(.+)$")
_RELATED = re.compile(
    r"^(?:Mehr zum Thema|Mehr dazu|Lesen Sie auch|Auch interessant|Weitere Artikel|"
    r"Mehr Videos|Videos?|Bilderserien?|Zur Bilderserie|Zum Video|Video abspielen)\s*:?"
    r"(?:\s+.*)?$",
    re.IGNORECASE,
)
_RELATED_EXACT = re.compile(
    r"^(?:Mehr zum Thema|Mehr dazu|Lesen Sie auch|Auch interessant|Weitere Artikel|"
    r"Mehr Videos|Videos?|Bilderserien?)\s*:?$",
    re.IGNORECASE,
)
# A joined kicker ends in ? or ! and is followed by a capitalised headline. Colons are not
# split: 'Kerry: "Wir nehmen …"' is one headline, a speaker plus a quote.
_JOINED_KICKER = re.compile(r"^(.{3,90}?[?!])\s+([A-ZÄÖÜ0-9„\"»'].{8,})$")
_TERMINAL = re.compile(r"[.!?:;,…\"“”»«'’)\]]$")

MAX_TITLE_CHARS = 200
MAX_SUBHEADING_CHARS = 100


@dataclass
class _Line:
    text: str
    group: int  # lines without a blank line between them share a group


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    group = 0
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            group += 1
            continue
        out.append(_Line(stripped, group))
    return out


def parse_source_line(rest: str) -> Source:
    """``ntv.de, jog/dpa/AFP`` → outlet ``ntv.de``, authors ``[jog]``, agencies ``[dpa, AFP]``."""
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    if not parts:
        return Source()
    outlet, authors, agencies = parts[0], [], []
    for part in parts[1:]:
        for token in (t.strip() for t in part.split("/")):
            if not token:
                continue
            if is_agency(token):
                agencies.append(token)
            else:
                authors.append(token)
    return Source(outlet=outlet, authors=authors, agencies=agencies)


def _is_section(line: str) -> bool:
    return line.lower().rstrip(":") in SECTIONS


def _is_title(line: str) -> bool:
    return (
        len(line) <= MAX_TITLE_CHARS
        and not _IMAGE_FILE.match(line)
        and not _CREDIT.match(line)
        and not line.endswith(".")
    )


def _is_subheading(line: str) -> bool:
    return len(line) <= MAX_SUBHEADING_CHARS and not _TERMINAL.search(line)


def parse_textdump(text: str) -> Article:
    """Parse one article dump; raises ``LagebildError(E006)`` when no prose is found."""
    lines = _lines(text)
    if not lines:
        raise LagebildError(ErrorCode.E001)
    builder = ArticleBuilder()
    pos = 0
    if len(lines) > 1 and _is_section(lines[0].text):
        builder.add(BlockType.SECTION, lines[0].text)
        pos = 1
    pos = _parse_dateline(lines, pos, builder)
    pos = _parse_title(lines, pos, builder)
    pos = _parse_dateline(lines, pos, builder)
    source_at = _find_source(lines, pos)
    _parse_body(lines[pos:source_at], builder)
    if source_at < len(lines):
        line = lines[source_at].text
        match = _SOURCE.match(line)
        assert match is not None
        builder.add_source(line, parse_source_line(match.group(1)))
        for extra in lines[source_at + 1 :]:
            builder.add(BlockType.RELATED, extra.text)
    if not builder.fields["paragraphs"] and not builder.fields.get("teaser"):
        raise LagebildError(ErrorCode.E006)
    if not _looks_like_prose(" ".join([builder.fields.get("teaser") or "",
                                       *builder.fields["paragraphs"]])):
        raise LagebildError(ErrorCode.E006)
    carve_teaser_widgets(builder)
    return builder.build()


def _looks_like_prose(text: str) -> bool:
    """Mostly letters: a file of numbers and symbols is not an article."""
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(1 for ch in visible if ch.isalpha())
    return letters >= 10 and letters >= 0.5 * len(visible)


def _parse_dateline(lines: list[_Line], pos: int, builder: ArticleBuilder) -> int:
    if pos < len(lines) and "published" not in builder.fields:
        parsed = parse_german_date(lines[pos].text, whole=True)
        if parsed:
            builder.add(BlockType.DATELINE, lines[pos].text)
            builder.set(published=parsed)
            return pos + 1
    return pos


def _parse_title(lines: list[_Line], pos: int, builder: ArticleBuilder) -> int:
    """One title line (maybe a joined kicker) or a kicker line plus a headline line."""
    if pos >= len(lines) or not _is_title(lines[pos].text):
        return pos
    # Need prose after the title, else the "title" is the whole (short) article.
    if pos + 1 >= len(lines):
        return pos
    first = lines[pos].text
    second = lines[pos + 1].text if pos + 1 < len(lines) else ""
    two_lines = bool(
        second
        and _is_title(second)
        and len(first) <= 100
        and pos + 2 < len(lines)
        and not _SOURCE.match(second)
        and not _RELATED_EXACT.match(second)
    )
    if two_lines:
        builder.add_title(first, second, joined=False)
        return pos + 2
    joined = _JOINED_KICKER.match(first)
    if joined and len(joined.group(2).split()) >= 3:
        builder.add_title(joined.group(1), joined.group(2), joined=True)
    else:
        builder.add_title(None, first, joined=False)
    return pos + 1


def _find_source(lines: list[_Line], pos: int) -> int:
    """Index of the closing ``Quelle:`` line (searched in the last lines), else len."""
    for index in range(len(lines) - 1, max(pos, len(lines) - 4) - 1, -1):
        if _SOURCE.match(lines[index].text):
            return index
    return len(lines)


def _parse_body(lines: list[_Line], builder: ArticleBuilder) -> None:
    prose_total = sum(1 for line in lines if _is_prose(line.text))
    prose_seen = 0
    index = 0
    related_group: int | None = None
    while index < len(lines):
        line = lines[index]
        text = line.text
        if related_group is not None and line.group == related_group:
            builder.add(BlockType.RELATED, text)
            index += 1
            continue
        related_group = None
        if _IMAGE_FILE.match(text):
            index = _parse_image(lines, index, builder)
            continue
        credit = _CREDIT.match(text)
        if credit:
            builder.add_image(None, None, text, credit.group(1))
            index += 1
            continue
        if _RELATED.match(text) and (_RELATED_EXACT.match(text) or len(text) <= 120):
            builder.add(BlockType.RELATED, text)
            if _RELATED_EXACT.match(text):
                related_group = line.group
            index += 1
            continue
        prose_seen += 1
        has_paragraph = bool(builder.fields["paragraphs"])
        if prose_seen == 1 and prose_total >= 2 and not _is_subheading(text):
            builder.add(BlockType.TEASER, text)
        elif has_paragraph and prose_seen < prose_total and _is_subheading(text):
            builder.add(BlockType.SUBHEADING, text)
        else:
            builder.add(BlockType.PARAGRAPH, text)
        index += 1


def _is_prose(text: str) -> bool:
    return not (_IMAGE_FILE.match(text) or _CREDIT.match(text) or _RELATED.match(text))


def _parse_image(lines: list[_Line], index: int, builder: ArticleBuilder) -> int:
    """An image file line, then optionally a caption line and a credit line."""
    file = lines[index].text
    index += 1
    caption: str | None = None
    credit_line: str | None = None
    credit: str | None = None
    if index < len(lines) and not _IMAGE_FILE.match(lines[index].text):
        match = _CREDIT.match(lines[index].text)
        if not match and index + 1 < len(lines) and _CREDIT.match(lines[index + 1].text):
            caption = lines[index].text
            index += 1
            match = _CREDIT.match(lines[index].text)
        if match:
            credit_line, credit = lines[index].text, match.group(1)
            index += 1
    builder.add_image(file, caption, credit_line, credit)
    return index


@register_reader("textdump", extensions=(".txt", ".text"))
def read_textdump(inp: InputFile, options: Options) -> Iterator[Item]:
    # Check the raw size first (UTF-8 needs at most 4 bytes a character): decoding and
    # repairing a 50 MB line only to reject it would take seconds.
    if len(inp.data) > options.max_chars * 4:
        raise LagebildError(ErrorCode.E008, size=len(inp.data), limit=options.max_chars)
    text = decode_bytes(inp.data)
    if len(text) > options.max_chars:
        raise LagebildError(ErrorCode.E008, size=len(inp.data), limit=options.max_chars)
    article = parse_textdump(text)
    yield article.model_copy(update={"origin": origin(inp, "textdump")})
