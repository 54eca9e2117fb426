"""Text-dump reader: the real n-tv example (acceptance values of issue 2) and variants."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lagebild.ingest import read_inputs
from lagebild.ingest.textdump import parse_source_line, parse_textdump
from lagebild.model import Article, BlockType

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
EXAMPLE = SHARED / "examples" / "ntv-2015-moskau-sucht-gespraech.txt"

BODY = (
    "Die Bundesregierung hat am Dienstag ein neues Hilfspaket für die Kommunen beschlossen. "
    "Es umfasst nach Angaben des Finanzministeriums rund zwei Milliarden Euro."
)
BODY2 = (
    "Die Länder hatten seit Wochen auf mehr Unterstützung gedrängt. Der Deutsche Städtetag "
    "sprach von einem ersten Schritt, der aber nicht ausreiche."
)
BODY3 = (
    "Kritik kam von der Opposition. Die Hilfen kämen zu spät und seien zu gering, sagte ein "
    "Sprecher der Grünen-Fraktion im Bundestag."
)
TEASER = (
    "Die Kommunen ächzen unter steigenden Kosten. Nun reagiert der Bund mit Milliardenhilfen, "
    "doch den Städten reicht das nicht."
)


def assert_consistent(article: Article) -> None:
    """Every block's span is the text of its field."""
    by_type: dict[BlockType, list[str]] = {}
    for block in article.blocks:
        span = article.text[block.start : block.end]
        assert span == span.strip() and span, block
        by_type.setdefault(block.type, []).append(span)
    assert by_type.get(BlockType.PARAGRAPH, []) == article.paragraphs
    assert by_type.get(BlockType.SUBHEADING, []) == article.subheadings
    for btype, value in (
        (BlockType.SECTION, article.section),
        (BlockType.KICKER, article.kicker),
        (BlockType.HEADLINE, article.headline),
        (BlockType.TEASER, article.teaser),
    ):
        assert by_type.get(btype, [None])[0] == value, btype
    for block in article.blocks_of(BlockType.IMAGE, BlockType.CAPTION, BlockType.CREDIT):
        assert block.image is not None
        image = article.images[block.image]
        field = {"image": image.file, "caption": image.caption, "credit": image.credit}
        assert article.text[block.start : block.end] == field[block.type.value]
    assert Article.from_json(article.to_json()) == article


@pytest.mark.shared
@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not present")
def test_real_example_acceptance_values() -> None:
    items = list(read_inputs([str(EXAMPLE)]))
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert article.section == "Politik"
    assert article.title == "Militärische Allianz in Syrien? Moskau sucht Gespräch mit USA über IS"
    assert article.kicker == "Militärische Allianz in Syrien?"
    assert article.headline == "Moskau sucht Gespräch mit USA über IS"
    assert [i.model_dump() for i in article.images] == [
        {
            "file": "58264621.jpg",
            "caption": "Die Außenminister Kerry und Lawrow streben Gespräche auf "
            "militärischer Ebene an.",
            "credit": "picture alliance / dpa",
        }
    ]
    assert article.teaser is not None
    assert article.teaser.startswith("Russland und die USA haben in Syrien")
    assert len(article.paragraphs) == 7
    assert article.subheadings == ["Putin plant Rede vor Uno-Vollversammlung"]
    assert article.source.outlet == "ntv.de"
    assert article.source.authors == ["jog"]
    assert article.source.agencies == ["dpa", "AFP"]
    assert article.language == "de"
    assert article.origin is not None and article.origin.reader == "textdump"
    assert_consistent(article)
    data = article.model_dump()
    for key in ("id", "text", "section", "kicker", "headline", "title", "teaser", "images",
                "paragraphs", "subheadings", "source", "published", "url", "blocks"):
        assert key in data


def test_no_kicker() -> None:
    text = f"Politik\n\nBund beschließt Milliardenhilfe für Kommunen\n\n{TEASER}\n\n{BODY}\n\n" \
           f"{BODY2}\n\nQuelle: ntv.de"
    article = parse_textdump(text)
    assert article.kicker is None
    assert article.headline == "Bund beschließt Milliardenhilfe für Kommunen"
    assert article.teaser == TEASER
    assert article.paragraphs == [BODY, BODY2]
    assert article.source.outlet == "ntv.de"
    assert article.source.authors == [] and article.source.agencies == []
    assert_consistent(article)


