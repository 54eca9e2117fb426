"""The German event lexicon: loads the data files of ``lagebild/events/data`` once."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any, Literal

DATA = "lagebild.events.data"

Pos = Literal["verb", "noun", "idiom"]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file (``#`` lines are comments, the first other line the header)."""
    text = resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _plural_forms(low: str) -> tuple[str, ...]:
    """A lower-case noun and, for a plural the lemmatiser left alone ("Essenspakete", "Waffen",
    "MPS-Aktien"), its forms without the last one or two letters."""
    return (low, low[:-1], low[:-2]) if low.endswith(("e", "n", "s")) else (low,)


#: umlauts undone when a plural the lemmatiser left is cut to its singular ("Vorwürfe")
UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}
#: plural endings of nouns, stripped when the lemmatiser left a plural as its own lemma
PLURAL_ENDINGS = ("en", "e", "n")


def without_umlaut(stem: str) -> str:
    """The stem with the umlaut of its last syllable undone (``vorwürf`` → ``vorwurf``,
    ``anschläg`` → ``anschlag``, ``bäum`` → ``baum``); unchanged when it has none."""
    for k in range(len(stem) - 1, -1, -1):
        plain = UMLAUTS.get(stem[k])
        if plain is not None:
            return stem[:k] + plain + stem[k + 1:]
        if stem[k] in "aeiou" and not (stem[k] == "u" and stem[k - 1:k] == "ä"):  # "äu"
            return stem
    return stem


@cache
def sein_perfects() -> tuple[str, ...]:
    """Ends of the lemmas of verbs whose perfect takes "sein" (``perfect_sein.tsv``): with one
    of them, "ist … zurückgetreten" is a perfect with an acting subject, not a passive."""
    return tuple(r["ending"].lower() for r in read_tsv("perfect_sein.tsv"))


@cache
def quantifiers(flag: Literal["crowd", "plural"]) -> frozenset[str]:
    """Quantity words of ``quantifiers.tsv`` with ``flag`` set: ``crowd`` (they count people),
    ``plural`` (as a determiner they make the noun phrase plural)."""
    return frozenset(r["word"].lower() for r in read_tsv("quantifiers.tsv") if r[flag] == "yes")


@dataclass(frozen=True)
class Frame:
    """Where a trigger's source and target are: slot names tried in order."""

    source: tuple[str, ...]
    target: tuple[str, ...]

    @classmethod
    def parse(cls, text: str, pos: Pos) -> Frame:
        noun = pos == "noun"
        src: tuple[str, ...] = ("gen", "host") if noun else ("subj",)
        tgt: tuple[str, ...] = () if noun else ("obj",)
        for part in filter(None, (p.strip() for p in text.split(";"))):
            key, _, value = part.partition("=")
            slots = tuple(s.strip() for s in value.split(",") if s.strip())
            if key == "src":
                src = slots
            elif key == "tgt":
                tgt = slots
            else:
                raise ValueError(f"bad frame part {part!r}")
        for slot in src + tgt:
            if slot not in SLOTS and not re.fullmatch(r"(obj>|pp:\w+>)?pp:\w+", slot):
                raise ValueError(f"unknown frame slot {slot!r} in {text!r}")
        return cls(src, tgt)


#: the type of the idioms of ``idioms_no_event.tsv``, which report no event
NO_EVENT = "(none)"
#: frame slots besides ``pp:X``, ``obj>pp:X`` and ``pp:Y>pp:X`` (README.md)
SLOTS = frozenset({"subj", "obj", "iobj", "gen", "host", "hostobj", "agent", "ogen", "poss",
                   "pred"})
