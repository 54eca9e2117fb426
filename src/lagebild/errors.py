"""Numbered, user-facing error messages (one place, like spaCy's errors.py).

Every failure Lagebild reports for an input names its code, so users can search the docs
and the failure table in the store for one kind of problem.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(Enum):
    """Codes for failures of single inputs; the text is a format string."""

    E001 = "empty input"
    E002 = "binary data, not text (NUL bytes or undecodable content)"
    E003 = "could not decode text: {detail}"
    E004 = "truncated or corrupt compressed data: {detail}"
    E005 = "malformed markup: {detail}"
    E006 = "no article text found (unknown layout)"
    E007 = "malformed record: {detail}"
    E008 = "record too large: {size} bytes (limit {limit})"
    E009 = "not German (detected '{lang}', confidence {score:.2f})"
    E010 = "unsupported input format: {detail}"
    E011 = "cannot read input: {detail}"
    E012 = "invalid value: {detail}"
    E013 = "article text too short to analyse ({chars} characters)"
    E014 = "no article body on the page: {detail}"
    E015 = "input too large: {size} bytes (limit {limit}, setting max_input_bytes)"
    E020 = "no actor {name!r} in the store{hint}"
    E021 = "{name!r} names several actors: {candidates}"
    E025 = "cannot read period {period!r}: {detail}"
    E026 = "period {period!r} counts back from the newest article, but none is dated"
    E027 = "give exactly one period (PERIOD, --day, --week, --month or --from/--to), not {given}"
    E028 = "no actor {name!r} in the store to narrow the brief to{hint}"
    E040 = "cannot read Parquet part: {detail}"
    E041 = "incomplete Parquet shard: {detail}"
    E042 = "not a Lagebild Parquet part: {detail}"
    E043 = "cannot write Parquet part: {detail}"
    E044 = "invalid article in a Parquet part: {detail}"
    E099 = "unexpected error: {detail}"

    def format(self, **kwargs: object) -> str:
        return f"[{self.name}] {self.value.format(**kwargs)}"


class LagebildError(Exception):
    """An error about one input, with a numbered code and a one-line message."""

    def __init__(self, code: ErrorCode, **kwargs: object) -> None:
        self.code = code
        self.message = code.format(**kwargs)
        super().__init__(self.message)


class SkipInput(LagebildError):
    """An input that is readable but deliberately not processed (e.g. not German)."""
