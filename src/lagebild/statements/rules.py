"""Finding statements with rules (the fast mode): spans only, no ``Statement`` objects yet.

Input: an article with ``sentences`` (tokens with lemma, STTS tag, morphology, head, dep) from
the ``nlp`` stage. Output: :class:`Found` records with character spans, written into typed
statements by :mod:`lagebild.statements.build`. The cue words are data
(``statements/data/cues.tsv``, :mod:`lagebild.statements.lexicon`); the constructions are the
functions below, applied in this order (each claims the text it explains, later rules skip it):

1. :func:`quotation_marks` - direct quotations in every German style („…“ »…« «…» "…" “…”,
   ‚…‘ nested inside), across sentences, not across paragraphs.
2. Direct quotations with their frame before (``X sagte: „…“``) or after (``„…“, sagte X.``,
   ``„…“, so X.``); a frame-less quotation right after a framed one joins it as a further
   quote part (``„…“, sagte Kerry. „…“``).
3. Cue verbs with a clause: ``dass``/``ob``/``wie`` clauses, verb-second Konjunktiv clauses,
   zu-infinitives, a colon (``X sagte, es gebe …``); the frame after the quotation
   (``…, sagte X.``); ``wie X mitteilte``; agentless passives keep no speaker.
   Speech-act nouns with such a clause (``die Forderung von X, …``, ``ist der Meinung,
   dass …``; lexicon kind ``noun``).
4. Source phrases: ``laut X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X.``,
   ``demnach``; ``hieß es`` and ``aus Kreisen …`` (anonymous sources).
5. Reported speech: a speech-act verb without a clause (``X kritisierte Y``) → ``Reported``.
6. Continuations: a following sentence whose finite verb is Konjunktiv (``Mood=Sub``) and has
   no cue keeps the last speaker → ``IndirectFreeIndirect`` (reportative ``sollen`` →
   ``FreeIndirect``); a frame-less direct quotation there → ``Direct`` with that speaker.
7. Partial quotations („…“ inside an indirect or continued statement) → a nested ``Direct``
   statement with the same roles (the corpus annotates both); a quoted phrase in a clause with
   a cue verb → ``Direct``.
8. Addressees of the cue verbs (indirect object, object of a verb of addressing,
   ``gegenüber X``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lagebild.german import FEMININE_ENDINGS, infix_zu_infinitives
from lagebild.model import Article, Sentence, StatementType, Token
from lagebild.statements.lexicon import Lexicon, load_lexicon

Char = tuple[int, int]

#: opening mark → its closing marks
OPENERS: dict[str, str] = {"„": "“\"”", "»": "«", "«": "»", "“": "”\"", "\"": "\"“”"}
_SPACE = re.compile(r"\s")
#: sentences after a statement in which Konjunktiv II / ``sollen`` still continue it
WINDOW = 2


@dataclass
class Found:
    """One statement found by a rule: character spans into ``Article.text``."""

    type: StatementType
    quote: list[Char]
    cue: list[Char] = field(default_factory=list)
    frame: Char | None = None
    speaker: Char | None = None
    rule: str = ""
    confidence: float = 0.6
    addressee: Char | None = None
    agentless: bool = False  # a passive cue without agent: no speaker, whatever is near

    @property
    def start(self) -> int:
        return min(s for s, _ in self.quote)

    @property
    def end(self) -> int:
        return max(e for _, e in self.quote)


def quotation_marks(text: str) -> list[Char]:
    """Character spans (marks included) of the top-level quotations in ``text``.

    A quotation may span sentences but not a paragraph break; a straight ``"`` opens only
    before a non-space and closes only after one; an opener without its closer is ignored.
    """
    out: list[Char] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        closers = OPENERS.get(c)
        if closers is None or i + 1 >= n or _SPACE.match(text[i + 1]):
            i += 1
            continue
        if c == "\"" and i > 0 and text[i - 1].isalnum():
            i += 1
            continue
        j = i + 1
        end = -1
        while j < n:
            ch = text[j]
            if ch == "\n" and text[j + 1: j + 2] == "\n":
                break
            if ch in closers and not _SPACE.match(text[j - 1]):
                end = j + 1
                break
            j += 1
        if end < 0:
            i += 1
            continue
        out.append((i, end))
        i = end
    return out


# --------------------------------------------------------------------------- sentences
class Sent:
    """A sentence with token helpers (indices are within the sentence)."""

    def __init__(self, index: int, sentence: Sentence, paragraph: int) -> None:
        self.index = index
        self.start = sentence.start
        self.end = sentence.end
        self.toks: list[Token] = sentence.tokens
        self.paragraph = paragraph
        self.children: list[list[int]] = [[] for _ in self.toks]
        for i, t in enumerate(self.toks):
            if t.head != i and 0 <= t.head < len(self.toks):
                self.children[t.head].append(i)

    def __len__(self) -> int:
        return len(self.toks)

    def span(self, a: int, b: int) -> Char:
        """Characters of tokens a..b (inclusive)."""
        return (self.toks[a].start, self.toks[b].end)

    def is_finite(self, i: int) -> bool:
        return self.toks[i].tag.endswith("FIN")

    def is_sub(self, i: int) -> bool:
        """Konjunktiv: the morphology says so, or a first-person singular present in ``-e``
        without ``ich`` in the sentence: the same form is the third person's Konjunktiv I,
        which the morphology misreads (``Daran ändere auch der Zwischenfall nichts``)."""
        morph = self.toks[i].morph
        if "Mood=Sub" in morph:
            return True
        return ("Person=1" in morph and "Number=Sing" in morph and "Tense=Pres" in morph
                and self.toks[i].text.endswith("e")
                and not any(t.text.lower() == "ich" for t in self.toks))

    def is_konjunktiv_i(self, i: int) -> bool:
        """The unambiguous Konjunktiv I (``sei``, ``gebe``): a Konjunktiv in the present."""
        return self.is_sub(i) and "Tense=Pres" in self.toks[i].morph

    def is_punct(self, i: int) -> bool:
        return self.toks[i].tag.startswith("$")

    def is_comma(self, i: int) -> bool:
        return self.toks[i].text in (",", ":", ";", "–", "-") and self.toks[i].tag.startswith("$")

    def last_word(self) -> int:
        """Index of the last token that is not final punctuation / closing mark."""
        j = len(self.toks) - 1
        while j > 0 and self.toks[j].tag == "$.":
            j -= 1
        return j

    def subtree(self, i: int, skip: frozenset[str] = frozenset()) -> set[int]:
        out = {i}
        stack = [i]
        while stack:
            k = stack.pop()
            for c in self.children[k]:
                if c not in out and self.toks[c].dep not in skip:
                    out.add(c)
                    stack.append(c)
        return out


#: plural and feminine endings a speaker noun may carry (``Zeugen``, ``Reporterinnen``)
_NOUN_ENDINGS = ("innen", "in", "en", "n", "e", "s")

# personal pronouns whose form is never nominative (the parser may still call them subjects)
_OBJECT_PRONOUNS = frozenset({"mich", "mir", "dich", "dir", "ihn", "ihm", "ihnen", "euch"})
_NP_SKIP = frozenset({"acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "punct"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "X"})
_SUBJ = ("nsubj", "nsubj:pass", "sb")
#: parts of speech of an apposition to a speaker (``dem Präsidenten von UP Aerospace``)
_APPOSITION_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP"})
#: tags a speaker phrase never ends with (adverbs, ``als``/``wie``, separated particles)
_SPEAKER_TAIL = frozenset({"ADV", "ADJD", "KOKOM", "PTKVZ", "KON", "APPR", "ART"})
# the rest of a name a speaker span may take from a name entity (``_name_part``)
_WEEKDAY = re.compile(r"(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Sonnabend)"
                      r"(abend|morgen|mittag|nachmittag|vormittag|nacht)?$")
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-ZÄÖÜ]")
_NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "di", "van", "von", "der",
                             "den", "la", "le", "du", "dos", "zu", "ben", "abu"})
# what may stand between an article and its noun in an extended attribute ("der ebenfalls
# an der Studie beteiligte Politologe"): the parser may read the participle as finite
_ATTRIBUTE_TAGS = frozenset({"ADV", "ADJA", "ADJD", "VVPP", "VVFIN", "ART", "PIAT", "CARD",
                             "PTKNEG", "PPOSAT", "PDAT"})


# closing bracket or quotation mark -> its opening one
_CLOSERS = {")": "(", "“": "„", "«": "»", "‘": "‚", '"': '"'}


def _opened(sent: Sent, a: int, b: int) -> bool:
    """Whether token ``b`` closes a bracket or quotation opened inside ``a … b-1``."""
    opener = _CLOSERS.get(sent.toks[b].text)
    if opener is None:
        return False
    inside = [sent.toks[k].text for k in range(a, b)]
    if opener == sent.toks[b].text:  # straight quotes: an odd number before it
        return inside.count(opener) % 2 == 1
    return inside.count(opener) > inside.count(sent.toks[b].text)


def _trim(sent: Sent, a: int, b: int) -> tuple[int, int] | None:
    while a <= b and (sent.is_punct(a) or sent.toks[a].tag in ("KON",)):
        a += 1
    # "(NEMA)", "die „Süddeutsche Zeitung“" keep their closing mark
    while b >= a and sent.is_punct(b) and not _opened(sent, a, b):
        b -= 1
    return (a, b) if a <= b else None


def _quoted_name_after(sent: Sent, a: int, b: int) -> int:
    """``b`` moved over a short quoted name right after it (``der Zeitung „Beijing Shibao“``)."""
    b = _close(sent, a, b, None)
    if b + 1 < len(sent) and sent.toks[b + 1].text in ("„", "»", '"'):
        for k in range(b + 2, min(b + 7, len(sent))):
            if _opened(sent, b + 1, k):
                return k
    return b


def _close(sent: Sent, a: int, b: int, stop: int | None) -> int:
    """``b`` moved over closing marks that the parse left out (punctuation is no NP node)."""
    while b + 1 < len(sent) and (stop is None or b + 1 < stop) and _opened(sent, a, b + 1):
        b += 1
    return b


def _lead(sent: Sent, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """A speaker phrase without a leading ``wie``/``so``/``sich`` (``Wie das Ministerium``)."""
    if sp is None:
        return None
    a, b = sp
    while a < b and sent.toks[a].tag in ("PWAV", "PRF", "KOKOM", "ADV", "KON"):
        a += 1
    return (a, b)


def np_span(sent: Sent, head: int, stop: int | None = None) -> tuple[int, int] | None:
    """The noun phrase headed by ``head``: its subtree without clauses, contiguous, trimmed.

    ``stop`` (a token index, e.g. the cue verb) bounds the phrase: it never crosses it.
    """
    nodes = sent.subtree(head, _NP_SKIP)
    # a dative phrase without preposition is no part of a noun phrase: the parser attached
    # the verb's addressee to it ("der Minister dem Deutschlandfunk")
    for c in sent.children[head]:
        if c > head and _dative(sent, c) and not any(
                sent.toks[g].tag.startswith("APPR") for g in sent.children[c]):
            nodes -= sent.subtree(c)
            nodes = {n for n in nodes if n < c}
    a, b = min(nodes), max(nodes)
    # only a stop after the head bounds the phrase's end ("sagte der Zeitung „Die Welt“")
    end_stop = stop if stop is not None and stop > head else None
    if stop is not None:
        if stop > head:
            b = min(b, stop - 1)
        elif stop < head:
            a = max(a, stop + 1)
    # a name right after the phrase belongs to it ("UN-Generalsekretär Ban Ki Moon")
    # (the parser may make the name a second subject of the same verb: "UN-Generalsekretär
    # Ban Ki Moon kritisierte")
    while b + 1 < len(sent) and (end_stop is None or b + 1 < end_stop) and (
            sent.toks[b + 1].pos == "PROPN" or sent.toks[b + 1].tag == "NE") and (
            b + 1 not in nodes) and (sent.toks[b + 1].head in nodes | {b + 2, b + 3} or (
                sent.toks[b + 1].dep in _SUBJ and sent.toks[head].dep in _SUBJ
                and sent.toks[b + 1].head == sent.toks[head].head)):
        b += 1
        nodes.add(b)  # its own parts follow ("Peter" + flat "Struck")
    b = _close(sent, a, b, end_stop)
    # a relative clause or a second comma-separated part ends the phrase
    for k in range(head + 1, b + 1):
        t = sent.toks[k]
        if t.text == "," and k + 1 <= b and sent.toks[k + 1].tag in ("PRELS", "PRELAT", "KOUS"):
            b = k - 1
            break
    return _lead(sent, _trim(sent, a, b))


def chunk_after(sent: Sent, i: int) -> tuple[int, int] | None:
    """The noun phrase starting right after token ``i`` (surface chunking, no parse)."""
    a = i + 1
    b = a
    n = len(sent)
    if a >= n or sent.toks[a].pos not in _NP_POS:
        return None
    head_seen = sent.toks[a].pos in ("NOUN", "PROPN")
    while b + 1 < n:
        nxt = sent.toks[b + 1]
        after_von = sent.toks[b].lemma == "von"
        if nxt.pos in _NP_POS and nxt.tag not in ("PRELS", "PPER"):
            # after the head noun only names, a genitive or the phrase after "von" go on
            if head_seen and not after_von and nxt.pos != "PROPN" and nxt.tag != "NE" and (
                    "Case=Gen" not in nxt.morph) and not (
                    nxt.pos == "NOUN" and sent.toks[b].pos in ("DET", "ADJ")):
                break
            head_seen = head_seen or nxt.pos in ("NOUN", "PROPN")
            b += 1
            continue
        if (nxt.tag == "APPR" and nxt.lemma == "von") or (
                nxt.text == "," and b + 2 < n and sent.toks[b + 2].pos == "PROPN"
                and nxt.dep == "punct" and sent.toks[b + 2].dep in ("appos", "flat")):
            b += 1
            continue
        break
    return _lead(sent, _trim(sent, a, b))


def chunk_before(sent: Sent, i: int) -> tuple[int, int] | None:
    """The noun phrase ending right before token ``i``."""
    b = i - 1
    if b < 0 or sent.toks[b].pos not in _NP_POS:
        return None
    a = b
    while a - 1 >= 0 and sent.toks[a - 1].pos in _NP_POS and sent.toks[a - 1].tag != "PRELS":
        a -= 1
    return _trim(sent, a, b)


# --------------------------------------------------------------------------- the finder
class Finder:
    def __init__(self, article: Article, lexicon: Lexicon | None = None,
                 titles_by_shape: bool = True) -> None:
        self.article = article
        self.titles_by_shape = titles_by_shape
        self.text = article.text
        self.lex = lexicon or load_lexicon()
        paragraphs = [b.start for b in article.blocks] or [0]
        self.sents: list[Sent] = []
        for s in article.sentences:
            if not s.tokens:
                continue
            para = bisect.bisect_right(paragraphs, s.start)
            self.sents.append(Sent(len(self.sents), s, para))
        self.starts = [s.start for s in self.sents]
        self.marks = quotation_marks(self.text)
        self.found: list[Found] = []
        self.claimed: list[Char] = []

    # -- helpers -----------------------------------------------------------------
    def sent_at(self, pos: int) -> Sent | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if 0 <= k < len(self.sents) and self.sents[k].start <= pos < self.sents[k].end + 1:
            return self.sents[k]
        return None

    def in_mark(self, start: int, end: int) -> Char | None:
        for a, b in self.marks:
            if a <= start and end <= b:
                return (a, b)
        return None

    def in_time(self, start: int, end: int) -> bool:
        """Inside a temporal expression of the article (``vor längerer Zeit``)."""
        return any(tx.start <= start and end <= tx.end for tx in self.article.times)

    def in_quotation(self, start: int, end: int) -> bool:
        """Inside quotation marks that hold more than a name (``„The Guardian“`` is a name and
        may stand inside a frame: ``Wie die Zeitung „The Guardian“ berichtete``)."""
        mark = self.in_mark(start, end)
        return mark is not None and not _looks_like_name(self.text[mark[0] + 1:mark[1] - 1])

    def is_claimed(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.claimed)

    def add(self, found: Found) -> Found:
        self.found.append(found)
        self.claimed.extend(found.quote)
        if found.frame:
            self.claimed.append(found.frame)
        return found

    def token_at(self, sent: Sent, pos: int, after: bool = True) -> int:
        """Index of the first token starting at/after ``pos`` (``after``) or ending at/before."""
        if after:
            for i, t in enumerate(sent.toks):
                if t.start >= pos:
                    return i
            return len(sent)
        best = -1
        for i, t in enumerate(sent.toks):
            if t.end <= pos:
                best = i
        return best

    def cue_lemma(self, sent: Sent, i: int) -> tuple[str, list[int]] | None:
        """The cue verb lemma at ``i`` (joined with its particle) and its cue tokens."""
        t = sent.toks[i]
        if t.tag == "ADJD" and t.lemma.lower() in ("bekannt", "klar", "deutlich"):
            # "Im Mai wurde bekannt, dass …": the parser heads the clause with the adjective
            aux = [c for c in sent.children[i] if sent.toks[c].dep.startswith(("aux", "cop"))
                   and sent.toks[c].lemma in ("werden", "sein")]
            joined = t.lemma.lower() + "werden"
            if aux and sent.toks[aux[0]].lemma == "werden" and joined in self.lex.verbs:
                return joined, sorted([i, *aux])
            return None
        if not t.tag.startswith("V"):
            return None
        lemma = t.lemma
        if lemma not in self.lex.verbs and t.tag.startswith("VV") and lemma == t.text:
            # a separable verb's verb-final form the lemmatizer left as it is ("wie ein
            # Sprecher mitteilt"): its infinitive
            stem = re.sub(r"(te|t|ten)$", "", t.text.lower())
            if stem + "en" in self.lex.verbs:
                lemma = stem + "en"
        extra = [c for c in sent.children[i]
                 if sent.toks[c].tag == "PTKVZ" or (sent.toks[c].tag == "ADJD"
                 and sent.toks[c].lemma.lower() in ("deutlich", "klar", "bekannt"))]
        # the correlate of the clause belongs to the cue ("geht davon aus, dass", "wies
        # darauf hin"), as in the corpus
        corr = [c for c in sent.children[i] if sent.toks[c].tag == "PROAV"
                and sent.toks[c].text.lower().startswith("da")]
        if lemma in self.lex.judge:
            # "hält es für möglich, dass …": a judgement is a cue with "für" + an adjective
            adj = [c for c in sent.children[i] if sent.toks[c].tag == "ADJD" and any(
                sent.toks[g].lemma == "für" for g in sent.children[c])]
            if not adj:
                return None
            parts = [c for a in adj for c in (a, *sent.children[a]) if sent.toks[c].lemma == "für"
                     or c == a] + [c for c in sent.children[i] if sent.toks[c].lemma == "es"]
            return lemma, sorted({i, *parts})
        for c in extra:
            joined = sent.toks[c].lemma.lower() + lemma
            if joined in self.lex.verbs:
                return joined, sorted([i, c, *corr])
        if lemma in self.lex.verbs:
            # a particle attached elsewhere makes it another verb (stellte … vor ≠ stellen);
            # "weiter" only continues the speech ("sagte weiter, …": a cue with its particle)
            if any(sent.toks[c].tag == "PTKVZ" for c in extra):
                cont = [c for c in extra if sent.toks[c].lemma.lower() == "weiter"]
                if len(cont) != len(extra):
                    return None
                return lemma, sorted([i, *cont, *corr])
            # (an auxiliary beyond a comma is the quoted clause's verb the parser hung on the
            # cue: "In Deutschland habe X bessere Chancen, sagte Y")
            aux = [c for c in sent.children[i] if sent.toks[c].dep.startswith("aux")
                   and sent.toks[c].lemma in ("haben", "sein", "werden") and not any(
                       sent.is_comma(x) for x in range(min(c, i), max(c, i)))]
            return lemma, sorted([i, *aux, *corr])
        return None

    def _nominative(self, sent: Sent, k: int, by_case: bool = True) -> bool:
        """Token ``k`` can head a subject: nominative (its own case or its article's; or a
        caseless name), not after a preposition, not ``es``/``sich``/a relative or a number.
        ``by_case=False`` (the parser already calls it a subject) skips the case test: the
        noun's own case is the less reliable reading."""
        t = sent.toks[k]
        if t.tag in ("PRF", "PRELS", "PRELAT", "CARD", "PWS") or t.lemma.lower() in ("es", "man"):
            return t.lemma.lower() == "man"
        if t.text.lower() in _OBJECT_PRONOUNS:  # "Ihm drohen 20 Jahre Haft": never a subject
            return False
        det_nom = any(sent.toks[c].pos == "DET" and "Case=Nom" in sent.toks[c].morph
                      for c in sent.children[k])
        if by_case and "Case=" in t.morph and "Case=Nom" not in t.morph and not det_nom:
            return False
        if t.pos not in ("NOUN", "PROPN", "PRON") and t.tag not in ("PDS", "PIS"):
            return False
        # a preposition before the phrase: "im Interview", "2008" is no subject
        j = k - 1
        # ("am", "im" are APPRART: the tagger sometimes calls them DET/det; they end the walk)
        while j >= 0 and sent.toks[j].pos in ("DET", "ADJ", "NUM", "PROPN", "NOUN") and (
                sent.toks[j].dep in ("det", "amod", "nummod", "compound", "flat", "nmod:poss")
                and not sent.toks[j].tag.startswith("APPR")):
            j -= 1
        return not (j >= 0 and sent.toks[j].tag.startswith("APPR") and sent.toks[j].head in (
            k, *range(j + 1, k + 1)))

    def passive(self, sent: Sent, i: int) -> bool:
        return sent.toks[i].tag == "VVPP" and any(
            sent.toks[c].lemma == "werden" and sent.toks[c].dep.startswith("aux")
            for c in sent.children[i])

    def _misread_name(self, sent: Sent, i: int, lo: int, hi: int) -> Char | None:
        """A person's name the tagger read as another word, next to cue verb ``i``: "sagte
        Kurz klar" and "Kurz sagte, dass …" (``Kurz`` as an adjective, the parse without a
        subject). The actor layer's person mention on a token not tagged a noun, name or
        pronoun, right after the verb or opening the clause before it, is the speaker."""
        for k in (i + 1, i - 1):
            if not lo <= k <= hi or sent.toks[k].tag in _NOMINAL_TAGS or (
                    k == i - 1 and k > 0 and not sent.is_punct(k - 1)):
                continue
            tok = sent.toks[k]
            for actor in self.article.actors:
                if actor.type != "person":
                    continue
                for m in actor.mentions:
                    if m.kind in ("name", "surname") and m.start <= tok.start < m.end:
                        return m.start, m.end
        return None

    def speaker_of(self, sent: Sent, i: int, lo: int, hi: int) -> Char | None:
        """The speaker of cue verb ``i``: its subject (phrase head), an ``aus``/``von``
        phrase (anonymous source, passive agent), else none. Bounded to tokens lo..hi."""
        heads = [i, *[c for c in sent.children[i] if sent.toks[c].dep.startswith("aux")]]
        if sent.toks[i].head != i and sent.toks[sent.toks[i].head].dep.startswith("aux"):
            heads.append(sent.toks[i].head)
        passive = self.passive(sent, i)
        if sent.toks[i].lemma in self.lex.quoting:
            # (the tagger may read the participle as finite: "wird … zitiert")
            passive = passive or any(sent.toks[c].dep == "aux:pass" for c in sent.children[i])
            # "zitiert Welt-Online den Minister": the quoted one speaks (passive: the subject)
            kids = [c for c in sent.children[i] if lo <= c <= hi
                    and sent.toks[c].pos in ("NOUN", "PROPN", "PRON")]
            if passive:
                found = [c for c in kids if sent.toks[c].dep in _SUBJ]
            else:  # the object; the parser sometimes calls it a second subject: its case
                found = [c for c in kids if sent.toks[c].dep == "obj"] or [
                    c for c in kids if "Case=Acc" in sent.toks[c].morph and any(
                        "Case=Acc" in sent.toks[d].morph for d in sent.children[c]
                        if sent.toks[d].pos == "DET")]
            sp = np_span(sent, found[-1], stop=i) if found else None
            return sent.span(*sp) if sp else None
        if not passive:
            misread = self._misread_name(sent, i, lo, hi)
            if misread is not None:
                return misread
            subjects = [c for h in heads for c in sent.children[h] if lo <= c <= hi
                        and sent.toks[c].dep in _SUBJ and (
                            self._nominative(sent, c, False)
                            or _noun_of_article(sent, c, i - 1 if c < i else hi))]
            if subjects and all(_oblique_subject(sent, c) for c in subjects):
                # "Der Politik schlug er vor" parsed with "er" as the object: a pronoun that
                # can only be nominative is the subject
                subjects = [c for h in heads for c in sent.children[h] if lo <= c <= hi
                            and sent.toks[c].text.lower() in _NOMINATIVE_ONLY] or subjects
            elif len(subjects) > 1:  # a dative the parser took for a second subject
                subjects = [c for c in subjects if not _oblique_subject(sent, c)] or subjects
                # "Die Tat bezeichnete er als sinnlos": the object fronted, both parsed as
                # subjects; a pronoun that can only be nominative is the subject
                subjects = [c for c in subjects
                            if sent.toks[c].text.lower() in _NOMINATIVE_ONLY] or subjects
                # "Das erklärt Projektmitarbeiter Marschik": the demonstrative is the object
                subjects = [c for c in subjects if sent.toks[c].tag != "PDS"] or subjects
            for c in subjects:
                noun = _noun_of_article(sent, c, i - 1 if c < i else hi)  # never past the cue
                if noun is not None:
                    return sent.span(c, noun)
                sp = np_span(sent, c, stop=i)
                if sp:
                    return sent.span(*sp)
            # the parser missed it: the nominative phrase nearest to the verb
            cands = [k for k in range(lo, hi + 1) if k != i and self._nominative(sent, k)
                     and (sent.toks[k].pos in ("NOUN", "PROPN", "PRON")
                          or sent.toks[k].tag in ("PDS", "PIS"))]
            for k in sorted(cands, key=lambda k: (abs(k - i), k)):
                head = k
                # the phrase's head: climb flat/appos/compound links inside the range
                seen = {head}  # a token whose head was dropped whitespace is its own head
                while sent.toks[head].dep in ("flat", "appos", "compound", "flat:name") and (
                        lo <= sent.toks[head].head <= hi) and sent.toks[head].head != i and (
                        sent.toks[head].head not in seen):
                    head = sent.toks[head].head
                    seen.add(head)
                if head != k and not self._nominative(sent, head):
                    continue  # the rest of a name after a preposition ("Laut BBC News")
                sp = np_span(sent, head, stop=i)
                if sp and not self.in_mark(*sent.span(*sp)):
                    return sent.span(*sp)
                break
        # "aus Kreisen X", "von X" (passive agent); "in dem Bericht heißt es": the document
        preps = ("aus", "von", "in", "im") if sent.toks[i].lemma in self.lex.heissen else (
            "aus", "von")
        for c in sent.children[i]:
            if not lo <= c <= hi:
                continue
            case = [g for g in sent.children[c] if sent.toks[g].tag.startswith("APPR")]
            if case and sent.toks[case[0]].lemma.lower() in preps and (
                    sent.toks[c].pos in ("NOUN", "PROPN")):
                sp = np_span(sent, c, stop=i)
                if sp:
                    return sent.span(case[0] + 1 if case[0] + 1 <= sp[1] else sp[0], sp[1])
        return None

    # -- rules ---------------------------------------------------------------------
    def run(self) -> list[Found]:
        self.direct_quotes()
        for sent in self.sents:
            self.cue_verbs(sent)
            self.noun_frames(sent)
            self.source_phrases(sent)
            self.intention(sent)
        for sent in self.sents:
            self.source_phrases(sent, nested=True)
        self.clean_speakers()
        self.continuations()
        self.partial_quotes()
        self.quoted_by()
        self.clean_speakers()
        for f in self.found:
            if f.cue and f.addressee is None:
                f.addressee = self.addressee_of(f)
        return sorted(self.found, key=lambda f: (f.start, f.end))

    def quoted_by(self) -> None:
        """``Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „…“`` / ``X
        wird in einer Presseerklärung mit den Worten zitiert: „…“``: the corpus annotates the
        quotation twice, once for the quoted speaker and once for the one who quotes (the
        subject of ``zitieren``; in the passive its ``in``/``von`` phrase)."""
        for f in list(self.found):
            if f.type is not StatementType.DIRECT or not f.rule.startswith("direct-frame"):
                continue
            for a, _ in f.cue:
                sent = self.sent_at(a)
                i = next((k for k, t in enumerate(sent.toks) if t.start == a), None) if (
                    sent is not None) else None
                if sent is None or i is None or sent.toks[i].lemma not in self.lex.quoting:
                    continue
                source = self._quoting_source(sent, i)
                if source is not None and source != f.speaker:
                    self.found.append(Found(StatementType.DIRECT, list(f.quote), list(f.cue),
                                            f.frame, source, "direct-quoted-by", f.confidence))
                break

    def _quoting_source(self, sent: Sent, i: int) -> Char | None:
        """Who quotes with ``zitieren`` at ``i``: its subject; in the passive, a noun phrase
        with ``in``/``von`` (``in einer Presseerklärung der Gewerkschaft``), without it."""
        # (the tagger may read the participle as finite: "wird … zitiert" by its auxiliary)
        passive = self.passive(sent, i) or any(
            sent.toks[c].dep == "aux:pass" for c in sent.children[i])
        for c in sent.children[i]:
            t = sent.toks[c]
            if t.pos not in ("NOUN", "PROPN") or self.in_quotation(t.start, t.end):
                continue
            case = [g for g in sent.children[c] if sent.toks[g].tag.startswith("APPR")]
            if not passive and t.dep in _SUBJ and not case:
                sp = np_span(sent, c, stop=i)
            elif passive and case and sent.toks[case[0]].lemma.lower() in ("in", "von"):
                sp = np_span(sent, c, stop=i)
                sp = (case[0] + 1, sp[1]) if sp and sp[0] <= case[0] < sp[1] else sp
            else:
                continue
            if sp:
                return sent.span(*sp)
        return None

    def clean_speakers(self) -> None:
        """Speaker spans end before a quotation and before a finite verb, without trailing
        adverbs or ``als``/``wie`` (``die Richter „gravierende …``, ``Sifton sagte weiter``,
        ``Koppelin wörtlich``, ``Musk wie folgt``, ``Musikkennern als „…“``: the span
        builders follow the parse, which attaches these to the speaker's noun)."""
        quotes = [q for f in self.found for q in f.quote]
        for f in self.found:
            if f.speaker is not None:
                f.speaker = self._clean_speaker(f.speaker, quotes)
            if f.speaker is not None:
                f.speaker = self._whole_name(f.speaker, f.quote)
            if f.speaker is not None:
                f.speaker = self._with_apposition(f.speaker, quotes)

    def _whole_name(self, speaker: Char, quotes: list[Char]) -> Char:
        """A speaker that ends inside a name ends with it: ``…, Ahmed`` → ``…, Ahmed bin
        Mohammed al-Mansuri`` (the parser read ``bin`` as a verb and the span stopped there)."""
        a, b = speaker
        sent = self.sent_at(a)
        if sent is None:
            return speaker
        for ent in self.article.entities:
            if not (ent.start < b < ent.end and a <= ent.start) or any(
                    qa < ent.end and b < qb for qa, qb in quotes) or any(
                    b <= ma < ent.end for ma, _ in self.marks):
                continue
            rest = [k for k in range(len(sent)) if b <= sent.toks[k].start < ent.end]
            # only the rest of a name: "bin Mohammed al-Mansuri", not a date or a newspaper
            # the tagger ran into it ("Fritz Grundnig Dienstagabend", "Nikolic der Zeitung")
            if rest and all(_name_part(sent, k) for k in rest):
                return (a, sent.toks[rest[-1]].end)
        return speaker

    def _with_apposition(self, speaker: Char, quotes: list[Char]) -> Char:
        """``Bill Graham, Parteichef der Liberalen,`` / ``der Sprecher, Peter Clever,``: the
        corpus's speaker includes a comma-separated apposition - a role after a name, a name
        after a role - that ends at a comma or the sentence end and is no quotation."""
        sent = self.sent_at(speaker[0])
        if sent is None:
            return speaker
        b = self.token_at(sent, speaker[1])
        if b >= len(sent) - 1 or sent.toks[b].text != "," or b == 0:
            return speaker
        name_before = sent.toks[b - 1].pos == "PROPN"
        k = b + 1
        first = sent.toks[k]
        if name_before and first.pos not in ("DET", "ADJ", "NOUN"):
            return speaker
        if not name_before and first.pos != "PROPN":
            return speaker
        while k < len(sent) and sent.toks[k].pos in _APPOSITION_POS and (
                name_before or sent.toks[k].pos == "PROPN"):
            k += 1
        end = k - 1
        if end <= b or not any(sent.toks[j].pos in ("NOUN", "PROPN") for j in range(b + 1, k)):
            return speaker
        if k < len(sent) and sent.toks[k].text not in (",", ".", "!", "?", ";"):
            return speaker
        lo, hi = sent.toks[b + 1].start, sent.toks[end].end
        if any(qa < hi and lo < qb for qa, qb in quotes) or any(
                ma < hi and lo < mb for ma, mb in self.marks):
            return speaker
        return (speaker[0], hi)

    def _clean_speaker(self, speaker: Char, quotes: list[Char]) -> Char | None:
        a, b = speaker
        for ma, mb in self.marks:
            # a quotation mark opened but not closed inside the speaker, or a quotation that
            # is some statement's quote; a quoted name (``„Ärzte ohne Grenzen“``) stays
            quoted = not _looks_like_name(self.text[ma + 1:mb - 1]) and any(
                qa < mb and ma < qb for qa, qb in quotes)
            if a < ma < b and (mb - 1 > b or quoted):
                b = ma
        sent = self.sent_at(a)
        if sent is None:
            return (a, b) if a < b else None
        toks = [k for k in range(len(sent)) if a <= sent.toks[k].start and sent.toks[k].end <= b]
        if not toks:
            return (a, b) if a < b else None
        first, last = toks[0], toks[-1]
        noun = _noun_of_article(sent, first, last)  # "der … beteiligte Politologe"
        for k in toks[1:]:
            if sent.toks[k].tag in ("VVFIN", "VAFIN", "VMFIN") and (noun is None or k > noun):
                last = k - 1
                break
        while last > first and (sent.toks[last].tag in _SPEAKER_TAIL or (
                sent.is_punct(last) and not _opened(sent, first, last))):
            last -= 1
        return (sent.toks[first].start, sent.toks[last].end)

    def addressee_of(self, found: Found) -> Char | None:
        """Whom the cue verb addresses: its indirect object, the object of a verb of
        addressing (``forderte die Regierung auf``), the subject of such a verb in the passive
        (``wurden aufgefordert``), a ``gegenüber X`` / ``vor X`` phrase (without the
        preposition)."""
        for a, _ in found.cue:
            sent = self.sent_at(a)
            if sent is None:
                continue
            i = next((k for k, t in enumerate(sent.toks) if t.start == a), None)
            if i is None or not sent.toks[i].tag.startswith("V"):
                continue
            cue = self.cue_lemma(sent, i)
            lemma = cue[0] if cue else sent.toks[i].lemma
            passive = self.passive(sent, i)
            kids = [*sent.children[i], *[g for c in sent.children[i] if sent.toks[c].dep in _SUBJ
                                         for g in sent.children[c] if g > c]]
            for c in kids:
                t = sent.toks[c]
                if self.in_quotation(t.start, t.end) or any(
                        s <= t.start < e for s, e in found.quote):
                    continue  # (a quoted name may be addressed: "sagte der „Berliner Zeitung“")
                take = t.dep == "iobj" or (
                    lemma in self.lex.addressing and (
                        (t.dep == "obj" and not passive) or (t.dep in _SUBJ and passive)))
                case = [g for g in sent.children[c] if sent.toks[g].tag.startswith("APPR")]
                prep = sent.toks[case[0]].lemma.lower() if case else ""
                if (prep == "an" and lemma in self.lex.to) or (
                        prep == "von" and lemma in self.lex.from_ and not passive):
                    take = t.pos in ("NOUN", "PROPN")
                # a dative object is the addressee, in the passive too ("Dem Orden wird
                # nachgesagt")
                if not case and (t.dep not in _SUBJ or _oblique_subject(sent, c)) and _dative(
                        sent, c, argument=t.head == i) and not (found.speaker and (
                        found.speaker[0] <= t.start < found.speaker[1])):
                    take = True  # "sagte der Süddeutschen Zeitung", "warf den USA vor"
                if case and sent.toks[case[0]].lemma.lower() in ("gegenüber", "vor") and (
                        t.pos in ("NOUN", "PROPN")) and not self.in_time(t.start, t.end) and (
                        t.lemma not in self.lex.place):
                    take = True
                if take and t.pos in ("NOUN", "PROPN", "PRON"):
                    sp = np_span(sent, c, stop=i)
                    if sp and case and sp[0] <= case[0]:
                        sp = (case[0] + 1, sp[1]) if case[0] + 1 <= sp[1] else None
                    if sp:
                        return sent.span(*sp)
        return self._addressee_in_frame(found)

    def _addressee_in_frame(self, found: Found) -> Char | None:
        """``gegenüber X`` anywhere in the frame (also of ``so X gegenüber Y``, ``nach Angaben
        von X gegenüber Y``), ``in einem Interview mit X``: X, without the preposition."""
        if found.frame is None:
            return None
        sent = self.sent_at(found.frame[0])
        if sent is None:
            return None
        for k, t in enumerate(sent.toks):
            if not found.frame[0] <= t.start < found.frame[1] or not t.tag.startswith("APPR"):
                continue
            low = t.text.lower()
            if low == "gegenüber" or (low == "mit" and k > 0 and (
                    sent.toks[k - 1].lemma in self.lex.interview)):
                sp = chunk_after(sent, k)
                if sp and sent.toks[sp[1]].pos in ("NOUN", "PROPN", "X"):
                    return sent.span(sp[0], _quoted_name_after(sent, sp[0], sp[1]))
        return None

    def direct_quotes(self) -> None:
        last: Found | None = None
        for a, b in self.marks:
            sent = self.sent_at(a)
            if sent is None or b - a < 3:
                continue
            before = self.text[sent.start:a]
            end_sent = self.sent_at(b - 1) or sent
            after_text = self.text[b:end_sent.end]
            starts_clause = not before.strip() or before.rstrip().endswith((":", "–"))
            frame_after = self.frame_after(end_sent, b, any_verb=starts_clause and (
                not _looks_like_name(self.text[a + 1:b - 1])))
            frame_before = self.frame_before(sent, a) if frame_after is None else None
            ends_clause = not after_text.strip() or after_text.lstrip()[:1] in ".!?"
            if frame_after is not None:
                cue, frame, speaker = frame_after
                if not starts_clause and not before.rstrip().endswith(","):
                    # a quoted phrase inside a clause with a frame after: the clause is quoted
                    continue
                last = self.add(Found(StatementType.DIRECT, [(a, b)], cue, frame, speaker,
                                      "direct-frame-after", 0.9))
                continue
            if frame_before is not None and (ends_clause or after_text.lstrip()[:1] in ",;"):
                cue, frame, speaker = frame_before
                last = self.add(Found(StatementType.DIRECT, [(a, b)], cue, frame, speaker,
                                      "direct-frame-before", 0.85))
                continue
            if starts_clause and ends_clause:
                if last is not None and last.frame and self._adjacent(last, a):
                    last.quote.append((a, b))
                    self.claimed.append((a, b))
                    continue
                # a whole-sentence quotation without frame: its speaker comes later
                # (continuations) - keep it as a candidate
                self.add(Found(StatementType.DIRECT, [(a, b)], rule="direct-bare",
                               confidence=0.5))
                last = None

    def _adjacent(self, last: Found, pos: int) -> bool:
        """``pos`` directly follows ``last`` (only its frame and punctuation between)."""
        end = max(last.end, last.frame[1] if last.frame else 0)
        gap = self.text[end:pos]
        return len(gap) < 4 and "\n\n" not in gap

    def frame_after(self, sent: Sent, b: int, any_verb: bool = False
                    ) -> tuple[list[Char], Char, Char | None] | None:
        """``„…“, sagte X.`` / ``„…“, so X.`` / ``„…“, wie X sagte.``: cue, frame, speaker.

        ``any_verb`` (the quotation opens its sentence and is no name): any finite verb that
        follows the comma frames it, since the quotation fills the clause's first position
        (``„…“, zeigte sich X zufrieden``, ``„…“, wollen die Demonstranten wissen``)."""
        i = self.token_at(sent, b)
        if i >= len(sent) or sent.toks[i].text != ",":
            return None
        j = i + 1
        if j >= len(sent):
            return None
        end = self._clause_end(sent, j)
        t = sent.toks[j]
        if t.lemma.lower() in self.lex.so and j + 1 < len(sent) and sent.toks[j + 1].pos in _NP_POS:
            sp = chunk_after(sent, j)
            if sp is None:
                return None
            return [sent.span(j, j)], sent.span(i, end), sent.span(*sp)
        if t.text.lower() in self.lex.wie:
            for k in range(j + 1, end + 1):
                cue = self.cue_lemma(sent, k)
                if cue:
                    return ([sent.span(j, j), *[sent.span(c, c) for c in cue[1]]],
                            sent.span(i, end), self.speaker_of(sent, k, j, end))
            return None
        cue = self.cue_lemma(sent, j)
        if cue is None:
            if not (any_verb and sent.is_finite(j)):
                return None
            # the verb with its particle, reflexive, predicative and verbal complements
            cue = (t.lemma, sorted([j, *[c for c in sent.children[j] if c > j and sent.toks[
                c].tag in ("PTKVZ", "PRF", "ADJD", "VVINF", "VVPP")]]))
        return ([sent.span(c, c) for c in cue[1]], sent.span(i, end),
                self.speaker_of(sent, j, j, end))

    def _clause_end(self, sent: Sent, j: int) -> int:
        """Last token of the clause starting at ``j`` (before a comma + quotation, or the end)."""
        end = sent.last_word()
        for k in range(j, end + 1):
            if sent.toks[k].text == "," and k + 1 <= end and self.in_mark(
                    sent.toks[k + 1].start, sent.toks[k + 1].end):
                return k - 1
        return end

    def frame_before(self, sent: Sent, a: int) -> tuple[list[Char], Char, Char | None] | None:
        """``X sagte: „…“`` / ``X sagte, „…“``: cue, frame, speaker (frame ends at ``:``/``,``)."""
        j = self.token_at(sent, a, after=False)
        if j < 0 or sent.toks[j].text not in (":", ","):
            return None
        lo = 0
        for k in range(j - 1, -1, -1):
            if self.in_mark(sent.toks[k].start, sent.toks[k].end):
                lo = k + 1
                break
        lo = _trim_start(sent, lo)
        for k in range(j - 1, lo - 1, -1):
            cue = self.cue_lemma(sent, k)
            if cue:
                return ([sent.span(c, c) for c in cue[1]], sent.span(lo, j),
                        self.speaker_of(sent, k, lo, j - 1))
        if sent.toks[j].text == ":" and j - lo <= 6 and any(
                sent.toks[k].pos in ("PROPN", "NOUN") for k in range(lo, j)):
            sp = _trim(sent, lo, j - 1)
            return [], sent.span(lo, j), sent.span(*sp) if sp else None
        return None

    def cue_verbs(self, sent: Sent) -> None:
        reported: list[tuple[int, str]] = []
        for i in range(len(sent)):
            t = sent.toks[i]
            if self.is_claimed(t.start, t.end) or self.in_mark(t.start, t.end):
                continue
            cue = self.cue_lemma(sent, i)
            if cue is None:
                continue
            lemma, cue_toks = cue
            if lemma in self.lex.heissen and not any(sent.toks[c].lemma == "es"
                                                     for c in sent.children[i]):
                continue
            if lemma in self.lex.heissen:
                cue_toks = sorted(cue_toks + [c for c in sent.children[i]
                                              if sent.toks[c].lemma == "es"])
            if self.clause_after(sent, i, lemma, cue_toks):
                continue
            if self.bare_infinitive(sent, i, cue_toks):
                continue
            if self.clause_before(sent, i, cue_toks):
                continue
            if self.anaphor(sent, i, cue_toks):
                continue
            if lemma in self.lex.reported and (lemma not in self.lex.evaluative
                                               or self.has_als_predicate(sent, i)):
                reported.append((i, lemma))
        # a speech act without a clause reports the whole sentence only when no later cue
        # in it has a clause of its own (``Er bezeichnete das als „…“ und kündigte an, ein
        # Vertreter werde …``: the corpus annotates the clause, not the sentence)
        for i, lemma in reported:
            self.reported(sent, i, lemma)

    def noun_frames(self, sent: Sent) -> None:
        """``Foullong unterstützt die Forderungen von Politikern der SPD, die Deutsche Bank zu
        boykottieren`` / ``X ist der Meinung, dass …`` / ``Die Experten kamen zu dem Ergebnis,
        dass …``: a speech-act noun (lexicon kind ``noun``) whose phrase ends at a comma
        before a reported clause (dass/ob/w-word, verb-second Konjunktiv, zu-infinitive) →
        ``Indirect``. Speaker: the noun's genitive or ``von`` phrase; else, the noun being a
        predicate (``ist der Meinung``) or the object of a verb (``kamen zu dem Ergebnis``),
        that subject, and the verb joins the cue (corpus)."""
        last = sent.last_word()
        for i in range(len(sent)):
            t = sent.toks[i]
            if t.pos != "NOUN" or t.lemma not in self.lex.noun or self.is_claimed(
                    t.start, t.end) or self.in_mark(t.start, t.end):
                continue
            # the noun's own phrase up to the comma: attributes only, no verb
            k = i + 1
            while k <= last and not sent.is_comma(k) and not sent.toks[k].tag.startswith("V"):
                k += 1
            if k >= last or sent.toks[k].text != ",":
                continue
            start = k + 1
            first = sent.toks[start]
            if self.is_claimed(first.start, first.end) or self.in_mark(first.start, first.end):
                continue
            kind = _clause_kind(sent, start, last, False)
            if kind is None or (kind == "v2-sub" and first.tag in ("PRELS", "PRELAT")):
                continue  # (a relative clause on the phrase's last noun)
            cue = [c for c in sent.children[i] if sent.toks[c].pos == "DET" and c < i] + [i]
            speaker = self._noun_source(sent, i, k - 1)
            if speaker is None:
                # "ist der Meinung" (copula), "kamen zu dem Ergebnis" (the noun's verb)
                cop = [c for c in sent.children[i] if sent.toks[c].dep == "cop"]
                verb = cop[0] if cop else t.head if t.head != i and (
                    sent.toks[t.head].tag.startswith("V")) else None
                subj_of = i if cop else verb
                if verb is not None and subj_of is not None:
                    lo = self._frame_start(sent, min(verb, i))
                    sp = self.speaker_of(sent, subj_of, lo, k - 1)
                    if sp is not None and not sp[0] <= t.start < sp[1]:
                        speaker = sp
                        cue += [verb] + [c for c in sent.children[i]
                                         if sent.toks[c].tag.startswith("APPR") and c < i]
            if speaker is None and cue and sent.toks[i].dep in _SUBJ:
                continue  # "Die Forderung, … zu …, stieß auf Kritik": whose, is not said
            end = _clause_span_end(sent, start, last, kind, False)
            # a noun phrase before the main verb: the clause ends where the main clause
            # resumes (``Das Eingeständnis der Ministerin, ihre Entscheidung sei falsch
            # gewesen, kam spät``)
            end = next((m - 1 for m in range(start + 2, end) if sent.toks[m].text == ","
                        and sent.is_finite(m + 1) and not sent.is_sub(m + 1)), end)
            if kind == "zu-inf":
                # a zu-infinitive ends before a comma whose part has none (``…, die Deutsche
                # Bank zu boykottieren, allerdings nicht``; ``…, verwirklichen sollte``)
                commas = [m for m in range(start + 1, end) if sent.toks[m].text == ","]
                for n, m in enumerate(commas):
                    stop = commas[n + 1] if n + 1 < len(commas) else end + 1
                    if not any(_zu_infinitive(sent.toks[x]) for x in range(m, stop)):
                        end = m - 1
                        break
            lo = self._frame_start(sent, min(cue))
            self.add(Found(StatementType.INDIRECT, [sent.span(start, end)],
                           [sent.span(c, c) for c in sorted(set(cue))], sent.span(lo, k),
                           speaker, f"noun-{kind}", 0.6))
            return

    def _noun_source(self, sent: Sent, i: int, hi: int) -> Char | None:
        """Who a speech-act noun belongs to: its genitive (``der Ministerin``, ``Gordons``)
        or ``von`` phrase (``von Politikern der SPD``), without the preposition."""
        for c in sent.children[i]:
            if not i < c <= hi or sent.toks[c].pos not in ("NOUN", "PROPN"):
                continue
            case = [g for g in sent.children[c] if sent.toks[g].tag.startswith("APPR")]
            genitive = not case and (any(
                "Case=Gen" in sent.toks[d].morph for d in sent.children[c]
                if sent.toks[d].pos == "DET") or sent.toks[c].dep in ("nmod:poss",) or (
                sent.toks[c].pos == "PROPN" and "Case=Gen" in sent.toks[c].morph))
            von = bool(case) and sent.toks[case[0]].lemma.lower() == "von"
            if not (genitive or von):
                continue
            sp = np_span(sent, c)
            if sp is None:
                continue
            a, b = sp
            if von and a <= case[0]:
                a = case[0] + 1
            b = min(b, hi)
            if a <= b:
                return sent.span(a, b)
        return None

    def clause_after(self, sent: Sent, i: int, lemma: str, cue_toks: list[int]) -> bool:
        """Cue verb, then ``,``/``:`` and its clause: dass/ob/wie, V2 Konjunktiv, zu-inf."""
        last = sent.last_word()
        # the clause follows the cue's last token: a separated particle or correlate may
        # come after an apposition with commas of its own (``geht …, Joachim Rücker,
        # davon aus, dass …``)
        k = max(i, *cue_toks) + 1
        while k <= last and not sent.is_comma(k):
            if k != i and sent.is_finite(k) and k not in cue_toks:
                return False
            if sent.toks[k].tag == "KON" and k < last and sent.toks[k + 1].tag in (
                    "VVPP", "VVINF") and k + 1 not in cue_toks:
                return False  # "aufgerufen … und angekündigt, man werde …": the second verb's
            k += 1
        if k >= last:
            return False
        start = k + 1
        first = sent.toks[start]
        mark = self.in_mark(first.start, first.end)
        if mark is not None and mark[1] >= sent.toks[last].start:
            return False  # a direct quotation to the end: its own rule
        colon = sent.toks[k].text == ":"
        kind = _clause_kind(sent, start, last, colon)
        after = _apposition_end(sent, start, last) if kind is None and not colon else None
        if after is not None:
            # "meldete der Radiosender, Radio Vatikan, dass …": the clause after the
            # speaker's apposition
            k, start = after, after + 1
            first = sent.toks[start]
            kind = _clause_kind(sent, start, last, False)
            filler = _connective_end(sent, start, last) if kind is None else None
            if filler is not None:
                # "sagte Li Fei, der stellvertretende Vorsitzende, aber auch, dass …"
                k, start = filler, filler + 1
                first = sent.toks[start]
                kind = _clause_kind(sent, start, last, False)
        if kind is None:
            return False
        if first.text.lower() in self.lex.wie and self._wie_source(sent, start, last):
            return False  # "…, wie die Staatsanwaltschaft mitteilte": a source (clause_before)
        if kind == "v2-sub" and sent.is_finite(start) and any(
                sent.toks[x].tag == "KOUS" for x in range(0, i)):
            # "Nachdem er sie festgehalten hat, habe er versucht …": a verb-first clause
            # after a fronted subordinate clause is the main clause, not what was said
            return False
        lo = self._frame_start(sent, i)
        if self.is_claimed(first.start, first.end):
            return False
        speaker = self.speaker_of(sent, i, lo, k - 1)
        end = self._before_next_report(sent, start, _clause_span_end(sent, start, last, kind,
                                                                     colon))
        self.add(Found(StatementType.INDIRECT, [sent.span(start, end)],
                       [sent.span(c, c) for c in cue_toks], sent.span(lo, k), speaker,
                       f"cue-{kind}", 0.75, agentless=speaker is None and self.passive(sent, i)))
        return True

    def bare_infinitive(self, sent: Sent, i: int, cue_toks: list[int]) -> bool:
        """``Philips hat angekündigt die Preise zu erhöhen``: a zu-infinitive right after the
        cue at the end of its clause, without the comma the spelling rules since 1996 leave
        optional. The cue must close its clause (a participle, a separated particle or an
        infinitive: ``bietet an den Lohn … zu erhöhen``), so that what follows it is
        extraposed; a finite cue in second place is followed by its own subject and objects."""
        close = max(i, *cue_toks)
        if sent.toks[close].tag not in _CLAUSE_CLOSING_TAGS:
            return False
        start, last = close + 1, sent.last_word()
        if close > 0 and sent.toks[close - 1].tag == "PTKZU":
            return False  # the cue is itself an infinitive ("…, für nichtig zu erklären und …")
        if start >= last or sent.is_punct(start) or sent.toks[start].tag in (
                "KOUI", "KON", "PTKZU") or sent.toks[start].text.lower() in _PURPOSE:
            return False  # "um … zu" is a purpose; "verlangen zu können" says nothing
        stop = next((m for m in range(start, last + 1) if sent.is_punct(m)), last + 1) - 1
        # the infinitive ends the clause, or a second predicate of the main clause follows
        # it ("… zu verstärken und angekündigt, …")
        ends = [m for m in range(start + 2, stop + 1) if _zu_infinitive_end(sent, m) and (
            m == stop or (sent.toks[m + 1].tag == "KON" and m + 2 <= stop
                          and sent.toks[m + 2].tag in _CLAUSE_CLOSING_TAGS))]
        if not ends:
            return False
        stop = ends[0]
        if any(sent.is_finite(m) for m in range(start, stop + 1)):
            return False
        first = sent.toks[start]
        if self.is_claimed(first.start, first.end) or self.in_mark(first.start, first.end):
            return False
        lo = self._frame_start(sent, i)
        speaker = self.speaker_of(sent, i, lo, close)
        self.add(Found(StatementType.INDIRECT, [sent.span(start, stop)],
                       [sent.span(c, c) for c in cue_toks], sent.span(lo, close), speaker,
                       "cue-zu-inf-bare", 0.7,
                       agentless=speaker is None and self.passive(sent, i)))
        return True

    def _wie_source(self, sent: Sent, start: int, last: int) -> bool:
        """The ``wie`` clause at ``start`` names a source, not a question: it ends at its
        comma or the sentence end with a cue verb that has no object (``Das Gericht entschied
        auf eine Geldstrafe, wie die Staatsanwaltschaft mitteilte``; not ``…, wie die
        Regierung das erklärt``)."""
        end = start + 1
        while end <= last and not sent.is_comma(end):
            end += 1
        verbs = [m for m in range(end - 1, start, -1) if sent.toks[m].tag.startswith("V")]
        if not verbs or verbs[0] != end - 1:
            return False
        # the cue is the finite verb, or the participle before its auxiliary ("mitgeteilt
        # hat"); not an infinitive ("wie sich die Listen ergänzen lassen")
        cue = verbs[0] if sent.toks[verbs[0]].tag == "VVFIN" else (
            verbs[1] if len(verbs) > 1 and sent.toks[verbs[0]].tag == "VAFIN"
            and sent.toks[verbs[1]].tag == "VVPP" else None)
        return cue is not None and self.cue_lemma(sent, cue) is not None and not any(
            sent.toks[c].dep in ("obj", "ccomp", "xcomp") for c in sent.children[cue])

    def _before_next_report(self, sent: Sent, start: int, end: int) -> int:
        """Where a reported clause ends at the reporter's next speech act in the sentence
        (``…, Annabi sei tot, doch UN-Pressesprecher Birnback erklärte, …``): a finite cue verb
        in the indicative followed by a comma, after ``und``/``doch``/``aber`` or a comma with
        no finite verb between; the clause ends before that conjunction or comma."""
        for c in range(start + 2, end):
            if not sent.is_comma(c + 1) or not sent.is_finite(c) or sent.is_sub(c) or (
                    self.cue_lemma(sent, c) is None):
                continue
            k = c - 1
            while k > start and not sent.is_comma(k) and sent.toks[k].tag != "KON" and not (
                    sent.is_finite(k)):
                k -= 1
            if k <= start + 1 or sent.is_finite(k):
                continue
            if c - k > 2 and sent.toks[c - 1].tag in ("ADV", "PTKNEG", "ADJD") and any(
                    sent.toks[m].dep.startswith("nsubj") for m in range(k + 1, c - 1)):
                # "…, sie aber nie genau erklärten, wie …": a subject, then an adverb right
                # before the verb is a verb-final clause, still the reported one; a new
                # speech act has its verb second ("doch Birnback erklärte")
                continue
            if sent.toks[k].tag == "KON" and sent.is_comma(k - 1):
                k -= 1
            return k - 1
        return end

    def _frame_start(self, sent: Sent, i: int) -> int:
        lo = 0
        for k in range(i - 1, -1, -1):
            t = sent.toks[k]
            if self.in_quotation(t.start, t.end) or self.is_claimed(t.start, t.end):
                lo = k + 1
                break
        return _trim_start(sent, lo)

    def clause_before(self, sent: Sent, i: int, cue_toks: list[int]) -> bool:
        """``…, sagte X.`` / ``…, wie X mitteilte.`` / ``Wie X mitteilte, …``."""
        first_cue = min(cue_toks)
        wie = None
        k = first_cue - 1
        while k >= 0 and not sent.is_comma(k):
            if sent.toks[k].text.lower() in self.lex.wie:
                wie = k
            if sent.is_finite(k) and k not in cue_toks:
                return False
            k -= 1
        if wie is None and k > 0:
            # "…, wie Alan Stern, Direktor der NASA, betont": an apposition inside the frame
            for m in range(k - 1, max(-1, k - 15), -1):
                if sent.is_finite(m):
                    break
                if sent.toks[m].text.lower() in self.lex.wie and (m == 0 or sent.is_comma(m - 1)):
                    wie, k = m, m - 1
                    break
        comma = k  # -1: the frame starts the sentence
        last = sent.last_word()
        frame_lo = wie if wie is not None else comma + 1
        if wie is None and comma < 0:
            return False
        if wie is None and (first_cue != comma + 1 or not sent.is_finite(first_cue)):
            # "…, sagte X" / "…, hatte X … gesagt": the finite cue verb (or its auxiliary)
            # comes first after the comma
            return False
        if wie is None and first_cue != i and self.main_finite(sent) is None:
            return False  # "Die USA, die … anführt, würden … begrüßen": a relative clause
        # where the frame ends: the next comma, or the sentence end
        m = max(cue_toks) + 1
        while m <= last and not sent.is_comma(m):
            m += 1
        frame_hi = m - 1 if m <= last else last
        parts: list[Char] = []
        if comma > 0:
            q = _trim(sent, 0, comma - 1)
            # "Falls …, droht X": a conditional or temporal clause before the verb is no quote
            # unless a main clause follows it ("Weil …, wurde nun gehandelt, erläuterte X")
            if q and _main_finite_in(sent, q[0], q[1]) and (
                    sent.toks[q[0]].tag not in ("KOUS", "KOUI", "PWAV")
                    or _verb_after_fronted_clause(sent, q[0], q[1])):
                parts.append(sent.span(*q))
        if m < last:
            q = _trim(sent, m + 1, last)
            if q and (comma < 0 or any(sent.is_finite(x) for x in range(q[0], q[1] + 1))) and (
                    parts or comma < 0 or sent.toks[q[0]].tag not in ("PRELS", "PRELAT")):
                # ("Elon Musk, der Milliardär …, kündigte einen Truck an, der …": no clause
                # before the comma, and the relative clause after the frame is on its object)
                parts.append(sent.span(*q))
        parts = [p for p in parts if not self.is_claimed(p[0], p[0] + 1)]
        if not parts:
            return False
        frame = sent.span(comma if comma >= 0 else frame_lo, frame_hi)
        cue = [sent.span(c, c) for c in sorted({*cue_toks, *([wie] if wie is not None else [])})]
        speaker = self.speaker_of(sent, i, frame_lo, frame_hi)
        self.add(Found(StatementType.INDIRECT, parts, cue, frame, speaker, "cue-before", 0.7,
                       agentless=speaker is None and self.passive(sent, i)))
        return True

    def anaphor(self, sent: Sent, i: int, cue_toks: list[int]) -> bool:
        """``… . Dies teilte X mit.``: a demonstrative (lexicon kind ``anaphor``) first, the
        finite cue verb second: the sentence before and the demonstrative are the quote, the
        rest of the sentence is the frame (corpus)."""
        first = _trim_start(sent, 0)
        if sent.toks[first].text.lower() not in self.lex.anaphor or (
                sent.toks[first].pos not in ("PRON", "DET")) or sent.index == 0:
            return False
        if not any(sent.is_finite(c) and c == first + 1 for c in cue_toks):
            return False
        prev = self.sents[sent.index - 1]
        span = (prev.start, prev.toks[-1].end)
        if prev.paragraph != sent.paragraph or self.is_claimed(*span) or self.in_mark(*span):
            return False
        last = sent.last_word()
        speaker = self.speaker_of(sent, i, first + 1, last)
        self.add(Found(StatementType.INDIRECT, [span, sent.span(first, first)],
                       [sent.span(c, c) for c in cue_toks], sent.span(first + 1, last), speaker,
                       "anaphor", 0.7, agentless=speaker is None and self.passive(sent, i)))
        return True

    def has_als_predicate(self, sent: Sent, i: int) -> bool:
        """``wies die Vorwürfe als haltlos zurück``: an ``als`` comparison under the verb
        (at most three heads up) states the judgement; the corpus annotates a bare ``X wies
        Y zurück`` as no statement (``cues.tsv`` kind ``evaluative``)."""
        for k, t in enumerate(sent.toks):
            if t.text != "als" or t.tag == "KOUS":  # "als er kam" is a time clause
                continue
            h = k
            for _ in range(3):
                h = sent.toks[h].head
                if h == i:
                    return True
        return False

    def reported(self, sent: Sent, i: int, lemma: str) -> None:
        """``X kritisierte Y.``: the whole sentence, speaker = subject, no cue (corpus)."""
        if sent.toks[i].head != i and sent.toks[i].dep not in ("ROOT", "root"):
            return
        first = _trim_start(sent, 0)
        if i == first + 1 and sent.toks[first].tag == "PDS" and (
                sent.toks[first].text.lower() in self.lex.anaphor):
            return  # "Das berichtete die Zeitung": what it reported came before
        speaker = self.speaker_of(sent, i, 0, len(sent) - 1)
        # "Als Ursache wird das Abschmelzen des Eises genannt": a reason or date named in
        # an agentless passive, the corpus's Reported sentence without a speaker
        # ("Als Taifun werden … Wirbelstürme bezeichnet" defines a word: naming verbs only)
        agentless = speaker is None and self.passive(sent, i) and (
            sent.toks[_trim_start(sent, 0)].text == "Als") and lemma in self.lex.naming
        if not agentless and (speaker is None or not self.can_speak(sent, speaker)):
            return
        span = (sent.start, sent.toks[-1].end)
        if self.is_claimed(*span) or not self._says_something(sent, speaker or (0, 0)):
            return
        judged = [(a, b) for a, b in self.marks
                  if span[0] <= a and b <= span[1] and self._quoted_predicate(sent, a)]
        if judged:
            # "nannte die Zahlen „aus der Luft gegriffen“": the corpus annotates the quoted
            # judgement as Direct, not the sentence as Reported (found now, so that the
            # Konjunktiv sentences after it keep this speaker)
            for a, b in judged:
                self.quoted_phrase(a, b)
            return
        self.add(Found(StatementType.REPORTED, [span], [], None, speaker, "reported", 0.5,
                       agentless=agentless))

    def _quoted_predicate(self, sent: Sent, a: int) -> bool:
        """The quotation opening at ``a`` is a predicate (``nannte X „…“``, ``bezeichnete X
        als einen „…“``), not the object of a preposition (``sprach von einer „…“``), an
        aside (``(Motto: „…“)``) nor a name (``„Focus“``)."""
        inner = next(((x, y) for x, y in self.marks if x == a), None)
        k = next((j for j, t in enumerate(sent.toks) if t.start >= a), None)
        if inner is None or k is None:
            return False
        # capitalised words right after an indefinite article or "als" are a quoted noun,
        # no name ("nannte den Bericht eine „Zeitungsente“", "als „Wortbruch“")
        prev = sent.toks[k - 1] if k > 0 else None
        noun = prev is not None and (prev.text.lower() == "als" or (
            prev.tag == "ART" and "Definite=Ind" in prev.morph))
        if not noun and _looks_like_name(self.text[inner[0] + 1:inner[1] - 1]):
            return False
        k -= 1
        while k >= 0 and (sent.toks[k].start >= a or sent.toks[k].tag in (
                "ART", "PIAT", "PPOSAT", "ADJA", "PDAT")):
            k -= 1
        # after "als" or after the object the quotation judges ("nannte die Zahlen „…“")
        return k >= 0 and (sent.toks[k].text.lower() == "als"
                           or sent.toks[k].pos in ("NOUN", "PROPN", "PRON"))

    def _says_something(self, sent: Sent, speaker: Char) -> bool:
        """A reported speech act names what was said: some noun, name, pronoun or number
        outside the speaker and outside time expressions (``(Wikinews berichtete.)``, ``Die
        IAEA hat am Freitag ebenfalls dementiert`` report nothing)."""
        return any(t.pos in ("NOUN", "PROPN", "PRON", "NUM") and t.tag != "PRF"
                   and not speaker[0] <= t.start < speaker[1]
                   and not self.in_time(t.start, t.end) for t in sent.toks)

    def intention(self, sent: Sent) -> None:
        """``Die SPD will …``: a modal of intention (lexicon kind ``modal``) as the main finite
        verb, with a subject that can speak: the whole sentence, Reported (corpus)."""
        fin = self.main_finite(sent)
        if fin is None or sent.toks[fin].lemma not in self.lex.modal:
            return
        root = sent.toks[fin].head if sent.toks[fin].dep.startswith("aux") else fin
        span = (sent.start, sent.toks[-1].end)
        if self.is_claimed(*span):
            return
        speaker = self.speaker_of(sent, root, 0, len(sent) - 1)
        if speaker is None or not self.can_speak(sent, speaker):
            return
        self.add(Found(StatementType.REPORTED, [span], [], None, speaker, "intention", 0.4))

    def can_speak(self, sent: Sent, speaker: Char) -> bool:
        """A speaker of reported speech: a person or organisation entity, an actor mention
        (role nouns like ``der Minister`` when the actor layer ran), a personal pronoun; not a
        thing (``der Frachter droht …``)."""
        a, b = speaker
        first = next((t for t in sent.toks if a <= t.start < b), None)
        if first is not None and (first.text.lower() in _NEVER_NOMINATIVE or (
                first.tag.startswith("APPR"))):
            return False  # "Den … Einsatz", "des Kommandanten", "an seinen Stellvertreter"
        if any(e.start < b and a < e.end and e.label in ("PER", "ORG")
               for e in self.article.entities):
            return True
        if any(m.start < b and a < m.end for actor in self.article.actors
               for m in actor.mentions):
            return True
        if any(t.pos == "NOUN" and a <= t.start < b and self._speaker_noun(t)
               for t in sent.toks):
            return True
        if self._named_before(sent, speaker):
            return True
        return any(t.tag == "PPER" and t.lemma.lower() != "es" and a <= t.start < b
                   for t in sent.toks)

    def _named_before(self, sent: Sent, speaker: Char) -> bool:
        """A one-word proper-noun subject that is a word of a person named earlier in the
        article (``Li`` after ``Li Fei``, ``Merkel`` after ``Angela Merkel``): the accurate
        mode reads its statements before the actor layer links such names, and its entity
        model may miss the bare name."""
        a, b = speaker
        words = [t for t in sent.toks if a <= t.start < b]
        if len(words) != 1 or words[0].tag != "NE":
            return False
        name = words[0].text
        text = self.article.text
        return any(e.label == "PER" and e.end <= a and name in text[e.start:e.end].split()
                   for e in self.article.entities)

    def _speaker_noun(self, tok: Token) -> bool:
        """A noun of people or sources who speak (cues.tsv kind ``speaker``), also as the
        end of a compound (``Augenzeugen``, ``Polizeisprecher``) and in its plural or
        feminine form, by the lemma or by the word itself when the lemmatiser left the
        ending on (``Augenzeugen``, ``Reporterin``)."""
        forms = {tok.lemma.lower(), tok.text.lower()}
        for form in list(forms):
            for ending in _NOUN_ENDINGS:
                if form.endswith(ending) and len(form) > len(ending) + 2:
                    forms.add(form[:-len(ending)])
        return any(f.endswith(n.lower()) for f in forms for n in self.lex.speaker)

    def source_phrases(self, sent: Sent, nested: bool = False) -> None:
        """``laut X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X``, ``demnach``.

        ``nested``: a ``laut``/``zufolge``/``nach`` source inside text another statement
        already explains (``Laut BBC News sagte der Minister, dass …``; ``X hatte nach
        Aussage des Angestellten die Auffassung vertreten, …``) is a second attribution of
        the sentence: the corpus annotates it as a quotation of its own, the rest of the
        sentence its quote."""
        last = sent.last_word()
        found = 0
        if nested and not any(t.text.lower() in self.lex.prep or t.text.lower() in self.lex.postp
                              or t.text.lower() == "nach" for t in sent.toks):
            return
        cues = {c for f in self.found for c in f.cue} if nested else set()
        for i in range(last + 1):
            t = sent.toks[i]
            low = t.text.lower()
            if self.in_mark(t.start, t.end) or (
                    self.is_claimed(t.start, t.end) is not nested):
                continue
            if nested and ((t.start, t.end) in cues or not (
                    low in self.lex.prep or low in self.lex.postp or low == "nach")):
                continue
            if found and sent.toks[i - 1].text != ";" and not any(
                    sent.toks[k].text == ";" for k in range(found, i)):
                continue  # one source phrase per sentence, or per part between semicolons
            src: tuple[int, int] | None = None
            frame: tuple[int, int] | None = None
            if low in self.lex.prep and t.tag.startswith("APPR"):
                src = chunk_after(sent, i) or self._quoted_name(sent, i + 1, after=True)
                if src is not None:  # "laut der Zeitung „Die Welt“"
                    src = (src[0], _quoted_name_after(sent, src[0], src[1]))
                frame = (i, src[1]) if src else None
            elif low in self.lex.postp:
                src = chunk_before(sent, i) or self._quoted_name(sent, i - 1, after=False)
                frame = (src[0], i) if src else None
            elif low == "nach" and i + 1 <= last and not self._temporal_nach(sent, i):
                src = self._nach(sent, i)
                frame = (i, src[1]) if src else None
                if src is None and not nested and i >= 1 and self._nach_noun(
                        sent.toks[i - 1].lemma) and sent.toks[i - 1].pos == "NOUN":
                    # "seiner Meinung nach", "dem Vernehmen nach"
                    k = i - 1
                    while k > 0 and sent.toks[k - 1].pos in ("DET", "ADJ", "PRON"):
                        k -= 1
                    src = (k, i - 1)
                    frame = (k, i)
            elif low in self.lex.so and i > 0 and sent.toks[i - 1].text == "," and (
                    self._unquoted_before(sent, i - 2) if i >= 2 else True):
                src = chunk_after(sent, i)
                if i + 1 <= last and sent.is_finite(i + 1) and self.cue_lemma(sent, i + 1):
                    # ", so bestätigt das Gericht": the speech verb's subject speaks
                    sp = self.speaker_of(sent, i + 1, i + 2, last)
                    src = (self.token_at(sent, sp[0]), self.token_at(sent, sp[1], after=False)
                           ) if sp else None
                    if src is not None:
                        frame = (i - 1, last)
                elif src and sent.toks[src[0]].pos in ("DET", "PROPN", "NOUN") and not any(
                        sent.is_finite(x) for x in range(src[0], src[1] + 1)):
                    # ", so X." ends the sentence; ", so X, …" goes on after X's phrase
                    frame = (i - 1, last)
                    for k in range(src[1] + 1, last):
                        if sent.toks[k].text == "," and sent.toks[k + 1].tag not in (
                                "PRELS", "PRELAT", "KOUS") and any(
                                sent.toks[x].tag.startswith("V") for x in range(k + 1, last + 1)):
                            frame = (i - 1, k)
                            break
                else:
                    src = None
            elif low in self.lex.adv and (i == 0 or sent.toks[i - 1].text == ";"):
                src = (i, i)
                frame = (i, i)
            elif low in self.lex.rel and i + 2 <= last:
                # "Berichte, wonach …": the clause is the quote, the noun before the source
                q = _trim(sent, i + 1, last)
                if q is None or self.is_claimed(*sent.span(*q)):
                    continue
                noun = chunk_before(sent, i - 1) if i >= 2 and sent.is_comma(i - 1) else None
                self.add(Found(StatementType.INDIRECT, [sent.span(*q)], [sent.span(i, i)],
                               sent.span(i, i), sent.span(*noun) if noun else None,
                               "source-wonach", 0.6))
                return
            if src is None or frame is None:
                continue
            parts = []
            fa, fb = frame
            # a semicolon bounds the phrase's reach ("Laut X ist er 24; demnach wäre er …")
            semis = [k for k in range(last + 1) if sent.toks[k].text == ";"]
            lo = max((k + 1 for k in semis if k < fa), default=0)
            hi = min((k - 1 for k in semis if k > fb), default=last)
            lo, hi = self._nested_bounds(sent, fa, fb, lo, hi)
            if _trim_start(sent, lo) >= fa and not (lo > 0 and sent.is_comma(lo)):
                # a phrase opening its sentence (not a verb-final clause's part after a comma)
                fb = _vorfeld_end(sent, fb, hi)
            before = _trim(sent, lo, fa - 1) if fa > lo else None
            after = _trim(sent, fb + 1, hi) if fb < hi else None
            # a phrase inside its clause keeps the short parts around it ("800.000 Menschen
            # wurden nach Angaben des Roten Kreuzes obdachlos"; a second attribution's
            # "worauf dieser"); alone, a part needs three tokens
            inside = bool(before and after and (nested or (not self.is_claimed(
                *sent.span(*before)) and not self.is_claimed(*sent.span(*after)))))
            for q in (before, after):
                if q and q[1] - q[0] >= (0 if nested or inside else 2) and (
                        nested or not self.is_claimed(*sent.span(*q))):
                    parts.append(sent.span(*q))
            if not parts:
                continue
            self.add(Found(StatementType.INDIRECT, parts, [sent.span(i, i)], sent.span(fa, fb),
                           sent.span(*src), f"source-{low}{'-nested' if nested else ''}", 0.7))
            found = fb + 1

    def _unquoted_before(self, sent: Sent, k: int) -> bool:
        """Token ``k`` is outside quotation marks, or inside a partial quotation that opens
        after the sentence's first word (``Das Gros handhabe ihn „maßvoll“, so X``); a
        quotation from the sentence start is a direct one, framed by its own rule."""
        mark = self.in_mark(sent.toks[k].start, sent.toks[k].end)
        return mark is None or mark[0] > sent.toks[_trim_start(sent, 0)].start

    def _quoted_name(self, sent: Sent, k: int, after: bool) -> tuple[int, int] | None:
        """A source that is a name in quotation marks (``laut „Computerwoche“``, ``dem
        „Figaro“ zufolge``): its tokens, marks included (``after``: it opens at ``k``; else
        it closes at ``k``, with the article and adjectives before it)."""
        if not 0 <= k < len(sent):
            return None
        mark = self.in_mark(sent.toks[k].start, sent.toks[k].end)
        if mark is None or not _looks_like_name(self.text[mark[0] + 1:mark[1] - 1]):
            return None
        inside = [m for m in range(len(sent))
                  if mark[0] <= sent.toks[m].start and sent.toks[m].end <= mark[1]]
        if not inside or (after and inside[0] != k) or (not after and inside[-1] != k):
            return None
        a = inside[0]
        while not after and a > 0 and sent.toks[a - 1].pos in ("DET", "ADJ"):
            a -= 1
        return a, inside[-1]

    def _nested_bounds(self, sent: Sent, fa: int, fb: int, lo: int, hi: int) -> tuple[int, int]:
        """Where a second attribution's quote may run: inside the quote part of the other
        statement that holds the phrase (``sagte …, nach neuesten Erkenntnissen habe ein
        Unbekannter …``), and inside the subordinate clause that holds it (``…, weil die
        Mission nach Angaben der UN überfordert ist``); else the whole sentence."""
        a, b = sent.toks[fa].start, sent.toks[fb].end
        for f in self.found:
            for qa, qb in f.quote:
                if qa <= a and b <= qb:
                    lo = max(lo, self.token_at(sent, qa))
                    hi = min(hi, self.token_at(sent, qb, after=False))
        for k in range(fa - 1, lo, -1):
            if sent.is_comma(k - 1) and (sent.toks[k].tag in _CLAUSE_OPENERS or (
                    sent.toks[k].tag.startswith("APPR") and k + 1 < fa
                    and sent.toks[k + 1].tag in _CLAUSE_OPENERS)):
                # "…, weil …", "…, die …", and "…, auf dem …" (a relative clause's preposition)
                return k, _subclause_end(sent, k, hi)
            if sent.is_finite(k):
                if k == fa - 2 and sent.is_comma(fa - 1) and _relative_clause_before(
                        sent, k, lo) and _finite_before_comma(sent, fb + 1, hi):
                    # "…, der gegen den IS kämpft, nach Ansicht der USA die Legitimität aber
                    # verloren hat": the phrase opens the relative clause's second part,
                    # which alone is what the source said (from the comma: no Vorfeld)
                    return fa - 1, _subclause_end(sent, fa, hi)
                break
        return lo, hi

    def _nach(self, sent: Sent, i: int) -> tuple[int, int] | None:
        """``nach Angaben von X`` / ``nach Kerrys Angaben`` / ``nach eigener Aussage``."""
        for k in range(i + 1, min(i + 4, len(sent))):
            if sent.toks[k].pos == "NOUN" and self._nach_noun(sent.toks[k].lemma):
                # the source after the noun: "von X" (unless already named: "Kerrys
                # Angaben"), a genitive ("der Polizei"), a name; never a new phrase
                possessed = any(sent.toks[x].pos == "PROPN" or sent.toks[x].tag == "PPOSAT"
                                or (sent.toks[x].pos == "DET" and "Case=Gen" in
                                    sent.toks[x].morph) for x in range(i + 1, k))
                # the noun's own phrase (genitive, "von X", a name), as the parser attaches it
                nodes = sent.subtree(k, _NP_SKIP)
                end = k
                for m in range(k + 1, len(sent)):
                    t = sent.toks[m]
                    if t.text in ("„", "(", "»") and m + 1 in nodes:
                        continue  # a quoted or bracketed name: "des Magazins „Der Spiegel“"
                    if m not in nodes or sent.is_finite(m) or (t.lemma == "von" and possessed):
                        break
                    if t.tag == "CARD" or (t.pos == "DET" and "Case=Gen" not in t.morph and (
                            sent.toks[m - 1].lemma != "von") and sent.toks[m - 1].text not in (
                            "„", "(", "»")):
                        break  # a new phrase ("zehn Personen", "die Legitimität")
                    end = m
                return _trim(sent, i + 1, _close(sent, i + 1, end, None))
            if sent.toks[k].pos not in ("DET", "ADJ", "PROPN", "PRON", "ADV"):
                return None  # "nach bisher unbestätigten Berichten" has an adverb
        return None

    def _temporal_nach(self, sent: Sent, i: int) -> bool:
        """``nach`` after a span of time or a time adverb means "after", not "according to":
        ``Einen Tag nach der Veröffentlichung von …``, ``kurz nach der Erklärung`` (a point in
        time does not: ``geht es ihm heute nach Angaben der Kommandozentrale gut``)."""
        if i == 0 or sent.toks[i - 1].text.lower() not in self.lex.time:
            return False
        before = sent.toks[i - 1]
        if before.pos != "NOUN":
            return True
        # a span of time is counted ("sechs Tage nach", "einen Tag nach"); "in den
        # vergangenen Tagen nach Angaben lokaler Medien" is a point in time and a source
        count = sent.toks[i - 2] if i >= 2 else None
        return count is not None and (count.tag in ("CARD", "PIAT", "PIDAT") or (
            count.tag == "ART" and count.lemma.lower() == "ein"))

    def _nach_noun(self, lemma: str) -> bool:
        """A source noun of ``nach …``, also in compounds (``Polizeiangaben``)."""
        low = lemma.lower()
        return any(low.endswith(n.lower()) for n in self.lex.nach)

    def partial_quotes(self) -> None:
        """A quotation inside a found statement's quote: a nested Direct with its roles."""
        direct = {q for f in self.found if f.type is StatementType.DIRECT for q in f.quote}
        for a, b in self.marks:
            if (a, b) in direct:
                continue
            if _looks_like_name(self.text[a + 1:b - 1]):
                continue
            host = next((f for f in self.found if f.type is not StatementType.DIRECT
                         and any(s <= a and b <= e for s, e in f.quote)), None)
            if host is None:
                if not (self.titles_by_shape and self._quoted_title(a, b)):
                    self.quoted_phrase(a, b)
                continue
            self.found.append(Found(StatementType.DIRECT, [(a, b)], list(host.cue), host.frame,
                                    host.speaker, "partial", host.confidence,
                                    addressee=host.addressee))

    def _quoted_title(self, a: int, b: int) -> bool:
        """A title-cased quotation without a verb inside a noun phrase, after a definite
        article, a preposition or a noun (``der „Polizei von DeLand“``, ``In der „BILD am
        Sonntag“``, ``die Organisation „Reporter ohne Grenzen“``), is a name or a title, not
        a quoted statement; after ``als`` it is a judgement."""
        sent = self.sent_at(a)
        if sent is None:
            return False
        inside = [t for t in sent.toks if a < t.start and t.end < b]
        before = [t for t in sent.toks if t.end <= a]
        if not inside or not before or any(t.tag.startswith("V") for t in inside):
            return False
        words = [t.text for t in inside if t.text[:1].isalnum()]
        if not words or not words[0][:1].isupper() or 2 * sum(
                w[:1].isupper() for w in words) < len(words):
            return False
        prev = before[-1]
        if prev.text.lower() == "als":
            return False  # a judgement ("bezeichnete sie als „Knaller aus Karlsruhe“")
        return prev.tag in ("APPR", "APPRART") or prev.pos in ("NOUN", "PROPN") or (
            prev.tag == "ART" and "Definite=Def" in prev.morph)

    def quoted_phrase(self, a: int, b: int) -> None:
        """``X nannte das „sehr respektabel“``: a quotation in a clause with a cue verb."""
        sent = self.sent_at(a)
        if sent is None or self.is_claimed(a, b):
            return
        for i in range(len(sent)):
            t = sent.toks[i]
            if self.in_mark(t.start, t.end):
                continue
            cue = self.cue_lemma(sent, i)
            if cue is None:
                continue
            speaker = self.speaker_of(sent, i, 0, len(sent) - 1)
            self.add(Found(StatementType.DIRECT, [(a, b)], [sent.span(c, c) for c in cue[1]],
                           None, speaker, "quoted-phrase", 0.5))
            return

    def continuations(self) -> None:
        """Konjunktiv sentences (and frame-less quotations) after a statement keep its speaker.

        Konjunktiv I (``sei``, ``gebe``) marks reported speech on its own: such a sentence takes
        the last speaker however far back. Konjunktiv II (``hätten``) and ``sollen``
        (``FreeIndirect``) count only within ``WINDOW`` sentences of the last statement.
        """
        by_sent: dict[int, list[Found]] = {}
        for f in self.found:
            s = self.sent_at(f.start)
            if s is not None:
                by_sent.setdefault(s.index, []).append(f)
        last: Found | None = None
        last_sent = -10
        current: Found | None = None
        for sent in self.sents:
            here = by_sent.get(sent.index, [])
            recent = last is not None and sent.index - last_sent <= WINDOW
            bare = [f for f in here if f.rule == "direct-bare"]
            for f in bare:
                if recent and last is not None and last.speaker:
                    f.speaker = last.speaker
                    f.rule = "direct-continued"
            if here and recent and last is not None and len(here) == 1 and (
                    here[0].rule in ("cue-clause", "cue-v2-sub", "cue-zu-inf")) and (
                    self._impersonal(here[0])) and self._konjunktiv_cue(sent, here[0]):
                # "Man gehe davon aus, dass sie ebenfalls tot sind": a speech verb in the
                # Konjunktiv I reports the reporting too; the corpus continues the last
                # statement over the whole sentence
                f = here[0]
                span = (sent.start, sent.toks[-1].end)
                if self._joins(current, StatementType.INDIRECT_FREE_INDIRECT, span):
                    self.found.remove(f)
                else:
                    f.type, f.quote = StatementType.INDIRECT_FREE_INDIRECT, [span]
                    f.cue, f.frame, f.speaker, f.addressee = [], None, last.speaker, None
                    f.rule = "continuation"
                    current = f
                self.claimed.append(span)
                last_sent = sent.index
                continue
            if here:
                spoken = [f for f in here if f.speaker and f.rule != "partial"]
                if spoken:
                    last = spoken[-1]
                if spoken or (bare and recent):
                    last_sent = sent.index
                current = None
                continue
            if self.is_claimed(sent.start, sent.end):
                continue
            fin = self.main_finite(sent, skip_clauses=True)
            kind = None
            # a speech verb in the Konjunktiv I reports too, its own statement being the
            # sentence (``Sie rate zum Kauf japanischer Hybridautos``)
            if fin is not None and (not self._has_cue(sent) or (
                    sent.is_konjunktiv_i(fin))):
                tok = sent.toks[fin]
                # ("möchte" is a wish in the present, not the reporter's Konjunktiv)
                # (past a clause that opens the sentence only the unambiguous Konjunktiv I:
                # "Da die Versicherung insolvent ist, müsste …" is the reporter's conditional)
                skipped = fin != self.main_finite(sent)
                if sent.is_sub(fin) and (
                        "Tense=Pres" in tok.morph or (recent and not skipped and (
                            not _like_indicative_past(tok)))) and tok.lemma != "mögen":
                    kind = StatementType.INDIRECT_FREE_INDIRECT
                elif tok.lemma == "sollen" and (recent or _perfect_infinitive(sent)):
                    kind = StatementType.FREE_INDIRECT
            if kind is None and fin is not None and not sent.is_sub(fin) and (
                    not self._has_cue(sent)):
                # "Der Mann ist wieder frei; die Anklage bleibe aber bestehen": a later main
                # clause in the Konjunktiv I reports, the indicative one before it does not
                tail = _konjunktiv_tail(sent, fin)
                if tail is not None and not self.is_claimed(sent.toks[tail[0]].start,
                                                            sent.toks[-1].end):
                    span = (sent.toks[tail[0]].start, sent.toks[-1].end)
                    self.add(Found(tail[1], [span], speaker=last.speaker if tail[2] and (
                        last is not None) else None, rule="continuation", confidence=0.5))
                    if tail[2]:  # (an unnamed claim makes no speaker's context)
                        last_sent = sent.index
            if kind is None:
                current = None
                continue
            speaker = last.speaker if last is not None else None
            span = (sent.start, sent.toks[-1].end)
            if not self._joins(current, kind, span):
                if kind is StatementType.INDIRECT_FREE_INDIRECT and fin is not None and (
                        sent.is_konjunktiv_i(fin)) and self._konjunktiv_ii_before(sent):
                    span = (self.sents[sent.index - 1].start, span[1])
                    self.claimed.append(span)
                current = self.add(Found(kind, [span], speaker=speaker, rule="continuation",
                                         confidence=0.5))
            self.claimed.append(span)
            last_sent = sent.index

    def _konjunktiv_ii_before(self, sent: Sent) -> bool:
        """The sentence before ``sent``, in its paragraph and unclaimed, is a Konjunktiv II
        one without a cue: part of the same report (``Oberhalb von 800 Metern könnten
        Orkanböen auftreten. Besonders der Westen sei betroffen.``)."""
        if sent.index == 0:
            return False
        prev = self.sents[sent.index - 1]
        if prev.paragraph != sent.paragraph or self.is_claimed(prev.start, prev.end) or (
                self.in_mark(prev.start, prev.end)) or self._has_cue(prev):
            return False
        pf = self.main_finite(prev, skip_clauses=True)
        return pf is not None and prev.is_sub(pf)

    def _joins(self, current: Found | None, kind: StatementType, span: Char) -> bool:
        """Extend ``current`` over ``span`` when it is a continuation of ``kind`` that ends
        right before it (the corpus merges consecutive continuation sentences)."""
        if current is None or current.type is not kind or self.text[
                current.end:span[0]].strip():
            return False
        current.quote[-1] = (current.quote[-1][0], span[1])
        return True

    def _impersonal(self, found: Found) -> bool:
        """No speaker, or ``man`` (the rest keep their own: train 350–699 Roles −0.0011)."""
        sp = found.speaker
        return sp is None or self.text[sp[0]:sp[1]].lower() == "man"

    def _konjunktiv_cue(self, sent: Sent, found: Found) -> bool:
        """The finite verb of ``found``'s cue (the cue or its auxiliary) is an unambiguous
        Konjunktiv I (``gehe davon aus``, ``habe … ergeben``)."""
        for a, _ in found.cue:
            k = self.token_at(sent, a)
            heads = [k, *[c for c in sent.children[k] if sent.toks[c].dep.startswith("aux")]]
            for h in heads:
                if sent.is_finite(h):
                    return sent.is_konjunktiv_i(h)
        return False

    def main_finite(self, sent: Sent, skip_clauses: bool = False) -> int | None:
        """The first finite verb not inside a subordinate clause: none when a KOUS/relative
        comes first. With ``skip_clauses``, a subordinate clause that opens the sentence
        (``Da das Kraftwerk heruntergefahren wurde, sei es …``) and a relative clause after a
        comma (``Die Toten, von denen einige gefesselt worden seien, seien …``) are skipped
        (the continuation rule)."""
        last = len(sent) - 1
        m = 0
        while m <= last:
            t = sent.toks[m]
            if t.tag in ("KOUS", "PRELS", "PRELAT", "PWAV"):
                opening = t.tag == "KOUS" and all(
                    x.tag in ("ADV", "KON", "$(", "$,") or x.pos == "PUNCT"
                    for x in sent.toks[:m])
                relative = t.tag != "KOUS" and m > 1 and (sent.is_comma(m - 1) or (
                    sent.toks[m - 1].tag == "APPR" and sent.is_comma(m - 2)))
                if not (skip_clauses and (opening or relative)):
                    return None
                m = _embedded_clause_end(sent, m, last) + 1
                continue
            if sent.is_finite(m):
                return m
            m += 1
        return None

    def _has_cue(self, sent: Sent) -> bool:
        """A cue verb outside an ``um``/``ohne``/``statt … zu`` clause (``China übertreibe die
        Gefahr, um die Überwachung zu begründen`` is a continuation: a purpose says nothing)."""
        purpose = set()
        for k, t in enumerate(sent.toks):
            if t.tag == "KOUI":
                m = k
                while m < len(sent) and not (m > k and sent.is_comma(m)):
                    purpose.add(m)
                    m += 1
        return any(self.cue_lemma(sent, i) for i in range(len(sent)) if i not in purpose)


