"""``lagebild eval quotes DIR [--accurate] [--json]``: the statements users get, scored.

Runs the same analysis as ``lagebild analyze`` (``Analyzer(choose_stages(accurate=...))``) on an
article built from each document's ``originalText`` the way the JSON Lines reader builds one
(:func:`article_from_text`: the text verbatim, so the corpus's character offsets stay valid),
and scores ``Article.statements`` against the document's annotations with the corpus's metric
(:mod:`lagebild.eval.quote_scoring`: one-to-one pairs by linear-sum assignment, per-part token
precision/recall averaged over quotations; Message, Roles, Joint, type, exact span).

``DIR`` is a split folder of the Wikinews quotation corpus (``…/wikinews-quotes-2024/dev``), or
a folder above it (``dev`` is taken). Tokens are the corpus's tokens: a statement's span covers
every corpus token it overlaps by at least one character.

Corpus conventions the conversion follows (read off the train split): a direct quotation
interrupted by its frame (``„…“, sagte Kerry. „…“``) is annotated as two ``Direct`` quotations
sharing the frame, while Lagebild keeps it as one statement with two quote parts; so a
``Direct`` statement counts as one quotation per quote part. Every other statement is one
quotation whose quote is all its parts (the corpus's discontinuous quotes).

The tagger-only diagnostic of the accurate mode's transformer (role spans on gold sentence
boundaries, before statements are built) is :mod:`lagebild.eval.quote_roles`.
"""

from __future__ import annotations

import bisect
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from lagebild.eval.quote_roles import evaluate_quotes  # noqa: F401  (tagger diagnostic)
from lagebild.eval.quote_scoring import PARTS, Quotation, QuoteScorer
from lagebild.model import Article, ArticleBuilder, Origin, Span, Statement, StatementType


@dataclass
class GoldDoc:
    name: str
    text: str
    tokens: list[tuple[int, int]]  # character offsets of the corpus's tokens, in order
    quotations: list[Quotation]


def split_dir(path: Path) -> Path:
    for cand in (path, path / "dev", path / "quotes/wikinews-quotes-2024/dev"):
        if any(cand.glob("*.json")):
            return cand
    raise FileNotFoundError(f"no Wikinews quotation documents (*.json) under {path}")


def _gold_parts(ann: dict[str, Any], key: str, tokens: TokenIndex) -> frozenset[int]:
    part = ann.get(key) or {}
    if not isinstance(part, dict):
        return frozenset()
    found: set[int] = set()
    for sp in part.get("spans", []):
        found.update(tokens.covering(int(sp["charBegin"]), int(sp["charEnd"])))
    return frozenset(found)


def read_gold(path: Path) -> GoldDoc:
    """One corpus document: its text, tokens, and annotations as token-set quotations."""
    d = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(d, dict) or "originalText" not in d or "tokens" not in d:
        raise ValueError(f"{path}: not a Wikinews quotation document (no originalText/tokens)")
    tokens = [(int(t["charBegin"]), int(t["charEnd"])) for t in d.get("tokens", [])]
    index = TokenIndex(tokens)
    quotations = []
    for ann in d.get("annotations", []):
        parts = {key: _gold_parts(ann, key, index) for key in PARTS}
        if not parts["quote"]:
            continue
        quotations.append(Quotation(str(ann.get("type", "")), **parts))
    return GoldDoc(path.stem, d["originalText"], tokens, quotations)


class TokenIndex:
    """Corpus tokens by character offset: which tokens a character span overlaps."""

    def __init__(self, tokens: Sequence[tuple[int, int]]) -> None:
        self.tokens = list(tokens)
        self.ends = [e for _, e in self.tokens]

    def covering(self, start: int, end: int) -> list[int]:
        out = []
        i = bisect.bisect_right(self.ends, start)
        while i < len(self.tokens) and self.tokens[i][0] < end:
            if self.tokens[i][1] > start:
                out.append(i)
            i += 1
        return out

    def of(self, spans: Sequence[Span] | None) -> frozenset[int]:
        found: set[int] = set()
        for sp in spans or ():
            found.update(self.covering(sp.start, sp.end))
        return frozenset(found)


