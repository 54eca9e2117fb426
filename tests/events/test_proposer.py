"""The learned trigger proposer: features, model file, proposals, and the coder using them
(hand-set weights, so the tests do not depend on what a training run learned)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from lagebild.events.coder import code_article, context, find_triggers
from lagebild.events.lexicon import load_lexicon
from lagebild.events.proposer import (
    LEARNED,
    NONE,
    Proposer,
    TriggerModel,
    _bucket,
    default_codes,
    token_features,
)
from lagebild.model import Article

LEX = load_lexicon()
LABELS = [NONE, "ACCUSE", "ASSAULT"]
#: a made-up verb no lexicon entry names (the proposer is for words the lexicon lacks)
TEXT = "Der Bürgermeister verbrubbelte den Innenminister wegen der Affäre."


def model_for(feature: str, label: str, weight: float = 8.0, bits: int = 12) -> TriggerModel:
    """A model that is sure of ``label`` for tokens with ``feature`` and of none otherwise."""
    sparse = np.zeros((1 << bits, len(LABELS)), dtype=np.float32)
    sparse[_bucket(feature, bits), LABELS.index(label)] = weight
    bias = np.array([4.0, 0.0, 0.0], dtype=np.float32)
    return TriggerModel(labels=LABELS, bits=bits, sparse=sparse, bias=bias, threshold=0.5)


def test_features_name_the_word_its_ending_and_its_place(
        parse: Callable[[str], Article]) -> None:
    s = context(parse(TEXT), LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    feats = token_features(s, verb)
    assert f"w={s.toks[verb].text.lower()}" in feats
    assert any(f.startswith("s4=") for f in feats)  # the ending generalises over words
    assert any(f.startswith(("cd=", "d=")) for f in feats)
    assert feats == token_features(s, verb)  # the same at training and at run time


def test_model_file_round_trip(tmp_path: Path) -> None:
    model = model_for("l=verbrubbeln", "ACCUSE")
    model.dense = np.ones((4, len(LABELS)), dtype=np.float32)
    model.mean, model.scale = np.zeros(4, np.float32), np.ones(4, np.float32)
    model.config = {"layers": [11]}
    model.save(tmp_path / "m.npz")
    back = TriggerModel.load(tmp_path / "m.npz")
    ids = [back.feature_ids(["bias", "l=verbrubbeln"]), back.feature_ids(["bias"])]
    vecs = np.full((2, 4), 0.5, np.float32)
    assert back.labels == LABELS and back.config == {"layers": [11]}
    assert np.allclose(back.scores(ids, vecs), model.scores(ids, vecs), atol=1e-2)
    assert back.scores(ids, vecs)[0].argmax() == 1 and back.scores(ids, vecs)[1].argmax() == 0


def test_proposes_an_unknown_word_above_the_threshold(parse: Callable[[str], Article]) -> None:
    s = context(parse(TEXT), LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    assert not any(verb in toks for _, _, toks in find_triggers(s, LEX))
    feature = f"w={s.toks[verb].text.lower()}"
    proposals = Proposer(model_for(feature, "ACCUSE"), LEX).propose(s, set())
    assert [(e.plover, a) for e, a, _ in proposals] == [("ACCUSE", verb)]
    entry = proposals[0][0]
    assert LEARNED in entry.flags and entry.frame.source == ("subj",)
    assert entry.cameo == default_codes(LEX)[("ACCUSE", "verb")]
    assert Proposer(model_for(feature, "ACCUSE"), LEX).propose(s, {verb}) == []  # used
    assert Proposer(model_for(feature, "ACCUSE", weight=2.0), LEX).propose(s, set()) == []


def test_a_vector_model_proposes_nothing_without_vectors(
        parse: Callable[[str], Article]) -> None:
    s = context(parse(TEXT), LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    model = model_for(f"w={s.toks[verb].text.lower()}", "ACCUSE")
    model.dense = np.zeros((3, len(LABELS)), np.float32)
    model.mean, model.scale = np.zeros(3, np.float32), np.ones(3, np.float32)
    assert Proposer(model, LEX).propose(s, set()) == []
    vectors = {t.start: np.zeros(3, np.float16) for t in s.toks}
    assert len(Proposer(model, LEX).propose(s, set(), vectors)) == 1


def test_the_coder_codes_a_proposal_with_its_usual_rules(
        parse: Callable[[str], Article]) -> None:
    article = parse(TEXT)
    s = context(article, LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    proposer = Proposer(model_for(f"w={s.toks[verb].text.lower()}", "ACCUSE"), LEX)
    assert code_article(article.model_copy(), LEX, None).events == []
    events = code_article(article.model_copy(), LEX, proposer).events
    assert [(e.type, e.trigger.text) for e in events] == [("ACCUSE", "verbrubbelte")]
    assert events[0].source and events[0].target  # subject and object, as for an entry
    assert events[0].confidence < 0.9  # less sure than a lexicon trigger


def test_a_proposal_without_an_actor_is_dropped_like_an_entry(
        parse: Callable[[str], Article]) -> None:
    article = parse("Es verbrubbelte heftig.")
    s = context(article, LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    proposer = Proposer(model_for(f"w={s.toks[verb].text.lower()}", "ASSAULT"), LEX)
    assert proposer.propose(s, set())  # proposed …
    assert code_article(article, LEX, proposer).events == []  # … but no actor: no event


def test_the_default_is_the_shipped_proposer_of_the_mode(
        parse: Callable[[str], Article], monkeypatch: pytest.MonkeyPatch) -> None:
    """``code_article`` without a proposer argument asks for the shipped model of the
    article's mode: ``accurate`` when the entities stage left word vectors, else ``fast``."""
    from lagebild.events import coder

    article = parse(TEXT)
    s = context(article, LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    proposer = Proposer(model_for(f"w={s.toks[verb].text.lower()}", "ACCUSE"), LEX)
    asked: list[str] = []

    def fake(kind: str) -> Proposer | None:
        asked.append(kind)
        return proposer if kind == "fast" else None

    monkeypatch.setattr(coder, "load_proposer", fake)
    assert [e.type for e in code_article(article.model_copy(), LEX).events] == ["ACCUSE"]
    with_vectors = article.model_copy()
    with_vectors._word_vectors = {}
    assert code_article(with_vectors, LEX).events == []
    assert asked == ["fast", "accurate"]
    assert code_article(article.model_copy(), LEX, None).events == []  # None: lexicon only


@pytest.mark.parametrize("kind", ["fast", "accurate"])
def test_shipped_models_load(kind: str) -> None:
    from lagebild.events.proposer import DEFAULT_DIR, load_proposer

    if not (DEFAULT_DIR / f"{kind}.npz").is_file():
        pytest.skip(f"no {kind} proposer shipped")
    proposer = load_proposer(kind)
    assert proposer is not None and proposer.model.labels[0] == NONE
    assert proposer.model.uses_vectors == (kind == "accurate")


def test_require_kin_keeps_only_types_of_kin_lexicon_words(
        parse: Callable[[str], Article]) -> None:
    """With ``require_kin`` only a type of a lexicon word the token is kin to (same bare
    verb, compound head …) may be proposed; a made-up verb has no kin."""
    s = context(parse("Die Polizei verbrubbelte den Mann."), LEX, None).sents[0]
    verb = next(i for i, t in enumerate(s.toks) if t.text == "verbrubbelte")
    feature = f"w={s.toks[verb].text.lower()}"
    assert not any(f.startswith(("stem=", "idiom=", "nounkin="))
                   for f in token_features(s, verb, LEX))  # a made-up verb has no kin
    assert Proposer(model_for(feature, "ACCUSE"), LEX, require_kin=False).propose(s, set())
    assert Proposer(model_for(feature, "ACCUSE"), LEX, require_kin=True).propose(s, set()) == []


def test_kinship_features_name_the_kin_entry_type() -> None:
    from lagebild.events.proposer import _kin, _kinship

    _kin(LEX)
    verb = next(v for v, es in LEX.verbs.items() if v.startswith("fest") and len(v) > 9)
    plover = LEX.verbs[verb][0].plover
    assert f"stem={plover}" in _kinship("ab" + verb[4:], False, id(LEX))  # other prefix
    noun = next(n for n, es in LEX.nouns.items() if len(n) >= 6 and n.isalpha())
    assert f"head={LEX.nouns[noun][0].plover}" in _kinship("groß" + noun, True, id(LEX))
