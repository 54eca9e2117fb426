"""Argument finding: the actors a trigger's slots take (subject, object, ``von``-agent,
prepositional and genitive attributes, appositions, compound actors), from the dependency
parse first and from word order and morphology where the parse is unreliable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lagebild.events.findings import Context
from lagebild.events.lexicon import Lexicon, Trigger, load_lexicon, quantifiers, sein_perfects
from lagebild.events.sentence import (
    BOUNDARY_TAGS,
    DETERMINER_TAGS,
    GEN_DEPS,
    LOCAL,
    PREP_TAGS,
    SUBJ_DEPS,
    SUBORDINATORS,
    Sent,
)
from lagebild.german import DATIVE_CONTROLLERS, DOUBLE_QUOTES, FEMININE_ENDINGS, third_person_number

NOMINAL_TAGS = frozenset({"NN", "NE", "PPER", "PRELS", "PDS", "PIS", "FM", "TRUNC", "PPOSS"})
NAME_DEPS = frozenset({"flat", "flat:name", "appos", "compound"})
AGENT_PREPS = ("von", "durch")
#: actor ids of persons (``lagebild.actors.ids``: the knowledge base's and the article's own)
PERSON_ID_PREFIXES = ("per:", "new:per:")
#: articles that cannot head a subject
OBLIQUE_ARTICLES = frozenset({"den", "dem", "einen", "einem"})
#: determiners that before a feminine noun are only dative or genitive ("der Ministerin",
#: "einer Sprecherin", "seiner Regierung"): "der" is a nominative only of masculines
FEMININE_OBLIQUE_DETERMINERS = frozenset({"der", "einer"})
#: endings only feminine nouns have: those of abstracts (``german.FEMININE_ENDINGS`` less
#: "ik", which "der Katholik" has) and those of women's role nouns ("Ministerin",
#: "Präsidentin", "Journalistin"; not a bare "-in": "der Termin", "der Delfin")
FEMININE_ONLY_ENDINGS = (*(e for e in FEMININE_ENDINGS if e != "ik"),
                         "erin", "entin", "antin", "atin", "istin", "orin", "ärztin",
                         "anwältin", "chefin")
#: the wider list the masculine-nominative rule abstains on ("Verschärfung", "Region",
#: "Partei", "Ministerin"; a bare "-in" too, where abstaining costs nothing)
FEMININE_SUFFIXES = (*FEMININE_ENDINGS, "ion", "ei", "in")
#: a year, which before "von" counts nothing ("2003 von einer Gruppe … verschleppt")
YEAR = re.compile(r"1[89]\d\d|20\d\d")
#: personal pronouns that can never be a subject
OBLIQUE_PRONOUNS = frozenset({"ihn", "ihm", "ihnen", "mich", "mir", "dich", "dir", "uns", "euch"})
#: personal pronouns that can only be a subject
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir", "du"})
#: determiners that make a noun phrase plural ("Mehrere Frauen soll der Angeklagte bedroht haben")
PLURAL_QUANTIFIERS = quantifiers("plural")
#: articles that mark a noun as a genitive attribute ("der Beginn der Gespräche")
GENITIVE_DETS = frozenset({"des", "der", "eines", "einer"})
#: possessives that point back to a third-person subject ("sein Rücktritt", "ihr Rückzug")
REFLEXIVE_POSSESSIVES = frozenset({"sein", "ihr"})
ACCUSE_VERBS = frozenset({"vorwerfen", "beschuldigen", "bezichtigen", "verdächtigen"})
#: verbs whose object does what their zu-infinitive says ("hatte die EU-Kommission
#: Griechenland dazu gedrängt, den Vorschlag anzunehmen": Greece would accept; "sprach dem
#: Kosovo zu, Abkommen abschließen zu können": Kosovo may conclude them)
OBJECT_CONTROLLERS = frozenset({"drängen", "auffordern", "zwingen", "bitten", "ermutigen",
                                "überreden", "ermahnen", "nötigen", "veranlassen", "anweisen",
                                "raten", "empfehlen", "erlauben", "gestatten", "zusprechen",
                                "ermächtigen", "beauftragen", "verpflichten"})
#: predicative adjectives whose subject does what their zu-infinitive says ("Russland sei
#: bereit, der Armee zu helfen": Russia would help); the parser hangs the infinitive on the
#: adjective, not on a verb
CONTROL_ADJECTIVES = frozenset({"bereit", "entschlossen", "gewillt", "willens"})
#: determiners a direct object may begin with: accusative or nominative-accusative forms, not
#: those of a genitive or dative ("der", "des", "dem", "einem", "einer", "eines")
OBJECT_DETERMINERS = frozenset({
    "den", "einen", "das", "ein", "die", "eine", "diese", "diesen", "dieses", "seine", "seinen",
    "sein", "ihre", "ihren", "ihr", "unsere", "unseren", "mehrere", "einige", "zahlreiche",
    "viele", "etliche", "alle"})
#: of those, the forms only an accusative takes
ACCUSATIVE_DETERMINERS = frozenset({"den", "einen", "diesen", "seinen", "ihren", "unseren"})
#: the words inside a noun phrase before its noun
PHRASE_TAGS = frozenset({"ADJA", "ADJD", "CARD", "ART", "PDAT", "PPOSAT", "PIAT", "PIDAT"})
#: verbs whose participle with "sein" is no passive, by the end of the lemma (a perfect of
#: motion or change of state, the state of a reflexive verb's doer): ``perfect_sein.tsv``
ACTIVE_WITH_SEIN = sein_perfects()
#: endings of a present participle used as an adjective ("werfende", "protestierenden")
PRESENT_PARTICIPLE_ENDINGS = ("ende", "enden", "ender", "endes", "endem")
#: prepositions that, before a number, count rather than relate ("über 100 Schiffe")
COUNTING_PREPS = frozenset({"über", "unter"})
#: the words a role noun's genitive phrase may hold before the role holder's name
GENITIVE_PHRASE_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "APPR", "APPRART", "CARD",
                                  "$("})


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
            elif h > 1 and s.toks[h - 1].text == ",":  # the clause hung elsewhere: the noun
                # before the comma ("Salafistengruppen, die der Hamas … vorwerfen")
                # (past a verb, "Belkaid gewesen sein, der …", and a noun that names no
                # participant: "… von Helfern in Empfang genommen, die …")
                noun = next((j for j in range(h - 2, max(-1, h - 6), -1)
                             if s.toks[j].tag == "NE" or (s.toks[j].tag == "NN" and (
                                 s.actors_at[j] or load_lexicon().is_participant(s.lemma(j)))
                                 and not _bare_singular(s, j))),
                            None)
                if noun is not None:
                    ids.extend(actors_of(s, noun, depth + 1, seen))
        if not ids:
            return []  # (a relative pronoun has no genitive of its own: "die der Hamas …")
    named: list[str] = []
    names = [c for c in s.children[h] if (s.toks[c].dep in NAME_DEPS
             and not _name_of_genitive(s, h, c)) or _close_name(s, h, c)]
    if names:
        misread = _misread_apposition(s, h)
        for c in names:
            if c != misread:
                named += actors_of(s, c, depth + 1, seen)
    linked = [a for a in named if not a.startswith(LOCAL)]
    local = s.local_at[h]
    if not ids and not named and local and h not in s.persons:
        named = _appositive_person(s, h, depth, seen)
    if ids and tok.tag == "NN" and any("per" in a.split(":") for a in linked) \
            and all(len(a) == 3 and a.isupper() for a in ids):
        ids = linked  # "Der Australier Peter Greste": the person, not his country
    elif ids or linked:  # "Außenminister Kerry": the linked name, not the role noun
        ids += linked
    else:
        ids += named or ([local] if local else [])
    for c in s.children[h]:
        if s.toks[c].dep == "conj" and not s.is_verb(c) and s.prep(c) in (None, s.prep(h)):
            # (a conjunct with a preposition of its own has another role: "hunderte
            # Mitarbeiter als Geiseln genommen")
            if h < c and _title(s, c, bare=True) and h in s.persons \
                    and s.toks[c - 1].text == ",":
                continue  # "Andreas Ehlers, Vorsitzender des Dachverbands": his title
            if _title(s, h) and c in s.persons and ids == [local] and h < c and all(
                    s.toks[k].text != "," for k in range(h, c)):
                ids = []  # "Vizekanzler und Parteichef Reinhold Mitterlehner": one man
                # (not "nicht nur Kurzmann, sondern auch … Bettina Vollath")
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


def _name_of_genitive(s: Sent, h: int, c: int) -> bool:
    """Is name ``c``, hung on ``h`` as its apposition, the name of a genitive of ``h`` between
    them, as the actor layer's mention says ("Freunde des Primitive-Skills-Experten Matt
    Graham": the expert is Matt Graham, not the friends)?"""
    own = set(s.actors_at[c])
    return bool(own) and any(
        s.toks[g].head == h and s.toks[g].dep in GEN_DEPS and own <= set(s.actors_at[g])
        for g in range(h + 1, c))


