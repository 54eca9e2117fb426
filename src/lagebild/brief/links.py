"""Links from a brief item to its evidence: the dashboard's article page with the range
highlighted (``#/article/ID?hl=START-END``)."""

from __future__ import annotations

from urllib.parse import quote

#: the dashboard's address when a brief is rendered outside the server (HTML file, Markdown)
DEFAULT_BASE = "http://127.0.0.1:8000/"


def evidence_href(article_id: str, start: int, end: int, base: str = "") -> str:
    """``{base}#/article/{id}?hl={start}-{end}``; ``base`` empty: relative to the dashboard."""
    return f"{base}#/article/{quote(article_id, safe='')}?hl={int(start)}-{int(end)}"

