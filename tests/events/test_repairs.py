"""The coder's repairs of parse errors, on hand-built trees (independent of the shipped
language model, whose parses may or may not show each error)."""

from __future__ import annotations

import gc
import weakref

from lagebild.events.lexicon import load_lexicon
from lagebild.events.repairs import (
    SentViews,
    _argument_on_prepositional_noun,
    _attachments_repaired,
    _name_part_read_as_verb,
    _name_read_as_word,
    _repaired,
    _titles_as_named,
    _without_event_noun,
    _words_repaired,
)
from lagebild.model import Article, Entity, Sentence, Token

LEX = load_lexicon()


def tokens(rows: list[tuple[str, str, int, str]], morph: dict[int, str] | None = None,
           lemmas: dict[int, str] | None = None) -> list[Token]:
    """(text, tag, head, dep) per token; offsets as if joined by single spaces."""
    out: list[Token] = []
    at = 0
    for i, (text, tag, head, dep) in enumerate(rows):
        out.append(Token(text=text, start=at, end=at + len(text), tag=tag, head=head, dep=dep,
                         lemma=(lemmas or {}).get(i, text), morph=(morph or {}).get(i, "")))
        at += len(text) + 1
    return out


def test_finite_verb_read_as_an_adverb_at_the_root() -> None:
    toks = _repaired(tokens([("Die", "ART", 1, "det"), ("USA", "NE", 2, "nsubj"),
                             ("erwägen", "ADV", 2, "ROOT"), ("ein", "ART", 4, "det"),
                             ("Vorgehen", "NN", 2, "obj"), (".", "$.", 2, "punct")]), LEX)
    assert (toks[2].tag, toks[2].lemma, toks[2].dep) == ("VVFIN", "erwägen", "ROOT")
    assert [t.head for t in toks] == [1, 2, 2, 4, 2, 2]  # the tree itself is unchanged


def test_verb_read_as_an_adjective_of_the_name_after_it() -> None:
    """"Das lehnte Abhisit jedoch ab": the name was the root, "Das" its article."""
    toks = _repaired(tokens([("Das", "ART", 2, "det"), ("lehnte", "ADJA", 2, "amod"),
                             ("Abhisit", "NE", 2, "ROOT"), ("jedoch", "ADV", 2, "advmod"),
                             ("ab", "PTKVZ", 2, "advmod"), (".", "$.", 2, "punct")]), LEX)
    assert (toks[1].tag, toks[1].lemma, toks[1].head, toks[1].dep) == ("VVFIN", "lehnen", 1,
                                                                      "ROOT")
    assert (toks[2].head, toks[2].dep) == (1, "nsubj")
    assert (toks[0].tag, toks[0].head, toks[0].dep) == ("PDS", 1, "obj")
    assert (toks[4].head, toks[4].dep) == (1, "compound:prt")


def test_strong_past_read_as_the_adjective_of_the_noun_after_the_subject() -> None:
    # "Die Staatsanwaltschaft erhob Anklage gegen den Mann." parsed as a verbless noun phrase
    toks = _repaired(tokens([("Die", "ART", 1, "det"), ("Staatsanwaltschaft", "NN", 1, "ROOT"),
                             ("erhob", "ADJA", 3, "amod"), ("Anklage", "NN", 1, "nmod"),
                             ("gegen", "APPR", 6, "case"), ("den", "ART", 6, "det"),
                             ("Mann", "NN", 3, "nmod"), (".", "$.", 1, "punct")]), LEX)
    assert (toks[2].tag, toks[2].lemma, toks[2].dep) == ("VVFIN", "erheben", "ROOT")
    assert (toks[1].head, toks[1].dep) == (2, "nsubj") and toks[3].head == 2


PAST_SG = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"


def test_second_verb_after_und_read_as_the_adjective_of_its_object() -> None:
    """"Mayer warnte … und forderte Nachbesserungen" with "forderte" as the noun's adjective:
    the second verb of Mayer, the noun its object."""
    toks = _repaired(tokens([("Mayer", "NE", 1, "nsubj"), ("warnte", "VVFIN", 1, "ROOT"),
                             ("vor", "APPR", 3, "case"), ("Gefahren", "NN", 1, "obl"),
                             ("und", "KON", 6, "cc"), ("forderte", "ADJA", 6, "amod"),
                             ("Nachbesserungen", "NN", 3, "conj"), (".", "$.", 1, "punct")],
                            morph={1: PAST_SG}), LEX)
    assert (toks[5].tag, toks[5].lemma, toks[5].head, toks[5].dep) == ("VVFIN", "fordern", 1,
                                                                      "conj")
    assert (toks[6].head, toks[6].dep) == (5, "obj") and (toks[4].head, toks[4].dep) == (5, "cc")


