"""Entity linking: every actor mention in an article → a KB id (or a new article-local id).

Mentions come from two sources: the article's NER entities (when the NLP stage ran) and the
linker's own gazetteer scan over ``article.text`` (KB aliases, adjectives, demonyms, capitals,
seat-of-government metonyms, compound prefixes such as ``US-``/``UN-``, role nouns, sector nouns
such as ``Regierung``/``Militärs`` and the pronouns *er*/*sie*), so ``Moskau``, ``russische``,
``Pentagon`` or ``Regierungssprecher`` are found even where NER missed them.

Resolution rules (see docs/lab/DECISIONS.actors.md):
- state names, adjectives and demonyms → the state (``russische Unterstützung`` → RUS);
- capitals and seats of government used as agents → the government (``Moskau sucht`` →
  RUSGOV); a capital used as a place (``in Moskau``) is not an actor (null);
- persons by full name; surnames by in-article coreference first, then by the KB person
  holding a role on the article's ``published`` date (latest terms when there is no date);
- role nouns with a qualifier (``US-Außenminister``, ``der russische Präsident``,
  ``Sprecher des Weißen Hauses``) → the holder at the date; with a following name
  (``Regierungssprecher Josh Earnest``) → that person; without qualifier → coreference;
- unknown persons (NER PER not in the KB) → article-local ``new:per:<slug>`` actors
  (``actors.ids.new_actor_id``) carrying any role and affiliation stated next to them.

Gazetteer mentions not covered by an NER entity are appended to ``article.entities`` (label
from the actor type, adjectives/demonyms as ``LOC``+``deriv``, compounds as ``part``). Role,
sector and pronoun mentions are recorded only in ``article.actors[*].mentions``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from lagebild.actors.competitors import Competitors, official_noun, same_noun
from lagebild.actors.coref import GENERIC_ROLES, PersonChains, pronoun_gender
from lagebild.actors.first_names import gender_of_name
from lagebild.actors.ids import is_new, is_new_person, new_actor_id
from lagebild.actors.kb import DATA_DIR, KB, Actor, load_kb, tsv_rows
from lagebild.actors.text import Tok, fold, tokenize
from lagebild.german import DASHES, third_person_number
from lagebild.ingest.agencies import is_agency
from lagebild.model import Actor as ActorLayer
from lagebild.model import Article, Entity, Token
from lagebild.topic import SOFT

# sector nouns → CAMEO sector code
SECTOR_NOUNS: dict[str, str] = {}
for _sector, _nouns in {
    "GOV": "Regierung Regierungen Führung Staatsführung Regime Regimes Staatsspitze Administration"
           " Kabinett Außenministerium Außenministeriums Ministerium Ministeriums Behörden",
    "MIL": "Militär Militärs Armee Streitkräfte Streitkräften Truppen Soldaten Armeen"
           " Militärführung Verteidigungsministerium Verteidigungsministeriums Luftwaffe"
           " Marine Generalstab"
           " Kampfjets Kampfflugzeuge Luftangriffe Bodentruppen",
    "COP": "Polizei Sicherheitskräfte Sicherheitskräften Polizisten",
    "LEG": "Parlament Parlaments Parlaments Abgeordnete Abgeordneten",
    "JUD": "Justiz Gericht Gerichts Staatsanwaltschaft",
    "OPP": "Opposition Oppositionellen Regierungsgegner",
    "REB": "Rebellen Aufständischen Aufständische Separatisten Milizen Miliz",
    "SPY": "Geheimdienst Geheimdienste Geheimdienstes Geheimdienstler",
}.items():
    for _noun in _nouns.split():
        SECTOR_NOUNS[fold(_noun)] = _sector
# group-membership nouns after a group prefix: IS-Kämpfer, Hamas-Kämpfer → the group itself
MEMBER_NOUNS = {fold(w) for w in "Kämpfer Kämpfern Miliz Milizen Anhänger Terroristen"
                " Extremisten Dschihadisten Mitglieder Führung Chef Führer Anführer Sprecher"
                " Kommandeur".split()}
NON_ACTOR_HEADS = {fold(w) for w in "Dollar Dollars Euro Cent Recht Rechts Richtlinie".split()}
# adjectives after a prefix that tell a scope or a stance, not who acts: "eine EU-weite Liste",
# "EU-kritische Parteien" (the EU is neither the list nor the parties)
NON_ACTOR_ADJECTIVES = re.compile(r"(weit|kritisch|feindlich|skeptisch|freundlich)(e[mnrs]?)?")
LOCATIVE = {"in", "im", "nahe", "bei", "nach", "um", "nördlich", "südlich", "östlich",
            "westlich", "zwischen", "unweit", "vor"}
INDEFINITE = {"ein", "eine", "einer", "eines", "einem", "einen"}
# "zwei jüdische Präsidenten", "beide Minister": more than one
COUNTING = {"zwei", "drei", "vier", "fünf", "beide", "beiden", "mehrere", "einige", "viele",
            "alle", "zahlreiche"}
LEADER_OF: dict[str, tuple[str, str]] = {
    "org:usa-pentagon": ("defence_minister", "USA"),
    "org:usa-state-department": ("foreign_minister", "USA"),
    "org:usa-white-house": ("head_of_state", "USA"),
    "RUSGOV": ("head_of_state", "RUS"),
}
SPOKESPERSON_OF = {"org:usa-white-house": "USA", "RUSGOV": "RUS", "DEUGOV": "DEU"}
# single-token surnames that are also common words: need NER, a title or an earlier full name
COMMON_SURNAMES = {fold(w) for w in "Fischer Struck Rau Kurz Ban Rice Hunt Gates Austin Sharon "
                   "Abe Wen Xi Herzog Abbas Brown Harris Gabriel Wallace Akar Fox Howard "
                   "Carter Kern Martin Vance Morin Borne Hague Conte Michel Bush Clinton Raab "
                   "Fidan Ghani Peres Barak Salman Lula Johnson Hammond Lammy Cooper Maas Abadi "
                   "Castro Sisi Mursi Hillary Bibi Prevost Queen Modi Duda Suga Noda Aso Monti "
                   "Kallas Costa Earnest Perino Spicer Gibbs Carney Snow Hagel Pence "
                   "Schüssel".split()}
PERSON_TYPES = {"person"}


# Sector nouns that name a state's actor only with a qualifier ("die russische Führung",
# "Syriens Führung"): unqualified, "Führung" was a lead in a match, a party's or a club's
# leadership in 33 of 36 cases on 2,028 news articles, seldom the last country's government.
QUALIFIED_ONLY = {"fuehrung"}  # folded
# ... unless the word before says whose kind of leadership ("der politischen Führung")
STATE_ADJECTIVES = {"politische", "politischen", "staatliche", "staatlichen"}


# States whose offices share the German role nouns of another (an Austrian article's "der
# Bundeskanzler" is Austria's): a person of the article holding such a role is taken for it.
SAME_TITLE: dict[str, tuple[str, ...]] = {"DEU": ("DEU", "AUT")}


# genitives that point back to a state already named ("der Präsident des Landes")
_ANAPHORIC_GENITIVES = {"landes", "staates", "reiches", "königreichs", "königreiches"}
# a state's title before its name in a genitive ("des Königreichs Bahrain")
# (folded keys, as ``text.fold`` writes them)
_STATE_TITLES = {"koenigreichs", "koenigreiches", "republik", "emirats", "emirates",
                 "sultanats", "sultanates", "fuerstentums", "staates", "bundesstaates"}


# a noun after "der" that is an addressee of speech, not a genitive qualifier
_MEDIA_ENDINGS = ("zeitung", "agentur", "sender", "blatt", "magazin", "zeitschrift", "presse",
                  "nachrichtenagentur")


_HONORIFICS = {"frau", "herr", "herrn", "dr", "prof"}
#: a pronoun among an article's first sentences (headline, teaser, lead) with no person before
#: it stands for the person named next, within CATAPHORA_WINDOW characters ("Gewinnt sie als
#: erste Frau …?", then "Alexandra"; "Er will dort für einen Verbleib … werben", then David
#: Cameron); tuned on the two pronoun tuning sets (lab/actors-coref.md, 57th pass)
OPENING_SENTENCES = 3
CATAPHORA_WINDOW = 300


def _tags(article: Article) -> Callable[[int], str | None]:
    """The part-of-speech tag of the language pipeline's token starting at an offset, if any;
    the map is built on the first question only (most articles never ask)."""
    tags: dict[int, str] | None = None

    def tag_at(start: int) -> str | None:
        nonlocal tags
        if tags is None:
            tags = {t.start: t.tag for sent in article.sentences for t in sent.tokens}
        return tags.get(start)

    return tag_at


def _is_name_word(tag_at: Callable[[int], str | None], tok: Tok) -> bool:
    """A capitalised proper noun (spaCy's ``NE``; without a parse, any capitalised word but an
    honorific): a part of a person's name, not a title or a noun before it."""
    if not tok.text[:1].isupper():
        return False
    tag = tag_at(tok.start)
    return tag == "NE" if tag is not None else tok.key not in _HONORIFICS


