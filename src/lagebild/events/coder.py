"""Find event triggers and their arguments in a parsed article, then write ``Event`` objects.

Finding (:func:`find`) and writing (:func:`write`) are separate: :class:`Found` is everything
the coder decided about one trigger (lexicon entry, tokens, actor ids, modality, …) in terms of
sentence and token indices; :func:`write` turns it into the typed model with offsets, codes and
scores.

The parser is a small in-house model; its attachments and case labels are often wrong, so every
argument rule has a dependency reading first and a word-order or morphology fallback second
(documented where they are). Precision comes first: no event without a trigger and an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from lagebild.events import codes, gate
from lagebild.events.lexicon import Frame, Lexicon, Trigger, load_lexicon
from lagebild.german import SEPARABLE_PARTICLES, infix_zu_infinitives
from lagebild.model import (
    Actor,
    ActorRef,
    Article,
    Entity,
    Event,
    EventDate,
    Modality,
    Offsets,
    PloverType,
    Sentence,
    Span,
    Token,
)
from lagebild.times import date_for_span

NOMINAL_TAGS = frozenset({"NN", "NE", "PPER", "PRELS", "PDS", "PIS", "FM", "TRUNC", "PPOSS"})
SPORTS_ARTICLE_SENTENCES = 3  # sports-report sentences that make the article one
PREP_TAGS = frozenset({"APPR", "APPRART", "APPO", "APZR"})
BOUNDARY_TAGS = frozenset({"$,", "$(", "$."})
SUBJ_DEPS = ("nsubj", "nsubj:pass")
#: words that open a subordinate clause (conjunction, relative or interrogative)
SUBORDINATORS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS"})
NAME_DEPS = frozenset({"flat", "flat:name", "appos", "compound"})
GEN_DEPS = frozenset({"nmod", "nmod:poss", "det:poss", "amod", "dep", "appos"})
AGENT_PREPS = ("von", "durch")
#: ignored actor mentions: parts of compounds ("Syrien-Konflikt") name no participant
SKIP_MENTION_KINDS = frozenset({"part"})
#: PLOVER types whose event a speaker performs by saying it (source = speaker when missing)
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "AGREE"})
#: material force announced by its agent (verbs.tsv role `announce`) becomes a threat of it
#: (CAMEO 137 repression, 138 military force)
ANNOUNCED_FORCE = {"ASSAULT": "138", "COERCE": "137"}
#: plural endings of nouns, stripped when the lemmatiser left a plural as its own lemma
PLURAL_ENDINGS = ("en", "e", "n")
#: word parts that name a court or a judge (a court's sentence needs no named recipient)
COURT_WORDS = ("gericht", "richter")
MODALITY_RANK = {"negated": 5, "hypothetical": 4, "alleged": 3, "proposed": 2, "planned": 1,
                 "asserted": 0}
#: personal pronouns that name a participant when coreference left them unlinked
#: conjunctions of a temporal clause (what it tells is background to the main clause)
TEMPORAL_CONJUNCTIONS = frozenset({"als", "nachdem", "seit", "seitdem", "bevor", "ehe"})
#: articles that cannot head a subject
OBLIQUE_ARTICLES = frozenset({"den", "dem", "einen", "einem"})
#: personal pronouns that can never be a subject
OBLIQUE_PRONOUNS = frozenset({"ihn", "ihm", "ihnen", "mich", "mir", "dich", "dir", "uns", "euch"})
#: personal pronouns that can only be a subject
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir", "du"})
PERSONAL_PRONOUNS = frozenset({"er", "sie", "ich", "wir", "ihn", "ihm", "ihr", "ihnen"})
#: indefinite and demonstrative pronouns that stand for people ("die beiden werden beschuldigt")
#: types that sports reports borrow (shooting, attacking, hitting, meeting an opponent)
SPORT_SENSES = frozenset({"ASSAULT", "CONSULT"})
#: a score ("2:0", "3:2"), not a clock time ("11:40 Uhr", "um 18:30")
SCORE = re.compile(r"(?<![\d:.])(?<!\bum )(?<!\bgegen )\d{1,2}:\d{1,2}(?![\d:])(?!\s*Uhr)")
#: a minute of a match: "(71.)", "12. Minute", "in der 74. Minute"
MINUTE_MARK = re.compile(r"\(\d{1,3}\.\)|\b\d{1,3}\. Minute\b")
#: tags that open the phrase a contrastive "nicht … sondern" denies instead of the verb
CONTRASTED_PHRASE_TAGS = frozenset({"ART", "NN", "NE", "PPOSAT", "PDAT", "PIAT", "ADJA",
                                    "CARD", "APPR", "APPRART"})
#: determiners that make a noun phrase plural ("Mehrere Frauen soll der Angeklagte bedroht haben")
PLURAL_QUANTIFIERS = frozenset({"mehrere", "viele", "einige", "zahlreiche", "beide", "alle",
                                "etliche", "tausende", "hunderte", "zwei", "drei", "vier"})
#: nouns of calling for something: their "nach" phrase is wanted, not done ("Rufe nach einem
#: Rücktritt"); "Forderung" is a trigger of its own (REQUEST) with the same effect
DEMAND_HEADS = frozenset({"ruf", "rufe", "forderung", "verlangen", "wunsch", "drängen",
                          "sehnsucht", "schrei", "frage"})
#: what opens the clause a pronominal adverb stands for ("darauf, dass …", "dafür, ob …")
CORRELATE_CONJUNCTIONS = frozenset({"dass", "daß", "ob", "wie"})
#: prepositions that make pronominal adverbs: "da" + a consonant, "dar" + a vowel
CORRELATE_PREPOSITIONS = frozenset({"für", "gegen", "mit", "von", "zu", "bei", "nach", "vor",
                                    "durch", "auf", "an", "über", "um", "unter", "in", "aus"})


def _correlate_preposition(text: str) -> str | None:
    """The preposition of a pronominal adverb ("darauf" → "auf", "dafür" → "für"), or None."""
    word = text.lower()
    for prefix in ("dar", "da"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest in CORRELATE_PREPOSITIONS and (
                (prefix == "dar") == (rest[0] in "aeiouäöü")):
            return rest
    return None


GROUP_PRONOUNS = frozenset({"beide", "andere", "einige", "mehrere", "viele", "diese", "dieser",
                            "jene", "jener"})
#: prefix of the argument key of a participant the actor layer did not link ("~Polizei")
LOCAL = "~"
KONJ2_STEMS = ("würd", "könnt")  # Konjunktiv II forms of the modality auxiliaries
#: a calendar value: year, year-month or date (not "XXXX-10-03", not a week or season)
FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-\d{2}-\d{2}T")
#: the entry of a reported negative verdict ("die Vertrauensfrage sei unecht"): ACCUSE 111 by
#: the speaker (speech-act fallback) against the predicate's subject (or its owner)
VERDICT = Trigger("(verdict)", "verb", "ACCUSE", "111", "disapprove", Frame((), ("pred",)),
                  frozenset())
#: types whose verbs also state attitudes (a standing position is no act)
STANCE_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE"})
#: prepositions of circumstance: an event noun after them is presupposed, not reported
#: articles that mark a noun as a genitive attribute ("der Beginn der Gespräche")
GENITIVE_DETS = frozenset({"des", "der", "eines", "einer"})
CIRCUMSTANCE_PREPS = frozenset({"nach", "vor", "seit", "während", "wegen", "trotz", "infolge",
                                "anlässlich", "angesichts", "aufgrund", "bei"})
#: verbs whose object noun classifies their subject ("stellt einen Angriff dar")
CLASSIFYING_VERBS = frozenset({"darstellen", "bedeuten"})
#: types of a noun that is a demand or proposal (rejected when judged negatively)
PROPOSALS = frozenset({"REQUEST", "AGREE"})
#: PLOVER types whose object is an act that has not happened (the demanded or refused act)
CONTENT_TAKERS = frozenset({"REQUEST", "REJECT", "THREATEN"})
#: types of an act whose blocking is a refusal, not an obstruction ("blockiert die Einigung")
COOPERATIVE_ACTS = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "COOPERATE", "AID"})
#: prepositions of direction: "lenkte in die Herrengasse ein" is steering (flag ``nodir``)
DIRECTIONS = frozenset({"in", "auf", "nach", "zu", "an", "über"})
#: CAMEO role codes of police, military, intelligence and armed groups (flag ``forces``)
FORCE_ROLES = ("COP", "MIL", "SPY", "REB", "INS", "UAF")
#: possessives that point back to a third-person subject ("sein Rücktritt", "ihr Rückzug")
REFLEXIVE_POSSESSIVES = frozenset({"sein", "ihr"})
ACCUSE_VERBS = frozenset({"vorwerfen", "beschuldigen", "bezichtigen", "verdächtigen"})


# ------------------------------------------------------------------------------ sentence view
class Sent:
    """One sentence with the lookups the rules need (children, segments, actors per token)."""

    def __init__(self, index: int, sentence: Sentence, tokens: list[Token],
                 actors_at: list[list[str]], local_at: list[str | None],
                 weak: set[int] | None = None, persons: set[int] | None = None) -> None:
        self.index = index
        self.sentence = sentence
        self.toks = tokens  # as the rules read them: retagged and repaired (`_sents`)
        n = len(self.toks)
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, t in enumerate(self.toks):
            if 0 <= t.head < n and t.head != i:
                self.children[t.head].append(i)
        self.segment: list[int] = []
        seg = 0
        resume: int | None = None  # the segment a parenthesis interrupts
        for t in self.toks:
            if t.text == "(" and resume is None:
                resume = seg
            if t.tag in BOUNDARY_TAGS or t.text in (",", ";", ":", "–", '"'):
                seg += 1
                self.segment.append(-1)
                if t.text == ")" and resume is not None:
                    # "zu drei Jahren Haft (nicht rechtskräftig) verurteilt": the clause
                    # goes on after the parenthesis
                    seg, resume = resume, None
            else:
                self.segment.append(seg)
        self.actors_at = actors_at
        self.local_at = local_at  # "~words" of an unlinked participant at a token
        self.weak = weak or set()  # tokens whose participant is only "not a non-agent noun"
        self.persons = persons or set()  # tokens naming a person (linked or a PER entity)
        self._particles: dict[int, int | None] = {}
        self.weak_ids = {local_at[i] for i in self.weak}
        self.things: set[str] = set()  # weak participants whose noun names no people
        self._lemmas: list[str | None] = [None] * n
        self._words: set[str] | None = None
        self._nouns: list[str] = []
        self._correlates: dict[str, list[int]] | None = None

    def __len__(self) -> int:
        return len(self.toks)

    def lemma(self, i: int) -> str:
        cached = self._lemmas[i]
        if cached is not None:
            return cached
        t = self.toks[i]
        lemma = t.lemma.lower() or t.text.lower()
        if "ß" in lemma and t.tag in ("NN", "NE") and "ß" not in t.text and "ss" in t.text:
            # the lemmatiser writes nouns in the old spelling ("Prozess" → "prozeß",
            # "Beschuss" → "beschuß"); the lexicon and the text use the reformed one
            lemma = lemma.replace("ß", "ss")
        self._lemmas[i] = lemma
        return lemma

    def mentions(self, word: str) -> bool:
        """Could an idiom's word match some token: a lemma or form of the sentence, or the
        end of one of its nouns (a compound)? A quick test before the idiom's own match."""
        if self._words is None:
            self._words = {self.lemma(j) for j in range(len(self))} | {
                t.text.lower() for t in self.toks}
            self._nouns = [self.lemma(j) for j in range(len(self)) if self.toks[j].tag == "NN"]
        return word in self._words or (
            word in CORRELATE_PREPOSITIONS and word in self.correlates()) or (
            len(word) >= 4 and any(n.endswith(word) for n in self._nouns))

    def correlates(self) -> dict[str, list[int]]:
        """Pronominal adverbs that stand for a preposition's phrase the next clause spells out
        ("bestehen darauf, dass …", "sprach sich dafür aus, … zu vereinheitlichen"), by that
        preposition. Only before such a clause: a bare "dagegen" is mostly "on the other hand"."""
        if self._correlates is None:
            self._correlates = {}
            for j, t in enumerate(self.toks):
                if t.text[:2] not in ("da", "Da"):
                    continue  # the cheap test first: most sentences have none
                prep = _correlate_preposition(t.text)
                if prep is not None and self._clause_follows(j):
                    self._correlates.setdefault(prep, []).append(j)
        return self._correlates

    def _clause_follows(self, j: int) -> bool:
        """Does a comma after ``j`` open a dass/ob clause or a zu-infinitive?"""
        comma = next((k for k in range(j + 1, len(self.toks)) if self.toks[k].text == ","), None)
        if comma is None or comma + 1 >= len(self.toks):
            return False
        opener = self.toks[comma + 1].text.lower()
        if opener in CORRELATE_CONJUNCTIONS:
            return True
        if opener in ("um", "ohne", "statt", "anstatt"):
            return False  # "die darauf bestand, um ihre Position zu untermauern": a purpose
        for k in range(comma + 1, len(self.toks)):
            t = self.toks[k]
            if t.text in (",", ";", ":", ".", "!", "?"):
                return False
            if t.tag == "VVIZU" or (t.tag == "PTKZU" and k + 1 < len(self.toks)
                                    and self.toks[k + 1].tag.startswith("V")) or (
                    t.tag.startswith("VV") and infix_zu_infinitives(t.text.lower())):
                return True  # "beizubehalten", which the tagger may call VVINF
        return False

    def is_verb(self, i: int) -> bool:
        return self.toks[i].tag[:2] in ("VV", "VA", "VM")

    def particle(self, i: int) -> int | None:
        """The separable particle of verb ``i`` (``an`` of ``streben … an``), memoised."""
        if i not in self._particles:
            self._particles[i] = self._find_particle(i)
        return self._particles[i]

    def _find_particle(self, i: int) -> int | None:
        for c in self.children[i]:
            if self.toks[c].dep == "compound:prt" or self.toks[c].tag == "PTKVZ":
                return c
        if self.toks[i].tag == "VVFIN":  # parser missed it: the next PTKVZ of the clause
            for j in range(i + 1, len(self)):
                if self.segment[j] != self.segment[i]:
                    break
                if self.toks[j].tag == "PTKVZ":
                    return j
                if self.toks[j].tag == "VVFIN":
                    break
        return None

    def verb_lemmas(self, i: int) -> list[tuple[str, int | None]]:
        """Candidate lemmas of verb ``i``: with its particle first (``anstreben``), then bare."""
        out: list[tuple[str, int | None]] = []
        prt = self.particle(i)
        if prt is not None:
            out.append((self.lemma(prt) + self.lemma(i), prt))
        out.append((self.lemma(i), None))
        return out

    def guessed_lemmas(self, i: int) -> list[tuple[str, int | None]]:
        """Infinitives guessed from the form of verb ``i`` when the lemmatiser does not know
        the verb (``befreite`` → ``befreien``, ``lockerte`` → ``lockern``), particle first."""
        tok = self.toks[i]
        guesses = _guesses(tok.text.lower(), tok.tag, self.lemma(i))
        if not guesses or tok.tag in ("VVINF", "VVIZU"):
            return [(g, None) for g in guesses]
        prt = self.particle(i)
        out: list[tuple[str, int | None]] = []
        for inf in guesses:
            if prt is not None:
                out.append((self.lemma(prt) + inf, prt))
            out.append((inf, None))
        return out

    def full_lemma(self, i: int) -> str:
        return self.verb_lemmas(i)[0][0]

    def prep(self, i: int) -> str | None:
        """The preposition marking nominal ``i`` (``an`` for ``an Assad``), None when bare."""
        for c in self.children[i]:
            if c < i and self.toks[c].tag not in ("NN", "NE") and (
                    self.toks[c].dep == "case" or self.toks[c].tag in PREP_TAGS):
                # (a noun is no preposition: "Anfang Januar" parsed with "Anfang" as case)
                if self.lemma(c) == "vor" and c + 1 < len(self) and self.lemma(c + 1) == "alle":
                    continue  # "vor allem junge Tibeter": a focus particle, no preposition
                if any(d < c and self.toks[d].tag == "ART" and self.toks[d].dep == "det"
                       for d in self.children[i]):
                    continue  # "der als gemäßigt geltende Präsident": after the noun's
                    # determiner, the preposition opens an attribute inside its phrase
                return self.lemma(c)
        for c in self.children[i]:  # "am 10. Oktober" with "am" hung on the number
            if c < i and self.toks[c].tag in ("ADJA", "CARD"):
                for g in self.children[c]:
                    if g < c and self.toks[g].tag in PREP_TAGS and not any(
                            self.toks[k].tag in ("NN", "NE") for k in range(g + 1, i)):
                        return self.lemma(g)
        return None

    def complex(self, i: int) -> set[int]:
        """Verb ``i`` with its auxiliaries, modals and copula (arguments hang off any)."""
        out = {i}
        h = self.toks[i].head
        if (0 <= h < len(self) and h != i and self.toks[h].tag in ("VAFIN", "VMFIN")
                and self.toks[i].tag in ("VVPP", "VVINF")):  # auxiliary parsed as the head
            out.add(h)
        for c in self.children[i]:
            if self.toks[c].dep in ("aux", "aux:pass", "cop") or (
                self.toks[c].tag[:2] in ("VA", "VM") and self.toks[c].dep != "xcomp"
            ):
                out.add(c)
        if len(out) == 1 and self.toks[i].tag in ("VVPP", "VVINF"):
            # the parser hung a clause's finite auxiliary elsewhere ("erklärte, sie werde …
            # angreifen" with "werde" as the complement of "erklärte"): the only finite
            # auxiliary or modal of the clause segment before the non-finite verb is its own
            seg = [j for j in range(i) if self.segment[j] == self.segment[i]]
            finite = [j for j in seg if self.toks[j].tag in ("VAFIN", "VMFIN")]
            if len(finite) == 1 and not any(self.toks[j].tag in ("VVFIN", "VVPP", "VVINF")
                                            for j in seg):
                out.add(finite[0])
        return out

    def dependents(self, nodes: set[int]) -> list[int]:
        return sorted(j for n in nodes for j in self.children[n] if j not in nodes)

    def descendants(self, i: int, depth: int) -> set[int]:
        out: set[int] = set()
        frontier = [i]
        for _ in range(depth):
            frontier = [c for f in frontier for c in self.children[f]]
            out.update(frontier)
        return out

    def ancestors(self, i: int, limit: int = 4) -> list[int]:
        out: list[int] = []
        while len(out) < limit:
            h = self.toks[i].head
            if h == i or not 0 <= h < len(self) or h in out:
                break
            out.append(h)
            i = h
        return out


