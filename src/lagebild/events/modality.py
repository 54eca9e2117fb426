"""Modality of a found event: asserted, planned, proposed, alleged, negated or hypothetical,
from modal and speech verbs, negation, conditionals, Konjunktiv II and the lexicon's cues.
"""

from __future__ import annotations

from lagebild.events.findings import Found
from lagebild.events.lexicon import Lexicon
from lagebild.events.sentence import Sent
from lagebild.german import DASHES, DATIVE_CONTROLLERS, WEEKDAYS, infix_zu_infinitives

MODALITY_RANK = {"negated": 5, "hypothetical": 4, "alleged": 3, "proposed": 2, "planned": 1,
                 "asserted": 0}
#: tags that open the phrase a contrastive "nicht … sondern" denies instead of the verb
CONTRASTED_PHRASE_TAGS = frozenset({"ART", "NN", "NE", "PPOSAT", "PDAT", "PIAT", "ADJA",
                                    "CARD", "APPR", "APPRART"})
#: relations of a phrase, not of a clause: a finite verb attached by one is misparsed
MISATTACHED_FINITE_DEPS = frozenset({"amod", "nmod", "obj", "obl", "nsubj", "appos", "iobj"})
KONJ2_STEMS = ("würd", "könnt", "müsst", "dürft")  # Konjunktiv II forms of the modality auxiliaries


def _concessive(s: Sent, j: int) -> bool:
    """"auch wenn", "wenn auch": a concession, mostly of a fact ("auch wenn dies der
    Hauptströmung widerspricht"), not a condition."""
    return s.lemma(j) == "wenn" and any(
        0 <= k < len(s) and s.toks[k].text.lower() == "auch" for k in (j - 1, j + 1))