def test_adjectives_joined_by_und_stay_adjectives() -> None:
    """"Das deutet auf eine gefälschte und bezahlte Rezension hin": "bezahlte" reads as a past
    verb, but the earlier verb is in the present; "lockeren" is plural, "warnte" singular."""
    toks = _repaired(tokens([("Das", "PDS", 1, "nsubj"), ("deutet", "VVFIN", 1, "ROOT"),
                             ("auf", "APPR", 6, "case"), ("eine", "ART", 6, "det"),
                             ("gefälschte", "ADJA", 6, "amod"), ("und", "KON", 6, "cc"),
                             ("bezahlte", "ADJA", 6, "amod"), ("Rezension", "NN", 1, "obl")],
                            morph={1: PAST_SG.replace("Past", "Pres")}), LEX)
    assert toks[6].tag == "ADJA"
    toks = _repaired(tokens([("Er", "PPER", 1, "nsubj"), ("warnte", "VVFIN", 1, "ROOT"),
                             ("mit", "APPR", 5, "case"), ("Witz", "NN", 1, "obl"),
                             ("und", "KON", 5, "cc"), ("lockeren", "ADJA", 6, "amod"),
                             ("Gesten", "NN", 3, "conj")], morph={1: PAST_SG}), LEX)
    assert toks[5].tag == "ADJA"


def test_verb_read_as_an_adjective_before_punctuation() -> None:
    """"…, als er seine Teilnahme ankündigte -": an attributive adjective needs a noun after
    it, so before punctuation the verb reading is the word; its tree stays. Not inside
    parentheses before the noun ("(meist organisierte) Kräfte")."""
    toks = _repaired(tokens([("als", "KOUS", 4, "mark"), ("er", "PPER", 4, "nsubj"),
                             ("seine", "PPOSAT", 3, "det"), ("Teilnahme", "NN", 4, "obj"),
                             ("ankündigte", "ADJA", 4, "ROOT"), ("-", "$(", 4, "punct")]), LEX)
    assert (toks[4].tag, toks[4].lemma, toks[4].head) == ("VVFIN", "ankündigen", 4)
    toks = _repaired(tokens([("(", "$(", 2, "punct"), ("meist", "ADV", 2, "advmod"),
                             ("organisierte", "ADJA", 4, "amod"), (")", "$(", 2, "punct"),
                             ("Kräfte", "NN", 4, "ROOT")]), LEX)
    assert toks[2].tag == "ADJA"


def test_gestanden_is_a_confession_without_a_place() -> None:
    """"Der Angreifer habe gestanden": "gestehen", lemmatised as "stehen"; "ist … gestanden",
    "hat … Rede und Antwort gestanden" and "hat … im Weg gestanden" stand."""
    def lemma_of_gestanden(aux: str, aux_lemma: str, middle: list[tuple[str, str, str]]
                           ) -> str:
        v = 3 + len(middle)
        rows = [("Der", "ART", 1, "det"), ("Angreifer", "NN", v, "nsubj"),
                (aux, "VAFIN", v, "aux")]
        rows += [(w, tag, v if dep != "case" else v - 1, dep) for w, tag, dep in middle]
        rows.append(("gestanden", "VVPP", v, "ROOT"))
        return _repaired(tokens(rows, lemmas={2: aux_lemma, v: "stehen"}), LEX)[v].lemma

    assert lemma_of_gestanden("habe", "haben", []) == "gestehen"
    assert lemma_of_gestanden("ist", "sein", []) == "stehen"
    assert lemma_of_gestanden("hat", "haben", [("Rede", "NN", "obj")]) == "stehen"
    assert lemma_of_gestanden("hat", "haben", [("im", "APPRART", "case"),
                                               ("Weg", "NN", "obl")]) == "stehen"
    # "Im Mittelpunkt hatten die Schaffenskraft … gestanden": the subject read as an object
    rows = [("hatten", "VAFIN", 2, "aux"), ("Schaffenskraft", "NN", 2, "obj"),
            ("gestanden", "VVPP", 2, "ROOT")]
    assert _repaired(tokens(rows, lemmas={0: "haben", 2: "stehen"}), LEX)[2].lemma == "stehen"


def test_clause_final_preposition_becomes_the_repaired_verbs_particle() -> None:
    toks = _repaired(tokens([("Passanten", "NN", 1, "nsubj"), ("feuern", "ADV", 1, "ROOT"),
                             ("Täter", "NN", 1, "obj"), ("an", "APPR", 1, "case")]), LEX)
    assert toks[1].tag == "VVFIN" and (toks[3].tag, toks[3].dep) == ("PTKVZ", "compound:prt")


def test_no_verb_is_made_of_an_adjective_that_is_none() -> None:
    rows = [("Militärische", "ADJA", 1, "amod"), ("Allianz", "NN", 1, "ROOT"),
            ("in", "APPR", 3, "case"), ("Syrien", "NE", 1, "nmod"), ("?", "$.", 1, "punct")]
    assert _repaired(tokens(rows), LEX) == tokens(rows)
    rows = [("Zwei", "CARD", 2, "nummod"), ("verletzte", "ADJA", 2, "amod"),
            ("Polizisten", "NN", 2, "ROOT")]  # a verb form, but before a common noun
    assert _repaired(tokens(rows), LEX) == tokens(rows)


def test_a_sentence_with_a_verb_is_left_alone() -> None:
    rows = [("Die", "ART", 1, "det"), ("USA", "NE", 2, "nsubj"), ("erwägen", "ADV", 2, "ROOT"),
            ("zu", "PTKZU", 4, "mark"), ("handeln", "VVINF", 2, "xcomp")]
    assert _repaired(tokens(rows), LEX) == tokens(rows)