def article_from_text(text: str, name: str, reader: str = "wikinews-quotes") -> Article:
    """The article the JSON Lines reader would build from ``{"text": text}`` (text verbatim)."""
    from lagebild.ingest.teasers import carve_teaser_widgets

    builder = ArticleBuilder()
    builder.add_verbatim_paragraphs(text)
    carve_teaser_widgets(builder)  # the reader's own step: MSN's "Top-Themen" boxes
    builder.set(origin=Origin(path=name, reader=reader))
    return builder.build()


def system_quotations(statements: Sequence[Statement], index: TokenIndex) -> list[Quotation]:
    """Statements as corpus quotations (a Direct statement: one quotation per quote part)."""
    out: list[Quotation] = []
    for st in statements:
        roles = {
            "cue": index.of(st.cue),
            "frame": index.of([st.frame] if st.frame else []),
            "speaker": index.of([st.speaker] if st.speaker else []),
            "addressee": index.of([st.addressee] if st.addressee else []),
        }
        groups = [[p] for p in st.quote] if st.type is StatementType.DIRECT else [st.quote]
        for group in groups:
            quote = index.of(group)
            if quote:
                out.append(Quotation(st.type.value, quote, **roles))
    return out


def iter_documents(path: Path, limit: int = 0) -> Iterator[tuple[Path, GoldDoc]]:
    for f in sorted(split_dir(path).glob("*.json"))[: limit or None]:
        yield f, read_gold(f)


def evaluate_statements(path: Path, accurate: bool = False, limit: int = 0,
                        details: bool = False) -> dict[str, Any]:
    """Scores of the analysis's statements on a Wikinews split folder (see module doc)."""
    from lagebild.pipeline import Analyzer, choose_stages

    stages = choose_stages(accurate=accurate)
    analyzer = Analyzer(stages)
    docs = list(iter_documents(path, limit))
    articles = [article_from_text(doc.text, f.name) for f, doc in docs]
    scorer = QuoteScorer()
    t0 = time.time()
    words = 0
    per_doc: list[dict[str, Any]] = []
    failures = 0
    for (f, doc), result in zip(docs, analyzer.run(articles), strict=True):
        words += len(doc.tokens)
        if not isinstance(result, Article):
            failures += 1
            statements: list[Statement] = []
        else:
            statements = result.statements
        index = TokenIndex(doc.tokens)
        system = system_quotations(statements, index)
        scorer.add_document(system, doc.quotations)
        if details:
            per_doc.append({"file": f.name, "statements": [s.model_dump(mode="json")
                                                           for s in statements]})
    seconds = time.time() - t0
    out: dict[str, Any] = {
        **scorer.result(),
        "mode": "accurate" if accurate else "fast",
        "stages": list(stages),
        "documents": len(docs),
        "failures": failures,
        "seconds": round(seconds, 1),
        "words_per_second": round(words / seconds) if seconds else None,
    }
    if details:
        out["details"] = per_doc
    return out


def quotes(
    path: Path = typer.Argument(..., help="Wikinews quotation split folder (e.g. …/dev)"),
    accurate: bool = typer.Option(False, "--accurate", help="score the accurate mode"),
    limit: int = typer.Option(0, "--limit", help="only the first N documents"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Statements of `lagebild analyze` vs the Wikinews quotation corpus (Message/Roles/Joint)."""
    from lagebild.cli_support import usage_error

    if accurate:
        from lagebild.cli_support import ensure_accurate

        ensure_accurate()
    try:
        result = evaluate_statements(path, accurate, limit)
    except (FileNotFoundError, ValueError) as exc:
        raise usage_error(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    q = result["quotations"]
    typer.echo(f"{result['mode']} mode, {result['documents']} documents, {result['seconds']} s "
               f"({result['words_per_second']} words/s); quotations: {q['system']} system, "
               f"{q['gold']} gold, {q['pairs']} paired")
    typer.echo(f"{'':10} {'P':>6} {'R':>6} {'F1':>6}")
    for name in ("message", "roles", "joint", "type", "exact"):
        s = result[name]
        typer.echo(f"{name:10} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}")
    for name, s in result["parts"].items():
        typer.echo(f"  {name:9}{s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}")
