"""The Parquet layout written by ``lagebild ingest --parquet DIR``: one file per shard per table.

::

    DIR/articles/<shard id>.parquet     one row per article read (the full document in ``doc``)
    DIR/mentions/<shard id>.parquet     entity mentions, as the store's ``mentions`` table
    DIR/statements/<shard id>.parquet   statements, as the store's ``statements`` table
    DIR/events/<shard id>.parquet       events, as the store's ``events`` table
    DIR/failures/<shard id>.parquet     inputs that gave no article, with their error code

The shard id is made from the input's name, a hash of its absolute path and the byte range,
so writing a shard again replaces its files instead of adding new ones. The five files of a
shard are streamed to hidden temporary names and renamed only when all five are complete;
each carries the same metadata (the file's key-value metadata, key ``lagebild``: a token
unique to that write, the row counts of all five tables, the input's size and mtime). A set
whose tokens or row counts disagree — a writer killed between two renames, a file copied
half — is detected by ``check_part_set`` and written again by the next ingest; ``lagebild
merge`` reports it (E041) and goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.base import Failure, Item
from lagebild.ingest.shards import Shard
from lagebild.model import Article
from lagebild.store import minhash
from lagebild.store.db import article_signature

LAYOUT = 2  # version of this layout; a reader refuses newer ones (E042)
META_KEY = b"lagebild"

_S, _I = pa.string(), pa.int64()
SCHEMAS: dict[str, pa.Schema] = {
    "mentions": pa.schema([("article_id", _S), ("start", _I), ("end", _I), ("text", _S),
                           ("label", _S), ("subtype", _S), ("actor_id", _S)]),
    "statements": pa.schema([("article_id", _S), ("idx", _I), ("speaker_actor_id", _S),
                             ("speaker_text", _S), ("kind", _S), ("mode", _S), ("start", _I),
                             ("end", _I), ("text", _S), ("data", _S)]),
    "events": pa.schema([("article_id", _S), ("idx", _I), ("code", _S), ("plover", _S),
                         ("quad_class", _I), ("source_actor_id", _S), ("target_actor_id", _S),
                         ("modality", _S), ("date", _S), ("start", _I), ("end", _I),
                         ("data", _S)]),
    # ``seq``: position in the shard's stream of items, so a merge stores articles and
    # failures in the order a single-process ingest would
    "failures": pa.schema([("seq", _I), ("path", _S), ("record", _S), ("reader", _S),
                           ("code", _S), ("message", _S), ("skipped", pa.bool_())]),
    "articles": pa.schema([("seq", _I), ("id", _S), ("source_id", _S), ("url", _S),
                           ("title", _S), ("section", _S), ("outlet", _S), ("published", _S),
                           ("language", _S), ("origin", _S), ("reader", _S), ("chars", _I),
                           ("doc", _S), ("minhash", pa.binary())]),
}
#: layout 1 (before the workers computed the near-duplicate signature): the merge computes it
LAYOUT_1_ARTICLES = SCHEMAS["articles"].remove(SCHEMAS["articles"].get_field_index("minhash"))
#: in the order of renaming: ``articles`` last, so a reader of that table alone sees a
#: shard only once its layers are in place
TABLES: tuple[str, ...] = tuple(SCHEMAS)


def path_hash(path: str) -> str:
    return hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:12]


def shard_id(shard: Shard) -> str:
    """``<file name>-<path hash>-<start>-<end|all>``: stable across runs, unique per range."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(shard.path).name)[:40]
    end = "all" if shard.end is None else str(shard.end)
    return f"{slug}-{path_hash(shard.path)}-{shard.start}-{end}"


def part_path(directory: Path, table: str, sid: str) -> Path:
    return directory / table / f"{sid}.parquet"


# -- rows ----------------------------------------------------------------------------------
def _article_row(seq: int, a: Article) -> dict[str, Any]:
    return {"seq": seq, "id": a.id, "source_id": a.source_id, "url": a.url,
            "title": a.title or a.headline, "section": a.section, "outlet": a.source.outlet,
            "published": a.published, "language": a.language,
            "origin": str(a.origin) if a.origin else "",
            "reader": a.origin.reader if a.origin else None, "chars": len(a.text),
            "doc": a.to_json(),
            # the store's near-duplicate signature, computed here so the serial merge need not
            "minhash": minhash.to_bytes(article_signature(a))}


