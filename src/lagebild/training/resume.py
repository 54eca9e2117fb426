"""Epoch checkpoints of ``lagebild train pipeline``: a stopped run resumes where it stopped.

After every epoch the loop writes ``OUT/checkpoint/``: the components' current (not averaged)
weights and pending gradients, the Adam state (moments, parameter averages, update counts),
the random number generators' states, the epoch counters and the history. A re-run of the
same command with the same options finds it and continues with the next epoch; because
weights, optimizer and random states are all restored, the resumed run is the uninterrupted
one, epoch by epoch (test: ``tests/nlp/test_nlp_resume.py``). A checkpoint written with other
options is ignored (logged).

Thinc keys the optimizer state by ``(model node id, parameter name)``, and node ids come from
a process-wide counter; the checkpoint stores each key as the node's position in a walk over
the pipeline's models instead, which is the same in every process that builds the pipeline
from the same config.
"""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from thinc.api import Model, Optimizer

CHECKPOINT = "checkpoint"
STATE_FILE = "state.pkl"
_OPT_DICTS = ("mom1", "mom2", "averages", "nr_update", "last_seen")
_OPT_SCALARS = ("learn_rate", "b1", "b2", "eps", "L2", "grad_clip")


@dataclass
class Progress:
    """Where the loop stands after ``epoch`` epochs (what a resumed run starts from)."""

    epoch: int
    step: int
    total_steps: int
    best: float
    best_epoch: int
    history: list[dict[str, Any]]


def _models(nlp: Language) -> list[tuple[str, Model[Any, Any]]]:
    out: list[tuple[str, Model[Any, Any]]] = []
    for name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if isinstance(model, Model):
            out.append((name, model))
    return out


def node_ids(nlp: Language) -> list[int]:
    """Ids of all model nodes of the pipeline in a fixed walk order (each once)."""
    seen: dict[int, None] = {}
    for _, model in _models(nlp):
        for node in model.walk():
            seen.setdefault(node.id, None)
    return list(seen)


def _optimizer_state(nlp: Language, optimizer: Optimizer) -> dict[str, Any]:
    position = {node: i for i, node in enumerate(node_ids(nlp))}
    state: dict[str, Any] = {k: getattr(optimizer, k) for k in _OPT_SCALARS}
    for name in _OPT_DICTS:
        values = getattr(optimizer, name) or {}
        state[name] = {(position[key[0]], key[1]): value for key, value in values.items()
                       if key[0] in position}
    return state


def _restore_optimizer(nlp: Language, optimizer: Optimizer, state: dict[str, Any]) -> None:
    ids = node_ids(nlp)
    for k in _OPT_SCALARS:
        setattr(optimizer, k, state[k])
    for name in _OPT_DICTS:
        target = getattr(optimizer, name)
        if target is None:
            continue
        target.clear()
        for (pos, param), value in state[name].items():
            target[(ids[pos], param)] = value


def _gradients(nlp: Language) -> list[tuple[tuple[int, int], str, Any]]:
    """Gradients not yet applied, by (component, node position): an epoch can end with some
    (measured: tok2vec's embedding tables), and the next update adds to them, so a resumed run
    without them would drift from the uninterrupted one from its second update on."""
    out: list[tuple[tuple[int, int], str, Any]] = []
    for c, (_, model) in enumerate(_models(nlp)):
        for i, node in enumerate(model.walk()):
            out.extend(((c, i), g, node.get_grad(g).copy()) for g in node.grad_names)
    return out


def fingerprint(options: dict[str, Any]) -> str:
    """The options a checkpoint is valid for, as a canonical string."""
    return json.dumps(options, sort_keys=True, default=str)


def save(out: Path, nlp: Language, optimizer: Optimizer, rng: random.Random,
         progress: Progress, options: str) -> None:
    """Write the checkpoint of the epoch just finished (atomically: a new folder, then a
    rename, so a process stopped while writing leaves the previous checkpoint intact)."""
    state = {
        "options": options,
        "progress": progress,
        "weights": {name: model.to_bytes() for name, model in _models(nlp)},
        "gradients": _gradients(nlp),
        "optimizer": _optimizer_state(nlp, optimizer),
        "rng": rng.getstate(),
        "python_random": random.getstate(),
        "numpy_random": np.random.get_state(),
    }
    tmp = out / (CHECKPOINT + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    with (tmp / STATE_FILE).open("wb") as fh:
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    final = out / CHECKPOINT
    old = out / (CHECKPOINT + ".old")
    if final.exists():
        if old.exists():
            shutil.rmtree(old)
        os.replace(final, old)
    os.replace(tmp, final)
    if old.exists():
        shutil.rmtree(old)


def load(out: Path, options: str) -> dict[str, Any] | None:
    """The checkpoint in ``out`` if one was written with the same options, else None.

    (``checkpoint.old`` is the previous one when a run stopped between the two renames.)
    The file is our own pickle, written by :func:`save` into the run's output folder.
    """
    for name in (CHECKPOINT, CHECKPOINT + ".old"):
        path = out / name / STATE_FILE
        if path.is_file():
            with path.open("rb") as fh:
                state: dict[str, Any] = pickle.load(fh)
            return state if state.get("options") == options else None
    return None


def restore(state: dict[str, Any], nlp: Language, optimizer: Optimizer,
            rng: random.Random) -> Progress:
    """Put weights, optimizer and random states back; the loop continues after its epoch."""
    for name, model in _models(nlp):
        model.from_bytes(state["weights"][name])
    nodes = [list(model.walk()) for _, model in _models(nlp)]
    for index, param, value in state["gradients"]:
        nodes[index[0]][index[1]].set_grad(param, value)
    _restore_optimizer(nlp, optimizer, state["optimizer"])
    rng.setstate(state["rng"])
    random.setstate(state["python_random"])
    np.random.set_state(state["numpy_random"])
    progress: Progress = state["progress"]
    return progress

