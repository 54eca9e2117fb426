"""The one document model carried through every stage: ``Article``.

An article is a canonical ``text`` plus typed ``blocks`` (character offsets into ``text``).
The convenience fields (``section``, ``headline``, ``images`` …) are filled by
:class:`ArticleBuilder` together with the blocks, so they always agree with them. Later
stages add annotations (sentences, entities, statements, events) whose offsets also point
into ``text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: 1: statements/events/actors as free dicts. 2: typed layers (``Actor``, ``Statement``,
#: ``Event``, ``TimeExpression``); version-1 documents are migrated on load
#: (:func:`lagebild.model_migrate.migrate_article`).
SCHEMA_VERSION = 2


class BlockType(StrEnum):
    SECTION = "section"
    KICKER = "kicker"
    HEADLINE = "headline"
    TEASER = "teaser"
    IMAGE = "image"  # the image file name line
    CAPTION = "caption"
    CREDIT = "credit"
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    SOURCE = "source"  # the closing source line (outlet, authors, agencies)
    RELATED = "related"  # "Mehr zum Thema", video teasers and similar boilerplate
    DATELINE = "dateline"


# Blocks whose text is article prose that NLP stages analyse.
PROSE_BLOCKS = frozenset(
    {
        BlockType.KICKER,
        BlockType.HEADLINE,
        BlockType.TEASER,
        BlockType.CAPTION,
        BlockType.PARAGRAPH,
        BlockType.SUBHEADING,
    }
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Block(_Model):
    type: BlockType
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    image: int | None = None  # index into Article.images for image/caption/credit blocks


class Image(_Model):
    file: str | None = None
    caption: str | None = None
    credit: str | None = None


class Source(_Model):
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)


class Token(_Model):
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    tag: str = ""
    morph: str = ""
    head: int = 0  # index of the head token within the sentence
    dep: str = ""


class Sentence(_Model):
    start: int
    end: int
    tokens: list[Token] = Field(default_factory=list)


class Entity(_Model):
    text: str
    start: int
    end: int
    label: str
    subtype: str | None = None  # GermEval "deriv" / "part"
    actor: str | None = None


# --------------------------------------------------------------------------- typed layers
class Span(_Model):
    """A piece of ``Article.text``: ``text == article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Offsets(_Model):
    """A range of ``Article.text`` without its text (e.g. the sentence of an event)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ActorRef(_Model):
    """A reference to an actor of the actor layer (``Article.actors``) or of the knowledge base.

    ``id`` is None for an actor named in the text but not linked (``name`` keeps the text).
    """

    id: str | None = None
    name: str
    cameo: str | None = None


class Mention(_Model):
    """Where an actor is mentioned: a name, a role noun, an adjective, a pronoun …"""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: str
    confidence: float = Field(ge=0, le=1)


class ActorRole(_Model):
    """A role an actor holds at the article's date (from the KB) or that the text gives."""

    role: str
    org: str | None = None
    start: str | None = None
    end: str | None = None
    noun: str | None = None  # the role noun in the text ("Außenminister")
    affiliation: str | None = None  # country code of a role given by the text


class Actor(_Model):
    """An actor the article mentions, with every mention (ids: ``lagebild.actors.ids``)."""

    id: str
    name: str
    type: str
    cameo: str | None = None
    roles: list[ActorRole] = Field(default_factory=list)
    local: bool = False  # True: not in the knowledge base, known from this article only
    mentions: list[Mention] = Field(default_factory=list)

    def ref(self) -> ActorRef:
        return ActorRef(id=self.id, name=self.name, cameo=self.cameo)


class StatementType(StrEnum):
    """Quotation types of the Wikinews quotation corpus (Petersen-Frey & Biemann 2024)."""

    DIRECT = "Direct"
    INDIRECT = "Indirect"
    FREE_INDIRECT = "FreeIndirect"
    INDIRECT_FREE_INDIRECT = "IndirectFreeIndirect"
    REPORTED = "Reported"

    @classmethod
    def parse(cls, value: str) -> StatementType:
        """Case-insensitive (``direct``, ``DIRECT`` and ``Direct`` are one type)."""
        for member in cls:
            if member.value.lower() == value.strip().lower():
                return member
        raise ValueError(
            f"unknown statement type {value!r}; one of {', '.join(m.value for m in cls)}"
        )


