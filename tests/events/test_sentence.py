"""The coder's view of one sentence (:class:`lagebild.events.sentence.Sent`), on hand-built
trees (independent of the shipped language model's parses)."""

from __future__ import annotations

from lagebild.events.sentence import Participants, Sent, dateline_end
from lagebild.model import Sentence, Token

LEMMAS = {"griffen": "greifen", "nahm": "nehmen", "liegt": "liegen", "griff": "greifen",
          "schob": "schieben", "sei": "sein"}


def sent(rows: list[tuple[str, str, int, str]]) -> Sent:
    """(text, tag, head, dep) per token; offsets as if joined by single spaces."""
    toks: list[Token] = []
    at = 0
    for text, tag, head, dep in rows:
        toks.append(Token(text=text, start=at, end=at + len(text), tag=tag, head=head, dep=dep,
                          lemma=LEMMAS.get(text, text.lower())))
        at += len(text) + 1

    def no_participants() -> Participants:
        raise AssertionError("the particle search reads no participants")

    return Sent(0, Sentence(start=0, end=at, tokens=toks), toks, no_participants)


# "Am Mittwoch griffen Attentäter in Quetta, die im Grenzgebiet liegt, das Haus an ."
# with the particle hung on the relative clause's verb
RELATIVE = [("Am", "APPRART", 1, "case"), ("Mittwoch", "NN", 2, "obl"),
            ("griffen", "VVFIN", 2, "ROOT"), ("Attentäter", "NN", 2, "nsubj"),
            ("in", "APPR", 5, "case"), ("Quetta", "NE", 2, "obl"), (",", "$,", 10, "punct"),
            ("die", "PRELS", 10, "nsubj"), ("im", "APPRART", 9, "case"),
            ("Grenzgebiet", "NN", 10, "obl"), ("liegt", "VVFIN", 5, "acl:relcl"),
            (",", "$,", 10, "punct"), ("das", "ART", 13, "det"), ("Haus", "NN", 2, "obj"),
            ("an", "PTKVZ", 10, "compound:prt"), (".", "$.", 2, "punct")]


def test_particle_after_a_relative_clause_belongs_to_the_main_verb() -> None:
    s = sent(RELATIVE)
    assert s.particle(2) == 14 and s.full_lemma(2) == "angreifen"
    assert s.particle(10) is None  # a verb-final clause keeps its particle joined


def test_particle_search_stops_at_a_clause_that_is_not_subordinate() -> None:
    # "Die Männer griffen an, die Polizei nahm sie fest ." with "fest" hung nowhere useful
    rows = [("Die", "ART", 1, "det"), ("Männer", "NN", 2, "nsubj"),
            ("griffen", "VVFIN", 2, "ROOT"), (",", "$,", 6, "punct"), ("die", "ART", 5, "det"),
            ("Polizei", "NN", 6, "nsubj"), ("nahm", "VVFIN", 2, "conj"),
            ("sie", "PPER", 6, "obj"), ("fest", "PTKVZ", 6, "compound:prt"),
            (".", "$.", 2, "punct")]
    s = sent(rows)
    assert s.particle(2) is None and s.particle(6) == 8
    # a subordinate clause the sentence ends with: nothing after it to take
    rows = [*RELATIVE[:11], (".", "$.", 2, "punct")]
    assert sent(rows).particle(2) is None
    # one a semicolon closes: what follows is a clause of its own
    rows = [*RELATIVE[:11], (";", "$.", 2, "punct"), *RELATIVE[12:]]
    assert sent(rows).particle(2) is None


def test_particle_after_a_relative_clause_with_a_preposition() -> None:
    # "…, in der es liegt, …": the clause opens with a preposition before the pronoun
    rows = [*RELATIVE[:7], ("in", "APPR", 8, "case"), ("der", "PRELS", 10, "obl"),
            ("es", "PPER", 10, "nsubj"), *RELATIVE[10:]]
    assert sent(rows).particle(2) == 14


def test_particle_search_crosses_subordinate_clauses_only() -> None:
    # "Die Männer griffen, so die Polizei, das Haus an": an insert that is no subordinate
    # clause may be a clause of its own ("…, die Polizei nahm sie fest"), so it is not crossed
    rows = [*RELATIVE[:7], ("so", "ADV", 9, "advmod"), ("die", "ART", 9, "det"),
            ("Polizei", "NN", 2, "parataxis"), *RELATIVE[11:]]
    assert sent(rows).particle(2) is None


