"""Byte-range shards: together they read exactly what the whole file reads."""

from __future__ import annotations

import io
import json
from itertools import pairwise
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.ingest import read_inputs
from lagebild.ingest.base import Failure
from lagebild.ingest.shards import plan_shards, read_shard

TEXT = ("Die Bundesregierung hat am Mittwoch in Berlin ein Programm beschlossen, "
        "sagte die Ministerin. Nummer {n} der Reihe.")


def _labels(items: list[object]) -> list[tuple[str, str | None, str | None]]:
    out = []
    for item in items:
        origin = getattr(item, "origin", None)
        ident = getattr(item, "id", None) if not isinstance(item, Failure) else item.code.name
        out.append((str(origin), ident, getattr(item, "source_id", None)))
    return out


def _same_as_whole(path: Path, shard_size: int, at_least: int) -> None:
    shards = plan_shards(str(path), shard_size)
    assert len(shards) >= at_least
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in pairwise(shards))
    assert len({s.key for s in shards}) == len(shards)
    whole = list(read_inputs([str(path)]))
    parts = [item for shard in shards for item in read_shard(shard)]
    assert _labels(parts) == _labels(whole)


def test_jsonl_shards_keep_line_numbers_and_raw_line_separators(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": n, "text": TEXT.format(n=n)}) for n in range(40)]
    # U+2028 is legal raw inside a JSON string; it must not cut the record in two.
    lines[7] = json.dumps({"id": 7, "text": TEXT.format(n=7) + "\u2028Weiter."},
                          ensure_ascii=False)
    lines[20] = "{broken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _same_as_whole(path, 600, at_least=5)
    items = list(read_inputs([str(path)]))
    assert sum(isinstance(i, Failure) for i in items) == 1


def test_csv_shards_never_cut_a_quoted_newline(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    rows = [f"Politik;'{TEXT.format(n=n)}\nZweiter Absatz {n}.'" for n in range(30)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    shards = plan_shards(str(path), 500)
    assert len(shards) > 3
    data = path.read_bytes()
    for shard in shards[1:]:
        assert data[shard.start:].startswith(b"Politik;'")
    _same_as_whole(path, 500, at_least=3)


def _write_warc(path: Path, records: int) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(records):
            html = (f"<html><head><title>Meldung {n}</title></head><body><article><h1>Meldung "
                    f"{n}</h1><p>{TEXT.format(n=n)}</p><p>{TEXT.format(n=n + 100)}</p>"
                    "</article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{n}", "response", payload=io.BytesIO(html),
                http_headers=headers))


def test_warc_gz_shards_are_whole_records(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    _write_warc(path, 12)
    shards = plan_shards(str(path), 1500)
    assert len(shards) > 2
    _same_as_whole(path, 1500, at_least=3)


def test_damaged_warc_is_planned_and_reported_not_raised(tmp_path: Path) -> None:
    """Found by the long fuzz run: a large archive whose scan for cuts hits a line that is no
    WARC header raised warcio's ArchiveLoadFailed out of the planner (E099 for the file)."""
    from lagebild.errors import ErrorCode

    good = tmp_path / "good.warc.gz"
    _write_warc(good, 12)
    path = tmp_path / "a.warc.gz"
    path.write_bytes(b"Wort " * 2000 + b"\n" + good.read_bytes())
    shards = plan_shards(str(path), 1500)
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    items = [item for shard in shards for item in read_shard(shard)]
    assert [i.code for i in items if isinstance(i, Failure)] == [ErrorCode.E004]


def test_small_and_unsplittable_files_are_one_shard(tmp_path: Path) -> None:
    small = tmp_path / "s.jsonl"
    small.write_text(json.dumps({"id": 1, "text": TEXT}) + "\n")
    assert [s.whole for s in plan_shards(str(small), 1 << 20)] == [True]
    text = tmp_path / "t.txt"
    text.write_text(TEXT * 100)
    assert [s.whole for s in plan_shards(str(text), 100)] == [True]


def test_large_inputs_are_read_in_shards_or_fail_with_e015(tmp_path: Path) -> None:
    import gzip

    from lagebild.errors import ErrorCode
    from lagebild.settings import Options

    small = Options(max_input_bytes=20_000)
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"id": n, "text": TEXT.format(n=n)}) + "\n"
                            for n in range(300)))
    assert _labels(list(read_inputs([str(path)], small))) == _labels(list(read_inputs([str(path)])))
    text = tmp_path / "big.txt"
    text.write_text(TEXT * 200)
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * 10_000_000))
    assert len(bomb.read_bytes()) < 20_000
    for name in (text, bomb):
        [failure] = list(read_inputs([str(name)], small))
        assert isinstance(failure, Failure) and failure.code is ErrorCode.E015
