"""One options object shared by the library, the CLI and the API (trafilatura-style).

Values come from arguments, else from ``LAGEBILD_*`` environment variables, else defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_db_path() -> Path:
    """``$LAGEBILD_DB``, else ``$XDG_DATA_HOME/lagebild/lagebild.db`` (``~/.local/share/…``)."""
    env = os.environ.get("LAGEBILD_DB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "lagebild" / "lagebild.db"


@dataclass(frozen=True)
class Options:
    """How inputs are read and checked."""

    # Records larger than this (characters of text) are rejected with E008 instead of
    # analysed: a 50 MB single line is almost always a broken export, not an article.
    max_chars: int = int(os.environ.get("LAGEBILD_MAX_CHARS", 1_000_000))
    min_chars: int = 20
    # Bytes of one input held in memory at once: larger JSONL/CSV/WARC files are read in
    # shards of this size, other larger inputs (and gzip data that expands beyond it, e.g.
    # a compression bomb) fail with E015 instead of exhausting memory.
    max_input_bytes: int = int(os.environ.get("LAGEBILD_MAX_INPUT_BYTES", 1 << 30))
    # Skip inputs that are not German (language detection on the prose).
    require_german: bool = os.environ.get("LAGEBILD_ALLOW_ANY_LANGUAGE", "") == ""
    min_language_confidence: float = 0.5
    published: str | None = None  # fallback publication date for inputs without one
    formats: tuple[str, ...] = field(default_factory=tuple)  # force a reader ("textdump" …)
