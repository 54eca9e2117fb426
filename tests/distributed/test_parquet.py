"""``ingest --parquet`` and ``merge`` in one process: the store equals a direct ingest, merging
again duplicates nothing, and damaged parts are reported with their code while the rest goes on."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import lagebild
from lagebild.cli import app
from lagebild.distributed import parquet as layout
from lagebild.distributed.merge import merge_parquet
from lagebild.distributed.parquet_ingest import ingest_parquet
from lagebild.errors import LagebildError
from lagebild.pipeline import DEFAULT_STAGES, ingest
from lagebild.store import Store

SHARD = 4096  # bytes: the 12-article sample JSONL becomes several shards

LAYERS = {
    "mentions": "SELECT article_id, start, end, text, label, subtype, actor_id FROM mentions",
    "statements": "SELECT article_id, idx, speaker_actor_id, speaker_text, kind, mode, start, "
                  "end, text, data FROM statements",
    "events": "SELECT article_id, idx, code, plover, quad_class, source_actor_id, "
              "target_actor_id, modality, date, start, end, data FROM events",
}


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in conn.execute(sql).fetchall())


def _parquet_rows(directory: Path, table: str) -> list[tuple[object, ...]]:
    frame = pq.read_table(directory / table).to_pandas()
    frame = frame.astype(object).where(frame.notna(), None)
    return sorted(tuple(r) for r in frame.itertuples(index=False))


def _inputs(tmp_path: Path, samples_dir: Path) -> list[str]:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(samples_dir / "wikinews.jsonl", corpus)
    shutil.copy(samples_dir / "wikinews-12291.txt", corpus)
    (corpus / "empty.txt").write_text("")
    return [str(corpus)]


def _count(db: Store, sql: str) -> int:
    return int(db.conn.execute(sql).fetchone()[0])


def test_merge_equals_direct_ingest(tmp_path: Path, samples_dir: Path) -> None:
    inputs = _inputs(tmp_path, samples_dir)
    out = tmp_path / "pq"
    written = ingest_parquet(inputs, out, stages=DEFAULT_STAGES, shard_size=SHARD)
    assert written.shards > 3 and (written.articles, written.failed) == (13, 1)
    merged = Store(tmp_path / "merged.db")
    report = merge_parquet(out, merged)
    assert (report.items.stored, report.items.failed, report.errors) == (13, 1, [])
    direct = Store(tmp_path / "direct.db")
    ingest(inputs, direct, stages=DEFAULT_STAGES)
    ids = "SELECT id, near_duplicate_of, origin FROM articles"
    assert _rows(merged.conn, ids) == _rows(direct.conn, ids)
    # the merge stores the worker's document as written: the same bytes a direct ingest stores
    docs = "SELECT id, doc FROM articles"
    assert _rows(merged.conn, docs) == _rows(direct.conn, docs)
    # the workers' near-duplicate signatures are the store's own
    signatures = "SELECT id, minhash FROM articles"
    assert _rows(merged.conn, signatures) == _rows(direct.conn, signatures)
    assert _rows(merged.conn, "SELECT origin, code FROM failures") == _rows(
        direct.conn, "SELECT origin, code FROM failures")
    for table, sql in LAYERS.items():
        rows = _rows(merged.conn, sql)
        assert rows, table  # the default pipeline finds all three layers in the samples
        assert rows == _rows(direct.conn, sql), table
        assert rows == _parquet_rows(out, table), table  # what analysts read is what is stored
    clusters = "SELECT plover, actors_key, day, mentions FROM event_clusters"
    assert _rows(merged.conn, clusters) == _rows(direct.conn, clusters)
    # pandas reads each table folder as one data set (hidden temporary files are skipped)
    assert len(pd.read_parquet(out / "articles")) == 13

    again = merge_parquet(out, merged)
    assert (again.shards_already_merged, again.items.read) == (written.shards, 0)
    # the shard with the failure is written again by a rerun (like a file in the store)
    rerun = ingest_parquet(inputs, out, stages=DEFAULT_STAGES, shard_size=SHARD)
    assert (rerun.shards_already_done, rerun.read) == (written.shards - 1, 1)
    third = merge_parquet(out, merged)
    assert third.shards_already_merged == written.shards - 1
    assert _count(merged, "SELECT COUNT(*) FROM articles") == 13
    assert _count(merged, "SELECT COUNT(*) FROM failures") == 1
    merged.close()
    direct.close()


def _as_layout_1(out: Path) -> None:
    """Rewrite every part as layout 1 wrote it: no signature column, ``layout`` 1."""
    for part in sorted(out.glob("*/*.parquet")):
        table = pq.read_table(part)
        meta = json.loads(pq.read_metadata(part).metadata[layout.META_KEY])
        assert meta["layout"] == layout.LAYOUT == 2
        if part.parent.name == "articles":
            table = table.drop_columns(["minhash"])
        meta["layout"] = 1
        pq.write_table(table.replace_schema_metadata(
            {layout.META_KEY: json.dumps(meta).encode("utf-8")}), part)


def test_parts_of_layout_1_merge_as_before(tmp_path: Path, samples_dir: Path) -> None:
    inputs = _inputs(tmp_path, samples_dir)
    out = tmp_path / "pq"
    ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    current = Store(tmp_path / "current.db")
    assert merge_parquet(out, current).errors == []
    _as_layout_1(out)
    old = Store(tmp_path / "old.db")
    report = merge_parquet(out, old)  # the merge computes the signatures itself
    assert (report.errors, report.items.stored) == ([], 13)
    sql = "SELECT id, near_duplicate_of, minhash, doc FROM articles"
    assert _rows(old.conn, sql) == _rows(current.conn, sql)
    # a layout-1 part with layout 2's columns (or the reverse) is not ours
    sid = layout.shard_ids(out)[0]
    part = layout.part_path(out, "articles", sid)
    meta = json.loads(pq.read_metadata(part).metadata[layout.META_KEY])
    meta["layout"] = 2
    pq.write_table(pq.read_table(part).replace_schema_metadata(
        {layout.META_KEY: json.dumps(meta).encode("utf-8")}), part)
    with pytest.raises(LagebildError, match="columns differ from layout 2"):
        layout.read_meta(part)
    current.close()
    old.close()


def test_damaged_parts_are_reported_and_the_rest_goes_on(tmp_path: Path,
                                                         samples_dir: Path) -> None:
    inputs = _inputs(tmp_path, samples_dir)
    out = tmp_path / "pq"
    first = ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    sids = layout.shard_ids(out)
    jsonl = [s for s in sids if s.startswith("wikinews.jsonl")]
    assert len(jsonl) >= 3
    cut = layout.part_path(out, "articles", jsonl[0])
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])  # a copy cut short
    layout.part_path(out, "events", jsonl[1]).unlink()  # a table missing
    pq.write_table(pa.table({"x": [1]}), out / "articles" / "foreign.parquet")

    store = Store(tmp_path / "s.db")
    report = merge_parquet(out, store)
    codes = sorted(f.code.name for f in report.errors)
    assert codes == ["E040", "E041", "E042"]
    assert all(str(out) in str(f.origin) for f in report.errors)
    stored = _count(store, "SELECT COUNT(*) FROM articles")
    assert 0 < stored < first.articles  # the rest was merged
    assert _count(store, "SELECT COUNT(*) FROM failures WHERE code LIKE 'E04%'") == 3

    # the same ingest again rewrites exactly the two damaged shards
    (out / "articles" / "foreign.parquet").unlink()
    rerun = ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    assert rerun.shards - rerun.shards_already_done == 2 + 1  # + the file with a failure
    report = merge_parquet(out, store)
    assert report.errors == []
    assert _count(store, "SELECT COUNT(*) FROM articles") == first.articles
    assert _count(store, "SELECT COUNT(DISTINCT origin) FROM articles") == first.articles
    # the merge errors of the repaired parts are gone; the foreign file's stays listed
    assert _count(store, "SELECT COUNT(*) FROM failures WHERE code LIKE 'E04%'") == 1
    store.close()


def test_writer_killed_between_renames_leaves_no_half_shard(
        tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path, samples_dir)
    out = tmp_path / "pq"
    first = ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    sid = next(s for s in layout.shard_ids(out) if s.startswith("wikinews.jsonl"))
    meta = layout.check_part_set(out, sid)
    tables = {t: pq.read_table(layout.part_path(out, t, sid)) for t in layout.TABLES}
    # a second write of the shard dies at its third rename: the set now mixes two writes
    renames = {"n": 0}
    real_replace = os.replace

    def dying_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        renames["n"] += 1
        if renames["n"] == 3:
            raise KeyboardInterrupt("killed")
        real_replace(src, dst)

    monkeypatch.setattr(layout.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        layout.write_part_set(out, sid, tables, meta)
    monkeypatch.undo()
    assert len(pd.read_parquet(out / "articles")) == first.articles
    store = Store(tmp_path / "s.db")
    report = merge_parquet(out, store)
    assert [f.code.name for f in report.errors] == ["E041"]
    assert "another write" in report.errors[0].message
    (out / "articles" / f".{sid}.stale.tmp").write_bytes(b"left by a killed writer")
    rerun = ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    assert rerun.shards - rerun.shards_already_done == 2  # the mixed set + the failed file
    assert not list((out / "articles").glob(".*.tmp"))
    assert merge_parquet(out, store).errors == []
    assert _count(store, "SELECT COUNT(*) FROM articles") == first.articles
    store.close()


def test_changed_input_replaces_its_old_shards(tmp_path: Path, samples_dir: Path) -> None:
    inputs = _inputs(tmp_path, samples_dir)
    out = tmp_path / "pq"
    ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    before = layout.shard_ids(out)
    again = ingest_parquet(inputs, out, stages=(), shard_size=SHARD * 4)  # other cuts
    after = layout.shard_ids(out)
    assert again.shards == len(after) < len(before)
    assert again.articles == 12  # the JSONL again; the text file's shard was kept
    assert len(pd.read_parquet(out / "articles")) == 13  # no article of the old cuts left


def test_cli_ingest_parquet_then_merge(tmp_path: Path, samples_dir: Path) -> None:
    runner = CliRunner()
    inputs = _inputs(tmp_path, samples_dir)
    out, db = tmp_path / "pq", tmp_path / "cli.db"
    env = {"LAGEBILD_DB": str(db)}
    written = runner.invoke(app, ["ingest", *inputs, "--structure-only", "--parquet", str(out),
                                  "--shard-size", "1", "--json"], env=env)
    assert written.exit_code == 1, written.output  # empty.txt failed (E001)
    report = json.loads(written.stdout)
    assert (report["articles"], report["failed"], report["shards"]) == (13, 1, 3)
    assert not db.exists()  # --parquet opens no store
    merged = runner.invoke(app, ["merge", str(out), "--json"], env=env)
    assert merged.exit_code == 1, merged.output
    data = json.loads(merged.stdout)
    assert (data["stored"], data["failed"], data["store"]["articles"]) == (13, 1, 13)
    again = runner.invoke(app, ["merge", str(out)], env=env)
    assert "shards already merged" in again.stdout and again.exit_code == 0
    missing = runner.invoke(app, ["merge", str(tmp_path / "nothing")], env=env)
    assert missing.exit_code == 2 and "articles/" in missing.output
    stdin = runner.invoke(app, ["ingest", "-", "--parquet", str(out)], env=env)
    assert stdin.exit_code == 2


ARTICLES, KILL_SHARD = 1500, 6000
WRITER = """
import sys
from lagebild.distributed.parquet_ingest import ingest_parquet
ingest_parquet([sys.argv[1]], sys.argv[2], stages=(), shard_size=int(sys.argv[3]))
"""


def test_ingest_killed_mid_run_then_rerun(tmp_path: Path) -> None:
    """SIGKILL of a writing ``ingest --parquet`` process, then the same run again and a merge:
    every article exactly once."""
    rng = random.Random(25)
    # distinct texts: a template repeated would make every article a near-duplicate of the
    # others, and near-duplicate search would dominate the test's time
    words = ("die der und in zu den das nicht von sie ist sich mit dem dass er es ein auf "
             "eine auch als an nach wie im für aber aus durch wenn nur noch werden bei hat "
             "wir wird sein sind oder zur um haben über diese kann vor mehr am unter sehr "
             "schon bis dann alle wieder gegen ganz ohne Regierung Opposition Haushalt "
             "Sprecher Berlin Montag Streit Minister Parlament Gesetz Wahl Land Stadt").split()
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for i in range(ARTICLES):
            text = " ".join(rng.choice(words) for _ in range(40)) + "."
            stream.write(json.dumps({"id": f"n{i}", "text": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "pq"
    src = str(Path(lagebild.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(corpus), str(out), str(KILL_SHARD)],
                            env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((out / "articles").glob("*.parquet"))) >= 3:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = len(list((out / "articles").glob("*.parquet")))
    rerun = ingest_parquet([str(corpus)], out, stages=(), shard_size=KILL_SHARD)
    assert 3 <= before == rerun.shards_already_done  # articles/ is renamed last
    assert rerun.shards_already_done < rerun.shards and rerun.failed == 0
    store = Store(tmp_path / "k.db")
    assert merge_parquet(out, store).errors == []
    assert _count(store, "SELECT COUNT(*) FROM articles") == ARTICLES
    assert _count(store, "SELECT COUNT(DISTINCT source_id) FROM articles") == ARTICLES
    store.close()


def test_disk_full_is_a_numbered_failure_and_the_rerun_writes(
        tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.distributed import parquet_ingest

    inputs = _inputs(tmp_path, samples_dir)
    out = tmp_path / "pq"

    def full(self: layout.PartSetWriter, items: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parquet_ingest.PartSetWriter, "write", full)
    report = ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    monkeypatch.undo()
    e043 = [f for f in report.failures if f.code.name == "E043"]
    assert len(e043) == report.shards and "No space left" in e043[0].message
    assert layout.shard_ids(out) == [] and not list(out.glob("*/.*.tmp"))
    again = ingest_parquet(inputs, out, stages=(), shard_size=SHARD)
    assert (again.shards_already_done, again.articles) == (0, 13)

