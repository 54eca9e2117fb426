"""The event data files: they load, every code exists, the generated table is current."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lagebild.events import codes
from lagebild.events.lexicon import NO_EVENT, Frame, load_lexicon, sein_perfects, without_umlaut
from lagebild.events.triggers import noun_entry

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "lagebild" / "events" / "data"


def test_every_entry_has_a_known_code_and_type() -> None:
    lex = load_lexicon()
    entries = lex.entries()
    assert len(entries) > 250
    types = codes.plover_types()
    assert len(types) == 16
    for entry in entries:
        assert entry.plover in types, entry
        codes.lookup(entry.cameo)  # raises on an unknown code
    for ins in lex.instruments:
        assert ins.plover in types
        codes.lookup(ins.cameo)
    for to_type, to in lex.intent.values():
        assert to_type in types
        codes.lookup(to)
    covered = {e.plover for e in entries}
    assert covered == set(types), set(types) - covered  # every category has triggers


def test_no_pattern_is_listed_twice() -> None:
    """A second row for the same pattern and part of speech is never read (the first wins):
    a harvest must extend an entry, not repeat it."""
    rows = [line.split("\t")[:2] for line in (DATA / "triggers.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith(("#", "pattern\t"))]
    seen: set[tuple[str, str]] = set()
    for pattern, pos in rows:
        assert (pattern, pos) not in seen, f"{pattern} ({pos}) is listed twice"
        seen.add((pattern, pos))


def test_code_table_values() -> None:
    aid = codes.lookup("072")
    assert (aid.plover, aid.contexts, aid.goldstein, aid.quad_class) == (
        "AID", ("military",), 6.0, 2)
    assert codes.lookup("164").plover == "SANCTION"
    assert codes.quad_class("ACCUSE") == 3
    assert codes.plover_types()["AID"].requires_recipient
    with pytest.raises(KeyError, match="999"):
        codes.lookup("999")


def test_frames() -> None:
    assert Frame.parse("", "verb") == Frame(("subj",), ("obj",))
    assert Frame.parse("tgt=pp:an", "noun") == Frame(("gen", "host"), ("pp:an",))
    with pytest.raises(ValueError, match="bad frame"):
        Frame.parse("x=1", "verb")


def test_data_files_are_package_data() -> None:
    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    patterns = data["tool"]["setuptools"]["package-data"]["lagebild"]
    assert "events/data/*.tsv" in patterns
    assert (DATA / "README.md").is_file()


def test_every_data_file_is_described_in_the_data_readme() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    missing = [f.name for f in sorted(DATA.glob("*.tsv")) if f"| `{f.name}` |" not in readme]
    assert not missing, f"data files without a row in events/data/README.md: {missing}"


def test_compounds_of_a_trigger_head_that_name_no_event() -> None:
    lex = load_lexicon()
    for word in ("wahlkampf", "bundestagswahlkampf", "kostenvoranschlag", "arztbesuch"):
        assert lex.noun_entries(word) == [], word
    for word, plover in (("kampf", "ASSAULT"), ("arbeitskampf", "PROTEST"),
                         ("terroranschlag", "ASSAULT"), ("staatsbesuch", "CONSULT")):
        assert [e.plover for e in lex.noun_entries(word)][:1] == [plover], word


def test_perfects_with_sein_come_from_their_data_file() -> None:
    endings = sein_perfects()
    assert {"treten", "reisen", "beteiligen"} <= set(endings)
    assert "zurücktreten".endswith(endings) and not "anklagen".endswith(endings)
    assert "einknicken".endswith(endings) and "geraten".endswith(endings)
    # no ending may also end a verb whose perfect takes "haben" (v2 left out "eilen", …)
    for verb in ("verurteilen", "trennen", "einfrieren", "unterbrechen", "gestehen",
                 "mitteilen", "anklagen", "festnehmen"):
        assert not verb.endswith(endings), verb


def test_an_example_is_no_participant() -> None:
    """``nonagents.tsv`` v12: "zum Beispiel" named the target of a destruction."""
    lex = load_lexicon()
    assert not lex.is_participant("Beispiel") and not lex.is_participant("Begriff")
    assert not any(lex.is_participant(w) for w in ("Sieg", "Angabe", "Mühe", "Pflicht"))
    assert lex.is_participant("Altstädter")


def test_generated_table_is_current(shared_dir: Path, tmp_path: Path) -> None:
    before = (DATA / "cameo_plover.tsv").read_bytes()
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_event_codes.py"),
                    "--shared", str(shared_dir)], check=True, capture_output=True)
    assert (DATA / "cameo_plover.tsv").read_bytes() == before


def test_agent_nouns_and_their_compounds() -> None:
    lex = load_lexicon()
    assert lex.is_agent("Polizei") and lex.is_agent("Bundesregierung")
    assert lex.is_agent("Landespolizei")
    assert not lex.is_agent("Regierungen") and not lex.is_agent("Haus")
    # a head needs ≥ 3 letters of modifier before it: "Exregierung" is no compound to trust
    heads = sorted(lex.agent_heads)
    assert heads and all(len(a) >= 4 for a in heads)
    assert not lex.is_agent("ab" + heads[0]) and lex.is_agent("abc" + heads[0])


def test_unknown_flags_and_slots_fail_at_load() -> None:
    """A typo in triggers.tsv is an error, not a silently ignored flag or slot."""
    from lagebild.events.lexicon import Frame, _trigger

    row = {"pattern": "x", "pos": "verb", "plover": "ACCUSE", "cameo": "111", "frame": "",
           "flags": "needsrc,recipp"}
    with pytest.raises(ValueError, match="recipp"):
        _trigger(row)
    with pytest.raises(ValueError, match="hostob"):
        Frame.parse("src=subj;tgt=hostob", "verb")
    assert Frame.parse("src=agent,host;tgt=pp:mit>pp:gegen,hostobj", "noun").target == (
        "pp:mit>pp:gegen", "hostobj")


def test_plural_with_umlaut_the_lemmatiser_left() -> None:
    """Hyphenated compounds keep their form as lemma ("Extremismus-Vorwürfen",
    "Grenz-Anschläge"): the plural ending is cut and the head's umlaut undone."""
    lex = load_lexicon()
    for form, plover in (("extremismus-vorwürfen", "ACCUSE"), ("grenz-anschläge", "ASSAULT")):
        assert [t.plover for t in noun_entry(lex, form, form)][:1] == [plover]
    assert noun_entry(lex, "häuser", "häuser") == []
    assert [without_umlaut(s) for s in ("vorwürf", "bäum", "export")] == [
        "vorwurf", "baum", "export"]