def _modality(s: Sent, f: Found, host: int | None, lex: Lexicon) -> tuple[str, int | None]:
    """The modality of ``f`` and the governing verb or noun with a cue ("darauf geeinigt,
    Soldaten … zu stellen": planned by ``geeinigt``), None when no governing word has one."""
    a = f.anchor
    governor: int | None = None
    verbal = s.is_verb(a)
    scope = s.complex(a) if verbal else {a} | (s.complex(host) if host is not None else set())
    found: list[str] = []
    adv, det, aux, gov, mark, phrase = (lex.cues(k) for k in ("adv", "det", "aux", "gov",
                                                               "mark", "phrase"))
    deps = s.dependents(scope)
    for j in deps:
        lemma = s.lemma(j)
        if lemma in adv and _on_the_verb(s, j):
            found += [c.modality for c in adv[lemma]]
        if lemma in mark and not _concessive(s, j):
            moods = " ".join(s.toks[k].morph for k in scope)
            found += [c.modality for c in mark[lemma] if c.morph in moods]
    # a conjunction opening the trigger's clause that the parser attached elsewhere
    for j in range(a - 1, -1, -1):
        if s.segment[j] != s.segment[a]:
            break
        if s.toks[j].tag == "KOUS" and s.lemma(j) in mark and not _concessive(s, j):
            moods = " ".join(s.toks[k].morph for k in scope)
            found += [c.modality for c in mark[s.lemma(j)] if c.morph in moods]
    # "Weder RAF noch NSU haben … begangen": "weder … noch" denies the whole clause
    if any(s.segment[j] == s.segment[a] and s.toks[j].text.lower() == "weder"
           for j in range(len(s))):
        found.append("negated")
    # "kein" on the noun trigger, on the trigger verb's object (also one the parser took for
    # an oblique phrase: "wohl keinen Vertrag … schließen") or in a denying phrase ("zu
    # keinem Zeitpunkt"); only in the trigger's own segment: not "(darunter keine
    # Deutschen)", not "… lehnt er ab: Kein Wunder"
    heads = [a] if not verbal else [j for j in deps if s.segment[j] == s.segment[a] and (
        s.toks[j].dep in ("obj", "nsubj:pass")
        or (s.toks[j].dep == "obl" and s.prep(j) is None))]
    phrases = [j for j in deps if s.lemma(j).lower() in phrase and s.segment[j] == s.segment[a]]
    for h in heads + phrases:
        for c in s.children[h]:
            if s.lemma(c) in det:
                found += [cue.modality for cue in det[s.lemma(c)]]
            # "hätten … nicht die notwendigen Genehmigungen beantragt": the parser hangs the
            # verb's "nicht" on the object whose article follows it
            if verbal and h in heads and s.lemma(c) == "nicht" and c + 1 < h \
                    and s.toks[c + 1].tag in ("ART", "PDAT", "PPOSAT") \
                    and s.toks[c + 1].head == h and _on_the_verb(s, c):
                found.append("negated")
    # "Verletzt wurde niemand", "hat nichts unterschrieben": the verb's own argument denies it
    pron = lex.cues("pron")
    for j in deps if verbal else ():  # (not a word of the trigger itself: "halte nichts von")
        if s.toks[j].dep in ("nsubj", "nsubj:pass", "obj") and s.segment[j] == s.segment[a] \
                and j not in f.tokens:
            found += [cue.modality for cue in pron.get(s.lemma(j).lower(), ())]
    # "soll … getötet haben": the tagger often reads the infinitive "haben" as finite; in
    # "soll … erwürgt und entstellt haben" the auxiliary hangs on the last participle
    # (a noun's host verb shares them too: "sollen … ermordet und zwei Sprengstoffanschläge
    # … verübt haben")
    sharer = a if verbal else host
    auxiliaries = scope | _shared_auxiliaries(s, sharer) if sharer is not None else scope
    if sharer is not None:  # not a modal after a dash after the verb, which the parser hung
        # on it ("zu 16 Jahren verurteilt – Staatsanwaltschaft will jetzt 27 Jahre Haft")
        auxiliaries = {c for c in auxiliaries if c <= sharer or not any(
            s.toks[k].text in DASHES for k in range(sharer + 1, c))}
    modal = any(s.toks[c].tag == "VMFIN" for c in auxiliaries)
    joined, verb = set(auxiliaries), a if verbal else host
    if verb is not None:  # the trigger's verb or the verb that carries the trigger noun
        for j in [*s.children[verb], s.toks[verb].head]:
            if j != verb and s.is_verb(j) and "conj" in (s.toks[j].dep, s.toks[verb].dep):
                joined |= s.complex(j)
    perfect = any(s.lemma(c) in ("haben", "sein") and (
        s.toks[c].tag.endswith("INF") or (modal and s.toks[c].text.lower() in ("haben", "sein")))
        for c in joined)
    reported_future = False  # "würde(n)" + infinitive, hypothetical unless reported
    for c in auxiliaries:
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
            elif cue.morph == "initial":  # "Sollten die Rebellen angreifen, …": a condition
                # verb-first "sollte(n)" opening the sentence or a clause; not "soll", which
                # after a comma is mostly verb-second behind a fronted phrase ("Bei dem Besuch,
                # den Erdogan begann, sollen auch Gespräche …")
                if (c == 0 or s.toks[c - 1].tag in ("$,", "$(") or s.toks[c - 1].text == ":") \
                        and not s.is_present_form(c):
                    found.append(cue.modality)
            elif cue.morph == "advice":  # "Die EU sollte die Visapflicht aufheben", "Alfano
                # sollte zurücktreten": advice or a demand, never a report that it happened; a
                # verb-first one is a condition ("initial"), one with a perfect a report
                # a day named with it sets a date: "Er sollte am Mittwoch dem Haftrichter
                # vorgeführt werden" was planned
                day = any(s.toks[j].text.lower() in WEEKDAYS and j > 0
                          and s.toks[j - 1].text.lower() in ("am", "an")
                          and s.segment[j] == s.segment[c] for j in range(len(s)))
                if not perfect and not s.is_present_form(c) \
                        and s.toks[c].text.lower() in ("sollte", "sollten"):
                    found.append("planned" if day else cue.modality)
            elif cue.morph == "present":  # "soll … stattfinden", not "soll … getötet haben"
                # by its form: "Sollten Sie … sprechen" is a condition, not a plan; and where
                # German puts a modal: before the verb or right after it ("stattfinden soll"),
                # not "hingerichtet, unter den Opfern sollen sich …" misparsed
                if not perfect and "Mood=Sub" not in morph and s.is_present_form(c) \
                        and verb is not None and (c < verb or all(
                            s.is_verb(j) for j in range(verb + 1, c))):
                    found.append(cue.modality)
            elif cue.morph == "passive":  # "kann mit Gefängnis bestraft werden": what a law
                # allows or a plan leaves open, not an act; the past "konnte … festgenommen
                # werden" is one (the police caught him); nor "sollen … zurückgeschickt werden
                # können", where "können" is an infinitive the tagger read as finite
                if s.toks[c].tag == "VMFIN" and "Mood=Sub" not in morph \
                        and s.is_present_form(c) and not any(
                            s.toks[o].tag.endswith("FIN") for o in auxiliaries if o != c) \
                        and any(s.lemma(w) == "werden" and s.toks[w].tag == "VAINF"
                                for w in joined):
                    found.append(cue.modality)
            elif not cue.morph or cue.morph in morph:
                found.append(cue.modality)
    # a governing verb or noun: "erwägen ein Vorgehen", "wird beschuldigt, … anzugreifen"
    start = host if host is not None else a
    chain = ([host] if host is not None else []) + s.ancestors(start, 3)
    if verbal and s.toks[a].tag == "VVFIN" and s.toks[a].dep in MISATTACHED_FINITE_DEPS:
        chain = []  # "…, sie brauchen sie: Die Weißhelme … helfen zivilen Opfern": a finite
        # verb the parser hung on a noun heads its own clause, no cue verb above governs it
    for k, g in enumerate([start, *chain[1 if host is not None else 0:]]):
        if s.toks[g].dep == "conj" and s.is_verb(g) and not s.is_zu_infinitive(g) \
                and not infix_zu_infinitives(s.toks[g].text.lower()):
            # "hatten von der Leyen abgelehnt und … Stimmung gegen sie gemacht": a verb
            # coordinated with a cue verb is not governed by it (a zu-infinitive parsed as a
            # conjunct is: "hatten vereinbart, … zurückzuziehen")
            chain = chain[:k + (1 if host is not None else 0)]
            break
    for g in chain:
        names = [s.full_lemma(g), s.lemma(g)] if s.is_verb(g) else [s.lemma(g)]
        hit = [cue.modality for name in names for cue in gov.get(name, ())]
        if g == s.toks[start].head and verbal and s.is_zu_infinitive(a) \
                and s.full_lemma(g) in DATIVE_CONTROLLERS and any(
                c.modality == "negated" for j in s.dependents(s.complex(g))
                for c in adv.get(s.lemma(j), ())):
            hit.append("negated")  # "Es gelang der Armee nicht, die Stadt einzunehmen"
        if hit and "negated" not in hit and s.is_verb(g) and any(
                c.modality == "negated" for j in s.dependents(s.complex(g)) if _on_the_verb(s, j)
                for c in adv.get(s.lemma(j), ())):
            # "haben sich nicht darauf geeinigt, Soldaten … zu stellen", "plant nicht, …
            # zu schicken": what was not agreed or planned is denied
            hit.append("negated")
        if hit and verbal and _own_past(s, a):
            # "sucht den Anfängen zu wehren: Sie hat … 300 Polizisten aufgeboten": an act its
            # own clause reports as done is no proposal or plan of the verb above it
            hit = [m for m in hit if m not in ("proposed", "planned")]
        if hit:
            found += hit
            governor = g
            if reported_future and "planned" in hit and not any(
                    s.lemma(j).lower() in lex.conditions for j in range(len(s))):
                # "kündigte an, die Taliban würden … stürmen": in reported speech "würden"
                # stands for the future of Konjunktiv I; the announcement makes it planned
                found.remove("hypothetical")
            break
    else:
        if verbal and s.is_zu_infinitive(a):  # the parser lost the link: nearest cue left
            for j in range(a - 1, -1, -1):
                names = [s.full_lemma(j), s.lemma(j)] if s.is_verb(j) else [s.lemma(j)]
                hit = [cue.modality for name in names for cue in gov.get(name, ())]
                if hit:
                    found += hit
                    governor = j
                    break
    if not found:
        return "asserted", None
    return max(found, key=lambda m: MODALITY_RANK[m]), governor