#: kinds of ``goods.tsv`` that a force sends or withdraws (MOBILIZE, RETREAT): not money,
#: food or energy ("Geld vom Konto abgezogen" is no withdrawal of forces)
MILITARY_KINDS = frozenset({"weapons", "equipment", "personnel"})
#: kinds of ``nonagents.tsv`` whose nouns, as the subject of an act, tell how a figure moved
#: ("Die Preise gaben nach"): no party acted
FIGURE_KINDS = frozenset({"figure", "quantity"})
#: the flags the coder reads (README.md); a typo in triggers.tsv fails at load
FLAGS = frozenset({"actors", "aidwith", "callfor", "disaster", "expel", "forces", "goods",
                   "intrans", "joint", "judge", "lightobj", "meet", "needsrc", "needtgt",
                   "noabout", "nodir", "nointo", "noquote", "norefl", "nosein", "nostate", "occur",
                   "ongoing", "ownact", "recip", "refl", "relief", "restriction", "setting",
                   "thingobj", "threat", "verb", "verbal", "veto", "words"})


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry of ``triggers.tsv``."""

    pattern: str
    pos: Pos
    plover: str
    cameo: str
    mode: str
    frame: Frame
    flags: frozenset[str]
    words: tuple[str, ...] = field(default=())  # idiom lemmas (lower case), anchor last

    @property
    def anchor(self) -> str:
        return self.words[-1] if self.words else self.pattern.lower()

    @property
    def suffix(self) -> bool:
        return self.pattern.startswith("*")


@dataclass(frozen=True)
class ModalityCue:
    cue: str
    scope: str  # gov | aux | adv | det | mark | phrase
    modality: str
    morph: str


@dataclass(frozen=True)
class Instrument:
    pattern: str
    plover: str
    mode: str
    cameo: str

    def matches(self, lemma: str) -> bool:
        """Is ``lemma`` (lower case) this means: the lemma itself, or for ``*suffix`` a
        compound ending so?"""
        pat = self.pattern.lower()
        return lemma == pat or (pat.startswith("*") and lemma.endswith(pat[1:]))


@dataclass(frozen=True)
class NounList:
    """The nouns of a word-list data file (``animals.tsv``, ``cyber.tsv`` …): lemmas (lower
    case), and ``*suffix`` entries that match a compound's head (``*bär``: Eisbär)."""

    words: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()

    @classmethod
    def read(cls, name: str, kinds: frozenset[str] | None = None) -> NounList:
        """The file's nouns; with ``kinds``, only rows whose ``kind`` starts with one of them."""
        entries = [r["lemma"].lower() for r in read_tsv(name)
                   if kinds is None or r["kind"].split()[0] in kinds]
        return cls(frozenset(w for w in entries if not w.startswith("*")),
                   tuple(w[1:] for w in entries if w.startswith("*")))

    def __contains__(self, lemma: object) -> bool:
        """Is ``lemma`` (any case) listed, or a compound ending in a listed head?"""
        low = str(lemma).lower()
        return low in self.words or low.endswith(self.endings)


