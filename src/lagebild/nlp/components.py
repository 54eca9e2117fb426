"""Custom spaCy components of the Lagebild German pipeline.

- ``lagebild_lexfeat``: looks every token up in a shipped lexicon (wordfreq frequencies,
  common nouns, first/last names, places, actors) and writes a short feature code into
  ``token.lemma_`` *before* ``tok2vec`` runs, so the CNN sees it as one more hashed
  feature (``LEMMA`` in ``MultiHashEmbed``). The trainable lemmatizer runs later with
  ``overwrite = true`` and replaces the code by the real lemma. With ``compound_heads``
  (newer models) a capitalised word without a name/place/noun flag whose tail is a known
  common noun gets the flag ``n``: German writes compounds as one word, so a dictionary
  never lists most of them (``Rauchmelder``, ``Wellnessurlaub``).
- ``lagebild_senter``: rule-based German sentence boundaries that keep a quotation and
  its frame together (no break inside open quotes, none before ``, sagte er``); it sets
  every token's ``is_sent_start``, which the parser then respects.
- ``lagebild_full_verbs``: UPOS ``VERB`` for ``haben``/``werden`` that the parser made a head.
- :func:`customize_tokenizer`: German tokenizer additions (quotes, abbreviations).
- ``lagebild.affixes.v1`` (an ``[nlp] after_creation`` callback): longer ``PREFIX`` /
  ``SUFFIX`` lexeme attributes than spaCy's 1 / 3 characters, so the hashed features see
  German compound modifiers (``Rau``ch…) and heads/endings (…``dorf``, …``ung``).
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

import numpy
from spacy.attrs import PREFIX, SENT_START, SUFFIX
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, MorphAnalysis
from spacy.util import compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab

from lagebild.german import DASHES

_Registered = TypeVar("_Registered", bound=Callable[..., Any])


def with_real_annotations(func: _Registered) -> _Registered:
    """Real types instead of strings in a registered function's annotations.

    spaCy validates a factory's or callback's arguments against a model built from its
    signature; with spaCy 3.8.6 (pinned for speed, docs/lab/speed.md) that is confection 0.1's
    pydantic-v1 model, which cannot resolve the strings ``from __future__ import annotations``
    leaves there (``ConfigError: field "nlp" not yet prepared``)."""
    func.__annotations__ = get_type_hints(func)
    return func


LEXFEAT = "lagebild_lexfeat"
TOKENIZER_FROM_DISK = "lagebild.tokenizer_from_disk.v1"
SENTER = "lagebild_senter"
UNKNOWN = "-"
COMPOUND_NOUN = "n"  # lexicon code flag: the word's tail is a known common noun
_NAMED_FLAGS = frozenset("NVSGA")  # lexicon flags that already say what the word is

OPEN_QUOTES = frozenset({"„", "»", "«", "‚", "“", "›", "‹"})
CLOSE_QUOTES = frozenset({"“", "«", "»", "‘", "”", "‹", "›"})
AMBIGUOUS_QUOTES = frozenset({'"', "'", "''", "``"})
TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
MAX_QUOTE_TOKENS = 120

ABBREVIATIONS = [
    "Abs.",
    "Abt.",
    "allg.",
    "Anm.",
    "Bd.",
    "Bde.",
    "bspw.",
    "bzgl.",
    "bzw.",
    "ca.",
    "Chr.",
    "Co.",
    "dgl.",
    "d.h.",
    "Dr.",
    "Dres.",
    "e.V.",
    "evtl.",
    "Fa.",
    "ff.",
    "Forts.",
    "Fr.",
    "geb.",
    "gegr.",
    "ggf.",
    "Hr.",
    "Hrsg.",
    "i.A.",
    "inkl.",
    "insb.",
    "Jh.",
    "Jhd.",
    "jun.",
    "Kap.",
    "Kfz.",
    "Lkw.",
    "max.",
    "Mio.",
    "Mrd.",
    "Nr.",
    "o.ä.",
    "o.g.",
    "Pkw.",
    "Prof.",
    "rd.",
    "s.o.",
    "sen.",
    "sog.",
    "St.",
    "Str.",
    "stv.",
    "Tel.",
    "u.a.",
    "u.ä.",
    "usw.",
    "v.a.",
    "v.Chr.",
    "n.Chr.",
    "vgl.",
    "z.B.",
    "z.T.",
    "zzgl.",
    "Mass.",
    "Gen.",
    "Lt.",
    "Oberst.",
    "Hptm.",
    "Abg.",
    "Min.",
    "Präs.",
    "Verf.",
    "Vors.",
]


# --------------------------------------------------------------------------- lexfeat
class _LookupTable(Mapping[str, str]):
    """Read-only word → code lookups over :meth:`find`, shared by both table layouts."""

    __slots__ = ()

    def find(self, word: str) -> str | None:
        raise NotImplementedError

    def get(self, word: str, default: Any = None) -> Any:
        code = self.find(word)
        return default if code is None else code

    def __getitem__(self, word: str) -> str:
        code = self.find(word)
        if code is None:
            raise KeyError(word)
        return code

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.find(word) is not None


class SortedTable(_LookupTable):
    """The lexicon as two parallel lists sorted by word, looked up by bisection.

    Read-only. Loading it is two ``split`` calls, where a dict of the same million entries
    took about a second to build; a lookup is ~20 string comparisons, and the component
    caches its result per word anyway."""

    __slots__ = ("codes", "words")

    def __init__(self, words: list[str], codes: list[str]) -> None:
        self.words = words  # sorted, unique
        self.codes = codes

    def find(self, word: str) -> str | None:
        """The code of ``word``, or None."""
        words = self.words
        i = bisect_left(words, word)
        if i < len(words) and words[i] == word:
            return self.codes[i]
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def items(self) -> Any:
        return zip(self.words, self.codes, strict=True)


class PackedTable(_LookupTable):
    """The shipped lexicon table as loaded: its decompressed bytes, split into lists one block
    of :attr:`BLOCK` words at a time, when a lookup first needs that block.

    Splitting all 880,602 words and codes into strings took 0.3–0.5 s of CPU at every start,
    for the few hundred words a short text looks up. UTF-8 bytes sort like the code points
    that ``_dump`` sorted by, so a word's bytes are looked up by bisection: first among the
    blocks' first words, then inside its block. Read-only, like :class:`SortedTable`."""

    BLOCK = 256
    __slots__ = ("_blocks", "_code_bounds", "_codes", "_firsts", "_n", "_word_bounds", "_words")

    def __init__(self, words: bytes, codes: bytes) -> None:
        """``words`` and ``codes``: the same number of ``\\n``-separated lines, words sorted
        and unique (a first empty word, as ``_dump`` of an empty table writes, is dropped)."""
        w_breaks, c_breaks = _newlines(words), _newlines(codes)
        if len(w_breaks) != len(c_breaks):
            raise ValueError("lexicon table: words and codes differ in number")
        lines = len(w_breaks) + 1
        first = 1 if not words or words[:1] == b"\n" else 0
        self._n = lines - first
        self._words, self._codes = words, codes
        # line i runs from breaks[i - 1] + 1 to breaks[i]; with -1 and len(data) at the ends
        w_edges = numpy.concatenate(([-1], w_breaks, [len(words)]))
        c_edges = numpy.concatenate(([-1], c_breaks, [len(codes)]))
        heads = numpy.arange(first, lines, self.BLOCK)
        tails = numpy.minimum(heads + self.BLOCK, lines)  # one past each block's last line
        self._word_bounds = list(zip((w_edges[heads] + 1).tolist(), w_edges[tails].tolist(),
                                     strict=True))
        self._code_bounds = list(zip((c_edges[heads] + 1).tolist(), c_edges[tails].tolist(),
                                     strict=True))
        firsts_end = w_edges[heads + 1].tolist()
        self._firsts = [words[s:e] for (s, _), e in zip(self._word_bounds, firsts_end,
                                                         strict=True)]
        self._blocks: dict[int, tuple[list[bytes], list[str]]] = {}

    def _block(self, b: int) -> tuple[list[bytes], list[str]]:
        found = self._blocks.get(b)
        if found is None:
            w0, w1 = self._word_bounds[b]
            c0, c1 = self._code_bounds[b]
            found = (self._words[w0:w1].split(b"\n"),
                     self._codes[c0:c1].decode("utf-8").split("\n"))
            self._blocks[b] = found
        return found

    def find(self, word: str) -> str | None:
        """The code of ``word``, or None."""
        key = word.encode("utf-8", "surrogatepass")
        b = bisect_right(self._firsts, key) - 1
        if b < 0:
            return None
        words, codes = self._block(b)
        i = bisect_left(words, key)
        if i < len(words) and words[i] == key:
            return codes[i]
        return None

    def __iter__(self) -> Iterator[str]:
        for b in range(len(self._firsts)):
            for word in self._block(b)[0]:
                yield word.decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return self._n

    def items(self) -> Any:
        for b in range(len(self._firsts)):
            words, codes = self._block(b)
            for word, code in zip(words, codes, strict=True):
                yield word.decode("utf-8", "surrogatepass"), code