def _given_name_fits(given: str, actor: Actor | None) -> bool:
    """``given`` (folded) is one of the person's given names, an initial of one, or a spelling
    of one (a similarity of 0.55 takes "Michail" for "Micheil", "Wladimir" for "Wolodymyr", and
    leaves "Christian" for "Martin" at 0.53)."""
    if actor is None:
        return False
    names = {part for full in (actor.name, *actor.aliases) for word in full.split()[:-1]
             for part in fold(word).rstrip(".").split("-") if part}
    if not names:
        return True  # the KB knows no given name to compare with
    given = given.rstrip(".")
    if given in {fold(alias) for alias in actor.aliases}:
        return True  # a name the person goes by alone ("Bibi Netanjahu")
    for name in names:
        initial = (len(given) == 1 and name.startswith(given)) or (
            len(name) == 1 and given.startswith(name))
        if given == name or initial or SequenceMatcher(None, given, name).ratio() >= 0.55:
            return True
    return False


def _dateline(text: str, toks: list[Tok], c: Mention) -> bool:
    """A capital that opens a paragraph or sentence before a dash, with an agency in brackets
    or not, or before an agency credit with or without a date: the dateline ``Wien – …``,
    ``Berlin (dpa) - …``, ``MOSKAU, 23. August (Reuter).`` names where, not who; so does
    each place of a double one (``Dubai/Washington – …``)."""
    first = c.tok
    while first >= 2 and toks[first - 1].text == "/" and toks[first - 2].text[:1].isupper():
        first -= 2
    if first > 0 and toks[first - 1].text not in (".", "!", "?", ":", "“", "\"") \
            and "\n" not in text[toks[first - 1].end:toks[first].start]:
        return False
    i = c.tok_end
    if i + 1 < len(toks) and toks[i].text == ",":  # ", 23. August"
        i = next((j for j in range(i + 1, min(i + 5, len(toks))) if toks[j].text == "("), i)
    if i < len(toks) and toks[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 8, len(toks))) if toks[j].text == ")"),
                     None)
        if close is None:
            return False
        if i + 1 < close and agency_credit(text, toks[i + 1].start, toks[i + 1].end):
            return True
        i = close + 1
    return i < len(toks) and toks[i].text in DASHES


def _unknown_genitive(toks: list[Tok], i: int) -> bool:
    """A genitive after a role noun that no KB mention qualified: ``des Wiener Landtags``,
    ``der Internet Watch Foundation`` (an adjective may come between)."""
    if i + 1 >= len(toks) or toks[i].text not in ("des", "der"):
        return False
    j = i + 1
    if toks[j].text[:1].isupper() and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
        j += 1  # "des Wiener Landtags", "des Österreichischen Rechtsanwaltskammertags"
    elif toks[j].text[:1].islower() and j + 1 < len(toks):
        j += 1  # "der staatlichen Ölgesellschaft"
    word = toks[j].text.lower()
    if word.endswith(_MEDIA_ENDINGS):
        return False  # a dative: "sagte der Minister der Süddeutschen Zeitung"
    return toks[j].text[:1].isupper() and word.isalpha() and word not in _ANAPHORIC_GENITIVES


def article_date(article: Article) -> str | None:
    """``YYYY-MM-DD`` of ``published`` (None when unknown: latest terms are used)."""
    if article.published and len(article.published) >= 10:
        return article.published[:10]
    return None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name surname adj demonym capital seat part role sector pronoun ner
    tok: int = 0
    tok_end: int = 0
    candidates: list[str] = field(default_factory=list)
    actor: str | None = None
    confidence: float = 0.0
    role: str | None = None  # role key (role mentions)
    gender: str | None = None
    qualifier: str | None = None  # actor id qualifying a role/sector/compound
    implied: str | None = None  # the role noun's own country (``Kanzlerin`` → DEU), if no qualifier
    sector: str | None = None
    label: str | None = None  # NER label when the mention comes from an entity
    from_entity: bool = False
    plural: bool = False
    indefinite: bool = False
    local: dict[str, Any] | None = None  # name/role/affiliation of an article-local actor

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "actor": self.actor, "confidence": round(self.confidence, 2)}


