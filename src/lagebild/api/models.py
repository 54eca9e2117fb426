"""Response models of the REST API (the OpenAPI document is generated from these)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lagebild.model import Actor, Event, Statement, TimeExpression, Topic


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(_Out):
    status: int
    code: str = Field(description="Machine-readable error kind, e.g. not_found, invalid_request")
    message: str


class ErrorResponse(_Out):
    error: ErrorBody
    detail: Any = None


class Health(_Out):
    status: str
    articles: int
    schema_version: int
    readonly: bool
    upload_enabled: bool


class Version(_Out):
    lagebild: str
    api: str
    schema_version: int
    article_schema_version: int


# -- articles ---------------------------------------------------------------------------
class ArticleSummary(_Out):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    section: str | None = None
    url: str | None = None
    chars: int = 0
    near_duplicate_of: str | None = None
    snippet: str | None = Field(None, description="Search hit context; matches in [brackets]")
    score: float | None = Field(None, description="BM25 score (lower is better)")


class ArticleList(_Out):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class Facet(_Out):
    value: str
    count: int


class Facets(_Out):
    outlets: list[Facet]
    sections: list[Facet]
    first_published: str | None = None
    last_published: str | None = None


class BlockOut(_Out):
    type: str
    start: int
    end: int
    image: int | None = None


class ImageOut(_Out):
    file: str | None = None
    caption: str | None = None
    credit: str | None = None


class SourceOut(_Out):
    outlet: str | None = None
    authors: list[str] = []
    agencies: list[str] = []


class Span(_Out):
    start: int
    end: int


class EntityOut(_Out):
    text: str
    start: int
    end: int
    label: str
    subtype: str | None = None
    actor: str | None = Field(None, description="Linked actor id from the actor KB, if any")
    actor_id: str = Field(description="The actor this mention belongs to (KB id or label:slug)")


class StoreMeta(_Out):
    origin: str | None = None
    near_duplicate_of: str | None = None
    similarity: float | None = None
    ingested_at: str | None = None
    copies: int = 0


class ArticleDetail(_Out):
    id: str
    schema_version: int = 1
    title: str | None = None
    headline: str | None = None
    kicker: str | None = None
    section: str | None = None
    teaser: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    source_id: str | None = None
    source: SourceOut = SourceOut()
    images: list[ImageOut] = []
    topic: Topic | None = None  # soft or hard news (the ``topic`` stage), when it ran
    text: str
    blocks: list[BlockOut] = []
    sentences: list[Span] = []
    entities: list[EntityOut] = []
    actors: list[Actor] = []
    statements: list[Statement] = []
    times: list[TimeExpression] = []
    events: list[Event] = []
    store: StoreMeta


# -- statements and events ----------------------------------------------------------------
class StatementOut(_Out):
    article_id: str
    idx: int
    speaker: str | None = None
    speaker_actor_id: str | None = None
    type: str | None = Field(None, description="Direct, Indirect, FreeIndirect, "
                             "IndirectFreeIndirect or Reported")
    mode: str | None = Field(None, description="Analysis mode that found it: fast or accurate")
    cue: str | None = None
    start: int
    end: int
    text: str = Field(description="The quotation (parts split around their frame joined by …)")
    published: str | None = None
    article_title: str | None = None
    data: dict[str, Any] = {}


class StatementList(_Out):
    total: int
    limit: int
    offset: int
    items: list[StatementOut]


class EventOut(_Out):
    article_id: str
    idx: int
    code: str | None = Field(None, description="CAMEO event code")
    plover: str | None = Field(None, description="PLOVER event type")
    quad_class: int | None = Field(None, description="1 verbal coop · 2 material coop · "
                                   "3 verbal conflict · 4 material conflict")
    source_actor_id: str | None = None
    target_actor_id: str | None = None
    source: str | None = None
    target: str | None = None
    modality: str | None = None
    confidence: float | None = Field(None, description="Probability that the event is right "
                                     "(the events stage's model)")
    date: str | None = None
    start: int
    end: int
    text: str | None = Field(None, description="Evidence text (the sentence)")
    trigger: str | None = None
    published: str | None = None
    article_title: str | None = None
    url: str | None = None
    data: dict[str, Any] = {}


class EventList(_Out):
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class TimelineMonth(_Out):
    month: str
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    total: int = 0


# -- actors -------------------------------------------------------------------------------
class ActorSummaryOut(_Out):
    id: str
    name: str
    label: str
    aliases: list[str]
    mentions: int
    articles: int
    first_seen: str | None = None
    last_seen: str | None = None
    linked: bool = False


class ActorList(_Out):
    total: int
    limit: int
    offset: int
    items: list[ActorSummaryOut]


class Alias(_Out):
    text: str
    count: int


class MonthCount(_Out):
    month: str
    count: int


class RoleMonth(_Out):
    month: str
    mentions: int = 0
    statements: int = 0
    source: int = Field(0, description="Events where the actor acts")
    target: int = Field(0, description="Events done to the actor")


class RelatedActor(_Out):
    id: str
    name: str
    label: str
    articles: int


class RelationMonth(_Out):
    month: str
    co_mentions: int = 0
    events: int = 0
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    mentions: int = 0
    goldstein_mean: float | None = None


class Relation(_Out):
    actor: str
    other: str
    other_name: str
    timeline: list[RelationMonth]
    events: list[EventOut]


class ActorDetail(_Out):
    id: str
    name: str
    label: str
    aliases: list[Alias]
    mentions: int
    articles: int
    first_seen: str | None = None
    last_seen: str | None = None
    linked: bool = False
    mentions_by_month: list[MonthCount]
    roles_by_month: list[RoleMonth]
    statements_by: list[StatementOut]
    statements_about: list[StatementOut]
    events: list[EventOut]
    related: list[RelatedActor]
    relation: Relation | None = None


# -- graph --------------------------------------------------------------------------------
class GraphNode(_Out):
    id: str
    name: str
    label: str
    weight: int


class GraphEdge(_Out):
    source: str
    target: str
    weight: int
    quad_classes: dict[str, int] = {}
    types: dict[str, int] = Field(default={}, description="Event edges: top PLOVER types")
    goldstein_mean: float | None = None


class Graph(_Out):
    mode: str = Field(description="'events' (directed) or 'cooccurrence' (same article)")
    nodes: list[GraphNode]
    edges: list[GraphEdge]


# -- upload -------------------------------------------------------------------------------
class UploadFailure(_Out):
    origin: str
    code: str
    message: str
    skipped: bool


class UploadReport(_Out):
    read: int
    stored: int
    duplicates: int
    unchanged: int
    failed: int
    skipped: int
    ids: list[str]
    failures: list[UploadFailure]


class ClusterRoot(_Out):
    article_id: str
    idx: int


class EventCluster(_Out):
    """One real-world event: every stored report of it is a mention."""

    id: int
    plover: str | None = None
    code: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    day: str | None = None
    mentions: int
    articles: int
    sources: int
    root: ClusterRoot
    source_ids: list[str]
    target_ids: list[str]


class ClusterMention(_Out):
    article_id: str
    idx: int
    date: str | None = None
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    near_duplicate_of: str | None = None
    text: str | None = None


class EventClusterDetail(EventCluster):
    items: list[ClusterMention]


class EventClusterList(_Out):
    total: int
    limit: int
    offset: int
    items: list[EventCluster]


class TypeCount(_Out):
    type: str
    events: int


class RelationExample(_Out):
    cluster_id: int
    day: str | None = None
    type: str | None = None
    code: str | None = None
    direction: str
    mentions: int
    article_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    text: str | None = None


class RelationPeriod(_Out):
    period: str
    events: int
    a_to_b: int
    b_to_a: int
    mentions: int
    q1: int
    q2: int
    q3: int
    q4: int
    cooperation: int
    conflict: int
    goldstein_sum: float
    goldstein_mean: float | None = None
    top_types: list[TypeCount]
    articles: int
    sources: int
    examples: list[RelationExample]


class ActorBrief(_Out):
    id: str
    name: str
    label: str


class RelationSeries(_Out):
    a: ActorBrief
    b: ActorBrief
    by: str
    directed: bool
    a_members: list[str]
    b_members: list[str]
    events: int
    periods: list[RelationPeriod]
