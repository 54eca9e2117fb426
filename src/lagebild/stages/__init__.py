"""The stage registry: every analysis stage registers here with what it requires and assigns.

A stage is a function ``Iterable[Article] -> Iterator[Article]`` made by a *loader* (models
load once, when the analyzer is built). Each module of this package declares one stage with
:func:`register`; the package imports them all on first use, so adding a stage is one new
module here plus its name in a mode of :data:`MODES`.

The registry checks a stage list before anything loads (:func:`check_order`): a stage that
requires a layer no earlier stage assigns is an error naming both. A stage that cannot load
(an extra not installed, a model missing) is a :class:`StageUnavailableError` with the install
hint, never a silent skip.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from lagebild.model import Article

StageFunc = Callable[[Iterable[Article]], Iterator[Article]]
Probe = Callable[[], "str | None"]

#: layers a reader fills before any stage runs
READER_LAYERS: tuple[str, ...] = ("text", "blocks", "published", "source", "title")


@dataclass(frozen=True)
class StageSpec:
    """One registered stage. ``probe`` answers cheaply (no model load) why it cannot run."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    load: Callable[[], StageFunc]
    extra: str | None = None  # the pip extra it needs, e.g. ``accurate``
    probe: Probe | None = None
    doc: str = ""

    def unavailable_reason(self) -> str | None:
        """None when the stage can load, else why not (with the install hint)."""
        if self.probe is None:
            return None
        try:
            return self.probe()
        except Exception as exc:  # a probe must never take the listing down
            return f"{type(exc).__name__}: {exc}"


class StageError(ValueError):
    """A stage list that cannot run: unknown name, wrong order, missing requirement."""


class StageUnavailableError(RuntimeError):
    """A requested stage cannot load: its extra is not installed or its model is missing."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"stage {stage!r} is not available: {reason}")
        self.stage = stage
        self.reason = reason


_REGISTRY: dict[str, StageSpec] = {}
_LOADED = False

#: the analysis modes: stage names in order (``structure`` runs none)
MODES: dict[str, tuple[str, ...]] = {
    "structure": (),
    "fast": ("nlp", "times", "topic", "actors", "statements", "speakers", "events"),
    "accurate": ("nlp", "times", "topic", "entities", "quotes", "refine_statements", "actors",
                 "speakers", "events"),
}
DEFAULT_MODE = "fast"


def register(
    name: str,
    *,
    requires: Sequence[str],
    assigns: Sequence[str],
    extra: str | None = None,
    probe: Probe | None = None,
) -> Callable[[Callable[[], StageFunc]], Callable[[], StageFunc]]:
    """Decorator for a stage loader: ``@register("nlp", requires=[...], assigns=[...])``."""

    def decorate(load: Callable[[], StageFunc]) -> Callable[[], StageFunc]:
        if name in _REGISTRY and _REGISTRY[name].load is not load:
            raise StageError(f"stage {name!r} is registered twice")
        doc = (load.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = StageSpec(name, tuple(requires), tuple(assigns), load, extra, probe,
                                    doc[0] if doc else "")
        return load

    return decorate


def _discover() -> None:
    """Import every stage module of this package once (each registers itself)."""
    global _LOADED
    if _LOADED:
        return
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    _LOADED = True


def registry() -> dict[str, StageSpec]:
    """All registered stages by name."""
    _discover()
    return dict(_REGISTRY)


def get(name: str) -> StageSpec:
    stages = registry()
    if name not in stages:
        raise StageError(f"unknown stage {name!r}; known: {', '.join(sorted(stages))}")
    return stages[name]


def mode_stages(mode: str) -> tuple[str, ...]:
    if mode not in MODES:
        raise StageError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
    return MODES[mode]


def check_order(names: Sequence[str]) -> list[StageSpec]:
    """The specs of ``names`` in order; :class:`StageError` when one cannot run there."""
    specs = [get(n) for n in names]
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise StageError(f"stage {spec.name!r} is listed twice")
        seen.add(spec.name)
    have = set(READER_LAYERS)
    for i, spec in enumerate(specs):
        for need in spec.requires:
            if need in have:
                continue
            later = [s.name for s in specs[i + 1:] if need in s.assigns]
            other = [s.name for s in registry().values() if need in s.assigns]
            if later:
                raise StageError(
                    f"stage {spec.name!r} requires {need!r}, which stage {later[0]!r} assigns "
                    f"only after it: put {later[0]!r} before {spec.name!r}"
                )
            hint = f" (assigned by {', '.join(other)})" if other else ""
            raise StageError(
                f"stage {spec.name!r} requires {need!r}, which no earlier stage assigns{hint}"
            )
        have.update(spec.assigns)
    return specs


def load_stages(names: Sequence[str]) -> list[tuple[StageSpec, StageFunc]]:
    """Check ``names`` and load every stage; :class:`StageUnavailableError` when one cannot."""
    loaded: list[tuple[StageSpec, StageFunc]] = []
    for spec in check_order(names):
        reason = spec.unavailable_reason()
        if reason is not None:
            raise StageUnavailableError(spec.name, reason)
        try:
            loaded.append((spec, spec.load()))
        except (ImportError, OSError) as exc:
            raise StageUnavailableError(spec.name, f"{type(exc).__name__}: {exc}") from exc
    return loaded


def describe() -> list[dict[str, object]]:
    """Every stage for ``lagebild stages``: name, requires, assigns, extra, modes, availability."""
    out: list[dict[str, object]] = []
    for spec in registry().values():
        reason = spec.unavailable_reason()
        out.append({
            "name": spec.name,
            "requires": list(spec.requires),
            "assigns": list(spec.assigns),
            "extra": spec.extra,
            "modes": [mode for mode, names in MODES.items() if spec.name in names],
            "available": reason is None,
            "reason": reason,
            "doc": spec.doc,
        })
    order = {name: i for i, name in enumerate(dict.fromkeys(
        n for names in MODES.values() for n in names))}
    out.sort(key=lambda d: (order.get(str(d["name"]), len(order)), str(d["name"])))
    return out


def run_stages(funcs: Iterable[StageFunc], articles: Iterable[Article]) -> Iterator[Article]:
    stream: Iterable[Article] = articles
    for func in funcs:
        stream = func(stream)
    return iter(stream)
