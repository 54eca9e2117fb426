"""``POST /api/articles``: upload JSONL or a text dump. Mounted only with an API token.

The route only reads and stores (through the ingest readers and ``Store.add``); NLP stages
are never run inside a request.
"""

from __future__ import annotations

import hashlib
import secrets
import tempfile
from pathlib import Path as FsPath
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lagebild.api.deps import ApiSettings, Settings
from lagebild.api.models import ErrorResponse, UploadFailure, UploadReport
from lagebild.ingest import Failure, read_path
from lagebild.model import Origin
from lagebild.settings import Options
from lagebild.store import AddStatus, Store

router = APIRouter(prefix="/api", tags=["upload"])
bearer = HTTPBearer(auto_error=False, description="The API token (LAGEBILD_API_TOKEN)")

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json",
               "application/x-jsonlines", "application/jsonlines")


def require_token(
    settings: Settings,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    token = settings.api_token
    given = credentials.credentials if credentials else ""
    if not token or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong API token (send 'Authorization: Bearer <token>')",
            headers={"WWW-Authenticate": "Bearer"},
        )


def _format(content_type: str, body: bytes) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if kind in JSONL_TYPES:
        return "jsonl"
    if kind.startswith("text/"):
        return "textdump"
    return "jsonl" if body.lstrip().startswith(b"{") else "textdump"


def _store_upload(settings: ApiSettings, body: bytes, fmt: str) -> UploadReport:
    digest = hashlib.sha256(body).hexdigest()[:16]
    report = UploadReport(read=0, stored=0, duplicates=0, unchanged=0, failed=0, skipped=0,
                          ids=[], failures=[])
    with tempfile.TemporaryDirectory(prefix="lagebild-upload-") as tmp:
        path = FsPath(tmp) / ("upload.jsonl" if fmt == "jsonl" else "upload.txt")
        path.write_bytes(body)
        with Store(settings.db_path) as store, store.transaction():
            for item in read_path(str(path), Options(formats=(fmt,))):
                report.read += 1
                record = item.origin.record if item.origin else None
                origin = Origin(path=f"upload:{digest}", record=record, reader=fmt)
                if isinstance(item, Failure):
                    failure = Failure(origin, item.code, item.message, item.skipped)
                    store.add_failure(failure)
                    report.failures.append(UploadFailure(
                        origin=str(origin), code=item.code.name, message=item.message,
                        skipped=item.skipped))
                    if item.skipped:
                        report.skipped += 1
                    else:
                        report.failed += 1
                    continue
                result = store.add(item.model_copy(update={"origin": origin}))
                report.ids.append(result.article_id)
                if result.status is AddStatus.STORED:
                    report.stored += 1
                elif result.status is AddStatus.DUPLICATE:
                    report.duplicates += 1
                else:
                    report.unchanged += 1
    return report


@router.post(
    "/articles",
    status_code=201,
    response_model=UploadReport,
    dependencies=[Depends(require_token)],
    responses={
        400: {"model": ErrorResponse, "description": "Empty or unreadable body"},
        401: {"model": ErrorResponse, "description": "Missing or wrong token"},
        413: {"model": ErrorResponse, "description": "Body larger than the upload limit"},
        422: {"model": UploadReport, "description": "No article could be read"},
    },
    summary="Upload articles (JSON Lines or a text dump); needs the API token",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    },
)
async def upload_articles(request: Request, settings: Settings) -> UploadReport | JSONResponse:
    limit = settings.max_upload_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(status_code=413, detail=f"upload larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(status_code=413, detail=f"upload larger than {limit} bytes")
    if not bytes(body).strip():
        raise HTTPException(status_code=400, detail="empty upload")
    data = bytes(body)
    if b"\x00" in data[:4096]:
        raise HTTPException(status_code=400, detail="binary upload: send UTF-8 text")
    fmt = _format(request.headers.get("content-type", ""), data)
    report = await run_in_threadpool(_store_upload, settings, data, fmt)
    if not report.ids:
        return JSONResponse(status_code=422, content=report.model_dump())
    return report