#: endings of finite verb forms, longest first (past before present: "lockerten", "lockert")
FINITE_ENDINGS = ("test", "tet", "ten", "te", "est", "st", "et", "en", "t", "e")


@lru_cache(maxsize=65536)
def _guesses(form: str, tag: str, lemma: str) -> tuple[str, ...]:
    """Regular infinitives of a verb form other than its lemma (memoised: forms repeat)."""
    if tag in ("VVINF", "VVIZU"):  # "zurückzuziehen" → "zurückziehen"
        return infix_zu_infinitives(form)
    stems = _verb_stems(form, tag)
    # only for a lemma built on the form's own stem, maybe wrongly ("befreiten",
    # "lockeren", "geentern" of "geentert"); an irregular one ("treffen" of "traf") is the
    # dictionary's
    if not any(lemma.startswith(stem) or lemma.startswith("ge" + stem) for stem in stems):
        return ()
    return tuple(inf for stem in stems for inf in (stem + "en", stem + "n") if inf != lemma)


def _verb_stems(form: str, tag: str) -> list[str]:
    """Stems a regular German verb form may have (``befreite``: ``befrei``; ``gelockert``:
    ``locker``); a participle loses its ``ge-`` prefix (after a particle: ``freigelassen``
    keeps the particle, which the caller adds)."""
    stems: list[str] = []
    if tag == "VVPP":
        body = form[2:] if form.startswith("ge") and len(form) > 5 else form
        bodies = [body]
        # a particle verb's participle written as one word: "ausgepeitscht" → "auspeitsch"
        bodies += [form[:k] + form[k + 2:] for k in range(2, len(form) - 5)
                   if form[k:k + 2] == "ge" and form[:k] in SEPARABLE_PARTICLES]
        for b in bodies:
            for end in ("t", "en"):
                if b.endswith(end):
                    stems.append(b[: -len(end)])
    elif tag in ("VVFIN", "VVIMP"):
        for end in FINITE_ENDINGS:
            if form.endswith(end) and len(form) - len(end) >= 3:
                stems.append(form[: -len(end)])
    return stems


# ------------------------------------------------------------------------------ findings
@dataclass
class Found:
    """One coded trigger before it becomes an :class:`Event` (indices, not offsets)."""

    entry: Trigger
    sent: int
    anchor: int
    tokens: list[int]
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    modality: str = "asserted"
    location: tuple[int, int] | None = None
    plover: str = ""
    cameo: str = ""
    mode: str = ""
    statement: int | None = None
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)


@dataclass
class Context:
    """What one article gives the rules."""

    article: Article
    lex: Lexicon
    sents: list[Sent]
    actors: dict[str, Actor]
    named: set[str] = field(default_factory=set)  # local keys of unlinked named entities
    sports_article: bool | None = None  # computed when a rule first asks (``_sports_article``)


def _actor_index(article: Article) -> list[tuple[int, int, str]]:
    spans = [(m.start, m.end, a.id) for a in article.actors for m in a.mentions
             if m.kind not in SKIP_MENTION_KINDS]
    spans += [(e.start, e.end, e.actor) for e in article.entities
              if e.actor and e.subtype != "part"]
    return sorted(set(spans))


NOMINALISING = frozenset({"ART", "PDAT", "PIAT", "PPOSAT", "CARD"})


def _retagged(tokens: list[Token]) -> list[Token]:
    """Two tagger errors corrected. Nominalised adjectives and participles read as nouns: the
    tagger often leaves "der 63-Jährige", "zwei Verletzte", "die beiden Entführten" as
    adjectives, and an adjective is no argument; a capitalised adjective after a determiner
    or number (capitalised only at the start of the sentence: "Der 23-Jährige wurde …") and
    before no noun is the head of its phrase. A separable verb's plain
    infinitive tagged as zu-infinitive ("wird die Demonstranten festnehmen" as VVIZU, which
    made the subject an object) is a plain infinitive unless an inner "zu" makes it one
    ("festzunehmen", "zurückzuziehen")."""
    out = list(tokens)
    for i, t in enumerate(tokens):
        if t.tag == "VVIZU" and "zu" not in t.text.lower()[2:]:
            out[i] = t.model_copy(update={"tag": "VVINF"})
    for i in range(1, len(tokens)):
        t = tokens[i]
        if t.tag not in ("ADJA", "ADJD"):
            continue  # the cheap test first: this runs on every token of every sentence
        nxt = tokens[i + 1].tag if i + 1 < len(tokens) else ""
        first = next((c for c in t.text if c.isalpha()), "")
        if (first.isupper()
                and tokens[i - 1].tag in NOMINALISING | {"ADJA"}
                and (tokens[i - 1].text[:1].islower() or i == 1)
                and nxt not in ("NN", "NE", "ADJA", "TRUNC")):
            out[i] = t.model_copy(update={"tag": "NN", "lemma": t.text})
    return out


def _verb_reading(tokens: list[Token], i: int, lex: Lexicon) -> str | None:
    """The lexicon verb a non-verb token is a form of (``erwägen``; ``lehnte`` with a
    later particle ``ab``: ``lehnen``), None when it is none."""
    form = tokens[i].text.lower()
    particles = [t.text.lower() for t in tokens[i + 1:] if t.tag == "PTKVZ"]
    known = lex.known_verbs
    for inf in (form, *_guesses(form, "VVFIN", form), *lex.strong_infinitives(form)):
        if inf in known or any(p + inf in known for p in particles):
            return inf  # (a strong past form by forms.tsv: "erhob" → "erheben")
    return None


