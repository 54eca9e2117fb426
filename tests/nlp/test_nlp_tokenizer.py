"""German tokenizer customisations and the rule sentence segmenter."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.components import segment, split_year_stops


def toks(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Wir sind bereit.“", ["„", "Wir", "sind", "bereit", ".", "“"]),
        ("»Nein«, sagte er.", ["»", "Nein", "«", ",", "sagte", "er", "."]),
        ("‚Ja‘ hieß es.", ["‚", "Ja", "‘", "hieß", "es", "."]),
        ('"Wir nehmen nichts", stellte er klar.',
         ['"', "Wir", "nehmen", "nichts", '"', ",", "stellte", "er", "klar", "."]),
        ("US-Außenminister John Kerry", ["US-Außenminister", "John", "Kerry"]),
        ("gegen die IS-Kämpfer.", ["gegen", "die", "IS-Kämpfer", "."]),
        ("am 3. Oktober 2015", ["am", "3.", "Oktober", "2015"]),
        ("z.B. Dr. Müller usw. und Nr. 5", ["z.B.", "Dr.", "Müller", "usw.", "und", "Nr.", "5"]),
        ("Baschar al-Assad", ["Baschar", "al-Assad"]),
    ],
)
def test_tokenizer(blank_de: Language, text: str, expected: list[str]) -> None:
    assert toks(blank_de, text) == expected


def sents(nlp: Language, text: str) -> list[str]:
    words = toks(nlp, text)
    starts = segment(words)
    out: list[list[str]] = []
    for w, s in zip(words, starts, strict=True):
        if s:
            out.append([])
        out[-1].append(w)
    return [" ".join(s) for s in out]


def test_segment_simple(blank_de: Language) -> None:
    assert sents(blank_de, "Er kam. Sie ging! Wer bleibt?") == [
        "Er kam .", "Sie ging !", "Wer bleibt ?"
    ]


def test_segment_keeps_quote_and_frame(blank_de: Language) -> None:
    text = "„Wir sind bereit. Das ist klar“, sagte Kerry. Dann ging er."
    assert sents(blank_de, text) == [
        "„ Wir sind bereit . Das ist klar “ , sagte Kerry .",
        "Dann ging er .",
    ]


def test_segment_quote_then_frame_after_terminal(blank_de: Language) -> None:
    text = '"Es gibt keine Lösung!", sagte er. Er sagte: „Wir kommen.“ Danach Stille.'
    assert sents(blank_de, text) == [
        '" Es gibt keine Lösung ! " , sagte er .',
        "Er sagte : „ Wir kommen . “",
        "Danach Stille .",
    ]


def cut(doc: Doc) -> list[str]:
    """Sentences as the pipeline's senter cuts a Doc: with each token's trailing space."""
    starts = segment([t.text for t in doc], [bool(t.whitespace_) for t in doc])
    out: list[list[str]] = []
    for t, s in zip(doc, starts, strict=True):
        if s:
            out.append([])
        out[-1].append(t.text)
    return [" ".join(s) for s in out]


def spaced_sents(nlp: Language, text: str) -> list[str]:
    return cut(nlp.make_doc(text))


def test_segment_low_quote_closed_by_straight_quote(blank_de: Language) -> None:
    # web text pairs „ with a straight closing mark; the quotation ends there
    text = 'Sie sagte: „Er ist krank." Am Montag kam er. Dann ging sie.'
    assert spaced_sents(blank_de, text) == [
        'Sie sagte : „ Er ist krank . "', "Am Montag kam er .", "Dann ging sie ."]
    mid = 'Der „Twilight"-Star wird zum Helden. Er kam.'
    assert len(spaced_sents(blank_de, mid)) == 2


def test_segment_straight_quote_nested_in_low_quotes(blank_de: Language) -> None:
    # a straight quotation inside „…“ opens after a space and closes the nested one only
    text = 'Er rief: „Sie sagte "Halt" und ging. Dann kam er.“ Danach Stille.'
    assert spaced_sents(blank_de, text) == [
        'Er rief : „ Sie sagte " Halt " und ging . Dann kam er . “', "Danach Stille ."]


def test_segment_genitive_apostrophe_opens_no_quotation(blank_de: Language) -> None:
    # "Campus'" ends in an apostrophe, not a quotation mark: the sentences after it stay apart
    text = ("Es war am Campus' Westend. Man vermutete, es sei ein Fremder. Dann kam er. "
            "Er sagte 'Nein' und ging. Danach Stille.")
    assert spaced_sents(blank_de, text) == [
        "Es war am Campus ' Westend .", "Man vermutete , es sei ein Fremder .",
        "Dann kam er .", "Er sagte ' Nein ' und ging .", "Danach Stille ."]


def test_segment_ordinal_and_abbreviation(blank_de: Language) -> None:
    text = "Am 3. Oktober kam z.B. Dr. Müller. Er blieb."
    assert sents(blank_de, text) == ["Am 3. Oktober kam z.B. Dr. Müller .", "Er blieb ."]


def test_segment_unbalanced_quote_does_not_swallow_everything() -> None:
    words = ["„", "A", "."] + ["x", "y", "."] * 100 + ["Ende", "."]
    starts = segment(words)
    assert sum(starts) > 1


@pytest.mark.parametrize(
    ("word", "lemma", "near_ich", "expected"),
    [
        ("seien", "sein", False, True),
        ("gebe", "geben", False, True),
        ("stehe", "stehen", False, True),
        ("untergrabe", "untergraben", False, True),
        ("verändere", "verändern", False, True),
        ("gäbe", "geben", False, True),
        ("habe", "haben", True, False),
        ("gibt", "geben", False, False),
        ("fährt", "fahren", False, False),
        ("sagte", "sagen", False, False),
        # lemmatizer failures (lemma = word): -e forms count, weak preterites do not
        ("untergrabe", "untergrabe", False, True),
        ("untergrabe", "untergrabe", True, False),
        ("machte", "machte", False, False),
    ],
)
def test_subjunctive_by_form(word: str, lemma: str, near_ich: bool, expected: bool) -> None:
    from lagebild.nlp.components import subjunctive_by_form

    assert subjunctive_by_form(word, lemma, near_ich) is expected


def test_segment_dateline_is_a_sentence_of_its_own(blank_de: Language) -> None:
    text = ("Neues Gesetz. Berlin – Nach langem Streit hat die Regierung zugestimmt. "
            "Santiago de Chile (AFP) - Die Polizei kam. Merkel – die ewige Kanzlerin.")
    assert sents(blank_de, text) == [
        "Neues Gesetz .", "Berlin –", "Nach langem Streit hat die Regierung zugestimmt .",
        "Santiago de Chile ( AFP ) -", "Die Polizei kam .", "Merkel – die ewige Kanzlerin .",
    ]


def test_segment_line_up_and_result_are_no_datelines(blank_de: Language) -> None:
    text = ("Vollborn - Foda - Wörns , Kree - Fischer , von Ahlen - Kirsten ( 87. Herrlich ) . "
            "Werder Bremen - Leverkusen 1:1 ( 1:1 ) . Die Kongreß- ( I ) - Partei hat gewonnen . "
            "Friedewald ( lhe ) - Ein Netzwerk will helfen .")
    assert sents(blank_de, text) == [
        "Vollborn - Foda - Wörns , Kree - Fischer , von Ahlen - Kirsten ( 87. Herrlich ) .",
        "Werder Bremen - Leverkusen 1:1 ( 1:1 ) .", "Die Kongreß- ( I ) - Partei hat gewonnen .",
        "Friedewald ( lhe ) -", "Ein Netzwerk will helfen .",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam im März 2014. Dann ging er.", ["Er kam im März 2014 .", "Dann ging er ."]),
        ("Das war 1999.“ Dann ging er.", ["Das war 1999 . “", "Dann ging er ."]),
        # an article makes the number an ordinal; a lower-case word continues the sentence
        ("Er kam zum 1000. Mal. Dann ging er.", ["Er kam zum 1000. Mal .", "Dann ging er ."]),
        ("Seit 2014. leben sie hier.", ["Seit 2014. leben sie hier ."]),
        # a mixed-case acronym's stop, which spaCy's suffix rules keep on the word
        ("Er warnt vor der AfD. Wir gehen.", ["Er warnt vor der AfD .", "Wir gehen ."]),
        ("Die XY GmbH.“ Sie zahlt.", ["Die XY GmbH . “", "Sie zahlt ."]),
    ],
)
def test_year_stop_ends_sentence(blank_de: Language, text: str, expected: list[str]) -> None:
    doc = split_year_stops(blank_de.make_doc(text))
    assert cut(doc) == expected
    assert doc.text == text  # nothing of the text is lost


def test_pipeline_tokenizer_splits_year_stops() -> None:
    from lagebild.nlp import load_pipeline

    nlp = load_pipeline()
    assert [t.text for t in nlp.make_doc("Er kam 2014. Dann")] == [
        "Er", "kam", "2014", ".", "Dann"]
