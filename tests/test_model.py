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