def _layer_rows(a: Article) -> dict[str, list[dict[str, Any]]]:
    """The rows the store indexes for an article (``Store._add_layers``), column for column."""
    seen: set[tuple[int, int]] = set()
    mentions = []
    for e in a.entities:  # the store keeps the first mention of a span
        if (e.start, e.end) not in seen:
            seen.add((e.start, e.end))
            mentions.append({"article_id": a.id, "start": e.start, "end": e.end,
                             "text": e.text, "label": e.label, "subtype": e.subtype,
                             "actor_id": e.actor})
    statements = [
        {"article_id": a.id, "idx": i,
         "speaker_actor_id": s.speaker.actor.id if s.speaker and s.speaker.actor else None,
         "speaker_text": s.speaker.text if s.speaker else None, "kind": s.type.value,
         "mode": s.mode.value, "start": s.start, "end": s.end,
         "text": " … ".join(q.text for q in s.quote), "data": s.model_dump_json()}
        for i, s in enumerate(a.statements)
    ]
    events = [
        {"article_id": a.id, "idx": i, "code": e.cameo, "plover": e.type.value,
         "quad_class": e.quad_class,
         "source_actor_id": next((r.id for r in e.source if r.id), None),
         "target_actor_id": next((r.id for r in e.target if r.id), None),
         "modality": e.modality.value, "date": e.date.value if e.date else None,
         "start": e.sentence.start, "end": e.sentence.end, "data": e.model_dump_json()}
        for i, e in enumerate(a.events)
    ]
    return {"mentions": mentions, "statements": statements, "events": events}


def shard_tables(items: Sequence[Item], first_seq: int = 0) -> dict[str, pa.Table]:
    """The five tables of a run of a shard's items (``first_seq``: items before them)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for seq, item in enumerate(items, start=first_seq):
        if isinstance(item, Failure):
            o = item.origin
            rows["failures"].append({"seq": seq, "path": o.path, "record": o.record,
                                     "reader": o.reader, "code": item.code.name,
                                     "message": item.message, "skipped": item.skipped})
            continue
        rows["articles"].append(_article_row(seq, item))
        for name, layer in _layer_rows(item).items():
            rows[name].extend(layer)
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


# -- writing -------------------------------------------------------------------------------
class PartSetWriter:
    """Streams a shard's items into its five files; ``commit`` makes them visible as a set.

    Items are written in row groups as they come (memory stays flat on large shards) to
    hidden temporary names (``.<id>.<token>.tmp``: Parquet readers skip names that start
    with a dot). ``commit`` adds the metadata — the token of this write and the row counts
    of all five tables — closes and fsyncs every file, then renames all five. A crash
    leaves temporary files (removed by ``remove_temporary``) or a set with mixed tokens,
    never a file cut short under a final name.
    """

    def __init__(self, directory: Path, sid: str) -> None:
        self.sid = sid
        self.token = uuid.uuid4().hex
        self.rows = dict.fromkeys(TABLES, 0)
        self.seq = 0
        self._paths: dict[str, tuple[Path, Path]] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        try:
            for name in TABLES:
                final = part_path(directory, name, sid)
                final.parent.mkdir(parents=True, exist_ok=True)
                temp = final.with_name(f".{sid}.{self.token}.tmp")
                self._paths[name] = (temp, final)
                self._writers[name] = pq.ParquetWriter(temp, SCHEMAS[name])
        except BaseException:
            self.abort()
            raise

    def write(self, items: Sequence[Item]) -> None:
        self.write_tables(shard_tables(items, self.seq))
        self.seq += len(items)

    def write_tables(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            if table.num_rows:
                self._writers[name].write_table(table.cast(SCHEMAS[name]))
                self.rows[name] += table.num_rows

    def commit(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Close the files with ``meta`` (plus layout, id, token, rows), then rename them."""
        meta = {**meta, "layout": LAYOUT, "shard_id": self.sid, "token": self.token,
                "rows": self.rows}
        encoded = {META_KEY: json.dumps(meta).encode("utf-8")}
        try:
            for name in TABLES:
                writer = self._writers.pop(name)
                writer.add_key_value_metadata(encoded)
                writer.close()
                with open(self._paths[name][0], "rb") as stream:
                    os.fsync(stream.fileno())
            for name in TABLES:
                os.replace(*self._paths[name])
        except BaseException:
            self.abort()
            raise
        return meta

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(pa.ArrowException, OSError):  # the file is deleted next
                writer.close()
        self._writers.clear()
        for temp, _final in self._paths.values():
            temp.unlink(missing_ok=True)


