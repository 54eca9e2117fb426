"""Small text helpers shared by the KB and the linker: folding and tokenisation with offsets."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"\w+|[^\w\s]")
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe",
                         "Ü": "ue", "’": "'", "‘": "'", "–": "-", "‑": "-"})


def fold(word: str) -> str:
    """Case- and accent-insensitive key: ``Müntefering`` and ``MUENTEFERING`` fold alike."""
    if word.isascii():  # most words: nothing to translate or decompose
        return word.lower()
    return _fold_unicode(word)


@lru_cache(maxsize=1 << 15)  # the same names and words come back in every article
def _fold_unicode(word: str) -> str:
    word = word.translate(_UMLAUT)
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


class Tok(NamedTuple):
    """One token. A named tuple (immutable, like the frozen dataclass it was): made without a
    Python-level ``__init__``, which was half the cost of :func:`tokenize`."""

    start: int
    end: int
    text: str
    key: str  # folded


_make_tok = tuple.__new__


def tokenize(text: str) -> list[Tok]:
    """Word tokens and single punctuation marks (hyphens are tokens of their own)."""
    return [_make_tok(Tok, (m.start(), m.end(), word, fold(word)))
            for m in _TOKEN.finditer(text) for word in (m.group(),)]


def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in _TOKEN.findall(alias))


def case_of(alias: str) -> str:
    """``upper`` (IS, UN: exact case), ``title`` (needs a capital) or ``any`` (adjectives)."""
    letters = [*filter(str.isalpha, alias)]
    if not letters:
        return "any"
    if len(letters) > 1 and all(map(str.isupper, letters)):
        return "upper"
    return "title" if letters[0].isupper() else "any"


ADJ_ENDINGS = ("", "e", "er", "es", "en", "em")


def inflect_adjective(stem: str) -> list[str]:
    """``russisch`` → russisch, russische, russischer, russisches, russischen, russischem."""
    return [stem + ending for ending in ADJ_ENDINGS]


def genitive(name: str) -> str | None:
    """``Russland`` → ``Russlands``; ``None`` where German adds no -s (``Paris``, ``USA``)."""
    if not name or not name[-1].isalpha() or name[-1] in "sxzßSXZ" or name.isupper():
        return None
    return name + "s"