#: tags that open a subordinate or relative clause after a comma
_CLAUSE_OPENERS = ("KOUS", "PRELS", "PRELAT", "PWAV", "PWS")


def _name_part(sent: Sent, k: int) -> bool:
    """Token ``k`` can continue a name: a capitalised word that is no article nor a day
    (``Dienstagabend``), or a lowercase particle before one (``bin``, ``al``, ``van der``)."""
    t = sent.toks[k]
    if t.text in _NAME_PARTICLES:
        return k + 1 < len(sent) and (sent.toks[k + 1].pos == "PROPN" or (
            sent.toks[k + 1].text in _NAME_PARTICLES))
    # (a surname may be tagged as an adjective or a noun: "Kurz", "Hochhauser")
    if _PARTICLE_NAME.match(t.text):  # "al-Hussein"
        return True
    return t.text[:1].isupper() and t.tag != "ART" and not _WEEKDAY.match(t.text)


def _noun_of_article(sent: Sent, k: int, hi: int) -> int | None:
    """The last word of the noun phrase an article opens when the parser made the bare
    article the subject: ``der ebenfalls an der Studie beteiligte Politologe Georg Spitaler``
    (an extended participle read as a finite verb). The walk skips adverbs, adjectives,
    participles and prepositional phrases up to the first noun outside them, then takes
    the names that follow; None when ``k`` is no bare article or no noun follows."""
    if sent.toks[k].tag != "ART" or sent.children[k]:
        return None
    return _attributed_noun_end(sent, k + 1, hi)


