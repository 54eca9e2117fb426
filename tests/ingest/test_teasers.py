"""Inline teaser widgets (``ingest/teasers.py``): found, carved out of the prose, text kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.ingest.jsonl import article_from_record
from lagebild.ingest.teasers import find_teaser_widgets
from lagebild.ingest.textdump import parse_textdump
from lagebild.model import PROSE_BLOCKS, ArticleBuilder, BlockType

BOX = ("Die Top-Themen der MSN-Leser: Panne vor Norwegen: U-Boot läuft auf Grund "
       "New York: Hubschrauber landet im Fluss Handel: USA stoppen Flüge nach Venezuela")
BEFORE = "Der Minister sprach am Montag in Paris."
AFTER = "Die Regierung kündigte am Dienstag neue Gespräche an."


def _widget(text: str) -> str:
    (start, end), = find_teaser_widgets(text)
    return text[start:end]


def test_widget_ends_where_a_sentence_word_follows_the_third_headline() -> None:
    assert _widget(f"{BEFORE} {BOX} {AFTER}") == BOX


def test_widget_ends_after_a_headline_with_a_question_mark() -> None:
    box = BOX + " in Gefahr?"
    assert _widget(f"{BOX} in Gefahr? Regierungssprecher Meier sagte, …") == box


def test_a_quotation_opens_the_article_again_unless_a_preposition_takes_it() -> None:
    assert _widget(f'{BOX} "Wir prüfen das", sagte er.') == BOX
    text = f'{BOX} von "Kritikern" verlassen. Danach ging es weiter.'
    assert _widget(text) == f'{BOX} von "Kritikern" verlassen.'


def test_without_a_clear_start_the_widget_takes_the_sentence_it_ran_into() -> None:
    # "Regierungssprecher" could be a headline's word; an ordinal ends no sentence
    text = f"{BOX} Regierungssprecher Meier kam am 11. Mai an. Danach ging es weiter."
    assert _widget(text) == f"{BOX} Regierungssprecher Meier kam am 11. Mai an."


def test_a_marker_without_headlines_is_only_itself() -> None:
    assert _widget(f"{AFTER} Mehr auf MSN") == "Mehr auf MSN"


def test_no_marker_no_widget() -> None:
    assert find_teaser_widgets(f"{BEFORE} {AFTER} Die Top-Themen der Woche: Wahlen") == []


def test_text_dump_keeps_the_text_and_makes_the_widget_a_related_block() -> None:
    raw = f"Titel der Meldung\n\n{BEFORE} {BOX} {AFTER}"
    article = parse_textdump(raw)
    related = [article.block_text(b) for b in article.blocks if b.type is BlockType.RELATED]
    prose = [article.block_text(b) for b in article.blocks if b.type in PROSE_BLOCKS]
    assert related == [BOX]
    assert BEFORE in prose and AFTER in prose
    assert not any("MSN" in p for p in prose)
    assert article.paragraphs == [BEFORE, AFTER] or article.paragraphs == [AFTER]
    assert BOX in article.text and AFTER in article.text


def test_jsonl_text_is_carved_with_its_offsets_unchanged() -> None:
    text = f"{BEFORE} {BOX}\n\n{AFTER} Mehr auf MSN"
    article = article_from_record({"id": "1", "text": text})
    assert article.text == text
    blocks = [(b.type, article.block_text(b)) for b in article.blocks]
    assert blocks == [(BlockType.PARAGRAPH, BEFORE), (BlockType.RELATED, BOX),
                      (BlockType.PARAGRAPH, AFTER), (BlockType.RELATED, "Mehr auf MSN")]
    assert article.paragraphs == [BEFORE, AFTER]


def test_carve_keeps_the_teaser_field_in_step() -> None:
    builder = ArticleBuilder()
    builder.add(BlockType.TEASER, f"{BEFORE} {BOX}")
    builder.add(BlockType.PARAGRAPH, AFTER)
    start = builder.text.index(BOX)
    builder.carve([(start, start + len(BOX))], BlockType.RELATED)
    article = builder.build()
    assert article.teaser == BEFORE
    assert [b.type for b in article.blocks] == [BlockType.TEASER, BlockType.RELATED,
                                                BlockType.PARAGRAPH]


XGLUE = Path(__file__).resolve().parents[3] / "shared" / "data" / "news" / "raw-extra" \
    / "xglue-news-de-dev.tsv"


def test_no_msn_widget_of_the_xglue_news_is_left_in_the_prose() -> None:
    if not XGLUE.exists():
        pytest.skip(f"{XGLUE} not present (../shared)")
    carved = 0
    for line in XGLUE.read_text(encoding="utf-8").splitlines():
        title, body = line.split("\t")[:2]
        if "MSN" not in body:
            continue
        article = parse_textdump(f"{title}\n\n{body}")
        prose = " ".join(article.block_text(b) for b in article.blocks if b.type in PROSE_BLOCKS)
        assert "MSN" not in prose, title
        carved += sum("MSN" in article.block_text(b) for b in article.blocks
                      if b.type is BlockType.RELATED)
    assert carved == 290  # 180 box labels and 115 closing links; a link inside a box is one


def test_the_evaluations_build_articles_as_the_reader_does() -> None:
    """The coref and quotation evaluations score what ``analyze`` gives a JSONL record: the
    box is carved there too (a pronoun after it once took a headline's person)."""
    from lagebild.eval.quotes import article_from_text

    text = f"{BEFORE} {BOX} {AFTER}"
    built = article_from_text(text, "t", reader="jsonl")
    read = article_from_record({"text": text})
    assert [(b.type, b.start, b.end) for b in built.blocks] == \
        [(b.type, b.start, b.end) for b in read.blocks]
    assert BlockType.RELATED in {b.type for b in built.blocks}
