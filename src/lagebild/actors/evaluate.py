"""``lagebild eval linking FILE``: score actor linking on a gold file (docs/linking-gold.md).

Gold lines (JSONL) hold offsets, a short mention string and the gold actor id (``null`` = not
in the KB / no actor); the article texts are read from ``$LAGEBILD_SHARED`` (default
``<repo>/../shared``), so the gold file carries no article text.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.model import Article

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    return Path(os.environ.get("LAGEBILD_SHARED") or REPO.parent / "shared")


def read_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                rows.append(json.loads(line))
    return rows


def load_doc(doc: str, shared: Path) -> Article:
    """A Wikinews quotation document (``train/<name>``) as an Article with its date."""
    path = shared / "data" / "quotes" / "wikinews-quotes-2024" / (doc + ".pretty.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)$", data["documentName"])
    published = m.group(1) if m and not m.group(1).startswith("0001") else None
    return Article(text=data["originalText"], published=published)


def predictions(article: Article) -> list[tuple[int, int, str | None, str]]:
    from lagebild.actors.link import apply

    linker = _linker()
    mentions = linker.mentions(article)
    apply(article, mentions, linker.kb)  # resolves appositions in place
    return [(m.start, m.end, m.actor, m.kind) for m in mentions
            if m.kind not in ("dropped",)]


def product_predictions(article: Article, accurate: bool = False
                        ) -> list[tuple[int, int, str | None, str]]:
    """What ``lagebild analyze`` links in the article: the mode's stages up to ``speakers`` run
    on the raw text (so the NER's entities, the parse and the soft/hard topic take part), and
    every mention of the actor layer plus every unlinked entity is a prediction."""
    result = analyze_to_actors(article, accurate)
    preds: list[tuple[int, int, str | None, str]] = [
        (m.start, m.end, actor.id, m.kind) for actor in result.actors for m in actor.mentions]
    preds += [(e.start, e.end, None, "ner") for e in result.entities if e.actor is None]
    return preds


def analyze_to_actors(article: Article, accurate: bool = False) -> Article:
    """The article after the mode's stages up to the last that assigns ``actors`` (what
    ``lagebild analyze`` links)."""
    from lagebild.ingest import Failure

    result = next(_analyzer(_stages_to_actors(accurate)).run([article]))
    if isinstance(result, Failure) or not isinstance(result, Article):
        raise RuntimeError(f"analysis failed: {result}")
    return result


def _stages_to_actors(accurate: bool) -> tuple[str, ...]:
    """The mode's stages up to the last one that assigns ``actors`` (``speakers`` takes a
    pronoun from the speaker of its own quotation)."""
    from lagebild.stages import MODES, registry

    mode = list(MODES["accurate" if accurate else "fast"])
    specs = registry()
    last = max(i for i, name in enumerate(mode) if "actors" in specs[name].assigns)
    return tuple(mode[:last + 1])


@lru_cache(maxsize=2)  # one per mode: the pipelines load once per run
def _analyzer(stages: tuple[str, ...]) -> Any:
    from lagebild.pipeline import Analyzer

    return Analyzer(list(stages))


_LINKER: Any = None


def _linker() -> Any:
    global _LINKER
    if _LINKER is None:
        from lagebild.actors.link import Linker

        _LINKER = Linker()
    return _LINKER


def match(gold: dict[str, Any], preds: list[tuple[int, int, str | None, str]]) -> str | None:
    """System actor for a gold span: the predicted mention with the largest overlap, if it
    covers at least half of the shorter of the two spans."""
    best: str | None = None
    best_overlap = 0
    for start, end, actor, _kind in preds:
        overlap = min(end, gold["end"]) - max(start, gold["start"])
        shorter = min(end - start, gold["end"] - gold["start"])
        if overlap > best_overlap and overlap * 2 >= shorter:
            best, best_overlap = actor, overlap
    return best


def score(rows: list[dict[str, Any]], shared: Path, product: bool = False,
          accurate: bool = False) -> dict[str, Any]:
    """Score the linker alone on each document's text (default), or with ``product`` what
    ``lagebild analyze`` links (:func:`product_predictions`)."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    total = correct = in_kb = in_kb_linked = linked = linked_correct = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[dict[str, Any]] = []
    for doc, gold_rows in sorted(by_doc.items()):
        article = load_doc(doc, shared)
        preds = product_predictions(article, accurate) if product else predictions(article)
        for row in gold_rows:
            if article.text[row["start"]:row["end"]] != row["text"]:
                raise ValueError(f"{doc}: offsets {row['start']}-{row['end']} do not match "
                                 f"{row['text']!r}")
            gold = row.get("gold")
            pred = match(row, preds)
            pred_kb = pred if pred and not pred.startswith("new:") else None
            ok = pred_kb == gold
            total += 1
            correct += ok
            kind = row.get("kind", "name")
            per_kind[kind][0] += 1
            per_kind[kind][1] += ok
            if gold is not None:
                in_kb += 1
                in_kb_linked += pred_kb is not None
            if pred_kb is not None:
                linked += 1
                linked_correct += ok
            if not ok:
                errors.append({"doc": doc, "text": row["text"], "start": row["start"],
                               "gold": gold, "pred": pred})
    return {
        "mentions": total,
        "documents": len(by_doc),
        "accuracy": round(correct / total, 4) if total else 0.0,
        "coverage": round(in_kb_linked / in_kb, 4) if in_kb else 0.0,
        "precision": round(linked_correct / linked, 4) if linked else 0.0,
        "gold_in_kb": in_kb,
        "path": ("product, " + ("accurate" if accurate else "fast")) if product else "linker",
        "by_kind": {k: {"mentions": v[0], "accuracy": round(v[1] / v[0], 4)}
                    for k, v in sorted(per_kind.items())},
        "errors": errors,
    }


def linking(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold JSONL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    shared: Annotated[Path | None, typer.Option(
        "--shared", help="Shared folder [default: $LAGEBILD_SHARED or <repo>/../shared]")] = None,
    product: Annotated[bool, typer.Option(
        "--product", help="score what `lagebild analyze` links (the mode's stages up to "
                          "speakers on the raw text: NER, parse and topic included), not the "
                          "linker alone")] = False,
    accurate: Annotated[bool, typer.Option(
        "--accurate", help="with --product: the accurate mode's stages")] = False,
) -> None:
    """Actor-linking accuracy (all gold mentions), coverage (KB mentions linked) and
    precision (linked mentions correct)."""
    if accurate and not product:
        raise typer.BadParameter("--accurate needs --product", param_hint="--accurate")
    result = score(read_gold(file), shared or shared_dir(), product, accurate)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    rows = [(key, str(result[key])) for key in ("accuracy", "coverage", "precision",
                                                 "gold_in_kb")]
    rows += [(f"  {kind} ({values['mentions']})", str(values["accuracy"]))
             for kind, values in result["by_kind"].items()]
    console = print_metrics(f"Linking {file.name}: {result['mentions']} mentions, "
                            f"{result['documents']} documents", rows)
    for error in result["errors"][:30]:
        console.print(f"  {error['doc'][:50]} {error['text']!r}: gold={error['gold']} "
                      f"pred={error['pred']}", markup=False)


def print_metrics(title: str, rows: list[tuple[str, str]]) -> Any:
    """Print a two-column table of figures; the console, for what follows it."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(name, value)
    console = Console()
    console.print(table)
    return console