def _attributed_noun_end(sent: Sent, j: int, hi: int) -> int | None:
    """From ``j`` on: the end of the first noun outside prepositional phrases and of the
    names after it (see ``_noun_of_article``)."""
    in_pp = False
    while j <= hi and j < len(sent):
        t = sent.toks[j]
        if t.tag.startswith("APPR"):
            in_pp = True
        elif t.pos in ("NOUN", "PROPN") and in_pp:
            in_pp = False  # the preposition's noun: the walk goes on
        elif t.pos in ("NOUN", "PROPN"):
            while j + 1 <= hi and j + 1 < len(sent) and sent.toks[j + 1].pos == "PROPN":
                j += 1
            if j + 2 <= hi and sent.toks[j + 1].text == "und" and (
                    sent.toks[j + 2].tag in _ATTRIBUTE_TAGS):
                # "die frühere Aufsichtsrätin und jetzige Aufsichtsratschefin Brigitte Ederer"
                second = _attributed_noun_end(sent, j + 2, hi)
                return second if second is not None else j
            return j
        elif t.tag not in _ATTRIBUTE_TAGS:
            return None
        j += 1
    return None


#: tags of a cue that closes its clause (the right bracket): participle, separated particle,
#: infinitive; what follows it is extraposed (:meth:`Finder.bare_infinitive`)
_CLAUSE_CLOSING_TAGS = ("VVPP", "PTKVZ", "VVINF")
#: words that open a zu-infinitive of purpose or manner, no quote (tagged APPR at times)
_PURPOSE = frozenset({"um", "ohne", "statt", "anstatt"})