class Mode(StrEnum):
    FAST = "fast"
    ACCURATE = "accurate"


class Party(Span):
    """A speaker or addressee span, with the actor it refers to when linked."""

    actor: ActorRef | None = None


class Statement(_Model):
    """Who said what: the quotation, its cue (speech verb, ``laut`` …), frame, speaker."""

    type: StatementType
    quote: list[Span] = Field(min_length=1)  # a quotation split around its frame has 2+
    cue: list[Span] = Field(default_factory=list)  # separable verbs: "stellte … klar"
    frame: Span | None = None
    speaker: Party | None = None
    addressee: Party | None = None
    medium: Span | None = None
    mode: Mode
    confidence: float = Field(default=1.0, ge=0, le=1)

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> Any:
        return StatementType.parse(value) if isinstance(value, str) else value

    @property
    def start(self) -> int:
        return min(s.start for s in self.quote)

    @property
    def end(self) -> int:
        return max(s.end for s in self.quote)


class PloverType(StrEnum):
    """The 16 event types of PLOVER 2.0 (``events/PLOVER_MANUAL``)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"

    @classmethod
    def parse(cls, value: str) -> PloverType:
        try:
            return cls(value.strip().upper())
        except ValueError:
            raise ValueError(
                f"unknown PLOVER type {value!r}; one of {', '.join(m.value for m in cls)}"
            ) from None


class Modality(StrEnum):
    ASSERTED = "asserted"
    PLANNED = "planned"  # planned / intended
    PROPOSED = "proposed"  # considered / proposed
    ALLEGED = "alleged"  # alleged / accused
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"

    @classmethod
    def parse(cls, value: str) -> Modality:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown modality {value!r}; one of {', '.join(m.value for m in cls)}"
            ) from None


class TimeType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimeExpression(Span):
    """A temporal expression with its TIMEX3-style value.

    ``value``: ``2014-03``, ``2015-09-16``, ``2015-W38``, ``P4Y`` …; None when it cannot be
    resolved (a relative expression in an article without a publication date).
    """

    type: TimeType = TimeType.DATE
    value: str | None = None


class EventDate(_Model):
    value: str | None = None  # TIMEX3 value, e.g. 2014-03
    text: str | None = None  # the expression in the text; None when taken from ``published``
    start: int | None = None
    end: int | None = None


class Event(_Model):
    """Who did what to whom, when: one PLOVER event with its evidence."""

    type: PloverType
    mode: str | None = None  # PLOVER mode (e.g. ``military`` for AID)
    context: list[str] = Field(default_factory=list)  # PLOVER contexts
    cameo: str | None = None  # CAMEO event code, e.g. ``036``
    goldstein: float | None = None
    quad_class: int | None = Field(default=None, ge=1, le=4)
    source: list[ActorRef] = Field(default_factory=list)
    target: list[ActorRef] = Field(default_factory=list)
    trigger: Span
    location: Span | None = None
    date: EventDate | None = None
    modality: Modality = Modality.ASSERTED
    statement: int | None = Field(default=None, ge=0)  # index into ``Article.statements``
    sentence: Offsets
    confidence: float = Field(default=1.0, ge=0, le=1)

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> Any:
        return PloverType.parse(value) if isinstance(value, str) else value

    @field_validator("modality", mode="before")
    @classmethod
    def _modality(cls, value: Any) -> Any:
        return Modality.parse(value) if isinstance(value, str) else value


class Topic(_Model):
    """What kind of article this is, from the ``topic`` stage (``lagebild.topic``)."""

    label: str  # "soft" (sport, entertainment, lifestyle …) or "hard" news
    score: float = Field(ge=0, le=1)  # the classifier's P(soft)


class Origin(_Model):
    """Where an article came from: file path and the record within it."""

    path: str
    record: str | None = None
    reader: str = ""

    def __str__(self) -> str:
        return f"{self.path}#{self.record}" if self.record else self.path


class Article(_Model):
    schema_version: int = SCHEMA_VERSION
    id: str = ""
    text: str
    section: str | None = None
    kicker: str | None = None
    headline: str | None = None
    title: str | None = None
    teaser: str | None = None
    images: list[Image] = Field(default_factory=list)
    paragraphs: list[str] = Field(default_factory=list)
    subheadings: list[str] = Field(default_factory=list)
    source: Source = Field(default_factory=Source)
    published: str | None = None  # ISO 8601 date or datetime
    url: str | None = None
    source_id: str | None = None
    language: str | None = None
    origin: Origin | None = None
    blocks: list[Block] = Field(default_factory=list)
    # Annotation layers added by later stages; all offsets point into ``text``.
    topic: Topic | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        if isinstance(data, dict) and int(data.get("schema_version", SCHEMA_VERSION)) < (
            SCHEMA_VERSION
        ):
            from lagebild.model_migrate import migrate_article

            return migrate_article(data)
        return data

    @model_validator(mode="after")
    def _check(self) -> Article:
        if self.schema_version > SCHEMA_VERSION:
            raise ValueError(
                f"article schema version {self.schema_version} is newer than this "
                f"Lagebild ({SCHEMA_VERSION}); upgrade Lagebild"
            )
        size = len(self.text)
        for block in self.blocks:
            if not block.start <= block.end <= size:
                raise ValueError(f"block {block.type} [{block.start}:{block.end}] outside text")
        if not self.id:
            self.id = content_id(self.text, self.title)
        return self

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def blocks_of(self, *types: BlockType) -> list[Block]:
        return [b for b in self.blocks if b.type in types]

    def to_json(self, **kwargs: Any) -> str:
        return self.model_dump_json(**kwargs)

    @classmethod
    def from_json(cls, data: str | bytes) -> Article:
        return cls.model_validate_json(data)


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``Article`` (``lagebild schema``; kept in ``docs/schema.json``)."""
    schema = Article.model_json_schema()
    schema["description"] = f"Lagebild article, schema_version {SCHEMA_VERSION}"
    return schema


