"""Stage ``events``: PLOVER/CAMEO event coding (who did what to whom, when) from the German
trigger lexicon of ``lagebild/events/data``, with the actor layer's actors as arguments.

Reads ``statements`` and ``times`` when an earlier stage filled them (quotation index,
modality of reported claims, event dates); it does not require them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


@register("events", requires=("text", "sentences", "entities", "actors"), assigns=("events",))
def load() -> StageFunc:
    """Event coder: PLOVER type, CAMEO code, source/target actors, modality, date."""
    from lagebild.events import code_many
    from lagebild.events.lexicon import load_lexicon

    load_lexicon()  # parse the data files once, at load

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return code_many(articles)

    return run
