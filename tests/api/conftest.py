"""A store built from the samples (structure only) with synthetic annotation layers,
plus one hostile article, shared by the API tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.api.demo import build_demo_store
from lagebild.model import Article, ArticleBuilder, BlockType, Entity, Source

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
XSS_TITLE = "<script>alert(1)</script> Angriff auf das Dashboard"
XSS_BODY = 'Ein Bild <img src=x onerror=alert(1)> und <b>fett</b> sagte Angela Merkel in Berlin.'


def hostile_article() -> Article:
    builder = ArticleBuilder()
    builder.add(BlockType.SECTION, "Sicherheit")
    builder.add_title(None, XSS_TITLE, joined=False)
    builder.add(BlockType.PARAGRAPH, XSS_BODY)
    builder.add_source("Quelle: Testpresse", Source(outlet="Testpresse"))
    builder.set(published="2006-06-30", url="javascript:alert(1)")
    article = builder.build()
    text = article.text
    start = text.index("<script>")
    merkel = text.index("Angela Merkel")
    berlin = text.index("Berlin")
    para = text.index("Ein Bild")
    return article.model_copy(update={
        "entities": [
            Entity(text="<script>alert(1)</script>", start=start, end=start + 25, label="OTH"),
            Entity(text="Angela Merkel", start=merkel, end=merkel + 13, label="PER"),
            Entity(text="Berlin", start=berlin, end=berlin + 6, label="LOC"),
        ],
        "statements": [{
            "speaker": "Angela Merkel", "speaker_actor": "per:angela-merkel", "type": "indirect",
            "start": para, "end": para + len(XSS_BODY), "text": XSS_BODY,
        }],
        "events": [{
            "plover": "ASSAULT", "cameo": "190", "quad_class": 4, "source": "Angela Merkel",
            "source_actor": "per:angela-merkel", "target": "Berlin",
            "target_actor": "loc:berlin", "modality": "<i>asserted</i>", "date": "2006-06-30",
            "start": para, "end": para + 20,
        }],
    })


def make_store(path: Path) -> Path:
    build_demo_store(path, [str(SAMPLES)], extra=[hostile_article()])
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("api") / "lagebild.db")


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, api_token="")) as test_client:
        yield test_client


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A fresh store with uploads enabled (token 'sekret', 2 KB upload limit)."""
    path = make_store(tmp_path / "w.db")
    app = create_app(path, readonly=False, api_token="sekret", max_upload_bytes=2048)
    with TestClient(app) as test_client:
        yield test_client