def _zu_infinitive_end(sent: Sent, m: int) -> bool:
    """``m`` is the last word of a zu-infinitive: ``abzuschaffen`` or ``zu`` + infinitive."""
    tag = sent.toks[m].tag
    return tag == "VVIZU" or (tag in ("VVINF", "VAINF", "VMINF") and m > 0
                              and sent.toks[m - 1].tag == "PTKZU")


def _zu_infinitive(tok: Token) -> bool:
    """``zu``, a zu-infinitive, or one the tagger calls a participle (``herauszugeben``)."""
    return tok.tag in ("PTKZU", "VVIZU") or (
        tok.tag == "VVPP" and bool(infix_zu_infinitives(tok.text.lower())))


def _dative(sent: Sent, k: int, argument: bool = False) -> bool:
    """Token ``k`` heads a dative noun phrase (its article says so, or a caseless name's own
    morphology): the addressee of a speech verb without a preposition."""
    t = sent.toks[k]
    if t.pos not in ("NOUN", "PROPN"):
        return False
    dets = [sent.toks[c] for c in sent.children[k] if sent.toks[c].pos == "DET"]
    if not dets:
        return False
    if all("Case=Dat" in d.morph for d in dets):
        return True
    if not argument:
        return False
    # the article's form where the tagger's case is wrong: "dem"/"einem" are dative only;
    # "der"/"einer" + a feminine noun and "den" + a plural noun are dative as verb arguments
    # outside the subject ("sagte der Zeitung", "schlug den Mitarbeitern vor")
    art = dets[0].text.lower()
    if art in _DATIVE_ONLY:
        return True
    if art in ("der", "einer") and "Gender=Fem" in t.morph and "Number=Plur" not in t.morph:
        return True
    if _oblique_feminine(sent, k):
        return True
    return art == "den" and "Number=Plur" in t.morph and t.text.endswith("n")