def test_particle_search_reads_past_a_word_misread_as_a_finite_verb() -> None:
    # "griff der Mann das Kind unvermittelt an" with "unvermittelt" as a finite verb the
    # lemmatiser did not know (its lemma is its form)
    rows = [("Dann", "ADV", 1, "advmod"), ("griff", "VVFIN", 1, "ROOT"),
            ("der", "ART", 3, "det"), ("Mann", "NN", 1, "nsubj"), ("das", "ART", 5, "det"),
            ("Kind", "NN", 1, "obj"), ("unvermittelt", "VVFIN", 1, "xcomp"),
            ("an", "PTKVZ", 6, "compound:prt"), (".", "$.", 1, "punct")]
    assert sent(rows).particle(1) == 7
    # after a conjunction it is a second verb, with its own particle ("und zerrte es weg")
    rows = [*rows[:4], ("und", "KON", 5, "cc"), ("zerrte", "VVFIN", 1, "conj"),
            ("es", "PPER", 5, "obj"), ("weg", "PTKVZ", 5, "compound:prt"),
            (".", "$.", 1, "punct")]
    assert sent(rows).particle(1) is None and sent(rows).particle(5) == 7
    # and a verb the lemmatiser knew is one
    rows[5] = ("schob", "VVFIN", 1, "conj")
    rows[4] = ("dann", "ADV", 5, "advmod")
    assert sent(rows).particle(1) is None


def test_a_label_verdict_is_no_reported_copula_verdict() -> None:
    """judgements.tsv polarity "label": "Angriff" judges only as what a judging verb calls
    something ("als direkten Angriff bezeichnet"); as the head of a reported copula ("der
    Angriff sei eine Aggression", parsed with "Angriff" as the predicate) it is no verdict,
    while a "neg" word there is."""
    from lagebild.events.lexicon import load_lexicon
    from lagebild.events.triggers import VERDICT, find_triggers

    lex = load_lexicon()

    def verdicts(noun: str) -> list[int]:
        s = sent([("der", "ART", 1, "det"), (noun, "NN", 1, "ROOT"), ("sei", "VAFIN", 1, "cop"),
                  ("eine", "ART", 4, "det"), ("Aggression", "NN", 1, "nsubj"), (".", "$.", 1,
                                                                                 "punct")])
        s.toks[2].morph = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
        return [i for entry, i, _ in find_triggers(s, lex) if entry is VERDICT]

    assert lex.judgements["angriff"] == "label" and verdicts("Angriff") == []
    assert lex.judgements["provokation"] == "neg" and verdicts("Provokation") == [1]


def test_an_imperative_after_an_opening_quote_inside_a_sentence() -> None:
    """"Die Menge rief „Sperrt ihn ein!“": the command opens its quotation, not the sentence;
    "Russland greift Syrien an!" tells an act."""
    from lagebild.events.filters import _imperative

    quoted = sent([("Die", "ART", 1, "det"), ("Menge", "NN", 2, "nsubj"),
                   ("rief", "VVFIN", 2, "ROOT"), ("„", "$(", 4, "punct"),
                   ("Sperrt", "VVFIN", 2, "ccomp"), ("ihn", "PPER", 4, "obj"),
                   ("ein", "PTKVZ", 4, "compound:prt"), ("!", "$.", 4, "punct"),
                   ("“", "$(", 4, "punct")])
    assert _imperative(quoted, 4) and not _imperative(quoted, 2)
    told = sent([("Russland", "NE", 1, "nsubj"), ("greift", "VVFIN", 1, "ROOT"),
                 ("Syrien", "NE", 1, "obj"), ("an", "PTKVZ", 1, "compound:prt"),
                 ("!", "$.", 1, "punct")])
    assert not _imperative(told, 1)


def words(text: str, tags: str) -> list[Token]:
    """Tokens of space-separated words with one tag each (the dateline reads no tree)."""
    return [Token(text=w, start=0, end=len(w), tag=tag) for w, tag in
            zip(text.split(), tags.split(), strict=True)]


def test_a_dateline_ends_at_its_dash() -> None:
    """"Berlin/Ankara – Die türkische Regierung …", "Wien (APA) – …": places (and an agency)
    before a dash that opens a sentence; a person's name before a parenthetical dash is
    none ("Selahattin Demirtas – dem die Immunität … –")."""
    assert dateline_end(words("Berlin / Ankara – Die Regierung", "NE $( NE XY ART NN")) == 3
    assert dateline_end(words("Wien ( APA ) – Der Minister", "NE $( NE $( XY ART NN")) == 4
    assert dateline_end(words("Brüssel – Im Zusammenhang", "NE XY APPRART NN")) == 1
    assert dateline_end(words("Selahattin Demirtas – dem die", "NE NE XY PRELS ART")) == 0
    assert dateline_end(words("Selahattin Demirtas – Der Chef", "NE NE XY ART NN")) == 0
    assert dateline_end(words("Die Regierung – so heißt es", "ART NN XY ADV VVFIN PPER")) == 0
