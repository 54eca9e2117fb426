"""Actor ids: one scheme for the knowledge base, the linker, the store and the demo.

An actor id says where the actor is known:

- **in the knowledge base** (``actors/data/kb.json``): states by their ISO 3166 alpha-3 code
  (``RUS``), which is also their CAMEO code; a state's government by that code plus ``GOV``
  (``RUSGOV``); organisations by the hand-written id of ``data/tables/orgs.tsv``
  (``org:usa-white-house``, ``IGOUNO`` …); persons by ``per:`` and the slug of their name
  (``per:john-kerry``; ``per:<slug>-<country>`` when two PETRARCH persons share a name).
- **not in the knowledge base**: ``new:`` + the lower-cased entity label + ``:`` + the slug of
  the name as written (``new:per:hans-muster``, ``new:loc:bagdad``). The linker gives
  unknown persons such ids (article-local: the same slug in two articles is the same
  spelling, not necessarily the same person), and the store groups mentions that carry no
  actor id under the id of their label and text, so an unlinked ``Hans Muster`` and the
  linker's ``new:per:hans-muster`` are one actor in the store and neither can collide
  with a KB person ``per:…``.

``slug`` is the one slug function for all of these: ASCII, lower case, German umlauts
folded (``ä`` → ``ae``, ``ß`` → ``ss``), accents dropped, every other run of characters a
hyphen.
"""

from __future__ import annotations

import re

from lagebild.actors.text import fold

NEW_PREFIX = "new:"
PERSON_PREFIX = "per:"
GOVERNMENT_SUFFIX = "GOV"

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``Hans-Jürgen Papier`` → ``hans-juergen-papier``; ``""`` when nothing is left."""
    return _NON_SLUG.sub("-", fold(name)).strip("-")


def kb_person_id(name: str) -> str:
    """The KB id of a person known by ``name``: ``per:john-kerry``."""
    return PERSON_PREFIX + slug(name)


def government_id(state: str) -> str:
    """The KB id of a state's government: ``RUS`` → ``RUSGOV``."""
    return state + GOVERNMENT_SUFFIX


def new_actor_id(label: str, name: str) -> str:
    """The id of an actor not in the KB: ``("PER", "Hans Muster")`` → ``new:per:hans-muster``.

    ``label`` is the entity label (PER, ORG, LOC, OTH); an empty slug becomes ``x``.
    """
    return f"{NEW_PREFIX}{slug(label) or 'x'}:{slug(name) or 'x'}"


def is_new(actor_id: str) -> bool:
    """True for an actor that is not in the knowledge base (``new:…``)."""
    return actor_id.startswith(NEW_PREFIX)


def is_new_person(actor_id: str) -> bool:
    """True for a person the article named who is not in the knowledge base (``new:per:…``)."""
    return actor_id.startswith(NEW_PREFIX + PERSON_PREFIX)


def mention_actor_id(label: str, text: str, actor_id: str | None = None) -> str:
    """The actor id of one entity mention: its linked ``actor_id``, else the id of an actor
    not in the KB made from its label and text."""
    return actor_id or new_actor_id(label, text)
