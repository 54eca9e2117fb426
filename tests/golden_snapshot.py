"""The parts of ``lagebild analyze`` output that the golden-file test pins (see
``tests/test_golden.py``): everything but the statement format, reduced to a small JSON.

Statements are compared through :func:`statement_key`, which reads both the version-1 dict
format (the fixture was recorded before typed layers) and the typed one.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()[:16]


def _span(value: Any) -> list[int] | None:
    if isinstance(value, dict) and "start" in value:
        return [int(value["start"]), int(value["end"])]
    return None


def statement_key(s: dict[str, Any]) -> list[Any]:
    """(type, quote spans, cue spans, speaker span, speaker actor) in either format."""
    if "quote" in s:  # typed (schema 2)
        speaker = s.get("speaker") or {}
        actor = (speaker.get("actor") or {}).get("id") if speaker else None
        return [s["type"], [_span(q) for q in s["quote"]], [_span(c) for c in s["cue"]],
                _span(speaker) if speaker else None, actor]
    cue = _span(s.get("cue"))
    return [s["type"], [[int(s["start"]), int(s["end"])]], [cue] if cue else [],
            _span(s.get("speaker")), s.get("speaker_actor")]


def snapshot(article: dict[str, Any]) -> dict[str, Any]:
    actors = [{"id": a["id"], "name": a["name"], "cameo": a.get("cameo"),
               "mentions": [[m["start"], m["end"], m["kind"]] for m in a["mentions"]],
               "roles": [r["role"] for r in a.get("roles", [])]}
              for a in article.get("actors", [])]
    return {
        "id": article["id"],
        "topic": (article.get("topic") or {}).get("label"),
        "blocks": _digest(article["blocks"]),
        "fields": _digest({k: article.get(k) for k in (
            "section", "kicker", "headline", "title", "teaser", "images", "paragraphs",
            "subheadings", "source", "published")}),
        "sentences": _digest([[s["start"], s["end"], [[t["start"], t["end"], t["lemma"],
                                                      t["pos"], t["tag"], t["morph"],
                                                      t["head"], t["dep"]]
                                                     for t in s["tokens"]]]
                              for s in article.get("sentences", [])]),
        "entities": [[e["start"], e["end"], e["label"], e.get("subtype"), e.get("actor")]
                     for e in article.get("entities", [])],
        "actors": actors,
        "statements": [statement_key(s) for s in article.get("statements", [])],
    }