def test_genitive_name_after_a_noun_is_its_attribute() -> None:
    toks = _repaired(tokens([("Es", "PPER", 1, "nsubj"), ("gebe", "VVFIN", 1, "ROOT"),
                             ("Zweifel", "NN", 1, "obj"), ("an", "APPR", 5, "case"),
                             ("den", "ART", 5, "det"), ("Absichten", "NN", 1, "obl"),
                             ("Russlands", "NE", 1, "obj")], morph={6: "Case=Gen"}), LEX)
    assert (toks[6].head, toks[6].dep) == (5, "nmod")


def test_genitive_name_before_a_noun_of_the_same_role_is_its_attribute() -> None:
    # "drohte auch Serbiens Außenminister Ivica Dačić, …" with two subjects of the verb
    rows = [("Unterdessen", "ADV", 1, "advmod"), ("drohte", "VVFIN", 1, "ROOT"),
            ("Serbiens", "NE", 1, "nsubj"), ("Außenminister", "NN", 1, "nsubj"),
            ("Ivica", "NE", 3, "appos")]
    toks = _repaired(tokens(rows, morph={2: "Case=Gen"}), LEX)
    assert (toks[2].head, toks[2].dep) == (3, "nmod:poss")
    # with another role too: "fordern Assads Rücktritt" with "Assads" a subject
    rows[2] = ("Serbiens", "NE", 1, "obj")
    toks = _repaired(tokens(rows, morph={2: "Case=Gen"}), LEX)
    assert (toks[2].head, toks[2].dep) == (3, "nmod:poss")
    # not a name the tagger did not read as a genitive, nor one before an oblique phrase
    assert _repaired(tokens(rows), LEX)[2].dep == "obj"
    rows[3] = ("Außenminister", "NN", 1, "obl")
    assert _repaired(tokens(rows, morph={2: "Case=Gen"}), LEX)[2].dep == "obj"


def test_second_subject_that_does_not_agree_with_the_verb_is_its_object() -> None:
    # "Die EU verlängerte die Sanktionen gegen Russland" with "Sanktionen" a second subject
    rows = [("Die", "ART", 1, "det"), ("EU", "NE", 2, "nsubj"),
            ("verlängerte", "VVFIN", 2, "ROOT"), ("die", "ART", 4, "det"),
            ("Sanktionen", "NN", 2, "nsubj"), ("gegen", "APPR", 6, "case"),
            ("Russland", "NE", 4, "nmod")]
    morph = {1: "Number=Sing", 2: "Number=Plur", 4: "Number=Plur"}  # the verb's own is wrong
    toks = _repaired(tokens(rows, morph=morph), LEX)
    assert [t.dep for t in toks][1:5] == ["nsubj", "ROOT", "det", "obj"]
    # no earlier subject agrees: a plural verb ("verlängerten"), no agreeing subject, or the
    # agreeing one after the noun ("Die 517 Menschen hätten …, teilte das Ministerium mit")
    rows[2] = ("verlängerten", "VVFIN", 2, "ROOT")
    assert _repaired(tokens(rows, morph=morph), LEX)[4].dep == "nsubj"
    rows[2] = ("verlängerte", "VVFIN", 2, "ROOT")
    assert _repaired(tokens(rows, morph={1: "Number=Plur", 4: "Number=Plur"}), LEX)[4].dep \
        == "nsubj"
    # a later subject that agrees as well is left to the parse (which of the two is it?)
    assert _repaired(tokens(rows, morph={1: "Number=Sing", 4: "Number=Sing"}), LEX)[4].dep \
        == "nsubj"
    later = [("Menschen", "NN", 2, "nsubj"), ("hätten", "VAFIN", 0, "aux"),
             ("teilte", "VVFIN", 2, "ROOT"), ("das", "ART", 4, "det"),
             ("Ministerium", "NN", 2, "nsubj")]
    toks = _repaired(tokens(later, morph={0: "Number=Plur", 4: "Number=Sing"}), LEX)
    assert [toks[0].dep, toks[4].dep] == ["nsubj", "nsubj"]
    # in a clause with the verb last too: "weil Demonstranten die Polizei angriffen"
    final = [("weil", "KOUS", 4, "mark"), ("Demonstranten", "NN", 4, "nsubj"),
             ("die", "ART", 3, "det"), ("Polizei", "NN", 4, "nsubj"),
             ("angriffen", "VVFIN", 4, "ROOT")]
    toks = _repaired(tokens(final, morph={1: "Number=Plur", 3: "Number=Sing"}), LEX)
    assert [toks[1].dep, toks[3].dep] == ["nsubj", "obj"]
    # a coordination before the verb is plural: "Die USA und Kanada fordern die Freilassung"
    coordinated = [("Die", "ART", 1, "det"), ("USA", "NE", 4, "nsubj"), ("und", "KON", 3, "cc"),
                   ("Kanada", "NE", 1, "conj"), ("fordern", "VVFIN", 4, "ROOT"),
                   ("die", "ART", 6, "det"), ("Freilassung", "NN", 4, "nsubj")]
    toks = _repaired(tokens(coordinated, morph={1: "Number=Sing", 6: "Number=Sing"}), LEX)
    assert toks[6].dep == "obj"
    # a name keeps its role (the tagger guesses a name's number), so does a prepositional phrase
    rows[4] = ("Sanktionen", "NE", 2, "nsubj")
    assert _repaired(tokens(rows, morph=morph), LEX)[4].dep == "nsubj"
    rows[4], rows[3] = ("Sanktionen", "NN", 2, "nsubj"), ("mit", "APPR", 4, "case")
    assert _attachments_repaired(tokens(rows, morph=morph))[4].dep != "obj"


