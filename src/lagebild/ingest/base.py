"""Shared types of the readers and the reader registry (the extension point)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lagebild.errors import ErrorCode
from lagebild.model import Article, Origin
from lagebild.settings import Options


@dataclass(frozen=True)
class InputFile:
    """One input: its display name and its raw bytes (read once, lazily by the caller)."""

    name: str
    data: bytes
    # For a shard (a byte range of a larger file, see ``ingest.shards``): how many records
    # precede it in the file, so record labels stay those of the whole file.
    first_record: int = 0
    head: bytes = b""  # the start of the whole file (a shard's dialect is the file's)


@dataclass(frozen=True)
class Failure:
    """An input (or one record of it) that produced no article, and why."""

    origin: Origin
    code: ErrorCode
    message: str
    skipped: bool = False  # True: readable but deliberately not processed (e.g. not German)

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


Item = Article | Failure
Reader = Callable[[InputFile, Options], Iterator[Item]]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    read: Reader
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool] | None = None  # does this content look like ours?


READERS: dict[str, ReaderSpec] = {}


def register_reader(
    name: str, extensions: tuple[str, ...], sniff: Callable[[bytes], bool] | None = None
) -> Callable[[Reader], Reader]:
    """Register a reader under ``name`` for file ``extensions`` (e.g. ``(".txt",)``)."""

    def decorate(func: Reader) -> Reader:
        READERS[name] = ReaderSpec(name, func, extensions, sniff)
        return func

    return decorate


def origin(inp: InputFile, reader: str, record: str | None = None) -> Origin:
    return Origin(path=inp.name, record=record, reader=reader)
