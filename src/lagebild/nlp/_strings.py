"""The few saved model strings the pipeline needs, without loading all of them at start-up.

:func:`lagebild.nlp.load_pipeline` leaves out the vocabulary's ``strings.json`` (210,826
strings, ≈ 0.2 s of CPU at every start): most of what the pipeline writes (lemmas, morphology,
lexicon codes) enters the string store as it is set. Two things do not: the trainable
lemmatizer's edit trees keep their replacement affixes as hashes and look them up
when a tree is applied, and the tagger sets a tag as the hash of its label without adding
the label. :func:`add_referenced_strings` adds exactly those (labels and ≈ 7,000 affixes): the
hashes come from the trees; the strings behind them are found once in ``strings.json`` and
kept in the user cache (:mod:`lagebild.cache`), in a file named by the strings file and the
hashes, so a later start reads a small JSON list instead.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline._edit_tree_internals.edit_trees import EditTrees
from spacy.strings import get_string_id

from lagebild.cache import read_cached, write_cached

KIND = "nlp-strings-"


def referenced_hashes(nlp: Language) -> set[int]:
    """Hashes of strings that components keep by hash only (the edit trees' affixes)."""
    found: set[int] = set()
    for _, component in nlp.pipeline:
        trees = getattr(component, "trees", None)
        if isinstance(trees, EditTrees):
            for node in srsly.msgpack_loads(trees.to_bytes())["trees"]:
                found.update(node[key] for key in ("orig", "subst") if key in node)
    return found


def _cache_name(strings_file: Path, hashes: Iterable[int]) -> str:
    stat = strings_file.stat()
    digest = hashlib.sha256(
        f"1|{strings_file.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    digest.update(",".join(map(str, sorted(hashes))).encode())
    return f"{KIND}{digest.hexdigest()[:40]}.json"


def _from_cache(name: str) -> list[str] | None:
    blob = read_cached(name)
    if blob is None:
        return None
    try:
        data: Any = json.loads(blob)
    except ValueError:
        return None  # a damaged file: found again below
    if not isinstance(data, list) or not all(isinstance(s, str) for s in data):
        return None
    return data


def add_referenced_strings(nlp: Language, model: Path) -> None:
    """Add the strings that ``nlp``'s components refer to by hash: their labels, and the saved
    strings of ``model`` behind the hashes they keep (the store of a pipeline loaded without
    ``strings.json`` lacks them)."""
    store: Any = nlp.vocab.strings  # its stub takes only str keys; hashes work too
    for _, component in nlp.pipeline:
        # The tagger writes a tag as the hash of its label without adding the label.
        for label in getattr(component, "labels", ()):
            if isinstance(label, str):
                store.add(label)
    missing = {h for h in referenced_hashes(nlp) if h not in store}
    strings_file = model / "vocab" / "strings.json"
    if not missing or not strings_file.is_file():
        return
    name = _cache_name(strings_file, missing)
    cached = _from_cache(name)
    if cached is not None:
        for text in cached:
            store.add(text)
        if all(h in store for h in missing):
            return
    wanted = [text for text in srsly.read_json(strings_file) if get_string_id(text) in missing]
    for text in wanted:
        store.add(text)
    write_cached(name, json.dumps(wanted, ensure_ascii=False).encode("utf-8"), KIND, keep=2)
