"""Stage ``entities`` (accurate mode): entities from the fine-tuned transformer teacher,
replacing the fast pipeline's (``lagebild/models/teacher``; needs the ``accurate`` extra)."""

from __future__ import annotations

from lagebild.stages import StageFunc, register


def probe_accurate() -> str | None:
    """Why the ``accurate`` extra cannot run (deps missing, bad precision setting), else None."""
    from lagebild.transformer import extra, precision

    try:
        extra.require_accurate()
        precision.resolve_precision()
    except (extra.AccurateDependencyError, ValueError) as exc:
        return str(exc)
    return None


def _probe() -> str | None:
    from lagebild.entities.teacher import DEFAULT_TEACHER

    if not (DEFAULT_TEACHER / "config.json").is_file():
        return f"no transformer teacher at {DEFAULT_TEACHER}; reinstall Lagebild"
    return probe_accurate()


@register("entities", requires=("text", "blocks"), assigns=("entities",), extra="accurate",
          probe=_probe)
def load() -> StageFunc:
    """Transformer teacher entities (slower, more accurate than the fast pipeline's)."""
    from lagebild.entities.stage import load_accurate_stage

    return load_accurate_stage()
