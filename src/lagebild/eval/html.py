"""``lagebild eval html DIR``: the HTML reader against expected fields of real pages.

``DIR`` is laid out like fundus's parser test data (``../shared/data/html/fundus``): country
folders holding, per publisher, ``PUBLISHER_YYYY_MM_DD.html[.gz]`` pages and ``PUBLISHER.json``
(version keys ``V1``, ``V1_1``, … in page-date order → ``title``, ``authors``,
``publishing_date``, ``body`` = ``{summary, sections: [{headline, paragraphs}]}``), plus
``meta.info`` (file name → ``url``, ``crawl_date``) used to order pages of the same day.

Scored per page:

* body token precision / recall / F1: Lagebild's teaser + paragraphs against the expected
  summary + paragraphs, as multisets of lower-cased word tokens (subheadings, captions and
  credits are separate fields and are not body);
* the same for plain trafilatura on the same page (``bare_extraction`` with its defaults;
  its body is every text element but the ``head`` subheadings, so both sides are scored on
  the same kind of text);
* title exact match (the article's whitespace-normalised ``title`` against ``title``),
  author F1 (sets of normalised names), date accuracy (the calendar day), subheading recall
  (expected section headlines found among Lagebild's subheadings).

Results are per page, per publisher (mean over its pages) and overall (mean over pages).
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.errors import LagebildError
from lagebild.model import Article

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PAGE = re.compile(r"^(?P<pub>.+)_(?P<date>\d{4}_\d{2}_\d{2})\.html?(?:\.gz)?$")


@dataclass
class Expected:
    title: str | None
    authors: list[str]
    date: str | None  # YYYY-MM-DD
    summary: list[str]
    paragraphs: list[str]
    headlines: list[str]


@dataclass
class Page:
    publisher: str
    path: Path
    key: str
    url: str | None
    expected: Expected


@dataclass
class PageScore:
    publisher: str
    file: str
    key: str
    ok: bool
    failure: str | None = None
    body: dict[str, float] = field(default_factory=dict)
    trafilatura: dict[str, float] = field(default_factory=dict)
    title: float | None = None
    authors: float | None = None
    date: float | None = None
    subheadings: float | None = None
    extra: list[str] = field(default_factory=list)  # kept blocks with no expected counterpart
    missed: list[str] = field(default_factory=list)  # expected paragraphs not kept


# --------------------------------------------------------------------------- data set
def _expected(entry: dict[str, Any]) -> Expected:
    body = entry.get("body") or {}
    sections = body.get("sections") or []
    date = entry.get("publishing_date")
    return Expected(
        title=entry.get("title"),
        authors=[a for a in entry.get("authors") or [] if isinstance(a, str)],
        date=str(date)[:10] if date else None,
        summary=list(body.get("summary") or []),
        paragraphs=[p for s in sections for p in s.get("paragraphs") or []],
        headlines=[h for s in sections for h in s.get("headline") or []],
    )


def load_pages(root: Path) -> list[Page]:
    """Every page under ``root`` with its expected fields; ValueError on a broken layout."""
    pages: list[Page] = []
    for spec in sorted(root.rglob("*.json")):
        publisher = spec.stem
        try:
            versions = json.loads(spec.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{spec}: {exc}") from exc
        meta_file = spec.parent / "meta.info"
        meta: dict[str, Any] = {}
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        files = []
        for path in spec.parent.iterdir():
            match = _PAGE.match(path.name)
            if match and match.group("pub") == publisher:
                crawl = str((meta.get(path.name) or {}).get("crawl_date") or "")
                files.append((match.group("date"), crawl, path))
        files.sort()
        if len(files) != len(versions):
            raise ValueError(
                f"{spec}: {len(versions)} expected versions but {len(files)} pages"
            )
        for (_, _, path), (key, entry) in zip(files, versions.items(), strict=True):
            url = (meta.get(path.name) or {}).get("url")
            pages.append(Page(publisher, path, key, url, _expected(entry)))
    return pages


def page_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


# --------------------------------------------------------------------------- metrics
def tokens(texts: Iterable[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for text in texts:
        out.update(t.lower() for t in _TOKEN.findall(unicodedata.normalize("NFC", text)))
    return out


def prf(predicted: Counter[str], expected: Counter[str]) -> dict[str, float]:
    overlap = sum((predicted & expected).values())
    p = overlap / sum(predicted.values()) if predicted else 0.0
    r = overlap / sum(expected.values()) if expected else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u00ad\u200b]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _name(text: str) -> str:
    return _norm(text).lower()


def _set_f1(predicted: list[str], expected: list[str]) -> float:
    pred = {_name(a) for a in predicted if _name(a)}
    gold = {_name(a) for a in expected if _name(a)}
    if not pred and not gold:
        return 1.0
    hits = len(pred & gold)
    if not hits:
        return 0.0
    p, r = hits / len(pred), hits / len(gold)
    return 2 * p * r / (p + r)


def _key(text: str) -> str:
    return " ".join(t.lower() for t in _TOKEN.findall(_norm(text)))


def trafilatura_body(html: str, url: str | None = None) -> list[str]:
    """Plain trafilatura (defaults): the text of its body elements, subheadings left out."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(html, url=url, with_metadata=False)
    except Exception:  # plain trafilatura failing is scored as an empty body
        return []
    body = getattr(doc, "body", None)
    if body is None:
        return []
    out: list[str] = []

    def walk(el: Any) -> None:
        if el.tag != "head":  # a subheading: its own text is left out, its tail is body
            out.append(el.text or "")
            for child in el:
                walk(child)
                out.append(child.tail or "")

    walk(body)
    return [piece for piece in out if piece.strip()]


