"""Attach actors to statements: the speaker span's linked actor becomes ``speaker_actor``.

Runs after the ``actors`` stage. A speaker span ("er", "Kerry", "der US-Außenminister") is
matched against the article's actor mentions (which include coreference: pronouns and role
nouns resolved to persons); the mention overlapping the span most wins.
"""

from __future__ import annotations

from typing import Any

from lagebild.model import Article


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def speaker_actor(article: Article, speaker: dict[str, Any]) -> str | None:
    start, end = int(speaker["start"]), int(speaker["end"])
    best: tuple[int, str] | None = None
    for actor in article.actors:
        for mention in actor.get("mentions", []):
            shared = _overlap(start, end, int(mention["start"]), int(mention["end"]))
            if shared and (best is None or shared > best[0]):
                best = (shared, str(actor["id"]))
    return best[1] if best else None


def link_speakers(article: Article) -> Article:
    """A copy of ``article`` whose statements carry ``speaker_actor`` (an actor id or None)."""
    statements = []
    for statement in article.statements:
        speaker = statement.get("speaker")
        actor = speaker_actor(article, speaker) if isinstance(speaker, dict) else None
        statements.append({**statement, "speaker_actor": actor})
    return article.model_copy(update={"statements": statements})
