"""Actors: a German actor knowledge base, entity linking and in-article coreference."""

from lagebild.actors.kb import KB, Actor, Term, load_kb

__all__ = ["KB", "Actor", "Term", "load_kb"]
