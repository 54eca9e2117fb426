"""Stage ``speakers``: the actor each statement's speaker and addressee refer to (through
the actor layer's mentions, which include pronouns and role nouns); a pronoun in a speaker's
own direct quotation no longer names that speaker."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


@register("speakers", requires=("statements", "actors"), assigns=("statements", "actors"))
def load() -> StageFunc:
    """Link statement speakers and addressees to actors."""
    from lagebild.actors.speakers import link_speakers

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return (link_speakers(article) for article in articles)

    return run
