"""The typed brief: what the collectors fill and every renderer (Markdown, HTML, JSON, the
API and the dashboard) reads. Every item carries ``Evidence``: article id and offsets."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where an item is written: ``text == article.text[start:end]``; ``href`` opens the
    dashboard's article page with that range highlighted."""

    article_id: str
    start: int
    end: int
    text: str = ""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    href: str = ""


class ActorName(_Model):
    id: str
    name: str


class Reason(_Model):
    """One term of a ranking score, said in words."""

    factor: str
    value: str
    points: float


class EventItem(_Model):
    """One event, however many articles report it (a cluster of reports)."""

    type: str  # PLOVER
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None  # when it happened, if the text says (``2014-03``)
    reported: str | None = None  # first publication date of a report
    modality: str | None = None
    source: list[ActorName] = Field(default_factory=list)
    target: list[ActorName] = Field(default_factory=list)
    trigger: str | None = None
    articles: int = 0
    sources: list[str] = Field(default_factory=list)  # outlets and agencies reporting it
    score: float = 0.0
    why: list[Reason] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class StatementItem(_Model):
    type: str
    cue: str | None = None
    text: str
    evidence: Evidence


class SpeakerItem(_Model):
    speaker: ActorName
    statements_in_period: int
    statements: list[StatementItem]


class QuadCounts(_Model):
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0

    def total(self) -> int:
        return self.q1 + self.q2 + self.q3 + self.q4


class PairChange(_Model):
    """How the relation of two actors moved: counts per QuadClass and Goldstein mean, in this
    period and the one before."""

    a: ActorName
    b: ActorName
    current: QuadCounts
    previous: QuadCounts
    goldstein_current: float | None = None
    goldstein_previous: float | None = None
    movement: float
    summary: str
    evidence: list[Evidence] = Field(default_factory=list)


class ProminentActor(_Model):
    actor: ActorName
    label: str
    mentions: int
    mentions_previous: int
    new_roles: list[str] = Field(default_factory=list)
    why: str
    evidence: Evidence | None = None


class NetworkNode(_Model):
    id: str
    name: str
    weight: int


class NetworkEdge(_Model):
    source: str
    target: str
    weight: int
    quad_class: int | None = None  # the most frequent class between the two
    goldstein: float | None = None


class Network(_Model):
    nodes: list[NetworkNode] = Field(default_factory=list)
    edges: list[NetworkEdge] = Field(default_factory=list)


class DayCount(_Model):
    day: str
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0


class Brief(_Model):
    period: dict[str, str | int]
    previous: dict[str, str | int]
    actors: list[ActorName] = Field(default_factory=list)  # the --actor focus, if any
    articles: int = 0
    articles_previous: int = 0
    events_total: int = 0
    statements_total: int = 0
    events: dict[str, list[EventItem]] = Field(default_factory=dict)  # QuadClass "1".."4"
    speakers: list[SpeakerItem] = Field(default_factory=list)
    changes: list[PairChange] = Field(default_factory=list)
    prominent: list[ProminentActor] = Field(default_factory=list)
    network: Network = Field(default_factory=Network)
    timeline: list[DayCount] = Field(default_factory=list)
    scoring: str = ""  # the ranking formula in words
