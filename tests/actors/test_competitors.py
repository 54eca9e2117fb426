"""A non-person subject between a person and a pronoun keeps the pronoun from the person
(lagebild/actors/competitors.py), on the shipped pipeline's parse."""

from __future__ import annotations

import pytest

from actor_articles import actor_of_word
from lagebild.actors.competitors import is_person_noun


@pytest.mark.parametrize(("word", "person"), [
    ("Fotograf", True), ("Fotografin", True), ("Vizemeister", True),  # a compound's head
    ("Vorsitzender", True), ("Abgeordneten", True), ("36-Jährige", True),
    ("Alt-Landeshauptmann", True), ("Kollegin", True), ("Ministers", True),
    ("Fluss", False), ("Vorschlag", False), ("Termin", False), ("Kommission", False),
    ("Software", False), ("Jailbreak", False),
    # by their ending (data/person_suffixes.tsv); short words stay out
    ("Satiriker", True), ("Neuling", True), ("Erzieherin", True), ("Regisseur", True),
    ("Frist", False), ("Mist", False), ("Ring", False),
])
def test_person_nouns(word: str, person: bool) -> None:
    assert is_person_noun(word) is person


def test_a_thing_subject_after_the_person_takes_the_pronoun_from_the_person() -> None:
    text = ("Jörg Raderbauer leitet das Projekt an der Salzach. Früher hat der Fluss der "
            "Wirtschaft gehört. Jetzt soll er wieder der Allgemeinheit gehören.")
    assert actor_of_word(text, "er") is None


def test_a_person_noun_subject_does_not() -> None:
    text = ("Jörg Raderbauer leitet das Projekt an der Salzach. Früher hat der Fotograf der "
            "Wirtschaft gedient. Jetzt soll er wieder der Allgemeinheit dienen.")
    assert actor_of_word(text, "er") == "new:per:joerg-raderbauer"


def test_a_thing_named_before_the_person_does_not() -> None:
    text = ("Früher hat der Fluss der Wirtschaft gehört, sagt Jörg Raderbauer. Jetzt soll "
            "er wieder der Allgemeinheit gehören.")
    assert actor_of_word(text, "er") == "new:per:joerg-raderbauer"


def test_a_repeated_local_name_is_where_a_pronoun_looks_back_to() -> None:
    # the second "Beckenbauer" is nearer than Jack Warner (a KB person): before, only a new
    # person's first mention counted, and "er" went to Warner
    text = ("Franz Beckenbauer hat den DFB kritisiert. Der Vertrag mit Jack Warner wurde "
            "gerügt. Der Zeitung sagte Beckenbauer nun, er habe einen Brief geschrieben.")
    assert actor_of_word(text, "er") == "new:per:franz-beckenbauer"


def test_a_person_noun_by_its_ending_does_not_compete() -> None:
    text = ("Jan Böhmermann schweigt nicht mehr. Seit dem Wochenende twittert der Satiriker "
            "wieder, auch bei Facebook ist er aktiver geworden.")
    assert actor_of_word(text, "er") == "new:per:jan-boehmermann"


def test_a_subject_sie_of_a_singular_verb_is_singular() -> None:
    # the tagger calls this "sie" plural; its finite verb "hinbekomme" is singular
    text = "Susan Sarandon hatte unheimliche Angst, dass sie diese Rolle nicht richtig hinbekomme."
    assert actor_of_word(text, "sie") == "new:per:susan-sarandon"


def test_a_resolved_pronoun_tells_an_unknown_gender() -> None:
    # "Monisha" is in no first-name table; the "Sie" that takes her makes her a woman, so the
    # later "er" is not hers
    text = ("Monisha Kaltenborn leitet das Team. Sie sagte, das Team sei stark. Gemessen werden "
            "kann er nur an anderen.")
    assert actor_of_word(text, "Sie") == "new:per:monisha-kaltenborn"
    assert actor_of_word(text, "er") is None


def test_a_role_noun_keeps_its_person_salient() -> None:
    # "Die Kanzlerin" names Merkel again, after Lambrecht: the "sie" is Merkel's
    text = ("Angela Merkel zitterte bei der Ernennung. Neben ihr stand die neue Justizministerin "
            "Christine Lambrecht. Die Kanzlerin habe so sehr daran gedacht, dass sie ein Zittern "
            "vermeiden wolle.")
    assert actor_of_word(text, "sie") == "per:angela-merkel"


