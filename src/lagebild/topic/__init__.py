"""Soft or hard news: a document-level classifier of what kind of article this is.

Event coding was written for hard news (politics, conflict, crime, the economy). In sports,
entertainment and lifestyle reports the same words carry other senses: a striker "schießt",
a coach "fordert" more effort, a singer "kritisiert" a rival, "Brasilien" is a football team.
The ``topic`` stage labels each article ``soft`` or ``hard`` (the distinction of Reinemann et
al., "Hard and soft news: A review of concepts", Journalism 13(2), 2012), and the event coder
keeps, in a soft-news article, only the events of police, courts, the military or armed
groups (:mod:`lagebild.events.gate`).

The classifier is a spaCy bag-of-words text classifier (``spacy.TextCatBOW.v3``) trained by
``lagebild train topic`` on the section labels of 2,003 news articles (10kGNAD, XGLUE); see
``lagebild/models/TOPIC_CARD.md``. It reads the tokens the ``nlp`` stage made (training
tokenizes with the same pipeline's tokenizer) of the first :data:`MAX_CHARS` characters, and
answers nothing for texts under :data:`MIN_WORDS` words, where a section cannot be told (a
sentence or two, as in the event evaluation sets).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.model import Article, Topic

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "topic"
MIN_WORDS = 80  # shorter texts get no topic: a sentence or two does not show the section
MAX_CHARS = 5000  # the headline and the first paragraphs show the section; bounds the cost
SOFT = "soft"
HARD = "hard"
DEFAULT_THRESHOLD = 0.7  # P(soft) from which an article is soft (TOPIC_CARD.md: chosen by CV)


class TopicClassifier:
    """A trained soft/hard news classifier (a spaCy pipeline with one ``textcat``)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.textcat = nlp.get_pipe("textcat")
        meta = nlp.meta.get("lagebild", {})
        self.threshold = round(float(meta.get("threshold", DEFAULT_THRESHOLD)), 4)

    def score(self, words: Sequence[str]) -> float:
        """P(soft) of a text given as its tokens."""
        from spacy.tokens import Doc

        doc = self.textcat(Doc(self.nlp.vocab, words=list(words)))
        return float(doc.cats.get(SOFT, 0.0))

    def classify(self, article: Article) -> Topic | None:
        """``soft`` or ``hard`` with P(soft), from the tokens of the first :data:`MAX_CHARS`
        characters; None for texts under :data:`MIN_WORDS` (whitespace-separated) words."""
        if len(article.text.split()) < MIN_WORDS:
            return None
        words = [t.text for s in article.sentences if s.start < MAX_CHARS for t in s.tokens
                 if t.end <= MAX_CHARS]
        score = self.score(words)
        return Topic(label=SOFT if score >= self.threshold else HARD, score=round(score, 3))


def load_classifier(path: Path | None = None, vocab: Vocab | None = None) -> TopicClassifier:
    """The classifier saved at ``path`` (default: the shipped one). With ``vocab`` (the
    language pipeline's) it shares that vocabulary: the words the ``nlp`` stage has met are
    known there, so scoring creates no lexemes and the classifier holds no strings of its own
    (the bag-of-words model reads the words' hashes, whichever vocabulary holds them)."""
    import spacy

    where = path or MODEL_DIR
    if not (where / "meta.json").exists():
        raise OSError(f"no topic model at {where} (train one: lagebild train topic)")
    return TopicClassifier(spacy.load(where, vocab=vocab if vocab is not None else True))


@lru_cache(maxsize=1)
def shipped_classifier() -> TopicClassifier:
    """The shipped classifier on the shipped language pipeline's vocabulary."""
    from lagebild.nlp import load_pipeline

    return load_classifier(vocab=load_pipeline().vocab)


def classify_many(articles: Iterable[Article],
                  classifier: TopicClassifier | None = None) -> Iterator[Article]:
    """Fill ``article.topic`` (None for short texts)."""
    clf = classifier or shipped_classifier()
    for article in articles:
        article.topic = clf.classify(article)
        yield article
