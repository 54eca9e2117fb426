"""Articles with one event each, written so the brief's ranking and change sections can be
checked against counts known in advance (shared by tests/brief; tests/ is on sys.path)."""

from __future__ import annotations

from collections.abc import Iterable

from lagebild.model import (
    ActorRef,
    Article,
    ArticleBuilder,
    BlockType,
    Entity,
    Event,
    Offsets,
    PloverType,
    Source,
    Span,
)

# (PLOVER, CAMEO, QuadClass, Goldstein, trigger word)
KINDS = {
    "ASSAULT": ("190", 4, -9.0, "griff"),
    "ACCUSE": ("111", 3, -2.0, "kritisierte"),
    "CONSULT": ("040", 1, 1.0, "traf"),
}


def make_article(source: str, kind: str, target: str, published: str, outlet: str,
                 agencies: Iterable[str] = (), note: str = "",
                 ids: tuple[str, str] | None = None) -> Article:
    """One article with one event ``source KIND target`` and its two actors' mentions;
    ``ids``: the two actors' ids (default ``new:loc:<name>``)."""
    cameo, quad, goldstein, word = KINDS[kind]
    sentence = f"{source} {word} {target} an. {note}".strip()
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, sentence)
    builder.add_source(f"Quelle: {outlet}", Source(outlet=outlet, agencies=list(agencies)))
    builder.set(published=published)
    article = builder.build()
    text = article.text
    s, t, w = text.index(source), text.index(target), text.index(word)
    sid, tid = ids or ("new:loc:" + source.lower(), "new:loc:" + target.lower())
    return article.model_copy(update={
        "entities": [Entity(text=source, start=s, end=s + len(source), label="LOC", actor=sid),
                     Entity(text=target, start=t, end=t + len(target), label="LOC", actor=tid)],
        "events": [Event(
            type=PloverType(kind), cameo=cameo, quad_class=quad, goldstein=goldstein,
            source=[ActorRef(id=sid, name=source)], target=[ActorRef(id=tid, name=target)],
            trigger=Span(start=w, end=w + len(word), text=word),
            sentence=Offsets(start=0, end=len(sentence)))],
    })
