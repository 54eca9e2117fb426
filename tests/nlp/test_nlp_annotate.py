"""annotate(): offsets into article.text, label/subtype split, custom component round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.model import ArticleBuilder, BlockType
from lagebild.nlp import annotate, annotate_many, doc_to_sentences, split_label
from lagebild.nlp.components import (
    LEXFEAT,
    SENTER,
    LexicalFeatures,
)


def _article() -> object:
    b = ArticleBuilder()
    b.add(BlockType.SECTION, "Politik")
    b.add(BlockType.HEADLINE, "Moskau sucht Gespräch")
    b.add(BlockType.PARAGRAPH, "Das sagte John Kerry. Die russische Seite schwieg.")
    b.add(BlockType.SOURCE, "Quelle: ntv.de, jog/dpa")
    b.add(BlockType.PARAGRAPH, "„Wir kommen“, sagte Kerry. Die IS-Kämpfer flohen.")
    return b.build()


def test_split_label() -> None:
    assert split_label("LOCderiv") == ("LOC", "deriv")
    assert split_label("ORGpart") == ("ORG", "part")
    assert split_label("PER") == ("PER", None)


def test_annotate_offsets_map_into_text(rule_nlp: Language) -> None:
    art = annotate(_article(), rule_nlp)  # type: ignore[arg-type]
    text = art.text
    assert art.sentences, "sentences expected"
    for sent in art.sentences:
        for tok in sent.tokens:
            assert text[tok.start : tok.end] == tok.text
            assert 0 <= tok.head < len(sent.tokens)
        assert text[sent.start : sent.end].startswith(sent.tokens[0].text)
    for ent in art.entities:
        assert text[ent.start : ent.end] == ent.text
    # section and source lines are not prose
    assert not any(text[s.start : s.end].startswith(("Politik", "Quelle")) for s in art.sentences)
    got = {(e.text, e.label, e.subtype) for e in art.entities}
    assert ("Moskau", "LOC", None) in got
    assert ("John Kerry", "PER", None) in got
    assert ("russische", "LOC", "deriv") in got
    assert ("IS-Kämpfer", "ORG", "part") in got
    # the quotation stays with its frame
    sents = [text[s.start : s.end] for s in art.sentences]
    assert "„Wir kommen“, sagte Kerry." in sents


def test_annotate_many_matches_annotate(rule_nlp: Language) -> None:
    arts = [_article() for _ in range(5)]
    many = list(annotate_many(arts, rule_nlp, batch_size=2))  # type: ignore[arg-type]
    single = annotate(_article(), rule_nlp)  # type: ignore[arg-type]
    assert len(many) == 5
    for art in many:
        assert art.entities == single.entities
        assert art.sentences == single.sentences


def test_doc_to_sentences_hand_built() -> None:
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=["Er", "sagte", "es", ".", "Gut", "."],
              heads=[1, 1, 1, 1, 4, 4], deps=["sb", "ROOT", "oa", "punct", "ROOT", "punct"],
              sent_starts=[True, False, False, False, True, False])
    sents = doc_to_sentences(doc, offset=10)
    assert [len(s.tokens) for s in sents] == [4, 2]
    assert sents[1].tokens[0].head == 0
    assert sents[0].tokens[0].start == 10
    assert sents[0].tokens[0].dep == "sb"


def test_lexfeat_roundtrip(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    lex = nlp.add_pipe(LEXFEAT)
    assert isinstance(lex, LexicalFeatures)
    lex.set_table({"Kerry": "f3l1S", "Haus": "f5l2N", "im": "f7l7"})
    nlp.add_pipe(SENTER)
    doc = nlp("Kerry im Haus. Im US-Haus bei Xyz.")
    assert [t.lemma_ for t in doc] == [
        "f3l1S", "f7l7", "f5l2N", "-", "~f7l7", "+f5l2N", "-", "-", "-"
    ]
    nlp.to_disk(tmp_path / "m")
    nlp2 = spacy.load(tmp_path / "m")
    lex2 = nlp2.get_pipe(LEXFEAT)
    assert isinstance(lex2, LexicalFeatures)
    assert lex2.table == lex.table
    assert nlp2.pipe_names == [LEXFEAT, SENTER]
    lex3 = LexicalFeatures(nlp).from_bytes(lex.to_bytes())
    assert lex3.table == lex.table


def test_lexfeat_compound_heads_flag_unlisted_compound_nouns(tmp_path: Path) -> None:
    table = {"Melder": "f3l3N", "Rauchmelder": "f3l3", "Kerry": "f3l1S", "Urlaub": "f5l5N"}
    plain = spacy.blank("de")
    plain.add_pipe(LEXFEAT).set_table(table)  # type: ignore[attr-defined]
    words = "Rauchmelder Wellnessurlaub Kerrymelder Kerry Urlaub urlaub Reurlaub"
    assert [t.lemma_ for t in plain(words)] == ["f3l3", "-", "-", "f3l1S", "f5l5N", "-", "-"]
    nlp = spacy.blank("de")
    nlp.add_pipe(LEXFEAT, config={"compound_heads": True}).set_table(  # type: ignore[attr-defined]
        table
    )
    # the tail must be a listed noun, ≥ 3 letters, after ≥ 3 letters; flagged words stay
    expected = ["f3l3n", "-n", "-n", "f3l1S", "f5l5N", "-", "-"]
    assert [t.lemma_ for t in nlp(words)] == expected
    nlp.to_disk(tmp_path / "m")
    assert [t.lemma_ for t in spacy.load(tmp_path / "m")(words)] == expected


def test_doc_to_sentences_whitespace_and_morph() -> None:
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=["Er", "\n", "sei", "."], spaces=[True, False, False, False],
              heads=[2, 2, 2, 2], deps=["nsubj", "dep", "ROOT", "punct"],
              morphs=["Case=Nom", "", "Mood=Sub|VerbForm=Fin", ""],
              sent_starts=[True, False, False, False])
    (sent,) = doc_to_sentences(doc, offset=5)
    assert [t.text for t in sent.tokens] == ["Er", "sei", "."]
    assert [t.head for t in sent.tokens] == [1, 1, 1]
    assert sent.tokens[1].morph == "Mood=Sub|VerbForm=Fin" and sent.tokens[2].morph == ""
    assert (sent.start, sent.end) == (5, 5 + len("Er \nsei."))


def test_mood_rules_demote_impossible_subjunctive() -> None:
    from lagebild.nlp.components import MOOD, cannot_be_subjunctive

    assert cannot_be_subjunctive("entstand") and cannot_be_subjunctive("gibt")
    assert not cannot_be_subjunctive("gebe") and not cannot_be_subjunctive("sei")
    assert not cannot_be_subjunctive("gäbest") and not cannot_be_subjunctive("fragten")
    nlp = spacy.blank("de")
    nlp.add_pipe(MOOD)
    doc = Doc(nlp.vocab, words=["Es", "entstand", "."], tags=["PPER", "VVFIN", "$."],
              morphs=["", "Mood=Sub|VerbForm=Fin", ""])
    assert nlp.get_pipe(MOOD)(doc)[1].morph.get("Mood") == ["Ind"]


@pytest.mark.parametrize(
    ("words", "verb", "lemma", "tag", "mood"),
    [
        # 1st singular: Konjunktiv I = indicative, so "ich" decides (also after "und …")
        ("Ich bin Köchin und biete mich an .", 4, "bieten", "VVFIN", "Ind"),
        ("dass ich damit Tabus tangiere .", 4, "tangieren", "VVFIN", "Ind"),
        ("Morgen habe ich Zeit .", 1, "haben", "VAFIN", "Ind"),
        ("Ich glaube , er gebe nach .", 4, "geben", "VVFIN", "Sub"),  # "ich" in another clause
        ("Ich sei krank , sagte er .", 1, "sein", "VAFIN", "Sub"),  # distinctive form
        # weak preterite = Konjunktiv II; modals and umlaut forms stay with the model
        ("171 stimmten dagegen .", 1, "stimmen", "VVFIN", "Ind"),
        ("Er fragte nach .", 1, "fragen", "VVFIN", "Ind"),
        ("die es werden sollte .", 3, "sollen", "VMFIN", "Sub"),
        ("Er gäbe nach .", 1, "geben", "VVFIN", "Sub"),
        # the lemmatizer kept the form (lemma = word)
        ("die sie verdiente .", 2, "verdiente", "VVFIN", "Ind"),
        ("Er brächte es .", 1, "brächte", "VVFIN", "Sub"),
        ("Außerdem untergrabe das Vorgehen .", 1, "untergrabe", "VVFIN", "Sub"),
    ],
)
def test_mood_rules_forms_identical_to_the_indicative(
    words: str, verb: int, lemma: str, tag: str, mood: str
) -> None:
    from lagebild.nlp.components import MOOD

    nlp = spacy.blank("de")
    nlp.add_pipe(MOOD)
    doc = Doc(nlp.vocab, words=words.split())
    for t in doc:
        t.tag_ = tag if t.i == verb else "XY"
    doc[verb].lemma_ = lemma
    doc[verb].set_morph("Mood=Sub|VerbForm=Fin")  # what a model may have predicted
    assert nlp.get_pipe(MOOD)(doc)[verb].morph.get("Mood") == [mood]


def test_full_verb_rules_use_the_parse() -> None:
    from lagebild.nlp.components import FULL_VERBS

    nlp = spacy.blank("de")
    nlp.add_pipe(FULL_VERBS)
    doc = Doc(nlp.vocab, words=["Sie", "hat", "Kinder", "und", "hat", "gelacht", "."],
              heads=[1, 1, 1, 5, 5, 1, 1],
              deps=["nsubj", "ROOT", "obj", "cc", "aux", "conj", "punct"],
              pos=["PRON", "AUX", "NOUN", "CCONJ", "AUX", "VERB", "PUNCT"],
              lemmas=["sie", "haben", "Kind", "und", "haben", "lachen", "."])
    out = nlp.get_pipe(FULL_VERBS)(doc)
    assert [t.pos_ for t in out][:6] == ["PRON", "VERB", "NOUN", "CCONJ", "AUX", "VERB"]
    copula = Doc(nlp.vocab, words=["Er", "ist", "da"], heads=[1, 1, 1],
                 deps=["nsubj", "ROOT", "advmod"], pos=["PRON", "AUX", "ADV"],
                 lemmas=["er", "sein", "da"])
    assert nlp.get_pipe(FULL_VERBS)(copula)[1].pos_ == "AUX"  # sein is left alone
