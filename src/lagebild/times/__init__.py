"""German temporal expressions: finding them in article text and resolving their values.

Rules, not a model: :mod:`lagebild.times.extract` finds expressions with precompiled regular
expressions built from the word lists in ``data/lexicon.json``; :mod:`lagebild.times.normalise`
resolves TIMEX3-style values against the publication date (its docstring states the rules).

- :func:`find_times` — the expressions of a text, as :class:`~lagebild.model.TimeExpression`
  (:mod:`lagebild.times.find`).
- :func:`annotate` — fills ``Article.times`` (the ``times`` stage).
- :func:`date_for_span` — the expression that dates an event's act (:mod:`lagebild.times.attach`).

Values: ``2014-03``, ``2015-09-16``, ``2015-W38``, ``2015-W38-WE``, ``2014-SP``, ``199`` (a
decade), ``2008-01-28TMO`` (a part of day), ``2011-05-31T09:00``, ``PRESENT_REF``; durations
``P4Y``, ``PT3H``, ``PXY``; sets ``P1Y``, ``XXXX-WXX-1`` (every Monday). Without a publication
date, relative expressions stay underspecified (``XXXX-10-03``) or None (``gestern``).
"""

from __future__ import annotations

from lagebild.model import Article
from lagebild.times.attach import date_for_span
from lagebild.times.find import find_times

__all__ = ["annotate", "date_for_span", "find_times"]


def annotate(article: Article) -> Article:
    """Fill ``article.times`` (uses ``article.sentences`` for sentence bounds when present)."""
    article.times = find_times(article.text, article.published, article.sentences or None)
    return article

