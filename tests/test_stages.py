"""The stage registry: order checks, unavailable stages, ``lagebild stages``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild import stages
from lagebild.cli import app
from lagebild.model import Article
from lagebild.pipeline import Analyzer


def _identity() -> stages.StageFunc:
    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return iter(articles)

    return run


@pytest.fixture()
def registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, stages.StageSpec]:
    """The real registry, plus throw-away stages that tests may add (removed afterwards)."""
    stages.registry()
    return stages._REGISTRY


def test_every_mode_is_in_a_valid_order() -> None:
    for mode, names in stages.MODES.items():
        specs = stages.check_order(names)
        assert [s.name for s in specs] == list(names), mode


def test_wrong_order_names_both_stages() -> None:
    with pytest.raises(stages.StageError) as info:
        stages.check_order(["actors", "nlp"])
    message = str(info.value)
    assert "'actors'" in message and "'nlp'" in message and "before" in message


def test_missing_requirement_names_the_stage_and_the_layer() -> None:
    with pytest.raises(stages.StageError) as info:
        stages.check_order(["speakers"])
    assert "'speakers' requires 'statements'" in str(info.value)
    assert "quotes" in str(info.value)  # who could assign it


def test_unknown_and_repeated_stages_are_errors() -> None:
    with pytest.raises(stages.StageError, match="unknown stage 'nope'"):
        stages.check_order(["nlp", "nope"])
    with pytest.raises(stages.StageError, match="listed twice"):
        stages.check_order(["nlp", "nlp"])


def test_unavailable_stage_is_an_error_not_a_silent_skip(
        monkeypatch: pytest.MonkeyPatch, registry: dict[str, stages.StageSpec]) -> None:
    spec = stages.StageSpec("ghost", ("text",), ("ghost",), _identity, extra="accurate",
                            probe=lambda: "needs torch: pip install 'lagebild[accurate]'")
    monkeypatch.setitem(registry, "ghost", spec)
    with pytest.raises(stages.StageUnavailableError, match="lagebild\\[accurate\\]"):
        Analyzer(["ghost"])


def test_a_loader_that_fails_to_import_is_unavailable(
        monkeypatch: pytest.MonkeyPatch, registry: dict[str, stages.StageSpec]) -> None:
    def load() -> stages.StageFunc:
        raise ImportError("No module named 'torch'")

    monkeypatch.setitem(registry, "broken", stages.StageSpec("broken", (), (), load))
    with pytest.raises(stages.StageUnavailableError, match="torch"):
        Analyzer(["broken"])


def test_registered_stage_runs_in_the_analyzer(
        monkeypatch: pytest.MonkeyPatch, registry: dict[str, stages.StageSpec]) -> None:
    def load() -> stages.StageFunc:
        def run(articles: Iterable[Article]) -> Iterator[Article]:
            for article in articles:
                yield article.model_copy(update={"section": "seen"})
        return run

    monkeypatch.setitem(registry, "mark", stages.StageSpec("mark", ("text",), ("section",), load))
    out = next(Analyzer(["mark"]).run([Article(text="Ein Satz.")]))
    assert isinstance(out, Article) and out.section == "seen"


def test_stages_command_lists_every_stage_as_json() -> None:
    result = CliRunner().invoke(app, ["stages", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    by_name = {s["name"]: s for s in data["stages"]}
    assert set(by_name) == set(stages.registry())
    assert by_name["nlp"]["assigns"] == ["sentences", "entities"]
    assert by_name["nlp"]["available"] is True and by_name["nlp"]["reason"] is None
    assert by_name["quotes"]["extra"] == "accurate"
    assert data["modes"]["fast"] == list(stages.MODES["fast"])
    for stage in data["stages"]:
        assert set(stage) >= {"name", "requires", "assigns", "available", "reason"}
    table = CliRunner().invoke(app, ["stages"])
    assert table.exit_code == 0 and "actors" in table.stdout


def test_stages_command_gives_the_reason_of_an_unavailable_stage(
        monkeypatch: pytest.MonkeyPatch, registry: dict[str, stages.StageSpec]) -> None:
    spec = stages.StageSpec("ghost", ("text",), ("ghost",), _identity,
                            probe=lambda: "model missing")
    monkeypatch.setitem(registry, "ghost", spec)
    data = json.loads(CliRunner().invoke(app, ["stages", "--json"]).stdout)
    ghost = next(s for s in data["stages"] if s["name"] == "ghost")
    assert ghost["available"] is False and ghost["reason"] == "model missing"


def test_analyze_with_an_unavailable_mode_stage_exits_2(
        monkeypatch: pytest.MonkeyPatch, registry: dict[str, stages.StageSpec],
        samples_dir: Path) -> None:
    real = registry["actors"]
    monkeypatch.setitem(registry, "actors", stages.StageSpec(
        "actors", real.requires, real.assigns, real.load, probe=lambda: "kb.json missing"))
    dump = sorted(samples_dir.glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["analyze", str(dump)])
    assert result.exit_code == 2
    assert "actors" in result.stderr and "kb.json missing" in result.stderr
