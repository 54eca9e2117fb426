"""Golden files: ``lagebild analyze`` on the samples and the example article gives the
recorded output (``tests/fixtures/golden-analyze-{fast,accurate}.jsonl``, reduced by
``tests/golden_snapshot.py``).

The fixtures were recorded before the typed layers (article schema 1); statements are
compared by content (type, spans, speaker actor), so a format change alone passes and any
change of what is found fails. After an intended change of the analysis, re-record with
``LAGEBILD_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and explain the diff in the commit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from golden_snapshot import snapshot
from lagebild.model import Article
from lagebild.pipeline import analyze, choose_stages

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
EXAMPLE = (Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
           / "examples" / "ntv-2015-moskau-sucht-gespraech.txt")
FIXTURES = REPO / "tests" / "fixtures"


def _inputs() -> list[str]:
    paths = sorted(str(p) for p in SAMPLES.iterdir() if not p.name.startswith("NOTICE"))
    return [*paths, str(EXAMPLE)] if EXAMPLE.is_file() else paths


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_analyze_output_matches_golden_file(mode: str) -> None:
    if mode == "accurate":
        pytest.importorskip("torch", reason="accurate mode needs the 'accurate' extra")
    fixture = FIXTURES / f"golden-analyze-{mode}.jsonl"
    got = [snapshot(item.model_dump(mode="json"))
           for item in analyze(_inputs(), stages=choose_stages(accurate=mode == "accurate"))
           if isinstance(item, Article)]
    if os.environ.get("LAGEBILD_UPDATE_GOLDEN"):
        fixture.write_text("".join(json.dumps(g, ensure_ascii=False, separators=(",", ":"))
                                   + "\n" for g in got), encoding="utf-8")
    expected = {e["id"]: e for e in map(json.loads, fixture.read_text("utf-8").splitlines())}
    assert len(got) >= 17 if EXAMPLE.is_file() else 16
    for article in got:
        want = expected[article["id"]]
        for key in want:
            assert article[key] == want[key], f"{article['id']}: {key} differs"