def _close_name(s: Sent, h: int, c: int) -> bool:
    """Is ``c`` a linked name right after the noun ``h`` that it names, parsed as a bare
    attribute ("Die Terrororganisation Islamischer Staat (IS)": the group, not a thing
    called a terror organisation): no preposition, no article, no genitive, nothing between
    them but the name's own words?"""
    t = s.toks[c]
    return (t.dep == "nmod" and c > h and s.toks[h].tag == "NN" and "Case=Gen" not in t.morph
            and s.prep(c) is None
            and not any(s.toks[d].dep == "det" for d in s.children[c])
            and all(s.toks[k].head == c for k in range(h + 1, c))
            and any(not a.startswith(LOCAL) for a in s.actors_at[c]))


def _thing_genitive(s: Sent, j: int, lex: Lexicon) -> bool:
    """Is ``j`` a common noun that names no participant and no linked actor ("des Todes",
    "des Abkommens"): as an event noun's genitive, what the act is about, never its agent?"""
    return s.toks[j].tag == "NN" and not s.actors_at[j] and not lex.is_participant(s.lemma(j))


def _bare_singular(s: Sent, j: int) -> bool:
    """Is noun ``j`` a singular right after its preposition, with no article, as in the
    idioms "in Kraft treten", "in Empfang nehmen" (no antecedent of a relative pronoun)?"""
    return j > 0 and s.toks[j - 1].tag == "APPR" and "Number=Sing" in s.toks[j].morph


def _title(s: Sent, j: int, bare: bool = False) -> bool:
    """Is ``j`` a noun naming a person's office or role, linked to no one ("Vizekanzler"):
    a singular with no indefinite article, or with ``bare`` one with no article at all
    (whose number the morphologizer misreads: "Vorsitzender" as a plural)?"""
    t = s.toks[j]
    if t.tag != "NN" or s.actors_at[j] or not load_lexicon().names_people(s.lemma(j), t.text):
        return False
    if bare:  # (with a complement of its own and in no list: "Bundespräsident, Parteichefs
        # und oberste Kirchenvertreter" are three)
        kids = [s.toks[c].dep for c in s.children[j]]
        return "det" not in kids and "nmod" in kids and "conj" not in kids and "cc" not in kids
    return "Number=Sing" in t.morph and not any(
        s.toks[c].dep == "det" and s.toks[c].text.lower() in ("ein", "eine", "einen", "einem")
        for c in s.children[j])


def _person_first(s: Sent, heads: list[int], objs: list[str]) -> bool:
    """Does the first of the object phrases ``heads`` that names anyone name one of ``objs``
    that is no thing?"""
    first = next((found for j in sorted(heads) if (found := actors_of(s, j))), [])
    return bool(first) and first[0] in objs and first[0] not in s.things


def _misread_apposition(s: Sent, h: int) -> int | None:
    """The state or organisation right after subject ``h`` that the parser made its
    apposition though the two are different actors ("hatte die EU-Kommission Griechenland
    dazu gedrängt"): it is an object of the verb, not a second name of the subject. (A
    person's name after a role noun is the role's holder, which the actor layer links; not
    after one with an indefinite article.)"""
    c = h + 1
    if not (c < len(s) and s.toks[h].dep in SUBJ_DEPS and s.toks[c].head == h
            and s.toks[c].dep == "appos" and s.toks[c].tag == "NE"):
        return None
    own, other = set(s.actors_at[h]), set(s.actors_at[c])
    if other and s.toks[h].tag == "NN" and not s.actors_at[h] and any(
            s.toks[d].dep == "det" and s.lemma(d) == "ein" for d in s.children[h]):
        return c  # "Wieso unterstützt ein deutscher Rechtsanwalt Erdogan": a noun with an
        # indefinite article introduces no one by the name after it
    if not own or not other or not own.isdisjoint(other) or c in s.persons or any(
            a.startswith(PERSON_ID_PREFIXES) for a in own | other):
        return None
    return c


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
    name = _name_after_genitive(s, h)
    return actors_of(s, name, depth + 1, seen) if name is not None else []


def _name_after_genitive(s: Sent, h: int) -> int | None:
    """The person named right after a role noun's genitive phrase, whatever the parse ("Die
    Vorsitzende der Linken Gesine Lötzsch", "der Chef der US-Weltraumbehörde NASA, Michael
    Griffin", "die Sprecherin der Unionsfraktion im Bundestag, Annette Widmann-Mauz"): the
    first person's name after only noun-phrase words, when the phrase names no person nor
    people (else the name is theirs: "des Politikers Hans Müller")."""
    if h + 1 >= len(s) or s.toks[h + 1].text.lower() not in GENITIVE_DETS:
        return None
    for j in range(h + 1, min(len(s), h + 14)):
        t = s.toks[j]
        if j in s.persons and t.tag == "NE":
            before = j - 1
            return j if s.toks[before].text == "," or (
                # without a comma only after an organisation's name ("der Linken Gesine
                # Lötzsch"); after a title the name is the title's ("des Präsidenten Macron")
                s.toks[before].tag in ("NN", "NE") and s.actors_at[before]
                and before not in s.persons) else None
        if t.tag not in GENITIVE_PHRASE_TAGS and not (t.text == "," and j + 1 < len(s)
                                                       and j + 1 in s.persons):
            return None
        if t.tag in ("NN", "NE") and (j in s.persons or s.local_at[j] in s.weak_ids):
            return None  # a person or people in between: the name may be theirs
    return None


@dataclass
class Args:
    """The argument heads of one predicate, by slot."""

    subj: list[int] = field(default_factory=list)
    obj: list[int] = field(default_factory=list)
    pps: dict[str, list[int]] = field(default_factory=dict)
    passive: bool = False


def verb_args(s: Sent, v: int, exclude: int | None = None) -> Args:
    """The arguments of verb ``v`` (:func:`_verb_args`), memoised per sentence: the rules ask
    for the same verb's arguments about twice on average. Each caller gets a copy of its own, since
    :func:`filters._object_as_subject` changes the one it is given."""
    memo: dict[tuple[str, int, int | None], Args] = s.memo
    key = ("args", v, exclude)
    args = memo.get(key)
    if args is None:
        args = memo[key] = _verb_args(s, v, exclude)
    return Args(list(args.subj), list(args.obj), {p: list(js) for p, js in args.pps.items()},
                args.passive)


