"""Things that compete with persons for a pronoun.

German pronouns agree with the grammatical gender of what they stand for: after "Früher hat
der Fluss der Wirtschaft gehört." the *er* of "Jetzt soll er wieder der Allgemeinheit gehören"
is the river, and after "Die WKStA hat sich helfen lassen." the *Sie* that follows is the
prosecutors' office. The coreference step resolves pronouns to persons only, and took the
nearest person of the right gender however far back. A subject of the same gender and number
that stands between that person and the pronoun, in the pronoun's own sentence or the one
before, is the likelier antecedent; when it is no person, the pronoun is left unresolved
(docs/lab/actors-coref.md).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from lagebild.actors.kb import DATA_DIR, tsv_rows
from lagebild.german import DOUBLE_QUOTES, FEMININE_ENDINGS
from lagebild.model import Article, Token

_SUBJECT = ("nsubj", "nsubj:pass")
_CLAUSES = ("ccomp", "advcl", "acl", "acl:relcl", "csubj", "csubj:pass")
_GENDER = {"Masc": "m", "Fem": "f"}
# articles of the gender that no nominative singular takes
_NOT_NOMINATIVE = {"m": {"den", "dem", "des", "einen", "einem", "eines", "keinen", "keinem",
                         "keines", "diesen", "diesem", "dieses"},
                   "f": {"der", "einer", "keiner", "dieser"}}
# a nominative singular's article → its gender ("n": neuter, no rival of er or sie)
_ARTICLE_GENDER = {"der": "m", "dieser": "m", "jener": "m", "die": "f", "diese": "f",
                   "jene": "f", "eine": "f", "keine": "f", "das": "n", "dieses": "n",
                   "jenes": "n"}
# endings of feminine nouns only
_FEMININE_ENDINGS = (*FEMININE_ENDINGS, "ie", "enz", "anz", "ei")
_FEATURE = re.compile(r"(Case|Gender|Number)=(\w+)")


@functools.cache
def _person_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns of ``data/person_nouns.tsv`` (folded), and those long enough to head a
    compound."""
    nouns = frozenset(row[0].lower() for row in tsv_rows(DATA_DIR / "person_nouns.tsv"))
    return nouns, frozenset(n for n in nouns if len(n) >= 4)


@functools.cache
def _person_suffixes() -> tuple[tuple[str, int], ...]:
    """(ending, shortest word) pairs of ``data/person_suffixes.tsv``."""
    return tuple((row[0].lower(), int(row[1]))
                 for row in tsv_rows(DATA_DIR / "person_suffixes.tsv"))


def is_person_noun(word: str) -> bool:
    """``Fotograf``, ``Fotografin``, ``Vizemeister``, ``der Vorsitzender``, ``des
    Abgeordneten``, ``der 36-Jährige``: a noun that names a person."""
    nouns, heads = _person_nouns()
    key = word.lower()
    if any(key.endswith(suffix) and len(key) >= shortest
           for suffix, shortest in _person_suffixes()):
        return True
    forms = _endings_off(key)
    if key.endswith("s"):  # a genitive: des Ministers
        forms.add(key[:-1])
    # a compound's head: any tail of at least four letters after at least three
    return any(form in nouns or any(form[i:] in heads for i in range(3, len(form) - 3))
               for form in forms)


@functools.cache
def _officials() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns of ``data/officials.tsv``, folded: those that head compounds, and those
    matched only as the word itself."""
    rows = [(row[0].lower(), row[1] if len(row) > 1 else "head")
            for row in tsv_rows(DATA_DIR / "officials.tsv")]
    return (frozenset(noun for noun, match in rows if match == "head"),
            frozenset(noun for noun, match in rows if match == "word"))


def _endings_off(key: str) -> set[str]:
    """A folded noun, and its forms without a feminine *-in* (Fotografin, Richterin) or an
    adjective's ending (der Vorsitzender, des Beamten)."""
    forms = {key}
    if key.endswith("in"):
        forms.update((key[:-2], key[:-2] + "e"))
    if key.endswith(("er", "en", "es", "em")):
        forms.update((key[:-1], key[:-2]))
    return forms


def _noun_forms(word: str) -> set[str]:
    """The forms of :func:`_endings_off` of the word's part after a hyphen."""
    return _endings_off(word.lower().rsplit("-", 1)[-1])


def official_noun(word: str) -> str | None:
    """The official of ``data/officials.tsv`` the noun names (``Polizeisprecher`` →
    ``sprecher``, ``Österreich-Anwalt`` → ``anwalt``), else None."""
    heads, words = _officials()
    forms = _noun_forms(word)
    for form in forms:
        if form in words:
            return form
    for form in forms:
        for i in range(len(form) - 3):
            if form[i:] in heads:
                return form[i:]
    return None


