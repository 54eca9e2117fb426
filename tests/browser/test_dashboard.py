"""The dashboard in real headless Chromium: search, article, actor, network, events, XSS."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _ready(page: Any, route: str) -> None:
    page.wait_for_function("(r) => document.body.dataset.ready === r", arg=route)


def test_search_and_open_article(page: Any, live_server: str, shots: Path) -> None:
    page.goto(live_server + "/")
    _ready(page, "/")
    page.fill("#search-q", "Saddam Hussein")
    page.press("#search-q", "Enter")
    _ready(page, "/search")
    first = page.locator("#results .article-link").first
    assert "Saddam" in first.inner_text()
    assert page.locator("#results mark").count() >= 1
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    first.click()
    page.wait_for_selector("#article-text h1")
    _ready(page, "/article/" + page.url.split("/article/")[1])
    assert "Saddam-Prozess" in page.locator("#article-text h1").inner_text()
    # entity highlights, with evidence on click
    entity = page.locator("#article-text .ent.PER").first
    assert entity.count() == 1
    entity.click()
    assert page.locator("#selection .actor-link").count() >= 1
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.js_errors == []


def test_article_structure_blocks(page: Any, live_server: str) -> None:
    page.goto(live_server + "/#/search?q=Grüne+Tankstellen")
    _ready(page, "/search")
    page.locator("#results .article-link").first.click()
    page.wait_for_selector("#article-text")
    blocks = page.eval_on_selector_all("#article-text [data-block]",
                                       "els => els.map(e => e.dataset.block)")
    assert {"section", "headline", "paragraph", "source"} <= set(blocks)
    assert page.locator("#article-text .section").text_content() == "Politik"


def test_article_says_it_is_soft_news(page: Any, live_server: str) -> None:
    page.goto(live_server + "/#/search?q=Spitzenspiel")
    _ready(page, "/search")
    page.locator("#results .article-link").first.click()
    page.wait_for_selector("#article-text h1")
    assert "Bayern gewinnt das Spitzenspiel" in page.locator("#article-text h1").inner_text()
    assert "Soft News" in page.locator("aside .meta").first.inner_text()
    assert page.js_errors == []


def test_actor_page(page: Any, live_server: str, shots: Path) -> None:
    page.goto(live_server + "/#/actor/new%3Aloc%3Airan")
    page.wait_for_selector("#actor-name")
    assert page.locator("#actor-name").inner_text().startswith("Iran")
    assert page.locator("#aliases li").count() >= 1
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator(".event-list li").count() >= 1
    page.select_option("#relation-other", "new:org:iaea")
    page.wait_for_selector("#relation svg.chart")
    assert "IAEA" in page.locator("#relation").inner_text()
    # the relation chart counts events (cooperation above, conflict below), not co-mentions
    page.wait_for_selector("#relation svg.chart.diverging rect.bar")
    assert page.locator("#relation svg.chart.diverging rect.bar").count() >= 1
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    # from the top-actor list on the start page
    page.goto(live_server + "/#/")
    page.locator("#top-actors .actor-link").first.click()
    page.wait_for_selector("#actor-name")
    assert page.js_errors == []


def test_network_view(page: Any, live_server: str, shots: Path) -> None:
    page.goto(live_server + "/#/network")
    page.wait_for_selector("#network circle")
    assert page.locator("#network circle").count() >= 3
    assert page.locator("#network line").count() >= 1
    assert "Ereignisse" in page.locator("#network-summary").inner_text()
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.select_option("#network-form select[name=mode]", "cooccurrence")
    page.click("#network-form button")
    page.wait_for_function("() => document.querySelector('#network-summary')"
                           "?.textContent.includes('gemeinsame')")
    page.locator("#network a.node circle").first.click(force=True)
    page.wait_for_selector("#actor-name")
    assert page.js_errors == []


def test_event_timeline(page: Any, live_server: str, shots: Path) -> None:
    page.goto(live_server + "/#/events")
    page.wait_for_selector("#event-timeline svg rect.bar")
    assert page.locator(".event-list li").count() >= 3
    page.screenshot(path=str(shots / "events.png"), full_page=True)


def test_hostile_article_renders_as_text(page: Any, live_server: str, shots: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_server + "/#/search?q=Dashboard+Angriff")
    _ready(page, "/search")
    # the title shows as text in the result list
    assert "<script>alert(1)</script>" in page.locator("#results").inner_text()
    page.locator("#results .article-link").first.click()
    page.wait_for_selector("#article-text h1")
    text = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert page.locator("main script, main img").count() == 0
    # the javascript: URL is not turned into a link
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator("#article-text .ent.OTH").first.click()
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "hostile.png"), full_page=True)
    assert dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"


@pytest.mark.shared
def test_example_article_structure(page: Any, live_server: str, shots: Path,
                                   example_article: Path) -> None:
    page.goto(live_server + "/#/search?q=Moskau+Gespräch+USA")
    _ready(page, "/search")
    page.locator("#results .article-link").first.click()
    page.wait_for_selector("#article-text h1")
    blocks = set(page.eval_on_selector_all("#article-text [data-block]",
                                           "els => els.map(e => e.dataset.block)"))
    assert {"section", "kicker", "headline", "teaser", "figure", "caption", "credit",
            "subheading", "paragraph", "source"} <= blocks
    assert "Moskau sucht Gespräch" in page.locator("#article-text h1").inner_text()
    assert page.locator("#article-text .ent").count() >= 1
    page.screenshot(path=str(shots / "example.png"), full_page=True)


def test_article_events_show_their_confidence(page: Any, live_server: str) -> None:
    page.goto(live_server + "/#/search?q=Iran")
    _ready(page, "/search")
    page.locator("#results .article-link").first.click()
    page.wait_for_selector("li.event")
    meta = page.locator("li.event .meta").first.inner_text()
    assert re.search(r"· p=[01]\.\d\d$", meta), meta
    assert page.js_errors == []
