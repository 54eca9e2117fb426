"""Build the actor KB from the project's German tables, babel (CLDR) and PETRARCH2.

    lagebild kb build [--data ../shared/data] [--out src/lagebild/actors/data/kb.json]

Inputs:
- ``data/tables/states.tsv``, ``orgs.tsv``, ``persons.tsv``, ``roles.tsv`` (written by hand);
- babel's CLDR German territory names (every state without a hand row gets its German name);
- ``events/cameo-codebook/countries.json`` (the list of states and ISO codes);
- ``events/petrarch2-dictionaries/Phoenix.Countries.actors.txt`` (persons with CAMEO
  affiliations and date ranges; matched to hand-written persons by name, the rest added as
  persons known by full name only).

The output is deterministic (sorted, no timestamps) so that a rebuild can be compared with the
shipped file byte for byte.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.actors.ids import government_id, kb_person_id
from lagebild.actors.kb import DATA_DIR, KB, Actor, Affiliation, RoleNoun, Term, tsv_rows
from lagebild.actors.text import alias_key

TABLES = DATA_DIR / "tables"
PETRARCH_FILE = "events/petrarch2-dictionaries/Phoenix.Countries.actors.txt"
COUNTRIES_FILE = "events/cameo-codebook/countries.json"
MIN_PETRARCH_DATE = "2000-01-01"  # persons whose last affiliation ended earlier are left out
EXTRA_STATES = {"XKX": "XK"}  # Kosovo (user-assigned ISO code)
# PETRARCH aliases starting with these words are titles, not names
_TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "FOREIGN", "SECRETARY", "CHANCELLOR", "KANZLER",
    "BUNDESKANZLER", "SENATOR", "AMBASSADOR", "GENERAL", "MR", "MR.", "MRS", "MRS.", "MS",
    "DR", "DR.", "KING", "QUEEN", "PRINCE", "SHEIKH", "SHEIK", "GOVERNOR", "DEFENSE",
    "DEFENCE", "INTERIOR", "FINANCE", "RUSSIAN", "AMERICAN", "GERMAN", "FRENCH", "BRITISH",
    "US", "U.S.", "UNITED", "FORMER", "LEADER", "CHIEF", "DEPUTY", "VICE", "PREMIER",
    "COLONEL", "COL.", "GEN.", "LT.", "MAJOR", "ADMIRAL", "JUDGE", "JUSTICE", "SPEAKER",
    "REPRESENTATIVE", "REP.", "SEN.", "GOV.", "PRES.", "AYATOLLAH", "EMIR", "CROWN",
}
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "zu", "del", "di",
              "la", "le", "du", "dos", "das", "ben", "abu", "bint"}


@dataclass
class PetrarchEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    comment: str = ""


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _col(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


# -- PETRARCH -------------------------------------------------------------------------------
def _petrarch_date(token: str) -> str | None:
    token = token.strip()
    if re.fullmatch(r"\d{8}", token):
        return f"{token[:4]}-{token[4:6]}-{token[6:]}"
    if re.fullmatch(r"\d{6}", token):
        year = int(token[:2])
        century = "19" if year > 30 else "20"
        return f"{century}{token[:2]}-{token[2:4]}-{token[4:]}"
    return None


def parse_code(text: str) -> tuple[str, str | None, str | None] | None:
    """``[USAGOV 850103-130201]`` → (USAGOV, 1985-01-03, 2013-02-01); ``>`` / ``<`` open ranges."""
    m = re.match(r"\[\s*([A-Z~+\-]+)\s*([^\]]*)\]", text.strip())
    if not m:
        return None
    code, rng = m.group(1), m.group(2).strip()
    start = end = None
    if rng.startswith(">"):
        start = _petrarch_date(rng[1:])
    elif rng.startswith("<"):
        end = _petrarch_date(rng[1:])
    elif "-" in rng:
        a, b = rng.split("-", 1)
        start, end = _petrarch_date(a), _petrarch_date(b)
    return code, start, end


def parse_petrarch(path: Path) -> list[PetrarchEntry]:
    """Entries of a TABARI/PETRARCH ``.actors`` file (head name, ``+`` aliases, ``[CODE]``)."""
    entries: list[PetrarchEntry] = []
    current: PetrarchEntry | None = None
    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            body, _, comment = line.partition("#")
            stripped = body.strip()
            if line[0] in " \t" and stripped.startswith("["):
                if current is not None:
                    code = parse_code(stripped)
                    if code:
                        current.codes.append(code)
                continue
            if stripped.startswith("+"):
                if current is not None:
                    for alias in stripped.split("+"):
                        alias = alias.strip()
                        if alias:
                            head, _, inline = alias.partition("[")
                            current.aliases.append(head.strip())
                continue
            head, _, inline = stripped.partition("[")
            current = PetrarchEntry(name=head.strip(), comment=comment.strip())
            entries.append(current)
            if inline:
                code = parse_code("[" + inline)
                if code:
                    current.codes.append(code)
    return entries


def _petrarch_name(raw: str) -> str:
    words = [w for w in raw.strip("_ ").replace("_", " ").split() if w]
    out: list[str] = []
    for i, word in enumerate(words):
        parts = word.split("-")
        cased = []
        for j, part in enumerate(parts):
            low = part.lower()
            if (i > 0 or j > 0) and low in _PARTICLES:
                cased.append(low)
            elif len(part) <= 2 and part.endswith("."):
                cased.append(part.upper())
            else:
                cased.append(low[:1].upper() + low[1:])
        out.append("-".join(cased))
    return " ".join(out)


def _is_person(entry: PetrarchEntry, states: set[str]) -> bool:
    if "CountryInfo" not in entry.comment and not any(c[1] or c[2] for c in entry.codes):
        return False
    if not entry.codes or any(c[0][:3] not in states for c in entry.codes):
        return False
    words = entry.name.strip("_ ").split("_")
    return 2 <= len([w for w in words if w]) <= 5 and entry.name.upper() == entry.name


def _person_names(entry: PetrarchEntry) -> list[str]:
    head = _petrarch_name(entry.name)
    names = [head]
    last = head.split()[-1].lower()
    for alias in entry.aliases:
        words = alias.strip("_ ").replace("_", " ").split()
        if len(words) < 2 or words[0].upper() in _TITLE_WORDS:
            continue
        name = _petrarch_name(alias)
        if name.split()[-1].lower() == last and name not in names:
            names.append(name)
    return names


# -- tables ---------------------------------------------------------------------------------
def _babel_names() -> dict[str, str]:
    try:
        from babel import Locale
    except ImportError as exc:  # pragma: no cover - exercised only without the train extra
        raise RuntimeError("kb build needs babel: pip install 'lagebild[train]'") from exc
    return {code: name for code, name in Locale("de").territories.items() if len(code) == 2}


def build_kb(data: Path, tables: Path = TABLES) -> KB:
    countries = json.loads((data / COUNTRIES_FILE).read_text(encoding="utf-8"))
    iso2_of: dict[str, str] = {v["iso3"]: v["iso2"] for v in countries.values()
                               if v.get("iso3") and v.get("iso2")}
    iso2_of.update(EXTRA_STATES)
    babel = _babel_names()
    actors: dict[str, Actor] = {}

    # states and their governments
    hand: dict[str, list[str]] = {row[0].strip(): row for row in tsv_rows(tables / "states.tsv")}
    for iso3 in sorted(iso2_of):
        row = hand.get(iso3)
        cldr = babel.get(iso2_of[iso3])
        name = _col(row, 1) if row else (cldr or iso3)
        aliases = _split(_col(row, 2)) if row else []
        if cldr and cldr != name and cldr not in aliases:
            aliases.append(cldr)
        if name not in aliases:
            aliases.insert(0, name)
        state = Actor(id=iso3, name=name, type="state", cameo=iso3, country=iso3,
                      aliases=aliases, source="lagebild+cldr" if row else "cldr")
        if row:
            state.prefixes = _split(_col(row, 3))
            state.adjectives = _split(_col(row, 4))
            state.demonyms = _split(_col(row, 5))
            state.capitals = _split(_col(row, 6))
            state.seats = _split(_col(row, 7))
        actors[iso3] = state
        gov = government_id(iso3)
        actors[gov] = Actor(id=gov, name=f"{name}: Regierung", type="government", cameo=gov,
                            country=iso3, parent=iso3, source=state.source)

    # organisations
    for row in tsv_rows(tables / "orgs.tsv"):
        oid = row[0].strip()
        actors[oid] = Actor(id=oid, type=_col(row, 1), cameo=_col(row, 2) or None,
                            country=_col(row, 3) or None, parent=_col(row, 4) or None,
                            name=_col(row, 5), aliases=_split(_col(row, 6)),
                            prefixes=_split(_col(row, 7)))

    # persons (hand-written terms)
    for row in tsv_rows(tables / "persons.tsv"):
        pid = row[0].strip()
        person = actors.get(pid)
        if person is None:
            person = Actor(id=pid, name=_col(row, 1), type="person",
                           aliases=_split(_col(row, 2)), gender=_col(row, 3) or None)
            actors[pid] = person
        org = _col(row, 4)
        person.terms.append(Term(role=_col(row, 5), org=org, start=_col(row, 6) or None,
                                 end=_col(row, 7) or None))
        if person.country is None and len(org) == 3 and org in iso2_of:
            person.country = org
        if person.cameo is None:
            person.cameo = (org + "GOV") if len(org) == 3 and org in iso2_of else (
                actors[org].cameo if org in actors else None)

    # PETRARCH persons: affiliations for hand persons, full-name entries for the rest
    by_name: dict[tuple[str, ...], Actor] = {}
    for actor in actors.values():
        if actor.type == "person":
            for alias in [actor.name, *actor.aliases]:
                key = alias_key(alias)
                if len(key) > 1:
                    by_name.setdefault(tuple(k for k in key if k != "-"), actor)
    states = set(iso2_of)
    for entry in parse_petrarch(data / PETRARCH_FILE):
        if not _is_person(entry, states):
            continue
        ends = [c[2] for c in entry.codes]
        if all(e is not None and e < MIN_PETRARCH_DATE for e in ends):
            continue
        names = _person_names(entry)
        affs = [Affiliation(cameo=c, start=s, end=e) for c, s, e in entry.codes]
        match = None
        for name in names:
            match = by_name.get(tuple(k for k in alias_key(name) if k != "-"))
            if match:
                break
        if match is not None:
            for aff in affs:
                if aff not in match.affiliations:
                    match.affiliations.append(aff)
            match.source = "lagebild+petrarch"
            continue
        country = entry.codes[0][0][:3]
        pid = kb_person_id(names[0])
        if pid in actors:
            pid = f"{pid}-{country.lower()}"
        if pid in actors:
            continue
        dated = sorted(affs, key=lambda a: a.start or "")
        actors[pid] = Actor(id=pid, name=names[0], type="person", aliases=names[1:],
                            country=country, cameo=dated[-1].cameo, affiliations=affs,
                            source="petrarch")
        for name in names:
            by_name.setdefault(tuple(k for k in alias_key(name) if k != "-"), actors[pid])

    nouns = [RoleNoun(noun=row[0].strip(), role=_col(row, 1), gender=_col(row, 2) or "-",
                      org=_col(row, 3) or None) for row in tsv_rows(tables / "roles.tsv")]
    counts: dict[str, int] = {}
    for actor in actors.values():
        counts[actor.type] = counts.get(actor.type, 0) + 1
    try:
        import babel as babel_module

        babel_version = str(babel_module.__version__)
    except ImportError:  # pragma: no cover
        babel_version = "?"
    meta = {
        "sources": ["tables/states.tsv", "tables/orgs.tsv", "tables/persons.tsv",
                    "tables/roles.tsv", "babel CLDR de territories", COUNTRIES_FILE,
                    PETRARCH_FILE],
        "babel": babel_version,
        "counts": dict(sorted(counts.items())),
        "is_cameo": "IMGMUSISI",
    }
    return KB(list(actors.values()), nouns, meta)


def check_tables(tables: Path = TABLES) -> list[str]:
    """Problems in the hand tables (unknown role keys, bad dates)."""
    problems: list[str] = []
    roles = {_col(r, 1) for r in tsv_rows(tables / "roles.tsv")}
    roles |= {"president", "leader", "supreme_leader"}
    for row in tsv_rows(tables / "persons.tsv"):
        if _col(row, 5) not in roles:
            problems.append(f"{row[0]}: unknown role {_col(row, 5)!r}")
        for cell in (_col(row, 6), _col(row, 7)):
            if cell and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
                problems.append(f"{row[0]}: bad date {cell!r}")
    return problems