def _verb_args(s: Sent, v: int, exclude: int | None) -> Args:
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
    # a subject the parser hung on the adjective of the next noun phrase ("Dass Innenminister
    # Sobotka ausländische Staatsbürger … in Schubhaft nehmen will", "Innenminister" under
    # "ausländische"): the verb's, where number agreement decides between them
    stray = [c for d in deps for a in s.children[d] if a < d and s.toks[a].tag == "ADJA"
             and s.toks[a].dep == "amod" for c in s.children[a]
             if c < a and s.toks[c].dep == "nsubj" and s.toks[c].tag in ("NN", "NE")]
    lifted += stray
    as_subject |= set(stray)
    for j in sorted(deps + lifted):
        t = s.toks[j]
        # (a rare first name the tagger calls XY, "Sadiq Khan", heads its name all the same)
        if (t.tag not in NOMINAL_TAGS and not (t.tag == "XY" and s.actors_at[j])) or (
                j == exclude) or _in_next_conjunct(s, v, j):
            continue
        if j > v and s.toks[v].tag in ("VVINF", "VVPP") and s.prep(j) is None and any(
                s.toks[k].text in (",", ";", ":", "–", "-") for k in range(v + 1, j)):
            # a non-finite verb ends its clause: a bare phrase after the comma or dash is
            # another clause's ("Sollten die Stronach-Leute gegen die Regierung stimmen, ist
            # Konrad der einzige Garant", "Mörder verurteilt – Anwalt will berufen")
            continue
        if t.tag == "NN" and s.lemma(j).lower() in ADVERBIAL_NOUNS:
            # a count of times; a phrase the parser hung on it is the verb's object ("und
            # Holmes 165 Mal angeklagt", "Holmes" under "165")
            args.obj += [c for k in [j, *s.children[j]] for c in s.children[k]
                         if c < j and s.toks[c].tag in ("NN", "NE") and s.prep(c) is None]
            continue
        prep = s.prep(j)
        if prep:
            args.pps.setdefault(prep, []).append(j)
        elif t.dep in SUBJ_DEPS or j in as_subject:
            subj_cands.append(j)
        elif t.dep in ("obj", "iobj", "obl:arg", "obl", "nmod", "dep", "expl"):
            args.obj.append(j)
    # a phrase the parser hung on a relative pronoun is the verb's ("die der herrschenden
    # Hamas-Bewegung zu große Nachgiebigkeit vorwerfen")
    args.obj += [c for j in subj_cands if s.toks[j].tag == "PRELS" for c in s.children[j]
                 if s.toks[c].tag in ("NN", "NE") and s.prep(c) is None]
    # an interview's speaker label ("Welt: Anfang des Jahres forderten Sie, …") is no subject
    # of the clause after its colon
    subj_cands = [j for j in subj_cands if not _speaker_label(s, j, v)]
    if subj_cands and all(s.toks[j].dep == "nsubj:pass" for j in subj_cands) \
            and s.toks[v].tag == "VVPP" and _active_perfect(s, comp):
        # a passive subject in an active perfect ("haben Kämpfer … hunderte Mitarbeiter als
        # Geiseln genommen"): the object; the bare phrase before it is the subject
        before = [j for j in args.obj + [c for c in deps if s.toks[c].tag == "PRELS"]
                  if j < subj_cands[0] and s.toks[j].tag in ("NN", "NE", "PRELS", "PPER")
                  and s.segment[j] == s.segment[subj_cands[0]] and actors_of(s, j)]
        if before:  # (else the parser's passive subject is the subject: "den Teil des
            # Urteils haben die Obersten Richter aufgehoben")
            args.obj = sorted([j for j in args.obj if j != before[0]] + subj_cands)
            subj_cands = before[:1]
        elif s.toks[v].dep == "conj" and not any(actors_of(s, j) for j in subj_cands):
            # a thing as the "subject" of a coordinated perfect is its object, the subject
            # is shared ("sollen Mundlos und Böhnhardt zehn Menschen … ermordet und zwei
            # Sprengstoffanschläge … verübt haben")
            args.obj = sorted(args.obj + subj_cands)
            subj_cands = []
    for j in list(subj_cands):
        misread = _misread_apposition(s, j)
        if misread is not None:
            args.obj.append(misread)
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
    # ("man" too, after those and in the verb's own clause: "die man unter Hausarrest
    # stellen kann", not a "man" in the quotation before "…, klagt er")
    pron = [o for o in args.obj + subj_cands if s.toks[o].tag == "PPER"
            and s.toks[o].text.lower() in NOMINATIVE_PRONOUNS] + [
        o for o in args.obj + subj_cands if s.toks[o].tag == "PIS"
        and s.toks[o].text.lower() == "man" and s.segment[o] == s.segment[v]]
    if pron and pron[0] in subj_cands and len(subj_cands) > 1:
        args.obj = sorted(args.obj + [j for j in subj_cands if j != pron[0]])
        subj_cands = pron[:1]
    elif pron and subj_cands and all(s.toks[j].tag != "PPER" for j in subj_cands):
        args.obj = [o for o in args.obj if o != pron[0]] + subj_cands
        subj_cands = pron[:1]
    fronted = [j for j in subj_cands if j < v]
    if len(fronted) == 1 and s.toks[v].tag == "VVFIN" and v + 1 < len(s) \
            and v + 1 in args.obj + subj_cands and s.toks[v + 1].tag == "PPER" \
            and s.toks[v + 1].text in ("sie", "es") and _thing(s, fronted[0]):
        # "Auch das Flüchtlingsabkommen der EU … verteidigt sie": a fronted thing parsed as
        # the subject; the pronoun right after the verb is it
        args.obj = [o for o in args.obj if o != v + 1] + fronted
        subj_cands = [v + 1]
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
    # (in the verb's own clause segment: not "Dass der Krone-Artikel …, weist Ostermayer
    # zurück", nor "klagte das Blatt – DER STANDARD berichtete")
    nominative = [j for j in subj_cands if s.segment[j] == s.segment[v]
                  and _masculine_nominative(s, j)]
    if len(subj_cands) > 1 and len(nominative) == 1 and _finite_number(s, v) == "Sing":
        # "Seine Heimat Argentinien besucht der Papst", "Die katholische Kirche Kubas lobte
        # der Papst": a fronted object parsed as a second subject; "der Papst" can only be a
        # nominative, the feminine phrase either
        args.obj = sorted(args.obj + [j for j in subj_cands if j != nominative[0]])
        subj_cands = nominative
    if subj_cands:  # the parser gives several "subjects": the first with an actor wins,
        # one that is more than a noun that is merely no non-agent before one that is not
        # ("Die Absicht …, unterstütze die SPD")
        with_actor = [j for j in subj_cands if actors_of(s, j)] or subj_cands
        first = with_actor[0]
        if all(a in s.weak_ids for a in actors_of(s, first)):
            first = next((j for j in with_actor if _strong(s, actors_of(s, j))), first)
        args.subj = [first] + [j for j in subj_cands if j > first
                               and _coordinated_after(s, first, j)]
        # a title and its name the parser made two subjects ("Volksanwältin Gertrude Brinek
        # (ÖVP) kritisierte …"): the name, with its party, is no object
        own_ids = set(actors_of(s, first))
        args.obj = sorted(args.obj + [j for j in subj_cands if j not in args.subj
                                      and not own_ids & set(s.actors_at[j])])
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
    elif args.subj and _object_of_shared_perfect(s, v, comp, args.subj[0]):
        args.obj = sorted(args.obj + args.subj)
        args.subj = []
    shared = (not args.subj and s.toks[v].dep == "conj" and 0 <= h < v
              and s.toks[h].tag.startswith("VV") and not s.is_zu_infinitive(v)
              and not _auxiliaries_disagree(s, v, h))
    if shared and verb_args(s, h).subj:
        pass  # "Demonstranten legten Feuer und warfen Steine": the coordinated verb shares
        # its first conjunct's subject (see _subject_actors), its object is no subject
    elif (not args.subj or bare) and s.toks[v].tag in ("VVFIN", "VVPP", "VVINF"):
        # no subject in the parse ("beschwerten sich einige Abgeordnete" with the subject as
        # "obj"): the first nominative object that names an actor
        nom = [j for j in args.obj if "Case=Nom" in s.toks[j].morph
               and s.toks[j].tag != "PRF" and actors_of(s, j)]
        reflexive = [j for j in s.dependents(comp) if s.toks[j].tag == "PRF"]
        if not nom and reflexive and s.toks[v].tag == "VVFIN":
            # "beklagten sich zahlreiche Politiker" with the tagger's accusative: the
            # reflexive is the verb's object, so the bare phrase right after it is the subject
            nom = [j for j in args.obj if j > reflexive[0] and s.toks[j].tag in ("NN", "NE")
                   and s.segment[j] == s.segment[v] and not _oblique(s, j)
                   and actors_of(s, j) and all(s.toks[k].tag in ("ADJA", "ART", "PIAT", "CARD")
                                               for k in range(reflexive[0] + 1, j))][:1]
        if not nom and s.toks[v].tag == "VVFIN":
            nom = _first_of_two(s, v, args.obj)
        if not nom:
            nom = _after_initial_verb(s, comp, args.obj)
        if not nom and s.toks[v].tag == "VVFIN":
            nom = _beside_clause_object(s, v, args.obj)
        if nom:
            args.obj = sorted([j for j in args.obj if j != nom[0]] + args.subj)
            args.subj = nom[:1]
    if s.is_zu_infinitive(v):  # a zu-infinitive has no overt subject: the parser's
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
        # "sind fünf Norweger angeklagt": a passive of state, as the parser read it
        or _state_passive_parsed(s, v, auxes)
        # a headline of participles without any finite verb: "Beamter schwer verletzt –
        # Angreifer festgenommen" (not "Papst zurückgetreten": its perfect takes "sein")
        or (not auxes and s.toks[v].dep in ("ROOT", "conj") and args.subj
            and not s.lemma(v).lower().endswith(ACTIVE_WITH_SEIN)
            # (not with an object of its own: "Indiens Premier Modi das Abkommen … begrüßt")
            and not any(s.prep(j) is None and s.segment[j] == s.segment[v] for j in args.obj)
            # a headline's bare noun, and a form no present shares: not "Die Kriminalpolizei
            # ermittelt", a finite verb the tagger read as a participle
            and not any(s.toks[c].tag in ("ART", "PPOSAT", "PDAT")
                        for j in args.subj for c in s.children[j])
            and ("ge" in s.toks[v].text.lower() or s.toks[v].text.lower().endswith("en"))
            # (a headline's other part after a dash may have one: "Früherer Kapitän … zu 16
            # Jahren verurteilt – Staatsanwaltschaft will jetzt 27 Jahre Haft")
            and not any((t.tag.endswith("FIN") or t.tag.endswith("INF"))
                        and not _dash_between(s, k, v) for k, t in enumerate(s.toks)))
        # a headline participle without auxiliary: "Deutschland von EU-Kommission verklagt"
        or (not auxes and s.toks[v].dep == "ROOT" and any(p in args.pps for p in AGENT_PREPS)
            # not when a finite verb makes it a clause ("ist … von allen Ämtern
            # zurückgetreten"), unless that verb is a passive "werden" hung elsewhere
            and all(t.tag not in ("VAFIN", "VMFIN", "VVFIN") or t.dep == "aux:pass"
                    for t in s.toks)))
    if args.passive:
        args.obj = args.subj + args.obj
        args.subj = [j for p in AGENT_PREPS for j in args.pps.get(p, [])]
        partitive = [j for j in args.subj if _partitive(s, j)]
        if partitive:  # "Zwei von ihnen wurde … vorgeworfen": those it befalls
            args.subj = [j for j in args.subj if j not in partitive]
            args.obj = sorted(args.obj + partitive)
        # an agent the parser labels without its preposition ("vom" tagged as punctuation)
        # belongs to the verb's clause, not to a phrase set off by a comma ("…, der
        # Geburtsstadt des ehemaligen libyschen Herrschers")
        # (with another preposition no agent: "bei mit Messern … verübten Angriffen")
        args.subj += [j for j in s.dependents(comp) if s.toks[j].dep == "obl:agent"
                      and j not in args.subj and (s.prep(j) in AGENT_PREPS or (
                          s.prep(j) is None and s.segment[j] == s.segment[v]))]
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
        if not args.subj:
            args.subj = _stray_agent(s, v)
            args.obj = [j for j in args.obj if j not in args.subj]
    elif not args.subj and _causative(s, v):
        # "Saddam Hussein ließ 148 Schiiten hinrichten": who has it done is its source
        args.subj = [c for c in s.children[h] if s.toks[c].dep in SUBJ_DEPS]
    return args