def test_a_plural_of_an_event_noun_the_lemmatiser_left_names_no_participant() -> None:
    """"von mehreren Schüssen getroffen" with the lemma "schüssen": shots are no agent; people
    in such a plural stay participants."""
    lex = load_lexicon()
    assert not lex.is_participant("schüssen")
    assert not lex.is_participant("anschlägen")
    assert lex.is_participant("demonstranten") and lex.is_participant("polizisten")


def test_idioms_of_no_event_are_no_entries() -> None:
    """The idioms of ``idioms_no_event.tsv`` are matched (an anchor's idiom list holds them)
    but are no lexicon entries with a type."""
    lex = load_lexicon()
    assert any(e.plover == NO_EVENT for e in lex.idioms["verurteilen"])
    assert all(e.plover != NO_EVENT for e in lex.entries())


def test_vehicles_are_listed_apart_from_weapons_and_stay_targets() -> None:
    """``vehicles.tsv``: trains and cars (an accident's agent), not weapons or people; a bus
    stays a participant (the target of "ein Anschlag auf einen Bus")."""
    lex = load_lexicon()
    for noun in ("Intercity", "Lastwagen", "Polizeiauto", "Straßenbahn", "Reisebus"):
        assert lex.names_vehicle(noun), noun
    assert not lex.names_vehicle("Rakete") and not lex.names_vehicle("Nachbar")
    assert lex.is_participant("Bus")


def test_changes_fees_and_loopholes_are_no_participants() -> None:
    """``nonagents.tsv`` v17: "untersuchen den kräftigen Anstieg von Gebühren", "das Schließen
    von Schlupflöchern": a rise, fees and loopholes are nobody."""
    lex = load_lexicon()
    for noun in ("Anstieg", "Preisanstieg", "Gebühr", "Handytarif", "Schlupfloch"):
        assert not lex.is_participant(noun), noun
    assert lex.is_participant("Gebührenzahler")
