"""Training the trigger proposer: labels from gold and from the lexicon, a deterministic fit,
pooled cross-validation figures (small hand-made data; the real runs are in docs/lab)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from lagebild.eval.events import GoldItem
from lagebild.model import Article, PloverType
from lagebild.training import triggers as tr


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Article]:
    from lagebild.pipeline import Analyzer

    analyzer = Analyzer(("nlp", "actors"))

    def run(text: str) -> Article:
        out = next(analyzer.run([Article(text=text, published="2015-09-18")]))
        assert isinstance(out, Article)
        return out

    return run


def test_gold_labels_the_trigger_and_nothing_else(parse: Callable[[str], Article]) -> None:
    text = "Die Opposition verbrubbelte die Regierung wegen der Steuerpläne."
    item = GoldItem(id="x", text_de=text, event="ACCUSE", event_text_de="verbrubbelte")
    ex = tr.gold_examples([item], [parse(text)])
    labelled = {tr.LABELS[k] for k in ex.labels}
    assert ex.labels.count(tr.LABELS.index("ACCUSE")) == 1
    assert labelled == {"ACCUSE", tr.NONE}
    accuse = ex.feats[ex.labels.index(tr.LABELS.index("ACCUSE"))]
    assert "w=verbrubbelte" in accuse
    null = GoldItem(id="y", text_de=text, event=None)
    assert set(tr.gold_examples([null], [parse(text)]).labels) == {0}


def test_other_events_are_left_out_not_negatives(parse: Callable[[str], Article]) -> None:
    text = "Die Polizei nahm den Mann fest und durchsuchte seine Wohnung."
    arts = [parse(text)]
    plain = GoldItem(id="a", text_de=text, event="COERCE", event_text_de="nahm")
    other = GoldItem(id="b", text_de=text, event="COERCE", event_text_de="nahm",
                     other_events=("COERCE",))
    n_plain = len(tr.gold_examples([plain], arts))
    n_other = len(tr.gold_examples([other], arts))
    assert n_other < n_plain  # "durchsuchte" (a second COERCE) is no "none" example


def test_weak_labels_follow_the_lexicon_coder(parse: Callable[[str], Article]) -> None:
    art = parse("Die Regierung kritisierte die Opposition scharf. Das Wetter war schön.")
    ex = tr.weak_examples([art], weight=0.5)
    assert tr.LABELS.index("ACCUSE") in ex.labels
    assert set(ex.weights) == {0.5}


def _toy(n: int, seed: int) -> tr.Examples:
    rng = np.random.default_rng(seed)
    ex = tr.Examples()
    for _ in range(n):
        k = int(rng.integers(0, 3))
        label = (tr.NONE, "ACCUSE", "ASSAULT")[k]
        ex.add(["bias", f"l=word{k}", f"noise={rng.integers(0, 50)}"], label, 1.0,
               rng.normal(size=4).astype(np.float16) + k)
    return ex


@pytest.mark.parametrize("vectors", [False, True])
def test_fit_learns_and_is_deterministic(vectors: bool) -> None:
    data = _toy(300, 0)
    opts = tr.FitOptions(bits=10, epochs=4, use_vectors=vectors, layers=(11,) if vectors else ())
    a, b = tr.fit(data, opts), tr.fit(data, opts)
    assert np.array_equal(a.sparse, b.sparse)
    ids = [a.feature_ids(["bias", f"l=word{k}"]) for k in range(3)]
    vecs = np.stack([np.full(4, k, np.float32) for k in range(3)]) if vectors else None
    assert a.scores(ids, vecs).argmax(1).tolist() == [tr.LABELS.index(x) for x in (
        tr.NONE, "ACCUSE", "ASSAULT")]
    other = tr.fit(data, tr.FitOptions(bits=10, epochs=4, use_vectors=vectors, seed=1))
    assert not np.array_equal(a.sparse, other.sparse)


def test_labels_are_none_and_the_plover_types() -> None:
    assert tr.LABELS[0] == tr.NONE
    assert set(tr.LABELS[1:]) == {t.value for t in PloverType}


def test_pooled_adds_counts_not_ratios() -> None:
    a = {"tp": 8, "fp": 2, "fn": 2, "extra_per_item": 0.1}
    b = {"tp": 1, "fp": 1, "fn": 8, "extra_per_item": 0.3}
    got = tr.pooled([a, b], [10, 30])
    assert got["P"] == round(9 / 12, 3) and got["R"] == round(9 / 19, 3)
    assert got["extra"] == round((1 + 9) / 40, 3)


def test_unseen_vocabulary_removes_only_the_sets_own_entries(
        parse: Callable[[str], Article]) -> None:
    from lagebild.events.lexicon import load_lexicon

    lex = load_lexicon()
    text = "Die Regierung kritisierte die Opposition."
    item = GoldItem(id="x", text_de=text, event="ACCUSE", event_text_de="kritisierte")
    entries = tr.gold_entries([item], [parse(text)], lex)
    assert [e.plover for e in entries] == ["ACCUSE"]
    smaller = tr.ablated(lex, entries)
    assert tr.gold_entries([item], [parse(text)], smaller) == set()
    assert len(smaller.verbs) == len(lex.verbs) - 1
    assert smaller.nouns == lex.nouns and smaller.agents == lex.agents
