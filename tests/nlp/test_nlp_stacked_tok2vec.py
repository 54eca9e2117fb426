"""``lagebild.StackedTok2Vec.v1``: an NER that reads the shared tok2vec plus its own."""

from __future__ import annotations

import random
from pathlib import Path

import numpy
import spacy
from spacy.training import Example
from spacy.util import load_config_from_str, load_model_from_config

import lagebild.nlp.components  # noqa: F401  (registers the architecture)

CONFIG = """
[nlp]
lang = "de"
pipeline = ["tok2vec","ner"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.HashEmbedCNN.v2"
width = 32
depth = 1
embed_size = 500
window_size = 1
maxout_pieces = 2
subword_features = true
pretrained_vectors = null

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 16
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "lagebild.StackedTok2Vec.v1"

[components.ner.model.tok2vec.shared]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "tok2vec"

[components.ner.model.tok2vec.own]
@architectures = "spacy.HashEmbedCNN.v2"
width = 16
depth = 1
embed_size = 300
window_size = 1
maxout_pieces = 2
subword_features = true
pretrained_vectors = null
"""

TRAIN = [
    ("Kerry traf Lawrow in Moskau .", [(0, 5, "PER"), (11, 17, "PER"), (21, 27, "LOC")]),
    ("Putin sprach in Genf .", [(0, 5, "PER"), (16, 20, "LOC")]),
    ("In Berlin sagte Merkel nichts .", [(3, 9, "LOC"), (16, 22, "PER")]),
]


def _own_params(nlp: spacy.language.Language) -> list[numpy.ndarray]:
    own = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0].layers[1]
    return [numpy.copy(n.get_param(k)) for n in own.walk() for k in n.param_names]


def _trained(initial: list[numpy.ndarray] | None = None) -> spacy.language.Language:
    spacy.util.fix_random_seed(0)
    nlp = load_model_from_config(load_config_from_str(CONFIG), auto_fill=True, validate=True)
    examples = [
        Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN
    ]
    optimizer = nlp.initialize(lambda: examples)
    if initial is not None:
        initial.extend(_own_params(nlp))
    rng = random.Random(0)
    for _ in range(40):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


def test_ner_output_width_is_both_tok2vecs() -> None:
    nlp = _trained()
    stacked = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
    assert stacked.name == "lagebild_stacked_tok2vec"
    assert stacked.get_dim("nO") == 32 + 16


def test_stacked_ner_learns_and_its_own_tok2vec_trains() -> None:
    initial: list[numpy.ndarray] = []
    nlp = _trained(initial)
    doc = nlp("Kerry traf Lawrow in Moskau .")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kerry", "PER"), ("Lawrow", "PER"), ("Moskau", "LOC")
    ]
    # the NER's gradient reached its own tok2vec: its weights moved from their initial values
    after = _own_params(nlp)
    assert initial and len(initial) == len(after)
    assert any(not numpy.allclose(a, b) for a, b in zip(initial, after, strict=True))


def test_saved_pipeline_predicts_the_same(tmp_path: Path) -> None:
    nlp = _trained()
    text = "Putin traf Kerry in Berlin ."
    before = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents] == before