class Linker:
    """Links the actor mentions of an article against the KB."""

    def __init__(self, kb: KB | None = None, add_entities: bool = True) -> None:
        self.kb = kb or load_kb()
        self.add_entities = add_entities
        self.kb.index  # noqa: B018  (build the alias index now, not on the first article)

    # -- public API ---------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        return self.link(article)

    def link(self, article: Article) -> Article:
        mentions = self.mentions(article)
        return apply(article, mentions, self.kb, add_entities=self.add_entities)

    def mentions(self, article: Article) -> list[Mention]:
        text = article.text
        toks = tokenize(text)
        initial = _sentence_initial(article, toks)
        morph = _morph_by_start(article)
        cands = self._scan(text, toks, initial, morph)
        cands = self._merge_entities(article, text, toks, cands)
        cands = _surname_pass(self.kb, toks, cands)
        cands = _local_surname_pass(article, toks, cands)
        cands.sort(key=lambda m: (m.start, -m.end))
        self._qualify(text, toks, cands)
        self._resolve(article, toks, initial, cands)
        return cands

    # -- scanning -----------------------------------------------------------------------
    def _match(self, text: str, toks: list[Tok], i: int) -> tuple[int, list[Any]] | None:
        index = self.kb.index
        lengths = self.kb.alias_lengths.get(toks[i].key)
        if not lengths:
            return None
        for n in lengths:  # longest first, as before
            j = i + n
            if j > len(toks):
                continue
            if j - i > 1 and "\n" in text[toks[i].start:toks[j - 1].end]:
                continue
            entries = index.get(tuple(t.key for t in toks[i:j]))
            if not entries:
                continue
            surface = text[toks[i].start:toks[j - 1].end]
            ok = [e for e in entries if _case_ok(e.case, surface, e.surface)]
            if ok:
                return j, ok
        return None

    def _compound_end(self, text: str, toks: list[Tok], j: int) -> int:
        """Token index after a hyphen compound continuing at ``j`` (``-Kämpfer``)."""
        k = j
        while k + 1 < len(toks) and toks[k].text == "-" and toks[k].start == toks[k - 1].end \
                and toks[k + 1].start == toks[k].end and toks[k + 1].text[:1].isalpha():
            k += 2
        return k

    def _scan(self, text: str, toks: list[Tok], initial: set[int],
              morph: dict[int, str]) -> list[Mention]:
        out: list[Mention] = []
        prefix = self.kb.prefix_index
        i = 0
        while i < len(toks):
            tok = toks[i]
            hit = self._match(text, toks, i)
            if hit is None and tok.key in prefix and i + 2 < len(toks) and \
                    toks[i + 1].text == "-" and toks[i + 1].start == tok.end:
                hit = (i + 1, [_PrefixEntry(a) for a in prefix[tok.key]])
            if hit is not None:
                j, entries = hit
                k = self._compound_end(text, toks, j)
                if k > j:  # hyphen compound: US-Außenminister, IS-Kämpfer, Ukraine-Krise
                    mention = self._compound(text, toks, i, j, k, entries)
                    if mention is not None:
                        out.append(mention)
                    i = k
                    continue
                if all(isinstance(e, _PrefixEntry) for e in entries):
                    i += 1
                    continue
                kinds = {e.kind for e in entries}
                kind = next(k2 for k2 in ("name", "seat", "capital", "adj", "demonym", "surname")
                            if k2 in kinds or k2 == "surname")
                chosen = [e.actor for e in entries if e.kind == kind] or [e.actor for e in entries]
                surface = text[tok.start:toks[j - 1].end]
                lower_alias = all(e.case == "any" for e in entries if e.kind == "adj")
                if kind == "adj" and lower_alias and surface[:1].isupper() and \
                        i not in initial and \
                        j < len(toks) and toks[j].text[:1].isupper():
                    i = j  # "Deutsche Bank", "Britisches Museum": part of a proper name
                    continue
                out.append(Mention(tok.start, toks[j - 1].end, surface, kind, i, j, chosen))
                i = j
                continue
            rn = self.kb.role_noun(tok.key)
            attached = i > 0 and toks[i - 1].text == "-" and toks[i - 1].end == tok.start
            if rn is not None and tok.text[:1].isupper() and attached:
                out.append(Mention(tok.start, tok.end, tok.text, "role", i, i + 1,
                                   role=rn.role, indefinite=True))  # "BDI-Präsident": unknown
            elif rn is not None and tok.text[:1].isupper():
                out.append(Mention(tok.start, tok.end, tok.text, "role", i, i + 1,
                                   role=rn.role, gender=None if rn.gender == "-" else rn.gender,
                                   implied=rn.org))
            elif tok.key in SECTOR_NOUNS and tok.text[:1].isupper():
                out.append(Mention(tok.start, tok.end, tok.text, "sector", i, i + 1,
                                   sector=SECTOR_NOUNS[tok.key]))
            else:
                gender = pronoun_gender(toks, i, i in initial, morph.get(tok.start))
                if gender:
                    out.append(Mention(tok.start, tok.end, tok.text, "pronoun", i, i + 1,
                                       gender=gender))
            i += 1
        return out

    def _compound(self, text: str, toks: list[Tok], i: int, j: int, k: int,
                  entries: list[Any]) -> Mention | None:
        surface = text[toks[i].start:toks[k - 1].end]
        head = toks[k - 1]
        actors = [e.actor for e in entries]
        qualifier = actors[0]
        # a person prefix (Kerry-Sprecher) or state/org prefix
        rn = self.kb.role_noun(head.key)
        m = Mention(toks[i].start, toks[k - 1].end, surface, "part", i, k, actors,
                    qualifier=qualifier)
        if rn is not None:
            m.kind, m.role = "role", rn.role
            m.gender = None if rn.gender == "-" else rn.gender
        elif head.key in SECTOR_NOUNS:
            m.kind, m.sector = "sector", SECTOR_NOUNS[head.key]
        elif head.key in MEMBER_NOUNS:
            m.kind = "member"
        elif toks[j + 1].key in NON_ACTOR_HEADS or (
                toks[j + 1].text[:1].islower()
                and NON_ACTOR_ADJECTIVES.fullmatch(toks[j + 1].key)):
            return None  # US-Dollar, EU-Recht, EU-weit: no actor
        return m

    def _merge_entities(self, article: Article, text: str, toks: list[Tok],
                        cands: list[Mention]) -> list[Mention]:
        """Add NER entities: persons the gazetteer missed, unknown names (actor null)."""
        starts = {t.start: n for n, t in enumerate(toks)}
        ends = {t.end: n for n, t in enumerate(toks)}
        tag_at = _tags(article)
        # single names of organisations or works the NER took for people, every mention of
        # them: "die EU-Betrugsbekämpfungsbehörde Olaf" … "so Olaf", "Syriza" … "Syriza, die
        # Linkspartei"
        things = {ent.text for ent in article.entities if ent.label == "PER" and _named_thing(
            text, toks, tag_at, ent, starts.get(ent.start, 0))}
        things |= self._company_names(article.entities)
        for ent in article.entities:
            overlapping = [c for c in cands if c.start < ent.end and ent.start < c.end
                           and c.kind not in ("pronoun",)]
            tok_i = starts.get(ent.start, 0)
            tok_j = ends.get(ent.end, tok_i) + 1
            if ent.label == "PER" and ent.text in things:
                ent.label, ent.subtype = "ORG", None
            if ent.label == "PER":
                persons = [c for c in overlapping if c.kind in ("name", "surname")
                           and any(self._is_person(a) for a in c.candidates)]
                persons = [c for c in persons
                           if self._same_given_name(tag_at, toks, cands, ent, c)]
                if persons:
                    for c in persons:
                        c.from_entity = True
                    continue
                for c in overlapping:
                    if c.kind not in ("role",):
                        cands.remove(c)
                cands.append(Mention(ent.start, ent.end, ent.text, "ner", tok_i, tok_j,
                                     label="PER", from_entity=True))
                continue
            if ent.label == "ORG":
                # a capital inside an organisation's name ("Universität Wien", "Rapid Wiens",
                # "Washington Post") names the organisation, not the government
                inside = [c for c in overlapping if c.kind == "capital"
                          and (ent.start < c.start or c.end < ent.end)]
                for c in inside:
                    cands.remove(c)
                    overlapping.remove(c)
            if overlapping:
                for c in overlapping:
                    c.from_entity = True
                    c.label = c.label or ent.label
                continue
            cands.append(Mention(ent.start, ent.end, ent.text, "ner", tok_i, tok_j,
                                 label=ent.label, from_entity=True))
        return cands

    def _same_given_name(self, tag_at: Callable[[int], str | None], toks: list[Tok],
                         cands: list[Mention], ent: Entity, c: Mention) -> bool:
        """Whether a surname inside a longer person name can still be the KB person's: the
        name's word before it must fit one of the person's given names. "Helene Fischer",
        "Michelle Obama", "Nico Schulz" and "Pierre-Gabriel" are other people; "Micheil" and
        "Michail Saakaschwili", "George W. Bush" and "Giannis"/"Yanis Varoufakis" fit. A
        surname whose KB persons all fail is left out, and the entity becomes a person of its own.
        Only a proper noun (spaCy's ``NE``) counts as a given name: "Parteifreund Jaalon". A
        surname followed by another name word of the entity is a given name: "Kerry Rice". A
        full name the entity goes on from with a word not of the person's own name is a
        prefix of someone else's: "Juan Carlos Monedero"."""
        nxt = toks[c.tok_end] if c.tok_end < len(toks) else None
        if c.kind == "name":
            # a person's short name that the entity's name goes on from is a prefix of
            # another man's name: "Juan Carlos Monedero" is not King Juan Carlos
            return nxt is None or nxt.start >= ent.end or not _is_name_word(tag_at, nxt) \
                or any(nxt.text in (p.name.split() if (p := self.kb.get(a)) else ())
                       for a in c.candidates)
        if c.kind != "surname":
            return True
        if nxt is not None and nxt.start < ent.end and _is_name_word(tag_at, nxt) and not any(
                o.kind not in ("surname", "role") and o.start <= nxt.start < o.end
                for o in cands):
            # a given name before the name's surname: "Kerry Rice", "Sharon Stone" (but not
            # an entity run on into a place: "Interview von Johnson Österreich: …")
            return False
        if c.tok == 0 or ent.start >= c.start:
            return True
        before = toks[c.tok - 1]
        if before.text in DASHES and c.tok >= 2 and ent.start <= toks[c.tok - 2].start:
            before = toks[c.tok - 2]  # a double surname: "Ronaël Pierre-Gabriel"
        if before.start < ent.start or not _is_name_word(tag_at, before) or any(
                r.kind == "role" and r.start <= before.start < r.end for r in cands):
            return True
        fitting = [a for a in c.candidates if not self._is_person(a)
                   or _given_name_fits(before.key, self.kb.get(a))]
        if any(self._is_person(a) for a in fitting):
            c.candidates = fitting
            return True
        return False

    @staticmethod
    def _company_names(entities: list[Entity]) -> set[str]:
        """Person and organisation entities that name a company ("Blairmore Holding",
        "Eurotax Österreich"), and the rest of a name before a legal form ("Blairmore")
        unless a person of the article bears it."""
        words = _company_words()
        names = {e.text for e in entities if e.label in ("PER", "ORG")
                 and len(e.text.split()) >= 2 and e.text.split()[-1] in words}
        # a person of the article may bear the name too ("Hans Kranzl" beside "Kranzl Holding")
        surnames = {e.text.split()[-1] for e in entities
                    if e.label == "PER" and len(e.text.split()) >= 2}
        stems = {" ".join(name.split()[:-1]) for name in names
                 if words[name.split()[-1]] == "legal"}
        return names | (stems - surnames)

    def _is_person(self, actor_id: str) -> bool:
        actor = self.kb.get(actor_id)
        return actor is not None and actor.type == "person"

    # -- qualifiers ---------------------------------------------------------------------
    def _qualify(self, text: str, toks: list[Tok], cands: list[Mention]) -> None:
        by_tok_end = {c.tok_end: c for c in cands}
        by_tok_start = {c.tok: c for c in cands}
        for c in cands:
            if c.kind not in ("role", "sector"):
                continue
            prev_tok = toks[c.tok - 1].key if c.tok > 0 else ""
            if prev_tok in INDEFINITE:
                c.indefinite = True
            if prev_tok in COUNTING or (c.tok > 1 and toks[c.tok - 2].key in COUNTING
                                        and _inflected_adjective(toks[c.tok - 1].text)):
                c.plural = True
            prev_text = toks[c.tok - 1].text if c.tok > 0 else ""
            if c.qualifier is None and not c.implied and c.tok not in by_tok_end \
                    and prev_text.endswith("s") \
                    and prev_text[:1].isupper() and c.tok > 1 \
                    and toks[c.tok - 2].text not in ".!?:\"„“":
                c.indefinite = True  # "Brandenburgs Ministerpräsident": not in the KB
            if prev_tok == "die" and c.gender == "m" and not c.text.endswith("in"):
                c.plural = True
            if c.qualifier is None:
                # preceding adjective/genitive: "russische Außenminister", "Russlands Präsident"
                for back in (1, 2):
                    q = by_tok_end.get(c.tok - (back - 1))
                    if q is not None and q is not c and q.kind in ("adj", "name", "demonym"):
                        if q.kind == "name" and not _genitive_surface(q.text) and \
                                not self._is_org_like(q):
                            break
                        c.qualifier = q.candidates[0] if q.candidates else None
                        break
                    if back == 1 and c.tok >= 1 and toks[c.tok - 1].text[:1].islower() and \
                            toks[c.tok - 1].text.isalpha():
                        continue  # skip one lower-case word: "russische damalige Präsident"
                    break
            if c.qualifier is None:
                # following genitive/prepositional qualifier: "Präsident Russlands",
                # "Außenminister der USA", "Sprecher des Weißen Hauses", "Regierung in Moskau"
                nxt = by_tok_start.get(c.tok_end)
                if nxt is not None and nxt.kind in ("name", "capital", "seat") and (
                        _genitive_surface(nxt.text) or nxt.kind == "seat"):
                    c.qualifier = nxt.candidates[0] if nxt.candidates else None
                elif c.tok_end + 2 < len(toks) and toks[c.tok_end].key in ("der", "des") \
                        and toks[c.tok_end + 1].key in _STATE_TITLES:
                    # "die Regierung des Königreichs Bahrain", "der Präsident der Republik
                    # Kongo": the state's title, then its name
                    nxt = by_tok_start.get(c.tok_end + 2)
                    if nxt is not None and nxt.kind == "name" and nxt.candidates:
                        c.qualifier = nxt.candidates[0]
                elif c.kind == "sector" and c.tok_end + 2 < len(toks) and (
                        toks[c.tok_end].key == "im" or (
                            toks[c.tok_end].key in ("in", "aus")
                            and toks[c.tok_end + 1].key in ("der", "dem", "den"))):
                    # "die Aufständischen in der Ukraine", "die Polizei in der Türkei",
                    # "Rebellen im Jemen": the country named with its article (not Russia
                    # named before it)
                    nxt = by_tok_start.get(c.tok_end + (1 if toks[c.tok_end].key == "im" else 2))
                    country = self.kb.country_of(nxt.candidates[0]) \
                        if nxt is not None and nxt.kind == "name" and nxt.candidates else None
                    if country:  # (of a region too: "die Separatisten in der Ostukraine")
                        c.qualifier = country
                elif c.tok_end < len(toks) and toks[c.tok_end].key in (
                        "der", "des", "in", "von", "aus"):
                    nxt = by_tok_start.get(c.tok_end + 1)
                    if nxt is not None and nxt.kind in ("name", "capital", "seat", "adj"):
                        nxt2 = None if nxt.kind == "adj" else nxt
                        if nxt2 is not None and nxt2.candidates:
                            c.qualifier = nxt2.candidates[0]
                            if nxt2.kind == "capital" and c.kind == "sector":
                                nxt2.kind = "capital_gov"
            if c.qualifier is None and c.kind == "role" and _unknown_genitive(toks, c.tok_end):
                c.indefinite = True  # "Präsident des Wiener Landtags": an office the KB lacks
                c.implied = None
            if c.qualifier is None and c.implied:
                c.qualifier = c.implied  # "die Kanzlerin": Germany's, unless the text says whose
            else:
                c.implied = None

    def _is_org_like(self, m: Mention) -> bool:
        actor = self.kb.get(m.candidates[0]) if m.candidates else None
        return actor is not None and actor.type in ("igo", "igo_body", "body", "institution",
                                                    "group", "party", "government")

    # -- resolution ---------------------------------------------------------------------
    def _resolve(self, article: Article, toks: list[Tok], initial: set[int],
                 cands: list[Mention]) -> None:
        date = article_date(article)
        soft = article.topic is not None and article.topic.label == SOFT
        chains = PersonChains()
        competitors: Competitors | None = None  # built for the first pronoun that needs it
        last_country: tuple[int, str] | None = None  # (sentence-ish position, ISO) for sectors
        relatives = _relative_subjects(article)
        # the headline and lead: a pronoun there may name the person the lead names next
        opening = article.sentences[OPENING_SENTENCES].start \
            if len(article.sentences) > OPENING_SENTENCES else len(article.text)
        for n, c in enumerate(cands):
            if c.kind in ("name", "surname", "ner") and agency_credit(article.text, c.start,
                                                                      c.end):
                c.actor, c.confidence, c.kind = None, 0.0, "dropped"  # the agency, no actor
            elif c.kind in ("name", "surname") and any(self._is_person(a) for a in c.candidates):
                self._resolve_person(c, chains, date, article.text, toks, cands, n, soft)
            elif c.kind == "ner" and c.label == "PER":
                self._resolve_local_person(c, chains, article.text, toks, cands, n)
            elif c.kind == "ner":
                c.actor, c.confidence = None, 0.0
            elif c.kind in ("name", "seat", "surname"):
                c.actor = self._pick_org(c.candidates)
                c.confidence = 0.9 if c.kind == "name" else 0.8
            elif c.kind in ("adj", "demonym") and c.text[:1].isupper() \
                    and (person := chains.lookup(c.text)) is not None:
                # the surname of a person the article named ("Deutsch betonte" after "Oskar
                # Deutsch"), not the country's adjective or language
                c.actor, c.confidence, c.kind = person, 0.85, "surname"
                chains.add(person, c.start, [], oblique=_oblique(toks, c, cands, n))
            elif c.kind in ("adj", "demonym"):
                c.actor = c.candidates[0] if c.candidates else None
                c.confidence = 0.9
            elif c.kind in ("capital", "capital_gov"):
                self._resolve_capital(c, article.text, toks)
            elif c.kind in ("part", "member"):
                actor = self.kb.get(c.candidates[0]) if c.candidates else None
                if actor is not None and actor.type == "person":
                    c.actor = self._best_person(c.candidates, date, None)
                else:
                    c.actor = self._pick_org(c.candidates)
                c.confidence = 0.7 if c.kind == "part" else 0.8
            elif c.kind == "role":
                self._resolve_role(c, cands, n, chains, date, toks)
            elif c.kind == "sector":
                self._resolve_sector(c, last_country, toks[c.tok - 1].key if c.tok else "")
            elif c.kind == "pronoun":
                c.actor = chains.salient(c.start, gender=c.gender)
                if c.actor is None and c.start < opening and c.gender is not None \
                        and not any(pos < c.start for pos, _ in chains.history):
                    chains.pending_pronouns.append(n)  # a person named after it?
                if c.actor is not None:
                    competitors = competitors or Competitors(article)
                    if _thing_in_between(c, c.actor, chains, competitors, cands[:n]):
                        c.actor = None
                if c.actor is not None:
                    chains.add_pronoun(c.actor, c.start, c.gender)
                c.confidence = 0.6 if c.actor else 0.0
            if c.actor and c.kind in ("name", "surname", "ner") and c.actor in chains.gender:
                official = _official_before(toks, c)
                if official is not None:
                    chains.officials.setdefault(c.actor, set()).add(official)
                for antecedent, relative in relatives:
                    if c.start <= antecedent < c.end:
                        chains.add_relative(c.actor, relative)
            if c.actor and c.kind in ("name", "adj", "demonym", "capital", "seat", "sector",
                                      "part", "member", "capital_gov", "role"):
                country = self.kb.country_of(c.actor)
                if country:
                    last_country = (c.start, country)
        self._resolve_cataphora(article, cands, chains, competitors)

    def _pick_org(self, candidates: list[str]) -> str | None:
        order = {"state": 0, "igo": 1, "igo_body": 2, "body": 2, "institution": 2,
                 "government": 3, "group": 3, "party": 4, "ngo": 5}
        known = [a for a in candidates if self.kb.get(a) is not None]
        if not known:
            return None
        return min(known, key=lambda a: order.get(self.kb.get(a).type, 9))  # type: ignore[union-attr]

    def _person_score(self, actor: Actor, date: str | None, role: str | None,
                      org: str | None) -> tuple[int, str]:
        score = 0
        for term in actor.terms:
            if role is not None and term.role not in GENERIC_ROLES.get(role, (role,)):
                continue
            if org is not None and term.org != org:
                continue
            if term.active(date):
                score = max(score, 4)
            elif date is None or (term.start or "") <= date:
                score = max(score, 2)
        if score == 0 and actor.terms and role is None:
            score = 1
        if score == 0:
            for aff in actor.affiliations:
                if (aff.start is None or date is None or aff.start <= date) and (
                        aff.end is None or date is None or date < aff.end):
                    score = max(score, 1)
        latest = max((t.start or "" for t in actor.terms), default="")
        if date is not None:
            latest = max((t.start or "" for t in actor.terms if (t.start or "") <= date),
                         default="")
        return score, latest

    def _best_person(self, candidates: list[str], date: str | None, role: str | None,
                     org: str | None = None) -> str | None:
        persons = [a for a in (self.kb.get(c) for c in candidates)
                   if a is not None and a.type == "person"]
        if not persons:
            return None
        best = max(persons, key=lambda a: self._person_score(a, date, role, org))
        return best.id

    def _resolve_person(self, c: Mention, chains: PersonChains, date: str | None,
                        text: str, toks: list[Tok], cands: list[Mention], n: int,
                        soft: bool = False) -> None:
        earlier = chains.lookup(c.text)
        if earlier is not None:
            c.actor, c.confidence = earlier, 0.9
        else:
            role, org = self._title_before(cands, n)
            # a common surname needs the NER to call it a person: an entity it labelled
            # ORG or LOC is another name ("WEN", a women's network; "auf der Maas", a river)
            if c.kind == "surname" and role is None and (not c.from_entity or c.label
                                                         not in (None, "PER")):
                key = fold(c.text.rstrip("s")) if c.text.endswith("s") else fold(c.text)
                if key in COMMON_SURNAMES or fold(c.text) in COMMON_SURNAMES:
                    c.actor, c.confidence = None, 0.0
                    c.kind = "dropped"
                    return
            # In soft news a bare surname is seldom the politician of the same name: 44 of 49
            # such links on 2,028 news articles were namesakes (Sharon Osbourne, the goalkeeper
            # Lindner, "Kurz vor Ende"); a title or "Frau"/"Herr" before it still links.
            if c.kind == "surname" and role is None and soft and not (
                    c.tok > 0 and toks[c.tok - 1].key in _HONORIFICS):
                c.actor, c.confidence = None, 0.0
                c.kind = "dropped"
                return
            c.actor = self._best_person(c.candidates, date, role, org)
            actor = self.kb.get(c.actor)
            active = actor is not None and bool(actor.active_terms(date))
            c.confidence = (0.95 if c.kind == "name" else 0.8) if active else (
                0.85 if c.kind == "name" else 0.6)
        actor = self.kb.get(c.actor)
        if actor is not None:
            roles = {t.role for t in actor.active_terms(date)}
            title, _ = self._title_before(cands, n)
            apposed = _apposition(text, cands, n)
            for given in (title, apposed.role if apposed else None):
                if given is not None:  # "Bundeskanzlerin Angela Merkel": the text's role
                    roles.add(given)
            # an undated article may be from any of the person's terms
            past = {t.role for t in actor.terms} if date is None else set()
            chains.add(actor.id, c.start, [c.text, actor.name, *actor.aliases],
                       actor.gender or gender_of_name(actor.name),
                       roles, oblique=_oblique(toks, c, cands, n), past_roles=past)

    def _title_before(self, cands: list[Mention], n: int) -> tuple[str | None, str | None]:
        prev = _title_before_mention(cands, n)
        if prev is None:
            return None, None
        return prev.role, self.kb.country_of(prev.qualifier) or prev.qualifier

    def _resolve_local_person(self, c: Mention, chains: PersonChains, text: str,
                              toks: list[Tok], cands: list[Mention], n: int) -> None:
        # ("Wolfgang  Pirklhuber": a scraper's line break or double space is no part of it)
        name = " ".join(_strip_genitive(c.text).split())
        earlier = chains.lookup(name) or chains.lookup(c.text)
        if earlier is None and " " not in name:  # the gossip page's "Miriam" after "Miriam Pielhau"
            earlier = chains.by_given_name(name)
        if earlier is not None:
            c.actor, c.confidence = earlier, 0.85
            # each mention is a place a later pronoun may look back to, as a KB person's is
            chains.add(earlier, c.start, [], oblique=_oblique(toks, c, cands, n))
            return
        c.actor = new_actor_id("PER", name)
        c.confidence = 0.7
        c.local = {"name": name}
        # the text's titles let a later "der Minister" find a person the KB does not know,
        # and tell the person's gender ("die Landesrätin Elisabeth Grossmann"); else the
        # first name may
        titles = [t for t in (_title_before_mention(cands, n), _apposition(text, cands, n))
                  if t is not None]
        gender = next((t.gender for t in titles if t.gender), None) or gender_of_name(name)
        self._take_over_name_part(c.actor, name, gender, chains, cands[:n])
        chains.add(c.actor, c.start, [name], gender, {t.role for t in titles if t.role},
                   oblique=_oblique(toks, c, cands, n))

    @staticmethod
    def _take_over_name_part(actor: str, name: str, gender: str | None, chains: PersonChains,
                             earlier: list[Mention]) -> None:
        """A surname or given name alone came first ("Strache hatte sich …" in a headline, then
        "Der FPÖ-Parteichef Heinz-Christian Strache"): those mentions are this person, except
        a pronoun of the other gender that had been resolved to the bare name."""
        words = name.split()
        if len(words) < 2 or not words[0][:1].isupper():
            return
        for part in (words[-1], words[0]):
            alone = new_actor_id("PER", part)
            # a given name alone came first ("Prinz Charles & Camilla: …", then "Camilla
            # Parker-Bowles"): only a word the first-name table knows
            if chains.lookup(part) == alone and (part == words[-1] or gender_of_name(part)):
                Linker._rename_earlier(alone, actor, gender, chains, earlier)
                return

    @staticmethod
    def _rename_earlier(alone: str, actor: str, gender: str | None, chains: PersonChains,
                        earlier: list[Mention]) -> None:
        chains.rename(alone, actor)
        if gender is not None:  # the full name's, not what the bare surname was guessed to be
            chains.gender[actor] = gender
        for m in earlier:
            if m.actor == alone:
                wrong = m.kind == "pronoun" and gender is not None and m.gender not in (
                    None, gender)
                m.actor = None if wrong else actor

    def _resolve_capital(self, c: Mention, text: str, toks: list[Tok]) -> None:
        state = c.candidates[0] if c.candidates else None
        if state is None:
            return
        prev = toks[c.tok - 1].key if c.tok > 0 else ""
        if c.tok > 1 and toks[c.tok - 1].text[:1].islower() and prev not in LOCATIVE:
            prev = toks[c.tok - 2].key  # "im norwegischen Oslo"
        if c.kind == "capital" and (prev in LOCATIVE or _dateline(text, toks, c)):
            c.actor, c.confidence = None, 0.0  # a place, not an actor
            c.kind = "place"
            return
        gov = state + "GOV" if self.kb.get(state + "GOV") else state
        c.actor, c.confidence = gov, (0.85 if c.kind == "capital_gov" else 0.75)

    def _resolve_role(self, c: Mention, cands: list[Mention], n: int, chains: PersonChains,
                      date: str | None, toks: list[Tok]) -> None:
        if c.plural or c.indefinite:
            return
        # apposition: "Regierungssprecher Josh Earnest", "Präsident Assad"
        nxt = cands[n + 1] if n + 1 < len(cands) else None
        if nxt is not None and nxt.tok == c.tok_end and (
                (nxt.kind in ("name", "surname") and any(self._is_person(a)
                                                        for a in nxt.candidates))
                or (nxt.kind == "ner" and nxt.label == "PER")):
            c.local = {"apposition": n + 1}
            return  # resolved after the name (see _finish_appositions)
        role, org = self._role_target(c)
        if role is None:
            return
        if c.implied is not None:
            # No country in the text ("die Kanzlerin"): a person this article has named in the
            # role comes before the role noun's own country's holder, so Faymann stays "der
            # Bundeskanzler" of an Austrian article, and Merkel "die Kanzlerin" of an undated one.
            accept = self._of_country(c.implied)
            earlier = chains.nearest(c.start, gender=c.gender, role=role, accept=accept) \
                or chains.nearest(c.start, gender=c.gender, role=role, past=True,
                                  accept=accept)
            if earlier is not None:
                c.actor, c.confidence = earlier, 0.75
                # "Die Kanzlerin habe …, dass sie": the role noun names the person again
                chains.add(earlier, c.start, [], oblique=_oblique(toks, c, cands, n))
                return
            chains.pending.append((n, role))
        if org is not None:
            holders = self.kb.holders(role, org, date, c.gender)
            if not holders and role == "leader":
                holders = self.kb.holders("head_of_state", org, date, c.gender)
            if not holders and role in ("head_of_state", "leader"):
                for alt in ("president", "secretary_general", "commission_president"):
                    holders = self.kb.holders(alt, org, date, c.gender)
                    if holders:
                        break
            if holders:
                holders.sort(key=lambda ta: ta[0].start or "", reverse=True)
                c.actor, c.confidence = holders[0][1], 0.85
                chains.add(c.actor, c.start, [], c.gender, {role})
                return
        if org is None or c.qualifier is None:
            earlier = chains.nearest(c.start, gender=c.gender, role=role)
            if earlier is not None:
                c.actor, c.confidence = earlier, 0.7
                chains.add(earlier, c.start, [], oblique=_oblique(toks, c, cands, n))

    def _of_country(self, implied: str) -> Callable[[str], bool]:
        """Whether a person may hold a role noun implying ``implied`` (its country, or one
        sharing the title)."""
        countries = SAME_TITLE.get(implied, (implied,))

        def accept(actor_id: str) -> bool:
            actor = self.kb.get(actor_id)
            return actor is not None and actor.country in countries

        return accept

    def _resolve_cataphora(self, article: Article, cands: list[Mention], chains: PersonChains,
                           competitors: Competitors | None) -> None:
        """A role noun before the name it stands for ("Kanzler fordert …" in the headline,
        "Bundeskanzler Werner Faymann" in the lead) takes that person, unless the holder it
        got is named in the article too; a pronoun of the opening with no person before it
        the next person named, if of its gender, not one it commands (:func:`_commanded`) and
        with no rival subject in the pronoun's sentence ("Die Raumstation ISS hat … erreicht:
        Sie hat …"; :data:`OPENING_SENTENCES`)."""
        named = chains.named()
        for n in chains.pending_pronouns:
            c = cands[n]
            start, later = next(chains.named_after(c.start, CATAPHORA_WINDOW), (-1, None))
            g = chains.gender.get(later) if later is not None else None
            if later is None or (c.gender and g and g != c.gender) \
                    or start in _commanded(article, c.start):
                continue
            competitors = competitors or Competitors(article)  # built only when asked
            rival = competitors.latest(c.start, c.gender or "")
            if rival is None or rival.sentence != competitors.sentence_of(c.start):
                c.actor, c.confidence = later, 0.5
        for n, role in chains.pending:
            c = cands[n]
            if c.actor is not None and c.actor in named:
                continue
            later = chains.following(c.start, c.gender, role, self._of_country(c.implied or ""))
            if later is not None:
                c.actor, c.confidence = later, 0.7

    def _role_target(self, c: Mention) -> tuple[str | None, str | None]:
        """(role key, org/ISO) a role mention asks for."""
        role = c.role
        q = c.qualifier
        if q is not None and q in LEADER_OF and role in ("leader", "head_of_state"):
            return LEADER_OF[q]
        if role == "spokesperson_generic":
            if q is None:
                return None, None
            country = SPOKESPERSON_OF.get(q) or self.kb.country_of(q)
            return "spokesperson", country
        if role == "leader" and q is None:
            return None, None
        if q is None:
            return role, None
        actor = self.kb.get(q)
        if actor is None:
            return role, None
        if actor.type in ("state", "government", "body", "sector", "institution"):
            return role, self.kb.country_of(q)
        if actor.type == "igo_body" and actor.parent:
            return role, actor.parent
        return role, actor.id

    def _resolve_sector(self, c: Mention, last_country: tuple[int, str] | None,
                        prev: str) -> None:
        q = c.qualifier
        sector = c.sector or "GOV"
        if q is not None:
            actor = self.kb.get(q)
            if actor is not None and actor.type in ("group", "igo", "igo_body", "party"):
                c.actor, c.confidence = actor.id, 0.7
                return
            country = self.kb.country_of(q)
            if country:
                c.actor, c.confidence = country + sector, 0.8
                return
        if fold(c.text) in QUALIFIED_ONLY and prev not in STATE_ADJECTIVES:
            return  # "in Führung", "unter Führung ihrer Vorsitzenden", "die Klub-Führung"
        if last_country is not None and c.start - last_country[0] < 400 and not c.indefinite:
            c.actor, c.confidence = last_country[1] + sector, 0.4


