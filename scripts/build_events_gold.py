"""Build eval/events-dev.jsonl from the hand-written compact annotations.

    python scripts/build_events_gold.py eval/events-dev.ann.txt eval/events-dev.jsonl
    python scripts/build_events_gold.py eval/events-fresh.ann.txt eval/events-fresh.jsonl

Line format of the annotation file (``#`` starts a comment line)::

    DOC:S[,S2] | TYPE or - | SRC | TGT | trigger | modality | other_events

DOC is the article number, S the sentence index in the article's ``sentences`` (two
consecutive indices for two sentences); SRC/TGT are ``CODE=words; CODE=words`` or empty. The
text is cut verbatim from the article's ``originalText``; ids follow the line order (append
only, so ids stay stable). Articles: $LAGEBILD_SHARED (default <repo>/../shared).

A set of other texts (general news: ``events-fresh7``) keeps its sentences beside the
annotations, in ``NAME.sentences.tsv`` (``id<TAB>section<TAB>text``); its lines start with that
id (``gnad-0917:3``) instead of ``DOC:S``, and its items have no publication date.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "planned", "proposed", "alleged", "negated", "hypothetical"}
REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "data" / "quotes" / "wikinews-quotes-2024"
# events-dev draws on train/, events-fresh on dev/: article numbers are unique across both.
ARTICLES = (CORPUS / "train", CORPUS / "dev")


def load_articles() -> dict[str, tuple[str, str, str, list[dict[str, Any]]]]:
    docs = {}
    for path in (p for folder in ARTICLES for p in folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        match = re.match(r"(\d+) - (.*) \((\d{4}-\d\d-\d\d)\)$", data["documentName"])
        assert match is not None, path
        number, title, date = match.groups()
        docs[number] = (f"{number} - {title}", date, data["originalText"], data["sentences"])
    return docs


def actors(spec: str, text: str, errors: list[str], where: str) -> list[dict[str, str]]:
    out = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        code, _, words = part.partition("=")
        if words not in text:
            errors.append(f"{where}: actor words {words!r} not in text")
        out.append({"code": code.strip(), "text_de": words})
    return out


def load_sentences(path: Path) -> dict[str, str]:
    """The texts of a set drawn outside the quotation corpus, by id."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {i: text for i, _, text in (row.split("\t", 2) for row in rows)}


def build(ann: Path) -> tuple[list[dict[str, Any]], list[str]]:
    texts = ann.with_name(ann.name.replace(".ann.txt", ".sentences.tsv"))
    sentences = load_sentences(texts) if texts.exists() else None
    docs = load_articles() if sentences is None else {}
    items: list[dict[str, Any]] = []
    errors: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{ann}:{n}"
        parts = [p.strip() for p in line.split("|")] + [""] * 7
        loc, typ, src, tgt, trigger, modality, other = parts[:7]
        if loc in seen:
            errors.append(f"{where}: duplicate {loc}")
            continue
        seen.add(loc)
        if sentences is not None:
            name, date, text = loc.partition(":")[0], None, sentences[loc]
        else:
            number, _, sentence_ids = loc.partition(":")
            ids = [int(x) for x in sentence_ids.split(",")]
            name, date, original, spans = docs[number]
            text = original[spans[ids[0]]["charBegin"]:spans[ids[-1]]["charEnd"]].strip()
        if "\n" in text:
            errors.append(f"{where}: newline in text {loc} (left out)")
            continue
        event = None if typ == "-" else typ
        if event is not None and event not in PLOVER:
            errors.append(f"{where}: bad type {typ}")
        item: dict[str, Any] = {
            "id": f"ev-{len(items) + 1:04d}", "text_de": text,
            **({"published": date} if date is not None else {}), "doc": name,
            "event": event, "source": actors(src, text, errors, where),
            "target": actors(tgt, text, errors, where), "event_text_de": trigger,
        }
        if trigger not in text:
            errors.append(f"{where}: trigger {trigger!r} not in text")
        if event is not None:
            item["modality"] = modality or "asserted"
            if not trigger or item["modality"] not in MODALITIES:
                errors.append(f"{where}: event needs a trigger and a valid modality")
        elif modality:
            errors.append(f"{where}: modality on a null item")
        if other:
            item["other_events"] = [t.strip() for t in other.split(",")]
            errors += [f"{where}: bad other {t}" for t in item["other_events"] if t not in PLOVER]
        items.append(item)
    return items, errors


def main() -> None:
    items, errors = build(Path(sys.argv[1]))
    for error in errors:
        print(error, file=sys.stderr)
    with Path(sys.argv[2]).open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    counts = Counter(item["event"] or "null" for item in items)
    print(len(items), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
