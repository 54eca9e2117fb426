"""Post-processing of tagger statements with the rules (no transformer needed: the tagger's
output is written by hand here)."""

from __future__ import annotations

from lagebild.model import ArticleBuilder, Mode, Party, Span, Statement, StatementType
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
