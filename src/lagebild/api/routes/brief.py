"""The situation report of a period (``lagebild brief`` as JSON) and its charts as SVG."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Response

from lagebild.api.deps import Conn
from lagebild.api.models import ErrorResponse
from lagebild.brief.charts import chart
from lagebild.brief.cli import newest_date, resolve_actors
from lagebild.brief.collect import Limits, build_brief
from lagebild.brief.model import Brief
from lagebild.brief.period import PeriodError, parse_period

router = APIRouter(prefix="/api", tags=["brief"])

PeriodParam = Annotated[str, Query(
    min_length=1, max_length=60,
    description="2015-09, 2015-W38, 2015-09-18, 2015-09-01..2015-09-30 or 'last 7 days'")]
ActorsParam = Annotated[list[str] | None, Query(
    max_length=5, description="Actor ids, names or aliases: the brief is about them and "
    "their counterparts")]
ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorResponse, "description": "Actor not in the store"},
    422: {"model": ErrorResponse, "description": "Period cannot be read"},
}


def _brief(conn: sqlite3.Connection, period: str, actor: list[str] | None, limit: int) -> Brief:
    try:
        chosen = parse_period(period, newest_date(conn))
    except PeriodError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    names = [a for a in actor or [] if a.strip()][:5]
    if any(len(a) > 300 for a in names):
        raise HTTPException(status_code=422, detail="actor names are at most 300 characters")
    try:
        ids = resolve_actors(conn, names)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc.args[0])) from exc
    return build_brief(conn, chosen, actors=ids, limits=Limits(events_per_class=limit))


@router.get("/brief", response_model=Brief, responses=ERRORS,
            summary="The situation report of a period")
def brief(
    conn: Conn,
    period: PeriodParam,
    actor: ActorsParam = None,
    limit: Annotated[int, Query(ge=1, le=50, description="Events per QuadClass")] = 8,
) -> Brief:
    """Events ranked with their reasons, key statements, relation changes against the period
    before, newly prominent actors and the network; every item with evidence (article id,
    offsets and a link to the dashboard's article page with the range highlighted)."""
    return _brief(conn, period, actor, limit)


@router.get("/brief/chart.svg", responses={200: {"content": {"image/svg+xml": {}}}, **ERRORS},
            response_class=Response, summary="A chart of the brief as SVG")
def brief_chart(
    conn: Conn,
    period: PeriodParam,
    kind: Annotated[Literal["timeline", "network", "change"], Query(
        description="timeline (reports per day), network, or change (one actor pair)")
    ] = "timeline",
    index: Annotated[int, Query(ge=0, le=99, description="Which change (0: the largest)")] = 0,
    actor: ActorsParam = None,
) -> Response:
    data = _brief(conn, period, actor, 8)
    try:
        svg = chart(data, kind, index)
    except IndexError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return Response(svg, media_type="image/svg+xml",
                    headers={"Cache-Control": "no-store"})
