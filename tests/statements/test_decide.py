"""The learned decision over the rules' weak candidates, and its training (real parser)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lagebild.eval.quote_scoring import Quotation
from lagebild.eval.quotes import GoldDoc
from lagebild.model import Article, ArticleBuilder
from lagebild.statements.decide import DECIDED, Decider, decide, features, find_decided
from lagebild.statements.rules import candidates
from lagebild.training.statements import (
    Candidate,
    Doc,
    choose_threshold,
    document,
    fit,
    message,
    training_rows,
)

TEXT = ("UN-Generalsekretär Ban Ki Moon kritisierte die Pläne der Regierung scharf. "
        "Ministerpräsident Meier sagte, die Lage sei ernst. "
        "Es gebe keine Alternative.")


@cache
def article() -> Article:
    from lagebild.pipeline import Analyzer

    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(TEXT)
    out = next(iter(Analyzer(["nlp"]).run([builder.build()])))
    assert isinstance(out, Article)
    return out


def by_rule() -> dict[str, str]:
    _, found = candidates(article())
    return {f.rule: TEXT[f.start:f.end] for f in found}


def test_candidates_of_the_decided_kinds() -> None:
    rules = by_rule()
    assert rules["reported"] == ("UN-Generalsekretär Ban Ki Moon kritisierte die Pläne der "
                                 "Regierung scharf.")
    assert rules["continuation"] == "Es gebe keine Alternative."
    assert "cue-v2-sub" in rules


def test_features_name_rule_mood_speaker_and_neighbours() -> None:
    finder, found = candidates(article())
    assert finder is not None
    reported = next(f for f in found if f.rule == "reported")
    cont = next(f for f in found if f.rule == "continuation")
    fr = features(finder, reported, found)
    assert fr["rule=reported"] == fr["type=Reported"] == 1.0
    assert fr["first_sentence"] == 1.0 and fr["prev=none"] == 1.0
    assert fr["speaker=PER"] == 1.0 and "no_speaker" not in fr
    assert fr["fin=kritisieren"] == 1.0 and fr["past"] == 1.0
    fc = features(finder, cont, found)
    assert fc["konj1"] == 1.0 and fc["prev_gap<=1"] == 1.0
    assert fc["prev_rule=cue-v2-sub"] == 1.0 and fc["negation"] == 1.0
    assert "first_sentence" not in fc


def test_decider_leaves_out_only_decided_candidates_below_threshold() -> None:
    finder, found = candidates(article())
    assert finder is not None
    drop_reported = Decider({"rule=reported": -10.0}, 2.0, 0.5)
    kept = {f.rule for f in decide(finder, found, drop_reported)}
    assert "reported" not in kept and {"continuation", "cue-v2-sub"} <= kept
    # a decider whose threshold nothing reaches still keeps the rules it does not decide
    none = Decider({}, -10.0, 0.5)
    assert {f.rule for f in decide(finder, found, none)} == {f.rule for f in found
                                                             if f.rule not in DECIDED}
    assert decide(finder, found, None) == found
    assert [f.rule for f in find_decided(article(), decider=drop_reported)] == [
        f.rule for f in found if f.rule != "reported"]
    assert len(find_decided(article(), decider=False)) == len(found)


def test_probability_and_round_trip(tmp_path: Path) -> None:
    d = Decider({"a": 1.0, "b": -2.0}, 0.5, 0.4, frozenset({"reported"}), {"note": "x"})
    assert d.probability({"a": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** -1.5))
    assert d.probability({"unknown": 5.0}) == pytest.approx(1 / (1 + 2.718281828 ** -0.5))
    assert d.probability({"b": 100.0}) == 0.0
    path = tmp_path / "d.json"
    d.save(path)
    import json

    back = Decider.from_json(json.loads(path.read_text(encoding="utf-8")))
    assert back == d


def test_fit_learns_the_separating_feature_deterministically() -> None:
    rows = [{"good": 1.0}] * 20 + [{"bad": 1.0}] * 20 + [{"rare": 1.0}] * 2
    labels = [1] * 20 + [0] * 20 + [1, 0]
    model = fit(rows, labels, l2=1.0, min_count=3)
    assert model.weights["good"] > 2 > -2 > model.weights["bad"]
    assert "rare" not in model.weights  # seen in fewer than min_count rows
    assert model.probability({"good": 1.0}) > 0.85 > 0.15 > model.probability({"bad": 1.0})
    assert fit(rows, labels, l2=1.0, min_count=3) == model


def q(*tokens: int, type_: str = "Reported") -> Quotation:
    return Quotation(type_, frozenset(tokens))


def test_document_labels_each_candidate_by_its_pair() -> None:
    art = article()
    tokens = [(t.start, t.end) for s in art.sentences for t in s.tokens]
    n = len(art.sentences[0].tokens)
    gold = GoldDoc("x", TEXT, tokens, [q(*range(n - 1))])  # the first sentence, no period
    doc = document(art, gold)
    labelled = [c for c in doc.candidates if c.feats is not None]
    reported = next(c for c in labelled if c.feats and c.feats.get("rule=reported"))
    assert reported.p == pytest.approx((n - 1) / n) and reported.r == 1.0
    cont = next(c for c in labelled if c.feats and c.feats.get("rule=continuation"))
    assert (cont.p, cont.r) == (0.0, 0.0)  # no gold quotation there


def test_threshold_chosen_by_message_f1() -> None:
    # one gold quotation; a good candidate (p = r = 1) and a bad one (no pair)
    good = Candidate([q(1, 2)], {"x": 1.0}, 1.0, 1.0)
    bad = Candidate([q(7, 8)], {"y": 1.0}, 0.0, 0.0)
    docs = [Doc([q(1, 2)], [good, bad])]
    rows, labels = training_rows(docs, margin=0.8)
    assert labels == [1, 0] and rows == [{"x": 1.0}, {"y": 1.0}]
    model = Decider({"x": 2.0, "y": -2.0}, 0.0, 0.5)
    assert message(docs, None)["message"]["p"] == 0.5
    threshold, table = choose_threshold(docs, model, grid=(0.05, 0.5, 0.95))
    assert threshold == 0.5  # drops the bad one, keeps the good one
    assert [row["message"] for row in table] == [pytest.approx(2 / 3, abs=1e-4), 1.0, 0.0]


def test_training_refuses_dev_and_test_splits(tmp_path: Path) -> None:
    from lagebild.training.statements import _range, train_decider

    for name in ("dev", "test"):
        (tmp_path / name).mkdir()
        with pytest.raises(ValueError, match="train split only"):
            train_decider(tmp_path / name, (0, 1), (1, 2))
    assert _range("0:550") == (0, 550)
    with pytest.raises(ValueError):
        _range("550")
