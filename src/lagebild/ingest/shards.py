"""Split large JSONL, CSV and WARC files into byte-range shards at record boundaries.

A shard is ``(path, start, end)``: the bytes ``[start, end)`` hold whole records only, so a
worker reads just its range and runs the file's reader on it. Progress is kept per shard
under the key ``<absolute path>#bytes=<start>-<end>`` in the store's ``sources`` table (the
same table, no schema change): an interrupted run redoes only unfinished shards.

Boundaries come from one sequential pass over the file by the planner (the client):
newlines for JSONL, ends of CSV records as the ``csv`` module sees them (a newline inside
a quoted field is not a boundary), record offsets for WARC (each record of a ``.warc.gz`` is
its own gzip member, so a range of members is a valid archive). Files of other formats,
compressed JSONL/CSV and UTF-16 files are one shard: they cannot be cut without reading.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.base import Failure, InputFile, Item
from lagebild.ingest.csvfile import _dialect
from lagebild.ingest.decode import decode_bytes
from lagebild.ingest.dispatch import (
    _describe,
    _failure,
    read_file,
    read_input,
    reader_for,
    too_large,
)
from lagebild.model import Origin
from lagebild.settings import Options

DEFAULT_SHARD_SIZE = 64 << 20  # bytes: a few thousand articles, minutes of work per task
_HEAD = 64 << 10  # bytes of the file a shard's reader may look at for sniffing


@dataclass(frozen=True)
class Shard:
    """Bytes ``[start, end)`` of ``path``; ``end is None`` means the whole file."""

    path: str
    start: int = 0
    end: int | None = None
    first_record: int = 0  # records of the file before this shard

    @property
    def whole(self) -> bool:
        return self.end is None

    @property
    def key(self) -> str:
        """Progress key in the ``sources`` table (the file's own key for a whole file)."""
        resolved = str(Path(self.path).resolve())
        return resolved if self.end is None else f"{resolved}#bytes={self.start}-{self.end}"


def _kind(path: str, head: bytes) -> str | None:
    """Which splitter fits this file, or None (read it whole)."""
    lower = path.lower()
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    return None


def plan_shards(path: str, shard_size: int = DEFAULT_SHARD_SIZE) -> list[Shard]:
    """Shards of about ``shard_size`` bytes covering the whole file, in file order."""
    if shard_size <= 0:
        raise ValueError("shard_size must be positive")
    try:
        size = Path(path).stat().st_size
        if size <= shard_size:
            return [Shard(path)]
        with open(path, "rb") as stream:
            head = stream.read(_HEAD)
        kind = _kind(path, head)
        if kind == "jsonl":
            cuts = _jsonl_cuts(path, shard_size)
        elif kind == "csv":
            cuts = _csv_cuts(path, head, shard_size)
        elif kind == "warc":
            cuts = _warc_cuts(path, shard_size)
        else:
            return [Shard(path)]
    except (OSError, csv.Error, ValueError, EOFError):
        # Unreadable or malformed: one shard, and the reader reports the problem itself.
        return [Shard(path)]
    bounds = [(0, 0)] + [c for c in cuts if 0 < c[0] < size] + [(size, -1)]
    return [
        Shard(path, start, end, first_record=records)
        for (start, records), (end, _) in pairwise(bounds)
        if end > start
    ]


def _jsonl_cuts(path: str, shard_size: int) -> list[tuple[int, int]]:
    """(offset, lines before it): the start of the first line at or after each multiple."""
    cuts: list[tuple[int, int]] = []
    lines = 0
    last = 0
    with open(path, "rb") as stream:
        while True:
            stream.seek(last + shard_size)
            rest = stream.readline()
            if not rest or not rest.endswith(b"\n"):
                return cuts
            cut = stream.tell()
            stream.seek(last)
            # Count newlines in [last, cut) in blocks (the range may be large).
            remaining = cut - last
            while remaining:
                block = stream.read(min(remaining, 1 << 24))
                lines += block.count(b"\n")
                remaining -= len(block)
            cuts.append((cut, lines))
            last = cut


def _csv_cuts(path: str, head: bytes, shard_size: int) -> list[tuple[int, int]]:
    """(offset, records before it) after the first record ending past each multiple."""
    delimiter, quotechar = _dialect(decode_bytes(head, repair=False)[:20_000])
    position = 0

    def lines() -> Iterator[str]:
        nonlocal position
        with open(path, "rb") as stream:
            for line in stream:
                position += len(line)
                # Latin-1 maps bytes 1:1; delimiter, quote and newline are ASCII in every
                # encoding split here, so record ends are found exactly.
                yield line.decode("latin-1")

    cuts: list[tuple[int, int]] = []
    last = 0
    for records, _row in enumerate(csv.reader(lines(), delimiter=delimiter,
                                              quotechar=quotechar), start=1):
        if position - last >= shard_size:
            cuts.append((position, records))
            last = position
    return cuts


def _warc_cuts(path: str, shard_size: int) -> list[tuple[int, int]]:
    """Cuts at record boundaries. Where the archive is damaged the scan stops: the damaged
    rest stays in the last shard, whose reader reports it (E004) after its good records."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from lagebild.ingest.warc import DAMAGED_ARCHIVE

    cuts: list[tuple[int, int]] = []
    last = 0
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream, arc2warc=True)
        try:
            for records, _record in enumerate(iterator):
                offset = iterator.get_record_offset()
                if offset - last >= shard_size:
                    cuts.append((offset, records))
                    last = offset
        except (ArchiveLoadFailed, *DAMAGED_ARCHIVE):
            pass
    return cuts


def read_shard(shard: Shard, options: Options | None = None) -> Iterator[Item]:
    """All items of one shard. Never raises for bad input (like ``paths.read_path``)."""
    options = options or Options()
    if shard.whole:
        size = too_large(shard.path, options)
        if size is None:
            yield from read_file(shard.path, options)
        else:  # a file too large that cannot be cut at record boundaries
            err = LagebildError(ErrorCode.E015, size=size, limit=options.max_input_bytes)
            yield _failure(shard.path, None, err)
        return
    try:
        with open(shard.path, "rb") as stream:
            head = stream.read(_HEAD)
            stream.seek(shard.start)
            data = stream.read((shard.end or 0) - shard.start)
        spec = reader_for(shard.path, head, options)
        inp = InputFile(shard.path, data, first_record=shard.first_record, head=head)
        yield from read_input(inp, options, spec)
    except OSError as exc:
        err = LagebildError(ErrorCode.E011, detail=exc.strerror or str(exc))
        yield _failure(shard.path, f"bytes {shard.start}-{shard.end}", err)
    except LagebildError as exc:
        yield _failure(shard.path, f"bytes {shard.start}-{shard.end}", exc)
    except Exception as exc:
        yield Failure(Origin(path=shard.path, record=f"bytes {shard.start}-{shard.end}"),
                      ErrorCode.E099, ErrorCode.E099.format(detail=_describe(exc)))
