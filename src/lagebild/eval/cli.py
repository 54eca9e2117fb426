"""``lagebild eval``: score the pipeline on gold files (gold tokenization).

- ``lagebild eval ner FILE`` — GermEval 2014 TSV, Europarl TSV or CoNLL-2003 (detected from the
  columns): strict outer-span precision/recall/F1 overall and per type; ``--errors`` lists every
  span that is not an exact match (missed, type, boundary, spurious). CoNLL files are scored in
  both conventions (CoNLL's MISC, and GermEval's labels where the mapping defines them).
- ``lagebild eval ud FILE.conllu`` — UPOS, STTS, lemma, Mood, UAS/LAS.
- ``lagebild eval events FILE.jsonl`` — PLOVER event coding (type P/R/F1, actors, modality,
  extra events) on the product path (eval/README.md).
- ``lagebild eval events-judged FILE.jsonl`` — precision on general news: the judged sample of
  earlier output (``eval/events-news-judged.jsonl``) re-analysed on the product path.
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

from lagebild.cli_support import checked_stages, usage_error
from lagebild.store.clusters import COUNT_MIN_CONFIDENCE

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
    from lagebild.entities.teacher import load_teacher
    from lagebild.training.ensemble import load_ensemble

    try:
        return load_ensemble(paths) if paths else load_teacher(None)
    except (FileNotFoundError, ValueError) as exc:  # no teacher there; members that differ
        raise usage_error(f"--teacher: {exc}") from exc


def detect_ner_format(path: Path) -> str:
    """``germeval`` (index token outer inner), ``europarl`` (token lemma POS chunk NER) or
    ``conll`` (token NER, CoNLL-2003)."""
    with path.open(encoding="utf-8", errors="replace") as fh:  # the reader reports bad bytes
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 2 or cols[0] == "-DOCSTART-":
                return "conll"
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
    scheme: str = typer.Option("auto", "--format", help="auto | germeval | europarl | conll"),
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
    product: bool = typer.Option(
        False, "--product",
        help="score what `lagebild analyze` gives on each sentence written out as raw text "
             "(tokenizer and actor layer included), not the model on the gold words",
    ),
) -> None:
    """Strict outer-level span P/R/F1 (GermEval official outer metric)."""
    from lagebild.eval.scoring import score_ner, score_ner_teacher
    from lagebild.training.data import read_europarl, read_germeval

    if scheme not in ("auto", "germeval", "europarl", "conll"):
        raise typer.BadParameter(f"{scheme!r} is not auto, germeval, europarl or conll",
                                 param_hint="--format")
    fmt = detect_ner_format(file) if scheme == "auto" else scheme
    if product and (model or teacher):
        raise typer.BadParameter("--product analyses with the shipped models; leave out "
                                 "--model and --teacher", param_hint="--product")
    if fmt == "conll":
        result = _conll_result(file, model, accurate, teacher, bootstrap, errors, product)
    else:
        sents = _gold(read_europarl if fmt == "europarl" else read_germeval, file)
        if product:
            import time

            from lagebild.eval.ner_product import product_spans
            from lagebild.eval.scoring import score_spans

            t0 = time.perf_counter()
            result = score_spans(sents, product_spans(sents, accurate), fmt, t0, bootstrap,
                                 errors)
        elif accurate or teacher:
            result = score_ner_teacher(_teacher(teacher), sents, fmt, bootstrap, errors)
        else:
            result = score_ner(_nlp(model), sents, fmt, bootstrap, errors)
    if as_json:
        typer.echo(json.dumps(result))
        return
    _print_ner(result, f"NER {file.name} ({fmt}, {result['sentences']} sentences)")
    if "germeval_view" in result:
        view = result["germeval_view"]
        _print_ner(view, f"the same predictions in the GermEval convention "
                         f"({view['unknown_spans']} gold spans without a GermEval label ignored)")
    if "f1_ci95" in result:
        low, high = result["f1_ci95"]
        typer.echo(f"F1 95 % bootstrap interval ({bootstrap} resamples of sentences): "
                   f"{low:.3f}–{high:.3f}")
    typer.echo(f"{result['seconds']:.1f} s")
    if errors:
        _print_errors(result["errors"])


def _conll_result(file: Path, model: Path | None, accurate: bool, teacher: list[Path] | None,
                  bootstrap: int, errors: bool, product: bool = False) -> dict[str, Any]:
    """A CoNLL-2003 file scored in both conventions from one run of the model."""
    import time

    from lagebild.eval.scoring import predict_spans, score_conll, teacher_spans
    from lagebild.training.conll import read_conll

    sents = _gold(read_conll, file)
    t0 = time.perf_counter()
    if product:
        from lagebild.eval.ner_product import product_spans

        preds = product_spans(sents, accurate)
    elif accurate or teacher:
        preds = teacher_spans(_teacher(teacher), sents)
    else:
        preds = predict_spans(_nlp(model), sents)
    return score_conll(sents, preds, t0, bootstrap, errors)


def _print_ner(result: dict[str, Any], title: str) -> None:
    table = Table(title=title)
    for col in ("type", "precision", "recall", "f1", "support"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for lab, s in result["per_type"].items():
        table.add_row(lab, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["support"]))
    table.add_row("ALL", f"{result['precision']:.3f}", f"{result['recall']:.3f}",
                  f"{result['f1']:.3f}", "")
    Console().print(table)


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


@app.command("html")
def html(
    directory: Path = typer.Argument(..., exists=True, file_okay=False),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object (with every page)"),
    pages: bool = typer.Option(False, "--pages", help="also print one row per page"),
    trafilatura: bool = typer.Option(
        True, "--trafilatura/--no-trafilatura", help="score plain trafilatura on the same pages"
    ),
    publisher_rules: bool = typer.Option(
        True, "--publisher-rules/--no-publisher-rules",
        help="read with the per-publisher rules too (off: the general rules alone)",
    ),
) -> None:
    """The HTML reader against expected fields of real pages, beside plain trafilatura.

    DIR is laid out like fundus's parser test data, e.g.
    ``lagebild eval html ../shared/data/html/fundus``: body token precision/recall/F1
    (teaser + paragraphs), title exact match, author F1, date accuracy, subheading recall.
    """
    from lagebild.eval.html import evaluate

    try:
        result = evaluate(directory, with_trafilatura=trafilatura,
                          publisher_rules=publisher_rules)
    except ValueError as exc:
        raise usage_error(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    console = Console()

    def cell(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}"

    columns = ("pages", "body P", "body R", "body F1", "traf. P", "traf. R", "traf. F1",
               "title", "authors F1", "date", "subheads R")
    keys = ("body_precision", "body_recall", "body_f1", "trafilatura_precision",
            "trafilatura_recall", "trafilatura_f1", "title_exact", "authors_f1",
            "date_accuracy", "subheading_recall")
    table = Table(title=f"HTML reader on {directory} (means over pages)")
    table.add_column("publisher")
    for col in columns:
        table.add_column(col, justify="right")
    for pub, s in result["publishers"].items():
        table.add_row(pub, str(s["pages"]), *(cell(s[k]) for k in keys))
    overall = result["overall"]
    table.add_row("ALL", str(overall["pages"]), *(cell(overall[k]) for k in keys), style="bold")
    console.print(table)
    if pages:
        page_table = Table(title="pages")
        for col in ("page", "body P", "body R", "traf. F1", "title", "authors", "date",
                    "subheads R"):
            page_table.add_column(col)
        for p in result["pages"]:
            page_table.add_row(
                p["file"], cell(p["body"]["precision"]), cell(p["body"]["recall"]),
                cell(p["trafilatura"].get("f1")), cell(p["title"]), cell(p["authors"]),
                cell(p["date"]), cell(p["subheadings"]),
            )
        console.print(page_table)
    for p in result["pages"]:
        if p["failure"]:
            typer.echo(f"failed: {p['file']}: {p['failure']}")
    typer.echo(f"{overall['pages']} pages, {overall['failed']} failed, "
               f"{result['seconds']:.1f} s")


#: ``--counted`` of the event evaluations
COUNTED_HELP = ("score only the events the store counts in relations, briefs and the GDELT "
                f"export (confidence at least {COUNT_MIN_CONFIDENCE}; the rest stay listed as "
                "evidence)")


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


@app.command()
def events(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="gold JSONL (eval/events-dev.jsonl)"),
    accurate: bool = typer.Option(False, "--accurate",
                                  help="analyse with the accurate mode's stages"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
    errors: bool = typer.Option(False, "--errors",
                                help="also list every missed gold event and false alarm"),
    counted: bool = typer.Option(False, "--counted", help=COUNTED_HELP),
) -> None:
    """Event coding: PLOVER type P/R/F1, source/target and modality accuracy, extra events.

    Each item's text runs through the same stages as ``lagebild analyze``; definitions of the
    metrics: ``lagebild.eval.events`` and eval/README.md.
    """
    from lagebild.eval.events import EventGoldError, evaluate_events, read_gold

    try:
        items = read_gold(file)
    except EventGoldError as exc:
        raise usage_error(str(exc)) from exc
    result = evaluate_events(items, checked_stages(accurate=accurate), errors, origin=str(file),
                             counted=counted)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    table = Table(title=f"Events {file.name} ({result['items']} items, "
                        f"{result['null_items']} without event; stages: "
                        f"{', '.join(result['stages']) or 'none'})")
    for col in ("type", "support", "tp", "fp", "fn", "precision", "recall", "f1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for typ, s in result["per_type"].items():
        table.add_row(typ, str(s["support"]), str(s["tp"]), str(s["fp"]), str(s["fn"]),
                      f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
    table.add_row("ALL (micro)", str(result["gold_events"]), str(result["tp"]),
                  str(result["fp"]), str(result["fn"]), f"{result['precision']:.3f}",
                  f"{result['recall']:.3f}", f"{result['f1']:.3f}")
    console = Console()
    console.print(table)
    typer.echo(
        f"macro F1 {result['macro_f1']:.3f} · source accuracy {_fmt(result['source_accuracy'])}"
        f" (n={result['source_scored']}) · target accuracy {_fmt(result['target_accuracy'])}"
        f" (n={result['target_scored']}) · modality accuracy "
        f"{_fmt(result['modality_accuracy'])} (n={result['modality_scored']})"
    )
    if result["date_scored"]:
        typer.echo(f"date accuracy {_fmt(result['date_accuracy'])} · counted month "
                   f"{_fmt(result['date_month_accuracy'])} (n={result['date_scored']})")
    typer.echo(f"extra events per item {result['extra_per_item']:.3f} · null items without "
               f"events {_fmt(result['null_clean'])} · emitted {result['emitted_events']} · "
               f"failed {result['failed']} · {result['seconds']:.1f} s")
    if errors:
        err_table = Table(title=f"Event errors ({len(result['errors'])})")
        for col in ("id", "kind", "gold", "emitted", "text"):
            err_table.add_column(col)
        for e in result["errors"]:
            emitted = e["emitted"] if isinstance(e["emitted"], str) else ", ".join(e["emitted"])
            if e.get("trigger"):
                emitted += f" ({', '.join(e['trigger'])})"
            gold_text = e["gold"] or "null"
            if e["kind"] == "date":
                gold_text += f" {e['gold_date'] or 'undated'}"
            err_table.add_row(e["id"], e["kind"], gold_text, emitted or "–",
                              e["text"][:120])
        console.print(err_table)
@app.command("events-judged")
def events_judged(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="judged events (eval/events-news-judged.jsonl)"),
    data: Path = typer.Option(Path("../shared/data"), "--data", file_okay=False,
                              help="the folder with news/10kgnad-test.csv and news/raw-extra/"),
    accurate: bool = typer.Option(False, "--accurate",
                                  help="analyse with the accurate mode's stages"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
    counted: bool = typer.Option(False, "--counted", help=COUNTED_HELP),
) -> None:
    """Event precision on general news: the judged sample's events that the coder still emits.

    The articles of the judged events are re-analysed through the same stages as ``lagebild
    analyze``; definitions: ``lagebild.eval.events_judged`` and eval/README.md.
    """
    from lagebild.eval.events_judged import JudgedError, evaluate_judged, news_texts, read_judged

    try:
        judged = read_judged(file)
        texts = news_texts(data, {j.article for j in judged})
    except JudgedError as exc:
        raise usage_error(str(exc)) from exc
    result = evaluate_judged(judged, texts, checked_stages(accurate=accurate), counted=counted)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    by = result["kept_by_verdict"]
    total = result["judged_by_verdict"]
    typer.echo(f"{result['judged']} judged events in {result['articles']} articles "
               f"(stages: {', '.join(result['stages'])}); still emitted {result['kept']}: "
               + ", ".join(f"{v} {by[v]} of {total.get(v, 0)}" for v in by))
    typer.echo(f"precision among kept: strict {_fmt(result['precision_strict'])} · lenient "
               f"{_fmt(result['precision_lenient'])} · right with right actors "
               f"{result['right_with_right_actors']}")
    conf = result["confidence"]
    typer.echo(f"confidence of the kept events: AUC right vs wrong {_fmt(conf['auc'])}; strict "
               "precision by band " + ", ".join(
                   f"{band} {_fmt(v['precision_strict'])} ({v['kept']})"
                   for band, v in conf["by_band"].items()))
    typer.echo(f"unjudged events in the judged sentences {result['unjudged_in_judged_sentences']}"
               f" · failed {result['failed']} · {result['seconds']:.1f} s")
    if result["kept_wrong_by_kind"]:
        typer.echo("wrong events kept, by kind: " + ", ".join(
            f"{k} {n}" for k, n in result["kept_wrong_by_kind"].items()))


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
