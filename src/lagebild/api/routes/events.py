"""Events (who did what to whom) with filters, and the event timeline.

Actor filters take an actor id, name or alias (resolved through the actor index) and match
every actor of a compound side ("Die USA und Russland").
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from lagebild.api.deps import Conn, DateFrom, DateTo, Limit, Offset, ShortText
from lagebild.api.models import EventList, TimelineMonth
from lagebild.model import Modality, PloverType
from lagebild.store import events
from lagebild.store.actor_index import actor_id_or_text

router = APIRouter(prefix="/api", tags=["events"])

ActorParam = Annotated[str | None, Query(min_length=1, max_length=300,
                                         description="Actor id, name or alias")]
QuadClass = Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation · "
                                        "2 material cooperation · 3 verbal conflict · "
                                        "4 material conflict")]


@router.get("/events", response_model=EventList, summary="Events with filters")
def list_events(
    conn: Conn,
    type: Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$",
                                      description="PLOVER type, any case (e.g. consult), "
                                      "or CAMEO code prefix (e.g. 04)")] = None,
    quad_class: QuadClass = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=300,
                                       description="Actor (id, name or alias) as source or "
                                       "target")] = None,
    source: ActorParam = None,
    target: ActorParam = None,
    modality: ShortText = None,
    min_confidence: Annotated[float | None, Query(
        ge=0, le=1, description="Only events at least this likely to be right")] = None,
    article: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    sort: Literal["date", "-date", "code", "-code"] = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventList:
    code = type if type and type[0].isdigit() else None
    try:
        plover = PloverType.parse(type).value if type and not code else None
        modality = Modality.parse(modality).value if modality else None
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc).replace("'", "")) from exc
    return EventList.model_validate(events.list_events(
        conn, code=code, plover=plover, quad_class=quad_class,
        actor=actor_id_or_text(conn, actor), source=actor_id_or_text(conn, source),
        target=actor_id_or_text(conn, target), modality=modality,
        min_confidence=min_confidence, article_id=article,
        date_from=date_from, date_to=date_to, sort=sort, limit=limit, offset=offset,
    ))


@router.get("/events/timeline", response_model=list[TimelineMonth],
            summary="Events per month and QuadClass")
def event_timeline(
    conn: Conn,
    actor: ActorParam = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> list[TimelineMonth]:
    rows = events.event_timeline(conn, date_from=date_from, date_to=date_to,
                                 actor=actor_id_or_text(conn, actor))
    return [TimelineMonth.model_validate(r) for r in rows]