_WS = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """NFC, whitespace collapsed: the same article re-scraped with other spacing hashes alike."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_id(text: str, title: str | None = None) -> str:
    """Stable content-hash id (16 hex chars of SHA-256) of title and text."""
    basis = normalise_for_hash(text)
    if title and normalise_for_hash(title) not in basis:
        basis = normalise_for_hash(title) + "\n" + basis
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


class ArticleBuilder:
    """Builds canonical text and blocks together, so offsets and fields always agree.

    Readers call ``add`` in document order; the builder joins blocks with a blank line
    and fills the matching convenience field.
    """

    def __init__(self, separator: str = "\n\n") -> None:
        self._parts: list[str] = []
        self._length = 0
        self._sep = separator
        self.blocks: list[Block] = []
        self.fields: dict[str, Any] = {
            "images": [],
            "paragraphs": [],
            "subheadings": [],
            "source": Source(),
        }

    # -- low level -----------------------------------------------------------------
    def _append(self, text: str) -> int:
        """Append raw text as a new line group; returns its start offset."""
        if self._parts:
            self._parts.append(self._sep)
            self._length += len(self._sep)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def _block(self, btype: BlockType, start: int, end: int, image: int | None = None) -> None:
        self.blocks.append(Block(type=btype, start=start, end=end, image=image))

    # -- high level ----------------------------------------------------------------
    def add(self, btype: BlockType, text: str) -> None:
        text = text.strip()
        if not text:
            return
        start = self._append(text)
        self._block(btype, start, start + len(text))
        self._set_field(btype, text)

    def add_title(self, kicker: str | None, headline: str, joined: bool) -> None:
        """Title line(s): kicker and headline, either on one line or on two."""
        headline = headline.strip()
        kicker = kicker.strip() if kicker else None
        if kicker and joined:
            line = f"{kicker} {headline}"
            start = self._append(line)
            self._block(BlockType.KICKER, start, start + len(kicker))
            hstart = start + len(kicker) + 1
            self._block(BlockType.HEADLINE, hstart, hstart + len(headline))
        else:
            if kicker:
                self.add(BlockType.KICKER, kicker)
            self.add(BlockType.HEADLINE, headline)
            line = f"{kicker} {headline}" if kicker else headline
        self.fields["kicker"] = kicker
        self.fields["headline"] = headline
        self.fields["title"] = line

    def add_wrapped(self, btype: BlockType, line: str, inner: str, image: int | None = None) -> str:
        """Add a line whose meaningful part ``inner`` is a substring (e.g. ``(Foto: …)``)."""
        line = line.strip()
        offset = line.find(inner)
        if offset < 0:
            raise ValueError(f"{inner!r} not in {line!r}")
        start = self._append(line)
        self._block(btype, start + offset, start + offset + len(inner), image)
        return inner

    def add_image(self, file: str | None, caption: str | None, credit_line: str | None,
                  credit: str | None) -> None:
        index = len(self.fields["images"])
        if file:
            start = self._append(file)
            self._block(BlockType.IMAGE, start, start + len(file), index)
        if caption:
            start = self._append(caption)
            self._block(BlockType.CAPTION, start, start + len(caption), index)
        if credit:
            self.add_wrapped(BlockType.CREDIT, credit_line or credit, credit, index)
        self.fields["images"].append(Image(file=file, caption=caption, credit=credit))

    def add_source(self, line: str, source: Source) -> None:
        line = line.strip()
        start = self._append(line)
        self._block(BlockType.SOURCE, start, start + len(line))
        self.fields["source"] = source

    def add_verbatim_paragraphs(self, text: str) -> None:
        """Use ``text`` unchanged as the canonical body (offsets into it stay valid).

        Paragraphs are the runs separated by blank lines; nothing is stripped from
        ``text`` itself.
        """
        if self._parts:
            raise ValueError("verbatim text must be the whole canonical text")
        self._parts.append(text)
        self._length = len(text)
        for match in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, flags=re.DOTALL):
            self._block(BlockType.PARAGRAPH, match.start(), match.end())
            self.fields["paragraphs"].append(match.group())

    def carve(self, spans: list[tuple[int, int]], btype: BlockType) -> None:
        """Make each ``(start, end)`` span of the text a block of ``btype``, cut out of the
        block that holds it (an inline widget out of its paragraph); the pieces of the block
        before and after keep its type. The text is unchanged; the paragraph, subheading and
        teaser fields follow the blocks."""
        text = self.text
        blocks: list[Block] = []
        for block in self.blocks:
            inside = sorted((max(s, block.start), min(e, block.end)) for s, e in spans
                            if s < block.end and e > block.start)
            if not inside or block.type is btype:
                blocks.append(block)
                continue
            at = block.start
            for s, e in inside:
                blocks += _trimmed(text, block, at, s)
                blocks += _trimmed(text, block.model_copy(update={"type": btype}), s, e)
                at = max(at, e)
            blocks += _trimmed(text, block, at, block.end)
        self.blocks = blocks
        self.fields["paragraphs"] = [text[b.start:b.end] for b in blocks
                                     if b.type is BlockType.PARAGRAPH]
        self.fields["subheadings"] = [text[b.start:b.end] for b in blocks
                                      if b.type is BlockType.SUBHEADING]
        if self.fields.get("teaser") is not None:
            self.fields["teaser"] = next((text[b.start:b.end] for b in blocks
                                          if b.type is BlockType.TEASER), None)

    def set(self, **fields: Any) -> None:
        """Metadata not present as text (published, url, a JSONL title …)."""
        for key, value in fields.items():
            if value is not None and value != "":
                self.fields[key] = value

    def _set_field(self, btype: BlockType, text: str) -> None:
        if btype is BlockType.PARAGRAPH:
            self.fields["paragraphs"].append(text)
        elif btype is BlockType.SUBHEADING:
            self.fields["subheadings"].append(text)
        elif btype in (BlockType.SECTION, BlockType.TEASER, BlockType.HEADLINE, BlockType.KICKER):
            self.fields[btype.value] = text
            if btype is BlockType.HEADLINE and not self.fields.get("title"):
                self.fields["title"] = text

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, **extra: Any) -> Article:
        fields = dict(self.fields)
        fields.update({k: v for k, v in extra.items() if v is not None})
        return Article(text=self.text, blocks=self.blocks, **fields)


def _trimmed(text: str, block: Block, start: int, end: int) -> list[Block]:
    """``block`` narrowed to ``text[start:end]`` without its outer whitespace; none if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [block.model_copy(update={"start": start, "end": end})] if end > start else []
