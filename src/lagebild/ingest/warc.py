"""WARC / WARC.gz (and ARC) web archives via warcio: German HTML responses become articles.

Only ``response`` records with HTTP status 200 and an HTML content type are read, each with
the HTML reader's ``article_from_html``; the URL is the ``WARC-Target-URI``, ``WARC-Date``
is the fallback publication date, the record label the ``WARC-Record-ID``. Other records
(requests, metadata, images, redirects …) are ignored silently. A truncated archive yields
the records read so far, then raises E004.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from typing import Any

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.base import Failure, InputFile, Item, origin, register_reader
from lagebild.ingest.html import article_from_html
from lagebild.settings import Options

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w\-.:]+)", re.I)


def _sniff(head: bytes) -> bool:
    if head.startswith((b"WARC/", b"filedesc://")):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
        return inner.startswith((b"WARC/", b"filedesc://"))
    return False


def _status(record: Any) -> str:
    headers = record.http_headers
    if headers is None:
        return ""
    line = headers.get_statuscode()
    return str(line or "")


def _html_record(record: Any) -> tuple[bool, str | None]:
    """Is this a 200 HTML response? Also returns the declared HTTP charset."""
    if record.rec_type != "response" or record.http_headers is None:
        return False, None
    if _status(record) != "200":
        return False, None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not any(t in ctype for t in _HTML_TYPES):
        return False, None
    match = _CHARSET.search(ctype)
    return True, match.group(1) if match else None


def _check_gzip(data: bytes) -> None:
    """Decompress to the end: warcio stops silently at a truncated last gzip member."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        while stream.read(1 << 20):
            pass


def _check_complete(record: Any, index: int) -> None:
    """Read the record block to its end; raise E004 when the archive ends inside it."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    missing = getattr(stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        raise LagebildError(
            ErrorCode.E004,
            detail=f"archive ends inside WARC record {index} ({missing} bytes missing)",
        )


#: What warcio raises on a damaged archive besides its ``ArchiveLoadFailed``: it raises
#: AttributeError/TypeError/IndexError on some corrupt headers (found by fuzzing); all of them
#: mean a damaged archive, not a bug of ours.
DAMAGED_ARCHIVE: tuple[type[Exception], ...] = (
    EOFError, zlib.error, OSError, ValueError, AttributeError, TypeError, IndexError, KeyError)


@register_reader("warc", extensions=(".warc", ".warc.gz", ".arc.gz", ".arc"), sniff=_sniff)
def read_warc(inp: InputFile, options: Options) -> Iterator[Item]:
    # warcio (0.15 s to import) only when a WARC file is read, not at every start
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = inp.first_record
    pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(inp.data), arc2warc=True):
            index += 1
            is_html, charset = _html_record(record)
            if not is_html:
                _check_complete(record, index)
                continue
            pages += 1
            label = record.rec_headers.get_header("WARC-Record-ID") or f"record {index}"
            where = origin(inp, "warc", label)
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            limit = options.max_chars * 4
            data = record.content_stream().read(limit + 1)
            _check_complete(record, index)
            try:
                if len(data) > limit:
                    raise LagebildError(ErrorCode.E008, size=f"more than {limit}", limit=limit)
                article = article_from_html(data, options, url=url, published=date,
                                            charset=charset)
            except LagebildError as exc:
                yield Failure(where, exc.code, exc.message)
                continue
            yield article.model_copy(update={"origin": where})
        if inp.data.startswith(b"\x1f\x8b"):
            _check_gzip(inp.data)
        if index == inp.first_record:
            # Not one record: this is no archive (else the batch would report nothing).
            raise LagebildError(ErrorCode.E004, detail="no WARC record found")
        if pages == 0 and not inp.head:
            # A whole archive of requests, DNS or metadata records only: say so, once (a
            # shard of a larger file may hold no page without anything being wrong)
            yield Failure(origin(inp, "warc", "archive"), ErrorCode.E006,
                          "[E006] no HTML page among the WARC records", skipped=True)
    except (ArchiveLoadFailed, *DAMAGED_ARCHIVE) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LagebildError(
            ErrorCode.E004, detail=f"{detail[:200]} (after {index} WARC records)"
        ) from exc