def test_a_subject_with_a_preposition_is_an_oblique() -> None:
    # "Auch am Samstag klagten wieder viele Lehrer über Überlastung", with "am" hung on
    # "Samstag" as a determiner, "Samstag" the subject and "Lehrer" the object
    rows = [("Auch", "ADV", 3, "advmod"), ("am", "APPRART", 2, "det"),
            ("Samstag", "NN", 3, "nsubj"), ("klagten", "VVFIN", 3, "ROOT"),
            ("viele", "PIAT", 5, "det"), ("Lehrer", "NN", 3, "obj")]
    morph = {2: "Number=Sing", 3: "Number=Plur", 5: "Number=Plur"}
    toks = _attachments_repaired(tokens(rows, morph=morph))
    assert [toks[2].dep, toks[5].dep] == ["obl", "nsubj"]
    # an object that does not agree with the verb, or has an accusative article, stays one
    assert _attachments_repaired(tokens(rows, morph={**morph, 5: "Number=Sing"}))[5].dep \
        == "obj"
    rows[4] = ("diesen", "PDAT", 5, "det")
    assert _attachments_repaired(tokens(rows, morph=morph))[5].dep == "obj"


def test_an_adjective_made_a_conjunct_gives_way_to_its_noun() -> None:
    # "Ermittlungen von CIA und Zürcher Korruptionsstaatsanwaltschaft", with the adjective
    # the conjunct of "CIA" and the noun hung on the verb
    rows = [("Ermittlungen", "NN", 0, "ROOT"), ("von", "APPR", 2, "case"),
            ("CIA", "NE", 0, "nmod"), ("und", "KON", 4, "cc"), ("Zürcher", "ADJA", 2, "conj"),
            ("Korruptionsstaatsanwaltschaft", "NN", 0, "nmod")]
    toks = _attachments_repaired(tokens(rows))
    assert [(t.head, t.dep) for t in toks[4:]] == [(5, "amod"), (2, "conj")]


def test_a_nominative_pronoun_is_no_determiner() -> None:
    # "Zudem warf er Polen Mitschuld … vor": "er" the determiner and "Polen" the adjective
    # of "Mitschuld", the subject
    rows = [("Zudem", "PROAV", 1, "advmod"), ("warf", "VVFIN", 1, "ROOT"),
            ("er", "PPER", 4, "det"), ("Polen", "NE", 4, "amod"), ("Mitschuld", "NN", 1, "nsubj"),
            ("vor", "PTKVZ", 1, "compound:prt")]
    toks = _attachments_repaired(tokens(rows, morph={2: "Case=Nom|Number=Sing"}))
    assert [(t.head, t.dep) for t in toks[2:5]] == [(1, "nsubj"), (1, "iobj"), (1, "obj")]
    # an accusative pronoun is left alone (no subject)
    toks = _attachments_repaired(tokens(rows, morph={2: "Case=Acc|Number=Sing"}))
    assert toks[2].dep == "det"


def test_a_relative_pronoun_before_an_ambiguous_pronoun_is_the_subject() -> None:
    # "Helfern …, die sie mit Mineralwasser versorgten": either may be the nominative
    rows = [("Helfern", "NN", 0, "ROOT"), (",", "$,", 4, "punct"), ("die", "PRELS", 4, "obj"),
            ("sie", "PPER", 4, "nsubj"), ("versorgten", "VVFIN", 0, "acl")]
    toks = _attachments_repaired(tokens(rows))
    assert [toks[2].dep, toks[3].dep] == ["nsubj", "obj"]
    rows[3] = ("er", "PPER", 4, "nsubj")  # "die er versorgte": "er" is the nominative
    toks = _attachments_repaired(tokens(rows))
    assert [toks[2].dep, toks[3].dep] == ["obj", "nsubj"]


def test_dative_name_read_as_part_of_a_compound() -> None:
    toks = _repaired(tokens([("Die", "ART", 1, "det"), ("USA", "NE", 6, "nsubj"),
                             ("werden", "VAFIN", 6, "aux"), ("der", "ART", 5, "det"),
                             ("Ukraine", "NE", 5, "compound"), ("Waffen", "NN", 6, "obj"),
                             ("liefern", "VVINF", 6, "ROOT")], morph={4: "Case=Dat"}), LEX)
    assert (toks[4].head, toks[4].dep) == (6, "iobj") and toks[3].head == 4
    assert (toks[5].head, toks[5].dep) == (6, "obj")


