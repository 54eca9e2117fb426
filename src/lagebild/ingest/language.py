"""Language identification: a German function-word check first, py3langid when it is unsure.

Almost every input of Lagebild is German news, and py3langid costs about 0.4 s to load and a
few milliseconds per article. A text is taken as German without the model when at least
``MIN_SHARE`` of its first words are German function words (``data/german-function-words.txt``,
words rare in other languages) and at least ``MIN_DISTINCT`` different ones occur: German news
prose has 25–45 % of them, other languages a few percent. Everything else — short texts,
other languages, mixed text — goes to py3langid as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lagebild.ingest.wordlists import data_words

MIN_WORDS = 40  # fewer words: ask the model
MIN_SHARE = 0.22
MIN_DISTINCT = 10

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from lagebild.ingest.langid_cache import load_identifier  # model decompressed once

    return load_identifier(norm_probs=True)


def german_function_words() -> frozenset[str]:
    return data_words("german-function-words.txt")


def clearly_german(text: str) -> bool:
    """True when ``text`` has enough German function words to need no model."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return False
    known = german_function_words()
    hits = [w for w in words if w in known]
    return len(hits) >= MIN_SHARE * len(words) and len(set(hits)) >= MIN_DISTINCT


def detect_language(text: str, sample: int = 3000) -> tuple[str, float]:
    """Return ``(iso639-1 code, probability)`` for the start of ``text`` (1.0 when the
    function-word check decided)."""
    head = text[:sample]
    if clearly_german(head):
        return "de", 1.0
    lang, prob = _identifier().classify(head)
    return str(lang), float(prob)
