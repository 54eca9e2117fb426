"""Statements: who said what to whom. :mod:`~lagebild.statements.tagger` is the e5 quotation
tagger of accurate mode (QUOTE / CUE / SPEAKER / ADDRESSEE roles → statement dicts)."""
