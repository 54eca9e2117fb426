"""JSON Lines: one article per line, ``{"id", "text"}`` plus optional metadata.

``text`` is kept exactly as given (offsets computed by others stay valid); the input ``id``
becomes ``source_id``. Optional keys: ``title``, ``url``, ``published``, ``outlet``,
``section``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from lagebild.errors import ErrorCode
from lagebild.ingest.base import Failure, InputFile, Item, origin, register_reader
from lagebild.ingest.dates import normalise_date
from lagebild.ingest.decode import decode_bytes
from lagebild.ingest.teasers import carve_teaser_widgets
from lagebild.model import Article, ArticleBuilder, Source
from lagebild.settings import Options


def _sniff(head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


def article_from_record(record: dict[str, object]) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("field 'text' missing or empty")
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    carve_teaser_widgets(builder)
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        builder.set(headline=title.strip(), title=title.strip())
    outlet = record.get("outlet")
    if isinstance(outlet, str) and outlet.strip():
        builder.set(source=Source(outlet=outlet.strip()))
    record_id = record.get("id")
    builder.set(
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        published=normalise_date(str(record["published"])) if record.get("published") else None,
        section=record.get("section") if isinstance(record.get("section"), str) else None,
        source_id=str(record_id) if record_id is not None else None,
    )
    return builder.build()


@register_reader("jsonl", extensions=(".jsonl", ".ndjson", ".json"), sniff=_sniff)
def read_jsonl(inp: InputFile, options: Options) -> Iterator[Item]:
    # No repair: the texts are used verbatim so that offsets computed on them stay valid.
    text = decode_bytes(inp.data, repair=False)
    # Split on "\n" only: str.splitlines() also splits at U+2028, U+0085 …, which JSON
    # allows raw inside strings (a valid record would be cut in two and fail).
    for number, line in enumerate(text.split("\n"), start=1 + inp.first_record):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = origin(inp, "jsonl", f"line {number}")
        if len(line) > options.max_chars * 2:
            yield Failure(where, ErrorCode.E008,
                          ErrorCode.E008.format(size=len(line), limit=options.max_chars))
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("line is not a JSON object")
            article = article_from_record(record)
        # RecursionError: json.loads on thousands of nested brackets (found by fuzzing).
        except (ValueError, TypeError, RecursionError) as exc:
            detail = str(exc).splitlines()[0][:200]
            yield Failure(where, ErrorCode.E007, ErrorCode.E007.format(detail=detail))
            continue
        yield article.model_copy(update={"origin": where})
