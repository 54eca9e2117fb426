"""Exports: JSONL, CSV, GraphML, Parquet (with the optional pyarrow), GDELT event columns."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi.responses import StreamingResponse

from lagebild.api.deps import Conn, DateFrom, DateTo
from lagebild.api.models import ErrorResponse
from lagebild.store import export as exports
from lagebild.store.graph import actor_graph, graph_to_graphml

router = APIRouter(prefix="/api", tags=["export"])

ExportKind = Literal["jsonl", "csv", "graphml", "parquet", "gdelt"]
Dataset = Literal["articles", "statements", "events", "actors"]


@router.get(
    "/export/{kind}",
    summary="Download data: jsonl, csv, graphml, parquet or gdelt (events as GDELT columns)",
    responses={
        200: {
            "description": "The export file",
            "content": {
                "application/x-ndjson": {}, "text/csv": {}, "text/tab-separated-values": {},
                "application/graphml+xml": {},
                "application/vnd.apache.parquet": {},
            },
        },
        501: {"model": ErrorResponse, "description": "Parquet needs pyarrow"},
    },
)
def export(
    conn: Conn,
    kind: ExportKind,
    dataset: Annotated[Dataset, Query(description="What to export (jsonl/csv/parquet)")] = (
        "articles"
    ),
    date_from: DateFrom = None,
    date_to: DateTo = None,
    full: Annotated[bool, Query(description="jsonl articles: the complete stored "
                                "documents with every annotation layer")] = True,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="graphml only")] = None,
) -> Response:
    name = f"lagebild-{dataset}"
    if kind == "graphml":
        graph = actor_graph(conn, date_from=date_from, date_to=date_to,
                             quad_class=quad_class, max_nodes=300)
        return Response(
            graph_to_graphml(graph), media_type="application/graphml+xml",
            headers={"Content-Disposition": 'attachment; filename="lagebild-graph.graphml"'},
        )
    if kind == "gdelt":
        rows = list(exports.gdelt_rows(conn, date_from=date_from, date_to=date_to))
        return StreamingResponse(
            iter(exports.rows_to_tsv(rows, exports.GDELT_COLUMNS)),
            media_type="text/tab-separated-values; charset=utf-8",
            headers={"Content-Disposition":
                     'attachment; filename="lagebild-events-gdelt.export.CSV"'},
        )
    columns = exports.DATASET_COLUMNS[dataset]
    if kind == "parquet":
        if not exports.pyarrow_available():
            raise HTTPException(
                status_code=501,
                detail="Parquet export needs pyarrow, which is not installed "
                "('pip install pyarrow'); use jsonl or csv instead",
            )
        rows = list(exports.iter_dataset(conn, dataset, date_from=date_from, date_to=date_to))
        return Response(
            exports.rows_to_parquet(rows, columns),
            media_type="application/vnd.apache.parquet",
            headers={"Content-Disposition": f'attachment; filename="{name}.parquet"'},
        )
    # Rows are read now (the connection closes with the request), then streamed.
    rows = list(exports.iter_dataset(conn, dataset, date_from=date_from, date_to=date_to,
                                     full=full and kind == "jsonl"))
    if kind == "jsonl":
        return StreamingResponse(
            exports.rows_to_jsonl(rows), media_type="application/x-ndjson; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'},
        )
    return StreamingResponse(
        iter(exports.rows_to_csv(rows, columns)), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
