"""Which expression dates an event (``lagebild.times.attach``), on hand-built parses, so that
each rule is tested apart from the parser's choices."""

from __future__ import annotations

from lagebild.model import Article, Sentence, Token
from lagebild.times import date_for_span, find_times

PUB = "2010-02-16"  # a Tuesday


def _article(words: list[tuple[str, str, str, str, int]], morph: dict[int, str] | None = None
             ) -> Article:
    """An article of one parsed sentence: ``(text, pos, tag, dep, head)`` per word."""
    toks, pos = [], 0
    for i, (text, upos, tag, dep, head) in enumerate(words):
        if i and text not in ".,":
            pos += 1
        toks.append(Token(text=text, start=pos, end=pos + len(text), pos=upos, tag=tag, dep=dep,
                          head=head, morph=(morph or {}).get(i, "")))
        pos += len(text)
    text = ""
    for tok in toks:
        text += " " * (tok.start - len(text)) + tok.text
    sentence = Sentence(start=0, end=len(text), tokens=toks)
    article = Article(text=text, published=PUB, sentences=[sentence])
    article.times = find_times(text, PUB, [sentence])
    return article


def _date(article: Article, word: str) -> str | None:
    t = date_for_span(article, 0, len(article.text), anchor=article.text.index(word))
    return t.value if t is not None else None


# "Wie die NATO am Montag mitteilte , sind Zivilisten getötet worden ."
REPORTED = [("Wie", "SCONJ", "KOUS", "mark", 5), ("die", "DET", "ART", "det", 2),
            ("NATO", "PROPN", "NE", "nsubj", 5), ("am", "ADP", "APPRART", "case", 4),
            ("Montag", "NOUN", "NN", "obl", 5), ("mitteilte", "VERB", "VVFIN", "advcl", 9),
            (",", "PUNCT", "$,", "punct", 5), ("sind", "AUX", "VAFIN", "aux", 9),
            ("Zivilisten", "NOUN", "NN", "nsubj", 9), ("getötet", "VERB", "VVPP", "ROOT", 9),
            ("worden", "AUX", "VAPP", "aux", 9), (".", "PUNCT", "$.", "punct", 9)]


def test_another_clause_dates_its_own_act() -> None:
    article = _article(REPORTED)
    assert _date(article, "getötet") is None  # the report is dated, not the killing
    assert _date(article, "mitteilte") == "2010-02-15"
    # with the date on the main verb the killing is dated
    moved = [w if i != 4 else ("Montag", "NOUN", "NN", "obl", 9) for i, w in enumerate(REPORTED)]
    assert _date(_article(moved), "getötet") == "2010-02-15"


def test_a_temporal_als_clause_shares_its_main_clause_time() -> None:
    # "Am Montag endeten die Gespräche , als beide unterschrieben ."
    words = [("Am", "ADP", "APPRART", "case", 1), ("Montag", "NOUN", "NN", "obl", 2),
             ("endeten", "VERB", "VVFIN", "ROOT", 2), ("die", "DET", "ART", "det", 4),
             ("Gespräche", "NOUN", "NN", "nsubj", 2), (",", "PUNCT", "$,", "punct", 8),
             ("als", "SCONJ", "KOUS", "mark", 8), ("beide", "PRON", "PIS", "nsubj", 8),
             ("unterschrieben", "VERB", "VVFIN", "advcl", 2), (".", "PUNCT", "$.", "punct", 2)]
    assert _date(_article(words), "unterschrieben") == "2010-02-15"
    words[6] = ("weil", "SCONJ", "KOUS", "mark", 8)
    assert _date(_article(words), "unterschrieben") is None


