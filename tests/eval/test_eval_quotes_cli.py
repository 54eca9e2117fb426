"""``lagebild eval quotes`` on a one-document corpus written here (no ../shared needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app

TEXT = "Der Minister sagte: „Wir kommen morgen.“ Dann regnete es."


def _span(part: str) -> dict[str, object]:
    start = TEXT.index(part)
    return {"spans": [{"charBegin": start, "charEnd": start + len(part)}], "text": part}


def write_corpus(folder: Path) -> None:
    tokens = [{"charBegin": m.start(), "charEnd": m.end(), "text": m.group()}
              for m in re.finditer(r"\w+|[^\w\s]", TEXT)]
    doc = {
        "originalText": TEXT,
        "tokens": tokens,
        "sentences": [],
        "annotations": [{
            "type": "Direct", "quote": _span("„Wir kommen morgen.“"), "cue": _span("sagte"),
            "frame": _span("Der Minister sagte:"), "speaker": _span("Der Minister"),
            "addressee": {"spans": [], "text": ""},
        }],
    }
    (folder / "doc.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_product_path_scores_the_analysis(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    from lagebild.stages import MODES

    assert scores["stages"] == list(MODES["fast"])  # the analysis `lagebild analyze` runs
    assert scores["quotations"] == {"system": 1, "gold": 1, "pairs": 1}
    for key in ("message", "roles", "joint", "type", "exact"):
        assert scores[key]["f1"] == 1.0, (key, scores[key])


def test_not_a_corpus_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a Wikinews quotation document" in " ".join(result.output.split())
