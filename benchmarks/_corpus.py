"""The benchmark corpus: 10kGNAD's test split (``label;'text'``, ``'`` as quote character)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def read_articles(path: Path, limit: int = 0) -> list[str]:
    """Article texts of the 10kGNAD CSV, in file order (at most ``limit`` when given)."""
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                texts.append(row[1])
            if limit and len(texts) >= limit:
                break
    return texts
