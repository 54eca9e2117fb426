"""The first-name gender table and its lookup (``actors/first_names.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from lagebild.actors.first_names import gender_of_name
from lagebild.actors.kb import DATA_DIR, tsv_rows
from lagebild.training.first_names import agreement, first_name_genders, kb_persons, write_table


@pytest.mark.parametrize(("name", "gender"), [
    ("Thomas Szekeres", "m"),
    ("Sonja Wehsely", "f"),
    ("Wladimir Klitschko", "m"),  # a German spelling, from the entity corpora
    ("Hans-Peter Doskozil", "m"),  # both parts agree
    ("Jean-Marie Le Pen", None),  # Jean is either, Marie alone a woman's name
    ("Andrea Nahles", None),  # Italian men and German women
    ("Szekeres", None),  # a surname
    ("Zainab", "f"),  # a first name alone
    ("Xyzzy Quux", None),
])
def test_gender_of_name(name: str, gender: str | None) -> None:
    assert gender_of_name(name) == gender


class FakeNames:
    """The two calls of ``names_dataset.NameDataset`` the builder makes."""

    # name → (gender shares, rank among each country's first names)
    PEOPLE: ClassVar[dict[str, tuple[dict[str, float], dict[str, int]]]] = {
        "Thomas": ({"Male": 0.99, "Female": 0.01}, {"Germany": 2}),
        "Andrea": ({"Male": 0.55, "Female": 0.45}, {"Italy": 1}),
        "Wladimir": ({"Male": 0.99, "Female": 0.01}, {"Ecuador": 51}),
        "Schulzz": ({"Male": 0.95}, {"Germany": 90_000}),
    }

    def get_top_names(self, n: int, country_alpha2: str) -> dict[str, dict[str, list[str]]]:
        return {country_alpha2: {"M": ["Thomas", "Andrea", "THOMAS"], "F": ["Andrea"]}}

    def search(self, name: str) -> dict[str, object]:
        gender, rank = self.PEOPLE.get(name, (None, None))
        return {"first_name": {"gender": gender, "rank": rank} if gender else None}


def test_the_builder_keeps_names_of_one_gender(tmp_path: Path) -> None:
    table = first_name_genders(["Wladimir", "Schulzz"], countries=["DE"], dataset=FakeNames())
    # Andrea is either; THOMAS is no spelling of a name; Schulzz is too rare a first name
    assert table == {"Thomas": ("m", 0.99), "Wladimir": ("m", 0.99)}
    out = tmp_path / "first_names.tsv"
    assert write_table(table, out) == 2
    assert list(tsv_rows(out)) == [["Thomas", "m", "990"], ["Wladimir", "m", "990"]]


def test_the_shipped_table_agrees_with_the_kb() -> None:
    """Every KB person of known gender whose first name is in the table has that gender."""
    table = {row[0]: row[1] for row in tsv_rows(DATA_DIR / "first_names.tsv")}
    covered, agreeing, total = agreement(table, kb_persons())
    assert covered == agreeing and covered >= 0.7 * total