def _speaker_label(s: Sent, j: int, v: int) -> bool:
    """Is ``j`` in a label of at most three words that opens the sentence with a colon
    before verb ``v`` ("Welt: …", "Frage: …")?"""
    colon = next((k for k in range(1, min(4, len(s))) if s.toks[k].text == ":"), None)
    # (not a label whose phrase goes on after the colon: "Kickl: FPÖ attackiert ÖVP")
    return colon is not None and j < colon < v and all(c < colon for c in s.children[j]) \
        and not any(s.is_verb(k) for k in range(colon))


def _in_next_conjunct(s: Sent, v: int, j: int) -> bool:
    """Does phrase ``j``, parsed as verb-final ``v``'s, stand in the clause coordinated after
    it: behind the "und" that follows ``v`` and before that conjunct's own verb ("hat …
    Geiseln enthauptet und dazu Videos verbreitet")?"""
    if not v + 1 < j or s.toks[v + 1].tag != "KON":
        return False
    return any(s.toks[c].dep == "conj" and s.toks[c].tag.startswith("VV") and j < c
               for c in s.children[v]) and all(
        s.toks[k].tag[:2] not in ("VV", "VA", "VM") for k in range(v + 1, j))


#: nouns that count times and so are adverbials, never arguments, whatever the parse says
#: ("Dieses Mal klagt nicht die EVN", "Holmes 165 Mal angeklagt", "ein ums andere Mal")
ADVERBIAL_NOUNS = frozenset({"mal"})


#: quantifiers that take a partitive "von" ("viele von ihnen", "einer von ihnen")
#: (pronouns only: the article of "eine von der Regierung eingesetzte Kommission" is none)
PARTITIVE_QUANTIFIERS = frozenset({"einer", "eine", "eines", "viele", "einige", "mehrere",
                                   "etliche", "keiner", "keine", "jeder", "manche", "wenige",
                                   "alle", "meisten", "teil"})


def _partitive(s: Sent, j: int) -> bool:
    """Is the "von" phrase of noun ``j`` a part's whole, not a passive's agent: after a number
    or quantifier ("Zwei von ihnen wurde … vorgeworfen"), or itself counted before a bare
    number of its clause ("Von insgesamt neun festgenommenen Personen wurden … fünf … auf
    freien Fuß gesetzt")?"""
    p = next((c for c in s.children[j] if c < j and s.lemma(c) == "von"), None)
    if p is None or s.toks[p].text.lower() != "von":
        return False
    before = p - 1
    if before >= 0 and ((s.toks[before].tag == "CARD" and not YEAR.fullmatch(
            s.toks[before].text)) or (  # not "2003 von einer Gruppe … verschleppt"
            s.toks[before].tag in ("PIS", "NN", "PIAT")
            and s.toks[before].text.lower() in PARTITIVE_QUANTIFIERS)):
        return True
    phrase = range(p, j + 1)
    counted = any(s.toks[k].tag == "CARD" for k in phrase)
    return counted and any(
        s.toks[k].tag == "CARD" and k not in phrase and s.segment[k] == s.segment[j]
        and not (k + 1 < len(s) and s.toks[k + 1].tag in ("NN", "ADJA", "CARD", "NE"))
        for k in range(len(s)))


def _coordinated_after(s: Sent, a: int, b: int) -> bool:
    """Is noun phrase ``b`` a conjunct of ``a`` the parser made a second subject ("Die
    Opposition und viele Beobachter werfen … vor"): between them only ``a``'s own words and
    "und"/"sowie", then ``b``'s determiners and adjectives, all before the verb's segment
    ends?"""
    k = b - 1
    while k > a and s.toks[k].tag in ("ART", "PIAT", "ADJA", "CARD", "PPOSAT"):
        k -= 1
    return k > a and s.toks[k].tag == "KON" and s.lemma(k) in ("und", "sowie") and all(
        s.segment[i] == s.segment[a] and s.toks[i].tag not in ("VVFIN", "VAFIN", "VMFIN")
        for i in range(a, b))


def _object_of_shared_perfect(s: Sent, v: int, comp: set[int], j: int) -> bool:
    """Is the "subject" ``j`` of a coordinated participle the object, the subject being the
    first conjunct's? "Ein 18-Jähriger hat … auf Teilnehmer geschossen und zwei Schüler
    verletzt": a participle without an auxiliary of its own shares the first one's "haben"
    and with it its subject; the noun phrase before it, in the accusative by its form, is
    what it acted on."""
    h = s.toks[v].head
    if not (s.toks[v].tag == "VVPP" and s.toks[v].dep == "conj" and comp == {v}
            and 0 <= h < v and s.toks[h].tag == "VVPP" and j < v
            and s.toks[j].tag == "NN" and "Case=Acc" in s.toks[j].morph):
        return False
    if any("Case=Nom" in s.toks[d].morph and "Case=Acc" not in s.toks[d].morph
           for d in s.children[j] if s.toks[d].dep == "det"):
        return False  # "… und der Vater abgewaschen": a subject of its own
    return any(s.toks[c].dep == "aux" and s.lemma(c) == "haben" for c in s.children[h]) \
        and bool(verb_args(s, h).subj)


def _causative(s: Sent, v: int) -> bool:
    """Is ``v`` the infinitive of a causative "lassen" ("ließ … hinrichten")? Not "ließ sich
    festnehmen", whose subject suffered the act."""
    h = s.toks[v].head
    return (s.toks[v].tag == "VVINF" and s.toks[v].dep == "xcomp" and 0 <= h < len(s)
            and s.lemma(h) == "lassen"
            and not s.has_reflexive(h))


def _headline_passive(s: Sent, v: int, args: Args, entry: Trigger) -> bool:
    """Is ``v`` the bare participle of a headline ("Angreifer festgenommen") of a verb whose
    frame takes an object: no finite verb and no auxiliary in the sentence (but in another
    part of a headline, after a dash), no agent phrase
    (that case is a passive already: see verb_args)?"""
    return (s.toks[v].tag == "VVPP" and s.toks[v].dep == "ROOT" and not args.passive
            and any(slot.startswith("obj") for slot in entry.frame.target)
            # (not with an object of its own, actor or not: "Bürgermeister kritisiert
            # "einseitige" Reportage – ORF weist Vorwürfe zurück")
            and not any(s.prep(j) is None and not _dash_between(s, j, v) for j in args.obj)
            and not any(t.tag in ("VAFIN", "VMFIN", "VVFIN", "VAINF", "VMINF", "VAPP")
                        and not _dash_between(s, k, v) for k, t in enumerate(s.toks)))


def _thing(s: Sent, j: int) -> bool:
    """Does noun ``j`` itself name a thing (no actor, no person: "das Flüchtlingsabkommen der
    EU", whatever its genitive names)?"""
    return s.toks[j].tag == "NN" and not s.actors_at[j] and j not in s.persons \
        and not load_lexicon().is_participant(s.lemma(j))


def _dash_between(s: Sent, a: int, b: int) -> bool:
    """Does a dash separate tokens ``a`` and ``b`` (the parts of a headline)?"""
    return any(s.toks[k].text in ("–", "-") for k in range(min(a, b) + 1, max(a, b)))


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
        tag = s.toks[j].tag
        if tag not in ("NN", "NE") and (tag != "ADJD" or not _perfect_read_as_copula(s, j)):
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


