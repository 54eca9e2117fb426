"""Exports: whole datasets (articles, statements, events, actors) as JSONL, CSV or Parquet
rows, and events as GDELT 2.0 event-table rows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
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


def _geo(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}Geo_{c}" for c in ("Type", "FullName", "CountryCode", "ADM1Code",
                                                "ADM2Code", "Lat", "Long", "FeatureID"))


def _actor(n: int) -> tuple[str, ...]:
    return tuple(f"Actor{n}{c}" for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code"))


#: the 61 columns of the GDELT 2.0 event table, in the codebook's order
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", *_actor(1), *_actor(2),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_geo("Actor1"), *_geo("Actor2"), *_geo("Action"), "DATEADDED", "SOURCEURL",
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
    """One GDELT 2.0 event row per event cluster (an event, however many reports): the
    columns Lagebild knows are filled, the others (ethnic and religion codes, tone,
    coordinates) left empty. NumMentions/NumSources/NumArticles count the cluster's reports."""
    from lagebild.actors.kb import load_kb

    kb = load_kb()
    index = actor_index(conn)
    where = Where().dates("c.day", date_from, date_to)
    rows = conn.execute(
        f"""SELECT c.id, c.day, c.code, c.quad_class, c.goldstein, c.mentions, c.articles,
                   c.sources, c.root_idx, a.url, a.ingested_at,
                   json_extract(e.data, '$.location.text') AS place,
                   (SELECT group_concat(actor_id) FROM cluster_actors x
                    WHERE x.cluster_id = c.id AND x.role = 'source') AS sources_ids,
                   (SELECT group_concat(actor_id) FROM cluster_actors x
                    WHERE x.cluster_id = c.id AND x.role = 'target') AS target_ids
            FROM event_clusters c JOIN articles a ON a.id = c.root_article_id
              JOIN events e ON e.article_id = c.root_article_id AND e.idx = c.root_idx
            {where.sql} ORDER BY c.day, c.id""", where.params)

    def actor_cols(n: int, ids: str | None, day: str) -> dict[str, Any]:
        actor_id = sorted((ids or "").split(","))[0] if ids else ""
        if not actor_id:
            return {}
        info = kb.get(actor_id)
        code = (info.cameo_at(day) if info else None) or ""
        return {f"Actor{n}Code": code,
                f"Actor{n}Name": (info.name if info else index.name_of(actor_id)).upper(),
                f"Actor{n}CountryCode": kb.country_of(actor_id) or "",
                f"Actor{n}Type1Code": code[3:6] if len(code) >= 6 else ""}

    for r in rows:
        day = r["day"] or ""
        digits = day.replace("-", "")
        code = str(r["code"] or "")
        fraction = ""
        try:  # GDELT: the year plus the fraction of it passed, YYYY.FFFF
            when = date.fromisoformat(day)
            fraction = f"{when.year + when.timetuple().tm_yday / 365:.4f}"
        except ValueError:
            pass
        added = "".join(ch for ch in (r["ingested_at"] or "")[:19] if ch.isdigit())
        yield {
            "GLOBALEVENTID": r["id"],
            "SQLDATE": digits,
            "MonthYear": digits[:6],
            "Year": digits[:4],
            "FractionDate": fraction,
            **actor_cols(1, r["sources_ids"], day),
            **actor_cols(2, r["target_ids"], day),
            # GDELT: the event is in the lead of the article; here: its first event
            "IsRootEvent": 1 if r["root_idx"] == 0 else 0,
            "EventCode": code,
            "EventBaseCode": code[:3],
            "EventRootCode": code[:2],
            "QuadClass": r["quad_class"] or "",
            "GoldsteinScale": "" if r["goldstein"] is None else r["goldstein"],
            "NumMentions": r["mentions"],
            "NumSources": r["sources"],
            "NumArticles": r["articles"],
            "ActionGeo_FullName": r["place"] or "",
            "DATEADDED": added,
            "SOURCEURL": r["url"] or "",
        }


def rows_to_tsv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """Tab-separated rows without a header, as GDELT's files are (tabs and line breaks
    inside a value become spaces)."""
    for row in rows:
        yield "\t".join(" ".join(str(_cell(row.get(c))).split()) for c in columns) + "\n"


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
