"""The Wikinews quotation metric on a small case computed by hand."""

from __future__ import annotations

import pytest

from lagebild.eval.quote_scoring import Quotation, QuoteScorer, assign, pair_quotations


def q(type_: str, quote: set[int], **parts: set[int]) -> Quotation:
    return Quotation(type_, frozenset(quote), **{k: frozenset(v) for k, v in parts.items()})


def test_assignment_is_optimal_not_greedy() -> None:
    # greedy would take 0.9 and be left with 0.0; the optimum is 0.8 + 0.8
    assert assign([[0.9, 0.8], [0.8, 0.0]]) == [(0, 1), (1, 0)]
    assert assign([[0.1, 0.5, 0.2]]) == [(0, 1)]
    assert assign([[0.1], [0.7], [0.2]]) == [(1, 0)]
    assert assign([]) == []


def test_same_type_breaks_ties_and_zero_overlap_is_no_pair() -> None:
    gold = [q("Indirect", {1, 2}), q("Direct", {1, 2})]
    assert pair_quotations([q("Direct", {1, 2})], gold) == [(0, 1)]
    assert pair_quotations([q("Direct", {7})], gold) == []


def test_hand_computed_scores() -> None:
    gold = [
        q("Direct", {0, 1, 2, 3}, cue={5}, frame={4, 5, 6}, speaker={6}),
        q("Indirect", {10, 11, 12}, cue={9}, speaker={8}),
    ]
    system = [
        q("Direct", {0, 1, 2}, cue={5}, frame={5, 6}, speaker={6, 7}),
        q("Reported", {20, 21}, speaker={19}),
    ]
    scorer = QuoteScorer()
    scorer.add_document(system, gold)
    res = scorer.result()
    # Message: precision (1 + 0) / 2, recall (3/4 + 0) / 2
    assert res["message"]["p"] == pytest.approx(0.5)
    assert res["message"]["r"] == pytest.approx(0.375)
    assert res["message"]["f1"] == pytest.approx(0.4286, abs=1e-4)
    # Roles: P over cue 1, frame 1, speaker 1/2, unpaired speaker 0 → 2.5/4;
    # R over cue 1, frame 2/3, speaker 1, unpaired gold cue 0 and speaker 0 → (8/3)/5
    assert res["roles"]["p"] == pytest.approx(0.625)
    assert res["roles"]["r"] == pytest.approx(0.5333, abs=1e-4)
    assert res["roles"]["f1"] == pytest.approx(0.5755, abs=1e-4)
    # Joint: P 3.5/6, R (0.75 + 8/3)/7
    assert res["joint"]["p"] == pytest.approx(0.5833, abs=1e-4)
    assert res["joint"]["r"] == pytest.approx(0.4881, abs=1e-4)
    assert res["joint"]["f1"] == pytest.approx(0.5315, abs=1e-4)
    assert res["type"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert res["exact"]["f1"] == 0.0
    assert res["quotations"] == {"system": 2, "gold": 2, "pairs": 1}
    # token-micro Message: tp 3, fp 0 + 2, fn 1 + 3
    assert res["micro"]["message"]["p"] == pytest.approx(0.6)
    assert res["micro"]["message"]["r"] == pytest.approx(3 / 7, abs=1e-4)


def test_perfect_system_scores_one() -> None:
    gold = [q("Direct", {0, 1}, cue={3}, speaker={4}), q("Indirect", {6, 7}, frame={5})]
    scorer = QuoteScorer()
    scorer.add_document(list(reversed(gold)), gold)
    res = scorer.result()
    for key in ("message", "roles", "joint", "type", "exact"):
        assert res[key]["f1"] == 1.0