def test_a_participle_attribute_dates_the_participle() -> None:
    # "Das Gericht bestätigte die im Oktober verhängten Urteile ."
    words = [("Das", "DET", "ART", "det", 1), ("Gericht", "NOUN", "NN", "nsubj", 2),
             ("bestätigte", "VERB", "VVFIN", "ROOT", 2), ("die", "DET", "ART", "det", 7),
             ("im", "ADP", "APPRART", "case", 5), ("Oktober", "NOUN", "NN", "obl", 6),
             ("verhängten", "ADJ", "ADJA", "amod", 7), ("Urteile", "NOUN", "NN", "obj", 2),
             (".", "PUNCT", "$.", "punct", 2)]
    assert _date(_article(words), "bestätigte") is None
    words[6] = ("neuen", "NOUN", "NN", "nmod", 7)  # not an attribute: a noun of the clause
    assert _date(_article(words), "bestätigte") == "2009-10"


def test_a_period_bound_is_no_date() -> None:
    # "Seit Januar protestierten Tausende ." / "Im Januar protestierten Tausende ."
    for prep, want in (("Seit", None), ("Bis", None), ("Ab", None), ("Im", "2010-01")):
        words = [(prep, "ADP", "APPR", "case", 1), ("Januar", "NOUN", "NN", "obl", 2),
                 ("protestierten", "VERB", "VVFIN", "ROOT", 2),
                 ("Tausende", "PRON", "PIS", "nsubj", 2), (".", "PUNCT", "$.", "punct", 2)]
        assert _date(_article(words), "protestierten") == want, prep
    # "zwischen 2008 und 2012": both years bound the period
    words = [("Sie", "PRON", "PPER", "nsubj", 1), ("sparten", "VERB", "VVFIN", "ROOT", 1),
             ("zwischen", "ADP", "APPR", "case", 3), ("2008", "NUM", "CARD", "obl", 1),
             ("und", "CCONJ", "KON", "cc", 5), ("2012", "NUM", "CARD", "conj", 3),
             (".", "PUNCT", "$.", "punct", 1)]
    assert _date(_article(words), "sparten") is None


def test_a_past_verb_makes_a_weekday_past() -> None:
    """``werden`` in a relative clause is no future when the sentence's finite verb is past
    (the parse's ``Tense=Past``); without a parse the cue words decide."""
    text = "Sieben Menschen starben am Sonntag in dem Viertel, in dem Geräte verkauft werden."
    published = "2008-06-08"  # a Sunday
    assert [t.value for t in find_times(text, published)] == ["2008-06-15"]
    toks = [Token(text=w, start=text.index(w), end=text.index(w) + len(w),
                  morph="Mood=Ind|Tense=Past|VerbForm=Fin" if w == "starben" else "")
            for w in ("Sieben", "Menschen", "starben", "am", "Sonntag")]
    parsed = Sentence(start=0, end=len(text), tokens=toks)
    assert [t.value for t in find_times(text, published, [parsed])] == ["2008-06-08"]


def test_a_coordinated_verb_without_its_own_subject_shares_the_date() -> None:
    # "Er trat heute zurück und verließ die Partei ." / "…, und sie verließ die Partei ."
    words = [("Er", "PRON", "PPER", "nsubj", 1), ("trat", "VERB", "VVFIN", "ROOT", 1),
             ("heute", "ADV", "ADV", "advmod", 1), ("zurück", "ADP", "PTKVZ", "compound:prt", 1),
             ("und", "CCONJ", "KON", "cc", 5), ("verließ", "VERB", "VVFIN", "conj", 1),
             ("die", "DET", "ART", "det", 7), ("Partei", "NOUN", "NN", "obj", 5),
             (".", "PUNCT", "$.", "punct", 1)]
    assert _date(_article(words), "verließ") == PUB
    own = words[:5] + [("sie", "PRON", "PPER", "nsubj", 6)] + [
        (t, p, g, d, h + 1 if h >= 5 else h) for t, p, g, d, h in words[5:]]
    assert _date(_article(own), "verließ") is None
    # an adverb the parser made the subject ("und verließ zudem die Partei") is none
    adverb = [*own[:5], ("zudem", "ADV", "PROAV", "nsubj", 6), *own[6:]]
    assert _date(_article(adverb), "verließ") == PUB


