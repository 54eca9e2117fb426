"""The event-confidence model (``lagebild.events.confidence``) and its trainer
(``lagebild.training.event_confidence``): features, the model file, the stage's use of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.eval.events import GoldItem
from lagebild.eval.events_judged import auc
from lagebild.events import code_article
from lagebild.events.coder import candidates
from lagebild.events.confidence import ConfidenceModel, features, rate, shipped
from lagebild.model import Article, Event
from lagebild.training.event_confidence import (
    Example,
    GoldSet,
    choose_thin_threshold,
    cross_validate,
    fit,
    gold_f1,
)

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
    # the trigger word and the CAMEO code (thirty-eighth pass)
    assert f["lemma=patrouillieren"] == 1.0 and f[f"cameo={event.cameo}"] == 1.0
    assert sum(name.startswith("lemma=") for name in f) == 1


def test_shipped_weights_tell_trigger_words_apart() -> None:
    """A demand is right far more often than a rescue, which general news mostly reports
    beside an accident (EVENT_CONFIDENCE_CARD.md, thirty-eighth pass)."""
    model = shipped()
    assert model is not None
    assert model.weights["lemma=fordern"] > 0 > model.weights["lemma=retten"]


def test_model_round_trip_and_threshold() -> None:
    model = ConfidenceModel(weights={"question": -2.0, "has_date": 1.5}, bias=0.5, threshold=0.3)
    again = ConfidenceModel.from_json(model.to_json({"training": {"examples": 3}}))
    assert again == model and again.thin_threshold is None
    thin = ConfidenceModel(weights={}, bias=0.0, threshold=0.3, thin_threshold=0.7)
    assert ConfidenceModel.from_json(thin.to_json()) == thin
    # a model file written before events with too few arguments were rated keeps none
    assert ConfidenceModel.from_json('{"threshold": 0.3, "bias": 0, "weights": {}}'
                                     ).thin_threshold is None
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


def test_thin_events_need_their_own_threshold(parse: Parse) -> None:
    article = parse("Die Polizei nahm am Montag in Berlin drei Männer fest.")
    events = code_article(article, rate=False).events
    # bias 0: every event's probability is 0.5
    for thin_threshold, kept in ((None, 0), (0.6, 0), (0.4, len(events))):
        model = ConfidenceModel(weights={}, bias=0.0, threshold=0.3,
                                thin_threshold=thin_threshold)
        assert len(rate(article, [e.model_copy() for e in events], model,
                        thin=["no_actor"] * len(events))) == kept, thin_threshold
    with pytest.raises(ValueError, match="one thin reason"):
        rate(article, events, thin=[])


def test_stage_rates_an_event_with_too_few_arguments(
        parse: Parse, events: Events, rated_events: Events) -> None:
    # the parser reads "UN-Sondergesandte" as thing-like: no actor argument, so the rules
    # alone leave the demand out; the stage keeps it, as the model finds it likely
    text = ("Der UN-Sondergesandte Staffan de Mistura forderte in der Nacht auf Donnerstag "
            "in Genf, die Waffenruhe dringend wiederzubeleben.")
    found = candidates(parse(text))
    assert [(e.type.value, thin) for e, thin in found] == [("REQUEST", "things")]
    assert candidates(parse(text), thin=False) == []
    assert events(text) == []
    model = shipped()
    assert model is not None and model.thin_threshold is not None
    (kept,) = rated_events(text)
    assert kept.type.value == "REQUEST" and kept.confidence >= model.thin_threshold


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


def _item(event: str | None, *other: str) -> GoldItem:
    return GoldItem(id="x", text_de="…", event=event, other_events=other)


def test_gold_f1_and_the_thin_threshold_by_hand() -> None:
    # three items: an AGREE the rules find; an ACCUSE only an event with too few arguments
    # finds (score 0.8); a no-event item where such an event (score 0.6) is a false alarm
    gold = GoldSet("t", [_item("AGREE"), _item("ACCUSE"), _item(None)], [[0], [1], [2]])
    examples = [Example("t", "a", 1.0, 1.0, {}, "AGREE", item=0),
                Example("t", "b", 1.0, 1.0, {}, "ACCUSE", thin="no_actor", item=1),
                Example("t", "c", 0.0, 1.0, {}, "ASSAULT", thin="things", item=2)]
    scores = [0.9, 0.8, 0.6]
    rules = gold_f1([gold], examples, scores, 0.25, None)["t"]
    assert rules == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    both = gold_f1([gold], examples, scores, 0.25, 0.5)["t"]  # 2 of 3 emitted right, 2 of 2
    assert both == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    at_07 = gold_f1([gold], examples, scores, 0.25, 0.7)["pooled"]  # only the ACCUSE added
    assert at_07 == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # 0.3–0.6 would cost precision (0.667 < 1.0 − 0.01); 0.7 is the first that adds recall
    # without it
    assert choose_thin_threshold([gold], examples, scores, 0.25) == 0.7
    assert choose_thin_threshold([gold], examples, [0.9, 0.1, 0.6], 0.25) is None


@pytest.mark.parametrize(("text", "found"), [
    # an accident or a fire: nobody inflicted the injuries, so they are not even rated
    ("Bei einem schweren Unfall mit einem Reisebus wurden zahlreiche Menschen verletzt.", []),
    ("Ein Mann wurde bei dem Feuer in einem Haus schwer verletzt.", []),
    # without one, or beside an attack, the injuries are rated
    ("Zahlreiche Menschen wurden verletzt.", [("ASSAULT", "no_source")]),
    ("Bei einem Angriff auf einen Reisebus wurden zahlreiche Menschen verletzt.",
     [("ASSAULT", None), ("ASSAULT", "no_source")]),
    # an investigation of things alone is research; one without any party is rated
    ("Untersucht wurden mehrere Aspekte der Unterrichtssprache.", []),
    ("Es wurde wegen Brandstiftung ermittelt.", [("ACCUSE", "no_actor")]),
])
def test_events_with_too_few_arguments_not_worth_rating(
        parse: Parse, text: str, found: list[tuple[str, str | None]]) -> None:
    assert [(e.type.value, thin) for e, thin in candidates(parse(text))] == found
