"""The brief in real headless Chromium: the dashboard page (#/brief), an evidence link that
opens the article with the range highlighted, and the self-contained HTML file — hostile
article text rendered as text everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from lagebild.brief.model import Brief
from lagebild.brief.render_html import render_html

pytestmark = pytest.mark.browser

HOSTILE_TAGS = "script, img:not(.timeline-chart):not(.network-chart):not(.change-chart), b"


def _ready(page: Any, route: str) -> None:
    page.wait_for_function("(r) => document.body.dataset.ready === r", arg=route)


def test_brief_page_and_evidence_link(page: Any, live_server: str, shots: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_server + "/#/brief?period=2006-06")
    _ready(page, "/brief")
    assert page.locator("h1").inner_text() == "Lagebild 2006-06"
    assert page.locator("#brief-events li.event").count() >= 1
    assert "Punktzahl" in page.locator("#brief-events .why").nth(1).inner_text()
    # the hostile article's statement and actor name are text, not markup
    main = page.locator("main").inner_text()
    assert "<img src=x onerror=alert(1)>" in main
    assert page.locator(f"main :is({HOSTILE_TAGS})").count() == 0
    # charts come as images from the API and load
    page.wait_for_function("() => [...document.querySelectorAll('main img')].every("
                           "(i) => i.complete && i.naturalWidth > 0)")
    assert page.locator("main img.timeline-chart").count() == 1
    page.screenshot(path=str(shots / "brief.png"), full_page=True)
    # an evidence link opens the article with that range highlighted
    link = page.locator("#brief-events a.evidence-link").first
    href = link.get_attribute("href")
    assert href and "?hl=" in href
    link.click()
    page.wait_for_selector("#article-text .ann.hl")
    start, end = (int(x) for x in href.split("?hl=")[1].split("-"))
    highlighted = "".join(page.locator("#article-text .ann.hl").all_inner_texts())
    assert len(highlighted.replace("\n", "")) <= end - start
    page.screenshot(path=str(shots / "brief-evidence.png"), full_page=True)
    assert dialogs == [] and page.js_errors == []


def test_brief_period_form(page: Any, live_server: str) -> None:
    page.goto(live_server + "/#/brief?period=2006-06")
    _ready(page, "/brief")
    page.fill("#brief-form input[name=period]", "2006-13")
    page.click("#brief-form button")
    page.wait_for_selector("main p.error")
    assert "E025" in page.locator("main p.error").inner_text()


def test_brief_html_file_stands_alone(browser: Any, live_server: str, shots: Path,
                                      tmp_path: Path) -> None:
    data = httpx.get(live_server + "/api/brief", params={"period": "2006-06"}).json()
    target = tmp_path / "brief.html"
    target.write_text(render_html(Brief.model_validate(data), base=live_server + "/"),
                      encoding="utf-8")
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(target.as_uri())
    assert page.locator("h1").inner_text() == "Lagebild 2006-06"
    assert page.locator("svg.chart").count() >= 2
    assert page.locator("svg.chart rect.bar").count() >= 1
    body = page.locator("body").inner_text()
    assert "<img src=x onerror=alert(1)>" in body
    assert page.locator("script, img, body b").count() == 0
    assert requests == [target.as_uri()]  # nothing else loaded
    page.screenshot(path=str(shots / "brief-file.png"), full_page=True)
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "brief.pdf"))  # printable: Chromium lays it out for print
    assert dialogs == []
    context.close()
