"""Statements (quotes, reported speech) with filters.

Actor filters take an actor id, name or alias (resolved through the actor index).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from lagebild.api.deps import Conn, DateFrom, DateTo, Limit, Offset, ShortText
from lagebild.api.models import StatementList
from lagebild.model import Mode, StatementType
from lagebild.store import statements
from lagebild.store.actor_index import actor_id_or_text

router = APIRouter(prefix="/api", tags=["statements"])


@router.get("/statements", response_model=StatementList, summary="Statements with filters")
def list_statements(
    conn: Conn,
    speaker: Annotated[str | None, Query(
        min_length=1, max_length=300, description="Speaker: actor id, name or alias")] = None,
    actor: Annotated[str | None, Query(
        min_length=1, max_length=300, description="Same as speaker (older name)")] = None,
    about: Annotated[str | None, Query(
        min_length=1, max_length=300,
        description="Actor (id, name or alias) mentioned inside the statement, not its speaker",
    )] = None,
    kind: Annotated[str | None, Query(
        alias="type", min_length=1, max_length=50,
        description="Statement type, any case: " + ", ".join(t.value for t in StatementType),
    )] = None,
    mode: Annotated[str | None, Query(min_length=1, max_length=20,
                                      description="Analysis mode: fast or accurate")] = None,
    article: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    q: ShortText = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    sort: Literal["published", "-published"] = "-published",
    limit: Limit = 50,
    offset: Offset = 0,
) -> StatementList:
    try:
        kind = StatementType.parse(kind).value if kind else None
        mode = Mode(mode.strip().lower()).value if mode else None
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc).replace("'", "")) from exc
    return StatementList.model_validate(statements.list_statements(
        conn, speaker=actor_id_or_text(conn, speaker or actor),
        about=actor_id_or_text(conn, about), kind=kind, mode=mode, article_id=article, q=q,
        date_from=date_from, date_to=date_to, sort=sort, limit=limit, offset=offset,
    ))
