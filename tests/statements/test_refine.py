"""Post-processing of tagger statements with the rules (no transformer needed: the tagger's
output is written by hand here)."""

from __future__ import annotations

from lagebild.model import Article, ArticleBuilder, Mode, Party, Span, Statement, StatementType
from lagebild.pipeline import Analyzer
from lagebild.statements.refine import refine

TEXT = ("Im Gespräch seien Absprachen, sagte Kerry. Es gebe Zweifel an Russland. "
        "Im Bürgerkrieg wird Assad beschuldigt, Giftgas einzusetzen.")


def span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def tagged(quote: str, speaker: str | None = None, cue: str | None = None) -> Statement:
    return Statement(type=StatementType.INDIRECT, quote=[span(quote)],
                     cue=[span(cue)] if cue else [],
                     speaker=Party(**span(speaker).model_dump()) if speaker else None,
                     mode=Mode.ACCURATE)


def parsed(text: str) -> Article:
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    article = next(iter(Analyzer(["nlp"]).run([builder.build()])))
    assert isinstance(article, Article)
    return article


def tagged_in(text: str, part: str, speaker: str | None = None,
              confidence: float = 1.0) -> Statement:
    """An Indirect tagger statement quoting ``part`` of ``text``."""
    start = text.index(part)
    sp = None
    if speaker:
        s = text.index(speaker)
        sp = Party(start=s, end=s + len(speaker), text=speaker)
    return Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE, speaker=sp,
                     quote=[Span(start=start, end=start + len(part), text=part)],
                     confidence=confidence)


def test_frame_continuation_and_agentless_passive() -> None:
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(TEXT)
    article = next(iter(Analyzer(["nlp"]).run([builder.build()])))
    out = refine(article, [
        tagged("Im Gespräch seien Absprachen", "Kerry", "sagte"),
        tagged("Es gebe Zweifel an Russland."),
        tagged("Giftgas einzusetzen", "Assad", "beschuldigt"),
    ])
    first, cont, passive = out
    assert first.frame is not None and first.frame.text == ", sagte Kerry"
    assert cont.type is StatementType.INDIRECT_FREE_INDIRECT
    assert cont.speaker is not None and cont.speaker.text == "Kerry"
    assert passive.speaker is None  # the accused is not the speaker
    assert passive.frame is not None and "beschuldigt" in passive.frame.text
    assert all(s.mode is Mode.ACCURATE for s in out)


def test_tagger_statements_the_rules_miss_are_added_fragments_dropped() -> None:
    text = ("Die Gespräche mit Moskau laufen seit Wochen ohne jedes Ergebnis. Das Treffen "
            "endete am Abend ohne eine gemeinsame Erklärung der beiden Seiten.")
    article = parsed(text)

    def at(part: str, speaker: str | None = None, confidence: float = 1.0) -> Statement:
        return tagged_in(text, part, speaker, confidence)

    unsure = refine(article, [at("endete am Abend ohne eine gemeinsame Erklärung der beiden "
                                 "Seiten", confidence=0.6)])
    assert unsure == []  # the tagger's own probability is too low
    out = refine(article, [
        at("Die Gespräche mit Moskau laufen seit Wochen ohne jedes Ergebnis", "Moskau"),
        at("Das Treffen"),  # a fragment: dropped
        at("endete am Abend ohne eine gemeinsame Erklärung der beiden Seiten"),
    ])
    assert [s.quote[0].text[:12] for s in out] == ["Die Gespräch", "endete am Ab"]
    assert out[1].speaker is not None and out[1].speaker.text == "Moskau"  # continuation


def test_tagger_statement_gets_the_frame_on_the_side_of_its_speaker() -> None:
    from lagebild.statements.refine import _with_frame

    text = ("Bei ihrem Besuch in Brüssel meinte Rice, die USA hielten sich an die Konvention. "
            "Die Lage bleibe schwierig, meinte der Sprecher am Abend.")
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    article = next(iter(Analyzer(["nlp"]).run([builder.build()])))

    def sp(part: str, after: int = 0) -> Span:
        start = text.index(part, after)
        return Span(start=start, end=start + len(part), text=part)

    before = Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE,
                       quote=[sp("die USA hielten sich an die Konvention")],
                       cue=[sp("meinte")], speaker=Party(**sp("Rice").model_dump()))
    after = Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE,
                      quote=[sp("Die Lage bleibe schwierig")],
                      cue=[sp("meinte", text.index("Die Lage"))],
                      speaker=Party(**sp("der Sprecher").model_dump()))
    alone = Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE,
                      quote=[sp("Die Lage bleibe schwierig")])
    framed = _with_frame(article, before).frame
    assert framed is not None and framed.text == "Bei ihrem Besuch in Brüssel meinte Rice,"
    framed = _with_frame(article, after).frame
    assert framed is not None and framed.text == ", meinte der Sprecher am Abend"
    assert _with_frame(article, alone).frame is None  # no cue, no speaker: no frame


