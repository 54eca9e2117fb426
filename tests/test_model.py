from __future__ import annotations

import pytest
from pydantic import ValidationError

from lagebild.model import (
    SCHEMA_VERSION,
    Article,
    ArticleBuilder,
    BlockType,
    Entity,
    Source,
    content_id,
)


def build_article() -> Article:
    builder = ArticleBuilder()
    builder.add(BlockType.SECTION, "Politik")
    builder.add_title("Militärische Allianz in Syrien?", "Moskau sucht Gespräch", joined=True)
    builder.add_image("1.jpg", "Kerry und Lawrow.", "(Foto: dpa)", "dpa")
    builder.add(BlockType.TEASER, "Ein Teaser.")
    builder.add(BlockType.PARAGRAPH, "Erster Absatz.")
    builder.add(BlockType.SUBHEADING, "Zwischenzeile")
    builder.add(BlockType.PARAGRAPH, "Zweiter Absatz.")
    builder.add_source("Quelle: ntv.de, jog/dpa", Source(outlet="ntv.de", authors=["jog"],
                                                         agencies=["dpa"]))
    return builder.build(published="2015-09-19")


def test_builder_blocks_point_at_field_text() -> None:
    article = build_article()
    by_type = {b.type: article.block_text(b) for b in article.blocks}
    assert by_type[BlockType.KICKER] == "Militärische Allianz in Syrien?"
    assert by_type[BlockType.HEADLINE] == "Moskau sucht Gespräch"
    assert by_type[BlockType.CREDIT] == "dpa"
    assert article.title == "Militärische Allianz in Syrien? Moskau sucht Gespräch"
    assert article.paragraphs == ["Erster Absatz.", "Zweiter Absatz."]
    assert [article.block_text(b) for b in article.blocks_of(BlockType.PARAGRAPH)] == (
        article.paragraphs
    )
    assert article.images[0].caption == "Kerry und Lawrow."
    assert all(b.image == 0 for b in article.blocks_of(BlockType.IMAGE, BlockType.CAPTION,
                                                      BlockType.CREDIT))


def test_json_round_trip_is_lossless() -> None:
    article = build_article()
    article.entities.append(Entity(text="Kerry", start=0, end=5, label="PER"))
    again = Article.from_json(article.to_json())
    assert again == article
    assert again.schema_version == SCHEMA_VERSION


def test_id_is_stable_content_hash() -> None:
    a = build_article()
    b = build_article()
    assert a.id == b.id and len(a.id) == 16
    assert content_id("Ein  Text\n") == content_id("Ein Text")
    assert content_id("Ein Text") != content_id("Ein anderer Text")


def test_block_outside_text_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Article(text="kurz", blocks=[{"type": "paragraph", "start": 0, "end": 10}])


def test_newer_schema_version_is_rejected() -> None:
    with pytest.raises(ValidationError, match="newer"):
        Article(text="Text", schema_version=SCHEMA_VERSION + 1)


def test_verbatim_paragraphs_keep_text_and_offsets() -> None:
    text = "  Erster Absatz\nmit Umbruch.\n\n\nZweiter Absatz.  \n"
    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    article = builder.build()
    assert article.text == text
    assert article.paragraphs == ["Erster Absatz\nmit Umbruch.", "Zweiter Absatz."]
    assert [article.block_text(b) for b in article.blocks] == article.paragraphs


# -- typed layers --------------------------------------------------------------------------
def test_version_1_statement_dialects_migrate_to_the_typed_layer() -> None:
    from lagebild.model import Mode, StatementType

    text = "Kerry sagte, es gebe Zweifel. Merkel sagte „Nein“."
    tagger = {"start": 13, "end": 28, "text": text[13:28], "type": "Indirect",
              "cue": {"start": 6, "end": 11, "text": "sagte"},
              "speaker": {"start": 0, "end": 5, "text": "Kerry"}, "addressee": None,
              "source": "teacher", "speaker_actor": "per:john-kerry"}
    demo = {"speaker": "Merkel", "speaker_actor": "per:angela-merkel", "type": "direct",
            "modality": "assertive", "start": 30, "end": 50, "text": text[30:50]}
    article = Article.model_validate({"schema_version": 1, "text": text,
                                      "statements": [tagger, demo]})
    first, second = article.statements
    assert first.type is StatementType.INDIRECT and first.mode is Mode.ACCURATE
    assert [c.text for c in first.cue] == ["sagte"] and first.quote[0].text == text[13:28]
    assert first.speaker is not None and first.speaker.actor is not None
    assert first.speaker.actor.id == "per:john-kerry"
    assert second.type is StatementType.DIRECT and second.mode is Mode.FAST
    assert second.speaker is not None and second.speaker.text == "Merkel"
    assert second.speaker.start == 30  # the plain-text speaker found in the text
    assert Article.from_json(article.to_json()) == article


def test_version_1_demo_event_migrates() -> None:
    text = "Merkel traf Bush in Berlin."
    event = {"plover": "consult", "cameo": "040", "quad_class": 1, "source": "Merkel",
             "source_actor": "per:angela-merkel", "target": "Bush", "target_actor": "USAGOV",
             "modality": "asserted", "date": "2006-06-30", "start": 0, "end": len(text),
             "trigger": "traf"}
    article = Article.model_validate({"schema_version": 1, "text": text, "events": [event]})
    (ev,) = article.events
    assert ev.type.value == "CONSULT" and ev.trigger.text == "traf" and ev.trigger.start == 7
    assert [r.id for r in ev.source] == ["per:angela-merkel"]
    assert ev.target[0].cameo == "USAGOV" and ev.date and ev.date.value == "2006-06-30"


def test_typed_layers_reject_unknown_types() -> None:
    import pydantic

    from lagebild.model import Statement, StatementType

    assert StatementType.parse("freeindirect") is StatementType.FREE_INDIRECT
    with pytest.raises(pydantic.ValidationError, match="unknown statement type"):
        Statement.model_validate({"type": "quote", "quote": [{"start": 0, "end": 1, "text": "a"}],
                                  "mode": "fast"})
    with pytest.raises(pydantic.ValidationError):
        Statement.model_validate({"type": "Direct", "quote": [], "mode": "fast"})
