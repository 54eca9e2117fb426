"""Exports: whole datasets (articles, statements, events, actors) as JSONL, CSV or Parquet
rows, and events as GDELT 2.0 event-table rows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from lagebild.store.actor_index import actor_index
from lagebild.store.events import list_events
from lagebild.store.filters import Where
from lagebild.store.statements import list_statements

ARTICLE_COLUMNS = ("id", "title", "published", "outlet", "section", "url", "language", "chars",
                   "near_duplicate_of", "source_id")
STATEMENT_COLUMNS = ("article_id", "idx", "speaker", "speaker_actor_id", "type", "mode", "cue",
                     "start", "end", "text", "published")
EVENT_COLUMNS = ("article_id", "idx", "code", "plover", "quad_class", "source_actor_id",
                 "target_actor_id", "modality", "date", "start", "end", "trigger", "text",
                 "published")
ACTOR_COLUMNS = ("id", "name", "label", "mentions", "articles", "first_seen", "last_seen")
DATASET_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "events": EVENT_COLUMNS,
    "actors": ACTOR_COLUMNS,
}

# GDELT 2.0 event table columns Lagebild can fill (plus PLOVER, modality and evidence).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "DATEADDED", "SOURCEURL",
    "PLOVER", "Modality", "ArticleID", "EvidenceStart", "EvidenceEnd", "EvidenceText",
)


def iter_dataset(
    conn: sqlite3.Connection,
    dataset: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    full: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every row of a dataset (articles, statements, events, actors), in pages.

    With ``full`` and ``dataset='articles'`` rows are the complete stored article JSON.
    """
    page = 500
    offset = 0
    if dataset == "actors":
        for actor in actor_index(conn).ranked:
            yield actor.as_dict()
        return
    while True:
        if dataset == "articles":
            where = Where().dates("published", date_from, date_to)
            rows = conn.execute(
                f"""SELECT id, title, published, outlet, section, url, language, chars,
                           near_duplicate_of, source_id, doc FROM articles {where.sql}
                    ORDER BY published, id LIMIT ? OFFSET ?""",
                [*where.params, page, offset],
            ).fetchall()
            for r in rows:
                if full:
                    yield dict(json.loads(r["doc"]))
                else:
                    yield {c: r[c] for c in ARTICLE_COLUMNS}
            count = len(rows)
        elif dataset == "statements":
            items = list_statements(conn, date_from=date_from, date_to=date_to,
                                    sort="published", with_total=False, limit=page,
                                    offset=offset)["items"]
            yield from items
            count = len(items)
        elif dataset == "events":
            items = list_events(conn, date_from=date_from, date_to=date_to, sort="date",
                                with_total=False, limit=page, offset=offset)["items"]
            yield from items
            count = len(items)
        else:
            raise ValueError(f"unknown dataset {dataset!r}")
        if count < page:
            return
        offset += page


def _cell(value: object) -> object:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def rows_to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """CSV text in chunks (header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, start=1):
        writer.writerow([_cell(row.get(c)) for c in columns])
        if n % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def rows_to_jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def gdelt_rows(conn: sqlite3.Connection, *, date_from: str | None = None,
               date_to: str | None = None) -> Iterator[dict[str, Any]]:
    index = actor_index(conn)
    for number, ev in enumerate(
        iter_dataset(conn, "events", date_from=date_from, date_to=date_to), start=1
    ):
        date = (ev.get("date") or ev.get("published") or "")[:10]
        digits = date.replace("-", "")
        code = str(ev.get("code") or "")
        data = ev.get("data") or {}

        def actor_cols(actor_id: str | None, fallback: object) -> tuple[str, str]:
            if not actor_id:
                return "", str(fallback or "")
            info = index.actors.get(actor_id)
            return actor_id, info.name if info else str(fallback or actor_id)

        a1code, a1name = actor_cols(ev.get("source_actor_id"), ev.get("source"))
        a2code, a2name = actor_cols(ev.get("target_actor_id"), ev.get("target"))
        year = digits[:4]
        fraction = ""
        if len(digits) >= 6 and digits[:6].isdigit():
            fraction = f"{int(year) + (int(digits[4:6]) - 1) / 12:.4f}"
        yield {
            "GLOBALEVENTID": number,
            "SQLDATE": digits,
            "MonthYear": digits[:6],
            "Year": year,
            "FractionDate": fraction,
            "Actor1Code": a1code,
            "Actor1Name": a1name,
            "Actor1Type1Code": data.get("source_type", ""),
            "Actor2Code": a2code,
            "Actor2Name": a2name,
            "Actor2Type1Code": data.get("target_type", ""),
            "IsRootEvent": 1 if ev.get("idx") == 0 else 0,
            "EventCode": code,
            "EventBaseCode": code[:3],
            "EventRootCode": code[:2],
            "QuadClass": ev.get("quad_class") or "",
            "GoldsteinScale": data.get("goldstein", ""),
            "NumMentions": 1,
            "NumSources": 1,
            "NumArticles": 1,
            "AvgTone": data.get("tone", ""),
            "DATEADDED": "",
            "SOURCEURL": ev.get("url") or "",
            "PLOVER": ev.get("plover") or "",
            "Modality": ev.get("modality") or "",
            "ArticleID": ev.get("article_id"),
            "EvidenceStart": ev.get("start"),
            "EvidenceEnd": ev.get("end"),
            "EvidenceText": ev.get("text") or "",
        }


def pyarrow_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def rows_to_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> bytes:
    """Parquet bytes (requires the optional ``pyarrow``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_rows = [{c: _cell(r.get(c)) if isinstance(r.get(c), dict | list) else r.get(c)
                   for c in columns} for r in rows]
    table = pa.Table.from_pylist(table_rows) if table_rows else pa.table(
        {c: pa.array([], pa.string()) for c in columns}
    )
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