def test_direct_quotation_the_tagger_does_not_read_as_one_is_a_name() -> None:
    text = ("Der Trainer sagte, er habe den Vertrag „bis auf weiteres ausgesetzt“. „Wir bleiben "
            "hier“, sagte der Trainer. Die Rakete heißt „Polar Satellite Launch Vehicle“.")
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    article = next(iter(Analyzer(["nlp"]).run([builder.build()])))

    def at(part: str) -> Statement:
        start = text.index(part)
        return Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE,
                         quote=[Span(start=start, end=start + len(part), text=part)])

    # the tagger's quotations: the indirect one (with the partial quotation inside) and one word
    # of the direct one; nothing on the rocket's name
    out = refine(article, [at("er habe den Vertrag „bis auf weiteres ausgesetzt“"), at("Wir")])
    quotes = [s.quote[0].text for s in out]
    assert "„bis auf weiteres ausgesetzt“" in quotes  # the partial quotation, nested
    assert "„Wir bleiben hier“" in quotes
    assert "„Polar Satellite Launch Vehicle“" not in quotes


def test_an_unframed_tagger_statement_needs_more_confidence() -> None:
    text = ("Die Gespräche mit Moskau laufen seit Wochen ohne jedes Ergebnis, meinte der "
            "Sprecher. Das Treffen endete am Abend ohne eine gemeinsame Erklärung der Seiten.")
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    article = next(iter(Analyzer(["nlp"]).run([builder.build()])))

    def at(part: str, confidence: float, cue: str | None = None) -> Statement:
        start = text.index(part)
        c = text.index(cue) if cue else -1
        return Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE,
                         quote=[Span(start=start, end=start + len(part), text=part)],
                         cue=[Span(start=c, end=c + len(cue), text=cue)] if cue else [],
                         confidence=confidence)

    framed = at("Die Gespräche mit Moskau laufen seit Wochen ohne jedes Ergebnis", 0.9, "meinte")
    unframed = at("Das Treffen endete am Abend ohne eine gemeinsame Erklärung der Seiten", 0.9)
    out = refine(article, [framed, unframed])
    assert [s.quote[0].text[:12] for s in out] == ["Die Gespräch"]  # 0.9 < 0.95 unframed
    assert out[0].frame is not None
    sure = unframed.model_copy(update={"confidence": 0.97})
    assert [s.quote[0].text[:12] for s in refine(article, [framed, sure])] == [
        "Die Gespräch", "Das Treffen "]


def test_a_tagger_statement_holding_its_speaker_is_a_reported_one() -> None:
    text = ("Der Prozess beginnt im Mai. Suttner begründete sein Verhalten mit dem Umgang der "
            "Moderation mit den Äußerungen des Kandidaten.")
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    article = next(iter(Analyzer(["nlp"]).run([builder.build()])))
    quote = text[text.index("Suttner"):]
    start = text.index(quote)

    def at(confidence: float, speaker: bool = True) -> Statement:
        s = text.index("Suttner")
        c = text.index("begründete")
        return Statement(type=StatementType.INDIRECT, mode=Mode.ACCURATE, confidence=confidence,
                         quote=[Span(start=start, end=start + len(quote), text=quote)],
                         cue=[Span(start=c, end=c + 10, text="begründete")],
                         speaker=Party(start=s, end=s + 7, text="Suttner") if speaker else None)

    # the speaker inside the quote is the shape of a reported speech act (the corpus's
    # Reported, without a cue); the bar for unframed statements stays
    (st,) = refine(article, [at(0.97)])
    assert st.type is StatementType.REPORTED and st.speaker is not None and st.cue == []
    (st,) = refine(article, [at(0.97, speaker=False)])
    assert st.type is StatementType.INDIRECT
    assert refine(article, [at(0.9)]) == []


def test_a_verbless_tagger_quote_is_a_piece_of_a_phrase() -> None:
    text = ("Die Polizei nahm am Abend den bekanntesten Herausforderer des Präsidenten fest. "
            "Die Wahl findet am Sonntag in allen Provinzen des Landes statt.")
    out = refine(parsed(text), [
        tagged_in(text, "den bekanntesten Herausforderer des Präsidenten"),
        tagged_in(text, "Die Wahl findet am Sonntag in allen Provinzen des Landes statt")])
    assert [s.quote[0].text[:8] for s in out] == ["Die Wahl"]  # the verbless one is dropped
    # cut at a quotation mark, the clause's verb lies beyond it: kept
    text = "Wer mit scharfer Munition auf „Beamte und Familienväter“ schießt, handelt feige."
    out = refine(parsed(text), [tagged_in(text, "Wer mit scharfer Munition auf")])
    assert "Wer mit scharfer Munition auf" in [q.text for s in out for q in s.quote]
