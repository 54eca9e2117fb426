"""``--init-model``: continuing from a trained pipeline keeps the lemmatizer's labels."""

from __future__ import annotations

import pytest

from lagebild.nlp import DEFAULT_MODEL
from lagebild.training.train import _restore_tree2label, load_trained


def test_restore_tree2label() -> None:
    if not DEFAULT_MODEL.exists():
        pytest.skip("shipped model missing")
    nlp = load_trained(DEFAULT_MODEL)
    lem = nlp.get_pipe("trainable_lemmatizer")
    assert not lem.tree2label  # spaCy's from_disk leaves it empty
    _restore_tree2label(nlp)
    assert len(lem.tree2label) == len(lem.labels) > 0
    assert all(lem.tree2label[tree] == i for i, tree in enumerate(lem.labels))