def _perfect_read_as_copula(s: Sent, j: int) -> bool:
    """An adverbial adjective of the verb that the parser gave the verb's perfect auxiliary
    "sein" as its copula ("Der Mann war zunächst mutwillig … in eine Menschengruppe
    gefahren": "Mann" the subject of "mutwillig"): its subject is the verb's."""
    return s.toks[j].tag == "ADJD" and s.toks[j].dep == "advmod" and any(
        s.toks[c].dep == "cop" and s.toks[c].lemma == "sein" for c in s.children[j])


def _finite_number(s: Sent, v: int) -> str | None:
    """Number of the finite verb of ``v``'s clause (``v`` or one of its auxiliaries) by its
    form (``third_person_number``), not the tagger's guess."""
    for k in [v, *s.children[v]]:
        t = s.toks[k]
        if t.tag.endswith("FIN") and (k == v or t.dep.startswith("aux")):
            return third_person_number(t.text)
    return None


def _auxiliaries_disagree(s: Sent, v: int, h: int) -> bool:
    """Do coordinated verbs ``v`` and ``h`` have finite modals or auxiliaries of different
    number ("Die Österreicher können feiern, Innenminister Alfano sollte zurücktreten")? Then
    they have different subjects. (Auxiliaries only: the tagger calls many infinitives
    finite.)"""
    def number(k: int) -> str | None:
        aux = [c for c in [k, *s.children[k]] if s.toks[c].tag in ("VAFIN", "VMFIN")
               and (c == k or s.toks[c].dep.startswith("aux"))]
        return third_person_number(s.toks[aux[0]].text) if aux else None

    own, other = number(v), number(h)
    return own is not None and other is not None and own != other


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
        # (an article right before its noun may be attached as a bare "dep")
        if (s.toks[c].dep in ("det", "det:poss") or (s.toks[c].dep == "dep" and c < j)) \
                and s.toks[c].tag in ("ART", "PPOSAT"):
            # by the form, not the tagger's case ("die" and "das" may be either)
            form = s.toks[c].text.lower()
            if (form in FEMININE_OBLIQUE_DETERMINERS or (
                    s.toks[c].tag == "PPOSAT" and form.endswith("er"))) \
                    and s.toks[j].tag == "NN" \
                    and s.toks[j].text.lower().endswith(FEMININE_ONLY_ENDINGS):
                return True  # "Der Unterrichtsministerin … wirft Lugar … vor"
            return form in OBLIQUE_ARTICLES or (
                s.toks[c].tag == "PPOSAT" and form.endswith(("en", "em")))
    if s.toks[j].tag == "PPER" and s.toks[j].text.lower() in OBLIQUE_PRONOUNS:
        return True  # "sprachen ihn die Geschworenen frei"
    prev = j - 1
    return (s.toks[j].tag == "NE" and prev >= 0 and s.toks[prev].tag in ("NN", "NE")
            and s.prep(prev) is not None)


def _stray_agent(s: Sent, v: int) -> list[int]:
    """The agent of passive ``v`` that the parser hung on some noun of its clause
    ("wurden diese … Städte von der EU-Kommission … verwarnt", "wurde durch die
    Sicherheitsratsmitglieder China und Indonesien abgelehnt"): a ``durch`` phrase, or a
    ``von`` phrase with an article (``von der``, ``vom``), that names a linked actor. A bare
    ``von`` stands for a genitive ("die Freilassung von Gefangenen"), and one under a person
    or a name is its owner ("der Sohn von Gaddafi")."""
    for j in range(len(s)):
        if s.toks[j].tag not in ("NN", "NE") or s.segment[j] != s.segment[v] \
                or s.toks[j].head == v:
            continue
        prep = s.prep(j)
        if prep not in AGENT_PREPS:
            continue
        host = s.toks[j].head
        if not 0 <= host < len(s):
            continue
        agent = j
        if host == j + 1 and s.toks[host].tag == "NE":
            agent = host  # a title read as the name's modifier: "durch die
            # Sicherheitsratsmitglieder China und Indonesien"
        elif host in s.persons or s.toks[host].tag == "NE":
            continue
        article = any(s.toks[c].text.lower() == "vom" or s.toks[c].tag == "ART"
                      for c in s.children[agent] if c < agent)
        if (prep == "durch" or article) and _strong(s, actors_of(s, agent, 1)):
            return [agent]
    return []


def _state_passive_parsed(s: Sent, v: int, auxes: list[int]) -> bool:
    """Is participle ``v`` with ``sein`` a passive of state that the parser itself read as a
    passive ("Wegen Raubes sind fünf Norweger angeklagt": ``sind`` aux:pass, the noun
    nsubj:pass)? Its subject is the patient. Not for verbs whose perfect takes ``sein``
    (motion and change of state: "ist zurückgetreten", "sind eingereist", "ist der NATO
    beigetreten"), where the same words are a perfect with an acting subject."""
    if s.toks[v].tag != "VVPP" or any(s.lemma(c) in ("werden", "haben") for c in auxes):
        return False
    # the participle's own "sein", not one of a clause coordinated with it ("hat … ausgeschlossen,
    # dennoch war sie …")
    sein = [c for c in s.children[v] if s.lemma(c) == "sein"
            and s.toks[c].dep in ("aux", "aux:pass", "cop")]
    # or hung as a copula on the passive subject ("ist Holmes des Mordes … angeklagt")
    sein += [c for k in s.children[v] if s.toks[k].dep == "nsubj:pass" for c in s.children[k]
             if s.lemma(c) == "sein" and s.toks[c].dep == "cop" and s.toks[c].tag == "VAFIN"]
    # a copula alone is no such reading: "dass sie … bekannt sei" is an adjective's; a
    # finite "sein" as the participle's auxiliary is ("ist Ivan Markow, wegen eines
    # Raubmordes zu lebenslänglicher Haft verurteilt"): a verb whose perfect takes "haben"
    if not sein or not (any(s.toks[c].dep == "aux:pass" for c in sein)
                        or any(s.toks[c].dep == "aux" and s.toks[c].tag == "VAFIN"
                               for c in sein)
                        or any(s.toks[c].dep == "nsubj:pass" for c in s.children[v])):
        return False
    return not s.lemma(v).endswith(ACTIVE_WITH_SEIN)


def _state_passive(s: Sent, v: int, args: Args) -> bool:
    """Is participle ``v`` a state with ``sein`` ("ist bewaffnet", "sei bewaffnet"), not a
    passive with ``werden`` or a perfect, and without an agent? (For transitive verbs only:
    their perfect takes ``haben``, so ``sein`` makes a state and its subject the patient.)
    A participle that looks like the infinitive may be tagged as one ("ist klug beraten")."""
    tag = s.toks[v].tag
    # (a passive the parser read with "sein" is such a state: see _state_passive_parsed)
    if tag not in ("VVPP", "VVINF") or any(p in args.pps for p in AGENT_PREPS):
        return False
    if tag == "VVINF" and any(s.toks[c].tag == "PTKZU" for c in s.children[v]):
        return False  # "ist zu beraten": a necessity, not a state
    lemmas = {s.lemma(c) for c in s.complex(v) | set(s.children[v])
              if s.toks[c].tag.startswith("VA")}
    return "sein" in lemmas and "werden" not in lemmas


#: determiners that before a masculine singular noun make it a nominative ("der Papst", "ein
#: Mann", "sein Vertreter"): "den", "einen", "seinen" are the accusative's
MASCULINE_NOMINATIVE_DETERMINERS = frozenset({"der", "dieser", "jener", "ein", "kein", "sein",
                                              "ihr", "mein", "unser"})




def _masculine_nominative(s: Sent, j: int) -> bool:
    """Is noun ``j`` a masculine singular with a determiner only a nominative has ("der
    Papst"), by the morphologizer's gender and number, the noun's ending and the determiner's
    form? (The caller asks for a singular finite verb too.)"""
    morph = s.toks[j].morph  # (the morphologizer's gender errs: "der Verschärfung" masculine)
    return s.toks[j].tag in ("NN", "NE") and "Gender=Masc" in morph and "Number=Sing" in morph \
        and not s.toks[j].text.lower().endswith(FEMININE_SUFFIXES) \
        and any(c < j and s.toks[c].dep in ("det", "det:poss")
                and s.toks[c].text.lower() in MASCULINE_NOMINATIVE_DETERMINERS
                for c in s.children[j])


