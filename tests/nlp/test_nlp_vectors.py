"""Teacher-distilled type vectors: accumulation, reduction, and the spaCy vocab round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy

from lagebild.training.train import set_type_vectors
from lagebild.training.vectors import TypeAccumulator, load_type_vectors, reduce


def test_accumulator_means_and_frequency_order() -> None:
    acc = TypeAccumulator(hidden=2, n_tags=2)
    acc.add(["a", "b", "a"], np.array([[1.0, 0], [5, 5], [3, 0]]), np.array([[1.0, 0]] * 3))
    words, hidden, probs = acc.means(max_types=10)
    assert words == ["a", "b"]  # most frequent first
    assert hidden[0].tolist() == [2.0, 0.0]
    assert probs[1].tolist() == [1.0, 0.0]
    assert acc.means(max_types=1)[0] == ["a"]


def test_accumulator_grows_past_its_first_block() -> None:
    acc = TypeAccumulator(hidden=1, n_tags=1)
    words = [f"w{i}" for i in range(3000)]
    acc.add(words, np.ones((3000, 1)), np.ones((3000, 1)))
    assert len(acc.means(max_types=5000)[0]) == 3000


def test_reduce_shape_and_scale() -> None:
    rng = np.random.default_rng(0)
    vec = reduce(rng.normal(size=(50, 8)), rng.random((50, 3)), dims=6)
    assert vec.shape == (50, 6) and vec.dtype == np.float32
    assert abs(float(vec[:, :3].std()) - 1.0) < 1e-3


def test_vectors_round_trip_through_spacy(tmp_path: Path) -> None:
    path = tmp_path / "v.npz"
    np.savez_compressed(
        path, words=np.array(["Berlin", "die", "Kerry"]),
        vectors=np.arange(12, dtype=np.float32).reshape(3, 4),
    )
    words, data = load_type_vectors(path)
    assert words == ["Berlin", "die", "Kerry"] and data.shape == (3, 4)
    nlp = spacy.blank("de")
    set_type_vectors(nlp, path, max_rows=2)
    assert nlp.vocab.vectors.shape == (2, 4)
    assert nlp.vocab["Berlin"].vector.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert not nlp.vocab["Kerry"].has_vector  # cut by max_rows
    nlp.to_disk(tmp_path / "m")
    back = spacy.load(tmp_path / "m")
    assert back.vocab["die"].vector.tolist() == [4.0, 5.0, 6.0, 7.0]
