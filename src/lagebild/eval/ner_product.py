"""Entity spans through the product path: the gold words as raw text, through ``analyze``.

``lagebild eval ner FILE --product`` scores what a user of ``lagebild analyze`` gets, not the
NER component on gold words: each gold sentence is written out as text (spaces as the file
records them, else one space between words except before closing punctuation and after
opening brackets), analysed as an article of its own by the mode's stages (the tokenizer,
the language pipeline or the teacher, and the actor layer, which relabels names of KB persons
and adds gazetteer entities), and the ``Article.entities`` it returns are mapped back to the
gold words: an entity covers every word it overlaps, so a name cut inside a word ("US" of
"US-Präsident") becomes a span over that whole word, as the GermEval and CoNLL tokens are
the unit of their labels.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from lagebild.eval.quotes import article_from_text
from lagebild.model import Article
from lagebild.training.data import GoldSentence

Span3 = tuple[int, int, str]

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%"})
_NO_SPACE_AFTER = frozenset({"(", "["})


def sentence_text(sent: GoldSentence) -> tuple[str, list[int]]:
    """The sentence as raw text and the character offset of each word."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, word in enumerate(sent.words):
        if i:
            if sent.spaces is not None:
                gap = " " if sent.spaces[i - 1] else ""
            else:
                gap = "" if word in _NO_SPACE_BEFORE or sent.words[i - 1] in _NO_SPACE_AFTER \
                    else " "
            parts.append(gap)
            pos += len(gap)
        starts.append(pos)
        parts.append(word)
        pos += len(word)
    return "".join(parts), starts


def word_spans(article: Article | None, words: Sequence[str],
               starts: Sequence[int]) -> list[Span3]:
    """``article``'s entities as (first word, last word + 1, label with subtype) spans."""
    if article is None:
        return []
    spans: set[Span3] = set()
    for ent in article.entities:
        first = bisect_right(starts, ent.start) - 1
        last = bisect_right(starts, ent.end - 1) - 1
        if first < 0 or last < first:
            continue
        spans.add((first, last + 1, str(ent.label) + (ent.subtype or "")))
    return sorted(spans)


def product_spans(sents: Sequence[GoldSentence], accurate: bool = False) -> list[list[Span3]]:
    """The entity spans ``lagebild analyze [--accurate]`` gives for each gold sentence."""
    from lagebild.pipeline import Analyzer, choose_stages

    texts = [sentence_text(s) for s in sents]
    analyzer = Analyzer(choose_stages(accurate=accurate))
    articles = [article_from_text(text, f"eval-ner/{i}", reader="eval")
                for i, (text, _) in enumerate(texts)]
    out: list[list[Span3]] = []
    for sent, (_, starts), result in zip(sents, texts, analyzer.run(articles), strict=True):
        out.append(word_spans(result if isinstance(result, Article) else None,
                              sent.words, starts))
    return out