def _beside_clause_object(s: Sent, v: int, objs: list[int]) -> list[int]:
    """The one bare phrase beside a "dass" clause ("Seit Jahren beklagen Gewerkschaften,
    dass sie zu wenig Personal haben"): the clause is the object, the phrase the subject
    (not a dative: "sagte der Zeitung, dass …")."""
    if not any(s.toks[c].dep in ("ccomp", "advcl") and any(s.lemma(m) in ("dass", "ob")
                                                  for m in s.children[c]) for c in s.children[v]):
        return []
    bare = [j for j in objs if s.prep(j) is None and s.segment[j] == s.segment[v]]
    if len(bare) != 1 or s.toks[bare[0]].tag not in ("NN", "NE") \
            or "Case=Dat" in s.toks[bare[0]].morph or not actors_of(s, bare[0]) \
            or any(s.toks[c].text.lower() in ("dem", "einem", "einer", "der", "den", "kein",
                                               "keine", "keinen")
                   for c in s.children[bare[0]]):
        return []
    return bare


def _active_perfect(s: Sent, comp: set[int]) -> bool:
    """Is the verb complex a perfect with "haben" and no "werden" (no passive)?"""
    lemmas = {s.lemma(c) for c in comp if s.toks[c].tag.startswith("VA")}
    return "haben" in lemmas and "werden" not in lemmas


def _after_initial_verb(s: Sent, comp: set[int], objs: list[int]) -> list[int]:
    """The phrase right after a finite auxiliary that opens its clause ("Sollten die zwei
    verbliebenen Stronach-Leute gegen die Regierung stimmen"): in a verb-first clause the
    subject comes first."""
    fin = next((c for c in sorted(comp) if s.toks[c].tag in ("VAFIN", "VMFIN")), None)
    if fin is None or not (fin == 0 or s.toks[fin - 1].text in (",", ":")) \
            or s.is_present_form(fin):  # (a condition's past form, not "soll Nutzern …")
        return []
    first = next((j for j in objs if j > fin), None)
    if first is None or s.toks[first].tag not in ("NN", "NE") \
            or s.segment[first] != s.segment[fin] \
            or not all(s.toks[k].tag in ("ART", "ADJA", "CARD", "PIAT", "PPOSAT")
                       for k in range(fin + 1, first)) or not actors_of(s, first):
        return []
    return [first]


def _masculine_accusative(s: Sent, j: int) -> bool:
    """Does an article mark noun ``j`` as a masculine singular accusative ("den Iran")? The
    only article form no nominative shares."""
    return any(s.toks[c].dep == "det" and all(
        f in s.toks[c].morph for f in ("Case=Acc", "Gender=Masc", "Number=Sing"))
        for c in s.children[j])


def _first_of_two(s: Sent, v: int, objs: list[int]) -> list[int]:
    """Of two bare noun phrases the parser made objects of finite verb ``v`` and no subject,
    the first when the second's article makes it the accusative ("verdächtigen auch andere
    Länder der Region den Iran"): German puts the subject first in the middle field."""
    bare = [j for j in objs if s.prep(j) is None and s.toks[j].tag in ("NN", "NE")
            and s.segment[j] == s.segment[v] and actors_of(s, j)]
    if len(bare) < 2 or not _masculine_accusative(s, bare[1]) \
            or _masculine_accusative(s, bare[0]) or _oblique(s, bare[0]) \
            or "Case=Dat" in s.toks[bare[0]].morph:
        return []
    return bare[:1]


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


def _subject_actors(s: Sent, v: int, depth: int = 0, skip: Sequence[int] = ()) -> list[str]:
    """Actors of verb ``v``'s subject; a zu-infinitive or a coordinated verb without one takes
    its controller's (``wird er beschuldigt, … anzugreifen``: er). A subject among ``skip``
    (the words of the idiom ``v`` anchors: "… abgegeben und dann das Feuer eröffnet", with
    "Feuer" parsed as the subject) counts as none."""
    args = verb_args(s, v)
    ids = [a for j in args.subj if j not in skip for a in actors_of(s, j)]
    if ids or depth > 2:
        return ids
    h = s.toks[v].head
    if h == v or not 0 <= h < len(s):
        return []
    if not s.is_verb(h):
        if s.is_zu_infinitive(v) and s.lemma(h).lower() in CONTROL_ADJECTIVES:
            return [a for c in s.children[h] if s.toks[c].dep == "nsubj"
                    for a in actors_of(s, c)]
        return []
    if s.toks[v].dep == "conj" and not s.is_zu_infinitive(v):
        if args.passive and not verb_args(s, h).passive:
            # "Dass Sobotka … nehmen will, …, wird teils vehement kritisiert": a person or a
            # noun subject of the active verb is no agent of the passive coordinated with it;
            # an authority's is ("die Regierung verfolgt sie …, Vermögen wird konfisziert")
            shared = _subject_actors(s, h, depth + 1)
            if any("per" in a.split(":") for a in shared):
                return []  # a person, and with them the party apposed to them
            return [a for a in shared if _strong(s, [a])]
        if _disagrees(s, v, verb_args(s, h).subj) or _auxiliaries_disagree(s, v, h):
            return []  # "Wir treffen einander …, Putin bombardiert Syrien": not "wir"
        return _subject_actors(s, h, depth + 1)
    if _causative(s, v) and s.is_zu_infinitive(h):
        # "kündigte an, die Todesumstände untersuchen zu lassen": who has it done is the
        # subject of "lassen", which takes its controller's
        return _subject_actors(s, h, depth + 1)
    if s.is_zu_infinitive(v):
        if s.is_zu_infinitive(h) or s.toks[v].dep == "conj":
            return _subject_actors(s, h, depth + 1)
        gargs = verb_args(s, h)
        if gargs.passive:
            return [a for j in gargs.obj[:1] for a in actors_of(s, j)]
        if s.full_lemma(h) in ACCUSE_VERBS:
            return [a for j in gargs.obj for a in actors_of(s, j)]
        if s.full_lemma(h) in OBJECT_CONTROLLERS:
            controller = [a for j in gargs.obj if s.toks[j].tag != "PRF"
                          for a in actors_of(s, j)]
            if controller:
                return controller
        subject = [a for j in gargs.subj for a in actors_of(s, j)]
        if s.full_lemma(h) in DATIVE_CONTROLLERS and not subject:
            # the dative, by its case where the tagger marks it, else whichever phrase is not
            # the expletive ("Der Polizei gelang es": "der" may be read as nominative); the
            # parser often makes the dative the subject, which the line above takes
            phrases = [j for j in gargs.obj + gargs.subj if s.lemma(j) != "es"]
            dative = [j for j in phrases if s.toks[j].dep == "iobj"
                      or "Case=Dat" in s.toks[j].morph or any(
                          "Case=Dat" in s.toks[d].morph and s.toks[d].dep == "det"
                          for d in s.children[j])] or phrases
            return [a for j in dative for a in actors_of(s, j)]
        return subject
    return []


def _disagrees(s: Sent, v: int, subj: list[int]) -> bool:
    """Can a finite verb ``v`` not share the pronoun subject of the verb it is coordinated
    with: "wir"/"ich" with a third person singular in "-t" ("bombardiert")? (Not "er" with a
    form in "-en": the tagger calls many infinitives finite, "wird … wiederkommen und alle
    erschießen".)"""
    if s.toks[v].tag != "VVFIN" or len(subj) != 1 or s.toks[subj[0]].tag != "PPER":
        return False
    form = s.toks[v].text.lower()
    return s.toks[subj[0]].text.lower() in ("wir", "ich") and form.endswith("t") \
        and not form.endswith("st")


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
                    strict and (abs(k - fin) > 4 or _in_phrase_of_prep(s, k))) and not (
                    # "eine Sammelklage gegen den Gerätehersteller Apple": a name in
                    # apposition to a noun with a preposition is that phrase's
                    t.dep == "appos" and _in_phrase_of_prep(s, k)):
            ids = actors_of(s, k)
            if ids:
                return ids
    return []


def _bare_name(s: Sent, j: int) -> list[str]:
    """A proper noun no actor or entity covers, with its name parts, as an unlinked
    participant ("~Sea-Eye", "~Gülen"): the parse says it is the object, its tag that it names
    someone or something by name."""
    t = s.toks[j]
    if t.tag != "NE" or s.actors_at[j] or s.local_at[j] or not t.text[:1].isupper() \
            or (j > 0 and s.toks[j - 1].tag == "NE") \
            or (j + 1 < len(s) and s.actors_at[j + 1]):
        return []  # (the end of a longer name, "New York Times"; a title before a name,
        # "HDP-Chef Selahattin Demirtaş")
    parts = [j] + [c for c in s.children[j] if s.toks[c].dep in ("flat", "flat:name")
                   and s.toks[c].tag == "NE"]
    return [LOCAL + " ".join(s.toks[k].text for k in sorted(parts))]


