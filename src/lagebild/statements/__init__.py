"""Statements: who said what to whom. ``rules`` finds them (the fast mode, cue lexicon in
``data``), ``build`` writes typed :class:`~lagebild.model.Statement` objects, ``refine``
post-processes the accurate mode's output with the same rules, and ``tagger`` is the e5
quotation-role tagger of the accurate mode (QUOTE / CUE / SPEAKER / ADDRESSEE)."""
