from __future__ import annotations

from pathlib import Path

from lagebild.actors.speakers import link_speakers
from lagebild.model import ArticleBuilder, BlockType, Origin
from lagebild.store import Store


def test_speaker_span_gets_the_overlapping_actor_and_is_stored(tmp_path: Path) -> None:
    builder = ArticleBuilder()
    text = '"Wir nehmen nichts für bare Münze", stellte Kerry klar.'
    builder.add(BlockType.PARAGRAPH, text)
    article = builder.build(origin=Origin(path="a.txt"))
    kerry = text.index("Kerry")
    article = article.model_copy(update={
        "actors": [{"id": "per:john-kerry", "name": "John Kerry", "type": "person",
                    "mentions": [{"start": kerry, "end": kerry + 5, "text": "Kerry"}]}],
        "statements": [
            {"start": 0, "end": 34, "text": text[:34],
             "speaker": {"start": kerry, "end": kerry + 5, "text": "Kerry"}},
            {"start": 0, "end": 5, "text": text[:5], "speaker": None},
        ],
    })
    linked = link_speakers(article)
    assert [s["speaker_actor"] for s in linked.statements] == ["per:john-kerry", None]
    store = Store(tmp_path / "s.db")
    store.add(linked)
    rows = store.conn.execute(
        "SELECT speaker_actor_id, speaker_text, text FROM statements ORDER BY idx").fetchall()
    assert [tuple(r) for r in rows] == [("per:john-kerry", "Kerry", text[:34]),
                                        (None, None, text[:5])]
