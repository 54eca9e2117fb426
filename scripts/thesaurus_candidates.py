"""Propose event-trigger candidates from a German thesaurus, to be judged by hand.

Every synset of OpenThesaurus (Debian package ``openthesaurus-de-text``, LGPL-2.1+) that holds
a single-word verb or noun trigger of ``events/data/triggers.tsv`` proposes its other members
that the lexicon does not cover yet (neither as an entry nor through a compound head).
Colloquial, figurative, dated and regional members are left out (their labels in brackets),
as are phrases. Each candidate lists the entries it is a synonym of, so that an accepted word
can copy that entry's columns. Run from the repository root::

    python scripts/thesaurus_candidates.py [--thesaurus PATH] [--counts COUNTS.json] > cands.jsonl

``--counts`` is an optional JSON object lemma → count (e.g. counted over analysed news) that
adds a ``news_freq`` field and sorts by it. Thesaurus synonyms are mostly other senses: the
twenty-third events pass accepted 89 of 2,117 candidates (docs/lab/events.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from lagebild.events.lexicon import Lexicon, Trigger, load_lexicon

THESAURUS = Path("/usr/share/openthesaurus-de/openthesaurus.txt")
_SKIPPED_LABELS = re.compile(
    r"\([^)]*?(ugs|derb|vulg|veraltet|scherzh|fig|landschaftl|regional|österr|schweiz|Jargon|"
    r"abwertend|historisch|Amtsdeutsch|salopp|ironisch|selten|altertüml|Slang|Gaunersprache|"
    r"Kindersprache|literarisch|poetisch|euphemistisch|Neologismus|süddt|norddt|Fachsprache|"
    r"techn|Medizin|Biologie|Chemie|Sport)[^)]*\)", re.I)


def member(text: str) -> str | None:
    """A synset member as a lemma, or None for a labelled word or a phrase."""
    if _SKIPPED_LABELS.search(text):
        return None
    word = re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", "", text)).strip()
    word = word.removeprefix("sich ")
    if not word or " " in word or "." in word:
        return None
    return word


def covered(lex: Lexicon, word: str) -> bool:
    lower = word.lower()
    if word[0].isupper():
        return bool(lex.noun_entries(lower)) or lower in lex.idioms
    return lower in lex.verbs or lower in lex.idioms


def candidates(lex: Lexicon, lines: list[str]) -> dict[str, set[tuple[str, str, str]]]:
    """Candidate word → the (pattern, PLOVER type, CAMEO code) entries it is a synonym of."""
    triggers: dict[str, list[Trigger]] = {}
    for t in lex.entries():
        if t.pos in ("verb", "noun") and not t.suffix and " " not in t.pattern:
            triggers.setdefault(t.pattern, []).append(t)
    out: dict[str, set[tuple[str, str, str]]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        words = [w for w in map(member, line.rstrip("\n").split(";")) if w]
        sources = [w for w in words if w in triggers]
        for word in words:
            if word in triggers or covered(lex, word):
                continue
            for src in sources:
                if src[0].isupper() == word[0].isupper():  # nouns for nouns, verbs for verbs
                    out.setdefault(word, set()).update(
                        (src, t.plover, t.cameo) for t in triggers[src])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--thesaurus", type=Path, default=THESAURUS)
    ap.add_argument("--counts", type=Path, help="JSON object lemma -> count")
    args = ap.parse_args()
    if not args.thesaurus.exists():
        sys.exit(f"{args.thesaurus} not found: apt install openthesaurus-de-text")
    lines = args.thesaurus.read_text(encoding="utf-8").splitlines()
    found = candidates(load_lexicon(), lines)
    counts: dict[str, int] = {}
    if args.counts:
        for lemma, n in json.loads(args.counts.read_text(encoding="utf-8")).items():
            counts[lemma.lower()] = counts.get(lemma.lower(), 0) + int(n)
    for word in sorted(found, key=lambda w: (-counts.get(w.lower(), 0), w)):
        row = {"word": word, "news_freq": counts.get(word.lower(), 0),
               "sources": sorted(found[word])}
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
