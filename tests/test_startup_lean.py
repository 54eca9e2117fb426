"""The lean model load (no saved strings, a tokenizer built only from the saved rules), the
packed lexicon table and the quick exit change nothing but start-up time (issue 25)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lagebild.nlp import DEFAULT_MODEL, _load, components
from lagebild.nlp.components import LexicalFeatures, PackedTable, SortedTable

TEXTS = [
    "Die Bundesregierung hat am Montag in Berlin ein neues Gesetz beschlossen.",
    "„Wir werden das nicht hinnehmen“, sagte Außenministerin Annalena Baerbock (Grüne) am "
    "Dienstag in Brüssel. Die EU-Kommission wies die Vorwürfe zurück; Rauchmelder und "
    "Wellnessurlaube seien nicht betroffen, hieß es aus Kreisen der Behörde.",
    "Der Vorsitzende des Aufsichtsrats der Deutschen Bahn AG, Dr. Müller-Lüdenscheidt, "
    "erklärte u.a., die Zahl der Fahrgäste sei 2023 um 12,5 % auf 1,8 Mrd. gestiegen.",
]


def _annotations(nlp: Any) -> list[list[tuple[object, ...]]]:
    return [
        [(t.text, t.idx, t.lemma_, t.pos_, t.tag_, str(t.morph), t.head.i, t.dep_,
          t.is_sent_start, t.ent_iob_, t.ent_type_, t.norm_, t.prefix_, t.suffix_, t.shape_)
         for t in doc]
        for doc in nlp.pipe(TEXTS)
    ]


def test_lean_load_annotates_like_the_full_load(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(tmp_path))
    built: list[object] = []  # tokenizers made by lagebild.tokenizer_from_disk.v1
    plain_tokenizer = components.Tokenizer
    monkeypatch.setattr(components, "Tokenizer",
                        lambda vocab: built.append(vocab) or plain_tokenizer(vocab))
    path = DEFAULT_MODEL.resolve()
    full = _load.__wrapped__(path, False)
    assert len(built) == 1  # the saved rules only: spaCy's German defaults were never built
    expected = _annotations(full)
    assert len(full.vocab.strings) > 100_000

    lean = _load.__wrapped__(path, True)  # no cache yet: the strings are found and written
    files = list(tmp_path.glob("nlp-strings-*"))
    assert len(files) == 1
    assert len(lean.vocab.strings) < 20_000
    assert _annotations(lean) == expected
    assert lean.tokenizer.rules == full.tokenizer.rules
    assert _annotations(_load.__wrapped__(path, True)) == expected  # from the cache

    files[0].write_bytes(b"\x00garbage")  # a damaged cache file is found again, not trusted
    assert _annotations(_load.__wrapped__(path, True)) == expected
    assert files[0].read_bytes() != b"\x00garbage"


def _lexfeat(table: dict[str, str]) -> LexicalFeatures:
    lex = LexicalFeatures.__new__(LexicalFeatures)
    LexicalFeatures.__init__(lex, type("N", (), {"vocab": None})())  # type: ignore[arg-type]
    lex.set_table(table)
    return lex


@pytest.mark.parametrize("block", [1, 2, 3, 256])
def test_packed_table_finds_what_the_sorted_table_finds(block: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PackedTable, "BLOCK", block)
    words = ["", "A", "Aa", "Haus", "Häuser", "Melder", "Rauch", "US-Amt", "Zürich", "haus",
             "z", "ß", "Ärger", "€", "\U0001f600"]
    table = {w: f"c{i}" for i, w in enumerate(words) if w}
    lex = _lexfeat(table)
    assert isinstance(lex.table, SortedTable)
    packed = _lexfeat({})
    packed.from_bytes(lex.to_bytes())
    assert isinstance(packed.table, PackedTable)
    assert len(packed.table) == len(table) and list(packed.table) == sorted(table)
    assert dict(packed.table.items()) == table and packed.table == lex.table
    probes = [*words, "Hau", "Hausx", "", "0", "zz", "\U0010ffff", "Ä", "Amt", "\udcff"]
    for probe in probes:
        assert packed.table.get(probe) == lex.table.get(probe), probe
        assert (probe in packed.table) == (probe in lex.table)
    for text in ("Rauchmelder", "Wohnhaus", "HAUS", "US-Melder", "Zürich"):
        assert packed.code(text) == lex.code(text)
    with pytest.raises(KeyError):
        packed.table["nichts"]

    empty = _lexfeat({})
    empty.from_bytes(_lexfeat({}).to_bytes())
    assert len(empty.table) == 0 and empty.table.get("A") is None


QUICK = """
import atexit, sys
atexit.register(lambda: print("atexit ran", flush=True))
from lagebild.cli import app
sys.argv = ["lagebild", "analyze", "--structure-only", "--format", "jsonl", *sys.argv[1:]]
app()
"""


def test_quick_exit_keeps_output_exit_status_and_atexit(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Ein Satz über Berlin.\n", encoding="utf-8")
    ok = subprocess.run([sys.executable, "-c", QUICK, str(one)], capture_output=True,
                        text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert '"Ein Satz über Berlin.' in lines[0] and lines[-1] == "atexit ran"

    missing = subprocess.run([sys.executable, "-c", QUICK, str(tmp_path / "none.txt")],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and missing.stdout.splitlines()[-1] == "atexit ran"


def test_app_called_in_process_raises_system_exit(tmp_path: Path) -> None:
    from lagebild.cli import app

    one = tmp_path / "one.txt"
    one.write_text("Ein Satz über Berlin.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as raised:
        app(["analyze", "--structure-only", "--format", "jsonl", str(one)])
    assert raised.value.code == 0


def test_language_model_flat_file_is_mapped_and_rebuilt_when_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from lagebild.ingest.langid_cache import load_identifier

    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(tmp_path))
    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    load_identifier()
    (flat,) = tmp_path.glob("langid-*.bin")
    texts = ["Die Regierung hat am Montag beschlossen.", "The government passed a law.",
             "Le gouvernement a adopté une loi.", "", "12 34", "Grüezi mitenand"]
    mapped = load_identifier()
    assert isinstance(mapped.tk_nextmove, memoryview)
    assert [mapped.classify(t) for t in texts] == [plain.classify(t) for t in texts]

    flat.write_bytes(b"lagebild-langid\n{}")  # damaged: read fails, the file is written anew
    again = load_identifier()
    assert [again.classify(t) for t in texts] == [plain.classify(t) for t in texts]
    assert flat.stat().st_size > 60_000_000


def test_cache_write_removes_half_written_files_of_killed_writers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    from lagebild.cache import write_cached

    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(tmp_path))
    old = tmp_path / ".nlp-strings-aaa.json.x1.tmp"
    fresh = tmp_path / ".nlp-strings-bbb.json.x2.tmp"  # maybe still being written
    for path in (old, fresh):
        path.write_bytes(b"half")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    assert write_cached("nlp-strings-ccc.json", b"[]", "nlp-strings-") is not None
    assert not old.exists() and fresh.exists()
    assert (tmp_path / "nlp-strings-ccc.json").read_bytes() == b"[]"
