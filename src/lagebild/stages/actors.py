"""Stage ``actors``: link entities, role nouns, adjectives and pronouns to the actor
knowledge base (``lagebild/actors/data/kb.json``) and build ``Article.actors``."""

from __future__ import annotations

from lagebild.stages import StageFunc, register


@register("actors", requires=("text", "sentences", "entities"), assigns=("entities", "actors"))
def load() -> StageFunc:
    """Actor linking and coreference against the knowledge base."""
    from lagebild.actors.link import load_stage

    func: StageFunc = load_stage()
    return func
