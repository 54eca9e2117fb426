"""End-to-end fixtures: a live uvicorn server on a free port and Debian's headless Chromium.

Playwright never downloads browsers here: it drives ``/usr/bin/chromium`` (or
``$LAGEBILD_CHROMIUM``). Without it the browser tests skip with a clear message.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = Path(os.environ.get("LAGEBILD_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "ntv-2015-moskau-sucht-gespraech.txt"
SOFT_TITLE = "Bayern gewinnt das Spitzenspiel"


def soft_article() -> Any:
    """A match report the topic stage called soft news (the label as the stage writes it)."""
    from lagebild.model import Article, Topic

    text = f"{SOFT_TITLE}\n\nDer FC Bayern hat das Spitzenspiel gegen Dortmund mit 3:1 gewonnen."
    return Article(text=text, title=SOFT_TITLE, topic=Topic(label="soft", score=0.97))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from lagebild.api import create_app
    from lagebild.api.demo import build_demo_store, hostile_article

    db = tmp_path_factory.mktemp("browser") / "lagebild.db"
    inputs = [str(ROOT / "samples")] + ([str(EXAMPLE)] if EXAMPLE.is_file() else [])
    build_demo_store(db, inputs, extra=[hostile_article(), soft_article()])
    port = _free_port()
    config = uvicorn.Config(create_app(db, api_token=""), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def example_article() -> Path:
    if not EXAMPLE.is_file():
        pytest.skip(f"example article not found at {EXAMPLE} (set LAGEBILD_SHARED)")
    return EXAMPLE


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium); "
                    "browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright not installed (pip install -e '.[dev]'); browser tests skipped")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots go to $LAGEBILD_SCREENSHOTS (e.g. screenshots/, gitignored) or a tmp dir."""
    target = os.environ.get("LAGEBILD_SCREENSHOTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture()
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.set_default_timeout(10_000)
    pg.js_errors = errors
    yield pg
    context.close()
