"""The actor knowledge base: model, JSON (de)serialisation, alias and role indexes.

The shipped KB is ``lagebild/actors/data/kb.json`` (built by :mod:`lagebild.actors.build`).
Ids are stable: states are ISO 3166 alpha-3 (``RUS``), governments ``<ISO>GOV`` (``RUSGOV``),
IGOs their CAMEO code (``IGOUNO``), bodies/groups/parties ``org:…``/``grp:…``, persons ``per:…``.
State sectors (``RUSMIL``, ``SYRREB`` …) are synthesised on demand by :meth:`KB.get`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import sys
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from lagebild.actors import text as text_module
from lagebild.actors.text import (
    alias_key,
    case_of,
    fold,
    genitive,
    inflect_adjective,
)
from lagebild.cache import gc_paused, read_cached, write_cached

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_KB = DATA_DIR / "kb.json"
KB_FORMAT = 1


def tsv_rows(path: Path) -> Iterator[list[str]]:
    """The cells of each row of a data table (blank lines and ``#`` comments skipped)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


# CAMEO sector codes → German label (for synthesised sector actors like RUSMIL)
SECTORS: dict[str, str] = {
    "GOV": "Regierung",
    "MIL": "Streitkräfte",
    "COP": "Polizei",
    "LEG": "Parlament",
    "JUD": "Justiz",
    "OPP": "Opposition",
    "REB": "Rebellen",
    "SPY": "Geheimdienst",
    "PTY": "Parteien",
}


@dataclass
class Term:
    """A role held for a time: ``foreign_minister`` of ``USA`` from 2013-02-01 to 2017-01-20."""

    role: str
    org: str
    start: str | None = None
    end: str | None = None

    def active(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class Affiliation:
    """A CAMEO code with a date range (from the PETRARCH dictionaries)."""

    cameo: str
    start: str | None = None
    end: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    type: str  # state government body igo igo_body group party institution ngo person sector
    cameo: str | None = None
    country: str | None = None
    parent: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)  # stems, inflected at index time
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)  # seat-of-government metonyms → this actor
    prefixes: list[str] = field(default_factory=list)  # "US" in US-Außenminister
    terms: list[Term] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    source: str = "lagebild"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: v for k, v in data.items() if v not in (None, [], "")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        data = dict(data)
        terms = [Term(**t) for t in data.pop("terms", [])]
        affs = [Affiliation(**a) for a in data.pop("affiliations", [])]
        return cls(**data, terms=terms, affiliations=affs)

    def active_terms(self, date: str | None) -> list[Term]:
        return [t for t in self.terms if t.active(date)]

    def cameo_at(self, date: str | None) -> str | None:
        # Without a date the article is read as current: the KB's own code (the latest role),
        # not the first dated affiliation (Kerry's senate years, Ban's years as a minister).
        if date is None:
            return self.cameo
        for aff in self.affiliations:
            if (aff.start is None or aff.start <= date) and (aff.end is None or date < aff.end):
                return aff.cameo
        return self.cameo


class AliasEntry(NamedTuple):
    # A named tuple, not a dataclass: ~39,000 are made at every start (from the KB cache),
    # and a frozen dataclass's __init__ costs ten times a tuple's.
    actor: str
    kind: str  # name surname adj demonym capital seat
    case: str  # upper title any
    surface: str


# generic roles whose nouns also name the office of a compound ("Migrationsminister",
# "Gesundheitslandesrat"); a "Vereinspräsident" or "Parteichef" is no president or leader of
# a state, so only ministers
COMPOUND_ROLES = frozenset({"minister", "regional_minister"})


@dataclass(frozen=True)
class RoleNoun:
    noun: str
    role: str
    gender: str
    org: str | None