def _oblique_feminine(sent: Sent, k: int) -> bool:
    """``der``/``einer`` + a singular noun with a feminine ending: genitive or dative, never
    the nominative the parser sometimes gives it (``warf der Regierung vor``)."""
    t = sent.toks[k]
    dets = [sent.toks[c] for c in sent.children[k] if sent.toks[c].pos == "DET"]
    return bool(dets) and dets[0].text.lower() in ("der", "einer") and (
        t.pos == "NOUN" and t.text.lower().endswith(FEMININE_ENDINGS)
        and "Number=Plur" not in t.morph)


def _oblique_subject(sent: Sent, k: int) -> bool:
    """A "subject" the parser gave a case-marked article it cannot have: ``der`` + a feminine
    noun (``warf der Regierung vor``) or a dative-only article (``sagte der Minister dem
    Deutschlandfunk``)."""
    dets = [sent.toks[c] for c in sent.children[k] if sent.toks[c].pos == "DET"]
    return _oblique_feminine(sent, k) or (
        bool(dets) and dets[0].text.lower() in _DATIVE_ONLY)


#: personal pronouns that are nominative in every reading (``sie``/``ihr``/``es`` are not)
_NOMINATIVE_ONLY = frozenset({"ich", "du", "er", "wir"})

#: articles and pronouns that never open a nominative phrase (no subject, no speaker)
_NEVER_NOMINATIVE = frozenset({"den", "dem", "des", "einen", "einem", "eines", "ihm", "ihn",
                               "ihnen", "mir", "mich", "dir", "dich", "uns", "euch"})

