"""Small stores written event by event, so the brief's ranking and change sections can be
checked against counts known in advance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lagebild.model import Article
from lagebild.store import Store


@pytest.fixture()
def build_store(tmp_path: Path) -> Callable[[list[Article]], Path]:
    def build(articles: list[Article]) -> Path:
        path = tmp_path / "brief.db"
        with Store(path) as store, store.transaction():
            for article in articles:
                store.add(article)
        return path
    return build
