"""The coder's view of one parsed sentence (:class:`Sent`): tokens, heads, dependents,
actor mentions by token, and the lookups every rule shares; plus the word classes those
lookups use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lagebild.german import DASHES, SEPARABLE_PARTICLES, infix_zu_infinitives
from lagebild.model import Sentence, Token

PREP_TAGS = frozenset({"APPR", "APPRART", "APPO", "APZR"})
BOUNDARY_TAGS = frozenset({"$,", "$(", "$."})
#: tag prefixes of verbs: full, auxiliary, modal (:meth:`Sent.is_verb`)
VERB_TAG_PREFIXES = frozenset({"VV", "VA", "VM"})
SUBJ_DEPS = ("nsubj", "nsubj:pass")
#: words that open a subordinate clause (conjunction, relative or interrogative)
SUBORDINATORS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS"})
#: tags of the words that open a noun phrase before its adjectives
DETERMINER_TAGS = frozenset({"ART", "APPRART", "PDAT", "PPOSAT", "PIAT"})
GEN_DEPS = frozenset({"nmod", "nmod:poss", "det:poss", "amod", "dep", "appos"})
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


#: plurals with a sense of their own, which the lemmatiser folds into the singular's:
#: "Schulden" are debts, "Schuld" is guilt ("sehen trotz Schulden positive Effekte" is no
#: "Schuld sehen", blame)
OWN_PLURALS = frozenset({"schulden"})


#: what an interview's label is made of ("STANDARD:", "Frage:", "Die Welt:")
LABEL_TAGS = frozenset({"NN", "NE", "ART", "FM", "ADJA"})


def label_end(tokens: Sequence[Token]) -> int:
    """Where a sentence begins after an interview's label ("STANDARD: Warum …?", "Frage: …"):
    the token after a colon that follows at most three nouns, names or articles from the
    start; 0 when there is none."""
    for k in range(min(4, len(tokens))):
        if tokens[k].text == ":":
            return k + 1 if k and all(tokens[j].tag in LABEL_TAGS for j in range(k)) else 0
    return 0


#: what the noun phrase before "zufolge" is made of ("der Menschenrechtsorganisation Cepadho
#: zufolge", "Angaben der Polizei zufolge")
ATTRIBUTION_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "PPOSAT", "PIAT", "CARD", "FM"})


#: nouns of a report after "nach" ("nach Angaben der Polizei", "nach Informationen von …")
REPORT_NOUNS = frozenset({"angaben", "informationen", "darstellung", "berichten",
                          "schätzungen", "einschätzung", "erkenntnissen", "aussagen"})


def attribution_tokens(tokens: Sequence[Token]) -> set[int]:
    """The tokens of a source a sentence cites with "zufolge" ("Bei Kämpfen sind der
    Menschenrechtsorganisation Cepadho zufolge 30 Menschen getötet worden"): who reports an
    event is no participant of it; nor is the one named after "laut" or "nach Angaben" ("Nach
    Angaben der Nachrichtenagentur Anadolu wurden … suspendiert"), whom the parser may hang
    on the verb as an object."""
    out: set[int] = set()
    for k, t in enumerate(tokens):
        word = t.text.lower()
        if word == "zufolge":
            j = k - 1
            while j >= 0 and tokens[j].tag in ATTRIBUTION_TAGS:
                out.add(j)
                j -= 1
        elif (word == "nach" and k + 1 < len(tokens)
              and tokens[k + 1].text.lower() in REPORT_NOUNS) or (
                word == "laut" and t.tag == "APPR"):
            # "Nach Angaben der Nachrichtenagentur Anadolu wurden … suspendiert", "laut der
            # Polizei": the phrase and the genitives that follow it
            end = _phrase_end(tokens, k + 1)
            # (not "von": "nach Angaben des Kanzleramts von den EU-Staaten … versprochen"
            # is the passive's agent)
            while end < len(tokens) and tokens[end].text.lower() in ("der", "des"):
                nxt = _phrase_end(tokens, end + 1)
                if nxt == end + 1:
                    break
                end = nxt
            out.update(range(k + 1, end))
    return out


def _phrase_end(tokens: Sequence[Token], j: int) -> int:
    """Where a simple noun phrase from ``j`` ends: a determiner, adjectives, then one noun
    and the names after it ("der Nachrichtenagentur Anadolu", "Klubchef Robert Lugar") or
    names alone; ``j`` itself when none starts there (not "18 Zivilisten" after it)."""
    n = len(tokens)
    k = j
    if k < n and tokens[k].tag in ("ART", "PPOSAT", "PIAT"):
        k += 1
    while k < n and tokens[k].tag in ("ADJA", "ADJD"):
        k += 1
    if k < n and tokens[k].tag == "NN":
        k += 1
    elif not (k < n and tokens[k].tag in ("NE", "FM")):
        return j
    while k < n and tokens[k].tag in ("NE", "FM"):
        k += 1
    return k


def label_tokens(tokens: Sequence[Token]) -> range:
    """The tokens of a label that opens a sentence, before its colon: an interviewer's
    ("STANDARD: ... wird darüber geklagt") or a headline's source ("NGO: 198 Zivilisten …
    getötet", "Merkel: Die Polizei hat …"). It stands outside the clause the parser hangs it
    on, so it is no participant of what the clause tells; an empty range when there is none
    (:func:`label_end`)."""
    return range(max(label_end(tokens) - 1, dateline_end(tokens)))


#: what :meth:`Sent.prep` says of "von … aus" ("von Belgien aus"): where from, not by whom
CIRCUMPOSITION = "von aus"
#: what a dateline before its dash is made of: places, a slash, an agency in parentheses
DATELINE_TAGS = frozenset({"NE", "$(", "FM"})


def dateline_end(tokens: Sequence[Token]) -> int:
    """The tokens of a dateline that opens a sentence, before its dash ("Berlin/Ankara – Die
    türkische Regierung hat … gefordert", "Wien (APA) – …"): the place an article was
    written is no participant of what it tells (the parser made "Berlin" the subject); 0
    when there is none."""
    for k in range(1, min(6, len(tokens) - 1)):
        if tokens[k].text in DASHES:
            words = [tokens[j].text for j in range(k)]  # one place, or places and agencies
            # ("Selahattin Demirtas – dem die Immunität … entzogen werden soll –" is a name)
            return k if tokens[0].tag == "NE" and (k == 1 or "/" in words or "(" in words) \
                and tokens[k + 1].text[:1].isupper() and all(
                    tokens[j].tag in DATELINE_TAGS or tokens[j].text in ("(", ")", "/")
                    for j in range(k)) else 0
    return 0


def _rule_lemma(t: Token) -> str:
    """The lemma the rules read: lower case, the form where the lemmatiser gave none."""
    lemma = t.lemma.lower() or t.text.lower()
    if t.tag == "NN" and t.text.lower() in OWN_PLURALS:
        return t.text.lower()
    if "ß" in lemma and t.tag in ("NN", "NE") and "ß" not in t.text and "ss" in t.text:
        # the lemmatiser writes nouns in the old spelling ("Prozess" → "prozeß",
        # "Beschuss" → "beschuß"); the lexicon and the text use the reformed one
        lemma = lemma.replace("ß", "ss")
    return lemma


#: endings after a verb's stem in the present indicative ("treff|en", "komm|t")
PRESENT_ENDINGS = frozenset({"", "e", "st", "t", "et", "est", "en", "n"})
#: present forms of the auxiliaries and of "können", which no regular ending explains
PRESENT_AUXILIARIES = {"sein": ("ist", "sind"), "werden": ("wird", "werden"),
                       "haben": ("hat", "haben"), "können": ("kann", "können")}

#: prefix of the argument key of a participant the actor layer did not link ("~Polizei")
LOCAL = "~"


@dataclass
class Participants:
    """Who a sentence's tokens name, by token (found by ``repairs._participants``)."""

    actors_at: list[list[str]]  # linked actor ids of the mentions at each token
    local_at: list[str | None]  # "~words" of an unlinked participant at a token
    weak: set[int] = field(default_factory=set)  # tokens whose participant is only "not a
    # non-agent noun"
    persons: set[int] = field(default_factory=set)  # tokens naming a person (linked or PER)
    things: set[str] = field(default_factory=set)  # weak participants whose noun names no
    # people


#: the attributes of :class:`Sent` that come from its :class:`Participants`
PARTICIPANT_FIELDS = frozenset({"actors_at", "local_at", "weak", "persons", "things",
                                "weak_ids"})


class Sent:
    """One sentence with the lookups the rules need (children, segments, actors per token).

    ``participants`` may be a function that finds them: it runs when a rule first reads one of
    :data:`PARTICIPANT_FIELDS`. Finding the actors at every token is the dearest part of the
    view, and only about a quarter of news sentences hold a trigger; the others are never
    asked (``__getattr__`` runs only while the attributes are unset, so later reads cost a
    plain attribute's time)."""

    actors_at: list[list[str]]
    local_at: list[str | None]
    weak: set[int]
    persons: set[int]
    things: set[str]
    weak_ids: set[str | None]

    def __init__(self, index: int, sentence: Sentence, tokens: list[Token],
                 participants: Participants | Callable[[], Participants],
                 lemmas: list[str] | None = None) -> None:
        self.index = index
        self.sentence = sentence
        self.toks = tokens  # as the rules read them: retagged and repaired (``repairs.SentViews``)
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
        #: what rules compute once per sentence and ask again (``arguments.verb_args``)
        self.memo: dict[Any, Any] = {}
        self._find_participants: Callable[[], Participants] | None = None
        if isinstance(participants, Participants):
            self._take(participants)
        else:
            self._find_participants = participants
        self._particles: dict[int, int | None] = {}
        # a verb's particle is a token tagged or attached as one: without any, none is sought
        self._has_particles = any(t.tag == "PTKVZ" or t.dep == "compound:prt" for t in tokens)
        # every rule reads lemmas, most of them many times: computed once, up front
        self.lemmas: list[str] = lemmas if lemmas is not None else [
            _rule_lemma(t) for t in self.toks]
        self._words: set[str] | None = None
        self._mentioned: dict[str, bool] = {}
        self._nouns: list[str] = []
        self._correlates: dict[str, list[int]] | None = None

    def _take(self, p: Participants) -> None:
        self.actors_at = p.actors_at
        self.local_at = p.local_at
        self.weak = p.weak
        self.persons = p.persons
        self.things = p.things
        self.weak_ids = {p.local_at[i] for i in p.weak}

    def __getattr__(self, name: str) -> Any:
        # only called for attributes not set yet: the deferred participants
        find = self.__dict__.get("_find_participants")
        if name not in PARTICIPANT_FIELDS or find is None:
            raise AttributeError(name)
        self._find_participants = None
        self._take(find())
        return getattr(self, name)

    def __len__(self) -> int:
        return len(self.toks)

    def lemma(self, i: int) -> str:
        return self.lemmas[i]

    def is_present_form(self, c: int) -> bool:
        """Is finite verb ``c`` in the present tense by its form: its lemma's stem and a
        present ending ("treffen", "kommt", "soll", "wird")? The tagger's ``Tense`` feature
        says Pres for "baten" and "beriet", so the form decides; a present with a changed
        vowel ("trifft") is not recognised, which only leaves it asserted."""
        form, lemma = self.toks[c].text.lower(), self.lemma(c).lower()
        if form in PRESENT_AUXILIARIES.get(lemma, ()):
            return True
        if not lemma.endswith("n"):  # the lemmatiser left the form ("liess"): tense unknown
            return False
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        return bool(stem) and form.startswith(stem) and form[len(stem):] in PRESENT_ENDINGS

    def is_zu_infinitive(self, v: int) -> bool:
        """``anzugreifen``, ``zu liefern``, and the perfect ``gefoltert zu haben`` (the parser
        may hang ``zu`` on the auxiliary instead of the participle). A finite verb never is
        ("werfen … vor, … herbeigeführt zu haben" with "zu haben" hung on "werfen")."""
        if self.toks[v].tag.endswith("FIN"):
            return False
        return self.toks[v].tag == "VVIZU" or any(
            self.toks[c].tag == "PTKZU" or (self.toks[c].tag == "VAINF" and any(
                self.toks[g].tag == "PTKZU" for g in self.children[c]))
            for c in self.children[v])

    def mentions(self, word: str) -> bool:
        """Could an idiom's word match some token: a lemma or form of the sentence, or the
        end of one of its nouns (a compound)? A quick test before the idiom's own match."""
        if self._words is None:
            self._words = set(self.lemmas) | {t.text.lower() for t in self.toks}
            self._nouns = [form for lm, t in zip(self.lemmas, self.toks, strict=True)
                           if t.tag == "NN" for form in (lm, t.text.lower())]
        if word in self._words:
            return True
        hit = self._mentioned.get(word)  # idioms share words: each asked once per sentence
        if hit is None:
            hit = self._mentioned[word] = (
                word in CORRELATE_PREPOSITIONS and word in self.correlates()) or (
                len(word) >= 4 and any(n.endswith(word) for n in self._nouns))
        return hit

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

    def has_reflexive(self, v: int) -> bool:
        """Has word ``v`` a reflexive pronoun (``PRF``) of its own ("bekannte sich")?"""
        return any(self.toks[c].tag == "PRF" for c in self.children[v])

    def is_verb(self, i: int) -> bool:
        return self.toks[i].tag[:2] in VERB_TAG_PREFIXES

    def particle(self, i: int) -> int | None:
        """The separable particle of verb ``i`` (``an`` of ``streben … an``), memoised."""
        if not self._has_particles:
            return None
        if i not in self._particles:
            self._particles[i] = self._find_particle(i)
        return self._particles[i]

    def _find_particle(self, i: int) -> int | None:
        for c in self.children[i]:
            if self.toks[c].dep == "compound:prt" or self.toks[c].tag == "PTKVZ":
                if self.toks[c].tag == "PTKZU" and c + 1 < len(self) \
                        and self.toks[c + 1].tag.endswith("INF"):
                    continue  # the "zu" of an infinitive the parser hung on the verb ("Sie
                    # sagten, es sei zielführend, fremd im eigenen Land zu sein"): no "zusagen"
                if c > i and self.segment[c] != self.segment[i] and self._subordinate(i):
                    continue  # the main clause's particle after a verb-final clause
                return c
        if self.toks[i].tag == "VVFIN":  # parser missed it: the next PTKVZ of the clause
            seg = self.segment[i]
            j = i + 1
            while j < len(self):
                if self.segment[j] != seg:
                    # the clause goes on after a subordinate clause set off by commas ("griffen
                    # … in Quetta, die im Grenzgebiet liegt, das Haus … an"): a verb-final
                    # clause keeps its own particle joined, so the one after it is this verb's
                    resumes = self._after_embedded_clause(j)
                    if resumes is None:
                        break
                    j, seg = resumes, self.segment[resumes]
                    continue
                if self.toks[j].tag == "PTKVZ":
                    return j
                if self.toks[j].tag == "VVFIN" and (
                        self.toks[j].lemma.lower() != self.toks[j].text.lower()
                        or any(self.toks[k].tag == "KON" and self.segment[k] == seg
                               for k in range(i + 1, j))):
                    # a second finite verb opens a clause of its own; not one the
                    # lemmatiser did not know without a conjunction before it: a word the
                    # tagger misread ("griff der Mann das Kind … unvermittelt an")
                    break
                j += 1
        return None

    def _subordinate(self, i: int) -> bool:
        """Does token ``i``'s clause segment open with a subordinator ("…, die im Grenzgebiet
        liegt")?"""
        k = i
        while k > 0 and self.segment[k - 1] == self.segment[i]:
            k -= 1
        if self.toks[k].tag in PREP_TAGS and k + 1 < len(self):
            k += 1
        return self.toks[k].tag in SUBORDINATORS

    def _after_embedded_clause(self, j: int) -> int | None:
        """The first token after the subordinate clause that the comma at ``j`` opens, when
        a comma closes it and the sentence goes on; None for any other boundary."""
        if self.toks[j].text != "," or j + 1 >= len(self):
            return None
        first = j + 1
        if self.toks[first].tag in PREP_TAGS:  # "…, in der …"
            first += 1
        if first >= len(self) or self.toks[first].tag not in SUBORDINATORS:
            return None
        end = next((k for k in range(first, len(self)) if self.segment[k] == -1), None)
        if end is None or self.toks[end].text != "," or end + 1 >= len(self):
            return None
        return end + 1

    def verb_lemmas(self, i: int) -> list[tuple[str, int | None]]:
        """Candidate lemmas of verb ``i``: with its particle first (``anstreben``), then bare."""
        out: list[tuple[str, int | None]] = []
        prt = self.particle(i)
        if prt is not None:
            out.append((self.lemma(prt) + self.lemma(i), prt))
        out.append((self.lemma(i), None))
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
                if self.toks[c].tag == "KOUS" and self.toks[i].tag == "PPER":
                    continue  # "Seit ich die Polizei beobachte": a conjunction before the
                    # clause's subject
                if any(d < c and self.toks[d].tag == "ART" and self.toks[d].dep == "det"
                       for d in self.children[i]):
                    continue  # "der als gemäßigt geltende Präsident": after the noun's
                    # determiner, the preposition opens an attribute inside its phrase
                if self.lemma(c) == "von" and any(d > i and self.toks[d].tag == "APPO"
                                                  for d in self.children[i]):
                    return CIRCUMPOSITION  # "von Belgien aus": a place, no agent
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
                and self.toks[i].tag in ("VVPP", "VVINF")  # auxiliary parsed as the head
                and not any(self.toks[c].tag in SUBORDINATORS or (
                    self.toks[c].dep.startswith("aux") and self.toks[c].tag.endswith("FIN"))
                    for c in self.children[i])):  # (not of a clause of its own: "Die USA
            # haben keinen Hinweis darauf, dass die Diplomaten getötet worden sind")
            out.add(h)
        for c in self.children[i]:
            if self.toks[c].dep in ("aux", "aux:pass", "cop") or (
                self.toks[c].tag[:2] in ("VA", "VM") and self.toks[c].dep != "xcomp"
                # not the verb of a clause of its own ("beklagten sich …, dass sie keinen
                # Zugriff hatten")
                and not any(self.toks[k].tag in SUBORDINATORS for k in self.children[c])
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