def _surname_pass(kb: KB, toks: list[Tok], cands: list[Mention]) -> list[Mention]:
    """Surnames of persons named in full elsewhere in the article (``Müntefering`` after
    ``Franz Müntefering``) even when the KB has no surname alias for them."""
    surnames: dict[str, list[str]] = {}
    for c in cands:
        if c.kind == "name" and c.tok_end - c.tok > 1:
            persons = [a for a in c.candidates if (kb.get(a) or Actor("", "", "")).type == "person"]
            if persons:
                surnames.setdefault(toks[c.tok_end - 1].key, persons)
    if not surnames:
        return cands
    covered = {n for c in cands for n in range(c.tok, c.tok_end)}
    for n, tok in enumerate(toks):
        if n in covered or not tok.text[:1].isupper():
            continue
        key = tok.key if tok.key in surnames else tok.key[:-1] if tok.key.endswith("s") else ""
        if key in surnames:
            cands.append(Mention(tok.start, tok.end, tok.text, "surname", n, n + 1,
                                 list(surnames[key])))
    return cands


def _local_surname_pass(article: Article, toks: list[Tok],
                        cands: list[Mention]) -> list[Mention]:
    """Surnames alone, after the full name, of persons the KB does not know, where the NER
    missed them ("Toifl selbst ist … beschuldigt" after "Gerald Toifl"): as if the NER had
    found them, so that the chains link them. Only words the tagger calls proper nouns
    ("Kurz" read as an adjective stays one)."""
    after: dict[str, int] = {}  # folded surname → token index after its first full name
    for c in cands:
        if c.kind == "ner" and c.label == "PER" and c.tok_end - c.tok > 1:
            after.setdefault(toks[c.tok_end - 1].key, c.tok_end)
    if not after:
        return cands
    proper = {t.start for s in article.sentences for t in s.tokens if t.tag == "NE"}
    covered = {n for c in cands for n in range(c.tok, c.tok_end)}
    for n, tok in enumerate(toks):
        if n in covered or tok.start not in proper or not tok.text[:1].isupper():
            continue
        key = tok.key if tok.key in after else tok.key[:-1] if tok.key.endswith("s") else ""
        if key in after and n >= after[key]:
            cands.append(Mention(tok.start, tok.end, tok.text, "ner", n, n + 1, label="PER"))
    return cands


