"""Lagebild: German news in; actors, statements and events out, each linked to evidence."""

import os

# One BLAS thread per process unless the user says otherwise: the pipeline runs one process per
# core (``--workers`` for more), and OpenBLAS's extra threads only spun (spaCy pipeline 6,873
# words/s CPU with one thread, 5,780 with two, wall clock no better). Read when numpy loads,
# so it is set before anything here imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from lagebild.model import SCHEMA_VERSION, Article, Block, BlockType, Image, Source

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Article", "Block", "BlockType", "Image", "Source", "__version__"]