#: endings of an infinitive: an idiom anchor with one is its verb ("Anzeige erstatten")
IDIOM_VERB_ENDINGS = ("en", "ln", "rn")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[Trigger]]  # lemma (lower) -> entries
    nouns: dict[str, list[Trigger]]
    noun_suffixes: list[Trigger]  # longest suffix first
    idioms: dict[str, list[Trigger]]  # anchor lemma (lower) -> entries, longest first
    modality: tuple[ModalityCue, ...]
    intent: dict[tuple[str, str], tuple[str, str]]  # (type, CAMEO prefix) -> (type, code)
    instruments: list[Instrument]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    agents: frozenset[str]  # lemmas (lower) of nouns naming an unlinked participant
    occur_verbs: frozenset[str]  # "stattfinden", "kommen (zu)": an event noun happens
    verbal_markers: frozenset[str] = frozenset()  # make an attack verbal (flag ``words``)
    nonagents: frozenset[str] = frozenset()  # lemmas (lower) that never name a participant
    nonagent_suffixes: tuple[str, ...] = ()  # endings of such nouns (abstract, time, things)
    judgements: dict[str, str] = field(default_factory=dict)  # lemma -> neg | pos | label | dismiss
    receive_verbs: frozenset[str] = frozenset()  # "erhalten": the subject is the recipient
    renounce: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # like intent
    protesters: tuple[str, ...] = ()  # word starts of protesting participants (Demonstrant)
    position_adverbs: frozenset[str] = frozenset()  # "grundsätzlich": a stance, no act
    persons: frozenset[str] = frozenset()  # lemmas (lower) of nouns naming people
    person_endings: tuple[str, ...] = ()  # endings of such nouns (Forscher, Angeklagte)
    goods: frozenset[str] = frozenset()  # lemmas (lower) of what can be supplied as aid
    goods_endings: tuple[str, ...] = ()  # compound heads of such nouns (Hilfsgut)
    arms: frozenset[str] = frozenset()  # the goods that are military: weapons, equipment, troops
    arms_endings: tuple[str, ...] = ()  # compound heads of such nouns (Spezialeinheit)
    forces: tuple[str, ...] = ()  # word starts of police and armed forces (forces.tsv)
    disasters: NounList = NounList()  # natural disasters (Flutkatastrophe)
    strong_past: tuple[tuple[str, str], ...] = ()  # past stem -> infinitive end (forms.tsv)
    join_verbs: frozenset[str] = frozenset()  # "sich beteiligen an": the subject joins the act
    unreal: frozenset[str] = frozenset()  # lemmas (lower) that make an event noun unreal
    restrictions: NounList = NounList()  # bans, sanctions, verdicts (Ausgangssperre)
    toll_verbs: frozenset[str] = frozenset()  # "fordern", "kosten": count an event's victims
    harm_verbs: frozenset[str] = frozenset()  # "sterben", "verletzen": who an event befell
    begin_verbs: frozenset[str] = frozenset()  # "begann mit der Räumung": carry a mit-noun
    travel_verbs: frozenset[str] = frozenset()  # "reiste zu Gesprächen": carry a zu-noun
    claim_verbs: frozenset[str] = frozenset()  # "bekannte sich zu dem Überfall": claim a zu-noun
    plain_verbs: frozenset[str] = frozenset()  # particle verbs whose bare verb is no reading
    cause_verbs: frozenset[str] = frozenset()  # "auslösen": its subject event is reported
    casualties: NounList = NounList()  # casualty nouns (Tote, Opfer, Todesopfer)
    crowds: frozenset[str] = frozenset()  # agent nouns of role CVL: people a crowd is made of
    threats: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # like intent
    armed: frozenset[str] = frozenset()  # agent nouns of role REB: armed non-state groups
    rallies: tuple[str, ...] = ()  # protesters.tsv stems with rally=yes (Demonstrant)
    animals: NounList = NounList()  # animal nouns (Biber, Eisbär)
    business: NounList = NounList()  # nouns of companies, managers, customers (Konzern)
    companies: frozenset[str] = frozenset()  # company names, lower case (volkswagen, vw)
    cyber: NounList = NounList()  # cyber targets and means (Website, Parteicomputer)
    non_events: tuple[str, ...] = ()  # ends of compounds of a trigger's head, no event
    research: NounList = NounList()  # research and researchers (Forscher, Studie)
    accidents: NounList = NounList()  # accidents and fires (Verkehrsunfall, Wohnungsbrand)
    figures: NounList = NounList()  # prices, shares, sums (``nonagents.tsv`` figure, quantity)
    vehicles: NounList = NounList()  # trains, cars, lorries (``vehicles.tsv``)

    def names_cyber(self, lemma: str) -> bool:
        """Is a noun a cyber target or means (``cyber.tsv``: "Computernetzwerk", "Website")?"""
        return lemma in self.cyber

    def names_company(self, name: str) -> bool:
        """Is ``name`` a company of ``companies.tsv`` ("VW", "Googles": genitive too)?"""
        low = name.lower()
        return low in self.companies or (low.endswith("s") and low[:-1] in self.companies)

    def names_animal(self, lemma: str) -> bool:
        """Is a common noun an animal (``animals.tsv``: "Biber", "Eisbär")?"""
        return lemma in self.animals

    def names_armed_group(self, lemma: str) -> bool:
        """Does an agent noun name an armed non-state group (role ``REB`` in agents.tsv:
        ``Rebell``, ``Miliz``, ``Terrorist``; compounds ending in one)?"""
        low = lemma.lower()
        return low in self.armed or any(low[k:] in self.armed for k in range(3, len(low) - 3))
    conditions: frozenset[str] = frozenset()  # "wenn", "falls", "anderenfalls" (threats.tsv)
    sport: frozenset[str] = frozenset()  # lemmas (lower) that mark a sports report
    proposals: frozenset[str] = frozenset()  # nouns of proposals ("Vorschlag", "Lösung")
    report_verbs: frozenset[str] = frozenset()  # "heißen", "melden": their clause is reported
    announce_verbs: frozenset[str] = frozenset()  # "ankündigen": planned force is threatened

    def threat_code(self, plover: str, cameo: str) -> tuple[str, str] | None:
        """(type, CAMEO code) of a conditional act of conflict (a threat); None: keep."""
        return _longest(self.threats, plover, cameo)

    def names_organised(self, lemma: str) -> bool:
        """Does an agent noun name an office, organisation or institution (``Fraktion``,
        ``Verband``, ``Vorsitzende``, ``Bundesregierung``), not the people of a crowd (role
        ``CVL`` in agents.tsv: ``Bürger``, ``Studenten``) or protesters? Their "protest" is
        verbal (eval/README: a council faction, an association "protestierte" → ACCUSE)."""
        low = lemma.lower()
        if not self.is_agent(low) or low.startswith(self.protesters):
            return False
        return not (low in self.crowds or any(
            low[k:] in self.crowds for k in range(3, len(low) - 3)))

    def names_restriction(self, lemma: str) -> bool:
        """Is the noun a restriction, ban or punishment that can be lifted (restrictions.tsv)?"""
        return lemma in self.restrictions

    def names_casualties(self, lemma: str) -> bool:
        """Does the noun count the dead or injured of an event (``casualties.tsv``)?"""
        return lemma in self.casualties

    def names_research(self, lemma: str) -> bool:
        """Does the noun name research, a researcher or a research institution
        (``research.tsv``)?"""
        return lemma in self.research

    def names_accident(self, lemma: str) -> bool:
        """Does the noun name an accident or a fire (``accidents.tsv``)?"""
        return lemma in self.accidents

    def names_disaster(self, lemma: str) -> bool:
        """Does the noun name a natural disaster or emergency (``disasters.tsv``)?"""
        return lemma in self.disasters

    def strong_infinitives(self, form: str) -> tuple[str, ...]:
        """Infinitives a strong past form may have (``erschoss`` → ``erschießen``,
        ``brachen`` → ``brechen``) by ``forms.tsv``; memoised per form."""
        memo = self._strong_memo
        hit = memo.get(form)
        if hit is None:
            out: list[str] = []
            for end in ("en", "st", "t", "e", ""):
                if end and not form.endswith(end):
                    continue
                body = form[: len(form) - len(end)]
                # the file's order kept: each past stem looked up by the body's ending
                out += [body[: len(body) - len(past)] + inf
                        for rank, past, inf in sorted(
                            hit for n in self._strong_lengths if n <= len(body)
                            for hit in self._strong_by_past.get(body[len(body) - n:], ()))]
            hit = tuple(dict.fromkeys(out))
            memo[form] = hit
        return hit

    @cached_property
    def _strong_memo(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def _strong_by_past(self) -> dict[str, list[tuple[int, str, str]]]:
        """``strong_past`` by past stem, each with its rank in the file."""
        out: dict[str, list[tuple[int, str, str]]] = {}
        for rank, (past, inf) in enumerate(self.strong_past):
            out.setdefault(past, []).append((rank, past, inf))
        return out

    @cached_property
    def _strong_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(past) for past, _ in self.strong_past}))

    def names_goods(self, lemma: str, military: bool = False) -> bool:
        """Can the noun be supplied as aid (goods, money, weapons, personnel)? ``goods.tsv``
        and the weapons of ``instruments.tsv``. With ``military`` only weapons, military
        equipment and personnel count (the kinds a force sends or withdraws)."""
        low = lemma.lower()
        words, endings = (self.arms, self.arms_endings) if military \
            else (self.goods, self.goods_endings)
        return any(form in words or form.endswith(endings) for form in _plural_forms(low))

    def names_people(self, lemma: str, form: str = "") -> bool:
        """Does a noun that is merely no non-agent name people ("Kinder", "Konkurrenten",
        "Getöteten"), not a thing ("Tore", "Bombe", "Titel")? ``persons.tsv``."""
        low, word = lemma.lower(), form.lower()
        return low in self.persons or low.endswith(self.person_endings) \
            or (bool(word) and word.endswith(self.person_endings))

    def entries(self) -> list[Trigger]:
        out = [t for ts in self.verbs.values() for t in ts]
        out += [t for ts in self.nouns.values() for t in ts] + self.noun_suffixes
        out += [t for ts in self.idioms.values() for t in ts if t.plover != NO_EVENT]
        return out

    def is_agent(self, lemma: str) -> bool:
        """Does a noun name a participant: an agent noun or a compound ending in one
        (a head of ≥ 4 letters after ≥ 3 letters of modifier: ``Bundesregierung``)?"""
        low = lemma.lower()
        memo = self._agent_memo
        hit = memo.get(low)
        if hit is None:  # every suffix is one set lookup, not a scan of all agent nouns
            heads = self.agent_heads
            hit = low in self.agents or any(low[k:] in heads for k in range(3, len(low) - 3))
            memo[low] = hit
        return hit

    def is_participant(self, lemma: str) -> bool:
        """Can a common noun in an argument slot name a participant? Agent nouns can; event
        nouns (trigger nouns), abstract nouns, times, quantities, things and places cannot
        (``nonagents.tsv``); any other noun can ("junge Tibeter", "die Einsatzkräfte")."""
        low = lemma.lower()
        memo = self._participant_memo
        hit = memo.get(low)
        if hit is None:
            hit = self.is_agent(lemma) or not (
                low in self.nonagents or low in self.nouns
                or low.endswith(self._nonparticipant_endings) or self._event_plural(low))
            memo[low] = hit
        return hit

    def _event_plural(self, low: str) -> bool:
        """Is ``low`` a plural of a trigger noun the lemmatiser left alone ("von mehreren
        Schüssen getroffen": shots are no agent)?"""
        for end in PLURAL_ENDINGS:
            if low.endswith(end) and len(low) > len(end) + 3:
                stem = low[:-len(end)]
                if stem in self.nouns or without_umlaut(stem) in self.nouns:
                    return True
        return False

    def names_vehicle(self, lemma: str) -> bool:
        """Does a noun name a vehicle (``vehicles.tsv``: "Intercity", "Lastwagen",
        "Polizeiauto")?"""
        return lemma in self.vehicles

    def names_figure(self, lemma: str) -> bool:
        """Does a noun name a price, a share, a sum or another business figure or quantity
        (``nonagents.tsv``), also in a plural the lemmatiser left alone ("MPS-Aktien")?"""
        return any(form in self.figures for form in _plural_forms(lemma.lower()))

    @cached_property
    def _nonparticipant_endings(self) -> tuple[str, ...]:
        """Endings of non-agent nouns and of trigger compound heads, for one ``endswith``."""
        return self.nonagent_suffixes + tuple(t.pattern[1:].lower() for t in self.noun_suffixes)

    @cached_property
    def _participant_memo(self) -> dict[str, bool]:
        return {}

    @cached_property
    def agent_heads(self) -> frozenset[str]:
        """Agent nouns that may end a compound (short ones would match by chance)."""
        return frozenset(a for a in self.agents if len(a) >= 4)

    @cached_property
    def _agent_memo(self) -> dict[str, bool]:
        return {}

    def intent_code(self, plover: str, cameo: str) -> tuple[str, str] | None:
        """(type, CAMEO code) of a planned/proposed act of ``plover``/``cameo``; None: keep."""
        return _longest(self.intent, plover, cameo)

    def renounce_code(self, plover: str, cameo: str) -> tuple[str, str] | None:
        """(type, CAMEO code) of a promise not to do ``plover``/``cameo``; None: keep."""
        return _longest(self.renounce, plover, cameo)

    @cached_property
    def known_verbs(self) -> frozenset[str]:
        """Every verb lemma the coder reads: triggers, light verbs, governing modality cues
        and the verbs that end an idiom ("erstatten" of "Anzeige erstatten"): a non-verb token
        that is one of them may be a mis-tagged verb."""
        idiom_verbs = frozenset(a for a, entries in self.idioms.items()
                                if a.endswith(IDIOM_VERB_ENDINGS)
                                and any(e.pos == "idiom" for e in entries))
        return (frozenset(self.verbs) | self.light_verbs | frozenset(self.cues("gov"))
                | idiom_verbs)

    def cues(self, scope: str) -> dict[str, list[ModalityCue]]:
        """Cues of one scope by lower-case lemma (built once per lexicon)."""
        return self._cues[scope]

    @cached_property
    def _cues(self) -> dict[str, dict[str, list[ModalityCue]]]:
        return _cue_index(self.modality)  # once: hashing the cue tuple per call was costly

    def noun_entries(self, lemma: str) -> list[Trigger]:
        """Entries of a noun lemma (lower case): its own, else the longest compound head
        (``*gespräch``) it ends in after ≥ 3 letters of modifier, unless it ends in a compound
        of ``non_events.tsv`` ("Wahlkampf"), else the same in the other spelling of ß/ss (the
        old "mißhandlung", the Swiss "schiesserei"); memoised."""
        memo: dict[str, list[Trigger]] = self.memo("nouns")
        hit = memo.get(lemma)
        if hit is None:
            hit = self._spelled_noun_entries(lemma)
            if not hit and ("ß" in lemma or "ss" in lemma):
                hit = self._spelled_noun_entries(
                    lemma.replace("ß", "ss") if "ß" in lemma else lemma.replace("ss", "ß"))
            memo[lemma] = hit
        return hit

    def _spelled_noun_entries(self, lemma: str) -> list[Trigger]:
        hit = self.nouns.get(lemma) or []
        if not hit and lemma.endswith(self.non_events):
            return []  # "Wahlkampf", "Kostenvoranschlag": a trigger's head, no event
        if not hit:
            heads = self._suffix_index
            hit = next(([heads[lemma[k:]]] for k in range(3, len(lemma))
                        if lemma[k:] in heads), [])
        head = lemma.rsplit("-", 1)[-1]
        if not hit and head != lemma and len(head) >= 4:
            # a hyphenated compound's head is its last part ("ASEM-Außenministerkonferenz",
            # "Ukraine-Friedensmarsch"): the entry of that noun, exact or by its head
            hit = self.noun_entries(head)
        return hit

    @cached_property
    def _suffix_index(self) -> dict[str, Trigger]:
        out: dict[str, Trigger] = {}
        for t in self.noun_suffixes:  # longest first; the first entry of a suffix wins
            out.setdefault(t.pattern[1:].lower(), t)
        return out

    def memo(self, name: str) -> dict[Any, Any]:
        """A memo the rules keep with this lexicon, by name (``nouns``: a noun's entries;
        ``idiom_ends``: the idiom words a noun ends in; ``verbs``: a verb's entry, for
        ``triggers.verb_entry``; ``readings``: what each word may start, for ``screen``):
        what it holds depends on the entries."""
        return self._memos.setdefault(name, {})

    @cached_property
    def _memos(self) -> dict[str, dict[Any, Any]]:
        return {}

    def idiom_word_ends(self, noun: str) -> frozenset[str]:
        """The idiom words of four letters or more a noun lemma ends in (a compound of
        the idiom's noun: "Landtagsmandat" for "Mandat niederlegen"); memoised."""
        memo: dict[str, frozenset[str]] = self.memo("idiom_ends")
        hit = memo.get(noun)
        if hit is None:
            words = self._long_idiom_words
            hit = memo[noun] = frozenset(noun[k:] for k in range(len(noun) - 3)
                                         if noun[k:] in words)
        return hit

    @cached_property
    def _long_idiom_words(self) -> frozenset[str]:
        return frozenset(w for entries in self.idioms.values() for e in entries
                         for w in e.words[:-1] if len(w) >= 4)

    @cached_property
    def idiom_verb_ends(self) -> frozenset[str]:
        """Every proper ending of an idiom anchor: a bare verb whose particle may make one
        ("gehen" of "vorgehen"); others need not ask for their particle."""
        return frozenset(a[k:] for a in self.idioms for k in range(1, len(a)))