class _PrefixEntry:
    """A compound prefix match (``US`` in ``US-Außenminister``)."""

    kind = "prefix"
    case = "any"

    def __init__(self, actor: str) -> None:
        self.actor = actor


def _case_ok(case: str, surface: str, alias: str) -> bool:
    if case == "upper":
        return surface == alias or surface.rstrip("s") == alias
    if case == "title":
        first = next((ch for ch in surface if ch.isalpha()), "")
        alias_first = next((ch for ch in alias if ch.isalpha()), "")
        # particles may be lower case in text and alias alike ("al-Assad", "von der Leyen")
        return first.isupper() or first == alias_first
    return True


_ARTICLES = {"der", "die", "das", "den", "dem", "des"} | INDEFINITE
PREPOSITIONS = {"an", "auf", "für", "gegen", "mit", "von", "vom", "über", "zu", "zum", "bei",
                "beim", "nach", "ohne", "um", "unter", "wegen", "zwischen", "aus", "in", "im"}


def _thing_in_between(pronoun: Mention, actor: str, chains: PersonChains,
                      competitors: Competitors, earlier: list[Mention]) -> bool:
    """A subject of the pronoun's gender, no person, stands after the person's last mention
    ("Früher hat der Fluss der Wirtschaft gehört. Jetzt soll er …"), a generic pronoun before
    it in its sentence (``Competitors.generic_before``), or someone unnamed after an official
    (:func:`_unnamed_after_official`)."""
    if pronoun.gender is None:
        return False
    if competitors.generic_before(pronoun.start, pronoun.gender):
        return True  # "Wer morgens frühstückt, isst mehr, als wenn er …": nobody named
    subject = competitors.latest(pronoun.start, pronoun.gender)
    last = max((pos for pos, a in chains.history if a == actor and pos < pronoun.start),
               default=-1)
    if subject is not None and subject.start > last and not any(
            m.start <= subject.start < m.end and (
                m.actor in chains.gender or (m.kind == "role" and not subject.newcomer)
                or m.kind == "dropped" or m.label == "PER")
            for m in earlier):
        return True
    return _unnamed_after_official(pronoun, actor, last, chains, competitors, earlier)


