"""A 10kGNAD article (test split, file line 265) on which the speaker search never ended."""

from __future__ import annotations

from pathlib import Path

from lagebild.ingest import read_inputs
from lagebild.model import Article
from lagebild.pipeline import DEFAULT_STAGES, Analyzer


def test_speaker_search_ends_on_a_flat_token_heading_itself(shared_dir: Path,
                                                            tmp_path: Path) -> None:
    lines = (shared_dir / "data/news/10kgnad-test.csv").read_text(encoding="utf-8")
    row = tmp_path / "row.csv"
    row.write_text(lines.split("\n")[264] + "\n", encoding="utf-8")
    [article] = list(read_inputs([str(row)]))
    assert isinstance(article, Article) and "Syntagma" in article.text
    [done] = list(Analyzer(DEFAULT_STAGES).run([article]))
    assert isinstance(done, Article)
