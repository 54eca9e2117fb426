"""The event-confidence model (``lagebild.events.confidence``) and its trainer
(``lagebild.training.event_confidence``): features, the model file, the stage's use of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.eval.events_judged import auc
from lagebild.events import code_article
from lagebild.events.confidence import ConfidenceModel, features, rate, shipped
from lagebild.model import Article, Event
from lagebild.training.event_confidence import Example, cross_validate, fit

Parse = Callable[[str], Article]
Events = Callable[[str], list[Event]]


def test_features_read_the_sentence(parse: Parse) -> None:
    text = "Ob die Soldaten bald an der Grenze patrouillieren können, bleibt unklar?"
    article = parse(text)
    event = code_article(article, rate=False).events[0]
    f = features(article, event)
    assert f["question"] == 1.0 and f["modal"] == 1.0 and f["conditional"] == 1.0
    assert f["negation"] == 0.0
    assert f[f"type={event.type.value}"] == 1.0 and f[f"mod={event.modality.value}"] == 1.0


def test_model_round_trip_and_threshold() -> None:
    model = ConfidenceModel(weights={"question": -2.0, "has_date": 1.5}, bias=0.5, threshold=0.3)
    again = ConfidenceModel.from_json(model.to_json({"training": {"examples": 3}}))
    assert again == model
    assert model.probability({"has_date": 1.0}) > model.probability({}) > model.probability(
        {"question": 1.0})
    assert model.probability({"question": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** 1.5))


def test_rate_sets_confidence_and_drops_the_unlikely(parse: Parse) -> None:
    article = parse("Die Polizei nahm am Montag in Berlin drei Männer fest.")
    events = code_article(article, rate=False).events
    assert events
    keep_all = ConfidenceModel(weights={}, bias=2.0, threshold=0.5)
    kept = rate(article, [e.model_copy() for e in events], keep_all)
    assert [e.confidence for e in kept] == [0.88] * len(events)
    drop_all = ConfidenceModel(weights={}, bias=-2.0, threshold=0.5)
    assert rate(article, [e.model_copy() for e in events], drop_all) == []


def test_shipped_model_is_loaded() -> None:
    model = shipped()
    assert model is not None and 0.0 < model.threshold < 0.5
    assert model.weights["mod=hypothetical"] < 0 < model.weights["has_date"]


def test_stage_keeps_a_reported_arrest_and_drops_a_possible_meeting(
        events: Events, rated_events: Events) -> None:
    arrest = "Die Polizei nahm am Montag in Berlin drei Männer fest."
    (kept,) = rated_events(arrest)
    assert kept.type.value == "COERCE" and kept.confidence > 0.8
    possible = "Ein trilaterales Treffen könnte noch im Laufe der Woche stattfinden."
    assert [e.type.value for e in events(possible)] == ["CONSULT"]  # the rules find it
    assert rated_events(possible) == []  # the model finds it unlikely (P ≈ 0.2)


def _ex(group: str, label: float, **feats: float) -> Example:
    return Example(set="t", group=group, label=label, weight=1.0, features=feats, type="AGREE")


def test_fit_learns_the_sign_of_a_feature() -> None:
    examples = [_ex(f"g{i}", 1.0, has_date=1.0) for i in range(8)]
    examples += [_ex(f"h{i}", 0.0, question=1.0) for i in range(8)]
    examples += [_ex("m1", 1.0, question=1.0), _ex("m2", 0.0, has_date=1.0)]
    model = fit(examples, penalty=1.0, threshold=0.25)
    assert model.weights["has_date"] > 0 > model.weights["question"]
    assert model.threshold == 0.25
    scores = cross_validate(examples, folds=3, penalty=1.0)
    assert scores == cross_validate(examples, folds=3, penalty=1.0)  # deterministic
    assert len(scores) == len(examples)


def test_auc_by_hand() -> None:
    # right events scored 0.9 and 0.4, wrong ones 0.5 and 0.1: of the four pairs three are
    # ordered rightly → 0.75; a tie counts half; arguable (0.5) labels are left out
    assert auc([0.9, 0.4, 0.5, 0.1], [1.0, 1.0, 0.0, 0.0]) == 0.75
    assert auc([0.5, 0.5, 0.7], [1.0, 0.0, 0.5]) == 0.5
    assert auc([0.5], [1.0]) is None
