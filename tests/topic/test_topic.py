"""The ``topic`` stage: soft or hard news (``lagebild.topic``), its model and its training."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.model import Article
from lagebild.topic import HARD, MIN_WORDS, SOFT, TopicClassifier, load_classifier
from lagebild.training.topic import Labelled, train_model, words_of

SPORT = (
    "Der FC Bayern hat das Spitzenspiel gegen Borussia Dortmund mit 3:1 gewonnen. Vor 75.000 "
    "Zuschauern in der ausverkauften Allianz Arena brachte Robert Lewandowski die Münchner in "
    "der 12. Minute per Kopfball in Führung. Der Ausgleich fiel kurz vor der Halbzeit, als der "
    "Torwart einen Freistoß nur abklatschen konnte. Nach der Pause drängten die Gastgeber auf "
    "den Sieg, Thomas Müller traf nach einer Ecke zum 2:1, in der Nachspielzeit erhöhte der "
    "eingewechselte Stürmer auf 3:1. Der Trainer lobte nach dem Schlusspfiff die Moral seiner "
    "Mannschaft: Wir haben heute gezeigt, dass wir in der Meisterschaft noch ein Wort "
    "mitreden wollen. Die Tabellenführung ist zurückerobert, am Samstag wartet das Pokalspiel."
)
POLITICS = (
    "Der russische Außenminister Sergej Lawrow hat die Vereinigten Staaten zu Gesprächen über "
    "den Krieg in Syrien aufgefordert. Moskau sei zu einer militärischen Zusammenarbeit gegen "
    "die Terrormiliz Islamischer Staat bereit, sagte Lawrow am Freitag nach einem Treffen mit "
    "seinem amerikanischen Kollegen John Kerry in Genf. Die Regierung in Washington reagierte "
    "zurückhaltend. Ein Sprecher des Weißen Hauses erklärte, man prüfe das Angebot, habe aber "
    "ernsthafte Zweifel an den Absichten Russlands. Die USA hatten den militärischen Dialog "
    "mit Moskau im März 2014 wegen der Annexion der Krim ausgesetzt. Die Vereinten Nationen "
    "forderten beide Seiten auf, die Verhandlungen über eine Waffenruhe wieder aufzunehmen."
)


@pytest.fixture(scope="module")
def shipped() -> TopicClassifier:
    return load_classifier()


@pytest.fixture(scope="module")
def analysed() -> dict[str, Article]:
    """The two texts through ``nlp`` and ``topic``, as ``lagebild analyze`` runs them."""
    from lagebild.pipeline import Analyzer

    texts = {"sport": SPORT, "politics": POLITICS, "short": "Der FC Bayern gewann 3:1."}
    out = list(Analyzer(("nlp", "topic")).run([Article(text=t) for t in texts.values()]))
    assert all(isinstance(a, Article) for a in out), out
    return dict(zip(texts, out, strict=True))  # type: ignore[arg-type]


def test_texts_are_long_enough() -> None:
    assert len(SPORT.split()) >= MIN_WORDS and len(POLITICS.split()) >= MIN_WORDS


def test_stage_tells_sport_from_politics(shipped: TopicClassifier,
                                         analysed: dict[str, Article]) -> None:
    sport, politics = analysed["sport"].topic, analysed["politics"].topic
    assert sport is not None and sport.label == SOFT, sport
    assert politics is not None and politics.label == HARD, politics
    assert sport.score > shipped.threshold > politics.score
    again = Article.model_validate_json(analysed["sport"].to_json())
    assert again.topic == sport


def test_short_text_gets_no_topic(analysed: dict[str, Article]) -> None:
    assert analysed["short"].topic is None


def test_training_sees_the_stage_tokens(analysed: dict[str, Article]) -> None:
    stage = [t.text for s in analysed["sport"].sentences for t in s.tokens]
    assert list(words_of(SPORT)) == stage


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="lagebild train topic"):
        load_classifier(tmp_path)


def test_trained_model_round_trips(tmp_path: Path) -> None:
    sport = [Labelled(SPORT.replace("3:1", f"{i}:0"), SOFT, "test", "Sport") for i in range(6)]
    politics = [Labelled(POLITICS.replace("Freitag", d), HARD, "test", "Inland")
                for d in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag")]
    model = train_model(sport + politics, epochs=4, threshold=0.6)
    model.to_disk(tmp_path)
    before, after = TopicClassifier(model), load_classifier(tmp_path)
    assert after.threshold == 0.6
    sport_words, politics_words = list(words_of(SPORT)), list(words_of(POLITICS))
    for words in (sport_words, politics_words):
        assert after.score(words) == pytest.approx(before.score(words), abs=1e-6)
    assert after.score(sport_words) > 0.5 > after.score(politics_words)
