"""``lagebild train``: train the German pipeline and write the dev splits."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer

from lagebild.cli_support import usage_error
from lagebild.training import recipe

# spaCy and the components are imported inside the commands: ``lagebild --help`` stays fast.

app = typer.Typer(help="Train the Lagebild German NLP pipeline.", no_args_is_help=True)

DEFAULT_DATA = Path("../shared/data")


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``["training.dropout=0.2"]`` → ``{"training.dropout": 0.2}`` (values read as JSON when
    they parse, else kept as strings), for spaCy's ``load_config(overrides=...)``."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or "." not in key or not raw:
            raise typer.BadParameter(
                f"expected SECTION.KEY=VALUE, got {item!r}", param_hint="--set"
            )
        try:
            out[key.strip()] = json.loads(raw)
        except ValueError:
            out[key.strip()] = raw
    return out


def require_training_data(data: Path, files: Iterable[str] = (),
                          folders: Iterable[str] = ()) -> None:
    """Exit 2 naming what ``--data`` lacks, before a training command starts any slow work."""
    from lagebild.training.data import TrainingDataError, require_data

    try:
        require_data(data, files, folders)
    except TrainingDataError as exc:
        raise usage_error(f"--data: {exc}") from exc


def require_inputs(data: Path, gold: bool = False, raw: bool = False,
                   sources: tuple[str, ...] | None = None) -> None:
    """Exit 2 before any slow work when ``data`` lacks the gold files or the raw texts
    (of ``sources``; default: the shipped recipe's)."""
    from lagebild.training.data import GOLD_FILES
    from lagebild.training.raw import RAW_SOURCES, raw_requirements

    files: list[str] = list(GOLD_FILES) if gold else []
    folders: list[str] = []
    if raw:
        raw_files, raw_folders = raw_requirements(sources or RAW_SOURCES)
        files += raw_files
        folders += raw_folders
    require_training_data(data, files, folders)


def run_with_progress(train: Callable[[Any], dict[str, Any]], opts: Any) -> dict[str, Any]:
    """Run ``train(opts)`` under a progress bar over all update steps (elapsed, remaining).

    Log lines (silver building, one JSON record per epoch) print above the bar, unwrapped, so
    that a log redirected to a file keeps one record per line; without a terminal no bar is
    drawn.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("training"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn())
    with Progress(*columns) as bar:
        task = bar.add_task("training", total=None)
        opts.progress = lambda done, total: bar.update(task, completed=done, total=total)
        opts.log = lambda line: bar.console.print(line, markup=False, highlight=False,
                                                  soft_wrap=True)
        return train(opts)


def require_packages(lexicon: bool, companies: bool, hanta: bool) -> None:
    """Exit 2 when the lexicon table or the HanTa silver is to be built without its packages."""
    from lagebild.cli_support import require_modules
    from lagebild.training.lexicon import LEXICON_MODULES

    if lexicon:
        extra = ("pytickersymbols",) if companies else ()
        require_modules((*LEXICON_MODULES, *extra), "the lexicon table (or --lexicon-table)")
    if hanta:
        require_modules(("HanTa",), "the HanTa silver (or --hanta-silver)")


def check_teachers(folders: list[Path] | None) -> None:
    """``--teacher`` folders must hold a trained teacher (its ``config.json``)."""
    for folder in folders or ():
        if not (folder / "config.json").is_file():
            raise typer.BadParameter(f"no teacher model in {folder}", param_hint="--teacher")


@app.command()
def pipeline(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="the shared data folder"),
    seed: int = typer.Option(0, "--seed"),
    out: Path = typer.Option(Path("training-output"), "--out", help="output folder"),
    epochs: int = typer.Option(recipe.EPOCHS, "--epochs"),
    max_minutes: float = typer.Option(110.0, "--max-minutes", help="safety stop"),
    no_lexicon: bool = typer.Option(False, "--no-lexicon", help="ablation: no lexicon features"),
    sources: str = typer.Option(
        ",".join(recipe.SOURCES), "--sources",
        help="gold sources (conll: CoNLL-2003 train, research/NonCommercial)",
    ),
    limit: int = typer.Option(0, "--limit", help="smoke test: sentences per source"),
    config: Path | None = typer.Option(None, "--config", help="spaCy config (default: shipped)"),
    lexicon_table: Path | None = typer.Option(
        None, "--lexicon-table", help="reuse OUT/lexicon.tsv of an earlier run (skips ~5 min)"
    ),
    small_places: bool = typer.Option(
        recipe.SMALL_PLACES, "--small-places/--no-small-places",
        help="lexicon flag g for places of 1,000-15,000 inhabitants (used by the shipped model)",
    ),
    companies: bool = typer.Option(
        recipe.COMPANIES, "--companies/--no-companies",
        help="lexicon flag O for listed companies' name words (used by the shipped model)",
    ),
    silver: bool = typer.Option(
        True, "--silver/--no-silver",
        help="train on the two silver sets, building into OUT those not given (~15 min once); "
             "--no-silver: gold only",
    ),
    hanta_silver: Path | None = typer.Option(
        None, "--hanta-silver", help="HanTa silver STTS/lemmas (from `lagebild train silver`)"
    ),
    distill_silver: Path | None = typer.Option(
        None, "--distill-silver", help="teacher silver NER folder (from `lagebild train distill`)"
    ),
    teacher: list[Path] | None = typer.Option(
        None, "--teacher", exists=True, file_okay=False,
        help="labeller of the teacher silver built into OUT (default: the shipped teacher)",
    ),
    silver_threads: int = typer.Option(recipe.SILVER_THREADS, "--silver-threads",
                                       help="threads of the teacher while it labels"),
    silver_per_epoch: int = typer.Option(recipe.SILVER_PER_EPOCH, "--silver-per-epoch",
                                         help="silver sentences per source and epoch"),
    all_ner_labels: bool = typer.Option(
        False, "--all-ner-labels", help="also train the 5 rare GermEval labels (slower NER)"
    ),
    no_ner_from: str = typer.Option(
        "", "--no-ner-from",
        help="comma-separated sources whose entity labels are not trained (e.g. europarl)",
    ),
    init_model: Path | None = typer.Option(
        None, "--init-model", help="continue training a trained pipeline instead of initialising"
    ),
    learn_rate: float | None = typer.Option(
        None, "--learn-rate", help="override the config's learning rate (e.g. with --init-model)"
    ),
    set_: list[str] | None = typer.Option(
        None, "--set", help="override a config value, e.g. training.dropout=0.2 (repeatable)"
    ),
    batch_words: int = typer.Option(1000, "--batch-words", min=1,
                                    help="words per update batch (one source per batch)"),
    conll_misc: str = typer.Option(
        "rules", "--conll-misc",
        help="CoNLL MISC spans: rules (table; conflicts unknown) | unknown | oth",
    ),
    fresh: bool = typer.Option(
        False, "--fresh", help="ignore OUT/checkpoint (default: resume after its epoch)"
    ),
) -> None:
    """Train all components with the shipped model's recipe; the best epoch lands in OUT/model-best.

    Silver sets not given are built into OUT first and reused by a re-run (needs the extras).
    """
    from lagebild.training.train import CONFIG, TrainOptions, train_pipeline

    overrides = parse_overrides(set_ or [])
    from lagebild.training.conll import CONLL_DEV, CONLL_TRAIN, MISC_POLICIES

    if conll_misc not in MISC_POLICIES:
        raise typer.BadParameter(f"{conll_misc!r} is not one of {', '.join(MISC_POLICIES)}",
                                 param_hint="--conll-misc")
    if "conll" in sources.split(","):
        require_training_data(data, (CONLL_TRAIN, CONLL_DEV))
    require_inputs(data, gold=True,
                   raw=silver and (hanta_silver is None or distill_silver is None))
    require_packages(lexicon=not no_lexicon and lexicon_table is None and init_model is None,
                     companies=companies, hanta=silver and hanta_silver is None)
    if silver and distill_silver is None:
        from lagebild.cli_support import ensure_accurate

        ensure_accurate("teacher silver (or --no-silver)")
    check_teachers(teacher)
    opts = TrainOptions(
        data=data, out=out, seed=seed, epochs=epochs, max_minutes=max_minutes,
        lexicon=not no_lexicon, sources=tuple(sources.split(",")), limit=limit,
        config=config or CONFIG, lexicon_table=lexicon_table, hanta_silver=hanta_silver,
        distill_silver=distill_silver, silver_per_epoch=silver_per_epoch,
        init_model=init_model, learn_rate=learn_rate, small_places=small_places,
        companies=companies,
        no_ner_from=tuple(s for s in no_ner_from.split(",") if s), silver=silver,
        teachers=tuple(teacher or ()), silver_threads=silver_threads, overrides=overrides,
        batch_words=batch_words, conll_misc=conll_misc, resume=not fresh,
    )
    if all_ner_labels:
        opts.drop_ner_labels = ()
    result = run_with_progress(train_pipeline, opts)
    typer.echo(json.dumps({k: v for k, v in result.items() if k != "history"}))
    typer.echo(f"best model: {out / 'model-best'}")


@app.command()
def silver(
    data: Path = typer.Option(DEFAULT_DATA, "--data"),
    out: Path = typer.Option(Path("training-output/hanta-silver.jsonl"), "--out"),
    max_tokens: int = typer.Option(300_000, "--max-tokens"),
) -> None:
    """HanTa silver STTS tags + lemmas on raw text (needs the ``train`` extra)."""
    from lagebild.training.silver import build_hanta_silver

    require_inputs(data, raw=True)
    require_packages(lexicon=False, companies=False, hanta=True)
    n = build_hanta_silver(data, out, max_tokens)
    typer.echo(f"{out}: {n} sentences")


@app.command()
def distill(
    data: Path = typer.Option(DEFAULT_DATA, "--data"),
    out: Path = typer.Option(Path("training-output/distill-silver"), "--out"),
    max_tokens: int = typer.Option(recipe.DISTILL_TOKENS, "--max-tokens"),
    teacher: list[Path] | None = typer.Option(
        None, "--teacher", exists=True, file_okay=False,
        help="teacher folder; repeat it to label with an ensemble (default: the shipped teacher)",
    ),
    threads: int = typer.Option(1, "--threads"),
    sources: str = typer.Option(
        ",".join(recipe.DISTILL_SOURCES), "--sources",
        help="raw sources, round robin: wikinews, gnad, spkatt, rw, xglue",
    ),
) -> None:
    """Label raw text with the e5 teacher as silver NER (DocBin shards; resumable).

    Then: ``lagebild train pipeline --distill-silver OUT`` (needs the ``accurate`` extra).
    """
    from lagebild.cli_support import ensure_accurate

    ensure_accurate()
    from lagebild.training.raw import RAW_PATHS

    chosen = tuple(s for s in sources.split(",") if s)
    unknown = [s for s in chosen if s not in RAW_PATHS]
    if unknown or not chosen:
        raise typer.BadParameter(f"unknown raw source(s) {unknown}; choose from "
                                 f"{', '.join(RAW_PATHS)}", param_hint="--sources")
    if max_tokens:  # 0 reads nothing (checks the teacher folder only)
        require_inputs(data, raw=True, sources=chosen)
    from lagebild.training.distill import LabellerMismatchError, label_raw

    check_teachers(teacher)
    try:
        counts = label_raw(data, out, max_tokens, teacher_dirs=teacher or (), threads=threads,
                           sources=chosen, log=typer.echo)
    except LabellerMismatchError as exc:
        raise typer.BadParameter(str(exc), param_hint="--out") from exc
    typer.echo(json.dumps(counts))


@app.command("first-names")
def first_names(
    data: Path = typer.Option(DEFAULT_DATA, "--data",
                              help="corpora whose person names add German spellings"),
    out: Path = typer.Option(Path("src/lagebild/actors/data/first_names.tsv"), "--out"),
    top: int = typer.Option(500, "--top", min=1,
                            help="most frequent first names per country taken as candidates"),
    min_share: float = typer.Option(0.9, "--min-share", min=0.5, max=1.0,
                                    help="share of one gender a name needs to enter the table"),
) -> None:
    """The first-name gender table coreference uses (needs the ``train`` extra)."""
    from lagebild.cli_support import require_modules
    from lagebild.training.first_names import (
        agreement,
        corpus_first_names,
        first_name_genders,
        kb_persons,
        write_table,
    )

    require_modules(("names_dataset",), "the first-name table")
    require_inputs(data, gold=True)
    table = first_name_genders(corpus_first_names(data), top=top, min_share=min_share)
    n = write_table(table, out)
    covered, agreeing, total = agreement({k: g for k, (g, _) in table.items()}, kb_persons())
    typer.echo(f"{out}: {n} names; KB persons of known gender: {covered}/{total} covered, "
               f"{agreeing}/{covered} agree")


@app.command()
def split(
    data: Path = typer.Option(DEFAULT_DATA, "--data"),
    out: Path = typer.Option(Path("dev-splits"), "--out"),
) -> None:
    """Write the dev splits (never trained on) as files for ``lagebild eval``.

    UD dev is written mixed and per treebank (``ud-dev-gsd.conllu``, ``ud-dev-pud.conllu``).
    """
    from lagebild.training.data import write_dev_files

    require_inputs(data, gold=True)
    for path in write_dev_files(data, out):
        typer.echo(str(path))


@app.command()
def compact(
    model: Path = typer.Argument(..., exists=True, file_okay=False, help="a teacher/quotes folder"),
    out: Path = typer.Option(..., "--out", help="folder for the compact copy"),
) -> None:
    """Store a fine-tuned transformer folder's layers as int8 differences (about half the size).

    Check the copy with ``lagebild eval ner --teacher OUT`` / ``lagebild eval quotes`` before
    shipping it: the rounding changes the weights slightly (``docs/lab/DECISIONS.teacher.md``).
    """
    from lagebild.cli_support import ensure_accurate

    ensure_accurate()
    from lagebild.training.compact import compact_folder

    if out.resolve() == model.resolve():
        typer.echo("error: --out must differ from MODEL (the original is kept)", err=True)
        raise typer.Exit(2)
    try:
        report = compact_folder(model, out)
    except (ValueError, KeyError, FileNotFoundError) as exc:
        typer.echo(f"error: {model}: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(report))


@app.command()
def package(
    model: Path = typer.Argument(..., exists=True, file_okay=False, help="a trained model-best"),
    out: Path = typer.Option(Path("src/lagebild/models/de_lagebild"), "--out"),
) -> None:
    """Copy a trained model into the package (adds the rule components if missing)."""
    import shutil

    import spacy

    from lagebild.nlp.components import FULL_VERBS, MOOD

    nlp = spacy.load(model)
    if MOOD not in nlp.pipe_names:
        nlp.add_pipe(MOOD, after="trainable_lemmatizer")
    if FULL_VERBS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(FULL_VERBS, after="parser")
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    typer.echo(f"{out}: {size / 1e6:.1f} MB, pipeline {nlp.pipe_names}")
