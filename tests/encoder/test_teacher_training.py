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
