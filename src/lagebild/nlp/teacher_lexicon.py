"""Lexicon codes as an input feature of the e5 teacher (optional; ``train teacher --lexicon``).

The fast pipeline's lexicon table (:class:`lagebild.nlp.components.LexicalFeatures`: wordfreq
buckets, common noun, first name, surname, place, actor …) gives every word a short code such
as ``f3l3AGN``. Here a code becomes a multi-hot vector over :data:`LEX_FEATURES` (each part of
the code is one feature, so a flag combination never seen in training still means something),
and the teacher adds a learned projection of it to the hidden state of every piece of the word
at the input of its first fine-tuned layer. The table travels inside the teacher's folder
(``lexicon.bin.gz``), so a later change of the fast pipeline's table cannot change the
teacher's input.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import spacy

from lagebild.nlp.components import LexicalFeatures

try:
    import torch
    from torch import Tensor
except ImportError as exc:  # pragma: no cover
    from lagebild.nlp.accurate import ACCURATE_HINT

    raise ImportError(f"lagebild.nlp.teacher_lexicon needs torch: {ACCURATE_HINT}") from exc

__all__ = [
    "LEXICON_FILE",
    "LEX_FEATURES",
    "LexiconCoder",
    "code_features",
    "piece_features",
    "shipped_table",
]

LEXICON_FILE = "lexicon.bin.gz"
# actor, place, common noun, surname, first name, small place, compound, listed company
_FLAGS = "AGNSVgnO"
LEX_FEATURES = [
    "unknown",
    "lower-case form listed",
    "compound tail listed",
    *[f"f{i}" for i in range(9)],
    *[f"l{i}" for i in range(9)],
    *_FLAGS,
]
_INDEX = {name: i for i, name in enumerate(LEX_FEATURES)}
_CODE = re.compile(r"f(\d)l(\d)")


def code_features(code: str, index: Mapping[str, int] = _INDEX) -> list[int]:
    """Feature indices of a lexicon code: ``~f3l3N`` → [lower-case form listed, f3, l3, N].

    ``index``: feature name → position, for a teacher trained with an older feature list
    (a feature it does not know is left out).
    """
    names: list[str] = []
    rest = code
    prefixes = {"-": "unknown", "~": "lower-case form listed", "+": "compound tail listed"}
    if rest[:1] in prefixes:
        names.append(prefixes[rest[:1]])
        rest = rest[1:]
    match = _CODE.match(rest)
    if match is not None:
        names += [f"f{match.group(1)}", f"l{match.group(2)}"]
        rest = rest[match.end() :]
    names += [c for c in rest if c in _FLAGS]
    return [index[n] for n in names if n in index]


def shipped_table() -> Path:
    """The fast pipeline's shipped lexicon table (the default for ``train teacher --lexicon``)."""
    from lagebild.nlp import DEFAULT_MODEL

    return Path(DEFAULT_MODEL) / "lagebild_lexfeat" / "table.bin.gz"


class LexiconCoder:
    """Word → feature indices, with the fast pipeline's lookup rules (lower-case fallback,
    hyphen tail, compound heads); cached per word."""

    def __init__(self, table_file: Path, feature_names: Sequence[str] = LEX_FEATURES) -> None:
        if not table_file.is_file():
            raise FileNotFoundError(f"no lexicon table at {table_file}")
        self.table_file = table_file
        self.digest = hashlib.sha256(table_file.read_bytes()).hexdigest()[:16]
        self._lex = LexicalFeatures(spacy.blank("de"), compound_heads=True)
        self._lex.read_table(table_file)
        self._cache: dict[str, list[int]] = {}
        self.feature_names = list(feature_names)
        self._index = {name: i for i, name in enumerate(self.feature_names)}

    def features(self, word: str) -> list[int]:
        found = self._cache.get(word)
        if found is None:
            found = code_features(self._lex.code(word), self._index)
            self._cache[word] = found
        return found

    def copy_to(self, folder: Path) -> None:
        """Store the table next to a teacher's weights (see module doc)."""
        folder.mkdir(parents=True, exist_ok=True)
        self._lex.write_table(folder / LEXICON_FILE)


def piece_features(
    coder: LexiconCoder, words: Sequence[str], first: Sequence[int], n_pieces: int
) -> list[list[int]]:
    """Feature indices per position of ``<s> pieces </s>``: every piece of a word gets the
    word's features, the special tokens none."""
    out: list[list[int]] = [[] for _ in range(n_pieces + 2)]
    bounds = [*first, n_pieces]
    for j, word in enumerate(words):
        feats = coder.features(word)
        for pos in range(bounds[j], bounds[j + 1]):
            out[pos + 1] = feats
    return out


def multi_hot(
    rows: Sequence[Sequence[Sequence[int]]], width: int, n_features: int = len(LEX_FEATURES)
) -> Tensor:
    """``[batch][position][feature index]`` → a float tensor ``[B, width, n_features]``."""
    x = torch.zeros((len(rows), width, n_features))
    for r, positions in enumerate(rows):
        for t, feats in enumerate(positions[:width]):
            if feats:
                x[r, t, list(feats)] = 1.0
    return x
