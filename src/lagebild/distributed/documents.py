"""Articles between processes as the JSON the store keeps.

A worker's analysed ``Article`` reaches the store in one of two ways: through a Parquet part
(``ingest --parquet``, then ``merge``) or through Dask to the client (``ingest --workers``).
Either way it travels as ``Article.to_json()``: a string costs nothing to pickle, while an
``Article`` is pickled model by model (10kGNAD articles: 2.3 ms to pickle, 4.9 ms to unpickle
each). :func:`stored_article` turns the string back into what ``Store.add`` needs.
"""

from __future__ import annotations

import pydantic_core

from lagebild.model import SCHEMA_VERSION, Article


def stored_article(doc: str) -> tuple[Article, str | None]:
    """The article of a document a worker wrote, and the JSON the store keeps.

    A document of this schema version is what ``Article.to_json`` gave in the worker, so the
    store keeps it byte for byte and its tokens are not validated again: the article returned
    has its sentences' bounds without their tokens, which the store never reads. Validating
    the tokens and serialising them again was a third of the merge's CPU (3.3 of 9.7 ms per
    article). A document of an older version is validated in full (and migrated); the store
    then writes the migrated article's JSON (``None``)."""
    data = pydantic_core.from_json(doc, cache_strings="keys")  # 2x json.loads here
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        return Article.from_json(doc), None
    sentences = data.get("sentences")
    if not isinstance(sentences, list) or not all(
            isinstance(s, dict) and isinstance(s.get("tokens", []), list) for s in sentences):
        return Article.from_json(doc), None  # let validation say what is wrong
    data["sentences"] = [{k: v for k, v in s.items() if k != "tokens"} for s in sentences]
    return Article.model_validate(data), doc
