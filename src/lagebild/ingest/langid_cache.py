"""py3langid's model, decompressed once into the user cache instead of at every start.

py3langid ships its model as an LZMA-compressed ``.npz`` (4.6 MB → 68 MB) and decompresses it
at every load: 0.5 s of CPU whenever a text is too short for the function-word check
(:mod:`lagebild.ingest.language`), e.g. every ``lagebild analyze`` of a sentence. The user
cache (:mod:`lagebild.cache`) holds its arrays decompressed, as one flat file that is mapped
into memory rather than read (``mmap``): a text touches a few hundred of the 100,053 rows of
the feature table and a few thousand entries of the tokenizer's state table, so only those
pages are read (an ``.npz`` of the same arrays, read whole, took 0.1–0.25 s; parallel workers
share the mapped pages). Its name hashes the model file's path, size and modification time,
py3langid's version and the file format, so an upgraded model is decompressed anew. The arrays
are handed to ``LanguageIdentifier`` as ``LanguageIdentifier.from_model_file`` does (py3langid
is pinned), the state tables as memory views instead of ``array`` copies; when anything about
that fails, the ordinary load is used.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import mmap
import shutil
import tempfile
from math import prod
from pathlib import Path
from typing import Any, BinaryIO, Literal

from lagebild.cache import cached_path, write_cached

KIND = "langid-"
FORMAT = 2  # 1: the decompressed .npz
MAGIC = b"lagebild-langid\n"
HEADER = 4096  # magic, then the JSON table of arrays; the arrays follow, 64-byte aligned
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
#: unsigned state tables, by item size
_TYPECODES: dict[int, Literal["H", "I", "Q"]] = {2: "H", 4: "I", 8: "Q"}


def _cache_name(model: Path) -> str:
    import py3langid

    stat = model.stat()
    key = (f"{FORMAT}|{model.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|"
           f"{py3langid.__version__}")
    return f"{KIND}{hashlib.sha256(key.encode()).hexdigest()[:40]}.bin"


def write_flat(model: Path, out: BinaryIO) -> None:
    """Write the arrays of py3langid's ``model`` (LZMA-compressed ``.npz``) as a flat file."""
    import numpy as np

    with tempfile.TemporaryFile() as npz:
        with lzma.open(model) as src:
            shutil.copyfileobj(src, npz, length=1 << 20)
        npz.seek(0)
        with np.load(npz, allow_pickle=False) as data:
            arrays = {name: np.ascontiguousarray(data[name]) for name in ARRAYS}
    table: dict[str, Any] = {}
    offset = HEADER
    for name, array in arrays.items():
        table[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset}
        offset += -(-array.nbytes // 64) * 64
    head = MAGIC + json.dumps(table).encode("ascii")
    if len(head) > HEADER:
        raise ValueError("language model: header too long")
    out.write(head.ljust(HEADER, b"\0"))
    for name, array in arrays.items():
        out.seek(table[name]["offset"])
        out.write(array.tobytes())
    out.truncate(offset)


def _from_flat(path: Path, norm_probs: bool) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    with path.open("rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if not mapped[:len(MAGIC)] == MAGIC:
        raise ValueError("language model: not a flat model file")
    table = json.loads(mapped[len(MAGIC):HEADER].rstrip(b"\0"))
    arrays: dict[str, Any] = {}
    for name in ARRAYS:
        spec = table[name]
        dtype = np.dtype(spec["dtype"])
        count = prod(spec["shape"])
        if spec["offset"] + count * dtype.itemsize > len(mapped):
            raise ValueError("language model: file too short")
        arrays[name] = np.frombuffer(mapped, dtype=dtype, count=count,
                                     offset=spec["offset"]).reshape(spec["shape"])

    def states(name: str) -> Any:  # what py3langid's ``_to_array`` makes, not copied
        spec, array = table[name], arrays[name]
        if array.dtype.kind != "u" or array.dtype.itemsize not in _TYPECODES:
            raise ValueError(f"language model: unexpected {name} type")
        view = memoryview(mapped)[spec["offset"]:spec["offset"] + array.nbytes]
        return view.cast(_TYPECODES[array.dtype.itemsize])

    return LanguageIdentifier(arrays["ptc"], np.array(arrays["pc"]), arrays["classes"].tolist(),
                              states("nextmove"), arrays["out_feat"].tolist(),
                              norm_probs=norm_probs, tk_row=states("nextmove_row"))


def load_identifier(norm_probs: bool = True) -> Any:
    """py3langid's ``LanguageIdentifier`` for its shipped model, via the cache when possible."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        name = _cache_name(model)
        path = cached_path(name)
        if path is not None:
            try:
                return _from_flat(path, norm_probs)
            except (KeyError, ValueError, TypeError):
                pass  # a damaged file: written anew below
        path = write_cached(name, lambda out: write_flat(model, out), KIND, keep=2)
        if path is not None:
            return _from_flat(path, norm_probs)
    except (OSError, KeyError, ValueError, TypeError, ImportError, lzma.LZMAError):
        pass  # no cache, or a damaged one: the ordinary load below
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=norm_probs)