def write_part_set(directory: Path, sid: str, tables: dict[str, pa.Table],
                   meta: dict[str, Any]) -> dict[str, Any]:
    """Write whole tables as the part set of a shard (``PartSetWriter`` in one go)."""
    writer = PartSetWriter(directory, sid)
    try:
        writer.write_tables(tables)
    except BaseException:
        writer.abort()
        raise
    return writer.commit(meta)


def remove_temporary(directory: Path) -> int:
    """Delete temporary files left by killed writers (call only when no writer runs)."""
    removed = 0
    for name in TABLES:
        for temp in (directory / name).glob(".*.tmp"):
            temp.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_stale(directory: Path, path: str, keep: set[str]) -> int:
    """Delete the parts of input ``path`` whose shard is not in ``keep`` (the input changed
    size, or ``--shard-size`` did): they would otherwise be merged beside the new ones."""
    removed = 0
    pattern = f"*-{path_hash(path)}-*.parquet"
    for name in TABLES:
        for part in (directory / name).glob(pattern):
            if part.stem not in keep:
                part.unlink(missing_ok=True)
                removed += 1
    return removed


# -- reading and checking ------------------------------------------------------------------
def read_meta(part: Path) -> tuple[dict[str, Any], int]:
    """The Lagebild metadata and the row count of one part file (one footer read).

    Raises ``LagebildError``: E041 missing, E040 unreadable, E042 not ours or newer.
    """
    try:
        footer = pq.read_metadata(part)
        schema = footer.schema.to_arrow_schema().remove_metadata()
    except FileNotFoundError as exc:
        raise LagebildError(ErrorCode.E041, detail=f"{part.parent.name}/{part.name} is "
                            "missing") from exc
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise LagebildError(ErrorCode.E040, detail=f"{part}: {exc}") from exc
    raw = (footer.metadata or {}).get(META_KEY)
    try:
        meta = json.loads(raw) if raw else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict) or not isinstance(meta.get("layout"), int):
        raise LagebildError(ErrorCode.E042, detail=f"{part}: no Lagebild metadata")
    if meta["layout"] > LAYOUT:
        raise LagebildError(ErrorCode.E042, detail=f"{part}: layout {meta['layout']} is newer "
                            f"than this Lagebild reads ({LAYOUT}); upgrade Lagebild")
    expected = SCHEMAS.get(part.parent.name)
    if meta["layout"] == 1 and part.parent.name == "articles":
        expected = LAYOUT_1_ARTICLES
    if expected is not None and not expected.equals(schema):
        raise LagebildError(ErrorCode.E042, detail=f"{part}: columns differ from layout "
                            f"{meta['layout']}")
    return meta, footer.num_rows


def check_part_set(directory: Path, sid: str) -> dict[str, Any]:
    """The metadata of a shard whose five files are all present, readable and of one write.

    Raises ``LagebildError`` (E040, E041, E042) naming the first problem found.
    """
    meta, _rows = read_meta(part_path(directory, "articles", sid))
    for name in TABLES:
        other, rows = read_meta(part_path(directory, name, sid))
        if other.get("token") != meta.get("token"):
            raise LagebildError(ErrorCode.E041, detail=f"{name}/{sid}.parquet is from another "
                                "write of the shard than articles/")
        if rows != meta["rows"][name]:
            raise LagebildError(ErrorCode.E041, detail=f"{name}/{sid}.parquet has {rows} rows, "
                                f"{meta['rows'][name]} were written")
    return meta


def shard_ids(directory: Path) -> list[str]:
    """Every shard id with at least one part file in ``directory``, sorted."""
    return sorted({p.stem for name in TABLES for p in (directory / name).glob("*.parquet")})
