"""The pronoun scorer of ``lagebild eval coref`` (hand-computed cases; the product path on
the shipped gold when ``../shared`` is there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.actors.evaluate import read_gold
from lagebild.eval.coref import doc_text, judge, score, score_rows

REPO = Path(__file__).resolve().parents[2]

TEXT = ("Anna Berg kam. Sie sagte, die Kommission sei zufrieden, und sie tage morgen. "
        "Ein Mann rief an, er war wütend.")


def _span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def _row(word: str, nth: int, label: str, referent: str | None) -> dict[str, object]:
    start, end = _span(word, nth)
    row: dict[str, object] = {"doc": "d", "start": start, "end": end, "text": word,
                              "label": label, "referent": None}
    if referent:
        r_start, r_end = _span(referent)
        row["referent"] = {"start": r_start, "end": r_end, "text": referent}
    return row


def test_the_scorer_on_a_hand_computed_case() -> None:
    anna = (*_span("Anna Berg"), "per:anna", "Anna Berg")
    mentions = [anna,
                (*_span("Sie"), "per:anna", "Anna Berg"),   # right: she is Anna Berg
                (*_span("sie"), "per:anna", "Anna Berg")]   # wrong: "sie" is the Kommission
    rows = [_row("Sie", 0, "P", "Anna Berg"), _row("sie", 0, "N", None),
            _row("er", 1, "U", "Ein Mann")]               # unresolved, which is fine for U
    assert TEXT[rows[2]["start"]:rows[2]["end"]] == "er"  # type: ignore[misc]
    result = score_rows(rows, {"d": mentions}, {"d": TEXT})
    assert result["pronouns"] == 3
    assert result["accuracy"] == round(2 / 3, 4)
    assert result["resolved"] == 2
    assert result["precision"] == 0.5          # 1 of the 2 resolved pronouns right
    assert result["recall"] == 1.0             # the one named-person pronoun found
    assert result["f1"] == round(2 * 0.5 * 1.0 / 1.5, 4)
    assert result["labels"] == {"N": {"pronouns": 1, "accuracy": 0.0},
                                "P": {"pronouns": 1, "accuracy": 1.0},
                                "U": {"pronouns": 1, "accuracy": 1.0}}
    assert [e["label"] for e in result["errors"]] == ["N"]
    assert result["errors"][0]["system"] == "Anna Berg"


def test_a_person_pronoun_on_another_actor_is_wrong_and_unresolved_is_missed() -> None:
    rows = [_row("Sie", 0, "P", "Anna Berg")]
    other = [(*_span("Anna Berg"), "per:anna", "Anna Berg"),
             (*_span("Sie"), "new:x", "X")]
    assert judge(rows[0], other)[0] is False
    assert judge(rows[0], other[:1])[0] is False
    result = score_rows(rows, {"d": other[:1]}, {"d": TEXT})
    assert (result["recall"], result["precision"], result["resolved"]) == (0.0, 0.0, 0)


def test_an_unnamed_person_may_be_resolved_to_its_own_noun_phrase_only() -> None:
    row = _row("er", 1, "U", "Ein Mann")
    man = (*_span("Ein Mann"), "new:mann", "Ein Mann")
    assert judge(row, [man, (*_span("er", 1), "new:mann", "Ein Mann")])[0] is True
    assert judge(row, [man, (*_span("er", 1), "per:anna", "Anna Berg")])[0] is False


def test_offsets_that_do_not_match_the_text_are_an_error() -> None:
    row = _row("Sie", 0, "P", "Anna Berg")
    row["text"] = "Er"
    with pytest.raises(ValueError, match="do not match"):
        score_rows([row], {"d": []}, {"d": TEXT})


def test_an_unknown_document_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown document"):
        doc_text("wikipedia/3", REPO)


@pytest.mark.shared
def test_the_product_path_on_the_first_gold_documents(shared_dir: Path) -> None:
    result = score(read_gold(REPO / "eval" / "coref-news-dev.jsonl"), shared_dir, limit=3)
    assert result["documents"] == 3
    assert result["pronouns"] >= 3
    assert result["resolved"] >= 1
