"""SpkAtt 2023 debates as extra quotation-role training data: tokens → text, roles → spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("torch")

from lagebild.training.quotes import read_spkatt, read_spkatt_doc

SPEECH = {
    "Sentences": [
        {"SentenceId": 0, "Tokens": ["Frau", "Präsidentin", "!"]},
        {"SentenceId": 1, "Tokens": ["Die", "Ministerin", "hat", "gesagt", ",", "es", "gehe", "."]},
        {"SentenceId": 2, "Tokens": ["Sie", "sagte", "uns", "das", "."]},
    ],
    "Annotations": [
        {"Source": ["1:0", "1:1"], "Cue": ["1:3"], "Message": ["1:6", "1:5"], "Addr": [],
         "Topic": ["1:0"], "Medium": [], "Evidence": [], "PTC": []},
        {"Source": ["2:0"], "Cue": ["2:1"], "Message": ["2:3"], "Addr": ["2:2"],
         "Topic": [], "Medium": [], "Evidence": [], "PTC": []},
    ],
}


def test_speech_becomes_text_and_role_spans(tmp_path: Path) -> None:
    path = tmp_path / "rede.json"
    path.write_text(json.dumps(SPEECH), encoding="utf-8")
    doc = read_spkatt_doc(path)
    assert doc.text.splitlines()[1] == "Die Ministerin hat gesagt , es gehe ."
    assert [doc.text[a:b] for a, b in doc.sentences] == doc.text.splitlines()
    got = {(s.role, doc.text[s.start : s.end]) for s in doc.spans}
    assert got == {
        ("SPEAKER", "Die Ministerin"), ("CUE", "gesagt"), ("QUOTE", "es gehe"),
        ("SPEAKER", "Sie"), ("CUE", "sagte"), ("ADDRESSEE", "uns"), ("QUOTE", "das"),
    }  # Topic has no counterpart and is dropped


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="SpkAtt"):
        read_spkatt(tmp_path)
