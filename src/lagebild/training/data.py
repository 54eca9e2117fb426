"""Readers for the training corpora in ``../shared/data`` and the deterministic dev splits.

Every reader returns :class:`GoldSentence` objects (gold tokens plus whatever layers the
source has; a missing layer is ``None``).  :func:`to_doc` turns one into a spaCy ``Doc``
whose missing layers stay unset, so spaCy treats them as missing annotation.

Entity labels follow GermEval 2014 (outer level): ``PER LOC ORG OTH`` and the derived
(``LOCderiv``) and part (``ORGpart``) variants as separate NER labels; at run time
:func:`lagebild.nlp.split_label` maps them back to ``label`` + ``subtype``.

Splits (deterministic, never trained on):
- GermEval ``NER-de-test.tsv``: the last 15 % of sentences are dev.
- Europarl: ``train.tsv`` trains, ``dev.tsv`` is dev.
- UD: the last 300 sentences of PUD and the last 200 of GSD test are dev; the rest trains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

GERMEVAL_FILE = "ner/germeval2014/NER-de-test.tsv"
EUROPARL_TRAIN = "ner/europarl/train.tsv"
EUROPARL_DEV = "ner/europarl/dev.tsv"
UD_FILES = ("ud/de_gsd-ud-dev.conllu", "ud/de_gsd-ud-test.conllu", "ud/de_pud-ud-test.conllu")
#: The gold files of the pipeline's training and of its dev splits.
GOLD_FILES = (GERMEVAL_FILE, EUROPARL_TRAIN, EUROPARL_DEV, *UD_FILES)
GERMEVAL_DEV_FRACTION = 0.15
UD_DEV_TAIL = {"ud/de_pud-ud-test.conllu": 300, "ud/de_gsd-ud-test.conllu": 200}


class TrainingDataError(FileNotFoundError):
    """``--data`` lacks files a training command reads (raised before any slow work)."""


def require_data(data: Path, files: Iterable[str] = (), folders: Iterable[str] = ()) -> None:
    """Raise :class:`TrainingDataError` naming every missing file and every empty folder.

    Why: a wrong ``--data`` used to fail minutes in (after the lexicon table was built) with a
    traceback, or, for a folder read by glob, train on nothing and report success.
    """
    missing = [rel for rel in files if not (data / rel).is_file()]
    missing += [f"{rel}/" for rel in folders
                if not (data / rel).is_dir() or not any((data / rel).iterdir())]
    if missing:
        raise TrainingDataError(
            f"{data} lacks {', '.join(missing)}: --data must name the shared data folder "
            "(its README lists these files)"
        )

STTS_TAGS = frozenset(
    "ADJA ADJD ADV APPR APPRART APPO APZR ART CARD FM ITJ KOUI KOUS KON KOKOM NN NE PDS PDAT "
    "PIS PIAT PIDAT PPER PPOSS PPOSAT PRELS PRELAT PRF PWS PWAT PWAV PAV PROAV PTKZU PTKNEG "
    "PTKVZ PTKANT PTKA TRUNC VVFIN VVIMP VVINF VVIZU VVPP VAFIN VAIMP VAINF VAPP VMFIN VMINF "
    "VMPP XY $, $. $( NNE _".split()
)

# STTS spelling differences between corpora (GSD writes PAV for TIGER's PROAV).
STTS_MAP = {"PAV": "PROAV", "PIDAT": "PIAT"}


@dataclass
class GoldSentence:
    words: list[str]
    spaces: list[bool] | None = None
    tags: list[str] | None = None
    pos: list[str] | None = None
    morphs: list[str] | None = None
    lemmas: list[str] | None = None
    heads: list[int] | None = None  # absolute index within the sentence
    deps: list[str] | None = None
    # entity spans as (start token, end token exclusive, label)
    ents: list[tuple[int, int, str]] | None = None
    source: str = ""
    # token spans (start, end exclusive) whose entity annotation is unknown: missing in training
    # (no loss), ignored by the scores; set where a corpus's convention cannot be mapped (conll.py)
    unknown: list[tuple[int, int]] | None = None
    meta: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- GermEval
def _bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO (GermEval) or IO (Europarl) tags to spans; ``I`` after ``O`` opens a span."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or prefix == "B" or (prefix == "I" and lab != label):
            if start >= 0:
                spans.append((start, i, label))
                start = -1
                label = ""
            if prefix in ("B", "I") and tag != "O":
                start, label = i, lab
    return spans


class DataFormatError(ValueError):
    """A gold file row that its format does not allow; the message names file and line."""


_NER_TAG = re.compile(r"^(?:O|[BI]-[A-Za-z]+)$")


def _bad_row(path: Path, lineno: int, expected: str, line: str) -> DataFormatError:
    return DataFormatError(f"{path}:{lineno}: expected {expected}, got {line[:80]!r}")


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The file's lines numbered from 1, and an empty line after the last (closes a block)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    yield from enumerate([*lines, ""], start=1)


def read_germeval(path: Path) -> list[GoldSentence]:
    """GermEval 2014 TSV: ``# source`` line, then ``idx token outer inner`` rows."""
    sents: list[GoldSentence] = []
    words: list[str] = []
    tags: list[str] = []
    meta = ""
    for lineno, line in _numbered_lines(path):
        if line.startswith("#"):
            meta = line[1:].strip()
            continue
        if not line.strip():
            if words:
                sents.append(
                    GoldSentence(
                        words=words,
                        ents=_bio_to_spans(tags),
                        source="germeval",
                        meta={"source": meta},
                    )
                )
            words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[1] or not _NER_TAG.match(cols[2]):
            raise _bad_row(path, lineno, "a GermEval 2014 row: index, token, outer tag (O, "
                           "B-PER, I-LOC …), inner tag, tab-separated", line)
        words.append(cols[1])
        tags.append(cols[2])
    return sents