def test_abbreviation_in_parentheses_belongs_to_the_name_before_it() -> None:
    toks = _repaired(tokens([("Vorgehen", "NN", 0, "ROOT"), ("gegen", "APPR", 2, "case"),
                             ("Terrormiliz", "NN", 0, "nmod"), ("Islamischer", "ADJA", 4, "amod"),
                             ("Staat", "NN", 2, "flat"), ("(", "$(", 6, "punct"),
                             ("IS", "FM", 0, "appos"), (")", "$(", 6, "punct")]), LEX)
    assert toks[6].head == 2


def test_organisation_name_gives_back_the_event_noun_it_swallowed() -> None:
    toks = tokens([("erhob", "VVFIN", 0, "ROOT"), ("die", "ART", 3, "det"),
                   ("Frankfurter", "ADJA", 3, "amod"), ("Staatsanwaltschaft", "NN", 0, "nsubj"),
                   ("Anklage", "NN", 0, "obj")])
    text = "Frankfurter Staatsanwaltschaft Anklage"
    ent = Entity(text=text, start=toks[2].start, end=toks[4].end, label="ORG")
    cut = _without_event_noun(ent, toks, LEX)
    assert cut.text == "Frankfurter Staatsanwaltschaft" and cut.end == toks[3].end
    name = Entity(text="Frankfurter Staatsanwaltschaft", start=toks[2].start, end=toks[3].end,
                  label="ORG")
    assert _without_event_noun(name, toks, LEX) == name


def test_title_before_a_name_names_that_actor() -> None:
    """"Vizekanzler Reinhold Mitterlehner kritisiert …" with the title parsed as the subject
    and the name as a second argument: the title stands for the named actor, so the critic
    is Mitterlehner, not an unlinked "Vizekanzler" acting on him. Not before a genitive."""
    toks = tokens([("Vizekanzler", "NN", 3, "nsubj"), ("Reinhold", "NE", 3, "obj"),
                   ("Mitterlehner", "NE", 1, "flat"), ("kritisiert", "VVFIN", 3, "ROOT"),
                   ("den", "ART", 5, "det"), ("Präsidenten", "NN", 3, "obj"),
                   ("Russlands", "NE", 5, "nmod"), (".", "$.", 3, "punct")],
                  morph={6: "Case=Gen|Number=Sing"})
    at: list[list[str]] = [[], ["per:mitterlehner"], ["per:mitterlehner"], [], [], [],
                           ["RUS"], []]
    in_entity: list[Entity | None] = [None] * len(toks)
    _titles_as_named(toks, at, in_entity, {toks[1].start, toks[6].start},
                     {"per:mitterlehner"}, LEX)
    assert at[0] == ["per:mitterlehner"]
    assert at[5] == []  # "der Präsident Russlands" is not Russia


def test_title_before_an_unlinked_name_is_that_participant() -> None:
    """"Die Gelehrtengesellschaft Royal Society distanzierte sich": the unlinked name's
    participant, not a second one of the title."""
    toks = tokens([("Die", "ART", 1, "det"), ("Gelehrtengesellschaft", "NN", 4, "nsubj"),
                   ("Royal", "NE", 4, "obj"), ("Society", "NE", 2, "flat"),
                   ("distanzierte", "VVFIN", 4, "ROOT")])
    society = Entity(start=toks[2].start, end=toks[3].end, text="Royal Society", label="ORG")
    in_entity: list[Entity | None] = [None, None, society, society, None]
    _titles_as_named(toks, [[] for _ in toks], in_entity, set(), set(), LEX)
    assert in_entity[1] is society


def test_other_participant_noun_names_only_a_person_after_it() -> None:
    """"CDU-Vize Julia Klöckner" is Klöckner; "Flughafen Wien" is not Vienna."""
    toks = tokens([("CDU-Vize", "NN", 3, "nsubj"), ("Julia", "NE", 3, "obj"),
                   ("Klöckner", "NE", 1, "flat"), ("verteidigte", "VVFIN", 3, "ROOT"),
                   ("Flughafen", "NN", 3, "obj"), ("Wien", "NE", 4, "appos")])
    at: list[list[str]] = [[], ["per:kloeckner"], ["per:kloeckner"], [], [], ["AUT"]]
    _titles_as_named(toks, at, [None] * len(toks), {toks[1].start, toks[5].start},
                     {"per:kloeckner"}, LEX)
    assert at[0] == ["per:kloeckner"]
    assert at[4] == []


def test_finite_verb_after_a_fronted_adverb_read_as_an_adjective() -> None:
    """"Seitdem zünden Extremisten Autos an, …" with "zünden" as the adjective of the noun the
    parser made the root: the verb, the noun its subject, the particle its own."""
    rows = [("Seitdem", "PROAV", 1, "advmod"), ("zünden", "ADJA", 2, "amod"),
            ("Extremisten", "NN", 2, "ROOT"), ("Autos", "NN", 2, "nmod"),
            ("an", "PTKVZ", 3, "case"), (",", "$,", 7, "punct"), ("sagt", "VVFIN", 8, "ccomp"),
            ("er", "PPER", 6, "nsubj"), (".", "$.", 2, "punct")]
    toks = _repaired(tokens(rows), LEX)
    assert (toks[1].tag, toks[1].lemma, toks[1].head, toks[1].dep) == ("VVFIN", "zünden", 1,
                                                                      "ROOT")
    assert (toks[2].head, toks[2].dep) == (1, "nsubj") and toks[3].head == 1
    assert (toks[4].head, toks[4].dep) == (1, "compound:prt")
    # not when the noun the adjective belongs to is no root: the clause has its verb
    kept = [*rows[:2], ("Extremisten", "NN", 6, "nsubj"), *rows[3:6],
            ("sagt", "VVFIN", 6, "ROOT"), *rows[7:]]
    assert _repaired(tokens(kept), LEX)[1].tag == "ADJA"
    # nor after anything but adverbs: "Die zünden…" is no fronted adverb
    other = [("Die", "ART", 2, "det"), *rows[1:]]
    assert _repaired(tokens(other), LEX)[1].tag == "ADJA"


