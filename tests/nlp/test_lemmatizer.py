"""The memoising lemmatizer gives spaCy's lemmas (issue 25: it only saves time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from thinc.api import use_ops

from lagebild.nlp import DEFAULT_MODEL, load_pipeline
from lagebild.nlp import lemmatizer as memo
from lagebild.nlp.components import YearStopTokenizer
from lagebild.nlp.lemmatizer import NO_TREE, MemoLemmatizer

SAMPLES = Path(__file__).resolve().parents[2] / "samples-archive"


def _texts() -> list[str]:
    with (SAMPLES / "wikinews-archive.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line, _ in zip(lines, range(40), strict=False)]
    assert len(texts) == 40
    # words the trees cannot lemmatise fall back to the word itself
    texts.append("Die Xqzwrtlk-Gmbh und die Ööäüß schrieben: „qwrtzp“, sagte Zzyzx.")
    return texts


def _lemmas(nlp: Language, texts: list[str]) -> list[list[str]]:
    return [[t.lemma_ for t in doc] for doc in nlp.pipe(texts, batch_size=8)]


@pytest.fixture(scope="module")
def spacy_lemmatizer() -> Language:
    """The shipped model built as spaCy builds it, with spaCy's own lemmatizer."""
    path = DEFAULT_MODEL.resolve()
    with use_ops("numpy", use_blis=False):
        nlp = spacy.util.load_model_from_config(spacy.util.load_config(path / "config.cfg"),
                                                meta=spacy.util.get_model_meta(path))
        nlp.from_disk(path)
    nlp.tokenizer = YearStopTokenizer(nlp.tokenizer)  # the same tokens as load_pipeline's
    return nlp


def test_memo_lemmatizer_gives_spacys_lemmas(spacy_lemmatizer: Language,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert not isinstance(spacy_lemmatizer.get_pipe("trainable_lemmatizer"), MemoLemmatizer)
    expected = _lemmas(spacy_lemmatizer, texts)
    nlp = load_pipeline()
    component = nlp.get_pipe("trainable_lemmatizer")
    assert isinstance(component, MemoLemmatizer)
    component._memo.clear()
    assert _lemmas(nlp, texts) == expected  # memo filled as it goes
    assert NO_TREE in component._memo.values()  # the backoff was taken somewhere
    assert _lemmas(nlp, texts) == expected  # every pair from the memo
    monkeypatch.setattr(memo, "MEMO_LIMIT", 50)
    component._memo.clear()
    assert _lemmas(nlp, texts) == expected  # the memo starting over, many times
    assert len(component._memo) <= 50