# --------------------------------------------------------------------------- Europarl
def _europarl_lemma(lemma: str, tag: str, word: str) -> str | None:
    if lemma in ("<unknown>", "", "_"):
        return None
    if lemma == "d":  # TreeTagger writes "d" for the article/relative/demonstrative
        return "der"
    if "|" in lemma:
        return lemma.split("|")[0]
    return lemma


def read_europarl(path: Path) -> list[GoldSentence]:
    """Europarl TSV: ``token lemma STTS chunk IO-NER``; MISC becomes OTH.

    MISC adjectives (``europäischen``) are GermEval's ``LOCderiv`` and are mapped so;
    other MISC is OTH.
    """
    sents: list[GoldSentence] = []
    rows: list[list[str]] = []
    for lineno, line in _numbered_lines(path):
        if not line.strip():
            if rows:
                sents.append(_europarl_sentence(rows))
            rows = []
            continue
        cols = line.split("\t")
        if len(cols) < 5 or not _NER_TAG.match(cols[4]):
            raise _bad_row(path, lineno, "a Europarl NER row: token, lemma, STTS tag, chunk, "
                           "NER tag (O, I-PER …), tab-separated", line)
        rows.append(cols)
    return sents


def _europarl_sentence(rows: list[list[str]]) -> GoldSentence:
    words = [r[0] for r in rows]
    tags = [STTS_MAP.get(r[2], r[2]) for r in rows]
    lemmas_opt = [_europarl_lemma(r[1], r[2], r[0]) for r in rows]
    ner: list[str] = []
    for r, tag in zip(rows, tags, strict=True):
        lab = r[4]
        if lab == "O":
            ner.append("O")
            continue
        typ = lab.split("-", 1)[1]
        if typ == "MISC":
            typ = "LOCderiv" if tag in ("ADJA", "ADJD") else "OTH"
        ner.append("I-" + typ)
    lemmas = [lem if lem is not None else "" for lem in lemmas_opt]
    return GoldSentence(
        words=words, tags=tags, lemmas=lemmas, ents=_bio_to_spans(ner), source="europarl"
    )


# --------------------------------------------------------------------------- UD
def read_conllu(path: Path, keep_xpos: bool | None = None) -> list[GoldSentence]:
    """CoNLL-U; multiword-token ranges are skipped (German UD has almost none).

    ``keep_xpos`` defaults to: keep XPOS where a sentence's tags are all STTS (PUD's are not).
    """
    sents: list[GoldSentence] = []
    rows: list[list[str]] = []
    for lineno, line in _numbered_lines(path):
        if line.startswith("#"):
            continue
        if not line.strip():
            if rows:
                stts = all(r[4] in STTS_TAGS for r in rows)
                keep = stts if keep_xpos is None else keep_xpos
                sents.append(_ud_sentence(rows, keep, path.name))
            rows = []
            continue
        cols = line.split("\t")
        if len(cols) == 10 and ("-" in cols[0] or "." in cols[0]):
            continue  # a multiword-token range or an empty node
        if len(cols) != 10 or not cols[0].isdigit() or not cols[6].isdigit():
            raise _bad_row(path, lineno, "a CoNLL-U word line: 10 tab-separated columns with "
                           "a numeric ID and HEAD", line)
        rows.append(cols)
    return sents


