"""Statements: who said what. ``rules`` finds them (the fast mode, cue lexicon in ``data``),
``build`` writes typed :class:`~lagebild.model.Statement` objects, ``refine`` post-processes
the accurate mode's tagger output with the same rules."""
