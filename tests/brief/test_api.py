"""``/api/brief`` and ``/api/brief/chart.svg`` on the demo store (samples and a hostile
article): the same brief as the CLI's JSON, charts as script-free SVG, no server errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.api import create_app
from lagebild.api.demo import build_demo_store, hostile_article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("brief-api") / "demo.db"
    build_demo_store(path, [str(SAMPLES)], extra=[hostile_article()])
    with TestClient(create_app(path, api_token="")) as test_client:
        yield test_client


def test_brief_json(client: TestClient) -> None:
    response = client.get("/api/brief", params={"period": "2006-06"})
    assert response.status_code == 200
    brief = response.json()
    assert brief["period"] == {"label": "2006-06", "from": "2006-06-01", "to": "2006-06-30",
                               "days": 30}
    assert brief["articles"] == 2  # 2006-06-05 (Peru) and the hostile 2006-06-30
    items = [e for group in brief["events"].values() for e in group]
    assert items and all(e["evidence"] and e["why"] for e in items)
    first = items[0]["evidence"][0]
    assert first["href"] == f"#/article/{first['article_id']}?hl={first['start']}-{first['end']}"


def test_brief_for_an_actor(client: TestClient) -> None:
    brief = client.get("/api/brief", params={"period": "2006", "actor": "Iran"}).json()
    assert brief["actors"] == [{"id": "new:loc:iran", "name": "Iran"}]
    for group in brief["events"].values():
        for e in group:
            assert "new:loc:iran" in {a["id"] for a in e["source"] + e["target"]}


def test_brief_errors(client: TestClient) -> None:
    bad = client.get("/api/brief", params={"period": "2006-13"})
    assert bad.status_code == 422 and "E025" in bad.json()["error"]["message"]
    unknown = client.get("/api/brief", params={"period": "2006", "actor": "Niemand Xyz"})
    assert unknown.status_code == 404 and "E028" in unknown.json()["error"]["message"]


@pytest.mark.parametrize("kind", ["timeline", "network", "change"])
def test_chart_svg(client: TestClient, kind: str) -> None:
    response = client.get("/api/brief/chart.svg", params={"period": "2006", "kind": kind})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text.startswith("<svg") and "<script" not in response.text
    assert "<b>" not in response.text  # actor names from hostile text are escaped


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(
    st.sampled_from(["period", "actor", "limit", "kind", "index"]),
    st.one_of(st.text(max_size=30), st.sampled_from(
        ["2006", "2006-06", "2006-W22", "last 7 days", "2006-01..2006-12", "0", "99", "change",
         "Iran", "<b>"])), max_size=4))
def test_no_server_errors(client: TestClient, params: dict[str, str]) -> None:
    for endpoint in ("/api/brief", "/api/brief/chart.svg"):
        response = client.get(endpoint, params=params)
        assert response.status_code < 500, (endpoint, params, response.text[:300])
