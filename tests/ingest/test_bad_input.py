# ruff: noqa: E501
"""Bad input: every broken file becomes a one-line Failure naming it; the batch goes on."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from lagebild.errors import ErrorCode
from lagebild.ingest import Failure, read_inputs
from lagebild.model import Article

# Long lines are the layout under test (one paragraph a line).
GOOD = """Politik

Hilfen für Kommunen? Bund beschließt Milliardenpaket

Die Kommunen ächzen unter steigenden Kosten. Nun reagiert der Bund mit Milliardenhilfen, doch den Städten reicht das nicht.

Die Bundesregierung hat am Dienstag ein neues Hilfspaket für die Kommunen beschlossen. Es umfasst nach Angaben des Finanzministeriums rund zwei Milliarden Euro für Gespräche über Schulen.

Die Länder hatten seit Wochen auf mehr Unterstützung gedrängt. Der Deutsche Städtetag sprach von einem ersten Schritt, der aber nicht ausreiche.

Quelle: ntv.de, jog/dpa
"""

ENGLISH = """World

US and Russia weigh military talks on Syria

The United States and Russia are weighing joint military action against the Islamic State group in Syria, Secretary of State John Kerry said on Tuesday.

The proposal came from the Russian side, according to Kerry, who stressed that Washington would not take anything at face value.

Source: example.com, Reuters
"""


def _only(items: list[object]) -> Failure:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Failure), item
    return item


def _read(path: Path) -> list[object]:
    return list(read_inputs([str(path)]))


def _assert_one_line(failure: Failure, path: Path | str) -> None:
    text = str(failure)
    assert "\n" not in text
    assert str(path) in text
    assert failure.message.startswith(f"[{failure.code.name}]")


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = tmp_path / name
        files[name].write_bytes(data)

    put("empty.txt", b"")
    put("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    gz = gzip.compress(GOOD.encode("utf-8"))
    put("cut.txt.gz", gz[: len(gz) // 2])
    put("broken.rss", b"<?xml version='1.0'?><rss><channel><title>x</title><item><title>Halb")
    put("numbers.txt", b"12345 67890 %%% ### 3.14159 !!! 42\n" * 30)
    put("english.txt", ENGLISH.encode("utf-8"))
    return files


def test_empty(bad_files: dict[str, Path]) -> None:
    failure = _only(_read(bad_files["empty.txt"]))
    assert failure.code is ErrorCode.E001
    _assert_one_line(failure, bad_files["empty.txt"])


def test_binary(bad_files: dict[str, Path]) -> None:
    failure = _only(_read(bad_files["image.png"]))
    assert failure.code is ErrorCode.E002
    _assert_one_line(failure, bad_files["image.png"])


def test_truncated_gzip(bad_files: dict[str, Path]) -> None:
    failure = _only(_read(bad_files["cut.txt.gz"]))
    assert failure.code is ErrorCode.E004
    _assert_one_line(failure, bad_files["cut.txt.gz"])


def test_malformed_feed(bad_files: dict[str, Path]) -> None:
    failure = _only(_read(bad_files["broken.rss"]))
    assert failure.code is ErrorCode.E005
    _assert_one_line(failure, bad_files["broken.rss"])


def test_unknown_layout(bad_files: dict[str, Path]) -> None:
    failure = _only(_read(bad_files["numbers.txt"]))
    assert failure.code is ErrorCode.E006
    _assert_one_line(failure, bad_files["numbers.txt"])


def test_english_is_skipped(bad_files: dict[str, Path]) -> None:
    failure = _only(_read(bad_files["english.txt"]))
    assert failure.code is ErrorCode.E009
    assert failure.skipped
    _assert_one_line(failure, bad_files["english.txt"])


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "gibt-es-nicht.txt"
    failure = _only(list(read_inputs([str(missing)])))
    assert failure.code is ErrorCode.E011
    _assert_one_line(failure, missing)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(GOOD.replace("Städte", "Städte „heute“" if encoding == "cp1252" else "Städte")
                     .encode(encoding))
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert "Gespräche" in article.text
    assert article.headline == "Bund beschließt Milliardenpaket"


def test_mojibake_fixed(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_text(GOOD.encode("utf-8").decode("cp1252"), encoding="utf-8")
    assert "GesprÃ¤che" in path.read_text(encoding="utf-8")
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert "Gespräche" in article.text and "Ã" not in article.text


def test_malformed_html(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.html"
    path.write_text(
        "<html><body><div><p>Die Bundesregierung hat am Dienstag neue Hilfen für Landwirte "
        "beschlossen, die unter der Dürre leiden.<p>Agrarministerin sprach von einem wichtigen "
        "Signal für die Betriebe<div><b>und ihre Familien</i></td>",
        encoding="utf-8",
    )
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert "Landwirte" in article.text


def test_truncated_warc(tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (
        "<html><head><meta charset='utf-8'><title>Hilfen</title></head><body><article>"
        "<h1>Bund beschließt Milliardenpaket</h1>"
        f"<p>{GOOD.split(chr(10) * 2)[3]}</p><p>{GOOD.split(chr(10) * 2)[4]}</p>"
        "</article></body></html>"
    ).encode()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for number in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.de/{number}", "response", payload=io.BytesIO(html),
            http_headers=headers))
    data = buf.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-40])
    items = _read(path)
    assert isinstance(items[0], Article)
    failure = items[-1]
    assert isinstance(failure, Failure) and failure.code is ErrorCode.E004
    _assert_one_line(failure, path)


def test_50_mb_single_line_is_fast(tmp_path: Path) -> None:
    path = tmp_path / "riesig.txt"
    path.write_bytes(b"Gespr\xc3\xa4ch " * (50 * 1024 * 1024 // 12))
    started = time.perf_counter()
    failure = _only(_read(path))
    assert time.perf_counter() - started < 5
    assert failure.code is ErrorCode.E008
    _assert_one_line(failure, path)


def test_batch_goes_on(bad_files: dict[str, Path], tmp_path: Path) -> None:
    good = tmp_path / "gut.txt"
    good.write_text(GOOD, encoding="utf-8")
    paths = [str(p) for p in bad_files.values()]
    paths += [str(tmp_path / "fehlt.txt"), str(good)]
    items = list(read_inputs(paths))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 1
    assert articles[0].headline == "Bund beschließt Milliardenpaket"
    assert len(failures) == len(bad_files) + 1
    for failure in failures:
        assert "\n" not in str(failure)
        assert failure.origin.path in paths
    assert [f.skipped for f in failures].count(True) == 1
