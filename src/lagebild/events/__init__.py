"""Event coding: who did what to whom, when (PLOVER 2.0 types with CAMEO codes).

The coder reads the layers earlier stages built (sentences with lemmas, STTS tags, morphology
and dependencies; the actor layer's mentions; optionally statements and time expressions) and
writes ``Article.events``. It is dictionary-based and precision-first: an event needs a
trigger from the German lexicon (``data/triggers.tsv``: verbs, nouns, idioms by PLOVER
category) **and** at least one argument linked to an actor.

- :mod:`lagebild.events.lexicon` loads the data files (triggers, modality cues, verbs).
- :mod:`lagebild.events.codes` maps a CAMEO code to its PLOVER type/mode/contexts, Goldstein
  score and quad class (``data/cameo_plover.tsv``, generated from ``../shared``).
- :mod:`lagebild.events.sentence` is the rules' view of one parsed sentence;
  :mod:`lagebild.events.repairs` corrects known tagger and parser errors on a copy of it;
  :mod:`lagebild.events.screen` stops the sentences that cannot hold a trigger before their
  view is built.
- :mod:`lagebild.events.triggers` matches lexicon entries; :mod:`lagebild.events.arguments`
  finds their actors; :mod:`lagebild.events.modality` reads how the event is told;
  :mod:`lagebild.events.filters` holds the precision rules.
- :mod:`lagebild.events.coder` puts these together per sentence (:func:`coder.find` returns
  :class:`findings.Found` objects) and :mod:`lagebild.events.writer` turns each finding into a
  :class:`lagebild.model.Event` (:func:`coder.candidates` does both and applies the soft-news
  gate of :mod:`lagebild.events.gate`, keeping events with too few arguments with the rule
  they fail; :func:`code_article` then lets :mod:`lagebild.events.confidence` rate them all).

Helpers with a leading underscore are shared between these modules and are not part of the
package's interface; :func:`code_article` and :func:`code_many` are.
"""

from lagebild.events.coder import code_article, code_many

__all__ = ["code_article", "code_many"]
