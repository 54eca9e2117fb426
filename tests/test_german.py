from __future__ import annotations

import pytest

from lagebild.german import infix_zu_infinitives, third_person_number


@pytest.mark.parametrize("form, expected", [
    ("herauszugeben", ("herausgeben",)),
    ("zurückzuziehen", ("zurückziehen",)),
    ("freizulassen", ("freilassen",)),
    ("zuzustimmen", ("zustimmen",)),
])
def test_a_particle_then_zu_is_a_zu_infinitive(form: str, expected: tuple[str, ...]) -> None:
    assert infix_zu_infinitives(form) == expected


@pytest.mark.parametrize("form", ["zugegeben", "zugenommen", "besuchen", "erzählen", "zu"])
def test_other_forms_are_none(form: str) -> None:
    assert infix_zu_infinitives(form) == ()


@pytest.mark.parametrize("form, number", [
    ("sind", "Plur"), ("erlitten", "Plur"), ("sammeln", "Plur"), ("ändern", "Plur"),
    ("Wollen", "Plur"), ("erlitt", "Sing"), ("möchte", "Sing"), ("ist", "Sing"),
    ("verwirklichte", "Sing"), ("soll", "Sing"),
])
def test_a_finite_verb_s_number_by_its_form(form: str, number: str) -> None:
    assert third_person_number(form) == number