def _unnamed_after_official(pronoun: Mention, actor: str, last: int, chains: PersonChains,
                            competitors: Competitors, earlier: list[Mention]) -> bool:
    """The person was named as an official (``data/officials.tsv``) and a subject headed by
    another person noun stands after the official's last mention: the police spokesman, judge
    or prosecutor reports on someone else, whom the pronoun follows ("sagte Staatsanwalt
    Witold Franke … Der Ehemann hatte eine Rauchgasvergiftung erlitten … wurde er … gefasst").
    Such a pronoun is noted in ``chains.unnamed``, so that the next sentence's goes on with it."""
    nouns = chains.officials.get(actor)
    if not nouns or pronoun.gender is None:
        return False
    here = competitors.sentence_of(pronoun.start)
    # a pronoun of this sentence or the one before already stands for that person ("… wurde
    # er in Bielefeld gefasst. Er sitzt in Untersuchungshaft")
    carried = any(g == pronoun.gender and last < pos and competitors.sentence_of(pos) >= here - 1
                  for pos, g in chains.unnamed)
    subject = competitors.latest_person(pronoun.start, pronoun.gender)
    if not carried and (subject is None or subject.start <= last
                        or same_noun(subject.noun, nouns)
                        or any(m.start <= subject.start < m.end and m.actor is not None
                               for m in earlier)):
        return False
    chains.unnamed.append((pronoun.start, pronoun.gender))
    return True