def _weekdays(words: list[tuple[str, str, str, str, int]], morph: dict[int, str]) -> list[str]:
    return [t.value or "" for t in _article(words, morph).times]


def test_a_weekday_takes_the_tense_of_its_own_clause() -> None:
    """A future clause beside a past main clause (``einigte sich mit Jauk, der ihn am Dienstag
    präsentieren wird``) speaks of the next Tuesday; the sentence's past verb decided before."""
    words = [("Er", "PRON", "PPER", "nsubj", 1), ("einigte", "VERB", "VVFIN", "ROOT", 1),
             ("sich", "PRON", "PRF", "obj", 1), ("mit", "ADP", "APPR", "case", 4),
             ("Jauk", "PROPN", "NE", "obl", 1), (",", "PUNCT", "$,", "punct", 10),
             ("der", "PRON", "PRELS", "nsubj", 10), ("ihn", "PRON", "PPER", "obj", 10),
             ("am", "ADP", "APPRART", "case", 9), ("Dienstag", "NOUN", "NN", "obl", 10),
             ("präsentieren", "VERB", "VVINF", "acl:relcl", 4),
             ("wird", "AUX", "VAFIN", "aux", 10), (".", "PUNCT", "$.", "punct", 1)]
    past = {1: "Mood=Ind|Tense=Past"}  # no VerbForm=Fin: the tag says finite
    assert _weekdays(words, past) == ["2010-02-23"]
    # the date in the main clause: its past verb decides
    main = [w if i not in (8, 9) else (w[0], w[1], w[2], w[3], 9 if i == 8 else 1)
            for i, w in enumerate(words)]
    assert _weekdays(main, past) == ["2010-02-16"]


def test_a_clause_without_tense_words_takes_the_sentence_tense() -> None:
    """``nächsten`` on a noun is no future verb: the clause of ``erreichten am Sonntag`` is
    past, and a clause with neither cue follows the sentence."""
    # "Proteste gegen den nächsten Chef erreichten am Sonntag einen Höhepunkt , der bleiben wird ."
    words = [("Proteste", "NOUN", "NN", "nsubj", 5), ("gegen", "ADP", "APPR", "case", 4),
             ("den", "DET", "ART", "det", 4), ("nächsten", "ADJ", "ADJA", "amod", 4),
             ("Chef", "NOUN", "NN", "nmod", 0), ("erreichten", "VERB", "VVFIN", "ROOT", 5),
             ("am", "ADP", "APPRART", "case", 7), ("Sonntag", "NOUN", "NN", "obl", 5),
             ("einen", "DET", "ART", "det", 9), ("Höhepunkt", "NOUN", "NN", "obj", 5),
             (",", "PUNCT", "$,", "punct", 12), ("der", "PRON", "PRELS", "nsubj", 12),
             ("bleiben", "VERB", "VVINF", "acl:relcl", 9), ("wird", "AUX", "VAFIN", "aux", 12),
             (".", "PUNCT", "$.", "punct", 5)]
    assert _weekdays(words, {5: "Tense=Past"}) == ["2010-02-14"]
    # without the past verb's morphology the clause has no tense word: the sentence decides
    # ("wird" and no past cue: the future)
    assert _weekdays(words, {}) == ["2010-02-21"]


def test_a_coordination_of_dates_dates_the_act_by_its_first_member() -> None:
    # "Am 10. und 11. Juli tagten die Minister ."
    words = [("Am", "ADP", "APPRART", "case", 1), ("10.", "ADJ", "ADJA", "obl", 5),
             ("und", "CCONJ", "KON", "cc", 4), ("11.", "ADJ", "ADJA", "amod", 4),
             ("Juli", "NOUN", "NN", "conj", 1), ("tagten", "VERB", "VVFIN", "ROOT", 5),
             ("die", "DET", "ART", "det", 7), ("Minister", "NOUN", "NN", "nsubj", 5),
             (".", "PUNCT", "$.", "punct", 5)]
    assert _date(_article(words), "tagten") == "2010-07-10"
    words[2] = ("oder", "CCONJ", "KON", "cc", 4)  # no coordination the pattern knows
    assert _date(_article(words), "tagten") == "2010-07-11"


