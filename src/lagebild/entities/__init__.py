"""Accurate-mode entities: the fine-tuned e5 teacher's NER.

- :mod:`~lagebild.entities.teacher`: the teacher (words → BIO tags → entities) and its loader;
- :mod:`~lagebild.entities.stage`: the pipeline stage that sets ``article.entities`` from it
  (imports no heavy dependency until the stage is loaded).
"""