def _longest(table: dict[tuple[str, str], tuple[str, str]], plover: str,
             cameo: str) -> tuple[str, str] | None:
    for n in range(len(cameo), 0, -1):
        if (plover, cameo[:n]) in table:
            return table[(plover, cameo[:n])]
    return None


@cache
def _cue_index(cues: tuple[ModalityCue, ...]) -> dict[str, dict[str, list[ModalityCue]]]:
    out: dict[str, dict[str, list[ModalityCue]]] = {k: {} for k in
                                                    ("gov", "aux", "adv", "det", "mark", "phrase",
                                                     "pron")}
    for cue in cues:
        out.setdefault(cue.scope, {}).setdefault(cue.cue.lower(), []).append(cue)
    return out


def _trigger(row: dict[str, str]) -> Trigger:
    pos: Pos
    if row["pos"] == "verb":
        pos = "verb"
    elif row["pos"] == "noun":
        pos = "noun"
    elif row["pos"] == "idiom":
        pos = "idiom"
    else:
        raise ValueError(f"triggers.tsv: bad pos {row['pos']!r} in {row}")
    words = tuple(w.lower() for w in row["pattern"].split()) if pos == "idiom" else ()
    flags = frozenset(f for f in row.get("flags", "").split(",") if f)
    if flags - FLAGS:
        raise ValueError(f"triggers.tsv: unknown flags {sorted(flags - FLAGS)} in {row}")
    return Trigger(row["pattern"], pos, row["plover"], row["cameo"], row.get("mode", ""),
                   Frame.parse(row.get("frame", ""), "verb" if pos == "idiom" else pos),
                   flags, words)