def _own_past(s: Sent, v: int) -> bool:
    """Is verb ``v`` in a past of its own: a finite past of the indicative ("bot … auf"), a
    perfect with a finite "haben" ("hat … aufgeboten") or a passive perfect with a finite
    "sein" ("er sei in Brüssel verhaftet worden", reported)?"""
    if s.toks[v].tag == "VVFIN":
        morph = s.toks[v].morph
        return "Mood=Ind" in morph and "VerbForm=Fin" in morph and "Tense=Past" in morph
    comp = [c for c in s.complex(v) if c != v]
    return s.toks[v].tag == "VVPP" and any(
        s.toks[c].tag == "VAFIN" and (s.lemma(c) == "haben" or (
            s.lemma(c) == "sein" and any(s.toks[w].text.lower() == "worden" for w in comp)))
        for c in comp)


def _shared_auxiliaries(s: Sent, v: int) -> set[int]:
    """The auxiliaries and modals that verb ``v`` shares with the verb it is coordinated
    with, when it has no finite verb of its own before it ("soll die Demonstranten festnehmen
    und die Straße räumen": ``soll`` is ``räumen``'s too); empty otherwise."""
    h = s.toks[v].head
    if s.toks[v].dep != "conj" or not 0 <= h < len(s) or h == v or not s.is_verb(h) \
            or s.toks[v].tag not in ("VVINF", "VVPP") \
            or any(s.toks[c].tag.endswith("FIN") and c < v for c in s.complex(v)):
        return set()  # a finite after the verb is the infinitive "haben" misread ("… haben")
    return {c for c in s.complex(h) if c != h}


