"""Stage ``quotes`` (accurate mode): quotation, cue, speaker and addressee spans from the
transformer quotation-role tagger (``lagebild/models/quotes``; needs the ``accurate`` extra)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article, Statement
from lagebild.model_migrate import migrate_statement
from lagebild.stages import StageFunc, register
from lagebild.stages.entities import probe_accurate


def _probe() -> str | None:
    from lagebild.transformer.extra import accurate_available

    if not accurate_available():
        return probe_accurate()
    from lagebild.statements.tagger import DEFAULT_QUOTES

    if not (DEFAULT_QUOTES / "config.json").is_file():
        return f"no quotation model at {DEFAULT_QUOTES}; reinstall Lagebild"
    return probe_accurate()


@register("quotes", requires=("text", "sentences"), assigns=("statements",), extra="accurate",
          probe=_probe)
def load() -> StageFunc:
    """Transformer quotation-role tagger: statements with quote, cue, speaker, addressee."""
    from lagebild.statements.tagger import load_quote_tagger, tag_quotes

    tagger = load_quote_tagger()

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            found = (migrate_statement(d, article.text) for d in tag_quotes(article, tagger))
            statements = [Statement.model_validate(d) for d in found if d is not None]
            yield article.model_copy(update={"statements": statements})

    return run
