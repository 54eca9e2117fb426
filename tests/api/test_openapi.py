"""The committed OpenAPI document matches the app; no query input makes the API fail (5xx).

Regenerate the document with ``python -m lagebild.api.openapi docs/openapi.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.api.openapi import build_openapi, render

DOC = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_openapi_document_in_sync() -> None:
    committed = json.loads(DOC.read_text(encoding="utf-8"))
    current = json.loads(render(build_openapi()))
    assert committed == current, (
        "docs/openapi.json is stale: run python -m lagebild.api.openapi docs/openapi.json"
    )


def test_openapi_served(client: TestClient) -> None:
    served = client.get("/openapi.json").json()
    paths = set(served["paths"])
    for path in ("/api/health", "/api/version", "/api/articles", "/api/articles/{article_id}",
                 "/api/actors", "/api/actors/{actor_id}", "/api/statements", "/api/events",
                 "/api/graph", "/api/export/{kind}"):
        assert path in paths
    # read-only server: the upload operation is not offered
    assert "post" not in served["paths"]["/api/articles"]
    assert "post" in json.loads(DOC.read_text(encoding="utf-8"))["paths"]["/api/articles"]


ENDPOINTS = ["/api/articles", "/api/actors", "/api/statements", "/api/events", "/api/graph",
             "/api/events/timeline", "/api/export/csv", "/api/actors/loc:iran"]
KEYS = ["q", "limit", "offset", "sort", "date_from", "date_to", "outlet", "section", "label",
        "type", "actor", "quad_class", "mode", "max_nodes", "min_weight", "with", "modality",
        "source", "target", "article", "dataset"]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-5, max_value=1000).map(str),
    st.sampled_from(["2006", "2006-03", "2006-03-01", "-published", "relevance", "events",
                     "PER", "loc:iran", "CONSULT", "04", "1", "4", '"', "%", "_", "*", "NEAR(",
                     "articles", "events"]),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(ENDPOINTS),
       params=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5))
def test_no_server_errors(client: TestClient, endpoint: str, params: dict[str, str]) -> None:
    response = client.get(endpoint, params=params)
    assert response.status_code < 500, (endpoint, params, response.text[:300])
    if response.status_code >= 400:
        assert "error" in response.json()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(min_size=1, max_size=40).filter(lambda p: "/" not in p and p.strip()))
def test_no_server_errors_on_ids(client: TestClient, path: str) -> None:
    for base in ("/api/articles/", "/api/actors/"):
        response = client.get(base + quote(path, safe=""))
        assert response.status_code < 500, (base, path)
