"""``lagebild eval``: score the pipeline on gold files (gold tokenization).

- ``lagebild eval ner FILE`` — GermEval 2014 TSV or Europarl TSV (detected from the columns):
  strict outer-span precision/recall/F1 overall and per type; ``--errors`` lists every span
  that is not an exact match (missed, type, boundary, spurious).
- ``lagebild eval ud FILE.conllu`` — UPOS, STTS, lemma, Mood, UAS/LAS.
- ``lagebild eval ud-conventions FILE.conllu…`` — gold files only: the STTS → UPOS ceiling of
  a treebank and the word groups where treebanks disagree.

The dev splits the shipped model was selected on: ``lagebild train split --out DIR``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from lagebild.cli_support import usage_error

app = typer.Typer(help="Evaluate the Lagebild NLP pipeline.", no_args_is_help=True)

ModelOpt = typer.Option(None, "--model", help="model folder (default: the shipped model)")


def _nlp(model: Path | None) -> Any:
    from lagebild.nlp import ModelNotFoundError, load_pipeline

    try:
        return load_pipeline(model)
    except ModelNotFoundError as exc:
        raise usage_error(f"--model: {exc}") from exc


def _teacher(paths: list[Path] | None) -> Any:
    """The e5 teacher (several folders: their ensemble); exit 2 with the hint without the extra."""
    from lagebild.cli_support import ensure_accurate

    ensure_accurate()
    from lagebild.nlp.teacher import load_ensemble, load_teacher

    try:
        return load_ensemble(paths) if paths else load_teacher(None)
    except (FileNotFoundError, ValueError) as exc:  # no teacher there; members that differ
        raise usage_error(f"--teacher: {exc}") from exc


def detect_ner_format(path: Path) -> str:
    """``germeval`` (index token outer inner) or ``europarl`` (token lemma POS chunk NER)."""
    with path.open(encoding="utf-8", errors="replace") as fh:  # the reader reports bad bytes
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            return "europarl" if len(cols) >= 5 else "germeval"
    return "germeval"


def _gold(read: Callable[[Path], list[Any]], path: Path) -> list[Any]:
    """The sentences of a gold file, or exit 2 naming the bad line (no traceback)."""
    from lagebild.training.data import DataFormatError

    try:
        sents = read(path)
    except DataFormatError as exc:  # its message starts with FILE:LINE
        raise usage_error(str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise usage_error(f"{path}: {exc}") from exc
    if not sents:
        raise usage_error(f"{path}: no sentences")
    return sents


@app.command()
def ner(
    file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
    scheme: str = typer.Option("auto", "--format", help="auto | germeval | europarl"),
    model: Path | None = ModelOpt,
    accurate: bool = typer.Option(
        False, "--accurate", help="score the e5 teacher (the accurate mode) instead"
    ),
    teacher: list[Path] | None = typer.Option(
        None, "--teacher", exists=True, file_okay=False,
        help="teacher folder for --accurate (default: the shipped one); repeat for an ensemble",
    ),
    bootstrap: int = typer.Option(
        1000, "--bootstrap", min=0,
        help="resamples for the 95 % confidence interval of F1 (0 = none)",
    ),
    errors: bool = typer.Option(
        False, "--errors",
        help="also list every missed, mistyped, mis-bounded and spurious span",
    ),
) -> None:
    """Strict outer-level span P/R/F1 (GermEval official outer metric)."""
    from lagebild.eval.scoring import score_ner, score_ner_teacher
    from lagebild.training.data import read_europarl, read_germeval

    if scheme not in ("auto", "germeval", "europarl"):
        raise typer.BadParameter(f"{scheme!r} is not auto, germeval or europarl",
                                 param_hint="--format")
    fmt = detect_ner_format(file) if scheme == "auto" else scheme
    sents = _gold(read_europarl if fmt == "europarl" else read_germeval, file)
    if accurate or teacher:
        result = score_ner_teacher(_teacher(teacher), sents, fmt, bootstrap, errors)
    else:
        result = score_ner(_nlp(model), sents, fmt, bootstrap, errors)
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(title=f"NER {file.name} ({fmt}, {result['sentences']} sentences)")
    for col in ("type", "precision", "recall", "f1", "support"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for lab, s in result["per_type"].items():
        table.add_row(lab, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["support"]))
    table.add_row("ALL", f"{result['precision']:.3f}", f"{result['recall']:.3f}",
                  f"{result['f1']:.3f}", "")
    Console().print(table)
    if "f1_ci95" in result:
        low, high = result["f1_ci95"]
        typer.echo(f"F1 95 % bootstrap interval ({bootstrap} resamples of sentences): "
                   f"{low:.3f}–{high:.3f}")
    typer.echo(f"{result['seconds']:.1f} s")
    if errors:
        _print_errors(result["errors"])


def _print_errors(items: list[dict[str, Any]]) -> None:
    kinds = Counter(item["kind"] for item in items)
    table = Table(title="NER errors: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for col in ("sentence", "kind", "gold", "predicted"):
        table.add_column(col)
    for item in items:
        cells = [
            "–" if span is None else f"{span['text']} [{span['label']}]"
            for span in (item["gold"], item["predicted"])
        ]
        table.add_row(str(item["sentence"]), item["kind"], *cells)
    Console().print(table)


@app.command()
def ud(
    file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
    model: Path | None = ModelOpt,
) -> None:
    """UPOS/STTS/lemma accuracy, Mood accuracy and Mood=Sub F1 (finite verbs), UAS/LAS."""
    from lagebild.eval.scoring import score_ud
    from lagebild.training.data import read_conllu

    result = score_ud(_nlp(model), _gold(read_conllu, file))
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(title=f"UD {file.name} ({result['sentences']} sentences)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, val in result.items():
        table.add_row(key, f"{val:.4f}" if isinstance(val, float) else str(val))
    Console().print(table)


@app.command("ud-conventions")
def ud_conventions(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
) -> None:
    """How far a treebank's gold UPOS follows from its STTS tags, and where treebanks differ.

    No model involved: this reads gold files only. Example:
    ``lagebild eval ud-conventions ../shared/data/ud/*.conllu``
    """
    from lagebild.eval.conventions import convention_probes, stts_ceiling
    from lagebild.training.data import read_conllu

    treebanks = {f.name: _gold(read_conllu, f) for f in files}
    ceilings = {name: stts_ceiling(sents) for name, sents in treebanks.items()}
    probes = convention_probes(treebanks)
    if as_json:
        typer.echo(json.dumps({
            "stts_ceiling": {
                n: {"tokens": c.tokens, "accuracy": c.accuracy, "split_tags": c.split_tags}
                for n, c in ceilings.items()
            },
            "probes": probes,
        }))
        return
    console = Console()
    table = Table(title="UPOS predicted from the gold STTS tag alone (majority per tag)")
    for col in ("treebank", "tokens with STTS", "accuracy"):
        table.add_column(col)
    for name, c in ceilings.items():
        table.add_row(name, str(c.tokens), f"{c.accuracy:.4f}" if c.tokens else "no STTS")
    console.print(table)
    table = Table(title="UPOS of word groups that German treebanks annotate differently")
    table.add_column("group")
    for name in treebanks:
        table.add_column(name)
    for probe, per_bank in probes.items():
        cells = [
            ", ".join(f"{u} {n}" for u, n in per_bank[name].items()) or "–" for name in treebanks
        ]
        table.add_row(probe, *cells)
    console.print(table)


@app.command("time")
def time_(
    file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
    mode: str = typer.Option("fast", "--mode", help="run this mode's stages up to `times`"),
    rules_only: bool = typer.Option(
        False, "--rules-only", help="run the `times` stage alone (no nlp model needed)"
    ),
    errors: bool = typer.Option(False, "--errors", help="also list every expression that is "
                                "missed, spurious, mis-bounded or has another value"),
) -> None:
    """Temporal expressions: strict/relaxed P/R/F1 and value accuracy (gold: eval/README.md)."""
    from lagebild.eval.time import GoldFormatError, read_gold, score, stages_for
    from lagebild.stages import StageError

    try:
        items = read_gold(file)
        stages = stages_for(mode, rules_only)
    except (GoldFormatError, StageError, ValueError) as exc:
        raise usage_error(str(exc)) from exc
    if not items:
        raise usage_error(f"{file}: no items")
    try:
        result = score(items, stages, errors)
    except GoldFormatError as exc:
        raise usage_error(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    table = Table(title=f"Time expressions {file.name} ({result['items']} items, "
                        f"{result['gold']} gold, {result['predicted']} found; "
                        f"stages {', '.join(stages)})")
    for col in ("match", "precision", "recall", "f1"):
        table.add_column(col, justify="right" if col != "match" else "left")
    for key in ("strict", "relaxed", "strict_value"):
        s = result[key]
        table.add_row(key, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
    Console().print(table)
    typer.echo(f"value accuracy {result['value_accuracy']:.3f} (strict matches), "
               f"{result['value_accuracy_relaxed']:.3f} (relaxed); "
               f"type accuracy {result['type_accuracy']:.3f}")
    typer.echo(f"{result['seconds']:.1f} s; times stage alone "
               f"{result['times_words_per_second']} words/s")
    if errors:
        for e in result["errors"]:
            g, p = e["gold"], e["predicted"]
            typer.echo(f"{e['id']}\t{e['kind']}\t"
                       f"{'–' if g is None else g['text'] + ' = ' + str(g['value'])}\t"
                       f"{'–' if p is None else p['text'] + ' = ' + str(p['value'])}")
