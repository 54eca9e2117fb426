"""Synthetic annotation layers for demos, tests and benchmarks.

``annotate`` adds plausible entities, statements and events from a small gazetteer and
keyword rules, without loading any model, so the dashboard and API tests and the store
benchmarks exercise every layer fast. Never used on real data by the server itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lagebild.actors.ids import new_actor_id
from lagebild.model import (
    ActorRef,
    Article,
    ArticleBuilder,
    BlockType,
    Entity,
    Event,
    EventDate,
    Mode,
    Offsets,
    Party,
    PloverType,
    Source,
    Span,
    Statement,
    StatementType,
)

GAZETTEER: dict[str, str] = {
    "Saddam Hussein": "PER", "Matthias Berninger": "PER", "Manfred Stolpe": "PER",
    "Stephen Harper": "PER", "Thaksin Shinawatra": "PER", "Alan García": "PER",
    "Angela Merkel": "PER", "Gerhard Schröder": "PER", "Condoleezza Rice": "PER",
    "Mahmud Ahmadinedschad": "PER", "Valeri Trojanow": "PER", "Ollanta Humala": "PER",
    "Frank-Walter Steinmeier": "PER", "Javier Solana": "PER", "George W. Bush": "PER",
    "Hans-Jürgen Papier": "PER", "Franz Josef Jung": "PER", "Xanana Gusmão": "PER",
    "Europäischen Union": "ORG", "EU": "ORG", "IAEA": "ORG", "BND": "ORG", "NPD": "ORG",
    "Grüne": "ORG", "UN": "ORG", "NATO": "ORG", "Bundestag": "ORG", "CDU": "ORG",
    "SPD": "ORG", "FDP": "ORG", "Sicherheitsrat": "ORG", "Bundesverfassungsgericht": "ORG",
    "Irak": "LOC", "Iran": "LOC", "USA": "LOC", "Bagdad": "LOC", "Russland": "LOC",
    "Litauen": "LOC", "Türkei": "LOC", "Österreich": "LOC", "Indonesien": "LOC",
    "Timor-Leste": "LOC", "Kanada": "LOC", "Peru": "LOC", "Togo": "LOC", "Thailand": "LOC",
    "Bangkok": "LOC", "Deutschland": "LOC", "Kongo": "LOC", "Berlin": "LOC",
    "Frankreich": "LOC", "China": "LOC", "Tikrit": "LOC", "Dudschail": "LOC",
}
_NAMES = re.compile(
    r"(?<![\wÄÖÜäöüß-])(" + "|".join(re.escape(n) for n in sorted(GAZETTEER, key=len,
                                                                   reverse=True))
    + r")(?![\wÄÖÜäöüß])"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_SAY = re.compile(r"\b(sagte|erklärte|betonte|forderte|kritisierte|warnte|meinte)\b")
# keyword → (PLOVER, CAMEO, QuadClass)
_EVENT_RULES: list[tuple[re.Pattern[str], str, str, int]] = [
    (re.compile(r"\b(fordert|forderte|fordern|verlangt)"), "REQUEST", "100", 3),
    (re.compile(r"\b(kritisiert|kritisierte|verurteilt|wirft)"), "ACCUSE", "111", 3),
    (re.compile(r"\b(trifft|traf|Treffen|Gespräch|Gesprächen|verhandel)"), "CONSULT", "040", 1),
    (re.compile(r"\b(hilft|unterstützt|Hilfe|liefert)"), "AID", "070", 2),
    (re.compile(r"\b(angeklagt|Anklage|Prozess|festgenommen)"), "ACCUSE", "112", 3),
    (re.compile(r"\b(bombardier|Angriff|abgeschossen|Attentat|Putsch|Staatsstreich)"),
     "ASSAULT", "190", 4),
    (re.compile(r"\b(vereinbart|einigt|Abkommen|Zusammenarbeit)"), "AGREE", "057", 1),
]


def annotate(article: Article) -> Article:
    """A copy of ``article`` with gazetteer entities, statements and events."""
    text = article.text
    entities = [
        Entity(text=m.group(1), start=m.start(1), end=m.end(1), label=GAZETTEER[m.group(1)])
        for m in _NAMES.finditer(text)
    ]
    statements: list[Statement] = []
    events: list[Event] = []
    for sm in _SENTENCE.finditer(text):
        s_start, s_end = sm.start(), sm.end()
        sentence = Offsets(start=s_start, end=s_end)
        inside = [e for e in entities if e.start >= s_start and e.end <= s_end]
        speakers = [e for e in inside if e.label == "PER"]
        if speakers and _SAY.search(sm.group()):
            sp = speakers[0]
            statements.append(Statement(
                type=StatementType.DIRECT if "„" in sm.group() else StatementType.INDIRECT,
                quote=[Span(start=s_start, end=s_end, text=sm.group())],
                speaker=Party(start=sp.start, end=sp.end, text=sp.text, actor=_ref(sp)),
                mode=Mode.FAST, confidence=0.5,
            ))
        if len(inside) >= 2:
            for pattern, plover, cameo, quad in _EVENT_RULES:
                hit = pattern.search(sm.group())
                if hit is None:
                    continue
                src, tgt = inside[0], next((e for e in inside[1:] if e.text != inside[0].text),
                                           None)
                if tgt is None:
                    break
                events.append(Event(
                    type=PloverType(plover), cameo=cameo, quad_class=quad, source=[_ref(src)],
                    target=[_ref(tgt)],
                    trigger=Span(start=s_start + hit.start(), end=s_start + hit.end(),
                                 text=hit.group(0)),
                    date=EventDate(value=article.published) if article.published else None,
                    sentence=sentence, confidence=0.5,
                ))
                break
    return article.model_copy(
        update={"entities": entities, "statements": statements, "events": events}
    )


def _ref(entity: Entity) -> ActorRef:
    """The demo links nothing to the KB: every actor is known by its label and name."""
    return ActorRef(id=new_actor_id(entity.label, entity.text), name=entity.text)


def annotate_all(articles: Iterable[Article]) -> list[Article]:
    return [annotate(a) for a in articles]


XSS_TITLE = "<script>alert(1)</script> Angriff auf das Dashboard"
XSS_BODY = (
    'Ein Bild <img src=x onerror=alert(1)> und <b>fett</b> sagte Angela Merkel in Berlin.'
)


def hostile_article() -> Article:
    """An article whose text contains HTML/script markup (for escaping tests)."""
    builder = ArticleBuilder()
    builder.add(BlockType.SECTION, "Sicherheit")
    builder.add_title(None, XSS_TITLE, joined=False)
    builder.add(BlockType.PARAGRAPH, XSS_BODY)
    builder.add_source("Quelle: Testpresse", Source(outlet="Testpresse"))
    builder.set(published="2006-06-30", url="javascript:alert(1)")
    article = builder.build()
    text = article.text
    start = text.index("<script>")
    merkel = text.index("Angela Merkel")
    berlin = text.index("Berlin")
    para = text.index("Ein Bild")
    merkel_id, berlin_id = new_actor_id("PER", "Angela Merkel"), new_actor_id("LOC", "Berlin")
    return article.model_copy(update={
        "entities": [
            Entity(text="<script>alert(1)</script>", start=start, end=start + 25, label="OTH"),
            Entity(text="Angela Merkel", start=merkel, end=merkel + 13, label="PER"),
            Entity(text="Berlin", start=berlin, end=berlin + 6, label="LOC"),
        ],
        "statements": [Statement(
            type=StatementType.INDIRECT,
            quote=[Span(start=para, end=para + len(XSS_BODY), text=XSS_BODY)],
            speaker=Party(start=merkel, end=merkel + 13, text="Angela Merkel",
                          actor=ActorRef(id=merkel_id, name="Angela Merkel")),
            mode=Mode.FAST,
        )],
        "events": [Event(
            type=PloverType.ASSAULT, cameo="190", quad_class=4,
            source=[ActorRef(id=merkel_id, name="<b>Angela Merkel</b>")],
            target=[ActorRef(id=berlin_id, name="Berlin")],
            trigger=Span(start=para, end=para + 8, text=text[para:para + 8]),
            date=EventDate(value="2006-06-30"), sentence=Offsets(start=para, end=para + 20),
        )],
    })


def build_demo_store(
    path: str | Path, inputs: Iterable[str], extra: Iterable[Article] = ()
) -> int:
    """A store at ``path`` from ``inputs`` (structure only) with synthetic annotations,
    plus ``extra`` articles as given. Returns the number of stored articles."""
    from lagebild.pipeline import analyze
    from lagebild.store import Store

    stored = 0
    with Store(path) as store, store.transaction():
        for item in analyze(list(inputs), stages=()):
            if isinstance(item, Article):
                store.add(annotate(item))
                stored += 1
        for article in extra:
            store.add(article)
            stored += 1
    return stored
