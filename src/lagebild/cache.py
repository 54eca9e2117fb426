"""Lagebild's user cache: derived files that make start-up fast and are rebuilt when stale.

The cache holds nothing that cannot be rebuilt from the package itself (no downloads): a
compact copy of the actor KB with its alias index, the decompressed language-identification
model. Each file is named by a hash of everything it was derived from, so a changed source
makes a new file and the old one is never read again. Location: ``$LAGEBILD_CACHE_DIR``, else
``$XDG_CACHE_HOME/lagebild`` (``~/.cache/lagebild``). ``LAGEBILD_CACHE_DIR=off`` disables it.
A cache that cannot be written (read-only home) only costs the start-up time it would save.

:func:`gc_paused` is the other start-up helper: no cyclic garbage collection while models and
indexes are loaded. :func:`batch_gc` and :func:`models_loaded` tune the collector (and
:func:`batch_malloc` the C allocator) for the batch that follows (``lagebild analyze`` and
``ingest``).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

KEEP = 6  # files per kind: a few KBs or versions side by side, not one per edit forever
STALE_TMP_S = 3600


def cache_dir() -> Path | None:
    """The cache folder (not created here); ``None`` when caching is off."""
    chosen = os.environ.get("LAGEBILD_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lagebild"


def read_cached(name: str) -> bytes | None:
    """The bytes of cache file ``name``, or ``None`` when it is not there (or caching is off)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def cached_path(name: str) -> Path | None:
    """The path of cache file ``name`` when it exists."""
    folder = cache_dir()
    if folder is None or not (folder / name).is_file():
        return None
    return folder / name


def write_cached(name: str, data: bytes | Callable[[BinaryIO], None], kind: str,
                 keep: int = KEEP) -> Path | None:
    """Write cache file ``name`` atomically (readers never see half a file; parallel workers
    may race, the last complete file wins) and keep only the ``keep`` newest ``kind*`` files.
    ``data`` is the bytes or a function that writes them to a binary file. Returns the path,
    or ``None`` when nothing was written: errors are swallowed, the cache is an optimisation."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                if isinstance(data, bytes):
                    out.write(data)
                else:
                    data(out)
            os.replace(tmp, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        old = sorted(folder.glob(f"{kind}*"), key=lambda p: p.stat().st_mtime, reverse=True)
        # and half-written files of a process killed while writing (kill -9 mid-ingest):
        # an hour old, no writer is still at them
        half = [p for p in folder.glob(f".{kind}*.tmp")
                if p.stat().st_mtime < time.time() - STALE_TMP_S]
        for stale in old[keep:] + half:
            with contextlib.suppress(OSError):
                stale.unlink()
    except OSError:
        return None
    return folder / name


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (restored after). Loading a model or index makes
    hundreds of thousands of objects and no garbage; the collector, triggered by allocation
    counts, would walk the growing heap again and again (KB from the cache: 0.72 → 0.23 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: young-generation threshold while a batch is analysed (Python's default: 700 allocations)
BATCH_GEN0 = 25_000
_batch = False


def batch_gc() -> None:
    """Tune the cyclic garbage collector for a process that loads the models once and then
    analyses a batch (``lagebild analyze``/``ingest``; call it before the models load).

    Analysis makes millions of small objects (tokens, their fields, mentions) that are either
    kept with their article or dropped by reference counting; the collector, run every 700
    allocations, walked them and, in its full collections, the whole heap of models as well:
    1.3–1.4 s of 19 s CPU on 300 10kGNAD articles. With a young generation of 25,000 and the
    models frozen once loaded (:func:`models_loaded`), 0.1–0.3 s; peak RSS unchanged."""
    global _batch
    _batch = True
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(BATCH_GEN0, gen1, gen2)
    batch_malloc()


#: freed memory at the top of the C heap that the allocator keeps for the next batch
BATCH_TRIM_BYTES = 256 << 20
#: blocks up to this size come from the heap (glibc's upper limit), larger ones are mapped
BATCH_MMAP_BYTES = 32 << 20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's <malloc.h>


def batch_malloc() -> bool:
    """Let glibc's allocator keep the memory a batch frees for the next batch (Linux with
    glibc; elsewhere nothing changes). Called by :func:`batch_gc`.

    Every chunk of articles makes the same large numpy arrays in the language pipeline
    (tok2vec layers, the parser's and the entity recogniser's precomputed features, ≈ 50 MB
    for 32 articles). With glibc's defaults the freed top of the heap went back to the kernel
    after each chunk (trim threshold 128 KiB, raised only for blocks once mapped) and came back
    as fresh zero-filled pages: 13,000 page faults per chunk, 1.4–1.8 s of system time in a
    17 s run of the spaCy pipeline over 600 10kGNAD articles, 0.35–0.5 s with the memory kept
    (docs/lab/speed.md). The memory kept is memory the next chunk takes again: peak RSS rose
    by about 30 MiB over 300 articles and not at all over 2,000. Returns whether the settings
    were applied."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        gnu = libc.gnu_get_libc_version  # glibc only: musl's mallopt does nothing
    except (AttributeError, OSError):
        return False
    del gnu
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    # both at once: setting either stops glibc's own adjustment of the other
    return bool(mallopt(_M_MMAP_THRESHOLD, BATCH_MMAP_BYTES)
                and mallopt(_M_TRIM_THRESHOLD, BATCH_TRIM_BYTES))


def models_loaded() -> None:
    """Called when the analysis stages have loaded: after :func:`batch_gc`, every object alive
    now (the models, indexes, lexicons) moves into the collector's permanent generation, which
    its full collections no longer walk. Without :func:`batch_gc` (a library caller, a test)
    nothing changes."""
    if _batch:
        gc.freeze()