_DATIVE_ONLY = frozenset({"dem", "einem", "diesem", "jenem", "seinem", "ihrem", "unserem",
                          "eurem", "keinem", "jedem"})


#: modal verbs, read in the Konjunktiv II as before: their Konjunktiv II umlauts a stem the
#: indicative past does not (konnte/könnte), or, ``sollte``, ``wollte``, is in a report's
#: continuation mostly the speaker's advice or plan ("Man sollte ihnen das Gefühl geben")
_MODALS = frozenset({"können", "müssen", "dürfen", "mögen", "sollen", "wollen"})
#: endings of the weak past after the stem (änder-te, richt-ete)
_WEAK_PAST = ("te", "ten", "test", "tet", "ete", "eten", "etest", "etet")


def _like_indicative_past(tok: Token) -> bool:
    """Is a Konjunktiv II form spelled like the indicative past ("Das änderte sich dann",
    "Dabei gingen der Behörde Container ins Netz")? The parser's ``Mood=Sub`` is then a guess
    the reporter's narration does not support: weak verbs (stem + ``-te``: änderte, machten)
    and the plurals of strong verbs without umlaut (gingen, blieben) read the same in both
    moods; ``hätte``, ``wäre``, ``käme``, ``ginge`` and the modals do not."""
    form, lemma = tok.text.lower(), tok.lemma.lower()
    if lemma in _MODALS:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    if form.startswith(stem) and form[len(stem):] in _WEAK_PAST:
        return True
    return form.endswith("en") and not any(c in form for c in "äöü")


