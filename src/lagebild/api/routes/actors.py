"""Actors: search, detail (aliases, roles over time, statements, events, relations)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query

from lagebild.api.deps import Conn, Limit, Offset
from lagebild.api.models import ActorDetail, ActorList, ErrorResponse
from lagebild.store import actors

router = APIRouter(prefix="/api", tags=["actors"])

ActorSort = Literal["mentions", "-mentions", "name", "-name", "articles", "-articles",
                    "last_seen", "-last_seen"]
ActorId = Annotated[str, Path(min_length=1, max_length=300,
                              description="Actor id, e.g. 'per:john-kerry'")]


@router.get("/actors", response_model=ActorList, summary="Search actors")
def list_actors(
    conn: Conn,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias")] = None,
    label: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_-]+$",
                                       description="Entity label: PER, ORG, LOC …")] = None,
    sort: ActorSort = "-mentions",
    limit: Limit = 50,
    offset: Offset = 0,
) -> ActorList:
    return ActorList.model_validate(
        actors.list_actors(conn, q=q, label=label, sort=sort, limit=limit, offset=offset)
    )


@router.get(
    "/actors/{actor_id}",
    response_model=ActorDetail,
    responses={404: {"model": ErrorResponse, "description": "Not found"}},
    summary="One actor: aliases, mentions by month, statements, events, relations",
)
def get_actor(
    conn: Conn,
    actor_id: ActorId,
    with_actor: Annotated[
        str | None,
        Query(alias="with", min_length=1, max_length=300,
              description="Another actor id: adds the relation timeline between the two"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Statements/events per list")] = 100,
) -> ActorDetail:
    detail = actors.get_actor(conn, actor_id, with_actor=with_actor, limit=limit)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no actor {actor_id!r}")
    return ActorDetail.model_validate(detail)