class KB:
    """Actors plus the indexes the linker needs (built lazily)."""

    def __init__(self, actors: list[Actor], role_nouns: list[RoleNoun],
                 meta: dict[str, Any] | None = None) -> None:
        self.actors: Mapping[str, Actor] = {a.id: a for a in actors}
        self.role_nouns: dict[str, RoleNoun] = {}
        for rn in role_nouns:
            self.role_nouns.setdefault(fold(rn.noun), rn)
            for form in (rn.noun + "s", rn.noun + "en", rn.noun + "n"):
                self.role_nouns.setdefault(fold(form), rn)
        # heads of compounds the table need not list: "Migrationsminister" is a minister
        self._compound_heads = sorted(((key, rn) for key, rn in self.role_nouns.items()
                                       if rn.role in COMPOUND_ROLES),
                                      key=lambda pair: -len(pair[0]))
        # the same heads for one endswith test: the linker asks of almost every word
        self._compound_endings = tuple(key for key, _ in self._compound_heads)
        self.meta: dict[str, Any] = dict(meta or {})
        self._index: dict[tuple[str, ...], list[AliasEntry]] | None = None
        self._prefix: dict[str, list[str]] | None = None
        self._holders: dict[tuple[str, str], list[tuple[Term, str]]] | None = None
        self.max_alias_len = 1
        self.alias_lengths: dict[str, list[int]] = {}

    # -- serialisation ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": KB_FORMAT,
            "meta": self.meta,
            "role_nouns": [asdict(r) for r in self._role_noun_list()],
            "actors": [a.to_dict() for a in sorted(self.actors.values(), key=lambda a: a.id)],
        }

    def _role_noun_list(self) -> list[RoleNoun]:
        seen: dict[str, RoleNoun] = {}
        for rn in self.role_nouns.values():
            seen.setdefault(rn.noun, rn)
        return sorted(seen.values(), key=lambda r: r.noun)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KB:
        if data.get("format") != KB_FORMAT:
            raise ValueError(f"unsupported KB format {data.get('format')!r}")
        actors = [Actor.from_dict(a) for a in data["actors"]]
        nouns = [RoleNoun(**r) for r in data.get("role_nouns", [])]
        return cls(actors, nouns, data.get("meta"))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True)
        path.write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | None = None) -> KB:
        return cls.from_dict(json.loads(Path(path or DEFAULT_KB).read_text(encoding="utf-8")))

    # -- lookup -------------------------------------------------------------------------
    def role_noun(self, key: str) -> RoleNoun | None:
        """The role a folded word names: a noun of the table, or a compound whose head is a
        generic role noun (``Migrationsminister``, ``Bürgerschutzministerin``)."""
        listed = self.role_nouns.get(key)
        if listed is not None or not key.endswith(self._compound_endings):
            return listed
        for head, rn in self._compound_heads:  # the longest head first: -ministerin, -minister
            if key.endswith(head) and len(key) > len(head) + 2:
                return rn
        return None

    def get(self, actor_id: str | None) -> Actor | None:
        """An actor by id; ``<ISO><SECTOR>`` ids (``RUSMIL``) are synthesised from the state."""
        if actor_id is None:
            return None
        actor = self.actors.get(actor_id)
        if actor is not None:
            return actor
        iso, sector = actor_id[:3], actor_id[3:]
        state = self.actors.get(iso)
        if state is not None and state.type == "state" and sector in SECTORS:
            return Actor(id=actor_id, name=f"{state.name}: {SECTORS[sector]}", type="sector",
                         cameo=actor_id, country=iso, parent=iso)
        return None

    def country_of(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        if actor is None:
            return None
        if actor.type == "state":
            return actor.id
        return actor.country

    def find(self, name: str) -> list[Actor]:
        """Actors whose id, name or alias matches ``name`` (folded), best first."""
        key = alias_key(name)
        hits: list[Actor] = []
        if name in self.actors:
            hits.append(self.actors[name])
        for entry in self.index.get(key, []):
            actor = self.actors.get(entry.actor)
            if actor is not None and actor not in hits:
                hits.append(actor)
        if not hits:
            needle = fold(name)
            hits = [a for a in self.actors.values() if needle in fold(a.name)][:20]
        return hits

    @property
    def index(self) -> dict[tuple[str, ...], list[AliasEntry]]:
        if self._index is None:
            self._build_index()
        assert self._index is not None
        return self._index

    @property
    def prefix_index(self) -> dict[str, list[str]]:
        if self._prefix is None:
            self._build_index()
        assert self._prefix is not None
        return self._prefix

    def _build_index(self) -> None:
        index: dict[tuple[str, ...], list[AliasEntry]] = {}
        prefix: dict[str, list[str]] = {}

        def add(surface: str, actor: str, kind: str, with_genitive: bool = True) -> None:
            forms = [surface]
            gen = genitive(surface) if with_genitive else None
            if gen:
                forms.append(gen)
            for form in forms:
                key = alias_key(form)
                if not key:
                    continue
                case = case_of(form)
                variants = {key, tuple(k for k in key if k != "-")}
                for variant in variants:
                    if not variant:
                        continue
                    bucket = index.setdefault(variant, [])
                    if all(e.actor != actor or e.kind != kind for e in bucket):
                        bucket.append(AliasEntry(actor, kind, case, form))

        for actor in self.actors.values():
            is_person = actor.type == "person"
            for alias in [actor.name, *actor.aliases]:
                kind = "surname" if is_person and len(alias_key(alias)) == 1 else "name"
                add(alias, actor.id, kind)
            for stem in actor.adjectives:
                for form in inflect_adjective(stem):
                    add(form, actor.id, "adj", with_genitive=False)
            for form in actor.demonyms:
                add(form, actor.id, "demonym", with_genitive=False)
            for form in actor.capitals:
                add(form, actor.id, "capital")
            for form in actor.seats:
                add(form, actor.id + ("GOV" if actor.type == "state" else ""), "seat")
            for form in actor.prefixes:
                prefix.setdefault(fold(form), [])
                if actor.id not in prefix[fold(form)]:
                    prefix[fold(form)].append(actor.id)
        self._index = index
        self._prefix = prefix
        self.max_alias_len = max((len(k) for k in index), default=1)
        # The alias lengths that start with each first word, longest first: the linker tries
        # only these at a token instead of every length up to max_alias_len.
        lengths: dict[str, set[int]] = {}
        for key in index:
            lengths.setdefault(key[0], set()).add(len(key))
        self.alias_lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}

    def _holder_table(self) -> dict[tuple[str, str], list[tuple[Term, str]]]:
        table: dict[tuple[str, str], list[tuple[Term, str]]] = {}
        for actor in self.actors.values():
            for term in actor.terms:
                table.setdefault((term.role, term.org), []).append((term, actor.id))
        return table

    def holders(self, role: str, org: str, date: str | None,
                gender: str | None = None) -> list[tuple[Term, str]]:
        """(term, person id) of ``role`` at ``org`` active at ``date``; without a date the
        current holders (open-ended terms), else the latest ones. ``gender`` (``m``/``f``, a
        role noun's grammatical gender) leaves out holders known to be of the other one."""
        if self._holders is None:
            self._holders = self._holder_table()
        terms = self._holders.get((role, org), [])
        if gender is not None:
            terms = [(t, a) for t, a in terms
                     if (self.get(a) or Actor("", "", "")).gender in (None, gender)]
        active = [(t, a) for t, a in terms if t.active(date)]
        if active or date is not None:
            return active
        latest = sorted(terms, key=lambda ta: ta[0].start or "", reverse=True)
        return latest[:1]


