"""CSV such as 10kGNAD (``label;'text'``): the label becomes the section, the text the body."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.base import Failure, InputFile, Item, origin, register_reader
from lagebild.ingest.decode import decode_bytes, repair_text
from lagebild.ingest.teasers import carve_teaser_widgets
from lagebild.model import ArticleBuilder
from lagebild.settings import Options

csv.field_size_limit(sys.maxsize)


_DELIMITERS = ";,\t"
_QUOTES = "'\""


def _dialect(sample: str) -> tuple[str, str]:
    """Delimiter and quote character (10kGNAD: ``;`` and ``'``), by votes of the first lines.

    Each line votes for the first delimiter candidate it contains (the label column is
    short) and for the quote character right after it. Not ``csv.Sniffer``: its regular
    expressions backtrack for minutes on some inputs (many quotes, no closing delimiter).
    """
    delimiters: dict[str, int] = {}
    quotes: dict[str, int] = {}
    for line in sample.split("\n", 50)[:50]:
        found = [(line.find(d), d) for d in _DELIMITERS if d in line]
        if not found:
            continue
        at, delimiter = min(found)
        delimiters[delimiter] = delimiters.get(delimiter, 0) + 1
        after = line[at + 1:at + 2]
        if after and after in _QUOTES:
            quotes[after] = quotes.get(after, 0) + 1
    delimiter = max(delimiters, key=lambda d: delimiters[d]) if delimiters else ";"
    if quotes:
        return delimiter, max(quotes, key=lambda q: quotes[q])
    return delimiter, "'" if delimiter == ";" else '"'


def _rows(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows; a malformed one ends the file with E007 (the parser cannot resync)."""
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            raise LagebildError(ErrorCode.E007, detail=f"row {number + 1}: {exc}") from exc
        number += 1
        yield row


@register_reader("csv", extensions=(".csv", ".tsv"))
def read_csv(inp: InputFile, options: Options) -> Iterator[Item]:
    # Repair mojibake per record, after the size check: one 50 MB broken row stays cheap.
    text = decode_bytes(inp.data, repair=False)
    head = decode_bytes(inp.head, repair=False) if inp.head else text
    delimiter, quotechar = _dialect(head[:20_000])
    # newline="": the csv module itself splits records, so a lone "\r" ends one too.
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=quotechar)
    for number, row in enumerate(_rows(rows), start=1 + inp.first_record):
        where = origin(inp, "csv", f"row {number}")
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            yield Failure(where, ErrorCode.E007,
                          ErrorCode.E007.format(detail=f"expected 2 columns, got {len(row)}"))
            continue
        label, body = row[0].strip(), delimiter.join(row[1:])
        if len(body) > options.max_chars:
            yield Failure(where, ErrorCode.E008,
                          ErrorCode.E008.format(size=len(body), limit=options.max_chars))
            continue
        builder = ArticleBuilder()
        builder.add_verbatim_paragraphs(repair_text(body))
        carve_teaser_widgets(builder)
        builder.set(section=label or None, source_id=f"row {number}")
        yield builder.build().model_copy(update={"origin": where})