def test_a_given_name_alone_is_the_person_named_with_it() -> None:
    text = "Miriam Pielhau war Moderatorin. Später sagte Miriam, sie sei glücklich."
    assert actor_of_word(text, "Miriam,") == "new:per:miriam-pielhau"
    assert actor_of_word(text, "sie") == "new:per:miriam-pielhau"


def test_a_role_noun_in_the_genitive_is_no_subject_to_take_the_pronoun() -> None:
    # the role noun names Thaksin again, but as no subject (samples/wikinews.jsonl)
    text = ("Der thailändische Ministerpräsident Thaksin Shinawatra hat seine Rückkehr "
            "angekündigt. Einer der größten Kritiker des Ministerpräsidenten, Sondhi Limthongkul, "
            "Sprecher der Volksallianz für Demokratie, wies auf den Widerspruch um den so "
            "genannten Rücktritt des Ministerpräsidenten hin. Er warf dem Ministerpräsidenten "
            "Wortbruch vor.")
    assert actor_of_word(text, "Er") == "new:per:sondhi-limthongkul"


def test_a_subjects_article_tells_its_gender() -> None:
    # the tagger calls "Islam" feminine; "der" before a subject says masculine
    text = ("Björn Höcke sprach in Erfurt. «Entweder entschärft sich der Islam oder er muss sich "
            "verabschieden», sagte Höcke.")
    assert actor_of_word(text, "er") is None


def test_der_before_a_feminine_ending_is_no_nominative() -> None:
    text = ("Gerald Toifl wollte die Mandate erfüllen. Das Gericht entschied anders. Toifl selbst "
            "ist der Beweismittelfälschung beschuldigt; er bestreitet den Vorwurf.")
    assert actor_of_word(text, "er") == "new:per:gerald-toifl"


def test_a_masculine_noun_in_e_names_a_person() -> None:
    # "der Blaue" (an FPÖ man), like "der Kollege", "der Experte"
    text = ("Walter Rosenkranz hat sich geäußert. Was die Ausgestaltung betrifft, ist auch der "
            "Blaue nicht überzeugt: Wer ist ein Jihadist?, fragt er, und was heißt das?")
    assert actor_of_word(text, "er,") == "new:per:walter-rosenkranz"


def test_a_sie_with_a_plural_copula_is_plural() -> None:
    text = ("Florian Silbereisen und Helene Fischer sprechen über die Familie. Sie sind das "
            "Glamour-Pärchen des deutschen Schlagers.")
    assert actor_of_word(text, "Sie") is None


def test_a_person_brought_in_by_ein_takes_the_pronoun() -> None:
    text = ("Werner Faymann besuchte die Grenze. Der Faymann soll das alles mal sehen, knurrt ein "
            "Polizist. Laut interner Kommunikation, sagt er, sind viele Menschen unterwegs.")
    assert actor_of_word(text, "er,") is None


def test_a_predicate_with_ein_brings_in_no_one() -> None:
    text = ("Der Angeklagte Iliass Kaya soll gestanden haben. Das war ein Ketzer, hatte er seinem "
            "Gesprächspartner über das Opfer gesagt.")
    assert actor_of_word(text, "er") == "new:per:iliass-kaya"


def test_a_resolved_pronoun_names_no_one_for_a_role_before_its_holder() -> None:
    # the headline's "den Bundespräsidenten" is the Heinz Fischer named later, not whoever
    # the "Er" between them was taken for (samples of 10kGNAD)
    text = ("Landeshauptmann Platter schaltet den Bundespräsidenten ein. Innsbruck – Das Aus stößt "
            "auf Widerstand bei Landeshauptmann Günther Platter (ÖVP). Er werde Bundespräsident "
            "Heinz Fischer als Oberbefehlshaber des Heeres kontaktieren, erklärte Platter.")
    assert actor_of_word(text, "Bundespräsidenten") == "per:heinz-fischer"


def test_a_given_name_in_the_genitive_is_the_person_named_with_it() -> None:
    text = ("Iggy Pop veröffentlicht ein neues Album. Schon der Titel deutet an, wie es Iggy geht. "
            "Die Band untermalt Iggys Stimme mit Gitarren.")
    assert actor_of_word(text, "Iggys") == "new:per:iggy-pop"
