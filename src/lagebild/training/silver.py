"""HanTa silver STTS tags and lemmas on raw German text (train extra only).

HanTa (Hannover Tagger, ``pip install HanTa``) ships a TIGER-trained tagger and lemmatizer.
It writes STTS tags as ``VV(FIN)``/``ADJ(A)``; they are normalised to plain STTS
(``VVFIN``, ``ADJA``) and onto the spelling of the gold corpora (:data:`STTS_MAP`).
Sentences come from :mod:`lagebild.training.raw`; the result is cached as JSON lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lagebild.training.data import STTS_MAP, STTS_TAGS, GoldSentence
from lagebild.training.raw import mixed_sentences

HANTA_SOURCES = ("wikinews", "gnad", "spkatt")


HANTA_TAGS = {"NNA": "NN", "NNI": "NN"}  # HanTa's noun subclasses


def normalise_tag(tag: str) -> str:
    tag = tag.replace("(", "").replace(")", "")
    tag = HANTA_TAGS.get(tag, tag)
    return STTS_MAP.get(tag, tag)


def fix_lemma(word: str, lemma: str, tag: str) -> str:
    """HanTa lower-cases inner parts of hyphenated names (``Us-außenminister``)."""
    if tag in ("NN", "NE", "FM") and lemma.lower() == word.lower():
        return word
    if lemma in ("--", ""):
        return word
    return lemma


def hanta_label(sentences: Iterable[list[str]]) -> Iterable[GoldSentence]:
    from HanTa import HanoverTagger

    tagger: Any = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    for words in sentences:
        result = tagger.tag_sent(words, taglevel=1)
        tags = [normalise_tag(t) for _, _, t in result]
        if any(t not in STTS_TAGS for t in tags):
            continue
        lemmas = [fix_lemma(w, lem, t) for w, (_, lem, _), t in zip(words, result, tags,
                                                                   strict=True)]
        yield GoldSentence(words=list(words), tags=tags, lemmas=lemmas, source="hanta")


def build_hanta_silver(data: Path, out: Path, max_tokens: int = 300_000) -> int:
    """Label ``max_tokens`` words round-robin from :data:`HANTA_SOURCES`; JSON lines.

    Written to ``OUT.part`` and renamed at the end: an interrupted run leaves no ``out`` that
    a training could take for the whole set.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    n = 0
    with part.open("w", encoding="utf-8") as fh:
        sents = (w for _, w in mixed_sentences(data, HANTA_SOURCES, max_tokens))
        for s in hanta_label(sents):
            fh.write(json.dumps({"w": s.words, "t": s.tags, "l": s.lemmas},
                                ensure_ascii=False) + "\n")
            n += 1
    part.replace(out)
    return n


def read_hanta_silver(path: Path) -> list[GoldSentence]:
    out: list[GoldSentence] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append(GoldSentence(words=rec["w"], tags=rec["t"], lemmas=rec["l"],
                                    source="hanta"))
    return out
