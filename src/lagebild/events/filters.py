"""Precision rules: the tests :func:`lagebild.events.coder.find_in_sentence` applies before it
keeps a trigger (sports reports, reported contents, unreal or wished-for acts, asides,
questions, who counts as an official, organised or armed actor …) and the small readings they
need (the victims a noun counts, the verdict a predicate gives, the occurrence verb of an
event noun). They decide and read; only :func:`_object_as_subject` changes its argument (the
subject an object-reading parse missed), and none writes events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lagebild.events import codes
from lagebild.events.arguments import (
    Args,
    _oblique,
    _passive_patient,
    _subject_actors,
    actors_of,
    verb_args,
)
from lagebild.events.findings import Context, Found
from lagebild.events.lexicon import Lexicon, Trigger, quantifiers
from lagebild.events.sentence import GEN_DEPS, LOCAL, SUBJ_DEPS, Sent, label_end
from lagebild.german import WEEKDAYS
from lagebild.model import Article, Token
from lagebild.times import date_for_span

SPORTS_ARTICLE_SENTENCES = 3  # sports-report sentences that make the article one
#: word parts that name a court or a judge (a court's sentence needs no named recipient)
COURT_WORDS = ("gericht", "richter")
#: conjunctions of a temporal clause (what it tells is background to the main clause)
TEMPORAL_CONJUNCTIONS = frozenset({"als", "nachdem", "seit", "seitdem", "bevor", "ehe"})
#: a score ("2:0", "3:2"), not a clock time ("11:40 Uhr", "um 18:30")
SCORE = re.compile(r"(?<![\d:.])(?<!\bum )(?<!\bgegen )\d{1,2}:\d{1,2}(?![\d:])(?!\s*Uhr)")
#: a minute of a match: "(71.)", "12. Minute", "in der 74. Minute"
MINUTE_MARK = re.compile(r"\(\d{1,3}\.\)|\b\d{1,3}\. Minute\b")
#: nouns of calling for something: their "nach" phrase is wanted, not done ("Rufe nach einem
#: Rücktritt"); "Forderung" is a trigger of its own (REQUEST) with the same effect
DEMAND_HEADS = frozenset({"ruf", "rufe", "forderung", "verlangen", "wunsch", "drängen",
                          "sehnsucht", "schrei", "frage"})
#: a calendar value: year, year-month or date (not "XXXX-10-03", not a week or season)
FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-\d{2}-\d{2}T")
#: types whose verbs also state attitudes (a standing position is no act)
STANCE_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE"})
#: material acts that never take a content clause (PROTEST does: "protestierte dagegen, dass")
MATERIAL_ACTS = frozenset({"COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE",
                           "ASSAULT"})
#: verbs whose object noun classifies their subject ("stellt einen Angriff dar")
CLASSIFYING_VERBS = frozenset({"darstellen", "bedeuten"})
#: PLOVER types whose object is an act that has not happened (the demanded or refused act)
CONTENT_TAKERS = frozenset({"REQUEST", "REJECT", "THREATEN"})
#: CAMEO role codes of police, military, intelligence and armed groups (flag ``forces``)
FORCE_ROLES = ("COP", "MIL", "SPY", "REB", "INS", "UAF")
#: what a clause holds responsible for an act ("mitverantwortlich", "hauptverantwortlich")
RESPONSIBLE = "verantwortlich"
#: prepositions that set a known act as the time or cause of another ("nach dem Anschlag",
#: "seit der Festnahme", "wegen der Angriffe"): with a definite noun, presupposed background
BACKGROUND_PREPOSITIONS = frozenset({"nach", "seit", "vor", "wegen", "trotz", "infolge",
                                     "angesichts", "aufgrund"})
#: prepositions of a verb's topic ("verstieß gegen die Sanktionen", "stimmen über die
#: Forderungen ab", "reagierte auf den Angriff"): with a definite noun, a known act
TOPIC_PREPOSITIONS = frozenset({"gegen", "über", "auf", "an", "von", "für", "um"})
#: words that put a clause's act in the past or under way ("heute": it has begun)
PAST_WORDS = frozenset({"gestern", "vorgestern", "vergangenen", "vergangene", "letzten",
                        "letzte", "vorigen", "vorige", "bereits", "schon", "zuvor", "damals",
                        "heute"})


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


def _sports_report(ctx: Context, si: int) -> bool:
    """Does sentence ``si`` report a match: a word of ``sport.tsv``, a score ("2:0", not a
    clock time) or a minute mark ("(71.)", "12. Minute")? Read from its tokens alone, so no
    view is built for it."""
    sentence = ctx.article.sentences[si]
    text = ctx.article.text[sentence.start:sentence.end]
    # the characters each pattern needs tested first: a search tries every position
    if (":" in text and SCORE.search(text)) or (
            ("(" in text or "Minute" in text) and MINUTE_MARK.search(text)):
        return True
    sport = ctx.lex.sport
    return any(lemma in sport for t, lemma in zip(ctx.sents.tokens[si], ctx.sents.lemmas[si],
                                                  strict=True) if t.tag == "NN")


def _sports_article(ctx: Context) -> bool:
    """Is the whole article a sports report: at least ``SPORTS_ARTICLE_SENTENCES`` of its
    sentences are? Then a sentence without a sport word of its own reports play too ("Die
    Belgier empfangen die Russen", "Konta trifft … auf die Kroatin")."""
    if ctx.sports_article is None:
        marked = 0
        for si in range(len(ctx.sents)):
            marked += _sports_report(ctx, si)
            if marked >= SPORTS_ARTICLE_SENTENCES:
                break
        ctx.sports_article = marked >= SPORTS_ARTICLE_SENTENCES
    return ctx.sports_article


def _states_content(s: Sent, v: int) -> bool:
    """Does verb ``v`` take a ``dass`` clause as its object ("halten in ihrer Einleitung fest,
    dass …")? A material act has no content clause: such a verb states or ensures something
    (not "…, so dass er stürzte", a consequence)."""
    if any(s.toks[k].tag == "PROAV" for k in s.children[v]):
        return False  # "dafür bestraft, dass …": the clause says why, the act happened
    verbs = s.complex(v)
    for c in s.children[v]:
        if s.toks[c].dep not in ("ccomp", "advcl") or not s.is_verb(c):
            continue
        for m in s.children[c]:
            if s.toks[m].tag == "KOUS" and s.lemma(m) == "dass" and not (
                    m > 0 and s.toks[m - 1].text.lower() == "so") and not any(
                    s.toks[k].tag.startswith("V") and k not in verbs
                    for k in range(max(verbs) + 1, m)):
                return True  # (not a clause another verb stands before: "nahmen den
                # Täter fest, nachdem klar war, dass …" with the parse hanging it wrong)
    return False


def _reflexive(s: Sent, v: int) -> bool:
    """Does verb ``v`` have its reflexive pronoun: a ``PRF`` dependent, or one before it in its
    clause that the parser hung elsewhere ("Munoz hatte sich nach Kritik … entschuldigt",
    with "sich" on "hatte" or a noun)?"""
    if s.has_reflexive(v):
        return True
    return any(s.toks[k].tag == "PRF" and s.segment[k] == s.segment[v] for k in range(v))


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
    for k in range(v + 2, len(s)):
        if s.toks[k - 1].tag == "PTKZU" and s.toks[k].tag == "VVINF" \
                and not s.is_verb(s.toks[k].head) \
                and any(s.toks[m].text == "," for m in range(v + 1, k)):
            return True  # the same clause hung on the subject noun ("drohte Serbiens
            # Außenminister Ivica Dačić, die Grenzen zu schließen")
    if (v > 0 and s.toks[v - 1].text in ("“", '"', "»")) or (
            v > 0 and s.toks[v - 1].text == "," and v + 1 < len(s)
            and bool(s.actors_at[v + 1])):
        return True  # a speech verb after what was said ("…, droht Davutoğlu"; not
        # "Wenn die Diebe aussteigen wollen, droht ihnen Schlimmes")
    return any(_names_party(s, j, strong=True) for j in args.subj) \
        and any(_names_party(s, j) for j in args.obj)


def _meets(s: Sent, v: int, args: Args, lex: Lexicon) -> bool:
    """Is verb ``v`` (``treffen``) a meeting: reflexive ("trafen sich"), with a ``mit`` phrase
    ("traf mit Kerry zusammen") or with an object that names people ("traf Ministerpräsident
    Mahdi")? Not a passive ("wurde von Schüssen getroffen"), not "trifft auf" without
    "sich" (a match or resistance), not a goal or a hit ("traf die Querlatte", "trifft zum
    3:2"), not when the subject is a thing, an event or "das" ("Das hat auch die VEB
    getroffen", "Der Warnstreik traf Zehntausende Passagiere": it affected them) or the
    generic "man" ("Hier trifft man Tim Lucas": a description)."""
    if args.passive or any(s.toks[k].tag == "PIS" and s.lemma(k) == "man"
                           and s.segment[k] == s.segment[v] for k in range(len(s))):
        return False
    for j in args.subj:
        t = s.toks[j]
        if t.tag == "PDS" or (t.tag == "NN" and not s.actors_at[j]
                              and not lex.is_participant(t.lemma)):
            return False
    reflexive = s.has_reflexive(v)
    if reflexive or "mit" in args.pps:
        return True
    if "auf" in args.pps:
        return False
    return any(s.toks[j].tag in ("NN", "NE") and _names_party(s, j) for j in args.obj)


def _supplies_goods(s: Sent, v: int, args: Args | None, toks: Sequence[int],
                    lex: Lexicon, military: bool = False) -> bool:
    """Does a supply verb's object (with its modifiers) name goods, money, weapons or
    personnel (``goods.tsv``; with ``military`` weapons, military equipment or personnel)?
    The parser may hang the object elsewhere: nouns of the verb's clause segment count too."""
    objs = list(args.obj) if args is not None else []
    near = {j for o in objs for j in [o, *s.descendants(o, 2)]}
    near |= {j for j in range(len(s)) if s.segment[j] == s.segment[v]}
    return any(s.toks[j].tag == "NN" and j not in toks
               and lex.names_goods(s.lemma(j), military) for j in near)


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
    if _code(ctx, aid).endswith(FORCE_ROLES):
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


def _blamed(s: Sent, n: int) -> bool:
    """Is event noun ``n`` what someone is held responsible for ("machen Russland für die
    Attacke auf ein Spital verantwortlich", "soll für den Anschlag mitverantwortlich sein")?
    The blame is the event (ACCUSE); the act is its presupposed topic (eval/README: "merely
    presupposed event nouns used as a topic … are not listed")."""
    if s.prep(n) != "für":
        return False
    for h in s.ancestors(n, 2):
        if any(s.lemma(j).lower().endswith(RESPONSIBLE) for j in [h, *s.children[h]]):
            return True
    return False


def _definite(s: Sent, n: int) -> bool:
    """Does noun ``n`` refer to something known: a definite article (also inside "beim",
    "vom"), a possessive or demonstrative, or a genitive name before it ("Whelans Festnahme")?"""
    for c in s.children[n]:
        tag = s.toks[c].tag
        if c < n and (tag in ("APPRART", "PPOSAT", "PDAT")
                      or (tag == "ART" and s.lemma(c) == "der")
                      or (tag == "NE" and s.toks[c].text.endswith("s"))):
            return True
    return False


def _presupposed(ctx: Context, s: Sent, n: int, host: int | None) -> bool:
    """Is event noun ``n`` a known act that the sentence only refers to (eval/README: merely
    presupposed event nouns are no events)? A definite noun that dates or explains another
    act ("kurz nach Whelans Festnahme", "seit dem Putschversuch"), that is the topic of a verb
    carrying no act of its own ("verstieß gegen die Sanktionen", "über die Forderungen
    abstimmen"), or that is the subject of a statement about it ("Die Einigung mache die
    Region sicherer"). Not an indefinite noun ("nach einem Anschlag auf eine Moschee" is
    news), nor the subject of a verb by which it happens ("Die Gespräche begannen") or of
    what it brought about ("Die Hinrichtung … löste Proteste aus")."""
    if not _definite(s, n):
        return False
    prep = s.prep(n) or next((s.prep(c) for c in s.children[n] if c < n and s.toks[c].tag == "NE"
                              and s.prep(c)), None)  # "nach Whelans Festnahme" with the
    # preposition hung on the genitive name
    if prep in BACKGROUND_PREPOSITIONS:
        return True
    h = s.toks[n].head
    if not 0 <= h < len(s) or h == n or not s.is_verb(h):
        return False
    if prep in TOPIC_PREPOSITIONS:
        return host is None  # not a noun a verb carries ("nahm an den Gesprächen teil")
    return s.toks[n].dep == "nsubj" and s.lemma(h) not in ("sein", "werden", "bleiben") \
        and not {s.lemma(h).lower(), s.full_lemma(h).lower()} & ctx.lex.cause_verbs \
        and _occurrence_verb(ctx, s, n) is None


def _victims(s: Sent, n: int, lex: Lexicon) -> list[str]:
    """The victims of a conflictual event noun told as what befell them: "X wurde Opfer eines
    Anschlags", "Opfer von Gewalttaten wurden 39 Kopten", "X fiel einem Anschlag zum Opfer",
    "Bei Protesten kamen 22 Menschen ums Leben", "wurden 30 Palästinenser durch Schüsse
    verletzt" (a harm verb of verbs.tsv)."""
    h = s.toks[n].head
    if not 0 <= h < len(s) or h == n:
        return []
    if s.prep(n) in ("bei", "durch") and s.is_verb(h) and s.lemma(h) in lex.harm_verbs and any(
            t.plover == "ASSAULT" for t in lex.noun_entries(s.lemma(n).lower())) and (
            s.lemma(h) != "kommen" or any(s.lemma(c) == "Leben" for c in s.children[h])):
        args = verb_args(s, h)
        if not args.passive and not args.subj:  # "starben zwölf Menschen" with the people
            # parsed as the object of the intransitive verb: they are its subject
            args.subj = [j for j in args.obj if s.toks[j].tag in ("NN", "NE")
                         and s.prep(j) is None and not _oblique(s, j)][:1]
        if s.prep(n) == "durch" and not args.passive and s.toks[h].tag != "VVPP" \
                and s.lemma(h) not in ("sterben", "umkommen"):  # "verletzten Unbekannte
            return []  # zwei Israelis durch Schüsse": the verb's own event (a headline's
            # bare participle, "Mann durch Schuss verletzt", is a passive)
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


#: words that deny or weaken "ausschließen" ("schließt Streiks nicht aus" keeps them open)
#: or leave the party unnamed ("Schlamperei könne man ausschließen")
RULE_OUT_BLOCKERS = frozenset({"nicht", "nie", "niemals", "kaum", "kein", "keine", "man"})
#: modal verbs that make "ausschließen" a judgement of what is possible ("könne man ausschließen")
RULE_OUT_MODALS = frozenset({"können", "dürfen", "lassen", "wollen"})


def _party_ruling_out(ctx: Context, s: Sent, v: int, args: Args | None) -> list[str]:
    """The party whose "ausschließen" without an "aus"/"von" phrase rules something out
    ("schloss den Eintritt seiner Partei in die Regierung aus", "hat eine Zustimmung
    ausgeschlossen", "schließt aus, dass die Freiheitlichen mitstimmen": REJECT 120), empty when
    it is no refusal. What is ruled out is a thing, never an actor, so the linked actors among
    subject and object are the party, whichever the parser made the subject ("Eine Rückkehr
    zum Verhandlungstisch schließt sie vorerst aus"). Only in the active voice, with no police
    or armed force among them (investigators rule out causes: "Vorsätzliche Brandstiftung
    hatten die Ermittler ausgeschlossen"), neither denied nor under a modal verb ("schließt
    Streiks nicht aus", "kann man ausschließen")."""
    if args is None or args.passive or (s.toks[v].tag == "VVPP" and not any(
            s.lemma(c) == "haben" for c in s.complex(v))):
        return []  # "wurde ausgeschlossen", "ist ausgeschlossen": no party named
    comp = s.complex(v)
    if any(s.lemma(c) in RULE_OUT_MODALS for c in comp):
        return []
    near = [*s.dependents(comp), *(c for j in args.obj for c in s.children[j])]
    if any(s.toks[j].text.lower() in RULE_OUT_BLOCKERS for j in near):
        return []
    ids = [a for j in args.subj + args.obj for a in actors_of(s, j)]
    if any(_force(ctx, a) for a in ids):
        return []
    if any(_left_out(s, j, args) for j in s.descendants(v, 3)):
        return []  # "hat den Bundesrat bei der Entscheidung ausgeschlossen": a party left out
    return list(dict.fromkeys(a for a in ids if not a.startswith(LOCAL)))


def _left_out(s: Sent, j: int, args: Args) -> bool:
    """Is ``j`` a linked actor named as the object of "ausschließen" (a party excluded, not a
    thing ruled out): parsed as the object, or a noun with an accusative article the parser
    hung elsewhere ("bei der Entscheidung den Bundesrat … ausgeschlossen"; not "in die
    Regierung", a phrase of its own)? A pronoun object is no evidence: the parser takes the
    subject of "schließt sie aus" for one."""
    if s.toks[j].tag not in ("NN", "NE") or j in args.subj or s.prep(j) is not None \
            or not any(not a.startswith(LOCAL) for a in actors_of(s, j)):
        return False
    return j in args.obj or any(s.toks[c].dep == "det" and "Case=Acc" in s.toks[c].morph
                                for c in s.children[j])


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
    if not any(s.toks[c].tag == "ART" and s.lemma(c) == "ein" for c in s.children[n]) \
            and not _bare_plural_predicate(s, n):
        return False  # "war der Bombenanschlag auf eine Kirche" identifies an event
    if any(s.toks[c].dep == "cop" for c in s.children[n]):
        # not when a participle or adjective is the real predicate ("ist ein Treffen geplant")
        return not any(s.segment[j] == s.segment[n] and s.toks[j].tag in ("VVPP", "ADJD")
                       for j in range(len(s)))
    h = s.toks[n].head
    return 0 <= h < len(s) and h != n and s.full_lemma(h) in CLASSIFYING_VERBS


#: plural forms of the copula: "Das sind nordkoreanische Drohungen"
PLURAL_COPULAS = frozenset({"sind", "waren", "seien", "wären"})


def _bare_plural_predicate(s: Sent, n: int) -> bool:
    """Is noun ``n`` a plural predicate without a determiner after a plural copula, said of a
    pronoun ("Das sind nordkoreanische Drohungen", "Das waren Angriffe auf die
    Pressefreiheit"): the indefinite plural of "ein", a classification?"""
    kids = s.children[n]
    # with a demonstrative subject: "Der Grund waren Vorwürfe gegen X" identifies the event
    return any(s.toks[c].dep == "cop" and s.toks[c].text.lower() in PLURAL_COPULAS
               for c in kids) and not any(s.toks[c].dep in ("det", "det:poss") for c in kids) \
        and any(s.toks[c].dep == "nsubj" and s.toks[c].tag in ("PDS", "PPER") for c in kids)


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


VERDICT_MARKERS = frozenset({"als", "für", "zu"})
# what may stand between a verdict's marker and its word: "als sehr, sehr ernsthafte
# Bedrohung", "als einen direkten Angriff", "für höchst fragwürdig"
_PHRASE_INSIDE = frozenset({"ADJA", "ADJD", "ADV", "ART", "PIAT", "PPOSAT", "CARD", "$,", "$(",
                            "KON", "PTKA"})


def _phrase_marker(s: Sent, j: int, reach: int = 8) -> str | None:
    """The lemma of the first word before ``j`` that is no modifier of its phrase (within
    ``reach`` words): the preposition or particle that opens the phrase."""
    for k in range(j - 1, max(-1, j - 1 - reach), -1):
        if s.toks[k].tag not in _PHRASE_INSIDE:
            return s.lemma(k)
    return None


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
        marker = _phrase_marker(s, j)
        if before & VERDICT_MARKERS or marker in VERDICT_MARKERS or s.lemma(v) == "nennen" or (
                "auf" in before and s.full_lemma(v) == "hinweisen") or (  # "wies auf … hin"
                "von" in before | {marker} and s.lemma(v) == "sprechen"):  # "sprach von
            return polarity  # einem Verstoß"; "label" judges as "neg" does
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


def _scheduled(s: Sent, v: int) -> bool:
    """Is the act of verb ``v`` told in the present tense with a time ahead in its clause ("Am
    Donnerstag treffen sich … die Ölminister", "Der EU-Gipfel findet nächste Woche statt")? In
    news the present with a weekday or ``morgen`` is the future: the act is planned. A past
    marker in the clause ("gestern", "vergangenen Donnerstag") or a perfect keeps it."""
    comp = s.complex(v)
    finite = [c for c in comp if s.toks[c].tag.endswith("FIN")]
    if not finite or not all(s.is_present_form(c) for c in finite):
        return False
    if any(s.toks[c].tag in ("VVPP", "VAPP", "VMPP") for c in comp) and not any(
            s.lemma(c) == "werden" for c in finite):  # "hat … getroffen": the perfect
        return False
    clause = [j for j in range(len(s)) if s.segment[j] == s.segment[v]]
    words = [s.toks[j].text.lower() for j in clause]
    if any(w in PAST_WORDS for w in words):
        return False  # also "heute": what takes place today has begun or is under way
    if any(j != v and s.toks[j].tag == "VAFIN" and s.lemma(j) in ("sein", "haben")
           for j in clause):  # "ist am Donnerstag eskaliert" with the participle as finite
        return False
    for k, w in enumerate(words):
        if s.toks[clause[k]].head not in comp:  # "ein am Freitag übermittelter Katalog"
            continue
        if w in ("morgen", "übermorgen") and s.toks[clause[k]].text[0].islower():
            return True
        if w in WEEKDAYS and k and words[k - 1] in ("am", "kommenden", "nächsten", "diesen"):
            return True
        if w in ("woche", "monat", "jahr", "wochenende") and k and words[k - 1] in (
                "nächste", "nächsten", "kommende", "kommenden"):
            return True
    return False


def _in_words(s: Sent, anchor: int, lex: Lexicon) -> bool:
    """Is an attack verbal: a verbal marker in the sentence (``mit scharfen Formulierungen``),
    or a colon or quotation mark after the trigger (what was said follows)?"""
    if any(s.lemma(i) in lex.verbal_markers for i in range(len(s))):
        return True
    for k in range(anchor + 1, len(s)):
        if s.toks[k].text in (",", ";"):
            # a quotation after a clause boundary is not the attack's words ("Als Islamisten
            # ein Kamerateam angriffen, hatten sie … „ausnahmsweise“ …")
            return False
        if _opens_quote(s, k):
            return True
    return False


def _natural_cause(ctx: Context, s: Sent, args: Args | None) -> bool:
    """A passive whose agent phrase names a force of nature, an animal or a vehicle ("von
    einem Baum erschlagen", "durch Hagel verletzt", "von einem Blitz getroffen", "von einem
    vorbeifahrenden Intercity erfasst und getötet"), or an active verb whose
    subject is an animal noun ("Das Schwein soll ein kleines Kind … erwürgt haben"): an
    accident or a beast, no actor acted (eval/README: accidents and natural disasters are no
    events)."""
    if args is None:
        return False
    if not args.passive:
        return any(s.toks[j].tag == "NN" and ctx.lex.names_animal(s.lemma(j))
                   for j in args.subj)
    return any(s.toks[j].tag == "NN" and (ctx.lex.names_disaster(s.lemma(j))
                                          or ctx.lex.names_animal(s.lemma(j))
                                          or ctx.lex.names_vehicle(s.lemma(j)))
               for prep in ("von", "durch") for j in args.pps.get(prep, []))


def _animal(ctx: Context, s: Sent, aid: str) -> bool:
    """Does the participant ``aid`` name an animal in this sentence: a common noun of
    ``animals.tsv`` ("Biber", "Eisbär"), or a name apposed to one ("die Bärin Daniza")?"""
    actor = ctx.actors.get(aid)
    if actor is not None and (not actor.local or len(actor.name.split()) > 1):
        return False  # a known actor or a person's full name ("Bär widerspricht": Dorothee Bär)
    at = [i for i in range(len(s)) if aid in s.actors_at[i] or s.local_at[i] == aid]
    if not at:
        return False
    for i in at:
        near = [i, s.toks[i].head] + s.children[i]
        if not any(0 <= j < len(s) and s.toks[j].tag == "NN"
                   and ctx.lex.names_animal(s.lemma(j)) for j in near):
            return False
    return True


#: what is done to a company by an unnamed doer, mostly an authority ("Sanktionen gegen GM",
#: "mehrere Firmen … durchsucht", "Dem Konzern wird vorgeworfen"): an event even so
DONE_TO_COMPANIES = frozenset({"ACCUSE", "COERCE", "SANCTION", "ASSAULT", "THREATEN"})
#: dependencies by which a noun names what a name is ("der Autobauer Tesla")
APPOSED = frozenset({"appos", "flat", "flat:name", "compound"})


def _company_news(ctx: Context, s: Sent, f: Found) -> bool:
    """Do only companies, their managers and customers take part ("Tchibo kooperiert mit
    einem Inselmakler", "Das Unternehmen entschuldigte sich bei seinen Kunden", "Nestlé klagt
    gegen Zuckerhersteller")? eval/README: company news is no event. Not when a company
    suffers a conflictual act whose doer is not named (an investigation, a search, a fine),
    nor for a lawsuit or appeal with no company sued (it goes before a court)."""
    parties = [a for a in f.source + f.target if a not in s.things]  # not "Aushebeln"
    if not parties or not all(_business(ctx, s, a) for a in parties):
        return False
    if f.cameo.startswith("115") and not [a for a in f.target if a not in s.things]:
        return False  # "will der Konzern Rechtsmittel einlegen": before a court, not a firm
    return bool(f.source) or f.plover not in DONE_TO_COMPANIES


def _business(ctx: Context, s: Sent, aid: str) -> bool:
    """Does the unlinked participant ``aid`` name a company (``companies.tsv``), or a noun of
    ``business.tsv`` (Konzern, Anleger), itself or apposed to its name ("Pokémon-Anbieter
    Niantic")? A linked actor never does: the knowledge base holds no companies."""
    if aid.startswith(LOCAL):
        name = aid[len(LOCAL):]
    else:
        actor = ctx.actors.get(aid)
        if actor is None or not actor.local:
            return False
        name = actor.name
    if ctx.lex.names_company(name):
        return True
    for i in range(len(s)):
        if aid not in s.actors_at[i] and s.local_at[i] != aid:
            continue
        h = s.toks[i].head
        near = [i] + [c for c in s.children[i] if s.toks[c].dep in APPOSED]
        if 0 <= h < len(s) and s.toks[i].dep in APPOSED:
            near.append(h)
        if any(s.toks[j].tag == "NN" and s.lemma(j) in ctx.lex.business for j in near):
            return True
    return False


#: CAMEO roles of political office and parties (three-letter parts after the country)
POLITICAL_ROLES = frozenset({"GOV", "OPP", "LEG", "PTY", "ELI"})


def _political(ctx: Context, aid: str) -> bool:
    """A linked person or organisation coded with a political role (``USAGOV``, ``AUTPTY``)."""
    actor = ctx.actors.get(aid)
    code = _code(ctx, aid)
    return actor is not None and actor.type in ("person", "party", "government", "sector") and any(
        code[i:i + 3] in POLITICAL_ROLES for i in range(3, len(code), 3))


def _person(ctx: Context, aid: str) -> bool:
    actor = ctx.actors.get(aid)
    return actor is not None and actor.type == "person"


def _attack_among_politicians(ctx: Context, s: Sent, f: Found) -> bool:
    """An "attack" by politicians or parties on persons or parties, with no weapon in the
    sentence: verbal ("Trump hatte Cummings am Samstag attackiert", "FPÖ attackiert ÖVP";
    eval/README: verbal attacks are ACCUSE). A country, an army or a place on either side
    keeps it an attack."""
    if not f.source or not f.target or not any(_political(ctx, a) for a in f.source):
        return False
    if not all(_political(ctx, a) or _person(ctx, a) for a in f.source + f.target):
        return False
    return not any(ins.plover == "ASSAULT" and ins.matches(s.lemma(j))
                   for j in range(len(s)) if s.toks[j].tag == "NN" for ins in ctx.lex.instruments)


def _polar_question(s: Sent, v: int) -> bool:
    """Is ``v`` in the main clause of a yes/no question: the sentence ends with a question
    mark and opens with its finite verb ("Wurde Rich gezielt ermordet?", "Treten Sie
    zurück?") or, with no question word at all, a statement asked as one ("Die Franzosen
    unterstützen Ihren Kurs?"), either after an interviewer's label ("STANDARD: …",
    :func:`~lagebild.events.sentence.label_end`)? A question word ("Worauf haben sich …
    geeinigt?") presupposes the act, and a relative clause inside the question ("…, an dem
    Breivik 77 Menschen erschoss?") tells it."""
    if not len(s) or s.toks[-1].text != "?":
        return False
    start = label_end(s.toks)
    first = next((k for k in range(start, len(s)) if s.toks[k].tag[:1] != "$"), None)
    if first is None or s.segment[first] != s.segment[v]:
        return False
    if s.toks[first].tag.endswith("FIN"):
        return True
    # a statement asked as a question ("STANDARD: Die Franzosen unterstützen Ihren Kurs?"):
    # no question word anywhere, no clause before the one of ``v``
    return not any(_question_word(t) for t in s.toks[start:]) \
        and all(s.segment[k] == s.segment[v] for k in range(first, v))


def _question_word(t: Token) -> bool:
    """A question word: its question presupposes the act ("Warum kritisieren Sie …",
    "Worauf haben sich … geeinigt?", the last tagged as a pronominal adverb)."""
    return t.tag in ("PWAV", "PWS", "PWAT") or (t.tag == "PROAV" and t.text[:2] in ("wo", "Wo"))


def _imperative(s: Sent, v: int) -> bool:
    """Is verb ``v`` an imperative: the first word of its sentence or of a quotation, its
    clause closed by an exclamation mark ("Sperrt ihn ein!, fordert ein Bub", "„Greift Syrien
    an!“", "Treten Sie zurück!")? A command names an act someone wants, not one that
    happened; the demand itself is the speech verb's event. (The parser often makes the
    object the subject of such a verb, so subjects are not asked.)"""
    if not s.toks[v].tag.endswith(("FIN", "IMP")):
        return False
    prev = v - 1 if v and s.toks[v - 1].text != "(" else v - 2
    if prev >= 0 and not _opens_quote(s, prev) and s.toks[prev].text != "–":
        return False  # not first in its sentence, after a colon or an opening quote
    end = next((k for k in range(v + 1, len(s)) if s.toks[k].tag == "$."), None)
    return end is not None and s.toks[end].text == "!"


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


def _research(ctx: Context, s: Sent, f: Found) -> bool:
    """Is investigation ``f`` a study: its clause names research or a researcher
    (``research.tsv``: "Forscher untersuchten …", "hat der Politikwissenschafter X
    untersucht", "Im Rahmen seiner Dissertation untersuchte …") and none of its sources
    carries a CAMEO code (a court, the police, a government or a state investigates)?"""
    if not f.cameo.startswith("09") or any(_code(ctx, a) for a in f.source):
        return False
    clause = s.segment[f.anchor]
    return any(s.segment[j] == clause and s.toks[j].tag == "NN"
               and ctx.lex.names_research(s.lemma(j)) for j in range(len(s)))


def _measures(ctx: Context, s: Sent, f: Found, args: Args | None) -> bool:
    """Is investigating verb ``f`` finding a figure ("Insgesamt ermittelte ORB 55 Prozent
    für den Verbleib", "der Gutachter, der den Verkaufspreis ermittelte")? Its object is a
    figure or quantity of ``nonagents.tsv``: a measurement, nobody investigated."""
    return f.cameo.startswith("09") and args is not None and any(
        s.toks[o].tag == "NN" and s.lemma(o) in ctx.lex.figures for o in args.obj)


def _code(ctx: Context, aid: str) -> str:
    """The CAMEO code of a linked participant; "" for an unlinked one or none."""
    actor = ctx.actors.get(aid)
    return (actor.cameo or "") if actor is not None else ""


def _armed(ctx: Context, s: Sent, aid: str) -> bool:
    """An armed non-state group: a linked actor coded as rebels or insurgents, or a
    participant named by an agent noun of role REB ("die Rebellen", "Milizionäre")."""
    if not aid.startswith(LOCAL):
        return any(r in _code(ctx, aid) for r in ("REB", "INS"))
    return any(s.local_at[j] == aid and s.toks[j].tag == "NN"
               and ctx.lex.names_armed_group(s.lemma(j)) for j in range(len(s)))


#: words that count people ("Tausende Iraner", "Hunderte Anhänger der Partei")
CROWD_COUNTS = quantifiers("crowd")


def _counted_crowd(s: Sent, aid: str) -> bool:
    """Is every mention of ``aid`` in the sentence a counted crowd ("Tausende Iraner
    protestierten", "Mehrere hundert Türken"): people of a country or a party, not the state
    or the party itself (their "protest" is a demonstration)?"""
    mentions = [j for j in range(len(s)) if aid in s.actors_at[j] or s.local_at[j] == aid]
    return bool(mentions) and all(
        s.toks[j].tag == "NN" and any(
            s.toks[k].tag == "CARD" or s.toks[k].text.lower() in CROWD_COUNTS
            for k in [*s.children[j], j - 1] if 0 <= k < j)
        for j in mentions)


def _organised(s: Sent, aid: str, lex: Lexicon) -> bool:
    """An unlinked participant named by an office or organisation noun ("Die FDP-Fraktion",
    "Die Vorsitzenden des Tierheims"), not a crowd ("rund 7.000 Menschen")."""
    return aid.startswith(LOCAL) and any(
        s.local_at[j] == aid and s.toks[j].tag == "NN" and lex.names_organised(s.lemma(j))
        and not any(s.toks[c].tag == "CARD" for c in s.children[j]) for j in range(len(s)))


def _happens(ctx: Context, s: Sent, f: Found, pos: str) -> bool:
    """An event noun flagged ``occur`` that takes place ("Demonstrationen fanden statt", "es
    kam zu Streiks") or heads a verbless headline ("15 Festnahmen nahe der Elfenbeinküste",
    "Neue Kämpfe im Donbass") is an event without a named actor (PLOVER: PROTEST needs no
    recipient)."""
    if pos != "noun" or "occur" not in f.entry.flags or f.source:
        return False
    if _verbless_head(s, f.anchor):
        return True
    v = _occurrence_verb(ctx, s, f.anchor)
    if v is not None and s.lemma(v) == "geben" and any(
            s.toks[c].tag == "CARD" for c in s.children[f.anchor]):
        return False  # "2014 hatte es 199 Attacken gegeben": a statistic (eval/README)
    return v is not None


def _verbless_head(s: Sent, n: int) -> bool:
    """Is noun ``n`` in the plural the root of a sentence without any verb, as headlines tell
    what happened ("Mehrere Festnahmen an neuem Feiertag", "Anschläge in New York: Terror!")?
    Not a singular noun (a topic label: "Der Anschlag"), not a verbless part of a longer
    sentence (a list, a teaser line), not a number of them ("Insgesamt 459 Angriffe": a
    statistic)."""
    if s.toks[n].head != n or "Number=Plur" not in s.toks[n].morph:
        return False
    return not any(s.toks[j].tag[:1] == "V" or s.toks[j].tag == "ADV" for j in range(len(s)))


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


def _name_after_verb_as_subject(s: Sent, v: int, args: Args) -> None:
    """An active verb the parser left without subject, whose first object is a name right
    after it, reads that name as its subject: in "Am Wahlabend versprach Morales erneut, …"
    the parser takes the fronted time phrase for the subject and the name for the object.
    After a fronted phrase German puts the subject first behind the verb; a name shows no
    case, and an object with an accusative or dative article (``_oblique``) stays one."""
    if args.subj or args.passive or s.toks[v].tag != "VVFIN" or v == 0 or not args.obj \
            or s.toks[v].dep == "conj" or s.toks[v - 1].tag == "KON":
        return  # (a second verb shares the first one's subject: "sieht das anders und
        # spricht H. frei")
    k = args.obj[0]
    if k != v + 1 or (s.toks[k].tag != "NE" and k not in s.persons) or _oblique(s, k) \
            or not any(a not in s.weak_ids for a in actors_of(s, k)):
        return
    args.subj = [k]
    args.obj = args.obj[1:]


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


def _thin(f: Found, pos: str, s: Sent) -> str | None:
    """Precision rules: an actor argument at all; a source for nouns (a noun without its
    agent is background: "der Kampf gegen den IS"); a recipient where PLOVER requires one.
    Returns the rule an event's arguments fail (``no_actor``, ``things``, ``no_source``,
    ``no_target``), None when they are enough."""
    flags = f.entry.flags
    if not f.source and not f.target:
        return "no_actor"
    if all(a in s.things for a in f.source + f.target):
        return "things"  # "Die Tore schossen …", "Die Bombe verwüstete einen Friseursalon"
    if (("needsrc" in flags and "struck" not in f.notes)
            or (pos == "noun" and not _victim(f, s) and "victim" not in f.notes)) \
            and not f.source:
        return "no_source"
    needs_target = "needtgt" in flags or codes.plover_types()[f.plover].requires_recipient
    if "relief" in flags or "relief" in f.notes:  # relief goods or forces sent to a disaster:
        needs_target = False  # the recipients are the people of the stricken area
    if {"call for an act", "court", "ruled out"} & set(f.notes):  # "setzten sich dafür
        needs_target = False  # ein, dass …": a demand; a court's sentence; "schloss eine
        # Koalition aus": what is ruled out is no recipient
    # a target actor, where the entry needs one: not a thing ("kämpft gegen traditionelle
    # Rituale", "Die Würmer hielten sich im Darm fest", "gehen gegen Hetze vor"); the object
    # of an attack may be a place that stands for its people ("eine Tankstelle ausgeraubt")
    place = f.plover == "ASSAULT" and f.entry.frame.target[:1] == ("obj",)
    targets = [a for a in f.target if a not in s.things] \
        if "needtgt" in flags and not place else f.target
    if needs_target and not targets and not ("recip" in flags and len(f.source) > 1):
        return "no_target"
    return None


#: reasons of ``_thin`` that leave an event without its doer
NO_DOER = frozenset({"no_actor", "things", "no_source"})


def _unrated(ctx: Context, s: Sent, f: Found, thin: str,
             triggers: list[tuple[Trigger, int, list[int]]]) -> bool:
    """Events with too few arguments (``_thin``) not worth rating: on general news, what the
    confidence model kept of them were mostly such cases (lab/events.md, 30th–31st passes).
    An investigation of things alone ("untersuchte Daten der LHC-Experimente", "Untersucht
    wurden mehrere Aspekte"): research and routine checks, not an event between actors. An
    injury or death without a doer in a sentence that names an accident or a fire ("bei
    einem schweren Unfall … verletzt", ``accidents.tsv``): nobody inflicted it; a word of
    another trigger is no accident ("als ein Mann einen Bus in Brand steckte": arson), nor is
    a sentence with another attack in it. A withdrawal or halt (CAMEO 087x) with no doer
    and no target but things: nobody is seen to withdraw. ``triggers`` are the sentence's
    (:func:`~lagebild.events.triggers.find_triggers`)."""
    if f.cameo.startswith("09"):
        return thin == "things"
    if f.cameo.startswith("087") and not f.source and all(a in s.things for a in f.target):
        return True  # "Das Gelände wurde geräumt", "wurde der Schulbetrieb eingestellt": a
        # place cleared or an activity halted by nobody named, no side withdrawing
    return thin in NO_DOER and _in_accident(ctx, s, f, triggers)


def _in_accident(ctx: Context, s: Sent, f: Found,
                 triggers: list[tuple[Trigger, int, list[int]]]) -> bool:
    """Is ASSAULT ``f`` an injury or death in a sentence that names an accident or a fire,
    with no other attack in it (:func:`_unrated`)? Also asked of a harm verb with its victims
    and no doer ("Bei einem Verkehrsunfall wurden zwei Menschen getötet"), which has enough
    arguments to be rated."""
    if f.plover != "ASSAULT":
        return False
    accident = [j for j in range(len(s)) if j not in f.tokens and s.toks[j].tag == "NN"
                and ctx.lex.names_accident(s.lemma(j))]
    if not accident:
        return False
    others = [(entry, toks) for entry, anchor, toks in triggers
              if anchor != f.anchor and not _collision_of_things(ctx, s, anchor)]
    if any(entry.plover == "ASSAULT" and entry.pattern.lower() not in ctx.lex.harm_verbs
           for entry, _ in others):
        return False  # "eine Bombe … platziert, bei dessen Absturz … getötet": an attack
        # (other injuries or deaths are no attack: "verletzt und … getötet worden")
    used = {j for _, toks in others for j in toks}
    return any(j not in used for j in accident)


def _collision_of_things(ctx: Context, s: Sent, anchor: int) -> bool:
    """Is trigger ``anchor`` an accident noun whose "zwischen" or "mit" phrase names only
    things ("Bei einem Zusammenstoß zwischen einem Moped und einer Motocrossmaschine"):
    vehicles colliding, not parties clashing ("zwischen Polizei und Demonstranten")?"""
    if s.toks[anchor].tag != "NN" or not ctx.lex.names_accident(s.lemma(anchor)):
        return False
    heads = [c for c in s.children[anchor] if s.prep(c) in ("zwischen", "mit")] or [
        c for c in range(anchor + 1, min(len(s), anchor + 5))  # (hung on the verb)
        if s.toks[c].tag in ("NN", "NE") and s.prep(c) in ("zwischen", "mit")][:1]
    parts = heads + [d for c in heads for d in s.children[c] if s.toks[d].dep == "conj"]
    return bool(parts) and all(
        s.toks[c].tag == "NN" and not s.actors_at[c]
        and (s.local_at[c] is None or s.local_at[c] in s.things) for c in parts)


def _figure_subject(ctx: Context, s: Sent, args: Args | None) -> bool:
    """Is the subject of an active verb (``args``: the verb's; None for a noun) a price, a
    share, a sum or another figure or quantity of ``nonagents.tsv`` ("Die Preise gaben nach",
    "MPS-Aktien gaben 40 Prozent nach", the latter tagged a name)? Then the verb tells how the
    figure moved, not what a party did."""
    return args is not None and not args.passive and any(
        s.toks[j].tag in ("NN", "NE") and s.prep(j) is None and ctx.lex.names_figure(s.lemma(j))
        for j in args.subj)


def _victim(f: Found, s: Sent) -> bool:
    """A conflictual event noun with its target but no agent ("Bombenanschlag auf eine
    Kirche", "Ermittlungen gegen X"): the agent is often unknown, the event still happened.
    The target must be an actor or an agent noun, not any noun ("Kampf gegen den Terror");
    an ongoing state (flag ``ongoing``: "der Krieg gegen den IS") is background without agent."""
    weak = {s.local_at[i] for i in s.weak}
    return (any(a not in weak for a in f.target) and not {"recip", "ongoing"} & f.entry.flags
            and codes.quad_class(f.plover) >= 3)