def score_article(article: Article, expected: Expected) -> dict[str, Any]:
    body = [*([article.teaser] if article.teaser else []), *article.paragraphs]
    gold = [*expected.summary, *expected.paragraphs]
    gold_keys = {_key(t) for t in gold}
    gold_tokens = tokens(gold)
    extra = [t for t in body if _key(t) not in gold_keys and not _contained(t, gold_tokens)]
    got_keys = {_key(t) for t in body}
    missed = [t for t in gold if _key(t) not in got_keys]
    title = None
    if expected.title:
        title = 1.0 if _norm(expected.title) == _norm(article.title or "") else 0.0
    date = None
    if expected.date:
        date = 1.0 if (article.published or "")[:10] == expected.date else 0.0
    subheadings = None
    if expected.headlines:
        have = {_key(s) for s in article.subheadings}
        subheadings = sum(_key(h) in have for h in expected.headlines) / len(expected.headlines)
    return {
        "body": prf(tokens(body), gold_tokens),
        "title": title,
        "authors": _set_f1(article.source.authors, expected.authors),
        "date": date,
        "subheadings": subheadings,
        "extra": extra,
        "missed": missed,
    }


def _contained(text: str, gold: Counter[str]) -> bool:
    """A kept block whose tokens all occur in the expected body (a split or merged paragraph)."""
    return not (tokens([text]) - gold)


def score_page(
    page: Page, with_trafilatura: bool = True, publisher_rules: bool = True
) -> PageScore:
    from lagebild.ingest.html import article_from_html
    from lagebild.settings import Options

    data = page_bytes(page.path)
    result = PageScore(page.publisher, page.path.name, page.key, ok=True)
    gold = tokens([*page.expected.summary, *page.expected.paragraphs])
    try:
        article = article_from_html(data, Options(), publisher_rules=publisher_rules)
    except LagebildError as exc:
        result.ok = False
        result.failure = exc.message
        result.body = prf(Counter(), gold)
        result.authors = 0.0 if page.expected.authors else 1.0
        result.title = 0.0 if page.expected.title else None
        result.date = 0.0 if page.expected.date else None
        result.subheadings = 0.0 if page.expected.headlines else None
    else:
        scored = score_article(article, page.expected)
        result.body = scored["body"]
        result.title = scored["title"]
        result.authors = scored["authors"]
        result.date = scored["date"]
        result.subheadings = scored["subheadings"]
        result.extra = scored["extra"]
        result.missed = scored["missed"]
    if with_trafilatura:
        from lagebild.ingest.decode import decode_bytes
        from lagebild.ingest.html import declared_charset

        html = decode_bytes(data, declared_charset(data))
        result.trafilatura = prf(tokens(trafilatura_body(html)), gold)
    return result


def _mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def summarise(scores: list[PageScore]) -> dict[str, Any]:
    """Means over pages of every metric (None where no page has the field)."""
    out: dict[str, Any] = {"pages": len(scores), "failed": sum(not s.ok for s in scores)}
    for part in ("precision", "recall", "f1"):
        out[f"body_{part}"] = _mean(s.body.get(part) for s in scores)
        out[f"trafilatura_{part}"] = _mean(s.trafilatura.get(part) for s in scores)
    out["title_exact"] = _mean(s.title for s in scores)
    out["authors_f1"] = _mean(s.authors for s in scores)
    out["date_accuracy"] = _mean(s.date for s in scores)
    out["subheading_recall"] = _mean(s.subheadings for s in scores)
    return out


def evaluate(
    root: Path, with_trafilatura: bool = True, publisher_rules: bool = True
) -> dict[str, Any]:
    """Score every page under ``root``: overall, per publisher and per page."""
    pages = load_pages(root)
    if not pages:
        raise ValueError(f"{root}: no pages with expected fields (PUBLISHER.json + pages)")
    start = time.perf_counter()
    scores = [score_page(p, with_trafilatura, publisher_rules) for p in pages]
    seconds = time.perf_counter() - start
    by_pub: dict[str, list[PageScore]] = {}
    for s in scores:
        by_pub.setdefault(s.publisher, []).append(s)
    return {
        "overall": summarise(scores),
        "publishers": {pub: summarise(group) for pub, group in sorted(by_pub.items())},
        "pages": [s.__dict__ for s in scores],
        "seconds": seconds,
    }
