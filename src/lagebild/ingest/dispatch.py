"""From paths to articles: expansion, format detection, and the one place failures are caught."""

from __future__ import annotations

import glob
import gzip
import importlib
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from lagebild.errors import ErrorCode, LagebildError, SkipInput
from lagebild.ingest.base import READERS, Failure, InputFile, Item, ReaderSpec
from lagebild.ingest.dates import normalise_date
from lagebild.ingest.language import detect_language
from lagebild.model import PROSE_BLOCKS, Article, Origin
from lagebild.settings import Options

STDIN = "-"
# Files in an input directory that describe it rather than hold articles.
NOT_ARTICLES = ("readme", "notice", "license", "licence", "copying", "changelog")


#: the module whose reader registers each file extension (checked against the readers by
#: tests/ingest/test_reader_table.py): a file with a known extension imports only its reader,
#: so a text or JSON Lines file does not import lxml and the HTML reader (≈ 0.05 s per start)
READER_MODULES: tuple[tuple[str, str], ...] = (
    (".csv", "csvfile"), (".tsv", "csvfile"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
    (".txt", "textdump"), (".text", "textdump"),
    (".warc", "warc"), (".warc.gz", "warc"), (".arc.gz", "warc"), (".arc", "warc"),
)


def _load_readers() -> None:
    # Importing the modules registers their readers (see ``register_reader``).
    from lagebild.ingest import (  # noqa: F401
        csvfile,
        feed,
        html,
        jsonl,
        textdump,
        warc,
    )


def _load_reader_for(lower_name: str) -> None:
    """Import the reader module of the file's extension; all of them when it has none of
    theirs (then the content is sniffed by every reader)."""
    for extension, module in READER_MODULES:
        if lower_name.endswith(extension):
            importlib.import_module(f"lagebild.ingest.{module}")
            return
    _load_readers()


def expand_paths(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Files, directories (recursive, sorted, hidden files skipped), globs and ``-``."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name.lower()
                if child.is_file() and not name.startswith(".") and not name.startswith(
                    NOT_ARTICLES
                ):
                    yield str(child)
        elif path.is_file():
            yield str(path)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(m for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                yield _failure(raw, None, LagebildError(ErrorCode.E011, detail="no file matches"))
            yield from matches
        else:
            yield _failure(raw, None, LagebildError(ErrorCode.E011, detail="no such file"))


def _read_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise LagebildError(ErrorCode.E011, detail=exc.strerror or str(exc)) from exc


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes: a compression bomb stops there with E015."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise LagebildError(ErrorCode.E004, detail=str(exc) or type(exc).__name__) from exc
    if len(out) > limit:
        raise LagebildError(ErrorCode.E015, size=f"more than {limit}", limit=limit)
    return out


def too_large(name: str, options: Options) -> int | None:
    """The size of a file that may not be read whole, else None."""
    if name == STDIN:
        return None
    try:
        size = Path(name).stat().st_size
    except OSError:
        return None  # reading it reports the problem
    return size if size > options.max_input_bytes else None


def detect_reader(name: str, data: bytes) -> ReaderSpec:
    """Pick a reader by extension, else by sniffing the content; text dumps are the fallback."""
    lower = name.lower()
    _load_reader_for(lower)
    for spec in READERS.values():
        if any(lower.endswith(ext) for ext in spec.extensions):
            return spec
    _load_readers()  # no reader loaded so far claims the extension: every reader sniffs
    for spec in READERS.values():
        if spec.sniff is not None and spec.sniff(data[:4096]):
            return spec
    return READERS["textdump"]


def read_file(name: str, options: Options | None = None) -> Iterator[Item]:
    """All items of one input read whole (``-`` = stdin), whatever its size (``ingest.paths``
    decides when a file is read in shards instead). Never raises for bad input."""
    options = options or Options()
    try:
        data = _read_bytes(name)
        inner = name
        lower = name.lower()
        if lower.endswith(".gz") and not lower.endswith(".warc.gz"):
            data, inner = _gunzip(data, options.max_input_bytes), name[:-3]
        if not data.strip():
            raise LagebildError(ErrorCode.E001)
        yield from read_input(InputFile(name, data), options, reader_for(inner, data, options))
    except LagebildError as exc:
        yield _failure(name, None, exc)
    except Exception as exc:
        yield _failure(name, None, LagebildError(ErrorCode.E099, detail=_describe(exc)))


def reader_for(name: str, data: bytes, options: Options) -> ReaderSpec:
    """The reader named in ``options.formats``, else the one ``detect_reader`` picks."""
    if options.formats:
        _load_readers()
        spec = READERS.get(options.formats[0])
        if spec is None:
            raise LagebildError(ErrorCode.E010, detail=f"no reader {options.formats[0]!r}")
        return spec
    return detect_reader(name, data)


def read_input(inp: InputFile, options: Options, spec: ReaderSpec) -> Iterator[Item]:
    """All items of one (possibly partial, see ``ingest.shards``) input, failures caught."""
    return _checked(spec.read(inp, options), inp.name, spec.name, options)


def _checked(items: Iterator[Item], name: str, reader: str, options: Options) -> Iterator[Item]:
    """Run a reader's iterator, turning exceptions and unfit articles into failures."""
    count = 0
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except LagebildError as exc:
            yield _failure(name, f"after record {count}" if count else None, exc, reader)
            return
        except Exception as exc:
            err = LagebildError(ErrorCode.E099, detail=_describe(exc))
            yield _failure(name, f"after record {count}" if count else None, err, reader)
            return
        count += 1
        yield item if isinstance(item, Failure) else _finish(item, name, reader, options)


def _finish(article: Article, name: str, reader: str, options: Options) -> Item:
    """Checks and defaults every article gets, whatever reader produced it."""
    where = article.origin or Origin(path=name, reader=reader)
    try:
        prose = " ".join(article.block_text(b) for b in article.blocks if b.type in PROSE_BLOCKS)
        prose = prose or article.text
        if len(prose.strip()) < options.min_chars:
            raise LagebildError(ErrorCode.E013, chars=len(prose.strip()))
        if len(article.text) > options.max_chars:
            raise LagebildError(ErrorCode.E008, size=len(article.text), limit=options.max_chars)
        lang, score = detect_language(prose)
        if options.require_german and (lang != "de" and score >= options.min_language_confidence):
            raise SkipInput(ErrorCode.E009, lang=lang, score=score)
    except LagebildError as exc:
        return Failure(where, exc.code, exc.message, skipped=isinstance(exc, SkipInput))
    published = article.published or normalise_date(options.published)
    return article.model_copy(update={"origin": where, "language": lang, "published": published})


def _failure(
    name: str, record: str | None, exc: LagebildError, reader: str = ""
) -> Failure:
    return Failure(
        Origin(path=name, record=record, reader=reader),
        exc.code,
        exc.message,
        skipped=isinstance(exc, SkipInput),
    )


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:300]