def _konjunktiv_tail(sent: Sent, fin: int) -> tuple[int, StatementType, bool] | None:
    """A reported clause after ``fin``'s clause, to the sentence end: its first token, its
    type, and whether it keeps the last speaker. A main clause in the unambiguous Konjunktiv
    I (``…, auch eine Ausweitung sei denkbar``; ``…; die Anklage bleibe bestehen``; a
    coordinating conjunction included) keeps it; a reason in the Konjunktiv I (``…, weil er
    sich bedroht fühle``) and a reportative ``sollen`` with a perfect infinitive (``…, er
    soll den Ausbrechern verholfen haben``; ``…, die verschwunden sein sollen``) are claims
    of someone the text does not name."""
    last = sent.last_word()
    for m in range(fin + 1, last):
        if sent.toks[m].text not in (",", ";"):
            continue
        j = m + 1
        while j < last and sent.toks[j].tag == "KON":
            j += 1
        first = sent.toks[j]
        if first.tag in ("PRELS", "PRELAT"):
            if _embedded_clause_end(sent, j, last) > last and _sollen_perfect_end(sent, last):
                return m + 1, StatementType.FREE_INDIRECT, False
            continue
        if first.tag in ("KOUI", "PWAV", "PWS") or first.lemma.lower() in ("ob", "dass"):
            continue  # ("…, ob …", "…, dass …" depend on a verb the rules did not read)
        if first.tag == "KOUS":
            clause_end = _embedded_clause_end(sent, j, last)
            f = next((x for x in range(clause_end - 1, j, -1) if sent.is_finite(x)), None)
            if clause_end > last and f is not None and sent.is_konjunktiv_i(f):
                return m + 1, StatementType.INDIRECT_FREE_INDIRECT, False
            continue
        f = _first_main_finite(sent, j, last, window=6)
        if f is None or f <= j:
            continue
        if sent.is_konjunktiv_i(f):
            return m + 1, StatementType.INDIRECT_FREE_INDIRECT, True
        if sent.toks[f].lemma == "sollen" and _perfect_infinitive(sent):
            return m + 1, StatementType.FREE_INDIRECT, False
    return None


