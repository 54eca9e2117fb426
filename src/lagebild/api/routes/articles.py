"""Articles: list/search with filters, facets, detail with every annotation layer."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query

from lagebild.api.deps import Conn, DateFrom, DateTo, Limit, Offset, ShortText
from lagebild.api.models import ArticleDetail, ArticleList, ErrorResponse, Facets
from lagebild.store import articles

router = APIRouter(prefix="/api", tags=["articles"])

ArticleSort = Literal[
    "published", "-published", "title", "-title", "outlet", "-outlet", "chars", "-chars",
    "relevance",
]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"}
}


@router.get("/articles", response_model=ArticleList, summary="List or search articles")
def list_articles(
    conn: Conn,
    q: Annotated[
        str | None, Query(max_length=500, description="Full-text search: all words must occur")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    outlet: ShortText = None,
    section: ShortText = None,
    sort: Annotated[
        ArticleSort,
        Query(description="Sort key; '-' = descending; 'relevance' needs q"),
    ] = "-published",
    limit: Limit = 50,
    offset: Offset = 0,
) -> ArticleList:
    result = articles.list_articles(
        conn, q=q, date_from=date_from, date_to=date_to, outlet=outlet, section=section,
        sort=sort, limit=limit, offset=offset,
    )
    return ArticleList.model_validate(result)


@router.get("/facets", response_model=Facets, summary="Outlets, sections and date range")
def facets(conn: Conn) -> Facets:
    return Facets.model_validate(articles.facets(conn))


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    responses=NOT_FOUND,
    summary="One article: text, blocks and every annotation layer with offsets",
)
def get_article(
    conn: Conn,
    article_id: Annotated[str, Path(min_length=1, max_length=200,
                                    description="Article id or a unique prefix (≥ 6 chars)")],
) -> ArticleDetail:
    doc = articles.get_article(conn, article_id)
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return ArticleDetail.model_validate(doc)