def _official_before(toks: list[Tok], c: Mention) -> str | None:
    """The official's noun right before a person's name ("Staatsanwalt Witold Franke",
    "Österreich-Anwalt Peter Zöchbauer"), else None."""
    if c.tok == 0:
        return None
    word = toks[c.tok - 1].text
    return official_noun(word) if word[:1].isupper() else None


def _commanded(article: Article, pos: int) -> frozenset[int]:
    """Starts of the words the pronoun at ``pos`` commands: its verb and all that stands under
    it, save coordinated and appended clauses (``conj``, ``parataxis``) and what follows a
    colon after the pronoun. A name there is the pronoun's co-argument or inside a clause of
    its own verb ("Er sprengte Micah Johnson in die Luft", "Er kündigte an, mit Erdogan zu
    reden"), never what it stands for; a name after it elsewhere may be ("Weil er Berufung
    eingelegt hatte, ist Schettino …"; "… dürfte er den Sprung schaffen: Tarik Mete")."""
    for sentence in article.sentences:
        if not sentence.start <= pos < sentence.end:
            continue
        toks = sentence.tokens
        i = next((k for k, t in enumerate(toks) if t.start == pos), None)
        if i is None or not 0 <= toks[i].head < len(toks):
            return frozenset()
        verb = toks[i].head
        # a zu-infinitive is embedded, whatever the parser calls it ("kündigte an, … mit
        # Erdogan zu reden" came out a conjunct)
        cut = {k for k, t in enumerate(toks) if t.head == verb and k != verb
               and t.dep in ("conj", "parataxis")
               and not any(d.head == k and d.tag == "PTKZU" for d in toks)}
        # a colon after the pronoun opens what it does not command ("…: Tarik Mete")
        colon = next((t.start for t in toks[i:] if t.text == ":"), sentence.end)
        return frozenset(t.start for k, t in enumerate(toks) if t.start < colon
                         and _under(toks, k, verb) and not any(_under(toks, k, c) for c in cut))
    return frozenset()


def _under(toks: list[Token], k: int, top: int) -> bool:
    """``toks[k]`` is ``toks[top]`` or stands under it in the parse."""
    for _ in range(len(toks)):
        if k == top:
            return True
        if not 0 <= toks[k].head < len(toks) or toks[k].head == k:
            return False
        k = toks[k].head
    return False


def _relative_subjects(article: Article) -> list[tuple[int, int]]:
    """(start of the antecedent word, start of the relative pronoun) for each relative
    pronoun that is its clause's subject: the clause hangs on the antecedent, directly or
    through an apposition the parser made of it ("an Max Verstappen, …, der … zum jüngsten
    Sieger wurde": the predicate noun as an apposition of "Max")."""
    out: list[tuple[int, int]] = []
    for sentence in article.sentences:
        toks = sentence.tokens
        for t in toks:
            # a nominative form only: the parser also calls a dative "dem" the subject
            if t.tag != "PRELS" or t.text.lower() not in ("der", "die", "welcher", "welche") \
                    or not t.dep.startswith("nsubj") or not 0 <= t.head < len(toks):
                continue
            clause = toks[t.head]
            if clause.dep in ("acl", "acl:relcl", "appos") and 0 <= clause.head < len(toks):
                out.append((toks[clause.head].start, t.start))
    return out


def _oblique(toks: list[Tok], c: Mention, cands: list[Mention], n: int) -> bool:
    """A person mention inside a prepositional phrase or a genitive (poor pronoun antecedent)."""
    if c.text.endswith("s") and c.kind == "surname":
        return True
    first = c.tok
    k = n - 1
    while k >= 0 and cands[k].tok_end == first and cands[k].kind in ("role", "adj"):
        first = cands[k].tok
        k -= 1
    # an apposed noun and its adjectives: "gegen die niederländische Qualifikantin Kiki Bertens"
    if first > 0 and _apposed_noun(toks[first - 1].text):
        first -= 1
    stop = first - 2
    while first > max(0, stop) and _inflected_adjective(toks[first - 1].text):
        first -= 1
    prev = toks[first - 1].key if first > 0 else ""
    if prev in ("des", "eines") and c.kind == "role":
        return True  # a genitive: "den Rücktritt des Ministerpräsidenten"
    if prev in ("der", "die", "den", "dem", "des") and first > 1:
        prev = toks[first - 2].key
    return prev in PREPOSITIONS


def _apposed_noun(word: str) -> bool:
    """A capitalised noun that may stand between an article and a name ("die Qualifikantin
    Kiki Bertens"); no article."""
    return word.isalpha() and word.lower() not in _ARTICLES and word[:1].isupper() \
        and word[1:].islower()


def _genitive_surface(text: str) -> bool:
    return text.endswith(("s", "'")) and not text.isupper()


@functools.cache
def _company_words() -> dict[str, str]:
    """Words that end a company's name → their kind (``data/company_words.tsv``)."""
    return {row[0]: row[1] for row in tsv_rows(DATA_DIR / "company_words.tsv")}


@functools.cache
def _organisation_heads() -> tuple[str, ...]:
    """Heads of nouns naming an organisation, a medium, a product or a work
    (``data/organisation_nouns.tsv``)."""
    return tuple(row[0].lower() for row in tsv_rows(DATA_DIR / "organisation_nouns.tsv"))


# an inflected adjective between an apposition's article and its noun (", die griechische")
_APPOSED_ADJECTIVE = r"(?:[a-zäöüß][\w-]*e[nrsm]?\s+)?"
# a noun in apposition after a name: ", die Linkspartei", ", die griechische Linkspartei"
_THING_APPOSITION = re.compile(
    r"\s*,\s*(?:der|die|das)\s+" + _APPOSED_ADJECTIVE + r"([A-ZÄÖÜ][\w-]*)")


def _named_thing(text: str, toks: list[Tok], tag_at: Callable[[int], str | None], ent: Entity,
                 tok_i: int) -> bool:
    """Is a one-word person entity the name of the organisation, medium or work that the
    common noun right before it names ("die EU-Betrugsbekämpfungsbehörde Olaf", "die Kanzlei
    Lansky", "die Fernsehserie Grimm") or an apposition after it ("Syriza, die Linkspartei")?"""
    if len(ent.text.split()) != 1:
        return False
    after = _THING_APPOSITION.match(text, ent.end)  # "Syriza, die Linkspartei, …"
    if after is not None and after.group(1).lower().endswith(_organisation_heads()):
        return True
    if tok_i == 0:
        return False
    prev = toks[tok_i - 1]
    if not prev.text.lower().endswith(_organisation_heads()) or text[prev.end:ent.start].strip():
        return False
    word = max(text.rfind(" ", 0, prev.end), text.rfind("\n", 0, prev.end)) + 1  # EU-Behörde
    return tag_at(word) == "NN"  # (the tag map is built only for such a noun)


def _strip_genitive(name: str) -> str:
    for suffix in ("'s", "’s", "s'", "'"):
        if name.endswith(suffix):
            return name[: -len(suffix)] if suffix != "s'" else name[:-1]
    return name


def _sentence_initial(article: Article, toks: list[Tok]) -> set[int]:
    starts = {s.start for s in article.sentences}
    out: set[int] = set()
    for n, tok in enumerate(toks):
        if n == 0 or tok.start in starts:
            out.add(n)
            continue
        prev = toks[n - 1]
        gap = article.text[prev.end:tok.start]
        if "\n" in gap or prev.text in ".!?:" or (
                prev.text in "„\"«»“" and (n < 2 or toks[n - 2].text in ".!?:"
                                            or "\n" in article.text[toks[n - 2].end:prev.start])):
            out.add(n)
    return out


# between a name and its apposition: ", der ", ", die griechische "
_APPOSITION_GAP = re.compile(r"\s*,\s*(?:der|die)\s+" + _APPOSED_ADJECTIVE)


def _inflected_adjective(word: str) -> bool:
    """``jüdische``, ``anwesenden``: a lower-case word with an adjective's ending (not a
    preposition: "gegen Laura Siegemund" is a prepositional phrase)."""
    return word[:1].islower() and word.endswith(("e", "en")) and word not in PREPOSITIONS


def _apposition(text: str, cands: list[Mention], n: int) -> Mention | None:
    """The role mention of an apposition after a name: ``Yiannis Mouzalas, der
    Migrationsminister,`` (an adjective of a country between them is a mention of its own)."""
    end = cands[n].end
    for c in cands[n + 1:n + 3]:
        if c.kind == "role" and not c.plural and not c.indefinite:
            gap = _APPOSITION_GAP.fullmatch(text, end, c.start)
            return c if gap is not None else None
        if c.kind not in ("adj", "demonym"):
            return None
    return None


def _title_before_mention(cands: list[Mention], n: int) -> Mention | None:
    """The role mention right before a name ("Landesrätin Elisabeth Grossmann")."""
    prev = cands[n - 1] if n > 0 else None
    return prev if prev is not None and prev.kind == "role" and prev.tok_end == cands[n].tok \
        else None


_NUMBER = re.compile(r"Number=\w+")


