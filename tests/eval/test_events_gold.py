"""Checks of the hand-annotated event gold ``eval/events-dev.jsonl`` (see eval/README.md)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from lagebild.eval.events import MODALITIES, TYPES, read_gold

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "eval" / "events-dev.jsonl"
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
ARTICLES = SHARED / "data" / "quotes" / "wikinews-quotes-2024" / "train"


def _rows(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _fresh_rows(path: Path, min_items: int = 100, min_types: int = 12) -> list[dict]:
    """A held-out set's rows after the checks every such set passes: valid items, about a fifth
    without event, enough event types, spans inside the text."""
    items = read_gold(path)
    rows = _rows(path)
    assert len(items) == len(rows) >= min_items
    assert 0.15 <= sum(r["event"] is None for r in rows) / len(rows) <= 0.25
    assert len({r["event"] for r in rows if r["event"]}) >= min_types
    _assert_spans_inside_text(rows)
    return rows


def _drawn_articles(name: str) -> set[str]:
    """The articles a general-news set drew sentences from (``NAME.sentences.tsv``)."""
    lines = (REPO / "eval" / f"{name}.sentences.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split(":")[0] for line in lines[1:]}


def _judged_articles(*names: str) -> set[str]:
    """The articles the judged samples ``events-news-judged{NAME}.jsonl`` drew events from."""
    return {r["article"] for name in names
            for r in _rows(REPO / "eval" / f"events-news-judged{name}.jsonl")}


def test_every_line_parses_and_is_valid() -> None:
    items = read_gold(GOLD)  # raises on a bad line
    rows = _rows()
    assert len(items) == len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["event"] is None or r["event"] in TYPES, r["id"]
        if r["event"] is None:
            assert not r["source"] and not r["target"] and not r["event_text_de"], r["id"]
            assert "modality" not in r, r["id"]
        else:
            assert r["event_text_de"] and r["modality"] in MODALITIES, r["id"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"]), r["id"]
        assert re.match(r"\d+ - ", r["doc"]), r["id"]


def test_coverage() -> None:
    counts = Counter(r["event"] for r in _rows())
    assert set(TYPES) <= set(counts), set(TYPES) - set(counts)
    assert counts[None] >= 60


def test_trigger_and_actor_words_occur_in_text() -> None:
    for r in _rows():
        assert r["event_text_de"] in r["text_de"], r["id"]
        for actor in r["source"] + r["target"]:
            assert actor["text_de"] and actor["text_de"] in r["text_de"], (r["id"], actor)
            assert re.fullmatch(r"[A-Z]{3,12}", actor["code"]), (r["id"], actor)


def test_text_is_verbatim_from_the_article() -> None:
    if not ARTICLES.is_dir():
        pytest.skip(f"Wikinews articles not found at {ARTICLES} (set LAGEBILD_SHARED)")
    texts: dict[str, str] = {}
    for r in _rows():
        number = r["doc"].split(" - ", 1)[0]
        if number not in texts:
            found = list(ARTICLES.glob(f"{number} - *.json"))
            assert len(found) == 1, r["doc"]
            texts[number] = json.loads(found[0].read_text(encoding="utf-8"))["originalText"]
            assert f"({r['published']})" in found[0].name, r["id"]
        assert r["text_de"] in texts[number], r["id"]


FRESH = REPO / "eval" / "events-fresh.jsonl"


def _assert_spans_inside_text(rows: list[dict[str, Any]]) -> None:
    """Every event phrase and actor mention of a gold row is a substring of its text."""
    for r in rows:
        assert r["event_text_de"] in r["text_de"], r["id"]
        for actor in r["source"] + r["target"]:
            assert actor["text_de"] in r["text_de"], (r["id"], actor)


def test_fresh_set_is_valid_and_disjoint_from_dev() -> None:
    """The fresh held-out file: valid items, ≥ 15 without event, no article shared with dev."""
    items = read_gold(FRESH)
    rows = _rows(FRESH)
    assert len(items) == len(rows) >= 60
    assert sum(r["event"] is None for r in rows) >= 15
    _assert_spans_inside_text(rows)
    assert not {r["doc"] for r in rows} & {r["doc"] for r in _rows()}


FRESH2 = REPO / "eval" / "events-fresh2.jsonl"


def test_second_fresh_set_is_valid_and_disjoint() -> None:
    """The second fresh set: valid items, ≥ 15 without event, no article shared with the others."""
    items = read_gold(FRESH2)
    rows = _rows(FRESH2)
    assert len(items) == len(rows) >= 50
    assert sum(r["event"] is None for r in rows) >= 15
    _assert_spans_inside_text(rows)
    first = _rows(FRESH)
    assert not {r["doc"] for r in rows} & {r["doc"] for r in _rows() + first}


FRESH3 = REPO / "eval" / "events-fresh3.jsonl"
FRESH4 = REPO / "eval" / "events-fresh4.jsonl"
FRESH5 = REPO / "eval" / "events-fresh5.jsonl"


@pytest.mark.parametrize(("path", "earlier_paths"), [
    (FRESH3, (FRESH, FRESH2)),
    (FRESH4, (FRESH, FRESH2, FRESH3)),
    (FRESH5, (FRESH, FRESH2, FRESH3, FRESH4)),
], ids=["third", "fourth", "fifth"])
def test_later_fresh_sets_are_valid_and_disjoint(
    path: Path, earlier_paths: tuple[Path, ...]
) -> None:
    """A later fresh set: ≥ 100 valid items, about a fifth without event, no article shared
    with the dev set, an earlier fresh set or the temporal dev set."""
    rows = _fresh_rows(path)
    earlier = [json.loads(line) for earlier_path in earlier_paths
               for line in earlier_path.read_text(encoding="utf-8").splitlines() if line]
    time_rows = (REPO / "eval" / "time-dev.jsonl").read_text(encoding="utf-8").splitlines()
    time_docs = {str(json.loads(line)["doc"]).split(" - ")[0] for line in time_rows if line}
    numbers = {r["doc"].split(" - ")[0] for r in rows}  # the article number: title spellings vary
    assert not numbers & {r["doc"].split(" - ")[0] for r in _rows() + earlier}
    assert not numbers & time_docs


FRESH6 = REPO / "eval" / "events-fresh6.jsonl"


def test_sixth_fresh_set_is_valid_and_holds_only_other_sentences_of_the_fifth() -> None:
    """The sixth set: the fifth set's articles (kept out of the harvest), none of its sentences."""
    rows = _fresh_rows(FRESH6, min_items=50, min_types=10)
    fifth = _rows(FRESH5)
    fifth_docs = {r["doc"].split(" - ")[0] for r in fifth}
    ann = (REPO / "eval" / "events-fresh5.ann.txt").read_text(encoding="utf-8")
    drawn_docs = set(re.findall(r"(?<![\d.])(\d{3,6}):\d+", ann))
    assert {r["doc"].split(" - ")[0] for r in rows} <= fifth_docs | drawn_docs
    assert not {r["text_de"] for r in rows} & {r["text_de"] for r in fifth}


