"""The one-command training recipe: defaults equal the shipped recipe, silver is built once into
the output folder and reused, an interrupted build is never taken for a finished one, and
config overrides reach the pipeline. Builders are replaced by fakes: no HanTa, teacher or data.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from lagebild.training import recipe
from lagebild.training.conll import CONLL_DEV, CONLL_TRAIN
from lagebild.training.raw import RAW_PATHS, RAW_SOURCES

ROOT = Path(__file__).resolve().parents[2]


class FakeBuilders:
    """Stands in for HanTa and the teacher; counts what it was asked to build."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from lagebild.training import distill, silver

        self.hanta_calls: list[int] = []
        self.distill_calls: list[tuple[int, str | None, tuple[Path, ...]]] = []
        monkeypatch.setattr(silver, "build_hanta_silver", self.hanta)
        monkeypatch.setattr(distill, "label_raw", self.label_raw)

    def hanta(self, data: Path, out: Path, max_tokens: int) -> int:
        self.hanta_calls.append(max_tokens)
        out.write_text('{"w": ["Er"], "t": ["PPER"], "l": ["er"]}\n', encoding="utf-8")
        return 1

    def label_raw(self, data: Path, out: Path, max_tokens: int, *, teacher_dirs: Any = (),
                  threads: int = 1, precision: str | None = None, log: Any = print
                  ) -> dict[str, int]:
        self.distill_calls.append((max_tokens, precision, tuple(teacher_dirs)))
        out.mkdir(parents=True, exist_ok=True)
        (out / "meta.json").write_text(json.dumps({"max_tokens": max_tokens}), encoding="utf-8")
        return {"sentences": 0, "tokens": 0, "entities": 0}


def test_silver_is_built_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeBuilders(monkeypatch)
    monkeypatch.delenv("LAGEBILD_TEACHER_PRECISION", raising=False)
    out = tmp_path / "out"
    first = recipe.ensure_silver(tmp_path, out, log=lambda _: None)
    assert first.hanta == out / "hanta-silver.jsonl" and first.hanta.is_file()
    assert first.distill == out / "distill-silver"
    assert fake.hanta_calls == [recipe.HANTA_TOKENS]
    assert fake.distill_calls == [(recipe.DISTILL_TOKENS, "fp32", ())]

    again = recipe.ensure_silver(tmp_path, out, log=lambda _: None)
    assert again == first
    assert len(fake.hanta_calls) == 1 and len(fake.distill_calls) == 1  # reused, not rebuilt

    smoke = recipe.ensure_silver(tmp_path, out, limit=10, log=lambda _: None)
    assert smoke == first
    assert fake.hanta_calls[-1] == 10 * recipe.SMOKE_WORDS_PER_SENTENCE  # other budget: rebuilt
    assert fake.distill_calls[-1][0] == 10 * recipe.SMOKE_WORDS_PER_SENTENCE


def test_given_silver_is_used_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeBuilders(monkeypatch)
    mine = tmp_path / "mine.jsonl"
    theirs = tmp_path / "theirs"
    got = recipe.ensure_silver(tmp_path, tmp_path / "out", hanta=mine, distill=theirs,
                               log=lambda _: None)
    assert (got.hanta, got.distill) == (mine, theirs)
    assert fake.hanta_calls == [] and fake.distill_calls == []


def test_teacher_precision_and_labeller_are_passed_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeBuilders(monkeypatch)
    monkeypatch.setenv("LAGEBILD_TEACHER_PRECISION", "bf16")
    recipe.ensure_silver(tmp_path, tmp_path / "out", hanta=tmp_path / "h.jsonl",
                         teachers=(tmp_path / "round2",), log=lambda _: None)
    assert fake.distill_calls == [(recipe.DISTILL_TOKENS, "bf16", (tmp_path / "round2",))]


def test_interrupted_hanta_build_is_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lagebild.training import silver
    from lagebild.training.data import GoldSentence

    def labels_then_stops(sents: Any) -> Any:
        yield GoldSentence(words=["Er"], tags=["PPER"], lemmas=["er"], source="hanta")
        raise KeyboardInterrupt

    monkeypatch.setattr(silver, "mixed_sentences", lambda *_: iter([("wikinews", ["Er"])]))
    monkeypatch.setattr(silver, "hanta_label", labels_then_stops)
    out = tmp_path / "out"
    out.mkdir()
    (out / "hanta-silver.json").write_text('{"max_tokens": 100}', encoding="utf-8")  # stale
    with pytest.raises(KeyboardInterrupt):
        recipe.ensure_hanta_silver(tmp_path, out, 100, log=lambda _: None)
    assert not (out / "hanta-silver.jsonl").exists()
    assert not (out / "hanta-silver.json").exists()
    fake = FakeBuilders(monkeypatch)
    recipe.ensure_hanta_silver(tmp_path, out, 100, log=lambda _: None)
    assert fake.hanta_calls == [100] and (out / "hanta-silver.jsonl").is_file()