def _announced(s: Sent, v: int, lex: Lexicon) -> int | None:
    """The verb whose announcement the act of ``v`` is the content of ("kündigte an, …
    vorzugehen", "drohte an, … anzugreifen"): a governing verb up the tree, or for a
    zu-infinitive whose link the parser lost the nearest verb before it; None if none."""
    chain = s.ancestors(v, 3)
    if not chain and s.is_zu_infinitive(v):
        chain = [next((j for j in range(v - 1, -1, -1) if s.is_verb(j)), v)]
    return next((g for g in chain if s.is_verb(g) and s.full_lemma(g) in lex.announce_verbs),
                None)


def _on_the_verb(s: Sent, j: int) -> bool:
    """Does the adverb at ``j`` bear on the verb, not only on a phrase: not "nicht nur" /
    "nicht allein" and not a "nicht" that "sondern" replaces (:func:`_contrasted`)?"""
    return not (j + 1 < len(s) and s.lemma(j + 1) in ("nur", "allein")) \
        and not _contrasted(s, j)


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
    bisher immer abgelehnt", "lehnt grundsätzlich ab")? Not "immer wieder" (repeated acts),
    nor "immer mehr" or "immer" before any comparative ("immer schärfer kritisiert", "auf
    immer größere Kritik gestoßen": a growing act, not a fixed stance; "lehnt grundsätzlich
    weitere Forderungen ab" stays a stance)."""
    return any(s.segment[j] == s.segment[v] and s.lemma(j) in lex.position_adverbs
               and not (j + 1 < len(s) and (s.lemma(j + 1) in ("wieder", "mehr", "noch")
                                            or (s.lemma(j) == "immer"
                                                and "Degree=Cmp" in s.toks[j + 1].morph)))
               for j in range(len(s)))


def _konj2(s: Sent, c: int) -> bool:
    """Is auxiliary ``c`` in Konjunktiv II (``würde``, ``könnte``: hypothetical), not in
    Konjunktiv I (``werde``, ``könne``: reported speech, which the tagger marks alike)?"""
    return "Mood=Sub" in s.toks[c].morph and s.toks[c].text.lower().startswith(KONJ2_STEMS)
