"""``lagebild train pipeline`` resumes a stopped run from its last epoch checkpoint, exactly."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from lagebild.training.conll import CONLL_TRAIN

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("LAGEBILD_SHARED", str(REPO.parent / "shared"))) / "data"
pytestmark = pytest.mark.skipif(
    not (DATA / CONLL_TRAIN).is_file(),
    reason="needs ../shared/data (CoNLL-2003 German and the gold files)",
)


def _train(out: Path, logs: list[str], **kw: Any) -> dict[str, Any]:
    from lagebild.training.train import TrainOptions, train_pipeline

    settings: dict[str, Any] = {"seed": 3, "epochs": 2, "lexicon": False, "limit": 8,
                                "silver": False, **kw}
    opts = TrainOptions(data=DATA, out=out, log=logs.append,
                        sources=("germeval", "europarl", "ud", "ud_pud", "conll"), **settings)
    return train_pipeline(opts)


def test_a_stopped_run_resumes_to_the_uninterrupted_result(tmp_path: Path) -> None:
    logs: list[str] = []
    straight = _train(tmp_path / "a", logs, resume=False)
    stopped = _train(tmp_path / "b", logs, max_minutes=-1.0)  # the safety stop after epoch 1
    assert [r["epoch"] for r in stopped["history"]] == [1]
    resumed = _train(tmp_path / "b", logs)
    assert any(line.startswith("resuming after epoch 1") for line in logs)

    def scores(result: dict[str, Any]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "seconds"} for r in result["history"]]

    assert scores(resumed) == scores(straight)  # losses and dev scores, epoch by epoch
    assert "conll_f1" in straight["history"][0]
    log_lines = (tmp_path / "b" / "train-log.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["epoch"] for x in log_lines] == [1, 2]

    logs.clear()
    _train(tmp_path / "b", logs, conll_misc="oth", epochs=1)  # other options: not resumed
    assert "checkpoint: written with other options, starting afresh" in logs