def test_finite_verb_read_as_the_attribute_of_the_noun_after_it() -> None:
    """"US-Gericht verhängt die Todesstrafe für …" with "verhängt" as the noun's attribute and
    the noun as the root: the verb, the noun its object, the noun before it its subject."""
    rows = [("US-Gericht", "NN", 3, "nsubj"), ("verhängt", "VVFIN", 3, "amod"),
            ("die", "ART", 3, "det"), ("Todesstrafe", "NN", 3, "ROOT"),
            (",", "$,", 6, "punct"), ("die", "PRELS", 6, "nsubj"),
            ("schockiert", "VVFIN", 3, "acl:relcl"), (".", "$.", 3, "punct")]
    toks = _repaired(tokens(rows, lemmas={1: "verhängen", 6: "schockieren"}), LEX)
    assert [(t.head, t.dep) for t in toks[:4]] == [(1, "nsubj"), (1, "ROOT"), (3, "det"),
                                                   (1, "obj")]
    assert toks[6].head == 3  # the relative clause stays with its noun
    # a participle's form with a subject before it: the same ("Biber zerstört Geschäft")
    part = [rows[0], ("verhängt", "VVPP", 3, "amod"), *rows[2:]]
    assert _repaired(tokens(part, lemmas={1: "verhängen"}), LEX)[1].tag == "VVFIN"


def test_attribute_verbs_that_stay_as_they_are() -> None:
    rows = [("US-Gericht", "NN", 3, "nsubj"), ("verhängt", "VVFIN", 3, "amod"),
            ("die", "ART", 3, "det"), ("Todesstrafe", "NN", 3, "ROOT"), (".", "$.", 3, "punct")]

    def repaired_verb(rows: list[tuple[str, str, int, str]], lemma: str = "verhängen") -> Token:
        return _repaired(tokens(rows, lemmas={1: lemma}), LEX)[1]

    # an inflected form can be an attribute: "der verhängte Arrest"
    assert repaired_verb([rows[0], ("verhängte", "VVFIN", 3, "amod"), *rows[2:]]).dep == "amod"
    # a participle with "ge-" or without a participant before it is none
    assert repaired_verb([rows[0], ("gefordert", "VVPP", 3, "amod"), *rows[2:]],
                         "fordern").dep == "amod"
    assert repaired_verb([("Dann", "ADV", 3, "advmod"), ("verhängt", "VVPP", 3, "amod"),
                          *rows[2:]]).dep == "amod"
    # nor one with an auxiliary ("wurden … verurteilt – und den Teil …")
    aux = [*rows[:4], ("wurde", "VAFIN", 1, "aux:pass"), (".", "$.", 3, "punct")]
    assert repaired_verb(aux).dep == "amod"
    # nor when more than the noun's own opening words stand between
    far = [*rows[:2], ("heute", "ADV", 3, "advmod"), *rows[3:]]
    assert repaired_verb(far).dep == "amod"


def test_attachment_repairs_wait_for_the_view_and_change_no_word() -> None:
    # the screen reads every sentence's tags, lemmas and particles after the repairs of
    # words only; the repairs of attachments, run when a view is built, must leave those as
    # they are ("Zweifel an den Absichten Russlands" with "Russlands" as the verb's object)
    rows = [("Es", "PPER", 1, "expl"), ("gebe", "VVFIN", 1, "ROOT"), ("Zweifel", "NN", 1, "obj"),
            ("an", "APPR", 5, "case"), ("den", "ART", 5, "det"), ("Absichten", "NN", 2, "nmod"),
            ("Russlands", "NE", 1, "obj")]
    parsed = tokens(rows, morph={6: "Case=Gen"})
    words = _words_repaired(parsed, LEX)
    assert (words[6].head, words[6].dep) == (1, "obj")
    full = _attachments_repaired(words)
    assert (full[6].head, full[6].dep) == (5, "nmod")
    assert [(t.tag, t.lemma, t.text) for t in full] == [(t.tag, t.lemma, t.text) for t in words]
    assert _repaired(parsed, LEX) == full


