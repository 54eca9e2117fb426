"""spaCy's edit-tree lemmatizer with its per-token work done once per (tree, word) pair.

spaCy's ``trainable_lemmatizer`` applies each token's predicted edit tree twice, once to check
that it fits the word and once to set the lemma, each time through a new ``Token`` object and
Python calls: 0.6–0.7 s of the language pipeline's 4.9 s on 300 news articles, most of it for
words seen many times before. :class:`MemoLemmatizer` keeps spaCy's model, weights, file format
and decisions (the best tree when it applies, else the backoff) and remembers, for each pair of
tree and word, the lemma it gives; the lemmas are then written per document in one
``Doc.from_array`` call.

The shipped model names spaCy's factory (training uses spaCy's component as it is);
:func:`use_memo_lemmatizer` swaps it for ``lagebild_lemmatizer`` in a config before the
pipeline is built. ``tests/nlp/test_lemmatizer.py`` checks that both give the same lemmas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer
from spacy.tokens import Doc
from thinc.api import Config, Model

from lagebild.nlp.components import with_real_annotations

MEMO_LEMMATIZER = "lagebild_lemmatizer"
SPACY_LEMMATIZER = "trainable_lemmatizer"
NO_TREE = -1  # spaCy's mark for "no predicted tree applies to this word"
MEMO_LIMIT = 500_000  # (tree, word) pairs kept before the memo starts over; ≈ 60 MB


class MemoLemmatizer(EditTreeLemmatizer):
    """``trainable_lemmatizer`` for the case the shipped model uses (``top_k`` 1, backoff
    ``orth`` or none, ``overwrite``); any other setting runs spaCy's own code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (tree id, word's orth hash) → lemma's hash, or NO_TREE when the tree does not apply
        self._memo: dict[tuple[int, int], int] = {}
        self._predicted: tuple[list[Any], list[list[int]]] | None = None

    def _memoised(self) -> bool:
        return self.top_k == 1 and self.overwrite and self.backoff in ("orth", None)

    def _lemma_hash(self, tree_id: int, orth: int) -> int:
        key = (tree_id, orth)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            lemma = self.trees.apply(tree_id, self.vocab.strings[orth])
            found = NO_TREE if lemma is None else self.vocab.strings.add(lemma)
            self._memo[key] = found
        return found

    def _scores2guesses_top_k_equals_1(self, docs: Iterable[Doc], scores: Any) -> list[Any]:
        if not self._memoised():
            guessed: list[Any] = super()._scores2guesses_top_k_equals_1(  # type: ignore[no-untyped-call]
                docs, scores)
            return guessed
        labels = self.cfg["labels"]
        lemma_hash = self._lemma_hash
        guesses, lemmas = [], []
        for doc, doc_scores in zip(docs, scores, strict=True):
            best = numpy.asarray(doc_scores.argmax(axis=1)).tolist()
            orths = doc.to_array(ORTH).tolist()
            trees = [labels[i] for i in best]
            hashes = [lemma_hash(t, o) for t, o in zip(trees, orths, strict=True)]
            guesses.append(numpy.array(
                [NO_TREE if h == NO_TREE else t for t, h in zip(trees, hashes, strict=True)],
                dtype="int64",
            ))
            lemmas.append(hashes)
        # set_annotations gets this very list back and writes these lemmas without looking again
        self._predicted = (guesses, lemmas)
        return guesses

    def set_annotations(self, docs: Iterable[Doc], batch_tree_ids: Any) -> None:
        if not self._memoised():
            super().set_annotations(docs, batch_tree_ids)
            return
        predicted, self._predicted = self._predicted, None
        if predicted is not None and predicted[0] is batch_tree_ids:
            batch_hashes = predicted[1]
        else:  # tree ids from elsewhere: look each one up
            batch_hashes = [[NO_TREE if t == NO_TREE else self._lemma_hash(t, o)
                             for t, o in zip(tree_ids.tolist(), doc.to_array(ORTH).tolist(),
                                             strict=True)]
                            for doc, tree_ids in zip(docs, batch_tree_ids, strict=True)]
        for doc, hashes in zip(docs, batch_hashes, strict=True):
            if not len(doc):
                continue
            # no tree: the backoff (the word itself), or without one the lemma stays as it is
            fallback = doc.to_array(ORTH if self.backoff == "orth" else LEMMA).tolist()
            lemmas = [f if h == NO_TREE else h for h, f in zip(hashes, fallback, strict=True)]
            values: Any = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
            doc.from_array([LEMMA], values)


@Language.factory(
    MEMO_LEMMATIZER,
    assigns=["token.lemma"],
    default_config={"backoff": "orth", "min_tree_freq": 3, "overwrite": False, "top_k": 1,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
)
@with_real_annotations
def make_memo_lemmatizer(nlp: Language, name: str, model: Model[Any, Any], backoff: str | None,
                         min_tree_freq: int, overwrite: bool, top_k: int,
                         scorer: Callable[..., Any] | None) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.vocab, model, name, backoff=backoff, min_tree_freq=min_tree_freq,
                          overwrite=overwrite, top_k=top_k, scorer=scorer)


def use_memo_lemmatizer(config: Config) -> Config:
    """Build every ``trainable_lemmatizer`` of a pipeline config as :class:`MemoLemmatizer`
    (same settings, same saved files)."""
    for settings in config.get("components", {}).values():
        if settings.get("factory") == SPACY_LEMMATIZER:
            settings["factory"] = MEMO_LEMMATIZER
    return config