#: CoNLL-2003 is one of the recipe's gold sources, so the command checks its files too.
CONLL_FILES = (CONLL_TRAIN, CONLL_DEV)


def _train_defaults(name: str) -> dict[str, Any]:
    from lagebild.cli import app

    command = typer.main.get_command(app)
    train = command.commands["train"]  # type: ignore[attr-defined]
    return {p.name: p.default for p in train.commands[name].params}


def _pipeline_defaults() -> dict[str, Any]:
    return _train_defaults("pipeline")


def test_cli_library_and_recipe_defaults_agree() -> None:
    from lagebild.training.train import TrainOptions

    cli = _pipeline_defaults()
    lib = TrainOptions(data=Path("."), out=Path("."))
    assert cli["epochs"] == lib.epochs == recipe.EPOCHS
    assert cli["silver_per_epoch"] == lib.silver_per_epoch == recipe.SILVER_PER_EPOCH
    assert cli["small_places"] is lib.small_places is recipe.SMALL_PLACES
    assert cli["companies"] is lib.companies is recipe.COMPANIES
    assert cli["silver"] is lib.silver is True
    assert cli["batch_words"] == lib.batch_words
    assert cli["silver_threads"] == lib.silver_threads == recipe.SILVER_THREADS
    assert tuple(cli["sources"].split(",")) == lib.sources == recipe.SOURCES
    assert _train_defaults("distill")["sources"] == ",".join(recipe.DISTILL_SOURCES)
    assert _train_defaults("distill")["max_tokens"] == recipe.DISTILL_TOKENS
    assert RAW_SOURCES == recipe.DISTILL_SOURCES and set(RAW_SOURCES) <= set(RAW_PATHS)


def test_model_card_reproduces_with_the_defaults() -> None:
    """The card's training command sets no recipe option: the defaults are the recipe."""
    card = (ROOT / "src/lagebild/models/MODEL_CARD.md").read_text(encoding="utf-8")
    block = card.split("## Reproduce", 1)[1].split("```", 2)[1]
    command = re.search(r"lagebild train pipeline(.*?)(?:\n(?!\s)|$)", block, re.S)
    assert command is not None, "the card must show `lagebild train pipeline`"
    flags = set(re.findall(r"--[a-z-]+", command.group(1)))
    assert flags <= {"--data", "--out", "--seed", "--teacher", "--silver-threads"}, flags


def test_cli_passes_silver_choice_and_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lagebild.cli import app
    from lagebild.training import train
    from lagebild.training.data import GOLD_FILES

    for rel in (*GOLD_FILES, *CONLL_FILES):  # present (empty): checked before anything
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).touch()
    seen: list[Any] = []
    monkeypatch.setattr(train, "train_pipeline", lambda opts: seen.append(opts) or {})
    base = ["train", "pipeline", "--data", str(tmp_path), "--out", str(tmp_path / "o"),
            "--no-lexicon"]  # CI has no train extra to build a lexicon table with
    runner = CliRunner()
    result = runner.invoke(app, [*base, "--no-silver", "--set", "training.dropout=0.2",
                                 "--set", "components.tok2vec.model.encode.depth=4"])
    assert result.exit_code == 0, result.output
    opts = seen[-1]
    assert opts.silver is False and opts.small_places is True
    assert opts.overrides == {"training.dropout": 0.2, "components.tok2vec.model.encode.depth": 4}

    bad = runner.invoke(app, [*base, "--no-silver", "--set", "dropout"])
    assert bad.exit_code == 2 and "SECTION.KEY=VALUE" in bad.output


def test_config_overrides_reach_the_pipeline(tmp_path: Path) -> None:
    from lagebild.training.cli import parse_overrides
    from lagebild.training.train import TrainOptions, build_nlp

    overrides = parse_overrides(["training.dropout=0.25",
                                 "components.tok2vec.model.encode.depth=4"])
    nlp = build_nlp(TrainOptions(data=tmp_path, out=tmp_path, overrides=overrides))
    assert nlp.config["training"]["dropout"] == 0.25
    assert nlp.config["components"]["tok2vec"]["model"]["encode"]["depth"] == 4
    assert parse_overrides(["paths.name=abc"]) == {"paths.name": "abc"}