@cache
def load_lexicon() -> Lexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    idioms: dict[str, list[Trigger]] = {}
    suffixes: list[Trigger] = []
    for row in read_tsv("triggers.tsv"):
        t = _trigger(row)
        if t.pos == "idiom":
            idioms.setdefault(t.anchor, []).append(t)
        elif t.pos == "verb":
            verbs.setdefault(t.pattern.lower(), []).append(t)
        elif t.suffix:
            suffixes.append(t)
        else:
            nouns.setdefault(t.pattern.lower(), []).append(t)
    for row in read_tsv("idioms_no_event.tsv"):  # matched like idioms, coded as nothing
        t = Trigger(row["pattern"], "idiom", NO_EVENT, "", "", Frame.parse("", "verb"),
                    frozenset(), tuple(w.lower() for w in row["pattern"].split()))
        idioms.setdefault(t.anchor, []).append(t)
    for entries in idioms.values():
        entries.sort(key=lambda t: -len(t.words))
    suffixes.sort(key=lambda t: -len(t.pattern))
    modality = tuple(ModalityCue(r["cue"], r["scope"], r["modality"], r.get("morph", ""))
                     for r in read_tsv("modality.tsv"))
    intent = {(r["plover"], r["from"]): (r["to_type"], r["to"]) for r in read_tsv("intent.tsv")}
    instruments_rows = read_tsv("instruments.tsv")
    instruments = [Instrument(r["pattern"], r["plover"], r["mode"], r["cameo"])
                   for r in instruments_rows]
    roles = read_tsv("verbs.tsv")
    nonagents = [r["lemma"].lower() for r in read_tsv("nonagents.tsv")]
    persons = [r["lemma"].lower() for r in read_tsv("persons.tsv")]
    goods_rows = read_tsv("goods.tsv")
    goods = [r["lemma"].lower() for r in goods_rows] \
        + [r["pattern"].lower() for r in instruments_rows]
    arms = [r["lemma"].lower() for r in goods_rows if r["kind"].split()[0] in MILITARY_KINDS] \
        + [r["pattern"].lower() for r in instruments_rows if r["plover"] != "AID"]
    return Lexicon(verbs, nouns, suffixes, idioms, modality, intent, instruments,
                   frozenset(r["lemma"].lower() for r in roles if r["role"] == "light"),
                   frozenset(r["lemma"].lower() for r in roles if r["role"] == "speech"),
                   frozenset(r["lemma"].lower() for r in read_tsv("agents.tsv")),
                   frozenset(r["lemma"].lower() for r in roles if r["role"] == "occur"),
                   frozenset(r["lemma"].lower() for r in read_tsv("verbal_markers.tsv")),
                   frozenset(w for w in nonagents if not w.startswith("*")),
                   tuple(w[1:] for w in nonagents if w.startswith("*")),
                   {r["lemma"].lower(): r["polarity"] for r in read_tsv("judgements.tsv")},
                   frozenset(r["lemma"].lower() for r in roles if r["role"] == "receive"),
                   {(r["plover"], r["from"]): (r["to_type"], r["to"])
                    for r in read_tsv("renounce.tsv")},
                   tuple(r["stem"].lower() for r in read_tsv("protesters.tsv")),
                   frozenset(r["lemma"].lower() for r in read_tsv("positions.tsv")),
                   frozenset(w for w in persons if not w.startswith("*")),
                   tuple(w[1:] for w in persons if w.startswith("*")),
                   frozenset(w for w in goods if not w.startswith("*")),
                   tuple(w[1:] for w in goods if w.startswith("*")),
                   frozenset(w for w in arms if not w.startswith("*")),
                   tuple(w[1:] for w in arms if w.startswith("*")),
                   tuple(r["stem"].lower() for r in read_tsv("forces.tsv")),
                   NounList.read("disasters.tsv"),
                   tuple((r["past"], r["infinitive"]) for r in read_tsv("forms.tsv")),
                   frozenset(r["lemma"].lower() for r in roles if r["role"] == "join"),
                   frozenset(r["lemma"].lower() for r in read_tsv("unreal.tsv")),
                   NounList.read("restrictions.tsv"),
                   toll_verbs=frozenset(r["lemma"].lower() for r in roles
                                        if r["role"] == "toll"),
                   harm_verbs=frozenset(r["lemma"].lower() for r in roles
                                        if r["role"] == "harm"),
                   begin_verbs=frozenset(r["lemma"].lower() for r in roles
                                         if r["role"] == "begin"),
                   cause_verbs=frozenset(r["lemma"].lower() for r in roles
                                         if r["role"] == "cause"),
                   travel_verbs=frozenset(r["lemma"].lower() for r in roles
                                          if r["role"] == "travel"),
                   claim_verbs=frozenset(r["lemma"].lower() for r in roles
                                         if r["role"] == "claim"),
                   # a separable verb known here (light, speech, occur, join, plain …) is
                   # never read as its bare verb ("ankündigen" is not "kündigen")
                   plain_verbs=frozenset(r["lemma"].lower() for r in roles
                                         if " " not in r["lemma"]),
                   casualties=NounList.read("casualties.tsv"),
                   accidents=NounList.read("accidents.tsv"),
                   figures=NounList.read("nonagents.tsv", FIGURE_KINDS),
                   vehicles=NounList.read("vehicles.tsv"),
                   crowds=frozenset(r["lemma"].lower() for r in read_tsv("agents.tsv")
                                    if r["role"] == "CVL"),
                   armed=frozenset(r["lemma"].lower() for r in read_tsv("agents.tsv")
                                   if r["role"] == "REB"),
                   threats={(r["plover"], r["from"]): (r["to_type"], r["to"])
                            for r in read_tsv("threats.tsv") if r["plover"] != "cue"},
                   conditions=frozenset(r["from"].lower() for r in read_tsv("threats.tsv")
                                        if r["plover"] == "cue"),
                   sport=frozenset(r["lemma"].lower() for r in read_tsv("sport.tsv")),
                   proposals=frozenset(r["lemma"].lower() for r in read_tsv("proposals.tsv")),
                   report_verbs=frozenset(r["lemma"].lower() for r in roles
                                          if r["role"] == "report"),
                   announce_verbs=frozenset(r["lemma"].lower() for r in roles
                                            if r["role"] == "announce"),
                   rallies=tuple(r["stem"].lower() for r in read_tsv("protesters.tsv")
                                 if r.get("rally") == "yes"),
                   animals=NounList.read("animals.tsv"),
                   business=NounList.read("business.tsv"),
                   companies=frozenset(n.strip().lower() for r in read_tsv("companies.tsv")
                                       for n in r["name"].split("|")),
                   cyber=NounList.read("cyber.tsv"),
                   research=NounList.read("research.tsv"),
                   non_events=tuple(r["ending"].lower() for r in read_tsv("non_events.tsv")))
