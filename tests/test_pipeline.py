"""Ingest: idempotent, resumable after a hard kill, failures stored and reported."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from lagebild.ingest import Failure
from lagebild.model import Article
from lagebild.pipeline import ingest
from lagebild.store import Store

WORDS = [
    "Regierung", "Minister", "Parlament", "Wahl", "Abstimmung", "Gesetz", "Haushalt",
    "Opposition", "Koalition", "Bundestag", "Kanzlerin", "Außenminister", "Gespräch",
    "Verhandlung", "Vertrag", "Krise", "Konflikt", "Einigung", "Sanktionen", "Botschafter",
    "Gipfel", "Truppen", "Waffenruhe", "Flüchtlinge", "Grenze", "Wirtschaft", "Handel",
]


def write_corpus(path: Path, count: int) -> None:
    """``count`` distinct German-looking articles as JSONL."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            words = [WORDS[(i * 7 + j * (i % 5 + 1)) % len(WORDS)] for j in range(40)]
            text = (
                f"Meldung {i}: Die {words[0]} und die {words[1]} haben sich am Montag in Berlin "
                f"getroffen. Es gehe um {' und '.join(words[2:6])}, sagte ein Sprecher der "
                f"{words[6]}. Nummer {i * 31 % 997} zeigt, dass die {words[7]} nicht ruht."
            )
            handle.write(json.dumps({"id": f"n{i}", "text": text}, ensure_ascii=False) + "\n")


def test_ingest_twice_stores_once(tmp_path: Path, samples_dir: Path) -> None:
    store = Store(tmp_path / "s.db")
    first = ingest([str(samples_dir)], store, stages=())
    assert first.stored == 16 and first.failed == 0
    again = ingest([str(samples_dir)], store, stages=())
    assert again.stored == 0 and again.files_already_done == first.files
    # Touch the files: they are read again, but nothing is stored twice.
    for path in samples_dir.glob("*"):
        os.utime(path)
    third = ingest([str(samples_dir)], store, stages=())
    assert third.stored == 0 and third.unchanged == 16
    assert store.stats()["articles"] == 16


def test_bad_inputs_are_reported_and_stored(tmp_path: Path, samples_dir: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 50)
    bad_jsonl = tmp_path / "mixed.jsonl"
    bad_jsonl.write_text('{"id": 1, "text": "Die Regierung in Berlin hat am Montag '
                         'neue Gesetze beschlossen, sagte ein Sprecher."}\n{broken\n',
                         encoding="utf-8")
    store = Store(tmp_path / "s.db")
    report = ingest([str(tmp_path / "*.txt"), str(bad_jsonl), "missing.txt"], store, stages=())
    messages = {str(f.origin): f.code.name for f in report.failures}
    assert messages[str(tmp_path / "empty.txt")] == "E001"
    assert messages[str(tmp_path / "binary.txt")] == "E002"
    assert messages[f"{bad_jsonl}#line 2"] == "E007"
    assert messages["missing.txt"] == "E011"
    assert report.stored == 1
    assert store.stats()["failed"] == 4


def test_interrupted_ingest_resumes_without_loss_or_doubles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 3000)
    db = tmp_path / "kill.db"
    env = {**os.environ, "LAGEBILD_DB": str(db)}
    cmd = [sys.executable, "-m", "lagebild.cli", "ingest", str(corpus), "--structure-only", "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        stored = _count(db)
        if stored >= 100:
            break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < _count(db) < 3000
    result = subprocess.run([*cmd, "--json"], env=env, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["store"]["articles"] == 3000
    assert report["stored"] + report["unchanged"] == 3000
    assert report["store"]["duplicates"] == 0


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_failing_article_does_not_fail_its_chunk(monkeypatch: pytest.MonkeyPatch,
                                                   samples_dir: Path) -> None:
    from lagebild import pipeline, stages
    from lagebild.ingest import read_inputs

    def load() -> stages.StageFunc:
        def run(articles: Iterable[Article]) -> Iterator[Article]:
            for article in articles:
                if "Bundestagswahl" in (article.title or ""):
                    raise ValueError("boom")
                yield article.model_copy(update={"section": "checked"})

        return run

    stages.registry()  # discover the real stages first
    monkeypatch.setitem(stages._REGISTRY, "boom", stages.StageSpec("boom", (), (), load))
    items = list(pipeline.Analyzer(["boom"]).run(read_inputs([str(samples_dir)]), chunk=8))
    failures = [i for i in items if isinstance(i, Failure)]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(failures) == 1 and "boom" in failures[0].message
    assert failures[0].code.name == "E099"
    assert len(articles) == 15 and all(a.section == "checked" for a in articles)
    # input order is kept
    names = [str(i.origin.path if isinstance(i, Article) and i.origin else i.origin)
             for i in items]
    assert names == sorted(names, key=names.index)


def test_accurate_without_its_extra_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                                     samples_dir: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.transformer import extra

    def missing() -> None:
        raise extra.AccurateDependencyError("torch missing; pip install 'lagebild[accurate]'")

    monkeypatch.setattr(extra, "require_accurate", missing)
    dump = sorted(samples_dir.glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["analyze", str(dump), "--accurate"])
    assert result.exit_code == 2
    assert "lagebild[accurate]" in result.stderr


def test_bad_teacher_precision_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                                samples_dir: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.transformer import extra

    monkeypatch.setattr(extra, "require_accurate", lambda: None)  # with or without the extra
    monkeypatch.setenv("LAGEBILD_TEACHER_PRECISION", "fp16")
    dump = sorted(samples_dir.glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["analyze", str(dump), "--accurate"])
    assert result.exit_code == 2
    assert "fp32" in result.stderr and "LAGEBILD_TEACHER_PRECISION" in result.stderr
