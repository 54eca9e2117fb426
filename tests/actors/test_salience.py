"""Which earlier person a pronoun takes (lagebild/actors/coref.py ``PersonChains.salient``),
and the facts it rests on: the pronoun's number and the persons' later mentions, on the
shipped pipeline's parse (lab/actors-coref.md, fifty-fifth pass)."""

from __future__ import annotations

import pytest

from actor_articles import actor_at, actor_of_word
from lagebild.actors.coref import PersonChains


def test_a_person_named_again_and_again_outweighs_a_nearer_one_named_once() -> None:
    chains = PersonChains()
    chains.add("a", 0, ["Ralf Rangnick"], "m")
    chains.add("a", 120, ["Rangnick"], "m")
    chains.add("b", 200, ["Rudi Assauer"], "m")
    chains.add("a", 230, ["Rangnick"], "m", oblique=True)
    assert chains.salient(260, "m") == "a"
    assert chains.salient(460, "m") == "a"


def test_a_nearer_subject_outweighs_an_older_one() -> None:
    chains = PersonChains()
    chains.add("a", 0, ["Ralf Rangnick"], "m")
    chains.add("b", 300, ["Rudi Assauer"], "m")
    assert chains.salient(360, "m") == "b"
    assert chains.salient(360, "f") is None


def test_oblique_and_pronoun_mentions_weigh_less() -> None:
    chains = PersonChains()
    chains.add("a", 0, ["Julia Görges"], "f")
    chains.add("b", 90, ["Laura Siegemund"], "f", oblique=True)  # "gegen Laura Siegemund"
    assert chains.salient(130, "f") == "a"
    chains.add_pronoun("b", 100, "f")
    chains.add_pronoun("b", 110, "f")
    assert chains.salient(130, "f") == "b"


def test_the_article_s_person_past_a_name_in_passing() -> None:
    text = ("Ralf Rangnick führte Schalke ins Halbfinale. Rangnick wurde von den Fans gefeiert. "
            "Zwei Tage danach entlässt Rudi Assauer den Trainer. Den Spaziergang durch das "
            "Stadion hätte er sich besser gespart, gibt Rangnick zu.")
    assert actor_of_word(text, "er") == "new:per:ralf-rangnick"


@pytest.mark.parametrize("sentence", [
    "Nur neun Tage später erlitt sie bei einer Zeremonie einen Schwächeanfall.",
    "Aber wenn sie eines Tages Mutter wird, so möchte sie sich das in vollen Zügen auskosten.",
])
def test_a_singular_verb_makes_sie_singular(sentence: str) -> None:
    # the tagger read "erlitt" as plural, and the infinitive "auskosten" as the finite verb
    text = f"Die Sängerin Helene Fischer kritisierte die Veranstalter heftig. {sentence}"
    last = sentence.count(" sie ")
    assert actor_of_word(text, "sie", occurrence=last) == "new:per:helene-fischer"


def test_a_surname_alone_the_ner_missed_is_the_person_named_in_full() -> None:
    text = ("Der Beamte Gerald Toifl hatte die Akten monatelang zurückgehalten. Das sei "
            "ein Skandal, sagte ein Abgeordneter. Toifl selbst ist der Beweismittelfälschung "
            "beschuldigt.")
    assert actor_at(text, text.index(". Toifl") + 2) == "new:per:gerald-toifl"


def test_a_given_name_alone_before_the_full_name_is_that_person() -> None:
    text = ("Prinz Charles & Camilla: Bekommt sie einmal den Titel der Königin?\n\n"
            "Die Bezeichnung von Camilla Parker-Bowles (69) ist nicht geregelt. Doch die "
            "Biografin denkt, dass Camilla zur Königin werden wird.")
    full = actor_at(text, text.index("Camilla Parker"))
    assert full is not None
    assert actor_at(text, text.index("Camilla:")) == full
    assert actor_of_word(text, "Camilla") == full


# "gegen" was read as an inflected adjective before the name, so the phrase's person counted as
# a subject and took the pronoun; a relative pronoun subject puts its person in subject place
SALIENT_CASES = [
    ("Köln (SID) - Tennisspielerin Julia Görges (Bad Oldesloe) droht eine längere "
     "Zwangspause. Wie die 27-Jährige am Montag via Twitter mitteilte, hat sich ihre "
     "Verletzung als ein Muskelfaserriss herausgestellt. Sie sei bereits in der Reha. "
     "Im deutschen Halbfinale in Bastad gegen Laura Siegemund hatte sie im dritten "
     "Satz verletzt aufgeben müssen.", "Julia", "sie", 1),
    ("Lance Stroll fährt 2017 in der Formel 1. Wie groß sind seine Fähigkeiten? "
     "Gemessen werden kann er zunächst nur an Max Verstappen, 19, "
     "dem Aufsteiger aus dem Red-Bull-Programm, der binnen zwei Jahren zum jüngsten "
     "Grand-Prix-Sieger wurde, nachdem er eine Kindheit lang von seinem Vater "
     "getrimmt wurde.", "Max", "er", 2),
    ("Lance Stroll fährt 2017 in der Formel 1. Wie groß sind seine Fähigkeiten? "
     "Gemessen werden kann er zunächst nur an Max Verstappen, 19.", "Lance", "er", 1),
]


@pytest.mark.parametrize(("text", "antecedent", "pronoun", "occurrence"), SALIENT_CASES,
                         ids=["preposition-gegen", "relative-pronoun", "before-relative"])
def test_the_pronoun_takes_the_salient_person(text: str, antecedent: str, pronoun: str,
                                              occurrence: int) -> None:
    person = actor_at(text, text.index(antecedent))
    assert person is not None
    assert actor_of_word(text, pronoun, occurrence) == person
