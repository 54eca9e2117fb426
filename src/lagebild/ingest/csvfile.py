"""CSV such as 10kGNAD (``label;'text'``): the label becomes the section, the text the body."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from lagebild.errors import ErrorCode
from lagebild.ingest.base import Failure, InputFile, Item, origin, register_reader
from lagebild.ingest.decode import decode_bytes, repair_text
from lagebild.model import ArticleBuilder
from lagebild.settings import Options

csv.field_size_limit(sys.maxsize)


def _dialect(sample: str) -> tuple[str, str]:
    """Delimiter and quote character: 10kGNAD uses ``;`` and ``'``; else sniff."""
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=";,\t")
        return sniffed.delimiter, sniffed.quotechar or '"'
    except csv.Error:
        return ";", "'"


@register_reader("csv", extensions=(".csv", ".tsv"))
def read_csv(inp: InputFile, options: Options) -> Iterator[Item]:
    # Repair mojibake per record, after the size check: one 50 MB broken row stays cheap.
    text = decode_bytes(inp.data, repair=False)
    head = decode_bytes(inp.head, repair=False) if inp.head else text
    delimiter, quotechar = _dialect(head[:20_000])
    rows = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar=quotechar)
    for number, row in enumerate(rows, start=1 + inp.first_record):
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
        builder.set(section=label or None, source_id=f"row {number}")
        yield builder.build().model_copy(update={"origin": where})