def _owner(s: Sent, c: int, lex: Lexicon) -> list[str]:
    """The actor a genitive names when it is someone: a linked actor, an agent noun or a noun
    ``persons.tsv`` lists for people ("der Polizei", "des Angreifers"), not another thing, an
    unlinked name, nor a noun that only ends like a people noun ("des Lagers")."""
    if s.actors_at[c]:
        return actors_of(s, c)
    t = s.toks[c]
    local = s.local_at[c]
    lemma = t.lemma or t.text
    return [local] if t.tag == "NN" and local and (
        lex.is_agent(lemma) or lemma.lower() in lex.persons) else []


def _linear_object(s: Sent, v: int, args: Args, toks: Sequence[int]) -> list[str]:
    """Fallback for an active verb with a subject whose parse gives it no object that names
    anyone ("hat am Freitag einen Auto-Serieneinbrecher festgenommen" with the noun read as
    punctuation, "erschoss die Armee am Freitag einen 23-jährigen Palästinenser" with it hung
    on the date): the first bare noun phrase of the verb's clause that begins like a direct
    object (an accusative or nominative-accusative determiner, a number, a plural or a bare
    name; no preposition before it), outside the subject's phrase and naming someone, not a
    thing."""
    seg = s.segment[v]
    subject = {j for h in args.subj for j in s.descendants(h, 3) | {h}}
    verb = s.complex(v) | {v}
    fin = next((c for c in sorted(verb) if s.toks[c].tag.endswith("FIN")), v)
    for k in range(len(s)):
        t = s.toks[k]
        if s.segment[k] != seg or k in subject or k in toks or t.tag not in ("NN", "NE") \
                or (k > 0 and s.toks[k - 1].tag in ("NN", "NE")):
            continue  # (a name after a noun belongs to that noun's phrase)
        lo, hi = sorted((k, v))
        if any(s.toks[j].tag == "KON" or (s.is_verb(j) and j not in verb)
               for j in range(lo + 1, hi)):
            continue  # another verb's object: "eroberten sie X und nutzten die Kenntnisse Y"
        fronted = k < fin and not any(s.toks[j].tag in SUBORDINATORS for j in range(k))
        det = _object_phrase(s, k)
        if det is None or (fronted and det not in ACCUSATIVE_DETERMINERS) \
                or _quoted_apart(s, k, v) or _conjunct_of_phrase(s, k):
            continue  # before the finite verb of a main clause, only an accusative's form
            # tells an object from the subject ("Privatsender fordern Schadenersatz")
        ids = actors_of(s, k)
        if ids and not all(a in s.things for a in ids):
            return ids
    return []


def _participle_phrase(s: Sent, j: int) -> list[str]:
    """The noun a phrase's first noun is the object of a present participle of: "das Feuer
    auf Steine werfende Demonstranten eröffnet" (the parser makes "Steine" the phrase's
    head, the demonstrators hang apart): actors of the noun after the participle."""
    if j + 2 >= len(s) or s.toks[j + 1].tag != "ADJA" or s.toks[j + 2].tag not in ("NN", "NE") \
            or not s.toks[j + 1].text.lower().endswith(PRESENT_PARTICIPLE_ENDINGS):
        return []
    return actors_of(s, j + 2)


def _conjunct_of_phrase(s: Sent, k: int) -> bool:
    """Is ``k`` a later conjunct of a noun phrase with a preposition ("nach ORF und Sky",
    "wie Netflix, Hulu oder Amazon")? The parse of coordination is the reliable part here."""
    j = k
    while s.toks[j].dep == "conj" and 0 <= s.toks[j].head < j:
        j = s.toks[j].head
    return j != k and (s.prep(j) is not None or _object_phrase(s, j) is None)


def _quoted_apart(s: Sent, k: int, v: int) -> bool:
    """Does a quotation mark stand between ``k`` and ``v`` an odd number of times: one is
    quoted, the other not ("in seinem Buch „Die Revolution missbraucht ihre Kinder“ …
    angeprangert": the title's words are no object of the verb)?"""
    lo, hi = sorted((k, v))
    return sum(s.toks[j].text in DOUBLE_QUOTES for j in range(lo + 1, hi)) % 2 == 1


def _object_phrase(s: Sent, k: int) -> str | None:
    """Does the noun phrase of noun ``k``, read leftwards, begin like a direct object: no
    preposition, and a determiner of :data:`OBJECT_DETERMINERS`, a number, or none at all for
    a plural or a name? Its determiner if so ("" for none), else None."""
    j = k - 1
    det: str | None = None
    counted = False
    while j >= 0:
        t = s.toks[j]
        if t.tag in PHRASE_TAGS:
            counted = counted or t.tag == "CARD"
            if t.tag in ("ART", "PDAT", "PPOSAT", "PIAT", "PIDAT"):
                det = t.text.lower()
                j -= 1
                break
        elif t.tag == "APPR" and counted and s.lemma(j) in COUNTING_PREPS:
            pass
        else:
            break
        j -= 1
    if j >= 0 and s.toks[j].tag in PREP_TAGS:
        return None
    if det is not None:
        return det if det in OBJECT_DETERMINERS else None
    if counted:
        return ""
    if (j >= 0 and s.toks[j].tag in ("NN", "NE")) or "Case=Gen" in s.toks[k].morph:
        return None  # a genitive without article after its noun: "nach Angaben lokaler Medien"
    return "" if "Number=Plur" in s.toks[k].morph or s.toks[k].tag == "NE" else None


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
        j = end - 1
        aside: set[int] = set()  # what a parenthesis holds is no part of the clause
        while j >= 0:
            if s.toks[j].text == ")":  # the clause goes on before a parenthesis: "ein
                # Kommandant der Jihadistenmiliz Islamischer Staat (IS) getötet worden"
                opening = next((k for k in range(j - 1, -1, -1) if s.toks[k].text == "("), 0)
                aside.update(range(opening, j))
                j = opening - 1
                continue
            if s.segment[j] != s.segment[end]:
                break
            j -= 1
        for k in range(j + 1, end):
            if k not in aside and (s.toks[k].tag in ("NN", "NE", "PPER") and s.prep(k) is None
                    and ("Case=Nom" in s.toks[k].morph or "Case=Acc" in s.toks[k].morph)
                    and not (s.toks[k].dep in NAME_DEPS  # (not a name's part inside a
                             and s.prep(s.toks[k].head) is not None)):  # phrase: "von der
                # ÖVP Burgenland")
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
                if tk.tag == "ADJA" and k + 1 in s.persons:
                    continue  # "gegen den italienischen Kapitän Francesco Schettino": the
                    # man, not his country
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
    claim = _claim_verb(s, n, lex)
    if claim is not None:
        return claim  # "bekannte sich zu dem Überfall": who claims an attack made it
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
    if prep == "bei" and _meeting_with(s, n, lex):
        # "ging Xi Jinping bei einem Treffen mit Erdoğan auf die Kontroverse ein": who acts
        # at a meeting with someone took part in it
        verb = _main_verb(s, h)
        if 0 <= verb < len(s) and verb != n and s.toks[verb].tag.startswith("VV") \
                and not verb_args(s, verb).passive:
            return verb
        return None
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
        verb = _main_verb(s, h)
        if not any(v in lex.join_verbs for v, _ in s.verb_lemmas(verb)):
            return None
        return verb if s.toks[verb].tag.startswith("VV") else None
    if s.toks[h].tag == "PTKVZ":  # "schlug Verhandlungen vor" parsed with the particle as head
        verbs = [j for j in range(h - 1, -1, -1) if s.toks[j].tag == "VVFIN"]
        if not verbs:
            return None
        h = verbs[0]
    h = _main_verb(s, h)
    if not s.toks[h].tag.startswith("VV"):
        return None
    if not any(v in lex.light_verbs or v in lex.receive_verbs
               for v in (s.full_lemma(h), s.lemma(h))):
        return None
    if s.lemma(h) == "halten" and any(s.prep(c) == "für" for c in s.children[h]):
        return None  # "hält eine Entführung für möglich": the subject judges, it does not act
    args = verb_args(s, h)
    if n in args.subj and not args.passive:
        return None  # the noun is the subject: "die Unterstützung könnte … führen"
    return h


def _claim_verb(s: Sent, n: int, lex: Lexicon) -> int | None:
    """The reflexive verb of ``claim_verbs`` that claims noun ``n`` for its subject: its "zu"
    phrase ("Der IS bekannte sich zu dem Überfall"; parsed on the verb's subject as well:
    "bekannten sich die Taliban zu der Gewalttat") or a relative clause whose "zu" phrase is
    the relative pronoun ("die Attentate, zu denen sich der IS bekannte")."""
    claims = lex.claim_verbs
    for c in s.children[n]:
        if s.toks[c].dep == "acl:relcl" and s.full_lemma(c) in claims and s.has_reflexive(c) \
                and any(s.toks[k].tag == "PRELS" and s.prep(k) == "zu" for k in s.children[c]):
            return c
    if s.prep(n) != "zu":
        return None
    h = s.toks[n].head
    if 0 <= h < len(s) and h != n and s.toks[h].tag in ("NN", "NE") and s.prep(h) is None:
        h = s.toks[h].head  # the phrase hung on the claimant
    if not (0 <= h < len(s) and h != n and s.is_verb(h)):
        return None
    h = _main_verb(s, h)
    return h if s.full_lemma(h) in claims and s.has_reflexive(h) else None


