"""A store built from the samples (structure only) with synthetic annotation layers,
plus one hostile article, shared by the API tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.api.demo import build_demo_store, hostile_article

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
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