def _repaired(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """Parse errors of the language model repaired before the rules read the tree, one
    function per error (each documented there); the input list is left as it is."""
    out = list(tokens)
    _unresolved_verb(out, lex)
    _verbless_root(tokens, out, lex)
    _genitive_name_on_verb(out)
    _dative_name_as_compound(out)
    _abbreviation_on_earlier_noun(out)
    return out


def _unresolved_verb(out: list[Token], lex: Lexicon) -> None:
    """A verb the lemmatiser left as its own form ("vorgegangen", "nannten", "ausgepeitschen"
    for "ausgepeitscht") gets the infinitive of the strong forms (``forms.tsv``) or of the
    regular pattern when that is a verb the rules read (a trigger, an idiom's anchor, a cue),
    so idioms anchored on it ("gegen … vorgehen") and verdicts ("nannten ihn einen
    Terroristen") find it too."""
    for i, t in enumerate(out):
        if t.tag not in ("VVPP", "VVFIN") or t.lemma in lex.known_verbs \
                or t.lemma in lex.idioms:
            continue
        form = t.text.lower()
        for inf in (*lex.strong_infinitives(form), *_guesses(form, t.tag, t.lemma)):
            if inf in lex.known_verbs or inf in lex.idioms:
                out[i] = t.model_copy(update={"lemma": inf})
                break


def _verbless_root(tokens: list[Token], out: list[Token], lex: Lexicon) -> None:
    """A sentence without any verb whose finite verb the tagger read as an adverb or an
    adjective ("Die USA und Russland erwägen offenbar …" with "erwägen" as ADV, "Das lehnte
    Putin jedoch ab" with "lehnte" as an adjective of "Putin"): the lowercase word that is a
    form of a lexicon verb, at the root, right before a name or right after the subject
    ("Die Bürger sammelten Unterschriften" with "sammelten" as the noun's adjective), becomes
    the finite verb and the root; the old root's dependents move to it (after the subject:
    those after the verb)."""
    n = len(out)
    if any(t.tag[:1] == "V" for t in out):
        return
    for i, t in enumerate(out):
        if not t.text[:1].islower() or t.tag not in ("ADV", "ADJD", "ADJA"):
            continue
        before_name = t.head == i + 1 < n and out[i + 1].tag in ("NE", "PPER")
        # "Die Staatsanwaltschaft erhob Anklage", "Die Bürger sammelten Unterschriften": a
        # word between the subject and a noun, read as that noun's adjective
        after_subject = t.tag == "ADJA" and 0 < i < n - 1 and out[i - 1].tag in (
            "NN", "NE") and out[i + 1].tag in ("NN", "ART", "PPOSAT") and t.head > i
        inf = _verb_reading(out, i, lex) if t.head == i or before_name or after_subject \
            else None
        if inf is None:
            continue
        old = next((k for k, o in enumerate(out) if o.head == k), i)
        for k, o in enumerate(out):
            if k == i or (o.head != old and k != old):
                continue
            if after_subject and k != old and k < i:
                continue  # "Die Hinrichtung von zwei Oppositionellen … löste": the subject's
                # own phrases stay with it; only what follows the verb moves to it
            dep = o.dep
            if k == old:  # "Abhisit" as the root: the subject, else an adverb
                dep = "nsubj" if o.tag in ("NE", "NN", "PPER") else "advmod"
            if o.tag == "PTKVZ":
                dep = "compound:prt"
            out[k] = o.model_copy(update={"head": i, "dep": dep})
        for k in range(i):  # "Das" read as the article of the name after the verb: a
            if out[k].tag == "ART" and tokens[k].head > i:  # demonstrative object
                out[k] = out[k].model_copy(update={"tag": "PDS", "pos": "PRON", "head": i,
                                                   "dep": "obj"})
        out[i] = t.model_copy(update={"tag": "VVFIN", "pos": "VERB", "lemma": inf,
                                      "head": i, "dep": "ROOT"})
        last = max((k for k in range(i + 1, n) if out[k].tag[:1] != "$"), default=None)
        prt = next((k for k in range(i + 1, n) if out[k].tag == "PTKVZ"), None)
        if prt is None and last is not None and out[last].tag == "APPR" \
                and out[last].text.lower() in SEPARABLE_PARTICLES:
            prt = last  # a clause-final "an" read as a preposition
        if prt is not None:  # "Passanten feuern Täter … an": the verb's own particle
            out[prt] = out[prt].model_copy(update={"head": i, "dep": "compound:prt",
                                                   "tag": "PTKVZ"})
        return


def _genitive_name_on_verb(out: list[Token]) -> None:
    """A genitive name after a noun hung on the verb ("Zweifel an den Absichten Russlands"
    with "Russlands" as object): the noun's attribute."""
    for j in range(1, len(out)):
        t, prev = out[j], out[j - 1]
        if (t.tag == "NE" and "Case=Gen" in t.morph and t.text.endswith("s")
                and prev.tag == "NN" and t.head != j - 1
                and t.dep in ("obj", "iobj", "nsubj", "obl")
                and not any(o.head == j and o.tag in PREP_TAGS for o in out)):
            out[j] = t.model_copy(update={"head": j - 1, "dep": "nmod"})


def _dative_name_as_compound(out: list[Token]) -> None:
    """A dative name read as the first part of a compound with the next noun ("der Ukraine
    Waffen liefern"): the verb's indirect object, with its article."""
    for j in range(1, len(out) - 1):
        t = out[j]
        h = t.head
        if (t.tag == "NE" and t.dep == "compound" and h == j + 1 and "Case=Dat" in t.morph
                and out[h].tag == "NN" and out[h].dep == "obj"
                and out[out[h].head].tag[:2] == "VV" and out[j - 1].tag == "ART"
                and out[j - 1].head == h):
            out[j] = t.model_copy(update={"head": out[h].head, "dep": "iobj"})
            out[j - 1] = out[j - 1].model_copy(update={"head": j})


def _abbreviation_on_earlier_noun(out: list[Token]) -> None:
    """An abbreviation in parentheses hung on an earlier noun ("ein Vorgehen gegen die
    Terrormiliz Islamischer Staat (IS)" with "IS" the apposition of "Vorgehen"): the
    apposition of the name right before it."""
    for j in range(2, len(out) - 1):
        t = out[j]
        k = j - 2
        if not (t.dep == "appos" and out[j - 1].text == "(" and out[j + 1].text == ")"
                and out[k].tag in ("NN", "NE")):
            continue
        while out[k].dep in ("flat", "flat:name") and out[k].head < k:
            k = out[k].head
        if t.head < k:
            out[j] = t.model_copy(update={"head": k})


def _without_event_noun(ent: Entity, tokens: list[Token], lex: Lexicon) -> Entity:
    """An organisation's name that swallowed the event noun after it ("die Frankfurter
    Staatsanwaltschaft Anklage" for "erhob die Frankfurter Staatsanwaltschaft Anklage"):
    the name without it, so the noun stays a trigger and not part of a participant."""
    inside = [t for t in tokens if ent.start <= t.start < ent.end]
    if len(inside) < 2 or inside[-1].tag != "NN" or not lex.noun_entries(
            (inside[-1].lemma or inside[-1].text).lower()):
        return ent
    end = inside[-2].end
    return ent.model_copy(update={"end": end, "text": ent.text[: end - ent.start]})


def _sents(article: Article, lex: Lexicon) -> list[Sent]:
    index = _actor_index(article)
    person_ids = {a.id for a in article.actors if a.type == "person"}
    person_spans = [(e.start, e.end) for e in article.entities if e.label == "PER"]
    unlinked = [e for e in article.entities
                if not e.actor and e.label in ("PER", "ORG") and e.subtype is None]
    out: list[Sent] = []
    for si, s in enumerate(article.sentences):
        here = [m for m in index if m[0] < s.end and s.start < m[1]]
        tokens = _repaired(_retagged(s.tokens), lex)
        ents = [_without_event_noun(e, tokens, lex) for e in unlinked
                if e.start < s.end and s.start < e.end]
        pers = [(b, e) for b, e in person_spans if b < s.end and s.start < e]
        at: list[list[str]] = []
        local_at: list[str | None] = []
        weak: set[int] = set()
        persons: set[int] = set()
        things: set[str] = set()
        for t in tokens:
            ids: list[str] = []
            for start, end, aid in here:
                if start < t.end and t.start < end and aid not in ids:
                    ids.append(aid)
            if ids and not person_ids.isdisjoint(ids):
                persons.add(len(at))
            at.append(ids)
            local: str | None = None
            if not ids:
                ent = next((e for e in ents if e.start <= t.start < e.end), None)
                if ent is not None:
                    local = LOCAL + ent.text
                elif t.tag == "NN" and lex.is_participant(t.lemma or t.text):
                    local = LOCAL + t.text
                    if not lex.is_agent(t.lemma or t.text):
                        weak.add(len(local_at))
                        if not lex.names_people(t.lemma or t.text, t.text):
                            things.add(local)
                elif t.tag == "PPER" and t.text.lower() in PERSONAL_PRONOUNS:
                    local = LOCAL + t.text  # a pronoun the actor layer could not resolve
                elif t.tag in ("PIS", "PDS") and t.lemma.lower() in GROUP_PRONOUNS:
                    local = LOCAL + t.text  # "die beiden", "Andere", "Diese"
            local_at.append(local)
        persons.update(k for b, e in pers for k, t in enumerate(s.tokens) if b <= t.start < e)
        sent = Sent(si, s, tokens, at, local_at, weak, persons)
        sent.things = things
        out.append(sent)
    return out


# ------------------------------------------------------------------------------ triggers
def _idiom_window(s: Sent, i: int) -> set[int]:
    """Where an idiom anchored at ``i`` may find its other words: the anchor's clause segment
    and the phrases below it."""
    window = {j for j in range(len(s)) if s.segment[j] == s.segment[i]} | s.descendants(i, 2)
    window.discard(i)
    return window


def _idiom_match(s: Sent, i: int, entry: Trigger, used: set[int],
                 window: set[int]) -> list[int] | None:
    """For each of the idiom's other words the nearest unused token of ``window``
    (:func:`_idiom_window`) that gives it; None when one is missing."""
    matched: list[int] = []
    for word in entry.words[:-1]:
        hits = [j for j in sorted(window) if j not in used and j not in matched
                and s.toks[j].tag != "PTKZU"  # "zu verurteilen" needs the preposition
                and (s.lemma(j) == word or s.toks[j].text.lower() == word
                     or j in s.correlates().get(word, ())  # "darauf bestehen, dass"
                     # a compound of the idiom's noun: "sein Landtagsmandat niederlegen"
                     or (s.toks[j].tag == "NN" and len(word) >= 4
                         and len(s.lemma(j)) > len(word) + 2 and s.lemma(j).endswith(word)
                         # "-schaft" is a suffix, not a compound of "Haft": Staatsanwaltschaft
                         and not s.lemma(j).endswith("sc" + word)))]
        if not hits:
            return None
        matched.append(min(hits, key=lambda j: abs(j - i)))
    return matched


def find_triggers(s: Sent, lex: Lexicon) -> list[tuple[Trigger, int, list[int]]]:
    """(entry, anchor token, trigger tokens) for every trigger of a sentence; idioms first,
    and a token used by an idiom starts no other trigger."""
    found: list[tuple[Trigger, int, list[int]]] = []
    used: set[int] = set()
    idioms = lex.idioms
    for i in range(len(s)):
        verb = s.is_verb(i)
        if not verb:  # the common case first: no idiom is anchored on this word
            if s.lemma(i) not in idioms:
                continue
            names = [s.lemma(i)]
        else:
            names = [s.lemma(i)] + [lm for lm, _ in s.verb_lemmas(i)]
            if not any(name in idioms for name in names):
                continue
        if s.toks[i].tag.startswith("VA") and s.toks[i].dep in ("aux", "aux:pass") \
                and not s.children[i]:
            continue  # "hatte … in seine Gewalt gebracht": an auxiliary, not "Gewalt haben"
            # (one with phrases of its own is a verb the parser misattached: "… und seine
            # Familie in der Gewalt habe")
        if verb and any(s.toks[c].dep == "compound:prt" and s.toks[c].tag == "PTKVZ"
                        for c in s.children[i]):
            # a particle verb the parse marks is its own verb: "stimmte dem Antrag gegen die
            # Stimmen … zu" is "zustimmen", not the idiom "gegen stimmen" on a bare "stimmen"
            names = [lm for lm, prt in s.verb_lemmas(i) if prt is not None] or names
        for name in dict.fromkeys(names):
            # of the matching idioms the longest, then the one whose words belong to the
            # anchor's own phrases, then the nearest ("sprachen sich gegen Quoten für die
            # Bezirke aus": against; "für ein Zusammenrücken im Kampf gegen den Terror
            # ausgesprochen": for)
            best: tuple[tuple[int, int, int], Trigger, list[int]] | None = None
            window: set[int] | None = None
            for entry in idioms.get(name, ()):
                if "verb" in entry.flags and not verb:
                    continue  # "gegen X vorgehen", not the noun: "ein Vorgehen gegen X"
                if not all(s.mentions(word) for word in entry.words[:-1]):
                    continue
                if window is None:
                    window = _idiom_window(s, i)
                others = _idiom_match(s, i, entry, used, window)
                if others is not None:
                    loose = sum(i not in (s.toks[j].head, s.toks[s.toks[j].head].head)
                                for j in others)
                    key = (-len(entry.words), loose, sum(abs(j - i) for j in others))
                    if best is None or key < best[0]:
                        best = (key, entry, others)
            if best is None:
                continue
            entry, others = best[1], best[2]
            prt = s.particle(i) if verb else None
            toks = sorted({i, *others, *([prt] if prt is not None else [])})
            found.append((entry, i, toks))
            used.update(toks)
            break
    for i in range(len(s)):
        if i in used:
            continue
        tag = s.toks[i].tag
        if tag.startswith("VV"):
            cands = s.verb_lemmas(i)
            if len(cands) > 1 and cands[0][0] in lex.plain_verbs:
                # a particle verb of its own that is no event: "räumt … ein" is not
                # "räumen", "kündigten … an" not "kündigen", "feuerten … an" not "feuern"
                cands = cands[:1]
            if not any(name in lex.verbs for name, _ in cands):
                # the old spelling ("mißhandelten", "gefaßt"): the reformed "ss" form; Swiss
                # spelling ("hiessen … gut", "schiessen"): the "ß" form
                cands = [(name.replace("ß", "ss"), p) for name, p in cands if "ß" in name] \
                    or [(name.replace("ss", "ß"), p) for name, p in cands
                        if "ss" in name and name.replace("ss", "ß") in lex.verbs] or cands
            if not any(name in lex.verbs for name, _ in cands):
                cands = s.guessed_lemmas(i)  # only for an unknown verb form
                if not any(name in lex.verbs for name, _ in cands):  # a strong past form
                    prt = s.particle(i)  # ("erschoss", "brachen … ab"): forms.tsv
                    form = s.toks[i].text.lower()
                    cands = [(pre + inf, p) for inf in lex.strong_infinitives(form) or (
                        lex.strong_infinitives(form.replace("ss", "ß"))  # Swiss "liess"
                        if "ss" in form else ()) for pre, p in (
                            ([(s.lemma(prt), prt)] if prt is not None else []) + [("", None)])]
            for name, prt in cands:
                entries = lex.verbs.get(name)
                if entries:
                    toks = sorted({i, *([prt] if prt is not None else [])})
                    found.append((entries[0], i, toks))
                    break
        elif tag == "NN":
            # a plural with an entry of its own: "Kämpfe" (fighting), not "Kampf" (struggle)
            form = s.toks[i].text.lower()
            entries = (lex.nouns.get(form) if form != s.lemma(i) else None) \
                or lex.noun_entries(s.lemma(i))  # also "Mißhandlung", Swiss "Schiesserei"
            if not entries and form == s.lemma(i).lower():  # a plural the lemmatiser left
                for end in PLURAL_ENDINGS:  # ("Rüstungsexporte")
                    if form.endswith(end) and len(form) > len(end) + 3:
                        entries = lex.noun_entries(form[:-len(end)])
                        if entries:
                            break
            if entries:
                found.append((entries[0], i, [i]))
    for i in range(len(s)):  # a reported verdict: "… sei unecht", "sei eine Verletzung"
        if i not in used and s.toks[i].tag in ("ADJD", "NN") \
                and lex.judgements.get(s.lemma(i)) == "neg" and _reported_copula(s, i):
            found.append((VERDICT, i, [i]))
    return sorted(found, key=lambda f: f[1])


def _reported_copula(s: Sent, i: int) -> bool:
    """Is ``i`` the predicate of ``sein`` in Konjunktiv (what someone is reported to judge)?"""
    return any(s.toks[c].dep == "cop" and s.lemma(c) == "sein" and "Mood=Sub" in s.toks[c].morph
               for c in s.children[i])


# ------------------------------------------------------------------------------ arguments
def actors_of(s: Sent, h: int, depth: int = 0, seen: set[int] | None = None) -> list[str]:
    """Actors a phrase headed by ``h`` names: the head's own mention, its name parts and
    appositions, coordinated heads (compound actors), and, for a head that is no actor
    (``Absichten Russlands``, ``russische Waffenlieferungen``), its genitive or adjective."""
    seen = seen if seen is not None else set()
    if h in seen or depth > 3:
        return []
    seen.add(h)
    ids = list(s.actors_at[h])
    tok = s.toks[h]
    if tok.tag == "PRELS" and not ids:  # relative pronoun: the noun before the comma
        for j in range(h - 1, max(-1, h - 4), -1):
            if s.actors_at[j]:
                ids.extend(s.actors_at[j])
                break
        else:  # an unlinked participant the clause hangs on: "Drei Asylbewerber, die …
            # festgenommen worden waren"
            clause = next((v for v in [h, *s.ancestors(h, 4)]
                           if s.toks[v].dep in ("acl", "acl:relcl")), None)
            if clause is not None and 0 <= s.toks[clause].head < h:
                ids.extend(actors_of(s, s.toks[clause].head, depth + 1, seen))
    named: list[str] = []
    for c in s.children[h]:
        if s.toks[c].dep in NAME_DEPS:
            named += actors_of(s, c, depth + 1, seen)
    linked = [a for a in named if not a.startswith(LOCAL)]
    local = s.local_at[h]
    if not ids and not named and local and h not in s.persons:
        named = _appositive_person(s, h, depth, seen)
    if ids or linked:  # "Außenminister Kerry": the linked name, not the role noun
        ids += linked
    else:
        ids += named or ([local] if local else [])
    for c in s.children[h]:
        if s.toks[c].dep == "conj" and not s.is_verb(c):
            ids += actors_of(s, c, depth + 1, seen)
    weak = ids == [local] and h in s.weak
    if not ids or weak:  # "das Vorgehen der Regierung": the linked genitive, not the noun
        owners: list[str] = []
        for c in s.children[h]:
            dep = s.toks[c].dep
            prep = s.prep(c)
            if (dep in GEN_DEPS and prep is None) or (prep in AGENT_PREPS and depth == 0):
                owners += actors_of(s, c, depth + 1, seen)
        if not weak:
            ids = owners
        elif any(not a.startswith(LOCAL) for a in owners):
            ids = [a for a in owners if not a.startswith(LOCAL)]
    return list(dict.fromkeys(ids))


def _appositive_person(s: Sent, h: int, depth: int, seen: set[int]) -> list[str]:
    """The name of a role noun the parser hung on the noun's genitive ("Die Haushaltspolitikerin
    der Grünen, Anja Hajduk, kritisierte": appos of "Grünen"): a person's name set off by a
    comma in the role noun's genitive chain, when that genitive is no person itself."""
    frontier = [h]
    for _ in range(2):
        frontier = [c for f in frontier for c in s.children[f]
                    if s.toks[c].dep == "nmod" and c > h and c not in s.persons]
        for n in frontier:
            for c in s.children[n]:
                if (s.toks[c].dep == "appos" and c in s.persons and c > n
                        and s.toks[c - 1].text == ","):
                    return actors_of(s, c, depth + 1, seen)
    return []


@dataclass
class Args:
    """The argument heads of one predicate, by slot."""

    subj: list[int] = field(default_factory=list)
    obj: list[int] = field(default_factory=list)
    pps: dict[str, list[int]] = field(default_factory=dict)
    passive: bool = False


def verb_args(s: Sent, v: int, exclude: int | None = None) -> Args:
    comp = s.complex(v)
    args = Args()
    subj_cands: list[int] = []
    deps = s.dependents(comp)
    lifted, cop_aux = _copular_misreading(s, comp, deps)
    h = s.toks[v].head
    as_subject: set[int] = set()
    if s.toks[v].dep == "cop" and 0 <= h < v and s.toks[h].tag in ("NN", "NE", "PPER"):
        # a copula whose subject the parser made the predicate ("Tausende Polizisten waren
        # … im Einsatz" with "Polizisten" as head of "waren"): the noun's subject if it has
        # one, else the noun before the copula itself
        own = [c for c in s.children[h] if s.toks[c].dep in SUBJ_DEPS and c != v]
        lifted += own or [h]
        as_subject = set(own or [h])
    elif s.toks[v].dep == "cop" and v < h < len(s) and s.toks[h].tag == "NN" \
            and s.prep(h) is not None:
        # a copula before its prepositional predicate ("Rund 500 Polizisten waren im
        # Einsatz" with "Polizisten" hung on "Einsatz"): the bare noun before the copula
        own = [c for c in s.children[h] if c < v and s.prep(c) is None
               and s.toks[c].tag in ("NN", "NE", "PPER", "PIS")]
        lifted += own[:1]
        as_subject = set(own[:1])
    for j in sorted(deps + lifted):
        t = s.toks[j]
        # (a rare first name the tagger calls XY, "Sadiq Khan", heads its name all the same)
        if (t.tag not in NOMINAL_TAGS and not (t.tag == "XY" and s.actors_at[j])) or (
                j == exclude):
            continue
        prep = s.prep(j)
        if prep:
            args.pps.setdefault(prep, []).append(j)
        elif t.dep in SUBJ_DEPS or j in as_subject:
            subj_cands.append(j)
        elif t.dep in ("obj", "iobj", "obl:arg", "obl", "nmod", "dep", "expl"):
            args.obj.append(j)
    # word order: German fronts objects ("Ihren Widersacher Corbyn forderte May auf", "Das
    # lehnte Abhisit ab", "Die Arbeit der Koalition lobte er"); the small parser then takes
    # the first noun phrase for the subject. Case and the pronoun's form correct it.
    oblique = [j for j in subj_cands if _oblique(s, j)]
    if oblique:
        subj_cands = [j for j in subj_cands if j not in oblique]
        if not subj_cands:  # the other bare noun phrase whose form may be nominative
            subj_cands = [j for j in args.obj if s.toks[j].tag in ("NN", "NE")
                          and not _oblique(s, j) and actors_of(s, j)][:1]
            args.obj = [j for j in args.obj if j not in subj_cands]
        args.obj += oblique
    # a nominative-only pronoun is the subject whether parsed as object or as a second
    # subject ("Die Arbeit der Regierung lobte er")
    pron = [o for o in args.obj + subj_cands if s.toks[o].tag == "PPER"
            and s.toks[o].text.lower() in NOMINATIVE_PRONOUNS]
    if pron and pron[0] in subj_cands and len(subj_cands) > 1:
        args.obj = sorted(args.obj + [j for j in subj_cands if j != pron[0]])
        subj_cands = pron[:1]
    elif pron and subj_cands and all(s.toks[j].tag != "PPER" for j in subj_cands):
        args.obj = [o for o in args.obj if o != pron[0]] + subj_cands
        subj_cands = pron[:1]
    if subj_cands and all(s.toks[j].tag == "PDS" and not actors_of(s, j) for j in subj_cands):
        nom = [o for o in args.obj if s.toks[o].tag in ("NE", "NN")
               and "Case=Nom" in s.toks[o].morph and _strong(s, actors_of(s, o))]
        if nom:  # "Das lehnte Abhisit ab": the named actor, not the demonstrative
            args.obj = [o for o in args.obj if o != nom[0]] + subj_cands
            subj_cands = nom[:1]
    if len(subj_cands) > 1:  # "Mehrere Frauen soll der Angeklagte bedroht haben": of
        # several parsed subjects the finite verb agrees in number with the real one
        number = _finite_number(s, v)
        agree = [j for j in subj_cands if number is None or _agrees(s, j, number)]
        if agree and len(agree) < len(subj_cands):
            args.obj = sorted(args.obj + [j for j in subj_cands if j not in agree])
            subj_cands = agree
    if subj_cands:  # the parser gives several "subjects": the first with an actor wins,
        # one that is more than a noun that is merely no non-agent before one that is not
        # ("Die Absicht …, unterstütze die SPD")
        with_actor = [j for j in subj_cands if actors_of(s, j)] or subj_cands
        first = with_actor[0]
        if all(a in s.weak_ids for a in actors_of(s, first)):
            first = next((j for j in with_actor if _strong(s, actors_of(s, j))), first)
        args.subj = [first]
        args.obj = sorted(args.obj + [j for j in subj_cands if j != first])
    # a demonstrative that names no actor ("haben dies die Staaten … vereinbart", parsed
    # either as object or as subject) is no subject the rules can use: as without one
    bare = bool(args.subj) and all(s.toks[j].tag == "PDS" and not actors_of(s, j)
                                   for j in args.subj)
    h = s.toks[v].head
    if (args.subj and s.toks[v].dep == "conj" and 0 <= h < v and s.toks[h].tag.startswith("VV")
            and s.toks[v].tag == "VVFIN" and args.subj[0] > v and comp == {v}
            and _accusative(s, args.subj[0]) and verb_args(s, h).subj):
        # "trat die Diebin um sich und verletzte die Angestellte": a second finite verb
        # without a clause of its own shares the first one's subject; the accusative noun
        # phrase after it is its object ("…, auch das Parlament hatte … verlangt" keeps its own)
        args.obj = sorted(args.obj + args.subj)
        args.subj = []
    shared = (not args.subj and s.toks[v].dep == "conj" and 0 <= h < v
              and s.toks[h].tag.startswith("VV") and not _is_zu_infinitive(s, v))
    if shared and verb_args(s, h).subj:
        pass  # "Demonstranten legten Feuer und warfen Steine": the coordinated verb shares
        # its first conjunct's subject (see _subject_actors), its object is no subject
    elif (not args.subj or bare) and s.toks[v].tag in ("VVFIN", "VVPP", "VVINF"):
        # no subject in the parse ("beschwerten sich einige Abgeordnete" with the subject as
        # "obj"): the first nominative object that names an actor
        nom = [j for j in args.obj if "Case=Nom" in s.toks[j].morph
               and s.toks[j].tag != "PRF" and actors_of(s, j)]
        if nom:
            args.obj = sorted([j for j in args.obj if j != nom[0]] + args.subj)
            args.subj = nom[:1]
    if _is_zu_infinitive(s, v):  # a zu-infinitive has no overt subject: the parser's
        args.obj = sorted(args.obj + args.subj)  # "subject" is an object ("Frauen … anzugreifen")
        args.subj = []
    auxes = [c for c in comp if c != v and s.toks[c].tag[:2] in ("VA", "VM")] + cop_aux
    args.passive = s.toks[v].tag == "VVPP" and (
        # "wird/werde/würde … untersucht", "soll … getötet worden sein"; not the future
        # perfect "wird … getötet haben"
        any(s.lemma(c) == "werden" and s.toks[c].tag == "VAPP" for c in auxes)
        or (any(s.lemma(c) == "werden" for c in auxes)
            and not any(s.toks[c].tag == "VAINF" and s.lemma(c) in ("haben", "sein")
                        for c in auxes))
        # coordinated participles share the passive auxiliary: "seien Feuer gelegt und
        # Schaufenster eingeworfen worden"
        or any(s.toks[p].tag == "VVPP" and any(
            s.lemma(c) == "werden" and s.toks[c].dep == "aux:pass" for c in s.children[p])
            for p in _conjuncts(s, v))
        # a headline participle without auxiliary: "Deutschland von EU-Kommission verklagt"
        or (not auxes and s.toks[v].dep == "ROOT" and any(p in args.pps for p in AGENT_PREPS)
            # not when a finite verb makes it a clause ("ist … von allen Ämtern
            # zurückgetreten"), unless that verb is a passive "werden" hung elsewhere
            and all(t.tag not in ("VAFIN", "VMFIN", "VVFIN") or t.dep == "aux:pass"
                    for t in s.toks)))
    if args.passive:
        args.obj = args.subj + args.obj
        args.subj = [j for p in AGENT_PREPS for j in args.pps.get(p, [])]
        # an agent the parser labels without its preposition ("vom" tagged as punctuation)
        # belongs to the verb's clause, not to a phrase set off by a comma ("…, der
        # Geburtsstadt des ehemaligen libyschen Herrschers")
        args.subj += [j for j in s.dependents(comp) if s.toks[j].dep == "obl:agent"
                      and j not in args.subj and (s.prep(j) is not None
                                                  or s.segment[j] == s.segment[v])]
        if not args.subj:  # "von serbischen Sicherheitskräften gefunden und verhaftet": the
            # agent before coordinated participles belongs to both (the parse hangs it on one)
            args.subj = [j for p in _conjuncts(s, v) if s.toks[p].tag == "VVPP" and p < v
                         for j in s.children[p] if j < p and s.toks[j].tag in NOMINAL_TAGS
                         and s.prep(j) in AGENT_PREPS]
        if not args.subj:  # the agent phrase hung on the patient or object ("wird … das
            # Besuchsrecht von den US-Behörden verweigert", "Zivilpersonen durch
            # NATO-Angriffe getötet"); "von" under a participant is its owner ("der Sohn
            # von Gaddafi wurde getötet"), "durch" never is
            args.subj = [c for j in args.obj if s.prep(j) is None
                         for c in s.children[j] if c > j and s.toks[c].tag in NOMINAL_TAGS
                         and (s.prep(c) == "durch"
                              or (s.prep(c) == "von" and not actors_of(s, j)))]
    elif not args.subj and s.toks[v].tag == "VVINF" and s.toks[v].dep == "xcomp" \
            and 0 <= h < len(s) and s.lemma(h) == "lassen" \
            and not any(s.toks[c].tag == "PRF" for c in s.children[h]):
        # "Saddam Hussein ließ 148 Schiiten hinrichten": who has it done is its source;
        # not "ließ sich festnehmen", whose subject suffered the act
        args.subj = [c for c in s.children[h] if s.toks[c].dep in SUBJ_DEPS]
    return args


def _headline_passive(s: Sent, v: int, args: Args, entry: Trigger) -> bool:
    """Is ``v`` the bare participle of a headline ("Angreifer festgenommen") of a verb whose
    frame takes an object: no finite verb and no auxiliary in the sentence, no agent phrase
    (that case is a passive already: see verb_args)?"""
    return (s.toks[v].tag == "VVPP" and s.toks[v].dep == "ROOT" and not args.passive
            and any(slot.startswith("obj") for slot in entry.frame.target)
            and not any(t.tag in ("VAFIN", "VMFIN", "VVFIN", "VAINF", "VMINF", "VAPP")
                        for t in s.toks))


def _copular_misreading(s: Sent, comp: set[int], deps: list[int]) -> tuple[list[int], list[int]]:
    """Arguments the parser hung on a noun of the verb's clause as if it were a copular
    predicate ("Ihr Freund wurde von der Polizei noch am Tatort, dem …, festgenommen":
    "wurde" the copula of "Tatort", "Freund" its subject, "von der Polizei" its attribute;
    "ist gestern Abend … zurückgetreten" with the Spitzenkandidat the subject of "Abend").
    A noun has no subject of its own outside a copular clause, so its subject is the verb's,
    and no object at all ("kritisierte in diesem Zusammenhang auch die Europäische Kommission"
    with the Kommission as object of "Zusammenhang"); when the noun has a finite copula and
    the verb no finite form, that copula is the verb's auxiliary and the noun's agent phrase
    (``von``/``durch``) the verb's. Returns the lifted nominals and the auxiliaries."""
    finite_own = any(s.toks[c].tag in ("VAFIN", "VMFIN", "VVFIN") for c in comp)
    lifted: list[int] = []
    cops: list[int] = []
    for j in deps:
        if s.toks[j].tag not in ("NN", "NE"):
            continue
        cop = [] if finite_own else [c for c in s.children[j] if s.toks[c].dep == "cop"
                                     and s.toks[c].tag == "VAFIN"]
        for c in s.children[j]:
            if c in comp or s.toks[c].tag not in NOMINAL_TAGS:
                continue
            if s.toks[c].dep in SUBJ_DEPS or (cop and s.prep(c) in AGENT_PREPS) or (
                    s.toks[c].dep in ("obj", "iobj") and s.prep(c) is None):
                lifted.append(c)
        cops += cop
    return lifted, cops


def _finite_number(s: Sent, v: int) -> str | None:
    """Number of the finite verb of ``v``'s clause (``v`` or one of its auxiliaries) by its
    form, not the tagger's guess: a third person plural ends in "-en" or is "sind"; a
    singular in "-t", "-te" or is a modal or strong form without "-en" ("soll", "nahm")."""
    for k in [v, *s.children[v]]:
        t = s.toks[k]
        if t.tag.endswith("FIN") and (k == v or t.dep.startswith("aux")):
            form = t.text.lower()
            return "Plur" if form.endswith("en") or form == "sind" else "Sing"
    return None


def _agrees(s: Sent, j: int, number: str) -> bool:
    """Can noun phrase ``j`` be the subject of a finite verb in ``number``? Only plain cases
    disagree: a coordination of two parties, a number or a plural quantifier ("Mehrere
    Frauen") with a singular verb; an indefinite article or "er"/"es" with a plural one.
    The tagger's number of nouns is too often wrong to use ("Historiker")."""
    text = s.toks[j].text.lower()
    kids = s.children[j]
    if number == "Sing":
        def named(k: int) -> set[str]:  # the token's own party, not its conjuncts'
            local = s.local_at[k]
            return set(s.actors_at[k]) | ({local} if local else set())

        own = named(j)
        return not (any(s.toks[c].dep == "conj" and own.isdisjoint(named(c))
                        # "Vizekanzler und Parteichef Reinhold Mitterlehner": one person
                        and not (c + 1 < len(s) and s.toks[c + 1].tag == "NE")
                        for c in kids) or any(
            s.toks[c].text.lower() in PLURAL_QUANTIFIERS
            or (s.toks[c].tag == "CARD" and s.toks[c].text not in ("1", "ein", "eins"))
            for c in kids if c < j))
    return not (text in ("er", "es") or any(
        s.toks[c].dep == "det" and s.toks[c].text.lower() in ("ein", "eine", "einer")
        for c in kids))


def _oblique(s: Sent, j: int) -> bool:
    """Is a parsed subject in fact an object: its article or possessive is accusative or
    dative ("Ihren Widersacher", "den Beschluss"), or a name right after a noun of a
    prepositional phrase ("Für den Ex-Sportdirektor Moggi fordert der Richter")?"""
    for c in s.children[j]:
        if s.toks[c].dep in ("det", "det:poss") and s.toks[c].tag in ("ART", "PPOSAT"):
            # by the form, not the tagger's case ("die" and "das" may be either)
            form = s.toks[c].text.lower()
            return form in OBLIQUE_ARTICLES or (
                s.toks[c].tag == "PPOSAT" and form.endswith(("en", "em")))
    if s.toks[j].tag == "PPER" and s.toks[j].text.lower() in OBLIQUE_PRONOUNS:
        return True  # "sprachen ihn die Geschworenen frei"
    prev = j - 1
    return (s.toks[j].tag == "NE" and prev >= 0 and s.toks[prev].tag in ("NN", "NE")
            and s.prep(prev) is not None)


def _state_passive(s: Sent, v: int, args: Args) -> bool:
    """Is participle ``v`` a state with ``sein`` ("ist bewaffnet", "sei bewaffnet"), not a
    passive with ``werden`` or a perfect, and without an agent? (For transitive verbs only:
    their perfect takes ``haben``, so ``sein`` makes a state and its subject the patient.)"""
    if s.toks[v].tag != "VVPP" or args.passive or any(p in args.pps for p in AGENT_PREPS):
        return False
    lemmas = {s.lemma(c) for c in s.complex(v) | set(s.children[v])
              if s.toks[c].tag.startswith("VA")}
    return "sein" in lemmas and "werden" not in lemmas


def _accusative(s: Sent, j: int) -> bool:
    """Do the morphologizer's cases of a noun and of its article both say accusative only?"""
    dets = [c for c in s.children[j] if s.toks[c].dep == "det"]
    return bool(dets) and all("Case=Acc" in s.toks[k].morph for k in (j, *dets))


def _strong(s: Sent, ids: list[str]) -> bool:
    """Does the phrase name an actor the actor layer linked (not only a noun or a name)?"""
    return any(not a.startswith(LOCAL) for a in ids)


def _conjuncts(s: Sent, v: int) -> list[int]:
    """Verbs coordinated with ``v`` (its ``conj`` head or ``conj`` children)."""
    out = [c for c in s.children[v] if s.toks[c].dep == "conj"]
    h = s.toks[v].head
    if s.toks[v].dep == "conj" and 0 <= h < len(s) and h != v:
        out.append(h)
    return out


def _is_zu_infinitive(s: Sent, v: int) -> bool:
    """``anzugreifen``, ``zu liefern``, and the perfect ``gefoltert zu haben`` (the parser
    may hang ``zu`` on the auxiliary instead of the participle)."""
    return s.toks[v].tag == "VVIZU" or any(
        s.toks[c].tag == "PTKZU" or (s.toks[c].tag == "VAINF" and any(
            s.toks[g].tag == "PTKZU" for g in s.children[c])) for c in s.children[v])


def _subject_actors(s: Sent, v: int, depth: int = 0) -> list[str]:
    """Actors of verb ``v``'s subject; a zu-infinitive or a coordinated verb without one takes
    its controller's (``wird er beschuldigt, … anzugreifen``: er)."""
    args = verb_args(s, v)
    ids = [a for j in args.subj for a in actors_of(s, j)]
    if ids or depth > 2:
        return ids
    h = s.toks[v].head
    if h == v or not 0 <= h < len(s) or not s.is_verb(h):
        return []
    if s.toks[v].dep == "conj" and not _is_zu_infinitive(s, v):
        return _subject_actors(s, h, depth + 1)
    if _is_zu_infinitive(s, v):
        if _is_zu_infinitive(s, h) or s.toks[v].dep == "conj":
            return _subject_actors(s, h, depth + 1)
        gargs = verb_args(s, h)
        if gargs.passive:
            return [a for j in gargs.obj[:1] for a in actors_of(s, j)]
        if s.full_lemma(h) in ACCUSE_VERBS:
            return [a for j in gargs.obj for a in actors_of(s, j)]
        return [a for j in gargs.subj for a in actors_of(s, j)]
    return []


def _linear_subject(s: Sent, v: int) -> list[str]:
    """Fallback for an active main-clause verb the parser gave no subject at all ("Im
    Ausschuss konnten sich der Ministerrat und das Parlament nicht einigen" with the names
    hung on "sich"): the first nominative participant without preposition, not parsed as an
    object, in the clause of the finite verb (a root or a conjunct)."""
    fin = next((c for c in sorted(s.complex(v) | {v}) if s.toks[c].tag.endswith("FIN")), None)
    # A finite modal or auxiliary the parser hung on the verb ("konnten … einigen"): the
    # verb's place is the clause's. Stricter then, as these parses go wrong more often (on
    # news: "als der 29-Jährige einen Mitbewohner attackieren wollte" would make the victim
    # the attacker): a main clause only, and a participant at most four words from the
    # finite verb and not inside a prepositional phrase.
    if fin is None:
        return []
    head = v if s.toks[fin].dep.startswith("aux") else fin
    if s.toks[head].dep not in ("ROOT", "conj"):
        return []
    seg = s.segment[fin]
    strict = head != fin
    if strict and any(s.segment[k] == seg and s.toks[k].tag in SUBORDINATORS
                      for k in range(len(s))):
        return []
    for k in range(len(s)):
        if s.segment[k] != seg or k == v:
            continue
        t = s.toks[k]
        if t.tag in ("NN", "NE") and s.prep(k) is None and "Case=Nom" in t.morph \
                and t.dep not in ("obj", "iobj", "obl") and not (
                    strict and (abs(k - fin) > 4 or _in_phrase_of_prep(s, k))):
            ids = actors_of(s, k)
            if ids:
                return ids
    return []


def _in_phrase_of_prep(s: Sent, k: int) -> bool:
    """``k`` stands inside a prepositional phrase: a noun above it has a preposition ("Im
    Prozess gegen die Regierungschefin Julia Timoschenko", "in den Jahrtausenden der
    Existenz der Kirche")."""
    return any(s.toks[j].tag in ("NN", "NE") and s.prep(j) is not None
               for j in s.ancestors(k, len(s)))


def _passive_patient(s: Sent, v: int) -> list[str]:
    """Fallback for a passive whose subject the parser attached elsewhere ("ist am Dienstag ein
    Mitarbeiter … entführt worden"): the first nominative participant without preposition in
    the verb's clause before it, or before its finite auxiliary when an inserted date splits
    the clause ("Gaddafi und sein Sohn waren am Donnerstag, dem 20. Oktober, … festgenommen
    worden"). Accusative counts as well: a passive keeps no accusative object, and the tagger
    calls many feminine nominatives accusative ("war eine sechsfache Mutter … erstochen
    worden")."""
    for end in [v, *sorted(c for c in s.complex(v) if c < v and s.toks[c].tag == "VAFIN")]:
        for j in range(end - 1, -1, -1):
            if s.segment[j] != s.segment[end]:
                break
        else:
            j = -1
        for k in range(j + 1, end):
            if (s.toks[k].tag in ("NN", "NE", "PPER") and s.prep(k) is None
                    and ("Case=Nom" in s.toks[k].morph or "Case=Acc" in s.toks[k].morph)):
                ids = actors_of(s, k)
                if ids:
                    return ids
    return []


def _linear_pp(s: Sent, n: int, prep: str) -> list[str]:
    """Fallback for a noun's prepositional argument the parser attached elsewhere: the phrase
    right after the noun that starts with ``prep`` (``Waffenlieferungen an Assad``). Linked
    actors first; else the unlinked participant a noun of the phrase names, as when the parse
    hangs the phrase on the noun ("der Bombenanschlag auf eine Kirche" with "Kirche" hung on
    the copula)."""
    j = n + 1
    while j < len(s) and j <= n + 6:
        t = s.toks[j]
        if t.tag in BOUNDARY_TAGS or t.tag.startswith("V"):
            return []
        if t.tag in PREP_TAGS:
            if s.lemma(j) != prep:
                return []
            ids: list[str] = []
            local: list[str] = []
            for k in range(j + 1, min(len(s), j + 8)):
                tk = s.toks[k]
                if tk.tag in PREP_TAGS or tk.tag in BOUNDARY_TAGS or tk.tag.startswith("V"):
                    break
                ids += [a for a in s.actors_at[k] if a not in ids]
                name = s.local_at[k]
                if name and tk.tag in ("NN", "NE") and name not in local:
                    local.append(name)
            return ids or local
        j += 1
    return []


def _host(s: Sent, n: int, lex: Lexicon) -> int | None:
    """The light or intent verb that carries noun ``n`` as its object (``übt Kritik``) or as
    the activity its subject takes part in (``bekräftigte in einem Gespräch mit X``); a noun
    in another prepositional phrase ("bei den Massenprotesten", "wegen dieser Vorwürfe") is
    a circumstance, not the verb's act."""
    prep = s.prep(n)
    h = s.toks[n].head
    if prep == "mit" and 0 <= h < len(s) and h != n and s.is_verb(h) \
            and s.full_lemma(h) in lex.begin_verbs:
        return h  # "begann die Polizei mit der Räumung des Lagers": its subject acts
    if prep == "zu" and 0 <= h < len(s) and h != n and s.is_verb(h) \
            and s.full_lemma(h) in lex.travel_verbs and not any(
                s.toks[c].dep == "obj" or (s.toks[c].tag == "PPER"
                                           and s.toks[c].text.lower() in OBLIQUE_PRONOUNS)
                for c in s.children[h]):
        return h  # "ist zu einem Besuch nach China aufgebrochen": the traveller visits
        # (not "fuhr ihn zu konspirativen Treffen": who is driven is not the driver)
    if prep not in (None, "in", "an"):
        return None
    if h == n or not 0 <= h < len(s):
        return None
    if prep is None and s.toks[n].dep == "appos" and s.toks[h].tag in ("NN", "NE") \
            and s.prep(h) is None and 0 <= s.toks[h].head < len(s) and h > s.toks[h].head:
        # "erhob die Frankfurter Staatsanwaltschaft Anklage gegen …": the parser hangs the
        # noun after the verb's subject on that subject as an apposition; the verb carries it
        h = s.toks[h].head
    elif prep is None and s.toks[n].dep == "nmod" and s.toks[h].tag == "NN" \
            and s.prep(h) is None and not lex.is_participant(s.lemma(h)) \
            and not lex.noun_entries(s.lemma(h)) and not any(
                s.toks[c].text.lower() in GENITIVE_DETS or s.toks[c].tag == "PPOSAT"
                or "Case=Gen" in s.toks[c].morph for c in s.children[n]):
        # "hat Anfang letzter Woche mehrere Razzien durchgeführt": the parser hangs the
        # object on a fronted time noun it took for the object; not a genitive ("den
        # Beginn der Gespräche", "den Bericht seiner Untersuchung")
        h = s.toks[h].head
    if prep == "an":  # "beteiligten sich an den Protesten", "nahm an den Gesprächen teil"
        verb = h
        while s.toks[verb].tag[:2] in ("VA", "VM") and s.toks[verb].dep in ("aux", "aux:pass"):
            verb = s.toks[verb].head
        if not any(v in lex.join_verbs for v, _ in s.verb_lemmas(verb)):
            return None
        return verb if s.toks[verb].tag.startswith("VV") else None
    if s.toks[h].tag == "PTKVZ":  # "schlug Verhandlungen vor" parsed with the particle as head
        verbs = [j for j in range(h - 1, -1, -1) if s.toks[j].tag == "VVFIN"]
        if not verbs:
            return None
        h = verbs[0]
    # the noun may hang off an auxiliary of the verb ("hatten … gelegt")
    while s.toks[h].tag[:2] in ("VA", "VM") and s.toks[h].dep in ("aux", "aux:pass"):
        h = s.toks[h].head
    if not s.toks[h].tag.startswith("VV"):
        return None
    if not any(v in lex.light_verbs or v in lex.receive_verbs
               for v in (s.full_lemma(h), s.lemma(h))):
        return None
    args = verb_args(s, h)
    if n in args.subj and not args.passive:
        return None  # the noun is the subject: "die Unterstützung könnte … führen"
    return h


def _slot(s: Sent, slot: str, anchor: int, pos: str, args: Args | None,
          host: int | None, ctx: Context, toks: Sequence[int] = ()) -> tuple[list[str], bool]:
    """Actors of one frame slot; the flag says a fallback rule was used."""
    if slot == "subj":
        if pos == "noun":
            return [], False
        subj = _subject_actors(s, anchor)
        if not subj and args is not None:  # a subject the frame's reading found (see
            subj = [a for j in args.subj for a in actors_of(s, j)]  # _object_as_subject)
        if not subj and args is not None and not args.subj and not args.passive:
            subj = _linear_subject(s, anchor)
            return subj, bool(subj)
        return subj, False
    if slot in ("obj", "iobj"):
        if args is None:
            return [], False
        objs = [a for j in args.obj  # not the idiom's own thing ("Aktenmaterial übergeben"),
                # but its owner ("die Konten der Terrorverdächtigen sperren")
                for k in ([j] if j not in toks or ctx.lex.names_people(
                    s.toks[j].lemma, s.toks[j].text) else [
                        c for c in s.children[j] if s.toks[c].dep in GEN_DEPS
                        and s.prep(c) is None and s.toks[c].tag != "ADJA"])
                for a in actors_of(s, k)]
        if not objs and args.passive:
            return _passive_patient(s, anchor), True
        return objs, False
    if slot.startswith("pp:") and ">" in slot:  # "drohte mit einem Militärschlag gegen den
        outer, _, inner = slot[3:].partition(">pp:")  # Iran": the phrase inside the phrase
        heads = list(args.pps.get(outer, [])) if args is not None else []
        inside = [a for h in heads for c in s.children[h] if s.prep(c) == inner
                  for a in actors_of(s, c)]
        return inside or [a for h in heads for a in _linear_pp(s, h, inner)], False
    if slot.startswith("pp:"):
        prep = slot[3:]
        heads = list(args.pps.get(prep, [])) if args else []
        if args is not None and not heads:  # "liefert Waffen an X", "kämpft eine Bewegung
            heads = [c for o in args.obj + args.subj  # gegen Truppen": the parser often hangs
                     for c in s.children[o]  # the verb's phrase on its object or subject
                     if s.toks[c].tag in NOMINAL_TAGS and s.prep(c) == prep]
            if not heads:  # or on the noun of another of its phrases ("mit Gewalt gegen die
                heads = [c for hs in args.pps.values() for o in hs  # Demonstranten vorgehen")
                         for c in s.children[o] if c > o
                         and s.toks[c].tag in NOMINAL_TAGS and s.prep(c) == prep]
            if not heads:  # or on the verb of the clause before: "kündigte an, militärisch
                # gegen Stellungen der Taliban vorzugehen" (the phrase hangs on "kündigte")
                heads = [j for j in range(len(s)) if s.segment[j] == s.segment[anchor]
                         and s.toks[j].tag in NOMINAL_TAGS and s.prep(j) == prep
                         and 0 <= s.toks[j].head < len(s)
                         and s.segment[s.toks[j].head] != s.segment[anchor]
                         and s.is_verb(s.toks[j].head)]
        if pos == "noun":
            heads = [c for c in s.children[anchor] if s.toks[c].tag in NOMINAL_TAGS
                     and s.prep(c) == prep]
            if host is not None and not heads:
                heads = list(verb_args(s, host).pps.get(prep, []))
        ids: list[str] = [a for j in heads for a in actors_of(s, j)]
        if not ids and pos == "noun":
            return _linear_pp(s, anchor, prep), True
        return ids, False
    if slot.startswith("obj>pp:"):
        prep = slot[7:]
        ids = []
        for o in args.obj if args else []:
            for c in s.children[o]:
                if s.prep(c) == prep:
                    ids += actors_of(s, c)
            if not ids:
                ids = _linear_pp(s, o, prep)
        return ids, False
    if slot == "gen":
        if pos != "noun":  # an idiom's noun: "forderten den Rücktritt der Regierung"
            return [a for n in toks if n != anchor and s.toks[n].tag == "NN"
                    for a in actors_of(s, n)], False
        ids = []
        for c in s.children[anchor]:
            dep = s.toks[c].dep
            marker = s.prep(c)
            if (dep in GEN_DEPS and marker is None) or marker in AGENT_PREPS:
                ids += actors_of(s, c)
        if not ids:  # "Russlands Waffenlieferungen", "die russischen Waffenlieferungen"
            j = anchor - 1
            while j >= 0 and s.toks[j].tag in ("ADJA", "NE", "ART", "PPOSAT", "ADJD"):
                if s.actors_at[j] and s.toks[j].tag in ("ADJA", "NE"):
                    ids += s.actors_at[j]
                    break
                j -= 1
        if not ids:
            ids = _possessor(s, anchor)
        return list(dict.fromkeys(ids)), False
    if slot in ("agent", "ogen", "poss"):  # a transitive act's noun: "die Festnahme des
        # Journalisten durch die Polizei", "Russlands Invasion der Krim", "seine Freilassung"
        return _nominal_roles(s, anchor)[slot], False
    if slot == "pred":  # the subject of a predicate; "es sei …, dass X …": X
        for c in s.children[anchor]:
            if s.toks[c].dep in SUBJ_DEPS and s.toks[c].tag != "PPER":
                return actors_of(s, c), False
            if s.toks[c].dep in ("csubj", "ccomp", "advcl") and s.is_verb(c):
                return _subject_actors(s, c), False
        return [], False
    if slot == "host":
        if host is None or _receives(s, host, ctx.lex):
            return [], False
        subj = _subject_actors(s, host)
        if not subj and not verb_args(s, host).passive:
            subj = _host_subject(s, anchor, host)
        return subj, False
    if slot == "hostobj":  # the light verb's dative: "leistete den Flüchtlingen Hilfe",
        # "gewährt Indonesien einen Kredit", "machte ihm Vorwürfe": the noun's recipient
        if host is None or _receives(s, host, ctx.lex):
            return [], False
        within = s.descendants(anchor, 3) | {anchor}
        return [a for j in verb_args(s, host).obj if j not in within
                and (s.toks[j].dep == "iobj" or "Case=Dat" in s.toks[j].morph)
                for a in actors_of(s, j)], True
    raise ValueError(f"unknown frame slot {slot!r}")


def _host_subject(s: Sent, n: int, host: int) -> list[str]:
    """The subject of an active light verb the parse lost: hung on the verb's noun ("Die
    örtlichen Behörden haben ein Ermittlungsverfahren eingeleitet": nsubj of the noun) or
    the noun's apposition anchor after a fronted date ("Am Freitag erhob die
    Staatsanwaltschaft Anklage": the date read as subject, the subject as object)."""
    on_noun = [a for c in s.children[n] if s.toks[c].dep in SUBJ_DEPS and s.prep(c) is None
               and c < n for a in actors_of(s, c)]
    if on_noun:
        return on_noun
    args = verb_args(s, host)
    if s.toks[host].tag == "VVPP" and not args.subj and any(
            s.lemma(j) == "sein" and s.toks[j].tag == "VAFIN"
            and (s.toks[j].head == host or s.toks[j].head in args.obj) for j in range(len(s))):
        # a participle with "sein" is a state, its bare noun phrase the one in it: "war auch
        # die Staatsanwaltschaft an den Ermittlungen beteiligt" (parsed as an object)
        return [a for j in args.obj if j != n and s.prep(j) is None
                for a in actors_of(s, j)][:1]
    h = s.toks[n].head
    if s.toks[n].dep != "appos" or h == n or s.toks[h].head != host:
        return []
    if "Case=Nom" in s.toks[h].morph or all(
            s.prep(j) is not None for j in s.children[host] if s.toks[j].dep in SUBJ_DEPS):
        return [a for a in actors_of(s, h) if a not in s.weak_ids] or actors_of(s, h)
    return []


def _nominal_roles(s: Sent, n: int) -> dict[str, list[str]]:
    """The participants of a transitive act's noun by German nominal syntax: the agent is
    its ``von``/``durch`` phrase or what precedes it (a Saxon genitive or actor adjective:
    "Russlands Invasion", "die israelische Bombardierung"); the genitive after it is the
    object ("die Festnahme des Journalisten", "die Ablehnung des Vorschlags"); a possessive
    ("seine Festnahme", "ihre Ablehnung") is left to the frame: patient of an act, agent of a
    stance."""
    roles: dict[str, list[str]] = {"agent": [], "ogen": [], "poss": []}
    by_durch = any(s.prep(c) == "durch" for c in s.children[n])
    for c in s.children[n]:
        marker = s.prep(c)
        if marker == "von" and (by_durch or not any(
                s.toks[d].tag in ("ART", "PPOSAT", "PDAT", "PIAT", "APPRART")
                for d in s.children[c])):
            # "von" standing in for a genitive the noun phrase cannot show ("die Freilassung
            # von 800 Palästinensern", "die Festnahme von Navalny"; "… von Journalisten durch
            # die Polizei"): the object; "von den Rebellen" stays the agent
            roles["ogen"] += actors_of(s, c)
        elif marker in AGENT_PREPS:
            roles["agent"] += actors_of(s, c)
        elif marker is None and s.toks[c].tag == "PPOSAT":
            roles["poss"] += actors_of(s, c)
        elif marker is None and s.toks[c].dep in GEN_DEPS and c > n:
            roles["ogen"] += actors_of(s, c)
    if not roles["agent"]:
        j = n - 1
        while j >= 0 and s.toks[j].tag in ("ADJA", "NE", "ART", "PPOSAT", "ADJD"):
            if s.actors_at[j] and s.toks[j].tag in ("ADJA", "NE"):
                roles["agent"] += s.actors_at[j]
                break
            j -= 1
    if not roles["poss"]:
        roles["poss"] = _possessor(s, n)
    return {k: list(dict.fromkeys(v)) for k, v in roles.items()}


def _deep_target(s: Sent, args: Args, exclude: list[str]) -> list[str]:
    """The first actor the actor layer linked inside the verb's object phrase (genitives,
    ``von``/``in``/``aus`` phrases, appositions, up to three levels down), when the object
    itself names none: what a stance or a demand is about belongs to that actor."""
    for o in args.obj:
        if s.toks[o].tag not in ("NN", "PIS", "PDS"):
            continue
        for j in sorted(s.descendants(o, 3)):
            ids = [a for a in s.actors_at[j] if a not in exclude]
            if ids and s.toks[j].tag in ("NE", "NN", "ADJA"):
                return ids[:1]
    return []


def _clause_subject(s: Sent, v: int, exclude: list[str]) -> list[str]:
    """Actors of the subject of a ``dass`` clause that verb ``v`` takes ("kritisierte, dass
    die Bundesregierung den Bundesrat ausgeschlossen hat"): whom a stance on what happened is
    about. A clause with a passive verb has no acting subject, so none."""
    for c in s.children[v]:
        if s.toks[c].dep not in ("ccomp", "obj", "dep") or not s.is_verb(c):
            continue
        if not any(s.lemma(m) == "dass" for m in s.children[c]):
            continue
        args = verb_args(s, c)
        if args.passive:
            return []
        return [a for j in args.subj for a in actors_of(s, j) if a not in exclude]
    return []


def _receives(s: Sent, v: int, lex: Lexicon) -> bool:
    """Is ``v`` a verb whose subject receives the noun it carries (``erhielt eine Haftstrafe``)?"""
    return s.full_lemma(v) in lex.receive_verbs or s.lemma(v) in lex.receive_verbs


def _possessor(s: Sent, n: int) -> list[str]:
    """A reflexive possessive names the subject of the verb that governs the noun:
    "Stoiber begründete seinen Rückzug" (Stoiber), "Ospel erklärte seinen Rücktritt"."""
    if not any(s.toks[c].tag == "PPOSAT" and s.lemma(c) in REFLEXIVE_POSSESSIVES
               for c in s.children[n]):
        return []
    h = s.toks[n].head
    while 0 <= h < len(s) and s.toks[h].tag[:2] in ("VA", "VM") \
            and s.toks[h].dep in ("aux", "aux:pass"):
        h = s.toks[h].head
    if h == n or not 0 <= h < len(s) or not s.toks[h].tag.startswith("VV"):
        return []
    if n in verb_args(s, h).subj:
        return []
    return _subject_actors(s, h)


def _fill(s: Sent, slots: tuple[str, ...], anchor: int, pos: str, args: Args | None,
          host: int | None, ctx: Context, exclude: list[str],
          toks: Sequence[int] = ()) -> tuple[list[str], bool]:
    weak = s.weak_ids
    first: tuple[list[str], bool] | None = None
    for slot in slots:
        ids, fallback = _slot(s, slot, anchor, pos, args, host, ctx, toks)
        ids = [a for a in dict.fromkeys(ids) if a not in exclude]
        if ids and any(a not in weak for a in ids):
            return ids, fallback
        if ids and first is None:  # only nouns that are merely no non-agents: a later
            first = ids, fallback  # slot with an actor wins ("die Bereitschaft ihres
    return first or ([], False)  # Landes erklärt": the subject of "erklärt")


# ------------------------------------------------------------------------------ modality
def _modality(s: Sent, f: Found, host: int | None, lex: Lexicon) -> str:
    a = f.anchor
    verbal = s.is_verb(a)
    scope = s.complex(a) if verbal else {a} | (s.complex(host) if host is not None else set())
    found: list[str] = []
    adv, det, aux, gov, mark = (lex.cues(k) for k in ("adv", "det", "aux", "gov", "mark"))
    deps = s.dependents(scope)
    for j in deps:
        lemma = s.lemma(j)
        if lemma in adv and not (j + 1 < len(s) and s.lemma(j + 1) in ("nur", "allein")) \
                and not _contrasted(s, j):
            found += [c.modality for c in adv[lemma]]
        if lemma in mark:
            moods = " ".join(s.toks[k].morph for k in scope)
            found += [c.modality for c in mark[lemma] if c.morph in moods]
    # a conjunction opening the trigger's clause that the parser attached elsewhere
    for j in range(a - 1, -1, -1):
        if s.segment[j] != s.segment[a]:
            break
        if s.toks[j].tag == "KOUS" and s.lemma(j) in mark:
            moods = " ".join(s.toks[k].morph for k in scope)
            found += [c.modality for c in mark[s.lemma(j)] if c.morph in moods]
    # "Weder RAF noch NSU haben … begangen": "weder … noch" denies the whole clause
    if any(s.segment[j] == s.segment[a] and s.toks[j].text.lower() == "weder"
           for j in range(len(s))):
        found.append("negated")
    # "kein" on the noun trigger or on the trigger verb's object
    heads = [a] if not verbal else [j for j in deps if s.toks[j].dep in ("obj", "nsubj:pass")]
    for h in heads:
        for c in s.children[h]:
            if s.lemma(c) in det:
                found += [cue.modality for cue in det[s.lemma(c)]]
    perfect = any(s.lemma(c) in ("haben", "sein") and s.toks[c].tag.endswith("INF")
                  for c in scope)
    reported_future = False  # "würde(n)" + infinitive, hypothetical unless reported
    for c in scope:
        if c == a:
            continue
        lemma, morph = s.lemma(c), s.toks[c].morph
        for cue in aux.get(lemma, ()):
            if cue.morph == "future":  # also the reported future "werde … vorgehen"
                if (s.toks[a].tag == "VVINF" or (host is not None
                                                 and s.toks[host].tag == "VVINF")) \
                        and not _konj2(s, c):
                    found.append(cue.modality)
            elif cue.morph == "konj2":
                if _konj2(s, c):
                    found.append(cue.modality)
                    reported_future = lemma == "werden"
            elif cue.morph == "perfect":
                if perfect:
                    found.append(cue.modality)
            elif not cue.morph or cue.morph in morph:
                found.append(cue.modality)
    # a governing verb or noun: "erwägen ein Vorgehen", "wird beschuldigt, … anzugreifen"
    start = host if host is not None else a
    chain = ([host] if host is not None else []) + s.ancestors(start, 3)
    for k, g in enumerate([start, *chain[1 if host is not None else 0:]]):
        if s.toks[g].dep == "conj" and s.is_verb(g) and not _is_zu_infinitive(s, g) \
                and not infix_zu_infinitives(s.toks[g].text.lower()):
            # "hatten von der Leyen abgelehnt und … Stimmung gegen sie gemacht": a verb
            # coordinated with a cue verb is not governed by it (a zu-infinitive parsed as a
            # conjunct is: "hatten vereinbart, … zurückzuziehen")
            chain = chain[:k + (1 if host is not None else 0)]
            break
    for g in chain:
        names = [s.full_lemma(g), s.lemma(g)] if s.is_verb(g) else [s.lemma(g)]
        hit = [cue.modality for name in names for cue in gov.get(name, ())]
        if hit:
            found += hit
            if reported_future and "planned" in hit and not any(
                    s.lemma(j).lower() in lex.conditions for j in range(len(s))):
                # "kündigte an, die Taliban würden … stürmen": in reported speech "würden"
                # stands for the future of Konjunktiv I; the announcement makes it planned
                found.remove("hypothetical")
            break
    else:
        if verbal and _is_zu_infinitive(s, a):  # the parser lost the link: nearest cue left
            for j in range(a - 1, -1, -1):
                names = [s.full_lemma(j), s.lemma(j)] if s.is_verb(j) else [s.lemma(j)]
                hit = [cue.modality for name in names for cue in gov.get(name, ())]
                if hit:
                    found += hit
                    break
    return max(found, key=lambda m: MODALITY_RANK[m]) if found else "asserted"


def _announced(s: Sent, v: int, lex: Lexicon) -> bool:
    """Is the act of ``v`` the content of an announcement ("kündigte an, … vorzugehen",
    "drohte an, … anzugreifen"): a governing verb up the tree, or for a zu-infinitive whose
    link the parser lost the nearest verb before it?"""
    chain = s.ancestors(v, 3)
    if not chain and _is_zu_infinitive(s, v):
        chain = [next((j for j in range(v - 1, -1, -1) if s.is_verb(j)), v)]
    return any(s.full_lemma(g) in lex.announce_verbs for g in chain if s.is_verb(g))


def _contrasted(s: Sent, j: int) -> bool:
    """Does "nicht" at ``j`` deny a phrase that "sondern" replaces ("lehnen nicht den
    Radwegeplan ab, sondern den Grüngürtel", "Nicht die Regierung, sondern die Opposition
    kritisierte"), not the verb? The word after it opens a noun or prepositional phrase."""
    if s.lemma(j) != "nicht" or j + 1 >= len(s):
        return False
    return s.toks[j + 1].tag in CONTRASTED_PHRASE_TAGS and any(
        s.lemma(k) == "sondern" for k in range(j + 2, len(s)))


def _future(s: Sent, v: int) -> bool:
    """Is verb ``v`` in the future (``wird``/reported ``werde`` + infinitive) or wanted
    (``will``)? Not in Konjunktiv II (``würde``: hypothetical)."""
    if s.toks[v].tag != "VVINF":
        return False
    return any(s.lemma(c) in ("werden", "wollen") and not _konj2(s, c)
               for c in s.complex(v) if c != v)


def _conditional(s: Sent, v: int, lex: Lexicon) -> int | None:
    """Is the act of verb ``v`` in the future or hypothetical (``werde``/``würde`` +
    infinitive) and made conditional by a clause or adverb of ``threats.tsv`` attached to it
    ("werde … angreifen, wenn Israel …", "anderenfalls würden sie zurückkehren"), without
    being inside that condition itself? The condition's verb (``v`` for an adverb), or None."""
    comp = s.complex(v)
    if s.toks[v].tag != "VVINF" or not any(s.lemma(c) == "werden" for c in comp if c != v):
        return None
    for c in range(len(s)):
        if s.lemma(c).lower() not in lex.conditions:
            continue
        h = s.toks[c].head
        if s.toks[c].tag == "KOUS":  # the condition's own verb hangs on the act's verb
            if 0 <= h < len(s) and h not in comp and s.toks[h].head in comp:
                return h
        elif h in comp:  # "anderenfalls würden sie zurückkehren"
            return v
    return None


def _standing(s: Sent, v: int, lex: Lexicon) -> bool:
    """Does a position adverb in verb ``v``'s clause make it a standing position ("hatte
    bisher immer abgelehnt", "lehnt grundsätzlich ab")? Not "immer wieder" (repeated acts)
    nor "immer mehr"."""
    return any(s.segment[j] == s.segment[v] and s.lemma(j) in lex.position_adverbs
               and not (j + 1 < len(s) and s.lemma(j + 1) in ("wieder", "mehr", "noch"))
               for j in range(len(s)))


def _konj2(s: Sent, c: int) -> bool:
    """Is auxiliary ``c`` in Konjunktiv II (``würde``, ``könnte``: hypothetical), not in
    Konjunktiv I (``werde``, ``könne``: reported speech, which the tagger marks alike)?"""
    return "Mood=Sub" in s.toks[c].morph and s.toks[c].text.lower().startswith(KONJ2_STEMS)


# ------------------------------------------------------------------------------ the coder
def _speaker_fallback(ctx: Context, s: Sent) -> list[str]:
    """Free indirect speech without a statements layer: a sentence in Konjunktiv I reports
    the speaker of the nearest speech verb in it or the sentence before."""
    def speaker(sent: Sent) -> list[str]:
        for i in range(len(sent)):
            if sent.toks[i].tag.startswith("VV") and (
                    sent.full_lemma(i) in ctx.lex.speech_verbs
                    or sent.lemma(i) in ctx.lex.speech_verbs):
                ids = _subject_actors(sent, i)
                if ids:
                    return ids
        return []

    ids = speaker(s)
    if ids:
        return ids
    reported = any("Mood=Sub" in t.morph and "Tense=Pres" in t.morph for t in s.toks)
    if reported and s.index > 0:
        return speaker(ctx.sents[s.index - 1])
    return []


def _statement_of(article: Article, start: int) -> int | None:
    for k, st in enumerate(article.statements):
        if any(q.start <= start < q.end for q in st.quote):
            return k
    return None


def _destination(ctx: Context, s: Sent, anchor: int, args: Args | None,
                 host: int | None) -> list[str]:
    """The place a visit goes to when the actor layer did not link it ("nach Kinshasa
    reisen", "Besuch in Kunduz"): the manual's recipient of a visit is its host, and a city
    stands for it. Only for visits: elsewhere a place is no participant."""
    heads: list[int] = []
    for prep in ("nach", "in"):
        if args is not None:
            heads += args.pps.get(prep, [])
        heads += [c for c in s.children[anchor] if s.prep(c) == prep]
        if host is not None:
            heads += verb_args(s, host).pps.get(prep, [])
    for j in heads:
        t = s.toks[j]
        for e in ctx.article.entities:
            if e.label == "LOC" and not e.actor and e.start <= t.start < e.end:
                return [LOCAL + e.text]
    return []


def _location(ctx: Context, s: Sent, f: Found, host: int | None) -> tuple[int, int] | None:
    nodes = s.complex(f.anchor) if s.is_verb(f.anchor) else {f.anchor}
    if host is not None:
        nodes |= s.complex(host)
    used = set(f.source) | set(f.target)
    for j in s.dependents(nodes):
        if s.prep(j) != "in":
            continue
        t = s.toks[j]
        for e in ctx.article.entities:
            if (e.label == "LOC" and e.subtype is None and e.start <= t.start < e.end
                    and e.actor not in used):
                return e.start, e.end
    return None


def _instrument(ctx: Context, s: Sent, f: Found) -> None:
    if f.entry.mode:
        return
    best: tuple[int, str, str] | None = None
    for j in range(len(s)):
        if s.segment[j] != s.segment[f.anchor] and j not in s.descendants(f.anchor, 3):
            continue
        lemma = s.lemma(j)
        for ins in ctx.lex.instruments:
            if ins.plover != f.plover:
                continue
            pat = ins.pattern.lower()
            if lemma == pat or (pat.startswith("*") and lemma.endswith(pat[1:])):
                dist = abs(j - f.anchor)
                if best is None or dist < best[0]:
                    best = (dist, ins.mode, ins.cameo)
    if best is not None:
        f.mode, f.cameo = best[1], best[2]


def find_in_sentence(ctx: Context, s: Sent) -> list[Found]:
    out: list[Found] = []
    sports: bool | None = None  # is the sentence a sports report (asked at most once)
    for entry, anchor, toks in find_triggers(s, ctx.lex):
        pos = "noun" if s.toks[anchor].tag == "NN" else "verb"
        f = Found(entry, s.index, anchor, toks, plover=entry.plover, cameo=entry.cameo,
                  mode=entry.mode)
        if "judge" in entry.flags:  # "bezeichnete … als unrealistisch": only with a verdict
            verdict = _verdict(s, anchor, ctx.lex)
            if verdict is None:
                continue
            if verdict == "pos":
                f.plover, f.cameo, f.mode = "SUPPORT", "051", ""  # praise
        if pos == "noun" and "setting" in entry.flags and s.prep(anchor) is not None:
            continue  # "Im Prozess gegen X hat die Anklage … gefordert": the trial is a setting
        if pos == "noun" and _classifies(s, anchor):
            continue  # "das ist ein Angriff auf die Demokratie": a verdict, not a report
        if pos == "noun" and _wished_for(s, anchor):
            continue  # "Die Rufe nach einem Rücktritt werden lauter": wanted, not done
        args = verb_args(s, anchor) if pos == "verb" else None
        if args is not None and _counts_victims(s, anchor, args, ctx.lex):
            continue  # "Der Anschlag forderte acht Tote": victims counted, no demand
        if args is not None and entry.pos == "verb" and _intransitive(entry):
            _object_as_subject(s, anchor, args)
        if pos == "verb" and entry.plover in STANCE_TYPES and _standing(s, anchor, ctx.lex):
            continue  # "lehnt den Beitritt grundsätzlich ab": a standing position
        if "nostate" in entry.flags and args is not None and _state_passive(s, anchor, args):
            continue  # "dass er bewaffnet sei": a state, not the act of arming
        if "refl" in entry.flags and pos == "verb" and not any(
                s.toks[c].tag == "PRF" for c in s.children[anchor]):
            continue  # "drei Spieler wurden verpflichtet", "sind verpflichtet": no pledge
        if "norefl" in entry.flags and any(s.toks[c].tag == "PRF" for c in s.children[anchor]):
            continue  # "um sich der Affäre zu entziehen": another verb
        if args is not None and "lightobj" in entry.flags and any(
                s.toks[j].tag == "NN" and not ctx.lex.is_participant(s.toks[j].lemma)
                and not s.actors_at[j] for j in args.obj):
            continue  # "eine Entscheidung treffen": a light verb, no meeting
        if f.plover in SPORT_SENSES:
            if sports is None:
                sports = _sports_report(ctx, s)
            if sports or (pos == "verb" and _sports_article(ctx)):
                continue  # "schießt aus kurzer Distanz weit drüber", "trifft zum 3:2"; in a
                # sports article also "Die Belgier empfangen die Russen" (a verb: nouns such as
                # "Anschlag" there still report attacks off the pitch)
        if "threat" in entry.flags and args is not None \
                and not _threatens(s, anchor, args, ctx.lex):
            continue  # "Ihnen drohen Geldstrafen", "droht zu scheitern": looming, no threat
        if "expel" in entry.flags and args is not None and not args.pps.keys() & {"aus", "von"}:
            continue  # "schloss Verschärfungen nicht aus": ruled out; expelled "aus der Partei"
        if "meet" in entry.flags and args is not None and not _meets(s, anchor, args):
            continue  # "Suarez trifft viermal", "traf die Stange", "trifft auf Zenit"
        if "goods" in entry.flags and not _supplies_goods(s, anchor, args, toks, ctx.lex):
            continue  # "liefert den Beweis", "lieferten sich einen Schlagabtausch"
        if "restriction" in entry.flags and not _lifts_restriction(s, anchor, args, ctx.lex):
            continue  # "die Sperrung des Bahnhofs wurde aufgehoben", "gut aufgehoben"
        if "ownact" in entry.flags and not _own_act(s, anchor, args):
            continue  # "bedauerte, dass Israel den Berichterstatter nicht reisen ließ"
        if "nodir" in entry.flags and args is not None and args.pps.keys() & DIRECTIONS:
            continue  # "lenkte in die Herrengasse ein": steering, not yielding
        if "intrans" in entry.flags and _shows_something(s, anchor, args, ctx.lex):
            continue  # "demonstrierte seine Entschlossenheit": showing, not protesting
        if "thingobj" in entry.flags and args is not None and any(
                s.toks[j].tag == "NN" and ctx.lex.is_participant(s.toks[j].lemma)
                for j in args.obj):
            continue  # "alle Mitbürger zurücknehmen": readmission, not a retraction
        host = _host(s, anchor, ctx.lex) if pos == "noun" else None
        f.source, fb1 = _fill(s, entry.frame.source, anchor, pos, args, host, ctx, [], toks)
        f.target, fb2 = _fill(s, entry.frame.target, anchor, pos, args, host, ctx, f.source,
                              toks)
        if "judge" in entry.flags and args is not None:
            verdicts = {s.local_at[j] for j in range(len(s))
                        if s.toks[j].tag == "NN" and s.lemma(j).lower() in ctx.lex.judgements}
            if f.target and all(a in verdicts for a in f.target):
                # "wies auf den Widerspruch um den Rücktritt des Ministerpräsidenten hin":
                # the verdict is no recipient; whom it is about is inside its phrase
                inside = sorted(k for p in args.pps.values() for j in p
                                if s.local_at[j] in verdicts for k in s.descendants(j, 3))
                f.target = next(([a] for k in inside for a in actors_of(s, k)
                                 if a not in f.source and a not in s.weak_ids), [])
            else:  # "nannte den Beschluss der Regierung einen Skandal": the verdict is no target
                f.target = [a for a in f.target if a not in verdicts]
        if not f.target and args is not None and f.plover in STANCE_TYPES | {"REQUEST"}:
            # "kritisierte die Zustände im Zentralgefängnis von Brazzaville", "begrüßte den
            # Beschluss der Landesregierung": the linked actor the object is about
            f.target = _deep_target(s, args, f.source)
            fb2 = fb2 or bool(f.target)
        if not f.target and args is not None and f.plover in STANCE_TYPES:
            f.target = _clause_subject(s, anchor, f.source)
        if not f.target and f.mode == "visit" and f.entry.plover == "CONSULT":
            f.target = _destination(ctx, s, anchor, args, host)
        if host is not None and not f.target and _receives(s, host, ctx.lex):
            f.target = [a for a in _subject_actors(s, host) if a not in f.source]
        if fb1 or fb2:
            f.confidence -= 0.1
            f.notes.append("word-order fallback")
        if pos == "verb" and args is not None and _headline_passive(s, anchor, args, entry) \
                and f.source and not f.target:
            # "Mutmaßlicher Attentäter in Berlin festgenommen": a headline's bare participle
            # of a transitive verb is a passive; its subject suffered the act
            f.source, f.target = [], f.source
            f.notes.append("headline passive")
        if f.plover == "ACCUSE" and "judge" in entry.flags and args is not None and any(
                s.toks[j].tag == "NN" and (s.lemma(j).lower() in ctx.lex.proposals or any(
                    t.plover in PROPOSALS for t in ctx.lex.nouns.get(s.lemma(j), ())))
                for j in args.obj):  # "Forderungen … als unrealistisch", "Vorschlag"
            f.plover, f.cameo, f.mode = "REJECT", "120", ""
        if "callfor" in entry.flags and _calls_for_act(s, anchor, args, ctx.lex):
            f.plover, f.cameo, f.mode = "REQUEST", "100", ""  # "für die Freilassung"
            f.notes.append("call for an act")  # a demand needs no named recipient
        if "recip" in entry.flags and not f.source:  # "Gespräche zwischen X und Y"
            f.source, _ = _fill(s, ("pp:zwischen",), anchor, pos, args, host, ctx, f.target)
        if "veto" in entry.flags and (any(_official(ctx, a) for a in f.source) or any(
                t.plover in COOPERATIVE_ACTS for j in (args.obj if args else [])
                for t in ctx.lex.noun_entries(s.lemma(j)))):  # "eine Einigung blockieren"
            f.plover, f.cameo, f.mode = "REJECT", "120", ""  # a party blocks an agreement
        if "verbal" in entry.flags and any(_official(ctx, a) or _organised(s, a, ctx.lex)
                                           for a in f.source):
            f.plover, f.cameo, f.mode = "ACCUSE", "114", "disapprove"  # a diplomatic protest
        if "words" in entry.flags and _in_words(s, anchor, ctx.lex):
            f.plover, f.cameo, f.mode = "ACCUSE", "111", ""  # an attack with words: criticism
        if "aidwith" in entry.flags and _with_goods(s, anchor, args, ctx.lex):
            f.plover, f.cameo, f.mode = "AID", "070", ""  # "unterstützt X mit Waffen": aid
        if "joint" in entry.flags and (len(f.source) > 1 or f.target or any(
                s.lemma(c) == "gemeinsam" for c in s.children[anchor])):
            f.plover, f.cameo, f.mode = "COOPERATE", "062", ""  # joint manoeuvres (manual)
        if "actors" in entry.flags and f.source + f.target \
                and all(a in s.weak_ids for a in f.source + f.target):
            continue  # "Die Wanderer treffen sich jeden Dienstag": people, not actors, meet
        if "forces" in entry.flags and not any(_force(ctx, a) for a in f.source):
            continue  # "die Feuerwehr war im Einsatz": rescue logistics, not a force's move
        if (f.plover == "MOBILIZE" or "disaster" in entry.flags) and any(
                ctx.lex.names_disaster(s.lemma(j)) for j in range(len(s))
                if s.toks[j].tag == "NN"):
            # forces sent to a flood or an earthquake: disaster relief is AID (manual)
            f.plover, f.cameo, f.mode = "AID", "073", "humanitarian"
            f.notes.append("relief")
        occurs = (_occurrence_verb(ctx, s, anchor)
                  if pos == "noun" and host is None and "occur" in entry.flags else None)
        f.modality = _modality(s, f, host if occurs is None else occurs, ctx.lex)
        if f.modality == "asserted" and _polar_question(s, anchor if host is None else host):
            f.modality = "hypothetical"  # "Wurde Rich gezielt ermordet?" asks, not tells
        if (f.modality == "asserted" and f.plover != "AGREE"  # a promise is already intent
                and _in_future(ctx.article, s, anchor)):
            f.modality = "planned"  # "findet am 10. Juli statt" in an article of 2 July
        f.statement = _statement_of(ctx.article, s.toks[anchor].start)
        if pos == "verb" and f.plover not in CONTENT_TAKERS and _obliged(s, anchor):
            # "die EU solle die Visapflicht aufheben", "müsse übergeben werden": the act is
            # what someone demands of its agent, a REQUEST by the speaker, not an event
            f.target = f.source + [a for a in f.target if a not in f.source]
            f.source = []
            f.plover, f.cameo, f.mode, f.modality = "REQUEST", "100", "", "asserted"
            f.notes.append("demanded")
        quad = codes.quad_class(f.plover)
        if not f.source and f.plover in SPEECH_ACT_TYPES:
            speaker: list[str] = []
            if f.statement is not None:
                party = ctx.article.statements[f.statement].speaker
                if party is not None and party.actor is not None and party.actor.id:
                    speaker = [party.actor.id]
            elif not ctx.article.statements:
                speaker = _speaker_fallback(ctx, s)
            f.source = [a for a in speaker if a not in f.target]
            if f.source:
                f.confidence -= 0.15
                f.notes.append("source: speaker")
        if f.statement is not None and f.modality == "asserted" and quad == 4:
            party = ctx.article.statements[f.statement].speaker
            sid = party.actor.id if party is not None and party.actor is not None else None
            if sid not in f.source:
                f.modality = "alleged"  # a material act told by someone else: a claim
        if pos == "noun" and _unreal(s, anchor, ctx.lex):
            continue  # "warnte vor Anschlägen", "jährte sich der Anschlag": not an event
        if pos == "noun" and codes.quad_class(f.plover) >= 3 and all(
                a in s.weak_ids for a in f.target):  # none, or only things ("auf einen Markt")
            victims = [a for a in _victims(s, anchor, ctx.lex) if a not in f.source]
            if victims:  # the text names who it befell: the event happened to them
                f.target = victims + f.target
                f.notes.append("victim")
        if f.plover == "SANCTION" and not f.target and (pos == "verb" or s.prep(anchor) is None) \
                and any(_court(ctx, a) for a in f.source):
            f.notes.append("court")  # "verhängte eine Gefängnisstrafe": the sentenced is
            # mostly named before; a court's sentence is an event without them
        if f.mode == "visit" and f.target and all(a in s.things for a in f.target):
            continue  # "hatten einen Freizeitpark besucht", "keine Schule besucht": a place
            # or an institution one goes to, not a party received or called on
        if not _enough(f, pos, s) and not _happens(ctx, s, f, pos) \
                and not _agentless_passive(s, f, args, ctx.lex) \
                and not (host is not None and _agentless_passive(
                    s, f, verb_args(s, host), ctx.lex, at=host)):
            continue
        if f.plover in ("ASSAULT", "COERCE") and f.source and all(
                a.startswith(LOCAL) and a[1:].lower().startswith(ctx.lex.protesters)
                for a in f.source):  # "Demonstranten legten Feuer": a riot, not an attack
            if f.plover == "COERCE" and f.mode == "arrest":  # protesters do not arrest:
                f.target = f.source + [a for a in f.target if a not in f.source]  # they
                f.source = []  # are the arrested ("Demonstranten bleiben inhaftiert")
            else:
                f.plover, f.cameo, f.mode = ("PROTEST", "145", "riot") \
                    if f.plover == "ASSAULT" else ("PROTEST", "144", "obstruct")
        if f.plover == "COERCE" and f.mode == "arrest" and f.source and all(
                _armed(ctx, s, a) for a in f.source):
            # eval/README: captured combatants and people seized by rebels, militias or
            # terrorists are ASSAULT (abduction), an arrest is what a state does
            f.plover, f.cameo, f.mode = "ASSAULT", "181", "abduct"
        if f.modality == "negated" and _future(s, anchor if host is None else host):
            to = ctx.lex.renounce_code(f.plover, f.cameo)
            if to:  # "werde nicht mit Gewalt vorgehen": a promise not to act
                f.notes.append(f"renounced: {f.plover} → {to[0]}")
                f.plover, f.cameo = to
                f.mode, f.modality = "", "asserted"
        condition = _conditional(s, anchor, ctx.lex) if f.source and pos == "verb" else None
        if condition is not None:
            to = ctx.lex.threat_code(f.plover, f.cameo)
            if to:  # "sie werde … angreifen, wenn Israel …": a threat (threats.tsv) to
                f.notes.append(f"threat: {f.plover} → {to[0]}")  # the condition's subject
                f.plover, f.cameo = to
                f.mode, f.modality = "", "asserted"
                if not f.target:
                    f.target = [a for a in _subject_actors(s, condition) if a not in f.source]
        if f.modality == "planned" and f.plover in ANNOUNCED_FORCE and f.source \
                and _announced(s, anchor if host is None else host, ctx.lex):
            # "kündigte an, militärisch gegen Stellungen der Taliban vorzugehen", "die Taliban
            # würden … Gefängnisse stürmen": force announced by its agent is a threat (CAMEO
            # 137/138); a plan told of someone ("wollte … töten") stays the act, planned
            f.notes.append(f"announced: {f.plover} → THREATEN")
            f.plover, f.cameo = "THREATEN", ANNOUNCED_FORCE[f.plover]
            f.mode, f.modality = "", "asserted"
        if f.modality in ("planned", "proposed"):
            to = ctx.lex.intent_code(f.plover, f.cameo)
            if to:
                f.notes.append(f"intent: {f.plover} → {to[0]}")
                f.plover, f.cameo = to
                f.mode = ""
        if f.plover in ("ASSAULT", "AID", "MOBILIZE"):
            _instrument(ctx, s, f)
        f.location = _location(ctx, s, f, host)
        if not f.target or not f.source:
            f.confidence -= 0.1
        out.append(f)
    # an event noun in a circumstance phrase ("nach seinem Rücktritt", "wegen der
    # Anschläge") is presupposed background when the sentence reports another event
    background = [f for f in out if s.toks[f.anchor].tag == "NN"
                  and s.prep(f.anchor) in CIRCUMSTANCE_PREPS]
    if len(background) < len(out):
        out = [f for f in out if f not in background]
    if any(f.plover == "ACCUSE" and f.entry is not VERDICT for f in out):
        out = [f for f in out if f.entry is not VERDICT]  # "kritisierte …, es sei ein Fehler"
    if sum(f.plover == "REQUEST" for f in out) > 1:  # "fordert, die EU solle …": one demand,
        demanded = [f for f in out if "demanded" in f.notes]  # made of the one obliged
        out = [f for f in out if f not in demanded]
        for f in out:
            if f.plover == "REQUEST" and not f.target:
                f.target = [a for d in demanded for a in d.target if a not in f.source]
    out = _drop_contents(s, out)
    # an event told in a relative or temporal clause ("Guterres, der die Milizen anführte,
    # die … Menschen töteten"; "als damals … getötet werden mussten") is background when the
    # main clause reports an event of its own (after the contents of demands are dropped)
    aside = [f for f in out if _in_aside(s, f.anchor)]
    if len(aside) < len(out):
        out = [f for f in out if f not in aside]
    return _dedupe(out)


def _in_aside(s: Sent, a: int) -> bool:
    """Is token ``a`` inside a relative clause or a temporal clause (``als``, ``nachdem``,
    ``seit``, ``bevor``): a clause verb on its way up is ``acl``/``acl:relcl`` or has a
    relative pronoun or such a conjunction among its dependents?"""
    for v in [a, *s.ancestors(a, 6)]:
        if not s.is_verb(v):
            continue
        if s.toks[v].dep in ("acl", "acl:relcl") and not any(
                s.toks[c].tag == "PTKZU" for c in s.descendants(v, 2)):
            return True  # not a noun's zu-infinitive ("vorgeworfen, … vergewaltigt zu haben")
        for c in s.children[v]:
            t = s.toks[c]
            if (t.tag == "PRELS" and c < v) or (
                    t.tag == "KOUS" and s.lemma(c) in TEMPORAL_CONJUNCTIONS):
                return True
        if s.toks[v].dep == "ROOT":
            return False
    return False


def _sports_report(ctx: Context, s: Sent) -> bool:
    """Does the sentence report a match: a word of ``sport.tsv``, a score ("2:0", not a clock
    time) or a minute mark ("(71.)", "12. Minute")?"""
    text = ctx.article.text[s.sentence.start:s.sentence.end]
    if SCORE.search(text) or MINUTE_MARK.search(text):
        return True
    return any(s.lemma(j) in ctx.lex.sport for j in range(len(s)) if s.toks[j].tag == "NN")


def _sports_article(ctx: Context) -> bool:
    """Is the whole article a sports report: at least ``SPORTS_ARTICLE_SENTENCES`` of its
    sentences are? Then a sentence without a sport word of its own reports play too ("Die
    Belgier empfangen die Russen", "Konta trifft … auf die Kroatin")."""
    if ctx.sports_article is None:
        marked = 0
        for s in ctx.sents:
            marked += _sports_report(ctx, s)
            if marked >= SPORTS_ARTICLE_SENTENCES:
                break
        ctx.sports_article = marked >= SPORTS_ARTICLE_SENTENCES
    return ctx.sports_article


def _names_party(s: Sent, j: int, strong: bool = False) -> bool:
    """Does token ``j`` name a party: a linked actor, or an unlinked participant that names
    people (not a thing: "die Querlatte"); ``strong``: not merely a not-non-agent noun?"""
    local = s.local_at[j]
    return bool(s.actors_at[j]) or (local is not None and local not in s.things
                                    and (not strong or j not in s.weak))


def _threatens(s: Sent, v: int, args: Args, lex: Lexicon) -> bool:
    """Is ``drohen`` a threat: with a ``mit`` phrase ("drohte mit Luftschlägen"), a clause
    after a comma ("drohte, die Grenzen zu schließen"), reporting speech ("…, droht
    Davutoğlu"), or an actor threatening an actor ("Türkei droht Kurden")? Not what looms
    over someone ("Ihnen drohen Geldstrafen", "Bosnien droht die Staatspleite") or a risk
    ("droht zu scheitern": a zu-infinitive without a comma)."""
    if args.pps.keys() & {"mit", "gegen"} or any(
            s.toks[c].text.lower() == "damit" for c in s.children[v]):
        return True  # "obwohl er damit droht"
    for c in s.children[v]:
        if s.is_verb(c) and c > v and (
                any(s.toks[k].text == "," for k in range(v + 1, c))
                or any(name in lex.verbs for name, _ in s.verb_lemmas(c))):
            return True  # what is threatened: a clause after a comma, an act ("droht
            # britischen Tanker zu kapern"; not "droht zu scheitern")
    if (v > 0 and s.toks[v - 1].text in ("“", '"', "»")) or (
            v > 0 and s.toks[v - 1].text == "," and v + 1 < len(s)
            and bool(s.actors_at[v + 1])):
        return True  # a speech verb after what was said ("…, droht Davutoğlu"; not
        # "Wenn die Diebe aussteigen wollen, droht ihnen Schlimmes")
    return any(_names_party(s, j, strong=True) for j in args.subj) \
        and any(_names_party(s, j) for j in args.obj)


def _meets(s: Sent, v: int, args: Args) -> bool:
    """Is verb ``v`` (``treffen``) a meeting: reflexive ("trafen sich"), with a ``mit`` phrase
    ("traf mit Kerry zusammen") or with an object that names people ("traf Ministerpräsident
    Mahdi")? Not a passive ("wurde von Schüssen getroffen"), not "trifft auf" without
    "sich" (a match or resistance), not a goal or a hit ("traf die Querlatte", "trifft zum
    3:2")."""
    if args.passive:
        return False
    reflexive = any(s.toks[c].tag == "PRF" for c in s.children[v])
    if reflexive or "mit" in args.pps:
        return True
    if "auf" in args.pps:
        return False
    return any(s.toks[j].tag in ("NN", "NE") and _names_party(s, j) for j in args.obj)


def _supplies_goods(s: Sent, v: int, args: Args | None, toks: Sequence[int],
                    lex: Lexicon) -> bool:
    """Does a supply verb's object (with its modifiers) name goods, money, weapons or
    personnel (``goods.tsv``)? The parser may hang the object elsewhere: nouns of the verb's
    clause segment count too."""
    objs = list(args.obj) if args is not None else []
    near = {j for o in objs for j in [o, *s.descendants(o, 2)]}
    near |= {j for j in range(len(s)) if s.segment[j] == s.segment[v]}
    return any(s.toks[j].tag == "NN" and j not in toks and lex.names_goods(s.lemma(j))
               for j in near)


def _lifts_restriction(s: Sent, v: int, args: Args | None, lex: Lexicon) -> bool:
    """Is what the verb lifts or eases a restriction, ban or punishment (restrictions.tsv)?
    Its objects (a passive's subject) with their modifiers, else the nouns of its clause."""
    near = {j for o in (args.obj if args is not None else []) for j in [o, *s.descendants(o, 2)]}
    near |= {j for j in range(len(s)) if s.segment[j] == s.segment[v]}
    return any(s.toks[j].tag == "NN" and lex.names_restriction(s.lemma(j)) for j in near)


def _shows_something(s: Sent, n: int, args: Args | None, lex: Lexicon) -> bool:
    """Is "demonstrieren"/"Demonstration" the showing of something: an accusative object or
    clause that names no participant ("demonstrierte seine Entschlossenheit", "Das
    demonstrierte der Präsident", "wie man … kann, demonstriert X"), a thing in the noun's
    genitive ("die Demonstration permanenter Verletzlichkeit")?"""
    if args is None:
        return any(s.toks[c].tag == "NN" and s.prep(c) is None and c > n
                   and s.toks[c].dep in GEN_DEPS and not lex.is_participant(s.toks[c].lemma)
                   for c in s.children[n])
    if any(s.toks[c].dep in ("ccomp", "obj") and s.is_verb(c) for c in s.children[n]):
        return True
    return any((s.toks[j].tag == "NN" and not lex.is_participant(s.toks[j].lemma))
               or s.toks[j].tag in ("PDS", "PRELS") for j in args.obj)


def _own_act(s: Sent, v: int, args: Args | None) -> bool:
    """Is what a regret is about the subject's own act: an object with a possessive ("bedauerte
    seine Äußerungen") or a clause whose subject is a personal pronoun ("bedauert, was sie
    getan hat")? Regretting another's act is criticism; regretting a state is an opinion."""
    if args is not None and any(s.toks[c].tag == "PPOSAT" for o in args.obj
                                for c in s.children[o]):
        return True
    return any(s.toks[c].dep in ("ccomp", "csubj", "obj", "advcl", "acl") and s.is_verb(c)
               and any(s.toks[g].tag == "PPER" and s.toks[g].dep in SUBJ_DEPS
                       for g in s.children[c]) for c in s.children[v])


def _with_goods(s: Sent, v: int, args: Args | None, lex: Lexicon) -> bool:
    """Does the verb's ``mit`` phrase name goods, money, weapons or personnel (``goods.tsv``):
    "unterstützt die Rebellen mit Waffen", "mit 50 Millionen Dollar"?"""
    heads = list(args.pps.get("mit", [])) if args is not None else []
    heads += [c for o in (args.obj if args is not None else []) for c in s.children[o]
              if s.prep(c) == "mit"]  # the phrase hung on the object
    return any(s.toks[j].tag == "NN" and lex.names_goods(s.lemma(j))
               for h in heads for j in [h, *s.descendants(h, 2)])


def _force(ctx: Context, aid: str) -> bool:
    """Is the participant a police or armed force (``forces.tsv``; a linked actor by the
    role of its CAMEO code)?"""
    actor = ctx.actors.get(aid)
    if actor is not None and (actor.cameo or "").endswith(FORCE_ROLES):
        return True
    word = aid[1:] if aid.startswith(LOCAL) else actor.name if actor is not None else ""
    word = word.lower().split()[-1] if word.strip() else ""
    return any(word.startswith(stem) and len(word) - len(stem) <= 5 for stem in ctx.lex.forces)


def _court(ctx: Context, aid: str) -> bool:
    """Is the participant a court or a judge by its name ("Berufungsgericht", "Oberstes
    Gericht", "Richterin", "Europäischer Gerichtshof"), not a prosecutor (also JUD)?"""
    actor = ctx.actors.get(aid)
    word = aid[1:] if aid.startswith(LOCAL) else actor.name if actor is not None else ""
    return any(c in word.lower() for c in COURT_WORDS)


def _unreal(s: Sent, n: int, lex: Lexicon) -> bool:
    """Is event noun ``n`` governed by a warning, fear, prevention or commemoration
    (``unreal.tsv``: "warnte vor Anschlägen", "um Angriffe zu verhindern", "jährte sich der
    Anschlag")? The noun's head, or the head above its phrase's head, decides."""
    return any(s.lemma(h).lower() in lex.unreal or any(
        v.lower() in lex.unreal for v, _ in s.verb_lemmas(h)) for h in s.ancestors(n, 2)
        if s.toks[h].tag.startswith(("V", "NN")))


def _victims(s: Sent, n: int, lex: Lexicon) -> list[str]:
    """The victims of a conflictual event noun told as what befell them: "X wurde Opfer eines
    Anschlags", "Opfer von Gewalttaten wurden 39 Kopten", "X fiel einem Anschlag zum Opfer",
    "Bei Protesten kamen 22 Menschen ums Leben" (a harm verb of verbs.tsv)."""
    h = s.toks[n].head
    if not 0 <= h < len(s) or h == n:
        return []
    if s.prep(n) == "bei" and s.is_verb(h) and s.lemma(h) in lex.harm_verbs and any(
            t.plover == "ASSAULT" for t in lex.noun_entries(s.lemma(n).lower())) and (
            s.lemma(h) != "kommen" or any(s.lemma(c) == "Leben" for c in s.children[h])):
        args = verb_args(s, h)
        if not args.passive and not args.subj:  # "starben zwölf Menschen" with the people
            # parsed as the object of the intransitive verb: they are its subject
            args.subj = [j for j in args.obj if s.toks[j].tag in ("NN", "NE")
                         and s.prep(j) is None and not _oblique(s, j)][:1]
        ids = [a for j in (args.obj if args.passive else args.subj) for a in actors_of(s, j)]
        return ids or (_passive_patient(s, h) if args.passive else [])
    if s.lemma(h) == "opfer":  # the noun hangs on "Opfer": its clause's subject
        subj = [c for c in s.children[h] if s.toks[c].dep in SUBJ_DEPS]
        if subj:
            return actors_of(s, subj[0])
        up = s.toks[h].head
        return _subject_actors(s, up) if 0 <= up < len(s) and s.is_verb(up) else []
    if s.is_verb(h) and any(s.lemma(c) == "opfer" for c in s.children[h] + s.children[n]):
        return _subject_actors(s, h)  # "fiel einem Anschlag zum Opfer"
    return []


def _obliged(s: Sent, v: int) -> bool:
    """Is verb ``v`` a present infinitive under "solle"/"müsse" (Konjunktiv I: an obligation
    someone states, not a report that it happened or was planned)?"""
    comp = s.complex(v)
    if any(s.lemma(c) in ("haben", "sein") for c in comp if c != v):
        return False  # perfect infinitive: "soll … geliefert haben" is an allegation
    if s.toks[v].tag == "VVPP" and not any(s.lemma(c) == "werden" for c in comp):
        return False
    # only the unambiguous Konjunktiv I of reported speech: "sollte"/"müsste" are as often
    # conditions, advice or (mis-tagged) past indicatives ("wenn er verurteilt werden sollte")
    return any(s.toks[c].tag == "VMFIN" and s.toks[c].text.lower() in ("solle", "müsse")
               for c in comp)


def _drop_contents(s: Sent, found: list[Found]) -> list[Found]:
    """An act that is what a demand, a refusal or a threat is about ("forderte den Rückzug",
    "hatte Lenz aufgefordert, sein Mandat niederzulegen", "lehnte Gespräche ab", "drohte, die
    Meerenge zu sperren") has not happened: it is the content of that REQUEST/REJECT/THREATEN,
    not an event of its own (a taker without a target takes the content's); a demand noun
    that another event responds to is that event's topic."""
    # a promise or agreement whose content is coded ("vereinbarten, die Truppen abzuziehen"
    # is an announced retreat, CONCEDE): the content, rewritten as intent, is the event
    promised = {a for f in found if any(n.startswith("intent") for n in f.notes)
                for a in s.ancestors(f.anchor, 2)}
    found = [f for f in found if not (f.plover == "AGREE" and f.cameo == "030"
                                      and s.is_verb(f.anchor) and f.anchor in promised)]
    takers = {f.anchor: f for f in found if f.plover in CONTENT_TAKERS}
    others = {f.anchor for f in found}
    out: list[Found] = []
    for f in found:
        up = set(s.ancestors(f.anchor, 2)) if s.toks[f.anchor].dep not in (
            "conj", "parataxis") else set()
        content = f.plover not in CONTENT_TAKERS and bool(takers.keys() & up)
        for a in takers.keys() & up if content else ():
            taker = takers[a]  # "drohte, die Beziehungen zu X abzubrechen": a threat to X
            if not taker.target and f.target:
                taker.target = [t for t in f.target if t not in taker.source]
        # a demand that another event answers ("lehnte die Forderung ab", "ging auf eine
        # Forderung ein", "bezeichnete die Forderungen als unrealistisch") is its topic
        topic = (f.plover == "REQUEST" and s.toks[f.anchor].tag == "NN"
                 and bool((others - {f.anchor}) & up))
        # an act that a stance or a concession is about ("kritisierte die Festnahme des
        # Journalisten", "begrüßte die Freilassung", "hob die Sanktionen auf") is presupposed:
        # the topic of that event, not a report of its own (eval/README: not listed); a
        # stance's topic that names its agent still tells who did what ("kritisierte die
        # russischen Waffenlieferungen an Assad": Russia supplies arms) and stays
        topic = topic or (s.toks[f.anchor].tag == "NN" and any(
            g.anchor in up and g is not f and s.is_verb(g.anchor)
            and (g.plover == "CONCEDE" or (g.plover in STANCE_TYPES and not f.source))
            and {f.anchor, s.toks[f.anchor].head} & set(verb_args(s, g.anchor).obj)
            for g in found))
        if not content and not topic:
            out.append(f)
    return out


def _classifies(s: Sent, n: int) -> bool:
    """Is noun ``n`` an indefinite predicate that classifies something ("sie stellen einen
    Angriff auf die Bürgerrechte dar", "das war ein Anschlag auf die Demokratie")?"""
    if not any(s.toks[c].tag == "ART" and s.lemma(c) == "ein" for c in s.children[n]):
        return False  # "war der Bombenanschlag auf eine Kirche" identifies an event
    if any(s.toks[c].dep == "cop" for c in s.children[n]):
        # not when a participle or adjective is the real predicate ("ist ein Treffen geplant")
        return not any(s.segment[j] == s.segment[n] and s.toks[j].tag in ("VVPP", "ADJD")
                       for j in range(len(s)))
    h = s.toks[n].head
    return 0 <= h < len(s) and h != n and s.full_lemma(h) in CLASSIFYING_VERBS


def _wished_for(s: Sent, n: int) -> bool:
    """Is noun ``n`` what a call or wish asks for ("Rufe nach einem Rücktritt", "der Wunsch
    nach Neuwahlen"): the object of ``nach`` under a noun of demanding?"""
    h = s.toks[n].head
    return (s.prep(n) == "nach" and 0 <= h < len(s) and h != n and s.toks[h].tag == "NN"
            and s.lemma(h) in DEMAND_HEADS)


def _calls_for_act(s: Sent, v: int, args: Args | None, lex: Lexicon) -> bool:
    """Is what a speaker comes out for an act (an event noun: "sprach sich für die
    Freilassung aus"), not an actor or a policy?"""
    if any(s.segment[j] == s.segment[v] for j in s.correlates().get("für", ())):
        return True  # "sprach sich dafür aus, die Standards zu vereinheitlichen": a clause
    heads = list(args.pps.get("für", [])) if args is not None else []
    for j in range(len(s)):  # the parser may hang "für …" elsewhere: the noun after it
        if s.lemma(j) == "für" and s.segment[j] == s.segment[v]:
            heads += [k for k in range(j + 1, min(len(s), j + 4)) if s.toks[k].tag == "NN"][:1]
    return any(s.toks[j].tag == "NN" and lex.noun_entries(s.lemma(j)) for j in heads)


def _verdict(s: Sent, v: int, lex: Lexicon) -> str | None:
    """Polarity of the evaluative word a judging verb attributes (``als unrealistisch``, ``für
    falsch``, ``zum Terroristen``; ``nannte es einen Fehler``) in the verb's clause, or None."""
    for j in range(len(s)):
        if s.segment[j] != s.segment[v] or j == v:
            continue
        polarity = lex.judgements.get(s.lemma(j))
        if polarity is None or s.toks[j].tag not in ("ADJD", "ADJA", "NN"):
            continue
        before = {s.lemma(k) for k in range(max(0, j - 4), j)}
        if before & {"als", "für", "zu"} or s.lemma(v) == "nennen" or (
                "auf" in before and s.full_lemma(v) == "hinweisen") or (  # "wies auf … hin"
                "von" in before and s.lemma(v) == "sprechen"):  # "sprach von einem Verstoß"
            return polarity
    return None


def _in_future(article: Article, s: Sent, anchor: int) -> bool:
    """Is the event dated after the article's publication (the ``times`` layer's calendar value
    nearest the trigger, compared at its own precision: ``2006-07`` against the month)?"""
    if not article.published or not article.times:
        return False
    sentence = s.sentence
    t = date_for_span(article, sentence.start, sentence.end, anchor=s.toks[anchor].start)
    if t is None or not t.value or not FULL_DATE.match(t.value):
        return False
    value = t.value[:10]
    return value > article.published[:len(value)]


def _in_words(s: Sent, anchor: int, lex: Lexicon) -> bool:
    """Is an attack verbal: a verbal marker in the sentence (``mit scharfen Formulierungen``),
    or a colon or quotation mark after the trigger (what was said follows)?"""
    if any(s.lemma(i) in lex.verbal_markers for i in range(len(s))):
        return True
    return any(_opens_quote(s, k) for k in range(anchor + 1, len(s)))


def _polar_question(s: Sent, v: int) -> bool:
    """Is ``v`` in the main clause of a yes/no question: the sentence ends with a question
    mark and opens with its finite verb ("Wurde Rich gezielt ermordet?", "Treten Sie
    zurück?")? A question word ("Worauf haben sich … geeinigt?") presupposes the act, and a
    relative clause inside the question ("…, an dem Breivik 77 Menschen erschoss?") tells it."""
    if not len(s) or s.toks[-1].text != "?":
        return False
    first = next((k for k in range(len(s)) if s.toks[k].tag[:1] != "$"), None)
    return first is not None and s.toks[first].tag.endswith("FIN") \
        and s.segment[first] == s.segment[v]


def _opens_quote(s: Sent, k: int) -> bool:
    """Does token ``k`` open what was said: a colon or an opening quotation mark, not the mark
    that closes a quotation holding the words before it ("„Die Polizei hat mich mit
    Pfefferspray attackiert“, sagte sie")? `"` opens when an even number of them precede it,
    `“` only where no `„` does (English style)."""
    text = s.toks[k].text
    if text in (":", "„", "»"):
        return True
    if text == '"':
        return k + 1 < len(s) and sum(t.text == '"' for t in s.toks[:k]) % 2 == 0
    return text == "“" and not any(t.text == "„" for t in s.toks[:k])


def _official(ctx: Context, aid: str) -> bool:
    """A linked actor or a named one (their "protest" is verbal), not a crowd."""
    if aid.startswith(LOCAL):
        return aid in ctx.named
    actor = ctx.actors.get(aid)
    return actor is not None


def _armed(ctx: Context, s: Sent, aid: str) -> bool:
    """An armed non-state group: a linked actor coded as rebels or insurgents, or a
    participant named by an agent noun of role REB ("die Rebellen", "Milizionäre")."""
    if not aid.startswith(LOCAL):
        actor = ctx.actors.get(aid)
        return actor is not None and any(r in (actor.cameo or "") for r in ("REB", "INS"))
    return any(s.local_at[j] == aid and s.toks[j].tag == "NN"
               and ctx.lex.names_armed_group(s.lemma(j)) for j in range(len(s)))


def _organised(s: Sent, aid: str, lex: Lexicon) -> bool:
    """An unlinked participant named by an office or organisation noun ("Die FDP-Fraktion",
    "Die Vorsitzenden des Tierheims"), not a crowd ("rund 7.000 Menschen")."""
    return aid.startswith(LOCAL) and any(
        s.local_at[j] == aid and s.toks[j].tag == "NN" and lex.names_organised(s.lemma(j))
        and not any(s.toks[c].tag == "CARD" for c in s.children[j]) for j in range(len(s)))


def _happens(ctx: Context, s: Sent, f: Found, pos: str) -> bool:
    """An event noun flagged ``occur`` that takes place ("Demonstrationen fanden statt", "es
    kam zu Streiks") is an event without a named actor (PLOVER: PROTEST needs no recipient)."""
    if pos != "noun" or "occur" not in f.entry.flags or f.source:
        return False
    v = _occurrence_verb(ctx, s, f.anchor)
    if v is not None and s.lemma(v) == "geben" and any(
            s.toks[c].tag == "CARD" for c in s.children[f.anchor]):
        return False  # "2014 hatte es 199 Attacken gegeben": a statistic (eval/README)
    return v is not None


def _agentless_passive(s: Sent, f: Found, args: Args | None, lex: Lexicon,
                       at: int | None = None) -> bool:
    """A main-clause passive without agent whose patient is no participant ("Ein
    Investitionsabkommen wurde unterzeichnet", "Die Demonstration ist abgesagt worden",
    "Der Verkauf wurde erörtert"): the report leaves the actor out on purpose, the event still
    happened. Not for subordinate clauses (background) other than the content of a report
    (then alleged), other modalities, entries that need an actor (``needsrc``/``needtgt``) or
    types that require a recipient."""
    weak = {s.local_at[i] for i in s.weak}
    if args is None or not args.passive or f.source or any(a not in weak for a in f.target):
        return False  # a named target makes it an event anyway; a thing-like one does not
    v = f.anchor if at is None else at  # a noun's host: "Gespräche wurden aufgenommen"
    reported = _reported_content(s, v, lex)
    if f.modality != "asserted" and not (reported and f.modality == "alleged"):
        return False
    things = [j for j in args.obj if s.toks[j].tag == "NN" and s.prep(j) is None
              and not s.actors_at[j] and (s.local_at[j] is None or j in s.weak)]
    if not things:  # "wird festgehalten, dass …", "der Politiker wurde verpflichtet"
        return False
    root = s.toks[v].dep == "ROOT" or any(s.toks[c].dep == "ROOT" for c in s.complex(v)) \
        or reported
    return root and not {"needsrc", "needtgt"} & f.entry.flags \
        and not codes.plover_types()[f.plover].requires_recipient


def _reported_content(s: Sent, v: int, lex: Lexicon) -> bool:
    """Is verb ``v`` the content clause of a main-clause verb of saying or reporting ("hatte es
    geheißen, dass sechs Kopten erschossen wurden"): what is reported, not background?"""
    h = s.toks[v].head
    return s.toks[v].dep == "ccomp" and 0 <= h < len(s) and s.toks[h].dep == "ROOT" \
        and (s.full_lemma(h) in lex.speech_verbs or s.lemma(h) in lex.report_verbs)


def _occurrence_verb(ctx: Context, s: Sent, n: int) -> int | None:
    """The verb by which noun ``n`` takes place (``stattfinden``, ``es gibt``, ``sich
    ausweiten``; ``es kam zu``); a noun in another phrase ("außer der Menschenkette") is not
    what takes place."""
    if s.prep(n) not in (None, "zu"):
        return None
    h = s.toks[n].head
    if s.prep(n) == "zu":  # "kam es in der Silvesternacht zu Krawallen": the parser hangs
        # the zu-phrase on the time noun before it; "es kam zu" is the verb's
        for _ in range(2):
            if h == n or not 0 <= h < len(s) or s.toks[h].tag != "NN" \
                    or s.toks[h].dep not in ("nmod", "obl"):
                break
            h = s.toks[h].head
        if 0 <= h < len(s) and s.is_verb(h) and s.lemma(h) != "kommen":
            h = s.toks[n].head  # only "es kam … zu X" is climbed to
    if h == n or not 0 <= h < len(s) or not s.is_verb(h):
        return None
    if s.full_lemma(h) in ctx.lex.occur_verbs or s.lemma(h) in ctx.lex.occur_verbs:
        return h
    if _counts_victims(s, h, verb_args(s, h), ctx.lex, n):
        return h  # "ein Sprengstoffanschlag forderte acht Tote": the attack took place
    return None


def _intransitive(entry: Trigger) -> bool:
    """Does the entry's frame take its source from the subject and no object at all
    (``demonstrieren``, ``protestieren``, ``zurücktreten``)?"""
    return "subj" in entry.frame.source and not any(
        slot.startswith("obj") or slot == "iobj" for slot in entry.frame.target)


def _object_as_subject(s: Sent, v: int, args: Args) -> None:
    """A verb without object slot and without parsed subject whose "object" names people is
    read with that phrase as its subject: the parser takes the noun after a fronted finite
    verb for an object ("Vor dem Gebäude demonstrierten rund einhundert Bürger gegen …")."""
    if args.subj or args.passive or s.toks[v].tag != "VVFIN":
        return
    people = [j for j in args.obj if s.toks[j].tag in ("NN", "NE") and not _oblique(s, j)
              and any(a not in s.weak_ids for a in actors_of(s, j))]
    if people:
        args.subj = people[:1]
        args.obj = [j for j in args.obj if j != people[0]]


def _counts_victims(s: Sent, v: int, args: Args, lex: Lexicon, event: int | None = None) -> bool:
    """Is verb ``v`` a toll verb (``fordern``, ``kosten``) whose other nominal argument counts
    casualties ("forderte acht Tote", "kostete 30 Menschenleben")? Then it reports the victims
    of its subject (``event``, when given, must be that subject or the fronted object)."""
    if s.lemma(v) not in lex.toll_verbs or s.full_lemma(v) != s.lemma(v):
        return False  # not "forderte … auf" (a call)
    nominal = [j for j in args.subj + args.obj if s.prep(j) is None]
    if event is not None and event not in nominal:
        return False
    return any(j != event and s.toks[j].tag == "NN" and lex.names_casualties(s.lemma(j))
               for j in nominal)


def _enough(f: Found, pos: str, s: Sent) -> bool:
    """Precision rules: an actor argument at all; a source for nouns (a noun without its
    agent is background: "der Kampf gegen den IS"); a recipient where PLOVER requires one."""
    flags = f.entry.flags
    if not f.source and not f.target:
        return False
    if all(a in s.things for a in f.source + f.target):
        return False  # "Die Tore schossen …", "Die Bombe verwüstete einen Friseursalon"
    if ("needsrc" in flags or (pos == "noun" and not _victim(f, s)
                               and "victim" not in f.notes)) and not f.source:
        return False
    needs_target = "needtgt" in flags or codes.plover_types()[f.plover].requires_recipient
    if "relief" in flags or "relief" in f.notes:  # relief goods or forces sent to a disaster:
        needs_target = False  # the recipients are the people of the stricken area
    if "call for an act" in f.notes or "court" in f.notes:  # "setzten sich dafür ein, dass
        needs_target = False  # …": a demand; a court's sentence
    return not (needs_target and not f.target and not ("recip" in flags and len(f.source) > 1))


def _victim(f: Found, s: Sent) -> bool:
    """A conflictual event noun with its target but no agent ("Bombenanschlag auf eine
    Kirche", "Ermittlungen gegen X"): the agent is often unknown, the event still happened.
    The target must be an actor or an agent noun, not any noun ("Kampf gegen den Terror");
    an ongoing state (flag ``ongoing``: "der Krieg gegen den IS") is background without agent."""
    weak = {s.local_at[i] for i in s.weak}
    return (any(a not in weak for a in f.target) and not {"recip", "ongoing"} & f.entry.flags
            and codes.quad_class(f.plover) >= 3)


def _dedupe(found: list[Found]) -> list[Found]:
    """One event per type, source and target in a sentence (``angreifen … und Giftgas
    einsetzen`` with one actor is one ASSAULT), keeping the first."""
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    out: list[Found] = []
    for f in found:
        key = (f.plover, tuple(sorted(f.source)), tuple(sorted(f.target)))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def context(article: Article, lex: Lexicon | None = None) -> Context:
    lex = lex or load_lexicon()
    # a derived name ("Tibeter", "Kurden": GermEval "deriv") names a people, not a party
    named = {LOCAL + e.text for e in article.entities if not e.actor and e.subtype != "deriv"}
    return Context(article, lex, _sents(article, lex), {a.id: a for a in article.actors}, named)


def find(article: Article, lex: Lexicon | None = None) -> list[Found]:
    """Every event trigger with its arguments in ``article`` (needs sentences and actors)."""
    ctx = context(article, lex)
    return [f for s in ctx.sents for f in find_in_sentence(ctx, s)]


# ------------------------------------------------------------------------------ writing
def _ref(ctx: Context, aid: str) -> ActorRef:
    if aid.startswith(LOCAL):
        return ActorRef(id=None, name=aid[len(LOCAL):])
    actor = ctx.actors.get(aid)
    return actor.ref() if actor else ActorRef(id=aid, name=aid)


def _date(article: Article, sentence: Sentence, at: int) -> EventDate | None:
    """The time expression inside the event's sentence nearest the trigger, from the ``times``
    stage's layer (``lagebild.times.date_for_span``; no layer, no date)."""
    if not article.times:  # the times stage did not run or found nothing: do not search again
        return None
    best = date_for_span(article, sentence.start, sentence.end, anchor=at)
    if best is None or not best.value:
        return None
    return EventDate(value=best.value, text=best.text, start=best.start, end=best.end)


def _trigger_run(s: Sent, f: Found) -> list[int]:
    """The trigger span: the run of trigger tokens around the anchor, bridging adjectives and
    articles (``auf Eis gelegt``, ``gemeinsames militärisches Vorgehen``); a separable verb's
    particle far away is left out (``lehnte … ab`` → ``lehnte``, as the gold convention)."""
    tokens = set(f.tokens)
    lo = hi = f.anchor
    bridge = ("ADJA", "ADJD", "ART", "APPRART")
    while True:
        if lo - 1 in tokens:
            lo -= 1
        elif lo - 2 in tokens and s.toks[lo - 1].tag in bridge:
            lo -= 2
        else:
            break
    while True:
        if hi + 1 in tokens:
            hi += 1
        elif hi + 2 in tokens and s.toks[hi + 1].tag in bridge:
            hi += 2
        else:
            break
    return list(range(lo, hi + 1))


def write(article: Article, found: list[Found], ctx: Context | None = None) -> list[Event]:
    ctx = ctx or context(article)
    events: list[Event] = []
    for f in found:
        sentence = ctx.sents[f.sent].sentence
        toks = [sentence.tokens[i] for i in _trigger_run(ctx.sents[f.sent], f)]
        start, end = min(t.start for t in toks), max(t.end for t in toks)
        code = codes.lookup(f.cameo)
        info = codes.plover_types()[f.plover]
        contexts = list(code.contexts)
        mode = f.mode or code.mode or None
        if f.plover == "AID" and mode is None and contexts:
            mode = contexts[0]  # AID has no PLOVER modes: the kind of aid (military …)
        loc = None
        if f.location:
            loc = Span(start=f.location[0], end=f.location[1],
                       text=article.text[f.location[0]:f.location[1]])
        events.append(Event(
            type=PloverType(f.plover), mode=mode, context=contexts, cameo=f.cameo,
            goldstein=code.goldstein, quad_class=info.quad,
            source=[_ref(ctx, a) for a in f.source], target=[_ref(ctx, a) for a in f.target],
            trigger=Span(start=start, end=end, text=article.text[start:end]),
            location=loc, date=_date(article, sentence, toks[0].start),
            modality=Modality(f.modality), statement=f.statement,
            sentence=Offsets(start=sentence.start, end=sentence.end),
            confidence=round(max(0.1, min(1.0, f.confidence)), 2)))
    return events


def code_article(article: Article, lex: Lexicon | None = None) -> Article:
    """Fill ``article.events`` (replacing what was there)."""
    ctx = context(article, lex)
    found = [f for s in ctx.sents for f in find_in_sentence(ctx, s)]
    article.events = [e for e in write(article, found, ctx) if gate.keep(article, e)]
    return article


def code_many(articles: Iterable[Article]) -> Iterator[Article]:
    lex = load_lexicon()
    for article in articles:
        yield code_article(article, lex)
