"""``lagebild merge DIR``: load the Parquet files of ``ingest --parquet`` into the SQLite store.

Every article goes through ``Store.add`` — the same path as a single-process ingest — so ids,
exact and near-duplicates, the full-text index, the layer tables and the event clusters come
out as if the inputs had been ingested directly. The document in ``articles.doc`` is the
record; the ``mentions``/``statements``/``events`` files hold the same rows for analysis
tools, and the merge only checks that they are complete.

Idempotent: a shard is marked merged (key ``<part path>#run=<token>`` in the ``sources``
table) in the transaction that stores it, so running the merge again skips it, and a shard
written again by a later ingest (new token) is merged again without storing anything twice
(article ids are content hashes). Shards are merged in input order (path, then offset), so
near-duplicates link to the same first copy as in a single-process run. A part that cannot
be read is reported with its code (E040–E042, E044), recorded in the ``failures`` table,
and the rest goes on.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import ValidationError

from lagebild.distributed.documents import stored_article
from lagebild.distributed.parquet import check_part_set, part_path, shard_ids
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import Failure, Item
from lagebild.model import Origin
from lagebild.pipeline import IngestReport, record_item
from lagebild.store import Store, minhash
from lagebild.store.minhash import Signature

_BATCH = 256  # documents read from a part at a time: memory stays flat on large shards


@dataclass
class MergeReport:
    shards: int = 0
    shards_already_merged: int = 0
    items: IngestReport = field(default_factory=IngestReport)
    # parts that could not be merged (a broken document inside a part counts as a failed item)
    errors: list[Failure] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        items = self.items.as_dict()
        return {"shards": self.shards, "shards_already_merged": self.shards_already_merged,
                **{k: v for k, v in items.items() if k not in ("files", "files_already_done")},
                "errors": [{"origin": str(f.origin), "code": f.code.name, "message": f.message}
                           for f in self.errors]}


def _error(store: Store, report: MergeReport, part: Path, exc: LagebildError) -> None:
    failure = Failure(Origin(path=str(part)), exc.code, exc.message)
    store.add_failure(failure)
    report.errors.append(failure)


def _items(part: Path, failures: list[dict[str, Any]],
           bad: list[Failure]) -> Iterator[tuple[Item, str | None, Signature | None]]:
    """Articles (with the JSON to store and, from layout 2 on, their near-duplicate signature)
    and failures of a shard in their original order (both sorted by ``seq``)."""
    def articles() -> Iterator[tuple[int, int, Item, str | None, Signature | None]]:
        row = 0
        file = pq.ParquetFile(part)
        columns = ["seq", "doc"]
        if "minhash" in file.schema_arrow.names:
            columns.append("minhash")
        for batch in file.iter_batches(batch_size=_BATCH, columns=columns):
            signatures = (batch.column("minhash").to_pylist() if "minhash" in columns
                          else [None] * batch.num_rows)
            for seq, doc, sig in zip(batch.column("seq").to_pylist(),
                                     batch.column("doc").to_pylist(), signatures, strict=True):
                row += 1
                try:
                    article, stored = stored_article(doc or "")
                except (ValidationError, ValueError) as exc:
                    err = LagebildError(ErrorCode.E044, detail=str(exc).splitlines()[0][:200])
                    failure = Failure(Origin(path=str(part), record=f"row {row}"),
                                      err.code, err.message)
                    bad.append(failure)
                    yield seq, 0, failure, None, None
                    continue
                yield seq, 0, article, stored, minhash.from_bytes(sig) if sig else None

    def stored_failures() -> Iterator[tuple[int, int, Item, str | None, Signature | None]]:
        for r in failures:
            origin = Origin(path=r["path"], record=r["record"], reader=r["reader"] or "")
            code = ErrorCode[r["code"]] if r["code"] in ErrorCode.__members__ else ErrorCode.E099
            yield (r["seq"], 1, Failure(origin, code, r["message"], bool(r["skipped"])), None,
                   None)

    for _seq, _kind, item, stored, signature in heapq.merge(articles(), stored_failures(),
                                                            key=lambda t: (t[0], t[1])):
        yield item, stored, signature


def merge_parquet(directory: str | Path, store: Store,
                  on_shard: Callable[[str], None] | None = None,
                  commit_every: int = 200) -> MergeReport:
    """Load every complete shard of ``directory`` not merged before into ``store``."""
    out = Path(directory)
    report = MergeReport()
    ready: list[tuple[tuple[str, int], str, dict[str, Any]]] = []
    for sid in shard_ids(out):
        report.shards += 1
        try:
            meta = check_part_set(out, sid)
        except LagebildError as exc:
            with store.transaction():
                _error(store, report, part_path(out, "articles", sid).resolve(), exc)
            if on_shard:
                on_shard(sid)
            continue
        ready.append(((str(meta.get("path", "")), int(meta.get("start") or 0)), sid, meta))
    ready.sort(key=lambda entry: entry[0])
    for _order, sid, meta in ready:
        part = part_path(out, "articles", sid).resolve()
        key = f"{part}#run={meta['token']}"
        if on_shard:
            on_shard(sid)
        if store.source_done(part, key):
            report.shards_already_merged += 1
            continue
        try:
            # ParquetFile, not read_table: that one imports pyarrow.dataset and with it pandas
            # (0.2–0.3 s of every merge)
            failures = pq.ParquetFile(part_path(out, "failures", sid)).read().to_pylist()
        except (pa.ArrowException, OSError, ValueError) as exc:
            with store.transaction():
                _error(store, report, part, LagebildError(ErrorCode.E040, detail=str(exc)))
            continue
        bad: list[Failure] = []
        done = 0
        try:
            with store.transaction():
                for item, stored, signature in _items(part, failures, bad):
                    record_item(report.items, item, store, doc=stored, signature=signature)
                    done += 1
                    if done % commit_every == 0:
                        store.commit_and_continue()
                # an earlier merge error of this part is resolved now
                store.conn.execute("DELETE FROM failures WHERE origin = ?", (str(part),))
                if not bad:  # a part with a broken document is tried again next time
                    store.mark_source_done(part, done, key)
        except (pa.ArrowException, OSError) as exc:  # a data page damaged after the footer
            with store.transaction():
                _error(store, report, part, LagebildError(ErrorCode.E040, detail=str(exc)))
            continue
    return report
