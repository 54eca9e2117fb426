"""Raw German text from ``../shared/data`` as sentences of words, for silver labels.

Sources (all NonCommercial licensed, see ``MODEL_CARD.md``):

- ``wikinews``: ``originalText`` of the Wikinews quotation *train* split (the dev split is
  never read here, so the statements evaluation stays clean);
- ``gnad``: 10kGNAD test articles (also the speed benchmark's input);
- ``spkatt``: SpkAtt-2023 debate sentences (train split; already tokenized);
- ``rw``: Redewiedergabe (historical fiction/non-fiction, already tokenized);
- ``xglue``: 1,000 MSN news articles of 2017 (``news/raw-extra``, XGLUE terms, research use):
  each title as a text of its own (title case without sentence context, as in headlines and
  kickers), then the body.

Running text is tokenized with the shipped pipeline's tokenizer rules
(:func:`lagebild.nlp.components.customize_tokenizer`) and split with the rule senter, so silver
sentences look like what the model sees at run time. Output order is deterministic.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy

from lagebild.nlp.components import customize_tokenizer, segment

WIKINEWS_TRAIN = "quotes/wikinews-quotes-2024/train"
GNAD = "news/10kgnad-test.csv"
SPKATT_TRAIN = "quotes/spkatt2023-debates/train/task1"
REDEWIEDERGABE = "quotes/redewiedergabe/tsv"
XGLUE = "news/raw-extra/xglue-news-de-dev.tsv"
#: The shipped recipe's sources (``recipe.DISTILL_SOURCES``, which cannot import this module:
#: a test keeps the two equal); ``xglue`` is opt-in (``lagebild train distill --sources``).
RAW_SOURCES = ("wikinews", "gnad", "spkatt", "rw", "xglue")
#: What each raw source reads: ``(files, folders)`` under the data folder.
RAW_PATHS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "wikinews": ((), (WIKINEWS_TRAIN,)),
    "gnad": ((GNAD,), ()),
    "spkatt": ((), (SPKATT_TRAIN,)),
    "rw": ((), (REDEWIEDERGABE,)),
    "xglue": ((XGLUE,), ()),
}


def raw_requirements(sources: Iterable[str] = RAW_SOURCES) -> tuple[list[str], list[str]]:
    """The files and folders that :func:`mixed_sentences` over ``sources`` reads."""
    files = [f for s in sources for f in RAW_PATHS[s][0]]
    folders = [d for s in sources for d in RAW_PATHS[s][1]]
    return files, folders
MIN_WORDS, MAX_WORDS = 3, 80


def _texts_wikinews(data: Path) -> Iterator[str]:
    for path in sorted((data / WIKINEWS_TRAIN).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = doc.get("originalText") or ""
        if text.strip():
            yield text


def gnad_rows(data: Path) -> Iterator[tuple[str, str]]:
    """(section label, text) of every 10kGNAD test article."""
    csv.field_size_limit(sys.maxsize)
    with (data / GNAD).open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                yield row[0], row[1]


def xglue_rows(data: Path) -> Iterator[tuple[str, str, str]]:
    """(title, body, category) of every XGLUE news article."""
    csv.field_size_limit(sys.maxsize)
    with (data / XGLUE).open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2:
                yield row[0], row[1], row[2] if len(row) >= 3 else ""


def _texts_gnad(data: Path) -> Iterator[str]:
    for _, text in gnad_rows(data):
        if text.strip():
            yield text


def _texts_xglue(data: Path) -> Iterator[str]:
    for raw_title, raw_body, _ in xglue_rows(data):
        title, body = raw_title.strip(), raw_body.strip()
        if title:
            yield title
        if body and body != title:  # some rows repeat the title as the body
            yield body


_RUNNING_TEXTS: dict[str, Callable[[Path], Iterator[str]]] = {
    "wikinews": _texts_wikinews,
    "gnad": _texts_gnad,
    "xglue": _texts_xglue,
}


def _sents_spkatt(data: Path) -> Iterator[list[str]]:
    for path in sorted((data / SPKATT_TRAIN).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for sent in doc.get("Sentences", []):
            words = [w for w in sent.get("Tokens", []) if w.strip()]
            if words:
                yield words


def _sents_rw(data: Path) -> Iterator[list[str]]:
    for path in sorted((data / REDEWIEDERGABE).glob("*.tsv")):
        if path.name == "metadata.tsv":
            continue
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) < 6:
                continue
            if cols[5] == "yes" and words:
                yield words
                words = []
            if cols[0].strip():
                words.append(cols[0])
        if words:
            yield words


def raw_sentences(data: Path, source: str) -> Iterator[list[str]]:
    """Sentences (word lists, 3–80 words) of one raw source, in a fixed order."""
    if source in ("spkatt", "rw"):
        stream = _sents_spkatt(data) if source == "spkatt" else _sents_rw(data)
        for words in stream:
            if MIN_WORDS <= len(words) <= MAX_WORDS:
                yield words
        return
    texts = _RUNNING_TEXTS[source](data)
    nlp = spacy.blank("de")
    customize_tokenizer(nlp)
    tokenizer: Any = nlp.tokenizer
    for doc in tokenizer.pipe(texts, batch_size=64):
        words = [t.text for t in doc]
        starts = segment(words)
        cur: list[str] = []
        for w, start in zip(words, starts, strict=True):
            if start and cur:
                if MIN_WORDS <= len(cur) <= MAX_WORDS:
                    yield cur
                cur = []
            if w.strip():
                cur.append(w)
        if MIN_WORDS <= len(cur) <= MAX_WORDS:
            yield cur


def mixed_sentences(
    data: Path, sources: tuple[str, ...], max_tokens: int
) -> Iterator[tuple[str, list[str]]]:
    """Round-robin over the sources until ``max_tokens`` words (deterministic)."""
    streams = {s: raw_sentences(data, s) for s in sources}
    total = 0
    while streams and total < max_tokens:
        for name in list(streams):
            words = next(streams[name], None)
            if words is None:
                del streams[name]
                continue
            total += len(words)
            yield name, words
            if total >= max_tokens:
                return
