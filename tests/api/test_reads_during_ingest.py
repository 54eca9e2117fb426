"""The API answers while an ingest writes the same store (WAL: readers never wait for the
writer and never see half a batch)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.store import Store

ARTICLES = 500  # structure only: a few seconds of writing, committed every 50 articles
ROOT = Path(__file__).resolve().parents[2]


def _corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            text = (f"Meldung {n}: Die Regierung in Berlin hat am Montag über den Haushalt "
                    f"beraten. Der Minister sagte, die Zahl {n} sei nicht das letzte Wort, und "
                    f"die Opposition kündigte für die nächste Woche eine Debatte an.")
            out.write(json.dumps({"id": n, "title": f"Meldung {n}", "text": text},
                                 ensure_ascii=False) + "\n")


def test_api_reads_while_an_ingest_writes(tmp_path: Path) -> None:
    corpus, db = tmp_path / "news.jsonl", tmp_path / "live.db"
    _corpus(corpus)
    Store(db).close()  # the API opens an existing store read-only
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-m", "lagebild.cli", "ingest", str(corpus), "--db", str(db),
         "--structure-only", "--quiet"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[int] = []
    try:
        with TestClient(create_app(db, api_token="")) as client:
            deadline = time.monotonic() + 120
            while writer.poll() is None and time.monotonic() < deadline:
                health = client.get("/api/health")
                listing = client.get("/api/articles", params={"limit": 5})
                assert health.status_code == 200, health.text
                assert listing.status_code == 200, listing.text
                count, total = health.json()["articles"], listing.json()["total"]
                # each read sees whole batches, and never fewer articles than the read before
                assert count % 50 == 0 and total >= count >= (seen[-1] if seen else 0)
                seen.append(count)
            _, stderr = writer.communicate(timeout=120)
            assert writer.returncode == 0, stderr
            assert client.get("/api/health").json()["articles"] == ARTICLES
    finally:
        if writer.poll() is None:
            writer.kill()
    # the reads overlapped the writing: some saw the store part-way
    assert any(0 < c < ARTICLES for c in seen), seen[:5]
