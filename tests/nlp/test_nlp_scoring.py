"""Span scoring: the bootstrap interval of F1, the error listing."""

from __future__ import annotations

import pytest

from lagebild.eval.scoring import f1_interval, score_spans, span_errors
from lagebild.training.data import GoldSentence


def _sents(n: int) -> tuple[list[GoldSentence], list[list[tuple[int, int, str]]]]:
    """n sentences with one gold PER each; every third prediction is wrong."""
    gold = [GoldSentence(words=["Kerry", "spricht"], ents=[(0, 1, "PER")]) for _ in range(n)]
    preds = [[(0, 1, "PER")] if i % 3 else [(0, 1, "ORG")] for i in range(n)]
    return gold, preds


def test_interval_contains_the_point_estimate_and_is_repeatable() -> None:
    gold, preds = _sents(60)
    first = score_spans(gold, preds, bootstrap=500)
    again = score_spans(gold, preds, bootstrap=500)
    low, high = first["f1_ci95"]
    assert low < first["f1"] < high
    assert first["f1_ci95"] == again["f1_ci95"]


def test_interval_narrows_with_more_sentences() -> None:
    small = score_spans(*_sents(30), bootstrap=500)["f1_ci95"]
    large = score_spans(*_sents(600), bootstrap=500)["f1_ci95"]
    assert large[1] - large[0] < small[1] - small[0]


def test_no_interval_unless_asked_and_empty_input() -> None:
    assert "f1_ci95" not in score_spans(*_sents(5))
    assert f1_interval([], 100) == [0.0, 0.0]
    assert f1_interval([(1, 0, 0)] * 4, 50) == pytest.approx([1.0, 1.0])


def test_span_errors_classify_every_non_match() -> None:
    words = "John Kerry traf Lawrow in Genf beim Uno-Gipfel".split()
    sent = GoldSentence(
        words=words,
        ents=[(0, 2, "PER"), (3, 4, "PER"), (5, 6, "LOC"), (7, 8, "ORGpart")],
    )
    pred = [(1, 2, "PER"), (3, 4, "PER"), (5, 6, "ORG"), (2, 3, "PER")]
    found = span_errors(sent, sent.ents or [], pred, index=7)
    kinds = [(e["kind"], e["gold"], e["predicted"]) for e in found]
    assert kinds == [
        ("boundary", {"text": "John Kerry", "label": "PER"}, {"text": "Kerry", "label": "PER"}),
        ("type", {"text": "Genf", "label": "LOC"}, {"text": "Genf", "label": "ORG"}),
        ("missed", {"text": "Uno-Gipfel", "label": "ORGpart"}, None),
        ("spurious", None, {"text": "traf", "label": "PER"}),
    ]
    assert all(e["sentence"] == 7 and e["text"] == " ".join(words) for e in found)


def test_errors_only_when_asked_and_they_add_up() -> None:
    gold, preds = _sents(9)
    assert "errors" not in score_spans(gold, preds)
    result = score_spans(gold, preds, errors=True)
    # every third sentence has the wrong type: one FN and one FP, reported once as "type"
    assert [e["kind"] for e in result["errors"]] == ["type"] * 3
    assert result["per_type"]["PER"]["support"] == 9