def _newlines(data: bytes) -> Any:
    """Offsets of the newlines in ``data`` (numpy: a Python loop, or lists of all 880,602
    line offsets, would cost what the packed table saves)."""
    return numpy.flatnonzero(numpy.frombuffer(data, dtype=numpy.uint8) == 10)


class LexicalFeatures:
    """Writes a lexicon feature code per token into ``token.lemma_`` (see module doc)."""

    def __init__(
        self,
        nlp: Language,
        name: str = LEXFEAT,
        compound_heads: bool = False,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.compound_heads = compound_heads
        self.table: SortedTable | PackedTable = SortedTable([], [])
        self._cache: dict[int, int] = {}

    def set_table(self, table: Mapping[str, str]) -> None:
        items = sorted(table.items())
        self.table = SortedTable([w for w, _ in items], [c for _, c in items])
        self._cache = {}

    def code(self, text: str) -> str:
        code = self._lookup(text)
        if self.compound_heads and not _NAMED_FLAGS.intersection(code) and self._noun_head(text):
            code += COMPOUND_NOUN
        return code

    def _noun_head(self, text: str) -> bool:
        """A capitalised word whose tail (≥ 3 letters, after ≥ 3 letters) is a common noun:
        ``Rauchmelder`` (Melder), ``Wellnessurlaub`` (Urlaub) — a German compound noun."""
        if len(text) < 6 or not text[:1].isupper() or not text.isalpha():
            return False
        get = self.table.find
        return any("N" in (get(text[i].upper() + text[i + 1:]) or "")
                   for i in range(3, len(text) - 2))

    def _lookup(self, text: str) -> str:
        code = self.table.find(text)
        if code is not None:
            return code
        lower = self.table.find(text.lower())
        if lower is not None:
            return "~" + lower
        if "-" in text:  # compounds: the last part decides (US-Außenminister)
            last = self.table.find(text.rsplit("-", 1)[1])
            if last is not None:
                return "+" + last
        return UNKNOWN

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        strings = self.vocab.strings
        for token in doc:
            orth = token.orth
            value = cache.get(orth)
            if value is None:
                value = strings.add(self.code(token.text))
                cache[orth] = value
            token.lemma = value
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # serialisation -------------------------------------------------------------
    # Stored as all words, a NUL byte, then all codes (in the same order): this parses
    # several times faster than word<TAB>code lines, which matters for load time.
    def _dump(self) -> bytes:
        items = sorted(self.table.items())
        words = "\n".join(w for w, _ in items)
        codes = "\n".join(c for _, c in items)
        return gzip.compress((words + "\0" + codes).encode("utf-8"), compresslevel=9, mtime=0)

    def _load_blob(self, data: bytes) -> None:
        raw = gzip.decompress(data)
        if b"\0" in raw:
            # _dump wrote the words sorted: the table is looked up in these bytes as they are
            # (a dict of a million entries took a second at every start, two lists of strings
            # still 0.3-0.5 s).
            words, codes = raw.split(b"\0", 1)
            self.table = PackedTable(words, codes)
            self._cache = {}
            return
        # older word<TAB>code format
        text = raw.decode("utf-8")
        table = dict(line.split("\t", 1) for line in text.split("\n") if "\t" in line)
        table.pop("", None)
        self.set_table(table)

    def read_table(self, file: Path) -> None:
        """Load a table file: the shipped ``table.bin.gz`` format or ``word<TAB>code`` lines
        (``.tsv``, as ``lagebild train pipeline`` writes it)."""
        if file.suffix == ".tsv":
            lines = file.read_text(encoding="utf-8").splitlines()
            self.set_table(dict(line.split("\t", 1) for line in lines if "\t" in line))
        else:
            self._load_blob(file.read_bytes())

    def write_table(self, file: Path) -> None:
        """Write the table in the shipped ``table.bin.gz`` format."""
        file.write_bytes(self._dump())

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "table.bin.gz").write_bytes(self._dump())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexicalFeatures:
        for name in ("table.bin.gz", "table.tsv.gz"):
            file = Path(path) / name
            if file.exists():
                self._load_blob(file.read_bytes())
                return self
        self.set_table({})
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self._dump()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LexicalFeatures:
        self._load_blob(data)
        return self


