"""The German NLP pipeline behind one small API: load the shipped model, annotate articles.

>>> from lagebild.nlp import annotate
>>> article = annotate(article)          # fills article.sentences and article.entities

Each prose block (``PROSE_BLOCKS``) is analysed on its own (``nlp.pipe``) and all offsets are
mapped back into ``article.text``. Entity labels are GermEval outer-level labels split into
``label`` (PER/LOC/ORG/OTH) and ``subtype`` (``deriv``/``part``/None).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.nlp._lean import import_spacy_without_cli

# thinc would import torch (~4 s) and spaCy its command line (~0.35 s) for nothing
import_spacy_without_cli()

import spacy  # noqa: E402
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, MORPH, POS, TAG  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from thinc.api import use_ops  # noqa: E402

from lagebild.model import PROSE_BLOCKS, Article, Entity, Sentence, Token  # noqa: E402
from lagebild.nlp import components as _components  # noqa: E402  (registers factories)
from lagebild.nlp._strings import add_referenced_strings  # noqa: E402
from lagebild.nlp.lemmatizer import use_memo_lemmatizer  # noqa: E402

MODEL_NAME = "de_lagebild"
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / MODEL_NAME

__all__ = [
    "DEFAULT_MODEL",
    "ModelNotFoundError",
    "annotate",
    "annotate_many",
    "doc_to_sentences",
    "load_pipeline",
    "split_label",
]


class ModelNotFoundError(FileNotFoundError):
    """The pipeline directory does not exist (or is not a spaCy model)."""


def split_label(label: str) -> tuple[str, str | None]:
    """``LOCderiv`` → (``LOC``, ``deriv``); ``ORGpart`` → (``ORG``, ``part``)."""
    for suffix in ("deriv", "part"):
        if label.endswith(suffix) and len(label) > len(suffix):
            return label[: -len(suffix)], suffix
    return label, None


@lru_cache(maxsize=4)
def _load(path: Path, lean: bool = True) -> Language:
    if not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"no Lagebild NLP model at {path}; train one with "
            "`lagebild train pipeline --data ../shared/data` and pass its model-best folder"
        )
    # Start-up: the vocabulary's 210,826 strings (0.2 s) are not loaded; most strings the
    # pipeline writes (lemmas, morphology, lexicon codes) enter the store as they are set,
    # lexemes are made from the text either way, and the labels and the strings the
    # lemmatizer's edit trees keep by hash are added (nlp/_strings.py), so the annotations are
    # the same (tests/test_startup_lean.py). The tokenizer starts without rules when the model
    # has its own (``lagebild.tokenizer_from_disk.v1``): spaCy would compile German defaults
    # first and then replace every one of them with the saved rules.
    # (The config is edited here, not overridden through ``spacy.load``: confection 0.1, which
    # spaCy 3.8.6 uses, accepts no override of a section the file lacks.)
    # The lemmatizer is built as lagebild_lemmatizer: spaCy's, with its per-token work memoised.
    config = use_memo_lemmatizer(spacy.util.load_config(path / "config.cfg"))
    if (path / "tokenizer").is_file():
        config["nlp"]["tokenizer"] = {"@tokenizers": _components.TOKENIZER_FROM_DISK}
    exclude = ["strings"] if lean else []
    # thinc's default matrix product (BLIS) ran at a third of numpy's OpenBLAS here (24 vs
    # 84 GFLOP/s on one core); the models take their ops when built, so this is scoped to them.
    with use_ops("numpy", use_blis=False):
        nlp = spacy.util.load_model_from_config(
            config, exclude=exclude, meta=spacy.util.get_model_meta(path)
        )
        nlp.from_disk(path, exclude=exclude)
    nlp.tokenizer = _components.YearStopTokenizer(nlp.tokenizer)
    if lean:
        add_referenced_strings(nlp, path)
    return nlp


def load_pipeline(path: Path | None = None, *, full_vocab: bool = False) -> Language:
    """The spaCy pipeline (cached per path); default: the model shipped in the package.

    For analysis: the vocabulary's string store holds only the strings the pipeline has
    met, not the model's saved ones; ``full_vocab=True`` loads those too (to save the
    pipeline again, or to look up strings of words never analysed)."""
    return _load(Path(path or DEFAULT_MODEL).resolve(), not full_vocab)


_new_token = Token.__new__
_set = object.__setattr__
# What Token.model_construct does for a model without defaults left, private attributes, extra
# fields or post-init hook, without its per-field loop: one token per word makes it a third
# of the conversion's time. tests/test_speed.py checks the result equals model_construct's.
_PLAIN_TOKEN = Token.__pydantic_post_init__ is None and not Token.__private_attributes__


def _token(fields: dict[str, Any]) -> Token:
    if not _PLAIN_TOKEN:  # the model grew a hook: take the general path
        return Token.model_construct(**fields)
    token = _new_token(Token)
    _set(token, "__dict__", fields)
    _set(token, "__pydantic_fields_set__", set(fields))
    _set(token, "__pydantic_extra__", None)
    _set(token, "__pydantic_private__", None)
    return token


def _morph_str(value: str) -> str:
    return "" if value == "_" else value


def doc_to_sentences(doc: Doc, offset: int = 0) -> list[Sentence]:
    """Sentences of a Doc with character offsets shifted by ``offset``.

    Whitespace tokens are dropped (heads stay valid: a head that was a whitespace token
    becomes the token itself). Reads the annotation as arrays (no spaCy ``Token`` objects)
    and builds the models without re-validation: this runs once per token of every article.
    """
    n = len(doc)
    if n == 0:
        return []
    arr = doc.to_array([IDX, IS_SPACE, HEAD, LEMMA, POS, TAG, MORPH, DEP]).tolist()
    strings = doc.vocab.strings
    texts = [t.text for t in doc]
    sentences: list[Sentence] = []
    for sent in doc.sents:
        s0, s1 = sent.start, sent.end
        kept = [i for i in range(s0, s1) if not arr[i][1]]
        if not kept:
            continue
        index = {i: k for k, i in enumerate(kept)}
        tokens: list[Token] = []
        for k, i in enumerate(kept):
            idx, _, head, lemma, pos, tag, morph, dep = arr[i]
            text = texts[i]
            start = offset + idx
            head_i = i + (head if head < 2**63 else head - 2**64)
            tokens.append(
                _token({
                    "text": text,
                    "start": start,
                    "end": start + len(text),
                    "lemma": strings[lemma] if lemma else "",
                    "pos": strings[pos] if pos else "",
                    "tag": strings[tag] if tag else "",
                    "morph": _morph_str(strings[morph]) if morph else "",
                    "head": index.get(head_i, k),
                    "dep": strings[dep] if dep else "",
                })
            )
        sentences.append(
            Sentence.model_construct(start=tokens[0].start, end=tokens[-1].end, tokens=tokens)
        )
    return sentences


def doc_to_entities(doc: Doc, offset: int = 0) -> list[Entity]:
    out: list[Entity] = []
    for ent in doc.ents:
        label, subtype = split_label(ent.label_)
        out.append(
            Entity(
                text=ent.text,
                start=offset + ent.start_char,
                end=offset + ent.end_char,
                label=label,
                subtype=subtype,
            )
        )
    return out


def _blocks(article: Article) -> list[tuple[int, str]]:
    return [
        (b.start, article.text[b.start : b.end])
        for b in article.blocks
        if b.type in PROSE_BLOCKS and b.end > b.start
    ] or ([(0, article.text)] if not article.blocks and article.text.strip() else [])


def annotate_many(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[Article]:
    """Annotate articles lazily, streaming all their prose blocks through ``nlp.pipe``."""
    nlp = nlp or load_pipeline()
    pending: list[tuple[Article, int]] = []  # article, number of blocks still to come
    texts: list[tuple[str, tuple[int, int]]] = []

    def flush() -> Iterator[Article]:
        results: dict[int, list[tuple[int, Doc]]] = {}
        stream = nlp.pipe(texts, as_tuples=True, batch_size=batch_size)
        for doc, (art_no, offset) in stream:
            results.setdefault(art_no, []).append((offset, doc))
        for art_no, (article, _) in enumerate(pending):
            sentences: list[Sentence] = []
            entities: list[Entity] = []
            for offset, doc in sorted(results.get(art_no, []), key=lambda x: x[0]):
                sentences.extend(doc_to_sentences(doc, offset))
                entities.extend(doc_to_entities(doc, offset))
            article.sentences = sentences
            article.entities = entities
            yield article

    for article in articles:
        art_no = len(pending)
        blocks = _blocks(article)
        pending.append((article, len(blocks)))
        texts.extend((text, (art_no, start)) for start, text in blocks)
        if len(texts) >= batch_size * 4:
            yield from flush()
            pending, texts = [], []
    if pending:
        yield from flush()


def annotate(article: Article, nlp: Language | None = None) -> Article:
    """Fill ``article.sentences`` and ``article.entities`` (offsets into ``article.text``)."""
    return next(annotate_many([article], nlp=nlp))
