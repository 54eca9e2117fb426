"""py3langid's model, decompressed once into the user cache instead of at every start.

py3langid ships its model as an LZMA-compressed ``.npz`` (4.6 MB → 68 MB) and decompresses it
at every load: 0.5 s of CPU whenever a text is too short for the function-word check
(:mod:`lagebild.ingest.language`), e.g. every ``lagebild analyze`` of a sentence. The
decompressed ``.npz`` in the user cache (:mod:`lagebild.cache`) loads in a few hundredths of a
second. Its name hashes the model file's path, size and modification time and py3langid's
version, so an upgraded model is decompressed anew. The arrays are read and handed to
``LanguageIdentifier`` exactly as ``LanguageIdentifier.from_model_file`` does (py3langid is
pinned); when anything about that fails, the ordinary load is used.
"""

from __future__ import annotations

import hashlib
import lzma
import shutil
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from lagebild.cache import cached_path, write_cached

KIND = "langid-"


def _cache_name(model: Path) -> str:
    import py3langid

    stat = model.stat()
    key = f"1|{model.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{py3langid.__version__}"
    return f"{KIND}{hashlib.sha256(key.encode()).hexdigest()[:40]}.npz"


def _from_npz(path: Path, norm_probs: bool) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
        nextmove, row = _to_array(data["nextmove"]), _to_array(data["nextmove_row"])
        output = data["out_feat"].tolist()
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=norm_probs, tk_row=row)


def load_identifier(norm_probs: bool = True) -> Any:
    """py3langid's ``LanguageIdentifier`` for its shipped model, via the cache when possible."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        name = _cache_name(model)
        path = cached_path(name)
        if path is None:
            def decompress(out: BinaryIO) -> None:
                with lzma.open(model) as src:
                    shutil.copyfileobj(src, out, length=1 << 20)

            path = write_cached(name, decompress, KIND, keep=2)  # 68 MB each
        if path is not None:
            return _from_npz(path, norm_probs)
    except (OSError, KeyError, ValueError, ImportError, zipfile.BadZipFile, lzma.LZMAError):
        pass  # no cache, or a damaged one: the ordinary load below
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=norm_probs)