def _main_verb(s: Sent, h: int) -> int:
    """The verb an auxiliary or modal hangs on (``h`` itself when it is none): a noun may hang
    off the auxiliary ("hatten … gelegt")."""
    while 0 <= h < len(s) and s.toks[h].tag[:2] in ("VA", "VM") \
            and s.toks[h].dep in ("aux", "aux:pass"):
        h = s.toks[h].head
    return h


def _meeting_with(s: Sent, n: int, lex: Lexicon) -> bool:
    """Is noun ``n`` a meeting (a reciprocal CONSULT noun) with a ``mit`` phrase of its own?"""
    return any(s.prep(c) == "mit" for c in s.children[n]) and any(
        e.plover == "CONSULT" and "recip" in e.flags
        for e in lex.noun_entries(s.lemma(n).lower()))


def _slot(s: Sent, slot: str, anchor: int, pos: str, args: Args | None,
          host: int | None, ctx: Context, toks: Sequence[int] = ()) -> tuple[list[str], bool]:
    """Actors of one frame slot; the flag says a fallback rule was used."""
    if slot == "subj":
        if pos == "noun":
            return [], False
        subj = _subject_actors(s, anchor, skip=toks)
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
                # but its owner ("die Konten der Terrorverdächtigen sperren"); its own people
                # only as the object, not as a dative ("dem Haftrichter vorgeführt")
                for k in ([j] if j not in toks or (ctx.lex.names_people(
                    s.toks[j].lemma, s.toks[j].text) and s.toks[j].dep != "iobj") else [
                        c for c in s.children[j] if s.toks[c].dep in GEN_DEPS
                        and s.prep(c) is None and s.toks[c].tag != "ADJA"])
                for a in actors_of(s, k)]
        if objs and all(a in s.things for a in objs):  # "verurteilten den Einsatz der
            # Polizei": the people the thing belongs to, when the parse names any
            owners = [a for j in args.obj for c in s.children[j] if s.toks[c].dep in GEN_DEPS
                      and s.prep(c) is None for a in _owner(s, c, ctx.lex)]
            objs = owners or objs
        if slot == "iobj" and len(objs) > 1 and _person_first(s, args.obj, objs):
            # the receiver of "wirft der Staatsführung schmutzige Propaganda vor" is the
            # dative, which comes first; never a thing the parser made a second object, nor
            # the owner of the charge ("warf Deutschland Unterstützung der PKK vor")
            named = [a for j in args.obj if s.toks[j].tag != "NN"
                     or ctx.lex.is_participant(s.lemma(j)) for a in actors_of(s, j)]
            objs = [a for a in objs if a not in s.things and a in named] \
                or [a for a in objs if a not in s.things]
        if not objs and not args.passive:  # a name the entity recogniser missed ("wirft
            objs = [n for j in args.obj for n in _bare_name(s, j)]  # Sea-Eye vor")
        if not objs and args.passive:
            return _passive_patient(s, anchor), True
        if not objs and pos == "verb" and args.subj:
            objs = _linear_object(s, anchor, args, toks)
            return objs, bool(objs)
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
            if not heads:  # or on the idiom's own noun wherever the parser put it ("hat
                heads = [c for n in toks if n != anchor  # wegen der Lähmung … ein Verfahren
                         for c in s.children[n]  # gegen Polen eröffnet": the noun hangs
                         if s.toks[c].tag in NOMINAL_TAGS and s.prep(c) == prep]  # on another)
            if not heads:  # or on the noun of another of its phrases ("mit Gewalt gegen die
                heads = [c for p, hs in args.pps.items() for o in hs  # Demonstranten
                         if p != "über"  # vorgehen"); not of its topic, whose phrase is the
                         for c in s.children[o] if c > o  # topic's ("beraten über den Umgang
                         # mit Familie")
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
        ids: list[str] = [a for j in heads for a in actors_of(s, j) or _participle_phrase(s, j)]
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
        owned = any(s.toks[c].tag == "PPOSAT" for c in s.children[anchor])
        for c in s.children[anchor]:
            dep = s.toks[c].dep
            marker = s.prep(c)
            if (dep in GEN_DEPS and marker is None) or marker in AGENT_PREPS:
                if marker is None and _thing_genitive(s, c, ctx.lex):
                    # "eine Untersuchung des gewaltsamen Todes von Walter Lübcke": what is
                    # investigated, its owner no agent; a name it carries and a "durch"
                    # agent hung on it stay ("Ratifizierung des Abkommens durch den Kongress")
                    ids += [a for d in s.children[c] if s.prep(d) == "durch" or (
                        s.toks[d].dep in NAME_DEPS and s.prep(d) is None)
                        for a in actors_of(s, d)]
                    continue
                if marker == "von" and any(
                        g < c and s.toks[g].dep in GEN_DEPS and s.prep(g) is None
                        and _thing_genitive(s, g, ctx.lex) for g in s.children[anchor]):
                    continue  # (the same owner hung on the trigger itself)
                if marker is not None and owned and any(
                        s.toks[d].tag == "PPOSAT" for d in s.children[c]):
                    continue  # "seinen Rücktritt von seinen Ämtern": his own office, no agent
                ids += actors_of(s, c)
        if not ids:  # "Russlands Waffenlieferungen", "die russischen Waffenlieferungen"
            ids = _prenominal_actors(s, anchor, own=True)
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
        if not subj and s.full_lemma(host) in ctx.lex.claim_verbs:
            subj = _claimant(s, host, anchor)
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


def _claimant(s: Sent, v: int, n: int) -> list[str]:
    """Who claims with verb ``v`` when the parse gave it no subject: its bare noun phrase
    that is neither the reflexive nor the claimed act ``n`` ("bekannten sich die Taliban zu
    der Gewalttat", with "Taliban" parsed as the object)."""
    within = s.descendants(n, 3) | {n}
    return next((ids for c in s.children[v] if c not in within and s.prep(c) is None
                 and s.toks[c].dep in ("obj", "nsubj") and s.toks[c].tag in ("NN", "NE")
                 for ids in [actors_of(s, c)] if ids), [])


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


def _prenominal_actors(s: Sent, n: int, own: bool = False) -> list[str]:
    """The actors of the first actor adjective or name before noun ``n`` in its phrase
    ("Russlands Invasion", "die israelische Bombardierung"). The phrase opens at a
    possessive of the verb's object, which points back to the verb's subject ("wollen
    Lawrow und Kerry ihre Verhandlungen … fortsetzen": both men, not the name before it);
    past one with no parsed subject, the name before it stands in for one ("in dem Nordkorea seinen
    jüngsten Raketentest durchführt"). With ``own``, not a name that is the genitive of a
    noun before ("mit Unterstützung Großbritanniens Luftangriffe")."""
    j = n - 1
    while j >= 0 and s.toks[j].tag in ("ADJA", "NE", "ART", "PPOSAT", "ADJD"):
        if s.actors_at[j] and s.toks[j].tag in ("ADJA", "NE"):
            h = s.toks[j].head
            if own and 0 <= h < j and s.toks[h].tag == "NN":
                return []
            return list(s.actors_at[j])
        if s.toks[j].tag == "PPOSAT" and s.toks[n].dep == "obj":
            owner = _possessor(s, n)
            if owner:
                return owner  # the subject it points back to, when the parse has one
        j -= 1
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
                s.toks[d].tag in DETERMINER_TAGS for d in s.children[c])):
            # "von" standing in for a genitive the noun phrase cannot show ("die Freilassung
            # von 800 Palästinensern", "die Festnahme von Navalny"; "… von Journalisten durch
            # die Polizei"): the object; "von den Rebellen" stays the agent
            roles["ogen"] += actors_of(s, c)
        elif marker in AGENT_PREPS:
            roles["agent"] += actors_of(s, c)
        elif marker is None and s.toks[c].tag == "PPOSAT":
            # a third-person possessive points back to the governing verb's subject before
            # any pronoun chain: "wollen Lawrow und Kerry ihre Verhandlungen … fortsetzen"
            # is both men's, not the one "ihre" was chained to
            roles["poss"] += (s.lemma(c) in REFLEXIVE_POSSESSIVES and _possessor(s, n)) \
                or actors_of(s, c)
        elif marker is None and s.toks[c].dep in GEN_DEPS and c > n:
            roles["ogen"] += actors_of(s, c)
    if not roles["agent"]:
        roles["agent"] = _prenominal_actors(s, n)
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
