"""Readers that turn real-world input into ``Article`` objects.

``read_inputs`` expands paths (files, directories, globs, ``-`` for stdin), picks a reader
per file, and yields ``Article`` or ``Failure`` items in input order; it never raises
for a bad input, so one broken article never stops a batch.
"""

from lagebild.ingest.base import Failure, InputFile, Item
from lagebild.ingest.paths import read_inputs, read_path

__all__ = ["Failure", "InputFile", "Item", "read_inputs", "read_path"]