def _morph_by_start(article: Article) -> dict[int, str]:
    """Each token's morphology; a subject *sie* has its finite verb's number, which the
    parser reads more reliably ("Auch sie forderten …" came out singular, "dass sie bereits
    einen Freund hat" plural). A singular *sie* may still be a thing ("die Maus … soll sie"):
    the competitors (``competitors.py``) keep such a pronoun from a person."""
    out = {t.start: t.morph for s in article.sentences for t in s.tokens if t.morph}
    for sentence in article.sentences:
        toks = sentence.tokens
        for t in toks:
            if t.text not in ("sie", "Sie") or t.dep not in ("nsubj", "nsubj:pass") \
                    or not t.morph:
                continue
            number = _finite_number(toks, t.head)
            if number in ("Sing", "Plur"):
                out[t.start] = _NUMBER.sub(f"Number={number}", t.morph) \
                    if _NUMBER.search(t.morph) else f"{t.morph}|Number={number}"
    return out


def _finite_number(toks: list[Token], head: int) -> str | None:
    """``Sing``/``Plur`` of the finite verb of the clause headed by ``toks[head]``: its
    auxiliary or copula ("sie wollen … haben", "Sie sind lässig"; with one of them the head
    is not finite, whatever the tagger says of "möchte sie … auskosten") or the head itself.
    The number comes from the form (``third_person_number``), not the tagger."""
    if not 0 <= head < len(toks):
        return None
    helpers = [t for t in toks if t.head == head and (t.dep.startswith("aux") or t.dep == "cop")]
    for verb in [*helpers, toks[head]]:
        if verb.tag.endswith("FIN") or "VerbForm=Fin" in verb.morph:
            return third_person_number(verb.text)
    return None


# -- output ---------------------------------------------------------------------------------
def _finish_appositions(cands: list[Mention], kb: KB, date: str | None) -> None:
    for c in cands:
        if c.kind != "role" or not c.local or "apposition" not in c.local:
            continue
        target = cands[c.local["apposition"]]
        c.local = None
        if target.actor is None:
            continue
        c.actor, c.confidence = target.actor, max(target.confidence, 0.8)
        if is_new(target.actor):
            info = target.local or {}
            info.setdefault("roles", [])
            role = {"role": c.role, "noun": c.text}
            if c.qualifier:
                role["affiliation"] = kb.country_of(c.qualifier) or c.qualifier
            info["roles"].append(role)
            target.local = info


def _entity_label(actor: Actor | None, kind: str, actor_id: str = "") -> tuple[str, str | None]:
    if kind in ("adj", "demonym"):
        return "LOC", "deriv"
    if kind == "place":
        return "LOC", None
    part = "part" if kind in ("part", "member") else None
    if actor is None:  # a person the article named in full ("Eurico Guterres … Guterres")
        return ("PER" if is_new_person(actor_id) else "OTH"), part
    if actor.type == "person":
        return "PER", part
    if actor.type == "state" or kind in ("capital",):
        return "LOC", part
    return "ORG", part


_CREDIT_SEPARATORS = re.compile(r"[\s/,;]+")
_CREDIT_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2,4})?")


def agency_credit(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a news agency in a credit: parentheses that hold nothing but
    agencies and a date (``BERLIN (Reuter) -``, ``(AP / Reuter / dpa)``, ``(APA, 12.3.2016)``).
    The agency wrote the text; the NER, which has not seen the credit convention, calls
    ``Reuter`` a person."""
    if not is_agency(text[start:end]):
        return False
    open_at = text.rfind("(", max(0, start - 40), start)
    close_at = text.find(")", end, end + 40)
    if open_at < 0 or close_at < 0:
        return False
    inside = text[open_at + 1:close_at]
    if "(" in inside:
        return False
    return all(is_agency(part) or _CREDIT_DATE.fullmatch(part)
               for part in _CREDIT_SEPARATORS.split(inside.strip()) if part)


def _overlap_finder(mentions: list[Mention]) -> Callable[[int, int], tuple[Mention | None, int]]:
    """For a span: the mention (pronouns aside) overlapping it most, the first in ``mentions``
    order on a tie, and the overlap in characters (``None, 0`` when none overlaps). Looks only
    at mentions that start within reach of the span (by bisection on their starts), where
    comparing every entity with every mention (most of them pronoun candidates) cost a third
    of the stage."""
    pool = sorted((m.start, n) for n, m in enumerate(mentions) if m.kind != "pronoun")
    starts = [start for start, _ in pool]
    reach = max((mentions[n].end - start for start, n in pool), default=0)

    def best(start: int, end: int) -> tuple[Mention | None, int]:
        found: Mention | None = None
        found_n = -1
        top = 0
        # a mention that ends after ``start`` starts after ``start - reach``
        for _, n in pool[bisect_left(starts, start - reach):bisect_left(starts, end)]:
            m = mentions[n]
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > top or (overlap == top and overlap > 0 and n < found_n):
                found, found_n, top = m, n, overlap
        return found, top

    return best


def apply(article: Article, mentions: list[Mention], kb: KB,
          add_entities: bool = True) -> Article:
    """Write ``entity.actor``, new gazetteer entities and ``article.actors``."""
    date = article_date(article)
    _finish_appositions(mentions, kb, date)
    linked = [m for m in mentions if m.actor]
    entities = [e.model_copy() for e in article.entities]
    best_overlapping = _overlap_finder(mentions)
    for ent in entities:
        best, best_overlap = best_overlapping(ent.start, ent.end)
        ent.actor = best.actor if best is not None and best_overlap * 2 >= (
            ent.end - ent.start) else None
        # A name linked to a KB person, or to a person the article named in full, is a person,
        # whatever the NER guessed ("Kerry"/LOC, "Antonio Conte … Conte"/LOC): the match is
        # stronger evidence than the CNN's label on a short surname.
        actor = kb.get(ent.actor) if ent.actor else None
        by_name = best is not None and best.kind in ("name", "surname", "ner")
        person = actor.type == "person" if actor is not None else is_new_person(ent.actor or "")
        if agency_credit(article.text, ent.start, ent.end):
            ent.label, ent.subtype, ent.actor = "ORG", None, None
        elif by_name and person and ent.label != "PER":
            ent.label, ent.subtype = "PER", None
    if add_entities:
        # a capital read as a place (``NEU-DELHI, 23. August (AFP)``, ``in Wien``) is a place
        # name the NER may have missed, with no actor
        for m in mentions:
            if not (m.actor or m.kind == "place") or m.from_entity or m.kind in (
                    "role", "sector", "pronoun", "dropped"):
                continue
            if any(e.start < m.end and m.start < e.end for e in entities):
                continue
            label, subtype = _entity_label(kb.get(m.actor), m.kind, m.actor or "")
            entities.append(Entity(text=m.text, start=m.start, end=m.end, label=label,
                                   subtype=subtype, actor=m.actor))
        entities.sort(key=lambda e: (e.start, e.end))
    actors: dict[str, dict[str, Any]] = {}
    for m in linked:
        assert m.actor is not None
        record = actors.get(m.actor)
        if record is None:
            record = _actor_record(m.actor, kb, date, mentions)
            actors[m.actor] = record
        record["mentions"].append({"start": m.start, "end": m.end, "text": m.text,
                                   "kind": m.kind, "confidence": round(m.confidence, 2)})
    layer = [ActorLayer.model_validate(record) for record in actors.values()]
    return article.model_copy(update={"entities": entities, "actors": layer})


def _actor_record(actor_id: str, kb: KB, date: str | None,
                  mentions: list[Mention]) -> dict[str, Any]:
    actor = kb.get(actor_id)
    if actor is not None:
        roles = [{"role": t.role, "org": t.org, "start": t.start, "end": t.end}
                 for t in actor.active_terms(date)]
        return {"id": actor.id, "name": actor.name, "type": actor.type,
                "cameo": actor.cameo_at(date), "roles": roles, "mentions": []}
    local: dict[str, Any] = {}
    for m in mentions:
        if m.actor == actor_id and m.local:
            local.update({k: v for k, v in m.local.items() if k != "roles"})
            local.setdefault("roles", []).extend(m.local.get("roles", []))
    roles = local.get("roles", [])
    cameo = None
    for role in roles:
        aff = role.get("affiliation")
        if aff and len(aff) == 3:
            cameo = aff + "GOV"
    return {"id": actor_id, "name": local.get("name", actor_id.split(":")[-1]),
            "type": "person", "cameo": cameo, "roles": roles, "local": True, "mentions": []}


# -- pipeline stage -------------------------------------------------------------------------
def link_many(articles: Iterable[Article], linker: Linker | None = None) -> Iterator[Article]:
    linker = linker or Linker()
    for article in articles:
        yield linker.link(article)


def load_stage() -> Any:
    """The ``actors`` pipeline stage: ``Iterable[Article] -> Iterator[Article]``."""
    linker = Linker()

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return link_many(articles, linker)

    return run