@Language.factory(LEXFEAT, default_config={"compound_heads": False})
@with_real_annotations
def make_lexfeat(nlp: Language, name: str, compound_heads: bool) -> LexicalFeatures:
    return LexicalFeatures(nlp, name, compound_heads)


# --------------------------------------------------------------------------- tokenizer
@registry.tokenizers(TOKENIZER_FROM_DISK)  # type: ignore[untyped-decorator]
@with_real_annotations
def make_tokenizer_from_disk() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for loading a pipeline that has its tokenizer saved:
    ``Tokenizer.from_disk`` resets every rule and sets the saved ones, so building spaCy's
    German defaults first (regular expressions, 890 special cases) is wasted start-up."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


# --------------------------------------------------------------------------- senter
def _starts_lower(text: str) -> bool:
    return text[:1].islower()


#: a closing quotation mark after a letter inside one token (``Twilight"-Star``)
_INNER_CLOSER = re.compile(r"\w[\"“”»«]")


def _genitive_apostrophe(i: int, in_ambiguous: bool, spaces: list[bool] | None) -> bool:
    """A straight single quote that touches the word before it and no open straight
    quotation is an apostrophe (``des Campus' Westend``, ``Grass' Roman``), not a quotation
    that opens: taken for one, it used to join the sentences after it until the next
    straight quote (an opening mark touches the word after it)."""
    return (spaces is not None and not in_ambiguous and 0 < i < len(spaces)
            and not spaces[i - 1] and spaces[i])


