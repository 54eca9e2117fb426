"""Articles travel between processes as JSON; the store gets what it needs without a second
validation of the tokens, and older documents still migrate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.distributed.documents import stored_article
from lagebild.model import Article
from lagebild.pipeline import DEFAULT_STAGES, Analyzer


def test_stored_article_skips_only_what_the_store_never_reads(samples_dir: Path) -> None:
    text = (samples_dir / "wikinews-12291.txt").read_text(encoding="utf-8")
    article = next(iter(Analyzer(DEFAULT_STAGES).run([Article(text=text)])))
    assert isinstance(article, Article) and article.sentences[0].tokens
    doc = article.to_json()
    light, stored = stored_article(doc)
    assert stored == doc  # kept byte for byte
    assert light.model_dump(exclude={"sentences"}) == article.model_dump(exclude={"sentences"})
    assert [(s.start, s.end, s.tokens) for s in light.sentences] == [
        (s.start, s.end, []) for s in article.sentences]
    # an older schema version is validated (and migrated) in full; the store re-serialises it
    data = json.loads(doc)
    data["schema_version"] = 0
    full, stored = stored_article(json.dumps(data))
    assert stored is None and full.sentences[0].tokens
    # tokens that are not a list go through full validation, which names the problem
    data = json.loads(doc)
    data["sentences"][0]["tokens"] = "broken"
    with pytest.raises(ValueError, match="tokens"):
        stored_article(json.dumps(data))
    with pytest.raises(ValueError):
        stored_article(doc[:-10])
