"""The actor network for a period."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from lagebild.api.deps import Conn, DateFrom, DateTo
from lagebild.api.models import Graph
from lagebild.store.graph import actor_graph

router = APIRouter(prefix="/api", tags=["graph"])

GraphMode = Literal["auto", "events", "cooccurrence"]


@router.get("/graph", response_model=Graph, summary="Actor network for a period")
def graph(
    conn: Conn,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="Event class")] = None,
    label: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_-]+$")] = None,
    mode: Annotated[GraphMode, Query(description="Edges from events, co-mentions, or auto "
                                     "(events when there are any)")] = "auto",
    max_nodes: Annotated[int, Query(ge=1, le=300)] = 50,
    min_weight: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Graph:
    return Graph.model_validate(actor_graph(
        conn, date_from=date_from, date_to=date_to, quad_class=quad_class, label=label,
        mode=mode, max_nodes=max_nodes, min_weight=min_weight,
    ))