@pytest.mark.parametrize("command", ["pipeline", "silver", "distill", "split", "teacher",
                                     "quotes"])
def test_wrong_data_folder_fails_at_once_and_writes_nothing(tmp_path: Path, command: str) -> None:
    from lagebild.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["train", command, "--data", str(tmp_path / "nowhere"),
                                      "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "lacks" in result.output and "--data" in result.output
    assert not out.exists()


def test_require_data_names_missing_files_and_empty_folders(tmp_path: Path) -> None:
    from lagebild.training.data import TrainingDataError, require_data

    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.json").touch()
    (tmp_path / "empty").mkdir()
    (tmp_path / "f.tsv").touch()
    require_data(tmp_path, ["f.tsv"], ["full"])
    with pytest.raises(TrainingDataError) as err:
        require_data(tmp_path, ["f.tsv", "g.tsv"], ["full", "empty", "gone"])
    assert "g.tsv, empty/, gone/" in str(err.value)


def test_cli_prints_epoch_records_whole_above_the_progress_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lagebild.cli import app
    from lagebild.training import train
    from lagebild.training.data import GOLD_FILES

    for rel in (*GOLD_FILES, *CONLL_FILES):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).touch()
    record = json.dumps({"epoch": 1, "ge_f1": 0.7, "note": "[not markup] " + "x" * 120})

    def fake_train(opts: Any) -> dict[str, Any]:
        opts.progress(5, 10)
        opts.log(record)
        opts.progress(10, 10)
        return {"best_epoch": 1, "history": []}

    monkeypatch.setattr(train, "train_pipeline", fake_train)
    result = CliRunner().invoke(app, ["train", "pipeline", "--data", str(tmp_path), "--out",
                                      str(tmp_path / "o"), "--no-silver", "--no-lexicon"])
    assert result.exit_code == 0, result.output
    assert record in result.output.splitlines()  # one line, unwrapped, brackets kept
    assert '"best_epoch": 1' in result.output


def test_training_smoke_run_saves_a_loadable_pipeline(tmp_path: Path, nlp_shared: Path) -> None:
    """The real loop, tiny: 8 sentences per source, one epoch, no silver and no lexicon."""
    from lagebild.nlp import load_pipeline
    from lagebild.training.train import TrainOptions, train_pipeline

    steps: list[tuple[int, int]] = []
    out = tmp_path / "run"
    result = train_pipeline(TrainOptions(
        data=nlp_shared / "data", out=out, epochs=1, limit=8, silver=False, lexicon=False,
        progress=lambda done, total: steps.append((done, total)), log=lambda _: None,
    ))
    assert result["best_epoch"] == 1
    assert steps and steps[-1][0] == steps[-1][1] == len(steps)  # one call per update
    assert len((out / "train-log.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    nlp = load_pipeline(out / "model-best")
    doc = nlp("Kerry sagte am Montag in Moskau, es gebe Zweifel.")
    assert len(doc) == 11 and all(t.tag_ for t in doc)


def test_missing_lexicon_or_hanta_package_is_named_before_training(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lagebild.cli import app
    from lagebild.training import train
    from lagebild.training.data import GOLD_FILES
    from lagebild.training.raw import raw_requirements

    files, folders = raw_requirements()
    for rel in (*GOLD_FILES, *CONLL_FILES, *files):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).touch()
    for rel in folders:
        (tmp_path / rel).mkdir(parents=True, exist_ok=True)
        (tmp_path / rel / "x").touch()
    absent = {"german_nouns", "HanTa"}
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in absent else real_find_spec(name, *a))
    monkeypatch.setattr(train, "train_pipeline", lambda opts: pytest.fail("trained anyway"))
    runner = CliRunner()
    base = ["--data", str(tmp_path), "--out", str(tmp_path / "o")]

    result = runner.invoke(app, ["train", "pipeline", *base, "--no-silver"])
    assert result.exit_code == 2 and "german_nouns" in result.output
    assert "--no-deps german-nouns" in result.output
    result = runner.invoke(app, ["train", "silver", *base])
    assert result.exit_code == 2 and "HanTa" in result.output
    table = tmp_path / "lexicon.tsv"
    table.write_text("Kerry\tf3l1S\n", encoding="utf-8")
    trained: list[Any] = []
    monkeypatch.setattr(train, "train_pipeline", lambda opts: trained.append(opts) or {})
    result = runner.invoke(app, ["train", "pipeline", *base, "--no-silver", "--lexicon-table",
                                 str(table)])
    assert result.exit_code == 0 and trained, result.output  # a given table needs none
