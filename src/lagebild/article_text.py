"""The text view of one analysed article (``lagebild analyze -f text``, ``lagebild show``):
its structure, then what the analysis found in it — actors, statements, events — one line
each, so that a reader sees who said what and who did what to whom without reading JSON.

Only formatting: every value comes from the :class:`~lagebild.model.Article` as the JSON
output has it (no store, no second analysis).
"""

from __future__ import annotations

from collections.abc import Iterator

from lagebild.model import ActorRef, Article, Event, Statement

#: the longest quote or sentence shown on one line (the JSON output has the whole text)
MAX_TEXT = 160
#: the most actors listed (by mentions, most first)
MAX_ACTORS = 15


def structure_rows(article: Article) -> Iterator[tuple[str, str]]:
    """Label and value of each structural field the article has."""
    for label, value in (
        ("id", article.id),
        ("section", article.section),
        ("kicker", article.kicker),
        ("headline", article.headline),
        ("published", article.published),
        ("url", article.url),
        ("outlet", article.source.outlet),
        ("authors", ", ".join(article.source.authors)),
        ("agencies", ", ".join(article.source.agencies)),
        ("teaser", article.teaser),
        ("images", "; ".join(f"{i.file} — {i.caption} ({i.credit})" for i in article.images)),
        ("subheadings", "; ".join(article.subheadings)),
        ("paragraphs", str(len(article.paragraphs))),
        ("sentences", str(len(article.sentences)) if article.sentences else None),
        ("entities", ", ".join(f"{e.text}/{e.label}" for e in article.entities[:40]) or None),
    ):
        if value:
            yield label, str(value)


def shorten(text: str, limit: int = MAX_TEXT) -> str:
    """One line of at most ``limit`` characters (whitespace collapsed, "…" where cut)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def actor_lines(article: Article) -> list[str]:
    """The article's actors, most mentioned first: name, id and CAMEO code, mentions."""
    ranked = sorted(article.actors, key=lambda a: (-len(a.mentions), a.name))
    lines = []
    for actor in ranked[:MAX_ACTORS]:
        code = f", {actor.cameo}" if actor.cameo and actor.cameo != actor.id else ""
        lines.append(f"{actor.name} ({actor.id}{code}) ×{len(actor.mentions)}")
    if len(ranked) > MAX_ACTORS:
        lines.append(f"… and {len(ranked) - MAX_ACTORS} more (JSON output: all)")
    return lines


def statement_line(statement: Statement) -> str:
    """``Indirect · sagte · John Kerry [per:john-kerry]: Im Gespräch seien …``."""
    head = [statement.type.value]
    if statement.cue:
        head.append(" … ".join(c.text for c in statement.cue))
    speaker = statement.speaker
    if speaker is None:
        who = "(no speaker)"
    else:
        who = speaker.text + (f" [{speaker.actor.id}]" if speaker.actor and speaker.actor.id
                              else "")
    quote = " … ".join(q.text for q in statement.quote)
    return f"{' · '.join(head)} · {who}: {shorten(quote)}"


def _side(refs: list[ActorRef]) -> str:
    """A compound side's members by name, each once ("Weißes Haus + Pentagon"), "?" for none."""
    return " + ".join(dict.fromkeys(r.name for r in refs)) or "?"


def event_line(event: Event, article: Article) -> tuple[str, str]:
    """The event (``AGREE 036 proposed p=0.87 Russland: Regierung → Vereinigte Staaten
    [Gespräch] 2014-03``) and its evidence sentence."""
    parts = [event.type.value]
    if event.cameo:
        parts.append(event.cameo)
    parts += [event.modality.value, f"p={event.confidence:.2f}",
              f"{_side(event.source)} → {_side(event.target)}", f"[{event.trigger.text}]"]
    if event.date is not None and event.date.value:
        parts.append(event.date.value)
    sentence = article.text[event.sentence.start:event.sentence.end]
    return " ".join(parts), shorten(sentence)


def analysis_sections(article: Article) -> Iterator[tuple[str, list[str]]]:
    """Title and lines of each analysis layer the article has (none before the NLP stages)."""
    if article.actors:
        yield f"actors ({len(article.actors)})", actor_lines(article)
    if article.statements:
        yield (f"statements ({len(article.statements)})",
               [statement_line(s) for s in article.statements])
    if article.events:
        lines = []
        for event in article.events:
            first, evidence = event_line(event, article)
            lines += [first, f"    {evidence}"]
        yield f"events ({len(article.events)})", lines