FRESH7 = REPO / "eval" / "events-fresh7.jsonl"


def test_seventh_fresh_set_is_general_news_no_judged_sample_drew_from() -> None:
    """The seventh set: general news (10kGNAD, XGLUE), built from its own sentence file, about
    a fifth without event, from articles none of the judged samples holds."""
    rows = _fresh_rows(FRESH7)
    texts = (REPO / "eval" / "events-fresh7.sentences.tsv").read_text(encoding="utf-8")
    assert all(r["text_de"] in texts for r in rows)
    assert not {r["doc"] for r in rows} & _judged_articles("", "2", "3")


NEWS_DEV = REPO / "eval" / "events-news-dev.jsonl"


def test_general_news_dev_set_shares_no_article_with_the_seventh_set() -> None:
    """The general-news tuning set: valid, from its own sentence file, and from articles the
    seventh (held-out) set does not hold or draw from."""
    items = read_gold(NEWS_DEV)
    rows = _rows(NEWS_DEV)
    assert len(items) == len(rows) >= 50
    _assert_spans_inside_text(rows)
    assert not {r["doc"] for r in rows} & _drawn_articles("events-fresh7")


NEWS_DEV2 = REPO / "eval" / "events-news-dev2.jsonl"


def test_second_general_news_set_keeps_every_sentence_and_no_held_out_article() -> None:
    """The second general-news tuning set: valid, every drawn sentence annotated (no-event
    sentences all kept), from articles neither the seventh set, the first tuning set nor the
    third judged sample (the blind one) drew from."""
    items = read_gold(NEWS_DEV2)
    rows = _rows(NEWS_DEV2)
    assert len(items) == len(rows) == 1548
    assert sum(r["event"] is None for r in rows) == 918
    assert len({r["event"] for r in rows if r["event"]}) == 16
    _assert_spans_inside_text(rows)
    drawn = (REPO / "eval" / "events-news-dev2.sentences.tsv").read_text(encoding="utf-8")
    assert all(r["text_de"] in drawn for r in rows)
    others = _drawn_articles("events-fresh7") | _drawn_articles("events-news-dev")
    assert not {r["doc"] for r in rows} & (others | _judged_articles("3"))
