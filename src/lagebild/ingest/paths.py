"""From input paths to items: a file larger than ``max_input_bytes`` is read in shards.

Above both ``dispatch`` (reading one input whole) and ``shards`` (reading byte ranges), so
neither has to import the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest.base import Failure, Item
from lagebild.ingest.dispatch import _describe, _failure, expand_paths, read_file, too_large
from lagebild.ingest.shards import plan_shards, read_shard
from lagebild.settings import Options


def read_path(name: str, options: Options | None = None) -> Iterator[Item]:
    """All items of one input path (``-`` = stdin). Never raises for bad input."""
    options = options or Options()
    try:
        size = too_large(name, options)
        if size is None:
            yield from read_file(name, options)
            return
        shards = plan_shards(name, options.max_input_bytes)
        if len(shards) == 1:
            raise LagebildError(ErrorCode.E015, size=size, limit=options.max_input_bytes)
        for shard in shards:
            yield from read_shard(shard, options)
    except LagebildError as exc:
        yield _failure(name, None, exc)
    except Exception as exc:
        yield _failure(name, None, LagebildError(ErrorCode.E099, detail=_describe(exc)))


def read_inputs(paths: Iterable[str], options: Options | None = None) -> Iterator[Item]:
    """Every item of every input, in input order."""
    for entry in expand_paths(paths):
        if isinstance(entry, Failure):
            yield entry
        else:
            yield from read_path(entry, options)