def test_subject_before_an_apposition_read_as_the_root() -> None:
    """"Radovan Karadžić, der seit Jahren gesuchte Serbenführer, wurde in Belgrad verhaftet"
    as the parser reads it: the article as a relative pronoun, the verb as a relative clause of
    the name. A finite verb right after the apposition's comma stands second: a main clause."""
    rows = [("Radovan", "NE", 0, "ROOT"), ("Karadžić", "NE", 0, "flat"), (",", "$,", 7, "punct"),
            ("der", "PRELS", 7, "det"), ("seit", "APPR", 5, "case"), ("Jahren", "NN", 6, "nmod"),
            ("gesuchte", "ADJA", 7, "amod"), ("Serbenführer", "NN", 0, "conj"),
            (",", "$,", 12, "punct"), ("wurde", "VAFIN", 12, "aux:pass"),
            ("in", "APPR", 11, "case"), ("Belgrad", "NE", 12, "obl"),
            ("verhaftet", "VVPP", 0, "acl:relcl"), (".", "$.", 0, "punct")]
    toks = _repaired(tokens(rows), LEX)
    assert [(t.head, t.dep) for t in toks] == [
        (12, "nsubj:pass"), (0, "flat"), (7, "punct"), (7, "det"), (5, "case"), (6, "nmod"),
        (7, "amod"), (0, "appos"), (0, "punct"), (12, "aux:pass"), (11, "case"), (12, "obl"),
        (12, "ROOT"), (12, "punct")]
    # a full verb right after the comma ("…, der russische Präsident, drohte der Ukraine")
    full = [("Putin", "NE", 0, "ROOT"), (",", "$,", 4, "punct"), ("der", "ART", 4, "det"),
            ("russische", "ADJA", 4, "amod"), ("Präsident", "NN", 0, "conj"),
            (",", "$,", 6, "punct"), ("drohte", "VVFIN", 0, "acl:relcl"),
            ("der", "ART", 8, "det"), ("Ukraine", "NE", 6, "iobj")]
    toks = _repaired(tokens(full), LEX)
    assert [(t.head, t.dep) for t in (toks[0], toks[4], toks[6])] == [
        (6, "nsubj"), (0, "appos"), (6, "ROOT")]
    # a relative clause between the commas has a verb: the parse stays
    relative = [("Kinder", "NN", 0, "ROOT"), (",", "$,", 4, "punct"), ("die", "PRELS", 4, "nsubj"),
                ("Schulen", "NN", 4, "obj"), ("besuchen", "VVINF", 0, "acl:relcl"),
                (",", "$,", 7, "punct"), ("haben", "VAFIN", 7, "aux"),
                ("gelernt", "VVPP", 0, "conj")]
    assert [(t.head, t.dep) for t in _repaired(tokens(relative), LEX)] == [
        (t[2], t[3]) for t in relative]
    # a list, not an apposition: no finite verb right after the second comma
    listed = [("Frankreich", "NE", 0, "ROOT"), (",", "$,", 2, "punct"),
              ("Deutschland", "NE", 0, "conj"), (",", "$,", 4, "punct"),
              ("Italien", "NE", 0, "conj"), ("haben", "VAFIN", 6, "aux"),
              ("protestiert", "VVPP", 0, "conj")]
    assert [(t.head, t.dep) for t in _repaired(tokens(listed), LEX)] == [
        (t[2], t[3]) for t in listed]


def test_a_persons_name_read_as_an_adjective_is_the_subject() -> None:
    """"Kurz kritisierte die Regierung" with ``Kurz`` as ADJD and "Regierung" as subject: the
    actor layer's person mention makes the name the subject and the noun the object; "Kurz
    lobte der Kanzler" keeps the masculine nominative as subject; a word no person mention
    covers is left as it is."""
    toks = tokens([("Kurz", "ADJD", 1, "advmod"), ("kritisierte", "VVFIN", 1, "ROOT"),
                   ("die", "ART", 3, "det"), ("Regierung", "NN", 1, "nsubj")])
    _name_read_as_word(toks, [(0, 4)])
    assert [(t.tag, t.dep, t.head) for t in toks] == [
        ("NE", "nsubj", 1), ("VVFIN", "ROOT", 1), ("ART", "det", 3), ("NN", "obj", 1)]
    toks = tokens([("Kurz", "ADJD", 1, "advmod"), ("lobte", "VVFIN", 1, "ROOT"),
                   ("der", "ART", 3, "det"), ("Kanzler", "NN", 1, "nsubj")])
    _name_read_as_word(toks, [(0, 4)])
    assert [t.dep for t in toks] == ["obj", "ROOT", "det", "nsubj"]
    toks = tokens([("Kurz", "ADJD", 1, "advmod"), ("danach", "ADV", 2, "advmod"),
                   ("kam", "VVFIN", 2, "ROOT")])
    _name_read_as_word(toks, [(100, 104)])
    assert toks[0].tag == "ADJD"


def test_sentence_views_are_freed_without_the_collector() -> None:
    """A view whose participants were never asked held a closure over the article's views,
    which hold the view: a cycle only the garbage collector freed, with every view and token
    list of the article (the stage's collections took 7 % of its time)."""
    toks = tokens([("Die", "ART", 1, "det"), ("Regierung", "NN", 2, "nsubj"),
                   ("kritisierte", "VVFIN", 2, "ROOT"), ("den", "ART", 4, "det"),
                   ("Plan", "NN", 2, "obj"), (".", "$.", 2, "punct")])
    article = Article(text=" ".join(t.text for t in toks),
                      sentences=[Sentence(start=0, end=toks[-1].end, tokens=toks)])
    enabled = gc.isenabled()
    gc.disable()
    try:
        views = SentViews(article, LEX)
        assert views[0].toks[2].text == "kritisierte"  # a view built, its participants not
        freed = weakref.ref(views)
        del views
        assert freed() is None
    finally:
        if enabled:
            gc.enable()