def _sollen_perfect_end(sent: Sent, last: int) -> bool:
    """A verb-final clause ending ``… verschwunden sein sollen``: reportative ``sollen``."""
    return last >= 2 and sent.toks[last].lemma == "sollen" and (
        sent.toks[last - 1].lemma in ("sein", "haben")) and (
        sent.toks[last - 2].tag in ("VVPP", "VAPP"))


def _perfect_infinitive(sent: Sent) -> bool:
    """``soll … gewesen sein`` / ``sollen … getötet worden sein``: reportative ``sollen``
    (the claim of someone else), unlike ``soll … gebaut werden`` (a plan)."""
    last = sent.last_word()
    tail = [t for t in sent.toks[max(0, last - 2): last + 1]]
    return bool(tail) and tail[-1].lemma in ("sein", "haben") and tail[-1].tag == "VAINF" and any(
        t.tag == "VVPP" or t.tag == "VAPP" for t in tail[:-1])


def _looks_like_name(inner: str) -> bool:
    """``„Interfax“``, ``„Dornier Do 228“``, ``„Iceland Nature Conservation Association“``,
    ``„Ein Land - Zwei Systeme“``: a quotation of up to five capitalised words, dashes aside
    (a name, title or slogan, not a quoted statement; the corpus leaves them out)."""
    words = [w for w in inner.split() if w not in ("-", "–", "&")]
    return len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _vorfeld_end(sent: Sent, fb: int, hi: int) -> int:
    """The end of a source phrase that opens its sentence: the last token before the main
    clause's finite verb. What the parser left outside the phrase before that verb still
    belongs to it (the corpus's quote starts at the verb): an apposition (``Nach Angaben von
    Kristján Loftsson, einem Manager der Firma, wurde …``), a relative clause (``Nach Angaben
    der Zeitungen, die sich auf … stützen, kommt …``), the rest of a name (``Nach einem Bericht
    der Zeitung The Jakarta Post gelang …``). Unchanged when no finite verb follows."""
    k = fb + 1
    while k <= hi:
        t = sent.toks[k]
        if t.tag in ("PRELS", "PRELAT", "KOUS", "PWAV") and sent.is_comma(k - 1):
            k = _embedded_clause_end(sent, k, hi) + 1
            continue
        if sent.is_finite(k):
            return k - 1 if k - 1 > fb else fb
        if t.tag in ("$.",) or t.text in ("„", "»", ":"):
            return fb
        k += 1
    return fb


#: the tags of a speaker's apposition (``der Radiosender, Radio Vatikan, …``)
_APPOSITION_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "CARD", "PPOSAT", "TRUNC"})


def _apposition_end(sent: Sent, start: int, last: int) -> int | None:
    """The comma that closes a short apposition starting at ``start`` when ``dass``/``ob``
    follows it: at most six words of a noun phrase (articles, adjectives, nouns, names,
    numbers, ``von``), starting with no preposition (``drohten mit Hungerstreik, aus Angst,
    dass …``: the clause is the noun's); a connective may stand between (``…, aber auch,
    dass``)."""
    for m in range(start, min(last, start + 7)):
        t = sent.toks[m]
        if sent.is_comma(m):
            nxt = sent.toks[m + 1]
            return m if m > start and (nxt.lemma.lower() in ("dass", "ob") or (
                _connective_end(sent, m + 1, last) is not None)) else None
        if t.tag not in _APPOSITION_TAGS and not (m > start and t.lemma == "von"):
            return None
    return None


def _connective_end(sent: Sent, start: int, last: int) -> int | None:
    """The comma after a connective set off by commas (``aber auch``, ``jedoch``) when
    ``dass``/``ob`` follows it."""
    for m in range(start, min(last, start + 3)):
        if sent.is_comma(m):
            return m if m > start and sent.toks[m + 1].lemma.lower() in ("dass", "ob") else None
        if sent.toks[m].tag not in ("KON", "ADV"):
            return None
    return None


def _clause_kind(sent: Sent, start: int, last: int, colon: bool) -> str | None:
    """What kind of reported clause starts at ``start`` after a cue's comma (or colon):
    ``clause`` (dass/ob/w-word, or anything with a finite verb after a colon), ``v2-sub``
    (verb-second Konjunktiv), ``zu-inf``; None when it is no reported clause."""
    first = sent.toks[start]
    kind = None
    if first.tag == "PWAV" and first.text.lower() in _SENTENCE_RELATIVES and not colon:
        return None  # "…, womit er die Liste anführte" (see _SENTENCE_RELATIVES)
    if first.lemma.lower() in ("dass", "ob") or first.tag == "PWAV" or colon:
        kind = "clause"
    else:
        # a "finite" verb right before ``zu`` is a participle the tagger misread
        # (``den Konkurrenten bevorzugt zu haben``)
        fin = _first_main_finite(sent, start, last)
        if fin is None:
            # a long fronted phrase without a comma ("…, bei den Unruhen der vergangenen Tage
            # in Lhasa und benachbarten Provinzen seien …"): only the unambiguous Konjunktiv I
            far = _first_main_finite(sent, start, last, window=16)
            if far is not None and sent.is_konjunktiv_i(far) and not any(
                    sent.is_comma(m) for m in range(start, far)):
                fin = far
        if fin is not None and sent.is_sub(fin):
            kind = "v2-sub"
        elif any(_zu_infinitive(sent.toks[m]) for m in range(start, last + 1)) and (
                fin is None) and first.tag != "KOUI":  # "um … zu" is a purpose, no quote
            kind = "zu-inf"
    if colon and first.lemma.lower() not in ("dass", "ob") and not any(
            sent.is_finite(m) for m in range(start, last + 1)):
        return None  # a list or a title after the colon, no clause
    return kind


def _embedded_clause_end(sent: Sent, k: int, hi: int) -> int:
    """The comma that ends the verb-final clause (relative or subordinate) starting at ``k``:
    the first one after its finite verb, or one a finite verb follows; ``hi + 1`` when the
    clause runs to ``hi``."""
    m = k + 1
    while m <= hi and not (sent.is_comma(m) and (any(
            sent.is_finite(x) for x in range(k, m)) or (m < hi and sent.is_finite(m + 1)))):
        m += 1
    return m


def _first_main_finite(sent: Sent, start: int, last: int, window: int = 8) -> int | None:
    """The first finite verb within ``window`` tokens of ``start``, not counting a relative
    clause in between (``…, in den Ländern, in denen Gebühren erhoben würden, sei die Zahl
    gestiegen``: ``sei``, not ``würden``)."""
    m, seen = start, 0
    while m <= last and seen < window:
        nxt = sent.toks[m + 1] if m < last else None
        if nxt is not None and sent.is_comma(m) and m > start and (
                nxt.tag in ("PRELS", "PRELAT") or (nxt.tag == "APPR" and m + 2 <= last
                                                   and sent.toks[m + 2].tag == "PRELS")):
            m = _embedded_clause_end(sent, m + 1, last) + 1
            if m > last:
                return None
            continue
        if sent.is_finite(m) and not (m < last and sent.toks[m + 1].tag == "PTKZU"):
            return m
        m += 1
        seen += 1
    return None


def _clause_span_end(sent: Sent, start: int, last: int, kind: str, colon: bool) -> int:
    """The last token of a reported clause of ``kind`` starting at ``start``."""
    end = _subclause_end(sent, start, last) if kind == "clause" and not colon else last
    # one dash (not a pair around an aside) starts the reporter's addendum (``…, ihre
    # Häuser zu verlassen – die Hälfte davon in der Stadt Hiroshima``)
    dashes = [m for m in range(start + 1, end + 1) if sent.toks[m].text == "–"]
    if len(dashes) == 1:
        end = dashes[0] - 1
    return end


#: relative adverbs whose clause comments on the whole sentence before it: the reporter's
#: addendum (``…, dass er angerufen habe, worauf dieser keine Stellungnahme abgeben wollte``),
#: and after a cue's comma no indirect question (``wurde … geschätzt, womit er …``)
_SENTENCE_RELATIVES = frozenset(("worauf", "woraufhin", "womit", "wobei", "wodurch"))
#: inside a clause also "which is why"; after a cue an indirect question ("erklärte, weshalb")
_CONSEQUENCE_RELATIVES = _SENTENCE_RELATIVES | {"weshalb", "weswegen"}


def _subclause_end(sent: Sent, start: int, last: int) -> int:
    """The last token of a verb-final clause (``dass``/``ob``/``wie``) starting at ``start``:
    it runs to the sentence end unless, after its finite verb, a comma is followed by a main
    clause's finite verb (``Nachdem sie mitgeteilt hatte, dass er gesucht werde, hatte
    dieser versucht …``) or by ``und``/``denn``/``aber`` and one (``…, dass ein Haftbefehl
    besteht, und gab an …``), or by a relative adverb on the whole sentence (``worauf``):
    that clause is no longer what was said."""
    seen_finite = False
    for k in range(start + 1, last):
        if sent.is_finite(k):
            seen_finite = True
            continue
        if not seen_finite or sent.toks[k].text != ",":
            continue
        nxt = sent.toks[k + 1]
        if sent.is_finite(k + 1) or (nxt.tag == "KON" and k + 2 <= last
                                       and sent.is_finite(k + 2)) or nxt.lemma == "denn" or (
                nxt.tag == "PWAV" and nxt.text.lower() in _CONSEQUENCE_RELATIVES):
            return k - 1
    return last


def _relative_clause_before(sent: Sent, fin: int, lo: int) -> bool:
    """The finite verb ``fin`` ends a relative clause (``…, der gegen den IS kämpft``): a
    relative pronoun after a comma (or a preposition and one) opens it, and no other finite
    verb stands between."""
    for k in range(fin - 1, lo, -1):
        if sent.is_finite(k):
            return False
        tag = sent.toks[k].tag
        if tag in ("PRELS", "PRELAT") and (sent.is_comma(k - 1) or (
                sent.toks[k - 1].tag.startswith("APPR") and k >= 2 and sent.is_comma(k - 2))):
            return True
    return False


def _finite_before_comma(sent: Sent, a: int, hi: int) -> bool:
    """A finite verb among tokens ``a``..``hi`` before the next comma: the words after a
    source phrase end a verb-final clause (``… die Legitimität aber verloren hat``), not
    the main clause the relative clause interrupted (``…, welches von Vattenfall betrieben
    wird, nach Angaben von Vattenfall zunächst außer Betrieb``)."""
    for k in range(a, hi + 1):
        if sent.is_comma(k):
            return False
        if sent.is_finite(k):
            return True
    return False


def _main_finite_in(sent: Sent, a: int, b: int) -> bool:
    """Whether tokens a..b hold a finite verb outside a relative or subordinate clause: ``In
    einem Bericht, der nach dem Angriff veröffentlicht wurde`` before ``, erklärte X`` is no
    statement, only a phrase with its relative clause."""
    sub = False
    for x in range(a, b + 1):
        t = sent.toks[x]
        if t.tag in ("PRELS", "PRELAT", "KOUS", "PWAV", "PWS") and (
                x == a or sent.is_comma(x - 1)):
            sub = True
        elif sent.is_finite(x):
            if not sub:
                return True
            # a verb-final clause ends at its finite verb (and the comma after it)
            sub = False if x < b and sent.is_comma(x + 1) else sub
    return False


# tags of a phrase that may be a speaker as the tagger read it
_NOMINAL_TAGS = frozenset({"NN", "NE", "PPER", "PDS", "PIS", "PRELS", "PWS"})


def _verb_after_fronted_clause(sent: Sent, a: int, b: int) -> bool:
    """Whether a finite verb follows a comma in tokens a..b: the main clause's verb second
    after a clause in its first position ("Weil die Ergebnisse schlecht waren, wurde …")."""
    return any(sent.is_comma(x) and sent.is_finite(x + 1) for x in range(a, b))


def _trim_start(sent: Sent, lo: int) -> int:
    while lo < len(sent) - 1 and (sent.is_punct(lo) or sent.toks[lo].tag == "KON"):
        lo += 1
    return lo


def find_statements(article: Article, lexicon: Lexicon | None = None,
                    titles_by_shape: bool = True) -> list[Found]:
    """Every statement the rules find in ``article`` (needs ``article.sentences``).

    ``titles_by_shape``: a quotation shaped like a name or title inside a noun phrase is no
    statement (:meth:`Finder._quoted_title`); the accurate mode turns it off, its tagger
    tells names from quotations better (the heuristic cost its dev Message 0.0009)."""
    if not article.sentences:
        return []
    return Finder(article, lexicon, titles_by_shape).run()