def test_an_occasion_two_nouns_down_dates_itself_not_the_act() -> None:
    # "Die GdP lehnte den Einsatz bei der WM im Juli ab ."
    words = [("Die", "DET", "ART", "det", 1), ("GdP", "PROPN", "NE", "nsubj", 2),
             ("lehnte", "VERB", "VVFIN", "ROOT", 2), ("den", "DET", "ART", "det", 4),
             ("Einsatz", "NOUN", "NN", "obj", 2), ("bei", "ADP", "APPR", "case", 7),
             ("der", "DET", "ART", "det", 7), ("WM", "NOUN", "NN", "nmod", 4),
             ("im", "ADP", "APPRART", "case", 9), ("Juli", "NOUN", "NN", "nmod", 7),
             ("ab", "ADP", "PTKVZ", "compound:prt", 2), (".", "PUNCT", "$.", "punct", 2)]
    assert _date(_article(words), "lehnte") is None  # the World Cup's month, not the refusal's
    election = [w if i != 7 else ("Präsidentenwahl", "NOUN", "NN", "nmod", 4)
                for i, w in enumerate(words)]
    assert _date(_article(election), "lehnte") is None  # an ending names the occasion
    # "Problem" ends like "EM" but is no occasion: short names count as whole words only
    problem = [w if i != 7 else ("Problem", "NOUN", "NN", "nmod", 4) for i, w in enumerate(words)]
    assert _date(_article(problem), "lehnte") == "2010-07"
    # a place two nouns down keeps the date: the parser hangs "im Juli" on any noun before it
    place = [w if i != 7 else ("Bonn", "PROPN", "NE", "nmod", 4) for i, w in enumerate(words)]
    assert _date(_article(place), "lehnte") == "2010-07"  # no Tense in the morph: present
    # an occasion that is the verb's own argument dates the act ("lehnte die WM im Juli ab")
    own = [w if i != 7 else ("WM", "NOUN", "NN", "obl", 2) for i, w in enumerate(words)]
    assert _date(_article(own), "lehnte") == "2010-07"


def test_a_past_clause_puts_a_month_without_year_before_publication() -> None:
    """"Bereits im Juni war es zu Unruhen gekommen" in an article of February is last June
    (the nearest June would be this year's, ahead); a plan or a modal told in the past may
    look ahead ("war im Juni geplant", "sollte ab Juni dabei sein")."""
    words = [("Bereits", "ADV", "ADV", "advmod", 7), ("im", "ADP", "APPRART", "case", 2),
             ("Juni", "NOUN", "NN", "obl", 7), ("war", "AUX", "VAFIN", "aux", 7),
             ("es", "PRON", "PPER", "expl", 7), ("zu", "ADP", "APPR", "case", 6),
             ("Unruhen", "NOUN", "NN", "obl", 7), ("gekommen", "VERB", "VVPP", "ROOT", 7),
             (".", "PUNCT", "$.", "punct", 7)]
    article = _article(words, {3: "Mood=Ind|Tense=Past|VerbForm=Fin"})
    assert [t.value for t in article.times] == ["2009-06"]
    words = [("Die", "DET", "ART", "det", 1), ("Wahl", "NOUN", "NN", "nsubj", 5),
             ("war", "AUX", "VAFIN", "aux", 5), ("im", "ADP", "APPRART", "case", 4),
             ("Juni", "NOUN", "NN", "obl", 5), ("geplant", "VERB", "VVPP", "ROOT", 5),
             (".", "PUNCT", "$.", "punct", 5)]
    article = _article(words, {2: "Mood=Ind|Tense=Past|VerbForm=Fin"})
    assert [t.value for t in article.times] == ["2010-06"]
