"""The speed-ups of the default pipeline keep every result the same (issue 25)."""

from __future__ import annotations

import importlib.util
import platform
import subprocess
import sys

import pytest

from lagebild.actors.kb import load_kb
from lagebild.actors.text import case_of, fold
from lagebild.ingest.language import clearly_german, detect_language
from lagebild.model import Token
from lagebild.nlp import _token
from lagebild.nlp.components import LexicalFeatures, SortedTable

GERMAN = (
    "Der Bundesrat hat am Montag entschieden, dass das neue Gesetz über die Gesundheit nicht "
    "vor Ende Jahr in Kraft treten wird. Laut der Ministerin gibt es noch zu viele Unklarheiten "
    "über die Kosten, und sie will zuerst mit den Kantonen sprechen. Diese haben bereits "
    "gewarnt, dass sie die zusätzlichen Aufgaben nicht bezahlen können. Wird das Gesetz "
    "verschoben, bleibt die alte Regelung noch ein Jahr in Kraft, sagte ein Sprecher."
)
DUTCH = (
    "De regering heeft maandag besloten dat de nieuwe wet op de zorg niet voor het einde van "
    "het jaar zal worden ingevoerd. Volgens de minister is er nog te veel onduidelijkheid over "
    "de kosten, en wil zij eerst met de gemeenten overleggen. Die hebben al eerder gewaarschuwd "
    "dat zij de extra taken niet kunnen betalen. Als de wet wordt uitgesteld, blijft de oude "
    "regeling nog een jaar van kracht, zei een woordvoerder van het ministerie."
)
DANISH = (
    "Regeringen besluttede mandag, at den nye lov om sundhed ikke vil blive indført før "
    "slutningen af året. Ifølge ministeren er der stadig for meget usikkerhed om omkostningerne, "
    "og hun vil først drøfte sagen med kommunerne. De har allerede advaret om, at de ikke kan "
    "betale for de ekstra opgaver. Hvis loven udskydes, forbliver den gamle ordning i kraft."
)


def test_fast_token_equals_model_construct() -> None:
    fields = {"text": "Merkel", "start": 4, "end": 10, "lemma": "Merkel", "pos": "PROPN",
              "tag": "NE", "morph": "Case=Nom", "head": 2, "dep": "nsubj"}
    fast, slow = _token(dict(fields)), Token.model_construct(**fields)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    copy = fast.model_copy(update={"head": 0})
    assert copy.head == 0 and fast.head == 2


def test_sorted_table_is_a_mapping_and_round_trips() -> None:
    lex = LexicalFeatures.__new__(LexicalFeatures)
    LexicalFeatures.__init__(lex, type("N", (), {"vocab": None})())  # type: ignore[arg-type]
    lex.set_table({"Haus": "N", "haus": "x", "Melder": "N", "Rauch": "N", "Berlin": "G"})
    table = lex.table
    assert isinstance(table, SortedTable)
    assert table.words == sorted(table.words)
    assert table.get("Haus") == "N" and table.get("Hau") is None and "Melder" in table
    assert len(table) == 5 and dict(table.items())["Berlin"] == "G"
    with pytest.raises(KeyError):
        table["nichts"]
    blob = lex.to_bytes()
    other = LexicalFeatures.__new__(LexicalFeatures)
    LexicalFeatures.__init__(other, type("N", (), {"vocab": None})())  # type: ignore[arg-type]
    other.from_bytes(blob)
    assert dict(other.table.items()) == dict(table.items())
    other.compound_heads = True
    assert other.code("Rauchmelder").endswith("n")  # tail "Melder" is a noun
    assert other.code("Wohnhaus") == "-n" and other.code("Wohnung") == "-"
    assert other.code("haus") == "x" and other.code("HAUS") == "~x"


def test_language_shortcut_only_for_clear_german() -> None:
    assert clearly_german(GERMAN)
    assert detect_language(GERMAN) == ("de", 1.0)
    for text in (DUTCH, DANISH, "Kurzer Text auf Deutsch."):
        assert not clearly_german(text)
    assert detect_language(DUTCH)[0] == "nl"


def test_fold_fast_path_matches_unicode_path() -> None:
    assert fold("MERKEL") == "merkel"
    assert fold("Müntefering") == fold("MUENTEFERING") == "muentefering"
    assert fold("Željko") == "zeljko"
    assert case_of("UN") == "upper" and case_of("Berlin") == "title" and case_of("1") == "any"


def test_alias_lengths_cover_the_index() -> None:
    kb = load_kb()
    index = kb.index
    for key in list(index)[:5000]:
        assert len(key) in kb.alias_lengths[key[0]]
    assert all(ns == sorted(ns, reverse=True) for ns in kb.alias_lengths.values())


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch not installed")
def test_nlp_import_does_not_import_torch() -> None:
    code = "import sys, lagebild.nlp; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# Rounds of six 8 MiB arrays made and freed, like the language pipeline's chunks: glibc hands
# the freed heap top back to the kernel (48 MiB > its trim threshold) and every round faults
# the pages in again, unless batch_malloc keeps them.
_ROUNDS = """
import resource, sys
import numpy
from lagebild.cache import batch_malloc
if sys.argv[1] == "tuned":
    assert batch_malloc()
faults = []
for _ in range(6):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    arrays = [numpy.ones(2 << 20, dtype="float32") for _ in range(6)]
    del arrays
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(sum(faults[2:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc's allocator only")
def test_batch_malloc_keeps_freed_memory_for_the_next_batch() -> None:
    def later_faults(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", _ROUNDS, mode], capture_output=True,
                             text=True, check=True)
        return int(out.stdout)

    # 4 rounds × 48 MiB = 12,288 pages of 4 KiB (fewer with huge pages) when nothing is kept
    assert later_faults("tuned") < 500 < later_faults("default")