def test_kicker_on_its_own_line() -> None:
    text = f"Politik\n\nGeld für Städte\n\nBund beschließt Milliardenhilfe für Kommunen\n\n" \
           f"{TEASER}\n\n{BODY}\n\nQuelle: n-tv.de, mli/dpa"
    article = parse_textdump(text)
    assert article.kicker == "Geld für Städte"
    assert article.headline == "Bund beschließt Milliardenhilfe für Kommunen"
    assert article.title == "Geld für Städte Bund beschließt Milliardenhilfe für Kommunen"
    assert article.source.outlet == "n-tv.de"
    assert article.source.authors == ["mli"]
    assert article.source.agencies == ["dpa"]
    assert_consistent(article)


def test_several_images_and_subheadings() -> None:
    text = "\n\n".join([
        "Wirtschaft",
        "Hilfen für Kommunen? Bund legt Milliardenpaket auf",
        "12345.jpg",
        "Finanzminister im Bundestag.",
        "(Foto: REUTERS)",
        TEASER,
        BODY,
        "Städte fordern mehr",
        BODY2,
        "67890.jpg",
        "(Foto: imago/photothek)",
        "Opposition übt Kritik",
        BODY3,
        "Quelle: ntv.de, Max Mustermann, rts",
    ])
    article = parse_textdump(text)
    assert article.section == "Wirtschaft"
    assert article.kicker == "Hilfen für Kommunen?"
    assert [(i.file, i.caption, i.credit) for i in article.images] == [
        ("12345.jpg", "Finanzminister im Bundestag.", "REUTERS"),
        ("67890.jpg", None, "imago/photothek"),
    ]
    assert article.subheadings == ["Städte fordern mehr", "Opposition übt Kritik"]
    assert article.paragraphs == [BODY, BODY2, BODY3]
    assert article.source.outlet == "ntv.de"
    assert article.source.authors == ["Max Mustermann"]
    assert article.source.agencies == ["rts"]
    assert_consistent(article)


def test_related_and_video_lines_are_not_prose() -> None:
    text = "\n\n".join([
        "Politik",
        "Bund beschließt Milliardenhilfe für Kommunen",
        TEASER,
        BODY,
        "Mehr zum Thema\nStädtetag: Das reicht nicht\nLänder wollen mehr Geld",
        "Video: Scholz verteidigt das Paket",
        BODY2,
        "Quelle: ntv.de, jog/dpa/AFP",
    ])
    article = parse_textdump(text)
    related = [article.block_text(b) for b in article.blocks_of(BlockType.RELATED)]
    assert "Mehr zum Thema" in related
    assert "Video: Scholz verteidigt das Paket" in related
    assert "Städtetag: Das reicht nicht" in related
    assert article.paragraphs == [BODY, BODY2]
    assert article.subheadings == []
    assert_consistent(article)


@pytest.mark.parametrize(
    ("line", "outlet", "authors", "agencies"),
    [
        ("n-tv.de, mli/dpa", "n-tv.de", ["mli"], ["dpa"]),
        ("ntv.de, Max Mustermann, rts", "ntv.de", ["Max Mustermann"], ["rts"]),
        ("ntv.de", "ntv.de", [], []),
        ("ntv.de, jog/dpa/AFP", "ntv.de", ["jog"], ["dpa", "AFP"]),
    ],
)
def test_parse_source_line(line: str, outlet: str, authors: list[str],
                           agencies: list[str]) -> None:
    source = parse_source_line(line)
    assert (source.outlet, source.authors, source.agencies) == (outlet, authors, agencies)


def test_dateline_becomes_published() -> None:
    text = f"Politik\n\nDienstag, 15. September 2015\n\nBund beschließt Milliardenhilfe\n\n" \
           f"{TEASER}\n\n{BODY}"
    article = parse_textdump(text)
    assert article.published == "2015-09-15"
    assert article.headline == "Bund beschließt Milliardenhilfe"
    assert_consistent(article)
