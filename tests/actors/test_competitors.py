"""A non-person subject between a person and a pronoun keeps the pronoun from the person
(lagebild/actors/competitors.py), on the shipped pipeline's parse."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from lagebild.actors.competitors import is_person_noun


@pytest.mark.parametrize(("word", "person"), [
    ("Fotograf", True), ("Fotografin", True), ("Vizemeister", True),  # a compound's head
    ("Vorsitzender", True), ("Abgeordneten", True), ("36-Jährige", True),
    ("Alt-Landeshauptmann", True), ("Kollegin", True), ("Ministers", True),
    ("Fluss", False), ("Vorschlag", False), ("Termin", False), ("Kommission", False),
    ("Software", False), ("Jailbreak", False),
])
def test_person_nouns(word: str, person: bool) -> None:
    assert is_person_noun(word) is person


@cache
def _analyzer() -> Any:
    from lagebild.pipeline import Analyzer
    from lagebild.stages import MODES

    stages = list(MODES["fast"])
    return Analyzer(stages[:stages.index("actors") + 1])


def _pronoun_actor(text: str, pronoun: str) -> str | None:
    from lagebild.eval.quotes import article_from_text

    article = next(_analyzer().run([article_from_text(text, "t", reader="jsonl")]))
    start = text.index(f" {pronoun} ") + 1
    return next((a.id for a in article.actors for m in a.mentions
                 if m.start == start), None)


def test_a_thing_subject_after_the_person_takes_the_pronoun_from_the_person() -> None:
    text = ("Jörg Raderbauer leitet das Projekt an der Salzach. Früher hat der Fluss der "
            "Wirtschaft gehört. Jetzt soll er wieder der Allgemeinheit gehören.")
    assert _pronoun_actor(text, "er") is None


def test_a_person_noun_subject_does_not() -> None:
    text = ("Jörg Raderbauer leitet das Projekt an der Salzach. Früher hat der Fotograf der "
            "Wirtschaft gedient. Jetzt soll er wieder der Allgemeinheit dienen.")
    assert _pronoun_actor(text, "er") == "new:per:joerg-raderbauer"


def test_a_thing_named_before_the_person_does_not() -> None:
    text = ("Früher hat der Fluss der Wirtschaft gehört, sagt Jörg Raderbauer. Jetzt soll "
            "er wieder der Allgemeinheit gehören.")
    assert _pronoun_actor(text, "er") == "new:per:joerg-raderbauer"


def test_a_repeated_local_name_is_where_a_pronoun_looks_back_to() -> None:
    # the second "Beckenbauer" is nearer than Jack Warner (a KB person): before, only a new
    # person's first mention counted, and "er" went to Warner
    text = ("Franz Beckenbauer hat den DFB kritisiert. Der Vertrag mit Jack Warner wurde "
            "gerügt. Der Zeitung sagte Beckenbauer nun, er habe einen Brief geschrieben.")
    assert _pronoun_actor(text, "er") == "new:per:franz-beckenbauer"
