"""A person's gender from the first name (``data/first_names.tsv``).

Coreference skips persons of the other gender (``sie`` after "Thomas Szekeres" must not find him),
so a person the KB does not know, introduced without a gendered title, needs the gender of the
first name. The table is built by ``lagebild train first-names``; names borne by women and men
alike are not in it, and then the gender stays unknown.
"""

from __future__ import annotations

import functools

from lagebild.actors.kb import DATA_DIR, tsv_rows


@functools.cache
def _genders() -> dict[str, str]:
    return {row[0]: row[1] for row in tsv_rows(DATA_DIR / "first_names.tsv") if len(row) > 1}


def gender_of_name(name: str) -> str | None:
    """``m``/``f`` for a name whose first word is a gendered first name, else None.

    A single word counts too: a bare surname of a person named before has been linked to
    that person already, so a new one-word person is usually named by the first name alone
    ("Zainab", "Mohammed"); a surname is rarely in the table."""
    return gender_in(_genders(), name)


def gender_in(genders: dict[str, str], name: str) -> str | None:
    """The gender ``genders`` (first name → m/f) gives ``name``. In a double first name both
    parts must agree ("Hans-Peter"; "Jean-Marie" has none: Marie alone would be a woman's)."""
    words = name.split()
    if not words:
        return None
    first = words[0]
    if first in genders:
        return genders[first]
    parts = {genders.get(part) for part in first.split("-")} if "-" in first else {None}
    return parts.pop() if len(parts) == 1 and None not in parts else None
