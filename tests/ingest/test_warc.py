"""WARC reader: archives written with warcio in the test."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.errors import ErrorCode
from lagebild.ingest import Failure, read_inputs
from lagebild.model import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NTV = (FIXTURES / "ntv-2015-fluechtlinge-grenzkontrollen.html").read_bytes()
RUNDSCHAU = (FIXTURES / "rundschau-2023-waermepumpen.html").read_bytes()


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK",
              date: str | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": date} if date else None
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                       http_headers=headers, warc_headers_dict=warc_headers)
    writer.write_record(record)


def write_warc(path: Path, gzip: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    req = writer.create_warc_record("https://www.n-tv.de/a.html", "request",
                                    payload=io.BytesIO(b"GET /a.html HTTP/1.1\r\n\r\n"))
    writer.write_record(req)
    _response(writer, "https://www.n-tv.de/a.html", NTV, "text/html; charset=utf-8")
    _response(writer, "https://www.n-tv.de/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100),
              "image/png")
    _response(writer, "https://www.n-tv.de/alt.html", b"<html>moved</html>", "text/html",
              status="301 Moved Permanently")
    _response(writer, "https://rundschau.example/w.html", RUNDSCHAU,
              "text/html; charset=iso-8859-1", date="2023-03-08T10:00:00Z")
    data = buf.getvalue()
    path.write_bytes(data)
    return data


def _check(items: list[object], name: str) -> None:
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 2, items
    assert not [i for i in items if isinstance(i, Failure)]
    first, second = articles
    assert first.headline == "Tausende Flüchtlinge warten an der Grenze"
    assert first.url == "https://www.n-tv.de/a.html"
    assert first.published == "2015-09-15T14:32:00+02:00"
    assert [i.file for i in first.images] == ["58301200.jpg", "58301288.jpg"]
    assert first.subheadings == ["Kritik aus Wien und Brüssel"]
    assert first.origin is not None and first.origin.reader == "warc"
    assert first.origin.path == name
    assert first.origin.record is not None and first.origin.record.startswith("<urn:uuid:")
    assert second.headline == "Stadtwerke setzen auf Wärmepumpen am Rhein"
    assert second.url == "https://rundschau.example/w.html"
    assert "Wärme" in second.text


def test_plain_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip=False)
    _check(list(read_inputs([str(path)])), str(path))


def test_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    _check(list(read_inputs([str(path)])), str(path))


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    write_warc(path, gzip=True)
    items = list(read_inputs([str(path)]))
    assert len([i for i in items if isinstance(i, Article)]) == 2


def test_warc_date_is_fallback(tmp_path: Path) -> None:
    page = NTV.replace(b"2015-09-15T14:32:00+02:00", b"").replace(
        b"Dienstag, 15. September 2015", b"")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    _response(writer, "https://www.n-tv.de/b.html", page, "text/html",
              date="2015-09-16T06:00:00Z")
    path = tmp_path / "datum.warc"
    path.write_bytes(buf.getvalue())
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.published is not None and article.published.startswith("2015-09-1")


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    for gzip, name in ((False, "cut.warc"), (True, "cut.warc.gz")):
        data = write_warc(tmp_path / ("full-" + name), gzip=gzip)
        path = tmp_path / name
        path.write_bytes(data[: len(data) - 2000])
        items = list(read_inputs([str(path)]))
        assert isinstance(items[0], Article)
        assert items[0].headline == "Tausende Flüchtlinge warten an der Grenze"
        failure = items[-1]
        assert isinstance(failure, Failure), items
        assert failure.code is ErrorCode.E004
        assert str(path) in str(failure) and failure.origin.record
        assert "\n" not in str(failure)
