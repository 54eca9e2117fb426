"""Word lists kept as data files in ``lagebild/ingest/data``: one entry per line, ``#`` comments."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def data_words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>``, read once per process."""
    text = resources.files("lagebild.ingest").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
