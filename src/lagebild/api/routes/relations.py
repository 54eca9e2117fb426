"""Relations over time (``/api/relations``) and deduplicated events (``/api/events/clusters``).

Both count event clusters: one real-world event, however many stored reports of it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query

from lagebild.api.deps import Conn, DateFrom, DateTo, Limit, Offset
from lagebild.api.models import EventClusterDetail, EventClusterList, RelationSeries
from lagebild.store import clusters
from lagebild.store.actor_index import actor_id_or_text, actor_index
from lagebild.store.relations import members, relation_series

router = APIRouter(prefix="/api", tags=["relations"])

ActorQuery = Annotated[str, Query(min_length=1, max_length=300,
                                  description="Actor id, CAMEO code, name or alias")]


@router.get("/relations", response_model=RelationSeries,
            summary="Events between two actors per period (deduplicated)")
def relations(
    conn: Conn,
    a: ActorQuery,
    b: ActorQuery,
    by: Literal["day", "week", "month", "year"] = "month",
    directed: Annotated[bool, Query(description="Only events from a to b")] = False,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> RelationSeries:
    index = actor_index(conn)
    a_id, b_id = actor_id_or_text(conn, a) or a, actor_id_or_text(conn, b) or b
    a_members, b_members = members(conn, a_id), members(conn, b_id)
    series = relation_series(conn, a_members, b_members, by=by, directed=directed,
                             date_from=date_from, date_to=date_to)
    return RelationSeries.model_validate({
        "a": index.brief(a_id), "b": index.brief(b_id), "by": by, "directed": directed,
        "a_members": a_members, "b_members": b_members,
        "events": sum(p["events"] for p in series), "periods": series})


@router.get("/events/clusters", response_model=EventClusterList,
            summary="Deduplicated events, most reported first")
def list_clusters(
    conn: Conn,
    actor: Annotated[str | None, Query(min_length=1, max_length=300,
                                       description="Actor (id, name or alias) on either side")
                     ] = None,
    type: Annotated[str | None, Query(min_length=1, max_length=40,
                                      pattern=r"^[A-Za-z_-]+$",
                                      description="PLOVER type, any case")] = None,
    min_mentions: Annotated[int, Query(ge=1, le=100_000)] = 1,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventClusterList:
    return EventClusterList.model_validate(clusters.list_clusters(
        conn, actor=actor_id_or_text(conn, actor), plover=type, min_mentions=min_mentions,
        date_from=date_from, date_to=date_to, limit=limit, offset=offset))


@router.get("/events/clusters/{cluster_id}", response_model=EventClusterDetail,
            summary="One deduplicated event with all its mentions")
def get_cluster(conn: Conn,
                cluster_id: Annotated[int, Path(ge=1, le=2**62)]) -> EventClusterDetail:
    found = clusters.get_cluster(conn, cluster_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event cluster {cluster_id}")
    return EventClusterDetail.model_validate(found)