def test_object_hung_on_the_noun_of_a_prepositional_phrase_is_the_verbs() -> None:
    # "Jon Bon Jovi hatte im Wahlkampf den Kandidaten John Kerry unterstützt": the parser
    # made "Kandidaten" a modifier of "Wahlkampf"
    toks = tokens([("Jon", "NE", 7, "nsubj"), ("hatte", "VAFIN", 7, "aux"),
                   ("im", "APPRART", 3, "case"), ("Wahlkampf", "NN", 7, "obl"),
                   ("den", "ART", 5, "det"), ("Kandidaten", "NN", 3, "nmod"),
                   ("Kerry", "NE", 5, "appos"), ("unterstützt", "VVPP", 7, "ROOT")])
    out = list(toks)
    _argument_on_prepositional_noun(out)
    assert (out[5].head, out[5].dep) == (7, "obj")
    # a dative article makes an indirect object; a genitive stays the noun's attribute
    toks[4] = toks[4].model_copy(update={"text": "dem"})
    out = list(toks)
    _argument_on_prepositional_noun(out)
    assert (out[5].head, out[5].dep) == (7, "iobj")
    toks[4] = toks[4].model_copy(update={"text": "des"})
    out = list(toks)
    _argument_on_prepositional_noun(out)
    assert (out[5].head, out[5].dep) == (3, "nmod")


def test_a_names_particle_is_no_object() -> None:
    # "von dem Physiker Joost den Haan präsentiert": "den" belongs to the name
    toks = tokens([("von", "APPR", 1, "case"), ("Physiker", "NN", 5, "obl"),
                   ("Joost", "NE", 1, "appos"), ("den", "ART", 4, "det"),
                   ("Haan", "NE", 1, "nmod"), ("präsentiert", "VVPP", 5, "ROOT")])
    out = list(toks)
    _argument_on_prepositional_noun(out)
    assert (out[4].head, out[4].dep) == (1, "nmod")


def test_participle_of_the_perfect_read_as_an_adjective_or_a_particle() -> None:
    """"Der IS hat sich zu dem Anschlag bekannt", with "bekannt" tagged as a particle (or as
    an adjective) at the root: an auxiliary "haben" makes it the participle of "bekennen";
    "ist bekannt" (a copula) and a capitalised word stay as they are."""
    def repaired(aux: str, aux_lemma: str, tag: str, word: str = "bekannt") -> Token:
        rows = [("Der", "ART", 1, "det"), ("IS", "FM", 7, "nsubj"), (aux, "VAFIN", 7, "aux"),
                ("sich", "PRF", 7, "obj"), ("zu", "APPR", 6, "case"), ("dem", "ART", 6, "det"),
                ("Anschlag", "NN", 7, "obl"), (word, tag, 7, "ROOT"), (".", "$.", 7, "punct")]
        return _words_repaired(tokens(rows, lemmas={2: aux_lemma}), LEX)[7]

    for tag in ("PTKVZ", "ADJD"):
        t = repaired("hat", "haben", tag)
        assert (t.tag, t.lemma, t.pos) == ("VVPP", "bekennen", "VERB")
    assert repaired("ist", "sein", "ADJD").tag == "ADJD"
    assert repaired("hat", "haben", "ADJD", word="Bekannt").tag == "ADJD"
    assert repaired("hat", "haben", "ADJD", word="schön").tag == "ADJD"  # no lexicon verb


def test_a_later_word_of_a_name_read_as_a_verb() -> None:
    """"Der UN-Hochkommissar …, Said Raad al-Hussein, hatte die Hinrichtung verurteilt" with
    "al-Hussein" an infinitive that took the title as its subject: inside a name the NER
    found it is a part of the name; the title is the real verb's subject, and the second
    "subject" behind the finite auxiliary its object."""
    out = tokens([("Der", "ART", 1, "det"), ("UN-Hochkommissar", "NN", 5, "nsubj"),
                  (",", "$,", 3, "punct"), ("Said", "NE", 1, "appos"),
                  ("Raad", "NE", 3, "flat"), ("al-Hussein", "VVINF", 10, "advcl"),
                  (",", "$,", 5, "punct"), ("hatte", "VAFIN", 10, "aux"),
                  ("die", "ART", 9, "det"), ("Hinrichtung", "NN", 10, "nsubj"),
                  ("verurteilt", "VVPP", 10, "ROOT")])
    name = (out[3].start, out[5].end)
    _name_part_read_as_verb(out, [name])
    assert (out[5].tag, out[5].dep, out[5].head) == ("NE", "flat", 3)
    assert (out[1].head, out[1].dep) == (10, "nsubj")
    assert out[9].dep == "obj" and out[6].head == 3
    # outside a name the NER found, a verb stays a verb
    again = tokens([("Said", "NE", 1, "nsubj"), ("kam", "VVFIN", 1, "ROOT")])
    _name_part_read_as_verb(again, [(0, 4)])
    assert again[1].tag == "VVFIN"