def _closes_low_quote(i: int, depth: int, in_ambiguous: bool,
                      spaces: list[bool] | None) -> bool:
    """A straight quote at ``i`` closes an open ``„``: web text often pairs the low opening
    mark with a straight closing one (``„Er kann nicht reden." Am Montag …``; every ``„`` of
    the 1,000 XGLUE news articles is closed so). It must touch the word before it (no space
    between them; without ``spaces``, any straight quote while ``„`` is open), so that a
    straight quotation nested in ``„…“`` (``„Er rief "Halt" und ging“``) still opens."""
    if depth <= 0 or in_ambiguous or i == 0:
        return False
    return spaces is None or not spaces[i - 1]


def segment(words: list[str], spaces: list[bool] | None = None) -> list[bool]:
    """Sentence starts for a token sequence (True where a sentence begins); ``spaces[i]``:
    whether a space follows token ``i``."""
    n = len(words)
    starts = [False] * n
    if n == 0:
        return starts
    starts[0] = True
    depth = 0
    in_ambiguous = False
    quote_len = 0
    i = 0
    while i < n:
        w = words[i]
        if "\n" in w and not w.strip():
            if i + 1 < n:
                starts[i + 1] = True
            depth, in_ambiguous, quote_len = 0, False, 0
            i += 1
            continue
        if w in AMBIGUOUS_QUOTES and _closes_low_quote(i, depth, in_ambiguous, spaces):
            depth -= 1
        elif w == "'" and _genitive_apostrophe(i, in_ambiguous, spaces):
            pass
        elif w in AMBIGUOUS_QUOTES:
            in_ambiguous = not in_ambiguous
        elif w in ("„", "‚") or (w in ("»", "«", "›", "‹") and depth == 0):
            depth += 1
        elif w in CLOSE_QUOTES and depth > 0:
            depth -= 1
        elif depth > 0 and len(w) > 1 and _INNER_CLOSER.search(w):
            depth -= 1  # a closing mark the tokenizer left inside a word: „Twilight"-Star
        quoted = depth > 0 or in_ambiguous
        quote_len = quote_len + 1 if quoted else 0
        if quoted and quote_len > MAX_QUOTE_TOKENS:
            depth, in_ambiguous, quote_len, quoted = 0, False, 0, False
        if w in TERMINALS or (w.endswith(("!", "?")) and len(w) > 1 and not w[0].isalnum()):
            j = i + 1
            # closing quotes and brackets attach to the sentence they end
            while j < n and (
                words[j] in CLOSE_QUOTES
                or words[j] in (")", "]")
                or (words[j] in AMBIGUOUS_QUOTES and in_ambiguous)
                or (words[j] in AMBIGUOUS_QUOTES
                    and _closes_low_quote(j, depth, in_ambiguous, spaces))
            ):
                if words[j] in AMBIGUOUS_QUOTES and in_ambiguous:
                    in_ambiguous = False
                elif words[j] in AMBIGUOUS_QUOTES or (words[j] in CLOSE_QUOTES and depth > 0):
                    depth -= 1  # (a straight quote gets here only when it closes a „)
                j += 1
            quoted = depth > 0 or in_ambiguous
            if j < n and not quoted:
                nxt = words[j]
                if not (nxt in (",", ";", ":", "-", "–") or _starts_lower(nxt) or nxt in TERMINALS):
                    starts[j] = True
            i = j
            continue
        i += 1
    sentence_starts = [k for k in range(n) if starts[k]]
    for i, end in zip(sentence_starts, [*sentence_starts[1:], n], strict=True):
        body = _after_dateline(words, i, end)
        if body is not None:
            starts[body] = True
    return starts


