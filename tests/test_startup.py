"""Start-up caches (KB, language model) give what the slow loads give, and are rebuilt when
their source changes; spaCy is imported without its command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lagebild.actors.kb import DEFAULT_KB, KB, ActorTable, load_with_cache


def _same(a: KB, b: KB) -> None:
    assert list(a.actors) == list(b.actors) and a.actors == b.actors
    assert list(a.role_nouns.items()) == list(b.role_nouns.items())
    assert a.meta == b.meta
    assert list(a.index.items()) == list(b.index.items())
    assert a.prefix_index == b.prefix_index
    assert a.alias_lengths == b.alias_lengths and a.max_alias_len == b.max_alias_len
    assert a._holder_table() == b._holder_table()  # from the actors, each made when asked for
    for role, org in a._holder_table():
        for date in (None, "2015-06-01"):
            assert a.holders(role, org, date) == b.holders(role, org, date)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(folder))
    return folder


def test_kb_cache_equals_json_load_and_follows_changes(cache: Path, tmp_path: Path) -> None:
    fresh = KB.load(DEFAULT_KB)
    built = load_with_cache(DEFAULT_KB)  # no cache yet: parsed, then written
    files = list(cache.glob("kb-*"))
    assert len(files) == 1
    cached = load_with_cache(DEFAULT_KB)  # read back from the cache
    assert isinstance(cached.actors, ActorTable) and not cached.actors._made  # none made yet
    assert cached.get("DEU") == fresh.get("DEU") and cached.get("DEU") is cached.get("DEU")
    assert cached.actors.get("nobody") is None and "nobody" not in cached.actors
    assert cached.get("RUSMIL") == fresh.get("RUSMIL") and len(cached.actors) == len(fresh.actors)
    _same(cached, fresh)
    _same(built, fresh)

    # A changed KB gets its own cache file and its change is seen.
    data = json.loads(DEFAULT_KB.read_text(encoding="utf-8"))
    data["actors"][0]["aliases"] = [*data["actors"][0].get("aliases", []), "Zyxwvut Qrstu"]
    edited = tmp_path / "kb.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    first = load_with_cache(edited)
    assert len(list(cache.glob("kb-*"))) == 2
    again = load_with_cache(edited)
    assert again.find("Zyxwvut Qrstu")[0].id == data["actors"][0]["id"]
    _same(again, first)

    # A damaged cache file is not trusted: the KB is parsed and the file written anew.
    files[0].write_bytes(b"\x00garbage")
    _same(load_with_cache(DEFAULT_KB), fresh)
    assert files[0].read_bytes() != b"\x00garbage"


def test_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from lagebild.ingest.langid_cache import load_identifier

    assert load_identifier().classify("Die Regierung hat heute beschlossen.")[0] == "de"
    assert not any(tmp_path.iterdir())


def test_language_model_cache_classifies_like_py3langid(cache: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from lagebild.ingest.langid_cache import load_identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    load_identifier()
    assert len(list(cache.glob("langid-*.bin"))) == 1
    cached = load_identifier()  # from the decompressed file
    for text in ["Die Bundesregierung hat am Montag ein Gesetz beschlossen.",
                 "The government passed a law on Monday.", "De regering heeft maandag",
                 "Le gouvernement a adopté une loi.", "", "12 34", "Grüezi mitenand"]:
        assert cached.classify(text) == plain.classify(text)


def test_spacy_imported_without_its_command_line() -> None:
    code = (
        "import sys, lagebild.nlp, spacy\n"
        "assert 'spacy.cli' not in sys.modules and 'weasel' not in sys.modules\n"
        "import spacy.cli\n"  # still importable for whoever needs it
        "assert callable(spacy.cli.info) and callable(spacy.info)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