class ActorTable(Mapping[str, Actor]):
    """The actors of a KB read from the cache, by id; each :class:`Actor` is made from its
    marshalled fields the first time it is asked for. Linking an article looks up a few dozen
    of the 17,860 actors; making them all cost ≈ 0.08 s of every start."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._made: dict[str, Actor] = {}

    def __getitem__(self, actor_id: str) -> Actor:
        actor = self._made.get(actor_id)
        if actor is None:
            actor = self._made[actor_id] = _actor(marshal.loads(self._packed[actor_id]))
        return actor

    def get(self, actor_id: str, default: Any = None) -> Any:  # as dict.get, without KeyError
        actor = self._made.get(actor_id)
        if actor is None:
            if actor_id not in self._packed:
                return default
            actor = self._made[actor_id] = _actor(marshal.loads(self._packed[actor_id]))
        return actor

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _actor(values: tuple[Any, ...]) -> Actor:
    fields = list(values)
    fields[_TERMS] = [Term(*t) for t in fields[_TERMS]]
    fields[_AFFILIATIONS] = [Affiliation(*a) for a in fields[_AFFILIATIONS]]
    return Actor(*fields)


# -- compact cache -----------------------------------------------------------------------
# The KB with its alias index from a compact cache file, rebuilt when kb.json or the code
# that builds the index changes.
#
# Parsing the 4 MB ``kb.json`` into 17,860 actors and building the alias index (39,000 keys, one
# ``alias_key`` per surface form and inflection) cost ~0.9 s CPU at every start of ``lagebild
# analyze`` — a fifth of its start-up. The cache stores the result as marshal data (plain
# tuples, lists, dicts, strings: the fastest thing Python reads back, ~0.1 s) in the user cache
# (lagebild.cache). Its name is a hash of the KB's bytes, of ``kb.py`` and ``text.py``
# (which define the index) and of the Python version (marshal's format is per version), so any
# change to one of them builds a new file; the old one is never read again. Each actor is kept
# as its own marshal string and made into an ``Actor`` only when looked up (:class:`ActorTable`),
# and the office holders' table is stored ready-made, so a start does not build 17,860 actors.

_CACHE_FORMAT = 2  # 2: actors packed one by one, the holders table stored
_CACHE_KIND = "kb-"
_ACTOR_FIELDS = [f.name for f in dataclasses.fields(Actor)]
_TERMS = _ACTOR_FIELDS.index("terms")
_AFFILIATIONS = _ACTOR_FIELDS.index("affiliations")


def kb_cache_name(raw: bytes) -> str | None:
    """The cache file name for a KB whose file holds ``raw``; ``None`` when the index code's
    source cannot be read (then there is nothing to tell a stale cache by)."""
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{sys.version_info[:2]}|{marshal.version}".encode())
    for source in (Path(__file__), Path(text_module.__file__ or "")):
        try:
            digest.update(source.read_bytes())
        except OSError:
            return None
    digest.update(raw)
    return f"{_CACHE_KIND}{digest.hexdigest()[:40]}.marshal"


def _encode(data: dict[str, Any], kb: KB) -> bytes:
    # Each actor its own marshal string (unpacked by ActorTable when asked for); the office
    # holders' table, which needs every actor's terms, stored ready-made.
    actors = {}
    for actor in kb.actors.values():
        values = [getattr(actor, name) for name in _ACTOR_FIELDS]
        values[_TERMS] = [dataclasses.astuple(t) for t in actor.terms]
        values[_AFFILIATIONS] = [dataclasses.astuple(a) for a in actor.affiliations]
        actors[actor.id] = marshal.dumps(tuple(values))
    nouns = [tuple(RoleNoun(**r).__dict__.values()) for r in data.get("role_nouns", [])]
    index = {key: [tuple(e) for e in entries] for key, entries in kb.index.items()}
    holders = {key: [(dataclasses.astuple(term), actor) for term, actor in entries]
               for key, entries in kb._holder_table().items()}
    payload = (actors, nouns, data.get("meta"), index, kb.prefix_index, kb.max_alias_len,
               kb.alias_lengths, holders)
    return marshal.dumps(payload)


def _decode(blob: bytes) -> KB:
    (actors_raw, nouns_raw, meta, index_raw, prefix, max_len, lengths,
     holders) = marshal.loads(blob)
    kb = KB([], [RoleNoun(*r) for r in nouns_raw], meta)
    kb.actors = ActorTable(actors_raw)
    kb._holders = {key: [(Term(*term), actor) for term, actor in entries]
                   for key, entries in holders.items()}
    make = tuple.__new__  # AliasEntry(*e) without the Python-level __new__ per entry
    kb._index = {key: [make(AliasEntry, e) for e in entries] for key, entries in index_raw.items()}
    kb._prefix = prefix
    kb.max_alias_len = max_len
    kb.alias_lengths = lengths
    return kb


def load_with_cache(path: Path) -> KB:
    """The KB at ``path`` with its alias index built: from the cache when it holds this KB,
    else parsed and indexed, and the cache written for the next start."""
    with gc_paused():
        return _load(path)


def _load(path: Path) -> KB:
    raw = path.read_bytes()
    name = kb_cache_name(raw)
    if name is not None:
        blob = read_cached(name)
        if blob is not None:
            try:
                return _decode(blob)
            except (EOFError, ValueError, TypeError):
                pass  # a damaged file: rebuilt below
    data = json.loads(raw.decode("utf-8"))
    kb = KB.from_dict(data)
    if name is not None:
        write_cached(name, _encode(data, kb), _CACHE_KIND)
    return kb


@lru_cache(maxsize=4)
def _load_cached(path: str) -> KB:
    return load_with_cache(Path(path))


def load_kb(path: Path | None = None) -> KB:
    """The shipped KB (cached)."""
    return _load_cached(str(Path(path or DEFAULT_KB).resolve()))