def _ud_sentence(rows: list[list[str]], keep_xpos: bool, name: str) -> GoldSentence:
    words = [r[1] for r in rows]
    spaces = ["SpaceAfter=No" not in r[9] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    deps = [r[7] if r[6] != "0" else "ROOT" for r in rows]
    morphs = ["" if r[5] == "_" else r[5] for r in rows]
    return GoldSentence(
        words=words,
        spaces=spaces,
        tags=[STTS_MAP.get(r[4], r[4]) for r in rows] if keep_xpos else None,
        pos=[r[3] for r in rows],
        morphs=morphs,
        lemmas=[r[2] for r in rows],
        heads=heads,
        deps=deps,
        source="ud",
        meta={"file": name},
    )


# --------------------------------------------------------------------------- Doc
def to_doc(vocab: Vocab, sent: GoldSentence) -> Doc:
    """A reference Doc; layers the sentence lacks stay unset (= missing for training)."""
    doc = Doc(
        vocab,
        words=sent.words,
        spaces=sent.spaces,
        tags=sent.tags,
        pos=sent.pos,
        morphs=sent.morphs,
        lemmas=sent.lemmas,
        heads=sent.heads,
        deps=sent.deps,
    )
    if sent.ents is not None:
        missing = [Span(doc, s, e) for s, e in sent.unknown or ()]
        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in sent.ents], missing=missing,
                     default="outside")
    return doc


def blank_doc(vocab: Vocab, sent: GoldSentence) -> Doc:
    """The predicted-side Doc: gold words, no annotation."""
    return Doc(vocab, words=sent.words, spaces=sent.spaces)


# --------------------------------------------------------------------------- splits
@dataclass
class Splits:
    train: dict[str, list[GoldSentence]]
    dev: dict[str, list[GoldSentence]]


def germeval_split(sents: list[GoldSentence]) -> tuple[list[GoldSentence], list[GoldSentence]]:
    cut = len(sents) - round(len(sents) * GERMEVAL_DEV_FRACTION)
    return sents[:cut], sents[cut:]


def load_splits(data: Path) -> Splits:
    """All sources, split deterministically into train and dev."""
    train: dict[str, list[GoldSentence]] = {}
    dev: dict[str, list[GoldSentence]] = {}
    ge = read_germeval(data / GERMEVAL_FILE)
    train["germeval"], dev["germeval"] = germeval_split(ge)
    train["europarl"] = read_europarl(data / EUROPARL_TRAIN)
    dev["europarl"] = read_europarl(data / EUROPARL_DEV)
    ud_train: list[GoldSentence] = []
    ud_dev: list[GoldSentence] = []
    for rel in UD_FILES:
        sents = read_conllu(data / rel)
        tail = UD_DEV_TAIL.get(rel, 0)
        if tail:
            ud_train.extend(sents[:-tail])
            ud_dev.extend(sents[-tail:])
        else:
            ud_train.extend(sents)
    train["ud"], dev["ud"] = ud_train, ud_dev
    return Splits(train=train, dev=dev)


# --------------------------------------------------------------------------- writers
def write_germeval(sents: Sequence[GoldSentence], path: Path) -> None:
    """Write sentences back as GermEval TSV (outer level only, BIO)."""
    lines: list[str] = []
    for s in sents:
        lines.append("#\t" + s.meta.get("source", ""))
        tags = ["O"] * len(s.words)
        for start, end, lab in s.ents or []:
            tags[start] = "B-" + lab
            for i in range(start + 1, end):
                tags[i] = "I-" + lab
        for i, (w, t) in enumerate(zip(s.words, tags, strict=True)):
            lines.append(f"{i + 1}\t{w}\t{t}\tO")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def iter_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        yield from fh


def _conllu_blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").strip("\n")
    return [b for b in text.split("\n\n") if b.strip()]


def write_dev_files(data: Path, out: Path) -> list[Path]:
    """Write the dev splits: GermEval TSV, Europarl TSV (a copy), UD CoNLL-U."""
    out.mkdir(parents=True, exist_ok=True)
    _, ge_dev = germeval_split(read_germeval(data / GERMEVAL_FILE))
    ge = out / "germeval-dev.tsv"
    write_germeval(ge_dev, ge)
    ep = out / "europarl-dev.tsv"
    ep.write_text((data / EUROPARL_DEV).read_text(encoding="utf-8"), encoding="utf-8")
    blocks: list[str] = []
    written = [ge, ep]
    for rel, tail in UD_DEV_TAIL.items():
        part = _conllu_blocks(data / rel)[-tail:]
        blocks.extend(part)
        # per treebank too: GSD and PUD annotate some words differently (docs/lab/DECISIONS.nlp.md,
        # round 9), so the mixed score alone hides which convention a model follows
        treebank = out / f"ud-dev-{treebank_name(rel)}.conllu"
        treebank.write_text("\n\n".join(part) + "\n\n", encoding="utf-8")
        written.append(treebank)
    ud = out / "ud-dev.conllu"
    ud.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return [*written, ud]


def treebank_name(rel: str) -> str:
    """``ud/de_pud-ud-test.conllu`` → ``pud``."""
    return Path(rel).name.split("-", 1)[0].removeprefix("de_")
