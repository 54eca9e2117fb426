"""REST API behaviour against a store built from the samples."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.actors.ids import mention_actor_id, new_actor_id, slug
from lagebild.api import create_app
from lagebild.api.deps import open_read
from lagebild.store import StoreError


def _error(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body["error"]) == {"status", "code", "message"}
    return body["error"]  # type: ignore[no-any-return]


# -- meta ----------------------------------------------------------------------------------
def test_health_and_version(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["articles"] == 17
    assert health["readonly"] is True and health["upload_enabled"] is False
    version = client.get("/api/version").json()
    assert version["lagebild"] and version["api"] == "1" and version["schema_version"] >= 2


def test_dashboard_and_static(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/js/app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/js/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_unknown_api_path_is_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing/here")
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


# -- articles ------------------------------------------------------------------------------
def test_article_list_pagination_and_sorting(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 5, "sort": "published"}).json()
    assert first["total"] == 17 and len(first["items"]) == 5
    dates = [a["published"] for a in first["items"] if a["published"]]
    assert dates == sorted(dates)
    second = client.get("/api/articles", params={"limit": 5, "offset": 5,
                                                 "sort": "published"}).json()
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    desc = client.get("/api/articles", params={"sort": "-published", "limit": 500}).json()
    got = [a["published"] for a in desc["items"] if a["published"]]
    assert got == sorted(got, reverse=True)
    titles = client.get("/api/articles", params={"sort": "title", "limit": 500}).json()
    names = [(a["title"] or "").lower() for a in titles["items"]]
    assert names == sorted(names)


def test_article_filters(client: TestClient) -> None:
    by_date = client.get("/api/articles", params={"date_from": "2006-03", "date_to": "2006-03"})
    items = by_date.json()["items"]
    assert items and all(a["published"].startswith("2006-03") for a in items)
    outlet = client.get("/api/articles", params={"outlet": "Testpresse"}).json()
    assert outlet["total"] == 1 and outlet["items"][0]["outlet"] == "Testpresse"
    section = client.get("/api/articles", params={"section": "Politik"}).json()
    assert section["total"] >= 1 and all(a["section"] == "Politik" for a in section["items"])


def test_article_search(client: TestClient) -> None:
    hits = client.get("/api/articles", params={"q": "Saddam Hussein"}).json()
    assert hits["total"] >= 1
    top = hits["items"][0]
    assert "Saddam" in top["title"] and "[" in top["snippet"] and top["score"] is not None
    assert client.get("/api/articles", params={"q": '"" (AND OR'}).status_code == 200
    assert client.get("/api/articles", params={"q": "xyzzyplugh"}).json()["total"] == 0


def test_article_detail_has_every_layer(client: TestClient) -> None:
    listing = client.get("/api/articles", params={"q": "Saddam-Prozess"}).json()
    article_id = listing["items"][0]["id"]
    doc = client.get(f"/api/articles/{article_id}").json()
    assert doc["id"] == article_id and doc["text"]
    assert doc["blocks"] and all(0 <= b["start"] <= b["end"] <= len(doc["text"])
                                 for b in doc["blocks"])
    assert doc["entities"], "demo annotations expected"
    for ent in doc["entities"]:
        assert doc["text"][ent["start"]:ent["end"]] == ent["text"]
        assert ent["actor_id"] == mention_actor_id(ent["label"], ent["text"])
    assert doc["store"]["origin"]
    prefix = client.get(f"/api/articles/{article_id[:8]}").json()
    assert prefix["id"] == article_id


def test_article_not_found_and_bad_params(client: TestClient) -> None:
    missing = client.get("/api/articles/doesnotexist")
    assert missing.status_code == 404 and "doesnotexist" in _error(missing)["message"]
    for params in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"sort": "bogus"},
                   {"date_from": "yesterday"}, {"date_to": "2006-13-99x"}, {"limit": "ten"}):
        response = client.get("/api/articles", params=params)
        assert response.status_code == 422, params
        error = _error(response)
        assert error["code"] == "invalid_request"
        assert next(iter(params)) in str(error["message"])


# -- actors --------------------------------------------------------------------------------
def test_actor_ids() -> None:
    assert slug("Hans-Jürgen Papier") == "hans-juergen-papier"
    # an actor not in the KB never shares an id with a KB person (per:alan-garcia)
    assert mention_actor_id("PER", "Alan García") == "new:per:alan-garcia"
    assert mention_actor_id("PER", "Alan García", "per:alan-garcia") == "per:alan-garcia"
    assert new_actor_id("PER", "Alan García") == "new:per:alan-garcia"


def test_actor_list_search_and_filter(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 10}).json()
    assert actors["total"] > 10 and len(actors["items"]) == 10
    counts = [a["mentions"] for a in actors["items"]]
    assert counts == sorted(counts, reverse=True)
    found = client.get("/api/actors", params={"q": "saddam"}).json()
    assert [a["id"] for a in found["items"]] == ["new:per:saddam-hussein"]
    people = client.get("/api/actors", params={"label": "PER", "limit": 500}).json()
    assert people["items"] and all(a["label"] == "PER" for a in people["items"])
    by_name = client.get("/api/actors", params={"sort": "name", "limit": 500}).json()
    names = [a["name"].lower() for a in by_name["items"]]
    assert names == sorted(names)


def test_actor_detail(client: TestClient) -> None:
    iran = client.get("/api/actors/new:loc:iran").json()
    assert iran["name"] == "Iran" and iran["label"] == "LOC"
    assert iran["aliases"][0]["text"] == "Iran"
    assert sum(m["count"] for m in iran["mentions_by_month"]) == iran["mentions"]
    assert iran["events"] and all(
        "new:loc:iran" in (e["source_actor_id"], e["target_actor_id"]) for e in iran["events"])
    assert iran["related"] and iran["relation"] is None
    assert any(r["source"] or r["target"] for r in iran["roles_by_month"])
    papier = client.get("/api/actors/new:per:hans-juergen-papier").json()
    assert papier["statements_by"] and papier["statements_by"][0]["speaker"] == "Hans-Jürgen Papier"


def test_actor_relation_timeline(client: TestClient) -> None:
    detail = client.get("/api/actors/new:loc:iran", params={"with": "new:org:iaea"}).json()
    relation = detail["relation"]
    assert relation["other"] == "new:org:iaea" and relation["other_name"] == "IAEA"
    assert sum(m["co_mentions"] for m in relation["timeline"]) >= 1
    assert relation["events"]


def test_statements_about_an_actor(client: TestClient) -> None:
    berlin = client.get("/api/actors/new:loc:berlin").json()
    assert any(s["speaker"] == "Angela Merkel" for s in berlin["statements_about"])


def test_actor_not_found(client: TestClient) -> None:
    response = client.get("/api/actors/per:nobody-at-all")
    assert response.status_code == 404 and _error(response)["code"] == "not_found"


# -- statements and events -----------------------------------------------------------------
def test_statements_filters(client: TestClient) -> None:
    everything = client.get("/api/statements").json()
    assert everything["total"] >= 2
    by_actor = client.get("/api/statements", params={"actor": "new:per:angela-merkel"}).json()
    assert by_actor["total"] == 1 and by_actor["items"][0]["type"] == "Indirect"
    kinds = client.get("/api/statements", params={"type": "direct"}).json()
    assert kinds["total"] >= 1 and all(s["type"] == "Direct" for s in kinds["items"])
    assert client.get("/api/statements", params={"type": "DIRECT"}).json() == kinds
    assert client.get("/api/statements", params={"type": "Direct"}).json() == kinds
    unknown = client.get("/api/statements", params={"type": "quote"})
    assert unknown.status_code == 422 and "Direct" in unknown.text
    assert client.get("/api/statements", params={"mode": "slow"}).status_code == 422
    fast = client.get("/api/statements", params={"mode": "FAST"}).json()
    assert fast["total"] == everything["total"]  # the demo layers are all "fast"
    dated = client.get("/api/statements", params={"date_from": "2006-06-30"}).json()
    assert all(s["published"] >= "2006-06-30" for s in dated["items"])


def test_events_filters(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] >= 3
    consult = client.get("/api/events", params={"type": "CONSULT"}).json()
    assert consult["items"] and all(e["plover"] == "CONSULT" for e in consult["items"])
    assert client.get("/api/events", params={"type": "consult"}).json() == consult
    assert client.get("/api/events", params={"type": "DEMAND"}).status_code == 422
    assert client.get("/api/events", params={"modality": "maybe"}).status_code == 422
    asserted = client.get("/api/events", params={"modality": "ASSERTED", "limit": 500}).json()
    assert asserted["total"] == everything["total"]
    cameo = client.get("/api/events", params={"type": "04"}).json()
    assert cameo["total"] == consult["total"]
    quad4 = client.get("/api/events", params={"quad_class": 4}).json()
    assert quad4["items"] and all(e["quad_class"] == 4 for e in quad4["items"])
    actor = client.get("/api/events", params={"actor": "new:loc:iran"}).json()
    assert actor["items"] and all(
        "new:loc:iran" in (e["source_actor_id"], e["target_actor_id"]) for e in actor["items"])
    ranged = client.get("/api/events", params={"date_from": "2006-05-01",
                                               "date_to": "2006-05-31"}).json()
    assert all("2006-05-01" <= (e["date"] or "") <= "2006-05-31" for e in ranged["items"])
    modal = client.get("/api/events", params={"modality": "asserted"}).json()
    assert modal["items"] and all(e["modality"] == "asserted" for e in modal["items"])
    evidence = everything["items"][0]
    assert evidence["text"]
    assert client.get("/api/events", params={"quad_class": 5}).status_code == 422
    timeline = client.get("/api/events/timeline").json()
    assert sum(m["total"] for m in timeline) == everything["total"]
    likely = client.get("/api/events", params={"min_confidence": 0.9, "limit": 500}).json()
    assert all(e["confidence"] >= 0.9 for e in likely["items"])
    assert likely["total"] == sum((e["confidence"] or 0) >= 0.9 for e in everything["items"])
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422


def test_statement_actor_filters_take_names(client: TestClient) -> None:
    by_id = client.get("/api/statements", params={"speaker": "new:per:angela-merkel"}).json()
    by_name = client.get("/api/statements", params={"speaker": "angela merkel"}).json()
    assert by_name == by_id and by_id["total"] == 1
    assert client.get("/api/statements", params={"actor": "Angela Merkel"}).json() == by_id
    # Merkel is named inside her own statement: that is a statement by her, not about her
    assert client.get("/api/statements", params={"about": "Angela Merkel"}).json()["total"] == 0
    berlin = client.get("/api/statements", params={"about": "Berlin"}).json()
    assert [s["speaker"] for s in berlin["items"]] == ["Angela Merkel"]
    nobody = client.get("/api/statements", params={"speaker": "Niemand Bekanntes"}).json()
    assert nobody["total"] == 0


def test_event_actor_filters_take_names(client: TestClient) -> None:
    by_id = client.get("/api/events", params={"actor": "new:loc:iran", "limit": 500}).json()
    assert by_id["total"] >= 1
    assert client.get("/api/events", params={"actor": "iran", "limit": 500}).json() == by_id
    as_target = client.get("/api/events", params={"target": "Iran", "limit": 500}).json()
    assert as_target["items"] and all(e["target_actor_id"] == "new:loc:iran"
                                      for e in as_target["items"])
    as_source = client.get("/api/events", params={"source": "Iran", "limit": 500}).json()
    assert as_source["total"] + as_target["total"] >= by_id["total"]
    assert all(e["source_actor_id"] == "new:loc:iran" for e in as_source["items"])


def test_hand_built_layers_through_the_api(tmp_path: Path) -> None:
    from layered_store import SPEAKER_ID, build_layered_store

    path = build_layered_store(tmp_path / "layers.db")
    with TestClient(create_app(path, api_token="")) as api:
        def plovers(**params: str) -> list[str]:
            page = api.get("/api/events", params=params).json()
            return sorted(e["plover"] for e in page["items"])

        # "Die USA und Russland verhandeln": found by both members of the compound source
        assert plovers(actor="Russland") == ["ACCUSE", "CONSULT"]
        assert plovers(actor="USA") == ["ACCUSE", "CONSULT"]
        assert plovers(source="RUS") == ["ACCUSE", "CONSULT"]
        assert plovers(target="usa") == ["ACCUSE"]
        assert plovers(type="sanction", modality="planned") == ["SANCTION"]
        assert plovers(date_from="2015") == ["CONSULT", "SANCTION"]
        quotes = api.get("/api/statements", params={"about": "Russland"}).json()
        assert [s["speaker_actor_id"] for s in quotes["items"]] == [SPEAKER_ID]
        assert api.get("/api/statements", params={"speaker": "Anna Probe"}).json()["total"] == 1
        russia = api.get("/api/actors/RUS").json()
        assert {e["plover"] for e in russia["events"]} == {"CONSULT", "ACCUSE"}
        assert [s["speaker_actor_id"] for s in russia["statements_about"]] == [SPEAKER_ID]


# -- graph ---------------------------------------------------------------------------------
def test_graph_events_and_cooccurrence(client: TestClient) -> None:
    events = client.get("/api/graph").json()
    assert events["mode"] == "events" and events["nodes"] and events["edges"]
    ids = {n["id"] for n in events["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in events["edges"])
    co = client.get("/api/graph", params={"mode": "cooccurrence", "max_nodes": 10}).json()
    assert co["mode"] == "cooccurrence" and len(co["nodes"]) <= 10 and co["edges"]
    conflict = client.get("/api/graph", params={"quad_class": 4}).json()
    assert all(set(e["quad_classes"]) == {"4"} for e in conflict["edges"])
    period = client.get("/api/graph", params={"date_from": "1990", "date_to": "1991"}).json()
    assert period["nodes"] == [] and period["edges"] == []


# -- exports -------------------------------------------------------------------------------
def test_export_jsonl_and_csv(client: TestClient) -> None:
    jsonl = client.get("/api/export/jsonl")
    assert jsonl.status_code == 200 and "ndjson" in jsonl.headers["content-type"]
    docs = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(docs) == 17 and all("text" in d and "blocks" in d for d in docs)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    assert len(rows) == 17 and {"id", "title", "published"} <= set(rows[0])
    events = list(csv.DictReader(io.StringIO(
        client.get("/api/export/csv", params={"dataset": "events"}).text)))
    assert events and events[0]["plover"]
    actors = client.get("/api/export/jsonl", params={"dataset": "actors"}).text.splitlines()
    assert json.loads(actors[0])["id"]


def test_export_graphml_and_gdelt(client: TestClient) -> None:
    graphml = client.get("/api/export/graphml")
    root = ET.fromstring(graphml.content)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.find(f"{ns}graph") is not None
    assert root.findall(f".//{ns}node") and root.findall(f".//{ns}edge")
    lines = client.get("/api/export/gdelt").text.splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    assert all(len(line.split("\t")[1]) == 8 for line in lines)  # SQLDATE


def test_export_parquet_and_bad_kind(client: TestClient) -> None:
    import io

    import pyarrow.parquet as pq  # a pinned dependency: the export must work

    parquet = client.get("/api/export/parquet")
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == client.get("/api/articles").json()["total"]
    assert {"id", "title"} <= set(table.column_names)
    assert client.get("/api/export/xlsx").status_code == 422
    assert client.get("/api/export/csv", params={"dataset": "secrets"}).status_code == 422


# -- read-only and upload ------------------------------------------------------------------
def test_reads_cannot_write(store_path: Path) -> None:
    conn = open_read(store_path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    conn.close()


def test_upload_absent_without_token(client: TestClient) -> None:
    response = client.post("/api/articles", content=b'{"text": "x"}')
    assert response.status_code == 405


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "none.db", api_token="")


UPLOAD = (
    '{"id": "u1", "title": "Neue Gespräche in Wien", "published": "2006-07-01", '
    '"outlet": "Upload", "text": "Die Außenminister trafen sich am Montag in Wien zu neuen '
    'Gesprächen über das Atomprogramm. Eine Einigung beim Quokkagipfel gab es zunächst nicht."}\n'
)


def test_upload_requires_token(writable: TestClient) -> None:
    assert writable.post("/api/articles", content=UPLOAD).status_code == 401
    wrong = writable.post("/api/articles", content=UPLOAD,
                          headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"


def test_upload_stores_jsonl(writable: TestClient) -> None:
    auth = {"Authorization": "Bearer sekret", "Content-Type": "application/x-ndjson"}
    response = writable.post("/api/articles", content=UPLOAD.encode(), headers=auth)
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["stored"] == 1 and len(report["ids"]) == 1
    doc = writable.get(f"/api/articles/{report['ids'][0]}").json()
    assert doc["title"] == "Neue Gespräche in Wien" and doc["source"]["outlet"] == "Upload"
    again = writable.post("/api/articles", content=UPLOAD.encode(), headers=auth).json()
    assert again["stored"] == 0 and again["unchanged"] == 1
    hits = writable.get("/api/articles", params={"q": "Quokkagipfel"}).json()
    assert hits["total"] == 1


def test_upload_text_dump(writable: TestClient) -> None:
    dump = ("Politik\n\nMinister besucht Hamburg\n\nDer Minister hat am Dienstag den Hafen "
            "in Hamburg besucht und mit Vertretern der Wirtschaft gesprochen.\n\n"
            "Quelle: Testpresse\n")
    response = writable.post("/api/articles", content=dump.encode(),
                             headers={"Authorization": "Bearer sekret",
                                      "Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 201, response.text
    doc = writable.get(f"/api/articles/{response.json()['ids'][0]}").json()
    assert doc["headline"] == "Minister besucht Hamburg"


def test_upload_rejects_oversize_and_malformed(writable: TestClient) -> None:
    auth = {"Authorization": "Bearer sekret"}
    big = writable.post("/api/articles", content=b"{" + b"x" * 4096 + b"}", headers=auth)
    assert big.status_code == 413 and _error(big)["code"] == "payload_too_large"
    empty = writable.post("/api/articles", content=b"   ", headers=auth)
    assert empty.status_code == 400
    binary = writable.post("/api/articles", content=b"\x00\x01\x02" * 10, headers=auth)
    assert binary.status_code == 400
    broken = writable.post("/api/articles", content=b'{"text": "no end',
                           headers={**auth, "Content-Type": "application/x-ndjson"})
    assert broken.status_code == 422 and broken.json()["failed"] == 1
    no_text = writable.post("/api/articles", content=b'{"title": "x"}\n[1, 2]\n',
                            headers={**auth, "Content-Type": "application/x-ndjson"})
    assert no_text.status_code == 422 and no_text.json()["failed"] == 2
    assert writable.get("/api/health").json()["upload_enabled"] is True


def test_linked_mentions_form_kb_actors(tmp_path: Path) -> None:
    from lagebild.model import ArticleBuilder, BlockType, Entity
    from lagebild.store import Store

    builder = ArticleBuilder()
    builder.add_title(None, "Kerry trifft Lawrow", joined=False)
    builder.add(BlockType.PARAGRAPH, "US-Außenminister John Kerry traf Kerry-Kritiker in Genf.")
    article = builder.build(published="2015-09-20")
    text = article.text
    john = text.index("John Kerry")
    article = article.model_copy(update={"entities": [
        Entity(text="John Kerry", start=john, end=john + 10, label="PER", actor="USAGOVKERRY"),
        Entity(text="Kerry", start=text.index("Kerry trifft"),
               end=text.index("Kerry trifft") + 5, label="PER", actor="USAGOVKERRY"),
        Entity(text="Genf", start=text.index("Genf"), end=text.index("Genf") + 4, label="LOC"),
    ]})
    with Store(tmp_path / "kb.db") as store:
        store.add(article)
    with TestClient(create_app(tmp_path / "kb.db", api_token="")) as kb_client:
        actors = kb_client.get("/api/actors").json()["items"]
        kerry = next(a for a in actors if a["id"] == "USAGOVKERRY")
        assert kerry["linked"] and kerry["mentions"] == 2
        assert set(kerry["aliases"]) == {"John Kerry", "Kerry"}
        doc = kb_client.get(f"/api/articles/{article.id}").json()
        assert {e["actor_id"] for e in doc["entities"]} == {"USAGOVKERRY", "new:loc:genf"}
        detail = kb_client.get("/api/actors/USAGOVKERRY").json()
        assert detail["articles"] == 1 and detail["related"][0]["id"] == "new:loc:genf"


def test_relations_and_event_clusters(client: TestClient) -> None:
    data = client.get("/api/relations", params={"a": "new:loc:iran", "b": "new:org:iaea"}).json()
    assert data["events"] >= 1 and data["periods"]
    first = data["periods"][0]
    assert first["events"] == first["a_to_b"] + first["b_to_a"]
    assert first["q1"] + first["q2"] + first["q3"] + first["q4"] <= first["events"]
    page = client.get("/api/events/clusters", params={"actor": "new:loc:iran"}).json()
    assert page["total"] >= 1 and all(c["mentions"] >= 1 for c in page["items"])
    one = client.get(f"/api/events/clusters/{page['items'][0]['id']}").json()
    assert len(one["items"]) == one["mentions"]
    assert client.get("/api/events/clusters/999999").status_code == 404
    assert client.get("/api/relations", params={"a": "x", "b": "y", "by": "decade"}
                      ).status_code == 422
