"""Event coding: who did what to whom, when (PLOVER 2.0 types with CAMEO codes).

The coder reads the layers earlier stages built (sentences with lemmas, STTS tags, morphology
and dependencies; the actor layer's mentions; optionally statements and time expressions) and
writes ``Article.events``. It is dictionary-based and precision-first: an event needs a
trigger from the German lexicon (``data/triggers.tsv``: verbs, nouns, idioms by PLOVER
category) **and** at least one argument linked to an actor.

- :mod:`lagebild.events.lexicon` loads the data files (triggers, modality cues, verbs).
- :mod:`lagebild.events.codes` maps a CAMEO code to its PLOVER type/mode/contexts, Goldstein
  score and quad class (``data/cameo_plover.tsv``, generated from ``../shared``).
- :mod:`lagebild.events.coder` finds triggers and their arguments (:func:`find`) and writes
  :class:`lagebild.model.Event` objects from them (:func:`code_article`).
"""

from lagebild.events.coder import code_article, code_many

__all__ = ["code_article", "code_many"]
