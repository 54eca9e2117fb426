"""Inline teaser widgets: other articles' headlines that a scraper saved inside a paragraph.

MSN's pages in the XGLUE news corpus carry a "Die Top-Themen der MSN-Leser:" box of three
headlines in the middle of the article; a text dump runs it into the paragraph around it with
no line break ("… Zeitung . Die Top-Themen der MSN-Leser: Panne vor Norwegen: Deutsches U-Boot
läuft auf Grund … Trump: USA stellen Flugverkehr mit Venezuela ein Macron reagierte …"). Read
as prose, those headlines gave events and statements to the wrong article.

:func:`find_teaser_widgets` finds the widgets of one stretch of text by the labels of
``data/teaser-widgets.toml``; :func:`carve_teaser_widgets` makes each a ``related`` block of the
article being built (the text itself is kept whole, so nothing is lost and offsets stay valid;
no analysis stage reads a ``related`` block). Where the last headline ends is not marked, so it
is found by the shape of what follows (see the data file).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lagebild.model import ArticleBuilder, BlockType

#: block types a widget is cut out of
CARVED_BLOCKS = (BlockType.PARAGRAPH, BlockType.TEASER)
#: quotation marks that may open the article's next sentence
OPENING_QUOTES = ("„", '"', "«", "»", "“", "‚", "'")
#: lowercase words after which a quotation mark continues a headline ("verlässt „James …")
_FUNCTION_WORDS = frozenset(
    "von vom im in des der die das den dem zu zum zur mit auf an am für bei über unter nach "
    "aus um ein eine einen einem einer und oder".split())
#: a word ending a sentence: a full stop, maybe before closing quotes or a parenthesis
_SENTENCE_END = re.compile(r"\.[\"“”»«')\]]*$")
#: words with a full stop that end no sentence (an ordinal, an initial, abbreviations)
_NO_END = re.compile(r"^(?:\d+\.|[A-ZÄÖÜ]\.|Co\.|Dr\.|St\.|Nr\.|bzw\.|z\.B\.|u\.a\.|ca\.)$")


@dataclass(frozen=True)
class Widget:
    label: re.Pattern[str]
    headlines: int


@dataclass(frozen=True)
class WidgetRules:
    widgets: tuple[Widget, ...]
    sentence_starts: frozenset[str]


@lru_cache(maxsize=1)
def widget_rules() -> WidgetRules:
    """The widget labels and sentence-start words of ``data/teaser-widgets.toml``."""
    raw = tomllib.loads(resources.files("lagebild.ingest").joinpath(
        "data/teaser-widgets.toml").read_text("utf-8"))
    return WidgetRules(
        widgets=tuple(Widget(re.compile(w["pattern"]), int(w["headlines"]))
                      for w in raw["widget"]),
        sentence_starts=frozenset(raw["sentence_starts"]))


def find_teaser_widgets(text: str, start: int = 0,
                        end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of every widget in ``text[start:end]``, in text order."""
    rules = widget_rules()
    end = len(text) if end is None else end
    found: list[tuple[int, int]] = []
    for widget in rules.widgets:
        at = start
        while (label := widget.label.search(text, at, end)) is not None:
            at = label.end()
            if widget.headlines:
                at = _widget_end(text, at, end, widget.headlines, rules.sentence_starts)
            found.append((label.start(), at))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:  # "Mehr auf MSN" inside a box that runs to the end: one widget
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _widget_end(text: str, after: int, end: int, headlines: int,
                starts: frozenset[str]) -> int:
    """Where the article resumes after ``headlines`` teasers that begin at ``after``."""
    words = [(m.start() + after, m.end() + after, m.group())
             for m in re.finditer(r"\S+", text[after:end])]
    colons = 0
    last_title: int | None = None  # the index of the last headline's first word
    for i, (_, w_end, word) in enumerate(words):
        if last_title is not None and i - last_title >= 2:
            prev = words[i - 1][2]
            if prev[-1] in "?!":
                return words[i - 1][1]
            if prev[-1] not in ":,;-–" and word in starts:
                return words[i - 1][1]
            if i - last_title >= 3 and word.startswith(OPENING_QUOTES) \
                    and not prev.endswith(OPENING_QUOTES) \
                    and prev.lower() not in _FUNCTION_WORDS:
                return words[i - 1][1]
        if colons >= headlines and _SENTENCE_END.search(word) and not _NO_END.match(word):
            return w_end  # no clear start: the widget takes the sentence it ran into
        if word.endswith(":"):
            colons += 1
            if colons == headlines:
                last_title = i + 1
    return end


def carve_teaser_widgets(builder: ArticleBuilder) -> None:
    """Cut every widget out of the paragraph or teaser block that holds it, as a ``related``
    block; the text is unchanged."""
    text = builder.text
    spans = [w for b in builder.blocks if b.type in CARVED_BLOCKS
             for w in find_teaser_widgets(text, b.start, b.end)]
    if spans:
        builder.carve(spans, BlockType.RELATED)