def _after_dateline(words: list[str], i: int, end: int) -> int | None:
    """The first token after a dateline that opens the sentence ``words[i:end]`` (``Wien –
    Die …``, ``Santiago de Chile – …``, ``Berlin (dpa) - …``), else None. The dateline is a
    sentence of its own, so the parser does not make the place the subject of the first
    sentence ("Berlin – Nach jahrelangem Streit hat die deutsche Regierung …"). What follows
    the dash must read as a sentence, with a word in lower case: a sports line-up ("Golz -
    Rohde - Kober , Petersen") or a result ("Werder Bremen - Leverkusen 1:1") is no dateline."""
    j = i
    while j < len(words) and j - i < 4 and (words[j][:1].isupper() or (
            j > i and words[j] in ("de", "am", "an", "der", "del", "la"))):
        j += 1
    if j == i or not words[j - 1][:1].isupper() or words[j - 1].endswith("-"):
        return None
    if j < len(words) and words[j] == "(":
        close = next((k for k in range(j + 1, min(j + 6, len(words))) if words[k] == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j + 1 < end and words[j] in DASHES and words[j + 1][:1].isupper() \
            and _reads_as_sentence(words[j + 2:end]):
        return j + 1
    return None


_SCORE = re.compile(r"\d+:\d+")


def _reads_as_sentence(words: list[str]) -> bool:
    """A word in lower case comes before any further dash or score: ``Die Polizei kam``,
    not ``Rohde - Kober , Petersen`` or ``FC Dundee 2:1 , …``."""
    for w in words:
        if w in DASHES or _SCORE.fullmatch(w):
            return False
        if _starts_lower(w):
            return True
    return False


class RuleSenter:
    """Sets ``is_sent_start`` on every token from :func:`segment`."""

    def __init__(self, name: str = SENTER) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        starts = segment([t.text for t in doc], [bool(t.whitespace_) for t in doc])
        signed = numpy.asarray([1 if s else -1 for s in starts], dtype="int64")
        values: Any = signed.astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc


@Language.factory(SENTER)
@with_real_annotations
def make_senter(nlp: Language, name: str) -> RuleSenter:
    return RuleSenter(name)


# --------------------------------------------------------------------------- year stops
#: a year with a full stop after it, where a sentence may end (``im März 2014. Dann …``)
_YEAR_STOP = re.compile(r"(?<![\d.,])(?:1\d|2[01])\d\d\.(?=\s|$|[“”\"»«)\]])")
#: an acronym of mixed case with a full stop after it (``vor der AfD. Wir …``, ``KfW.``,
#: ``GmbH.``): spaCy's suffix rules split a stop after a lower-case letter or after two
#: capitals, not after a capital that follows a lower-case letter, and no German
#: abbreviation ends so
_ACRONYM_STOP = re.compile(
    r"(?<![\w.])[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[a-zäöüß][A-ZÄÖÜ]\.(?=\s|$|[“”\"»«)\]])")
_SENTENCE_STOP = re.compile(f"{_YEAR_STOP.pattern}|{_ACRONYM_STOP.pattern}")
#: words before a number that make ``2014.`` an ordinal (``zum 1000. Mal``)
_ORDINAL_BEFORE = frozenset(
    "der die das den dem des ein eine einem einen einer eines zum zur am im beim vom ins "
    "sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser unsere unserem "
    "unseren".split())
_AFTER_STOP = frozenset("“”\"»«)]")


class YearStopTokenizer:
    """The model's tokenizer, with the full stop after a year or a mixed-case acronym split
    off where it ends a sentence: German tokenizers keep ``2014.`` whole (an ordinal, ``am 3.
    Oktober``), so ``Er kam im März 2014. Dann ging er.`` was one sentence and the tagger
    read ``2014.`` as an adverb. Split when the next word starts a sentence (capitalised, a
    closing mark, a line break or the end) and no article or possessive makes the number an
    ordinal; UD and the training treebanks tokenise the year and its stop apart. Wikinews
    train: 32 of the corpus's 9,260 sentence starts were missed so. spaCy's suffix rules
    also keep ``AfD.`` whole, which glued every sentence ending in the party's name to the
    next one."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.tokenizer(text)
        return split_year_stops(doc) if _SENTENCE_STOP.search(text) else doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # rules, serialisation: the wrapped tokenizer
        return getattr(self.tokenizer, name)


def split_year_stops(doc: Doc) -> Doc:
    """``doc`` with each sentence-final ``2014.`` (and ``AfD.``) split into ``2014`` and
    ``.`` in place (the retokenizer keeps what the tokenizer's exceptions set on the other
    tokens)."""
    toks = list(doc)
    stops = [t for i, t in enumerate(toks)
             if (len(t.text) == 5 and _YEAR_STOP.match(t.text) and _stop_ends_sentence(toks, i))
             or (_ACRONYM_STOP.fullmatch(t.text) and _stop_ends_sentence(toks, i, acronym=True))]
    with doc.retokenize() as retokenizer:
        for t in stops:
            retokenizer.split(t, [t.text[:-1], "."], heads=[(t, 0), (t, 0)])
    return doc


def _stop_ends_sentence(toks: list[Any], i: int, acronym: bool = False) -> bool:
    if not acronym and i > 0 and toks[i - 1].text.lower() in _ORDINAL_BEFORE:
        return False
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1].text
    return nxt.isspace() or nxt[:1].isupper() or nxt in _AFTER_STOP


# --------------------------------------------------------------------------- tokenizer
def use_affixes(vocab: Vocab, prefix_len: int, suffix_len: int) -> None:
    """Make ``PREFIX``/``SUFFIX`` the first ``prefix_len`` / last ``suffix_len`` characters.

    Lexemes created from now on get them from the getters; the ones that already exist
    (the tokenizer's special cases) are rewritten so that no token keeps spaCy's default.
    """
    def prefix(text: str) -> str:
        return text[:prefix_len]

    def suffix(text: str) -> str:
        return text[-suffix_len:]

    getters: dict[int, Callable[[str], Any]] = vocab.lex_attr_getters  # type: ignore[attr-defined]
    getters[PREFIX] = prefix
    getters[SUFFIX] = suffix
    for lex in vocab:
        lex.prefix_ = prefix(lex.orth_)
        lex.suffix_ = suffix(lex.orth_)


@registry.callbacks("lagebild.affixes.v1")  # type: ignore[untyped-decorator]
@with_real_annotations
def make_affixes(prefix_len: int = 3, suffix_len: int = 4) -> Callable[[Language], Language]:
    """``[nlp.after_creation]`` callback: see :func:`use_affixes`."""

    def set_affixes(nlp: Language) -> Language:
        use_affixes(nlp.vocab, prefix_len, suffix_len)
        return nlp

    return set_affixes


def customize_tokenizer(nlp: Language) -> None:
    """German tokenizer additions; they are serialised with the tokenizer."""
    tokenizer: Any = nlp.tokenizer
    for abbr in ABBREVIATIONS:
        tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            tokenizer.add_special_case(cap, [{"ORTH": cap}])
    extra_quotes = ["„", "“", "”", "‚", "‘", "’", "»", "«", "›", "‹"]
    prefixes = list(nlp.Defaults.prefixes or []) + extra_quotes
    suffixes = list(nlp.Defaults.suffixes or []) + extra_quotes
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def token_texts(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


Pipe = Callable[[Doc], Doc]


# --------------------------------------------------------------------------- mood
MOOD = "lagebild_mood"
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
SUBJUNCTIVE_FORMS = frozenset(
    "sei seien seiest seiet wäre wären wärest wärst hätte hätten hättest würde würden "
    "würdest könnte könnten könntest müsste müssten müßte müßten dürfte dürften möchte "
    "möchten gäbe gäben käme kämen ginge gingen täte täten stünde stünden wüsste wüssten "
    "bräuchte bräuchten ließe ließen hieße läge lägen".split()
)
_UMLAUTS = str.maketrans("äöü", "aou")


def subjunctive_by_form(word: str, lemma: str, near_ich: bool) -> bool:
    """German Konjunktiv I/II recognisable from the form (given lemma and context).

    - listed frequent forms (``sei``, ``wäre``, ``hätte``, ``würde`` …);
    - Konjunktiv II with umlaut absent from the lemma (``gäbe`` ← geben; not ``fährt``);
    - Konjunktiv I 3rd singular = stem + ``e`` (``gebe``, ``stehe``, ``untergrabe``,
      ``verändere``), unless an ``ich`` nearby makes it a 1st-person indicative.
    """
    w = word.lower()
    lem = lemma.lower()
    if w in SUBJUNCTIVE_FORMS:
        return True
    if w == lem and w.endswith("e") and not w.endswith("te"):
        # the lemmatizer kept a rare verb as it is (``untergrabe``): a finite form in -e is
        # Konjunktiv I/II or a 1st singular; weak preterites (-te) stay with the model
        return not near_ich
    if not lem or not lem.endswith("n") or w == lem:
        return False
    if _umlaut_subjunctive(w, lem):
        return True
    if near_ich or not w.endswith("e"):
        return False
    if lem.endswith(("ern", "eln")):
        return w == lem[:-1] + "e"
    return lem.endswith("en") and w == lem[:-1]


def cannot_be_subjunctive(lower: str) -> bool:
    """Konjunktiv I/II forms end in -e, -en, -est, -et (``gebe``, ``gäben``, ``gäbest``) or are
    listed (``sei``, ``seist``); anything else (``entstand``, ``gibt``, ``kam``) is indicative."""
    return not (lower.endswith(("e", "en", "n", "est", "st", "et")) or lower in SUBJUNCTIVE_FORMS
                or lower.startswith("sei"))


def same_as_indicative(word: str, lemma: str, ich_subject: bool, modal: bool = False) -> bool:
    """Forms whose subjunctive reading is identical to the indicative one; UD (and the
    reading a user needs) takes them as indicative unless the form is distinctive:

    - 1st singular with ``ich`` in the clause (``ich habe``, ``ich kenne``; not ``ich sei``,
      ``ich hätte``, ``ich gäbe``);
    - the preterite of a weak full verb (``stimmten``, ``fragte``, ``reagierten``:
      Konjunktiv II = Präteritum; not ``hätte`` or ``würde``, which are listed). Modal verbs
      are left to the model: ``sollte`` is often a real Konjunktiv II (``werden sollte``).
    """
    w = word.lower()
    lem = lemma.lower()
    if w in SUBJUNCTIVE_FORMS or w.startswith("sei") or _umlaut_subjunctive(w, lem):
        return False
    if ich_subject and w.endswith("e"):
        return True
    if modal:
        return False
    if w == lem:  # lemmatizer failure: a weak preterite form without umlaut (``verdiente``)
        return w.endswith(("te", "ten")) and not any(c in w for c in "äöü")
    if lem.endswith(("ern", "eln")):
        stem = lem[:-1]
    elif lem.endswith("en"):
        stem = lem[:-2]
    else:
        return False
    return bool(stem) and w in {stem + "te", stem + "ten", stem + "ete", stem + "eten"}


def _umlaut_subjunctive(w: str, lem: str) -> bool:
    return (
        any(c in w for c in "äöü")
        and not any(c in lem for c in "äöü")
        and w.endswith(("e", "en", "est"))
        and w.translate(_UMLAUTS)[:2] == lem[:2]
    )


_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "„", "“", '"', "«", "»", "–", "-"})


def _ich_in_clause(words: list[str], i: int) -> bool:
    """``ich`` between the previous clause boundary and the word after ``i``."""
    if i + 1 < len(words) and words[i + 1] == "ich":  # inversion: "habe ich"
        return True
    for j in range(i - 1, max(-1, i - 12), -1):
        if words[j] in _CLAUSE_BREAKS:
            return False
        if words[j] == "ich":
            return True
    return False


class MoodRules:
    """Sets ``Mood=Sub`` on finite verbs whose form is unambiguously subjunctive."""

    def __init__(self, name: str = MOOD) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        words = [t.lower_ for t in doc]
        for token in doc:
            if token.tag_ not in FINITE_TAGS:
                continue
            ich = _ich_in_clause(words, token.i)
            if subjunctive_by_form(token.text, token.lemma_, ich):
                feats = token.morph.to_dict()
                if feats.get("Mood") != "Sub":
                    feats["Mood"] = "Sub"
                    feats.setdefault("VerbForm", "Fin")
                    token.morph = MorphAnalysis(doc.vocab, feats)
            elif cannot_be_subjunctive(token.lower_) or same_as_indicative(
                token.text, token.lemma_, ich, modal=token.tag_ == "VMFIN"
            ):
                feats = token.morph.to_dict()
                if feats.get("Mood") == "Sub":
                    feats["Mood"] = "Ind"
                    token.morph = MorphAnalysis(doc.vocab, feats)
        return doc


@Language.factory(MOOD)
@with_real_annotations
def make_mood(nlp: Language, name: str) -> MoodRules:
    return MoodRules(name)


FULL_VERBS = "lagebild_full_verbs"
_AUX_ROLES = frozenset({"aux", "aux:pass", "cop"})
_FULL_VERB_LEMMAS = frozenset({"haben", "werden"})


class FullVerbRules:
    """UPOS ``VERB`` for ``haben``/``werden`` that the parser made a head, not an auxiliary.

    The morphologizer tags almost every ``hat``/``wird`` ``AUX`` (STTS ``VAFIN`` says nothing
    about the use); in UD they are ``VERB`` when they are the main verb (``hat zwei Kinder``,
    ``wird Präsident``), which the parse shows: no ``aux``/``aux:pass``/``cop`` relation.
    ``sein`` is left alone — as a head it is mostly the UD copula construction (``AUX``).
    Runs after the parser.
    """

    def __init__(self, name: str = FULL_VERBS) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if (
                token.pos_ == "AUX"
                and token.lemma_ in _FULL_VERB_LEMMAS
                and token.dep_
                and token.dep_.lower() not in _AUX_ROLES
            ):
                token.pos_ = "VERB"
        return doc


@Language.factory(FULL_VERBS)
@with_real_annotations
def make_full_verbs(nlp: Language, name: str) -> FullVerbRules:
    return FullVerbRules(name)
