"""Coreference inside one article.

Three kinds of later mentions are attached to an earlier person:

- surnames and genitives (``John Kerry`` … ``Kerry`` … ``Kerrys``) through :class:`PersonChains`,
  keyed by every name part of a person already mentioned;
- role nouns without a qualifier (``der Minister``, ``die Kanzlerin``) → the nearest preceding
  person holding a compatible role (:meth:`PersonChains.nearest`);
- third-person singular subject pronouns (``sagte er``, ``sie betonte``) → the most salient
  preceding person of compatible gender (:func:`pronoun_gender`,
  :meth:`PersonChains.salient`: recent, repeated and subject-like mentions weigh most).

Token information (morphology) is used when the article has sentences; otherwise a regex
fallback decides whether ``sie`` is singular.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lagebild.actors.text import Tok, fold

# roles that a generic role noun is compatible with
GENERIC_ROLES: dict[str, tuple[str, ...]] = {
    "minister": ("foreign_minister", "defence_minister", "interior_minister", "finance_minister",
                 "justice_minister", "minister"),
    "spokesperson_generic": ("spokesperson", "spokesperson_generic"),
    "leader": ("leader", "head_of_state", "head_of_government", "president", "supreme_leader"),
    "head_of_state": ("head_of_state", "president"),
}

_SING_VERBS = {
    "sei", "habe", "werde", "koenne", "muesse", "wolle", "solle", "ist", "hat", "wird", "kann",
    "muss", "will", "soll", "war", "waere", "haette", "wuerde", "sagte", "sagt",
}


def compatible(role: str, person_roles: set[str]) -> bool:
    wanted = GENERIC_ROLES.get(role, (role,))
    return any(r in person_roles for r in wanted)


#: pronoun salience (``PersonChains.salient``), tuned on the two pronoun tuning sets
SALIENCE_HALF_LIFE = 150.0  # characters
OBLIQUE_WEIGHT = 0.1
PRONOUN_WEIGHT = 0.5
RELATIVE_WEIGHT = 1.0


@dataclass
class PersonChains:
    """Persons mentioned so far in an article, in order."""

    keys: dict[str, str] = field(default_factory=dict)  # folded name part → actor id
    history: list[tuple[int, str]] = field(default_factory=list)  # (start offset, actor id)
    gender: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    # roles of earlier terms, for an undated article (it may be from any of them)
    past_roles: dict[str, set[str]] = field(default_factory=dict)
    oblique: set[int] = field(default_factory=set)  # positions inside PPs or genitives
    pronouns: set[int] = field(default_factory=set)  # positions of resolved pronouns
    # positions of relative pronouns that are a person's subject ("Max Verstappen, …, der …")
    relatives: set[int] = field(default_factory=set)
    # role mentions that may name a person only introduced later (a headline's "Kanzler
    # fordert …" before "Bundeskanzler Werner Faymann"): (index of the mention, role key)
    pending: list[tuple[int, str]] = field(default_factory=list)
    # pronouns of the opening with no person before them (a headline's "Gewinnt sie …?"):
    # indexes of the mentions
    pending_pronouns: list[int] = field(default_factory=list)
    # folded given name → the persons named with it ("Miriam Pielhau" … "Miriam")
    given: dict[str, set[str]] = field(default_factory=dict)
    # person → the officials' nouns named with it ("Staatsanwalt Witold Franke": staatsanwalt)
    officials: dict[str, set[str]] = field(default_factory=dict)
    # (position, gender) of pronouns left to an unnamed person an official reported on
    unnamed: list[tuple[int, str]] = field(default_factory=list)

    def add(self, actor: str, pos: int, names: list[str], gender: str | None = None,
            roles: set[str] | None = None, oblique: bool = False,
            past_roles: set[str] | None = None) -> None:
        for name in names:
            parts = [p for p in re.split(r"[\s]+", name) if p]
            if not parts:
                continue
            self.keys[fold(" ".join(parts))] = actor
            if len(parts) > 1 and parts[0][:1].isupper():
                self.given.setdefault(fold(parts[0]), set()).add(actor)
            last = parts[-1]
            self.keys.setdefault(fold(last), actor)
            if "-" in last:  # al-Assad → Assad
                self.keys.setdefault(fold(last.split("-")[-1]), actor)
        self.history.append((pos, actor))
        if oblique:
            self.oblique.add(pos)
        if gender and not self.gender.get(actor):
            self.gender[actor] = gender
        else:
            self.gender.setdefault(actor, gender)
        self.roles.setdefault(actor, set()).update(roles or set())
        self.past_roles.setdefault(actor, set()).update(past_roles or set())

    def rename(self, old: str, new: str) -> None:
        """Let ``new`` take over what is known of ``old`` (the same person)."""
        self.keys = {key: new if actor == old else actor for key, actor in self.keys.items()}
        self.given = {key: {new if actor == old else actor for actor in actors}
                      for key, actors in self.given.items()}
        self.history = [(pos, new if actor == old else actor) for pos, actor in self.history]
        for table in (self.roles, self.past_roles):
            if old in table:
                table.setdefault(new, set()).update(table.pop(old))
        if self.gender.get(old) and not self.gender.get(new):
            self.gender[new] = self.gender[old]
        self.gender.pop(old, None)

    def named_after(self, pos: int, window: int) -> Iterator[tuple[int, str]]:
        """(start, actor) of each person named after ``pos``, within ``window`` characters, in
        text order (a pronoun or relative pronoun names no one)."""
        for start, actor in self.history:
            if start <= pos or start in self.pronouns or start in self.relatives:
                continue
            if start - pos > window:
                return
            yield start, actor

    def following(self, pos: int, gender: str | None, role: str,
                  accept: Callable[[str], bool], window: int = 600) -> str | None:
        """The first person named after ``pos`` (within ``window`` characters) who holds a
        role compatible with ``role`` (now or, in an undated article, earlier)."""
        for _, actor in self.named_after(pos, window):
            g = self.gender.get(actor)
            if gender and g and g != gender:
                continue
            held = self.roles.get(actor, set()) | self.past_roles.get(actor, set())
            if compatible(role, held) and accept(actor):
                return actor
        return None

    def named(self) -> set[str]:
        """Persons the article has named (not only referred to by a role or pronoun)."""
        return set(self.keys.values())

    def lookup(self, surface: str) -> str | None:
        """The person an earlier mention introduced for this name (genitive -s tolerated)."""
        return next((self.keys[key] for key in _genitive_forms(surface) if key in self.keys),
                    None)

    def by_given_name(self, surface: str) -> str | None:
        """The one person named so far whose full name starts with this given name (genitive
        tolerated: "Iggys" after "Iggy Pop")."""
        actors = next((self.given[key] for key in _genitive_forms(surface) if key in self.given),
                      set())
        return next(iter(actors)) if len(actors) == 1 else None

    def add_pronoun(self, actor: str, pos: int, gender: str | None) -> None:
        """A pronoun resolved to ``actor`` keeps the person salient for later pronouns and
        tells an unknown gender ("Monisha Kaltenborn … Sie"); it names no one for
        :meth:`following`."""
        self.history.append((pos, actor))
        self.pronouns.add(pos)
        if not self.gender.get(actor):
            self.gender[actor] = gender

    def add_relative(self, actor: str, pos: int) -> None:
        """A relative pronoun subject of a clause on the person's mention: the person acts
        there as a subject does, whatever case the mention itself has ("an Max Verstappen,
        19, dem Aufsteiger …, der binnen zwei Jahren … wurde, nachdem er …"); it names no
        one for :meth:`following`."""
        bisect.insort(self.history, (pos, actor))
        self.relatives.add(pos)

    def salient(self, pos: int, gender: str | None = None) -> str | None:
        """The most salient earlier person compatible in gender: each mention adds a weight
        that halves every ``SALIENCE_HALF_LIFE`` characters (a named mention in subject-like
        position 1, one inside a prepositional phrase or genitive ``OBLIQUE_WEIGHT``, a
        resolved pronoun ``PRONOUN_WEIGHT``, a relative pronoun subject ``RELATIVE_WEIGHT``);
        ties go to the later mention. A person named
        again and again stays the antecedent past a passing name ("Rangnick … entlässt ihn
        Rudi Assauer … hätte er"), which "the nearest subject" missed (lab/actors-coref.md,
        fifty-fifth pass)."""
        score: dict[str, float] = {}
        last: dict[str, int] = {}
        for start, actor in self.history:
            if start >= pos:
                continue
            g = self.gender.get(actor)
            if gender and g and g != gender:
                continue
            weight = OBLIQUE_WEIGHT if start in self.oblique else \
                PRONOUN_WEIGHT if start in self.pronouns else \
                RELATIVE_WEIGHT if start in self.relatives else 1.0
            score[actor] = score.get(actor, 0.0) + \
                weight * 0.5 ** ((pos - start) / SALIENCE_HALF_LIFE)
            last[actor] = max(start, last.get(actor, -1))
        if not score:
            return None
        return max(score, key=lambda actor: (score[actor], last[actor]))

    def nearest(self, pos: int, gender: str | None = None, role: str | None = None,
                window: int = 400, past: bool = False,
                accept: Callable[[str], bool] | None = None) -> str | None:
        """Nearest preceding person compatible in gender (``m``/``f``) and role (``past``: a
        role of an earlier term); within ``window`` characters a person in subject-like
        position (not inside a prepositional phrase or genitive) is preferred."""
        held = self.past_roles if past else self.roles
        fallback: str | None = None
        for start, actor in reversed(self.history):
            if start >= pos:
                continue
            g = self.gender.get(actor)
            if gender and g and g != gender:
                continue
            if role and not compatible(role, held.get(actor, set())):
                continue
            if accept is not None and not accept(actor):
                continue
            if start not in self.oblique:
                return actor if fallback is None or pos - start <= window else fallback
            if fallback is None:
                fallback = actor
        return fallback


def _genitive_forms(surface: str) -> list[str]:
    """The folded name, then without a genitive ending ("Kerrys", "Strauss'")."""
    key = fold(surface.strip())
    return [key] + [key[: -len(suffix)] for suffix in ("s", "'", "’") if key.endswith(suffix)]


def pronoun_gender(toks: list[Tok], i: int, sentence_initial: bool,
                   morph: str | None = None) -> str | None:
    """``m`` for *er*, ``f`` for singular *sie*, else None (plural/formal *Sie*, other words)."""
    word = toks[i].text
    if word in ("er", "Er"):
        return "m"
    if word not in ("sie", "Sie"):
        return None
    if word == "Sie" and not sentence_initial:
        return None  # formal address
    if morph:
        return "f" if "Number=Sing" in morph else None
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            neighbour = toks[j].key
            if neighbour in _SING_VERBS:
                return "f"
            if neighbour.isalpha() and neighbour.islower() and neighbour.endswith(("te", "t")) \
                    and not neighbour.endswith(("ten", "en")):
                return "f"
    return None
