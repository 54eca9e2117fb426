"""Build the first-name gender table ``actors/data/first_names.tsv`` (train-time only).

Coreference needs a person's gender to resolve ``sie``/``er`` and ``die Ministerin``; the KB
knows it for its persons and a title gives it for some others ("die Landesrätin Elisabeth
Grossmann"), but most persons a text introduces come with neither. Their first name usually
tells.

The table comes from ``names-dataset`` (first names with the share of women and men who bear
them). A name is a candidate when it is among the ``top`` most frequent first names of one of
the countries the lexicon covers, or when the training splits of the entity corpora begin a
person's name with it (German spellings the lists lack: Wladimir, Baschar, Joschka) and the
dataset ranks it among a country's ``corpus_rank`` most frequent first names; the rest of the
dataset's long tail holds misspellings and surnames. A candidate enters when at least
``min_share`` of its bearers are of one gender. Names borne by both (Andrea: Italian men and
German women; Kim; Toni) stay out on purpose: no gender is better than a wrong one, which
would make coreference skip the right person.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lagebild.actors.first_names import gender_in
from lagebild.actors.kb import DATA_DIR, tsv_rows
from lagebild.training.lexicon import COUNTRIES

HEADER = ("# First names and the gender most of their bearers have (m/f), built by "
          "`lagebild train first-names`\n# from names-dataset "
          "(see lagebild/training/first_names.py).\n"
          "# name\tgender\tshare of that gender (per mille)\n")


def first_name_genders(corpus_names: Iterable[str] = (), countries: Iterable[str] = COUNTRIES,
                       top: int = 500, corpus_rank: int = 20_000,
                       min_share: float = 0.9,
                       dataset: Any = None) -> dict[str, tuple[str, float]]:
    """Name → (``m``/``f``, share of bearers of that gender); ``dataset``: a loaded
    ``names_dataset.NameDataset`` (loaded here when None)."""
    if dataset is None:
        from names_dataset import NameDataset

        dataset = NameDataset()
    nd = dataset  # the dataset's own short name
    candidates: set[str] = set()
    for cc in countries:
        for names in nd.get_top_names(n=top, country_alpha2=cc).get(cc, {}).values():
            candidates.update(n for n in names if _plausible(n))
    for name in set(corpus_names) - candidates:
        ranks = ((nd.search(name) or {}).get("first_name") or {}).get("rank") or {}
        if _plausible(name) and any(r is not None and r <= corpus_rank for r in ranks.values()):
            candidates.add(name)
    table: dict[str, tuple[str, float]] = {}
    for name in sorted(candidates):
        found = (nd.search(name) or {}).get("first_name") or {}
        shares = found.get("gender") or {}
        female, male = float(shares.get("Female", 0.0)), float(shares.get("Male", 0.0))
        if max(female, male) >= min_share:
            table[name] = ("f", female) if female > male else ("m", male)
    return table


def corpus_first_names(data: Path) -> set[str]:
    """First words of the multi-word person names in the entity corpora's training splits."""
    from lagebild.training.conll import CONLL_TRAIN, read_conll
    from lagebild.training.data import load_splits

    sents = [s for part in load_splits(data).train.values() for s in part]
    conll = data / CONLL_TRAIN
    if conll.exists():
        sents.extend(read_conll(conll))
    return {s.words[start] for s in sents for start, end, label in s.ents or ()
            if label.startswith("PER") and end - start >= 2}


def _plausible(name: str) -> bool:
    # a capitalised word of letters (the lists hold some initials, digits and all-caps forms)
    return len(name) >= 2 and name[0].isupper() and name[1:].islower() and \
        name.replace("-", "").isalpha()


def write_table(table: dict[str, tuple[str, float]], out: Path) -> int:
    lines = [f"{name}\t{g}\t{round(share * 1000)}\n" for name, (g, share) in sorted(table.items())]
    out.write_text(HEADER + "".join(lines), encoding="utf-8")
    return len(lines)


def kb_persons() -> list[tuple[str, str]]:
    """(name, gender) of the KB table's persons whose gender is given."""
    rows = tsv_rows(DATA_DIR / "tables" / "persons.tsv")
    return [(row[1], row[3]) for row in rows if len(row) > 3 and row[3] in ("m", "f")]


def agreement(table: dict[str, str], persons: Iterable[tuple[str, str]]) -> tuple[int, int, int]:
    """Check against persons of known gender, ``(full name, m/f)``, as the linker reads a name
    (:func:`lagebild.actors.first_names.gender_in`): (covered, agreeing, total)."""
    covered = agreeing = total = 0
    for full, gender in persons:
        total += 1
        given = gender_in(table, full)
        if given is not None:
            covered += 1
            agreeing += given == gender
    return covered, agreeing, total