def same_noun(word: str, nouns: set[str]) -> bool:
    """``word`` names what one of ``nouns`` names: equal after the feminine or adjective
    ending, or one the head of the other ("der Sprecher" after "Polizeisprecher X")."""
    forms = _noun_forms(word)
    return any(form.endswith(noun) or noun.endswith(form) for form in forms for noun in nouns
               if len(form) >= 4)


#: generic pronouns a later "er"/"sie" of their gender refers to, and the tags they have as
#: such (free relative "wer", indefinite "einer", demonstrative "derjenige")
#: (not "niemand", "keiner": "Niemand konnte Franklin vorwerfen, er habe …" is Franklin)
_GENERIC = {"wer": "m", "jemand": "m", "einer": "m", "derjenige": "m", "diejenige": "f"}
_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_GENERIC_TAGS = frozenset({"PWS", "PIS", "PDS"})


@dataclass(frozen=True)
class Subject:
    """A noun subject: its head's offsets, its gender (``m``/``f``), its sentence's number."""

    start: int
    end: int
    gender: str
    sentence: int
    main: bool  # in the sentence's main clause
    newcomer: bool = False  # a person not named before, brought in by "ein"/"eine"
    noun: str = ""  # the person noun of a definite person subject ("der Ehemann")


class Competitors:
    """The singular masculine and feminine noun subjects of an article, in text order."""

    def __init__(self, article: Article) -> None:
        self.sentence_starts = [s.start for s in article.sentences]
        self.subjects: list[Subject] = []
        # definite subjects headed by a person noun: no rival of a person in general (they
        # may name the person again), but of an official (:meth:`latest_person`)
        self.persons: list[Subject] = []
        times = [(t.start, t.end) for t in article.times]
        for number, sentence in enumerate(article.sentences):
            for index, tok in enumerate(sentence.tokens):
                # a capitalised adjective is a noun the tagger missed ("sagte der 38-Jährige"),
                # a person's only
                adjective = tok.pos == "ADJ" and is_person_noun(tok.text) \
                    and next((ch for ch in tok.text if ch.isalpha()), "").isupper()
                if tok.dep not in _SUBJECT or (tok.pos not in ("NOUN", "PROPN") and not adjective) \
                        or _zu_infinitive(sentence.tokens, tok.head):
                    continue
                features = dict(_FEATURE.findall(tok.morph))
                # The parser calls a fronted object a subject ("Den Grundstein … hatte er"),
                # and its article tells the case better than the tagger ("der russische
                # Vorschlag" came out dative); a noun without one is a name or a bare noun
                # (a person's "Pilz’ Vorwurf", "vom Büro freiland Umweltconsulting")
                position, determiner = next(
                    ((k, t) for k, t in enumerate(sentence.tokens)
                     if t.head == index and t.pos == "DET"), (0, None))
                # a subject's article tells its gender better than the tagger, too ("der
                # Islam" came out feminine); after a preposition it is no subject's ("auf
                # der Suche")
                gender = _GENDER.get(features.get("Gender", ""))
                if determiner is not None:
                    if position > 0 and sentence.tokens[position - 1].pos == "ADP":
                        continue
                    article_gender = _ARTICLE_GENDER.get(determiner.text.lower(), gender)
                    # "der Beweismittelfälschung" is a genitive, whatever its label
                    if not (article_gender == "m" and tok.text.lower().endswith(
                            _FEMININE_ENDINGS)):
                        gender = article_gender
                if gender not in ("m", "f") or features.get("Number", "Sing") != "Sing" \
                        or (features.get("Number") is None and not adjective):
                    continue
                # "Sein Zustand ist zufriedenstellend. Er …": the possessive names the person
                # again, nearer than the thing
                if determiner is None or "Poss=Yes" in determiner.morph \
                        or determiner.text.lower() in _NOT_NOMINATIVE[gender] \
                        or (gender == "f" and features.get("Case") == "Acc") \
                        or any(start <= tok.start < end for start, end in times):
                    continue
                # a person noun may name the person again ("der Satiriker"), unless it brings
                # in someone new: "…, meint ein hochrangiger Museumsexperte. … schätzt er"
                newcomer = determiner.text.lower() in ("ein", "eine") and not any(
                    t.head == index and t.dep == "cop" for t in sentence.tokens)  # "war ein Ketzer"
                if adjective or (not newcomer and (is_person_noun(tok.text) or (
                        gender == "m" and tok.text.endswith("e")))):
                    self.persons.append(Subject(tok.start, tok.end, gender, number,
                                                not _subordinate(sentence.tokens, tok.head),
                                                noun=tok.text))
                    continue
                self.subjects.append(Subject(tok.start, tok.end, gender, number,
                                             not _subordinate(sentence.tokens, tok.head),
                                             newcomer))
        self._starts = [s.start for s in self.subjects]
        self._person_starts = [s.start for s in self.persons]
        # generic pronouns ("Wer …, als wenn er …", "wenn einer … krank ist, kann er …"),
        # and where each sentence's question marks stand
        self.generics: list[tuple[int, str, bool, int]] = []  # start, gender, "wer", sentence
        self._questions: dict[int, list[int]] = {}
        self._comparisons: set[int] = set()  # ends of "als"/"wie"
        # words right after a comma and a finite verb: the subject of a main clause after a
        # fronted clause ("Wer ihnen geholfen hat, soll er sagen": that "wer" clause is a
        # question, the main clause has a subject of its own, no free relative)
        self._after_clause: set[int] = set()
        self._text = article.text
        for number, sentence in enumerate(article.sentences):
            for index, tok in enumerate(sentence.tokens):
                gender = _GENERIC.get(tok.text.lower())
                after = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
                if gender is not None and after is not None and (
                        after.pos == "DET" or after.text == "von"):
                    continue  # a part of a whole: "einer der Gründe", "einer von ihnen"
                # a subject ("wenn einer … krank ist"), not a partitive ("in einer der
                # spannendsten Partien"); "wer" opens a free relative clause wherever it stands
                # (an "einer" tagged an article but a subject is the pronoun too)
                if gender is not None and (tok.tag in _GENERIC_TAGS or tok.tag == "ART") and (
                        tok.tag == "PWS" or tok.dep in _SUBJECT):
                    self.generics.append((tok.start, gender, tok.tag == "PWS", number))
                elif index > 1 and sentence.tokens[index - 1].tag in _FINITE \
                        and sentence.tokens[index - 2].text == ",":
                    self._after_clause.add(tok.start)
                elif tok.text == "?":
                    self._questions.setdefault(number, []).append(tok.start)
                elif tok.text.lower() in ("als", "wie"):
                    self._comparisons.add(tok.end)

    def generic_before(self, pos: int, gender: str) -> bool:
        """A generic pronoun of that gender stands before ``pos`` in its sentence, and no
        question mark between them (``Wer ist das?``, fragte er: a question, no free
        relative): the pronoun at ``pos`` is that generic someone, nobody named. Not in a
        comparison ("jemand anders als er")."""
        if pos - 1 in self._comparisons:
            return False
        here = self.sentence_of(pos)
        return any(
            number == here and start < pos and g == gender
            and not (free_relative and pos in self._after_clause)
            and not any(start < q < pos for q in self._questions.get(here, ()))
            # a quotation's generic is not its frame's pronoun ("„… dass jemand hier
            # vorbeikommt", sagt er")
            and not DOUBLE_QUOTES.intersection(self._text[start:pos])
            for start, g, free_relative, number in self.generics)

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def latest(self, pos: int, gender: str) -> Subject | None:
        """The last subject of that gender before ``pos``, in its sentence or in the main
        clause of the one before ("Auch Winfried Hassemer glaubt, dass ein weiteres
        Verbotsverfahren möglich sei. Er …": the clause's subject is no rival)."""
        return self._latest(self.subjects, self._starts, pos, gender)

    def latest_person(self, pos: int, gender: str) -> Subject | None:
        """The last definite person-noun subject of that gender before ``pos``, in the same
        reach as :meth:`latest` ("Der Ehemann hatte eine Rauchgasvergiftung erlitten …
        Anfang Dezember wurde er in Bielefeld gefasst")."""
        return self._latest(self.persons, self._person_starts, pos, gender)

    def _latest(self, subjects: list[Subject], starts: list[int], pos: int,
                gender: str) -> Subject | None:
        here = self.sentence_of(pos)
        for k in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
            subject = subjects[k]
            if subject.sentence < here - 1:
                return None
            if subject.gender == gender and (subject.main or subject.sentence == here):
                return subject
        return None


def _zu_infinitive(tokens: list[Token], verb: int) -> bool:
    """``tokens[verb]`` is an infinitive with *zu*, which has no subject of its own: a noun the
    parser calls its subject is an object ("ist daran gelegen, die Latte niedrig zu hängen",
    with "Latte" hung on "niedrig")."""
    for _ in range(3):  # the parser may hang the noun on an adverbial word before the verb
        if not 0 <= verb < len(tokens):
            return False
        if tokens[verb].tag.startswith("V") or tokens[verb].head == verb:
            break
        verb = tokens[verb].head
    return tokens[verb].tag == "VVIZU" or any(
        t.head == verb and t.tag == "PTKZU" for t in tokens)


def _subordinate(tokens: list[Token], verb: int) -> bool:
    """The clause headed by ``tokens[verb]`` is a subordinate one (a complement, an adverbial
    or relative clause, or one opened by a conjunction)."""
    if not 0 <= verb < len(tokens):
        return False
    return tokens[verb].dep in _CLAUSES or any(
        t.head == verb and t.dep == "mark" for t in tokens)
