"""Find event triggers and their arguments in a parsed article, then write ``Event`` objects.

Finding (:func:`find`, :func:`find_in_sentence`) and writing
(:func:`lagebild.events.writer.write`) are separate: :class:`lagebild.events.findings.Found` is
everything the coder decided about one trigger in terms of sentence and token indices; the writer
turns it into the typed model with offsets, codes and scores.

The parser is a small in-house model; its attachments and case labels are often wrong, so every
argument rule (:mod:`lagebild.events.arguments`) has a dependency reading first and a word-order
or morphology fallback second (documented where they are). Precision comes first: no event
without a trigger and an actor (:mod:`lagebild.events.filters`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from lagebild.events import codes, confidence, gate
from lagebild.events.arguments import (
    Args,
    _clause_subject,
    _deep_target,
    _fill,
    _headline_passive,
    _host,
    _receives,
    _state_passive,
    _subject_actors,
    actors_of,
    verb_args,
)
from lagebild.events.filters import (
    CONTENT_TAKERS,
    MATERIAL_ACTS,
    STANCE_TYPES,
    _agentless_passive,
    _animal,
    _armed,
    _attack_among_politicians,
    _blamed,
    _calls_for_act,
    _classifies,
    _company_news,
    _counted_crowd,
    _counts_victims,
    _court,
    _drop_contents,
    _figure_subject,
    _force,
    _happens,
    _imperative,
    _in_accident,
    _in_aside,
    _in_future,
    _in_words,
    _intransitive,
    _lifts_restriction,
    _measures,
    _meets,
    _name_after_verb_as_subject,
    _natural_cause,
    _object_as_subject,
    _obliged,
    _occurrence_verb,
    _official,
    _organised,
    _own_act,
    _party_ruling_out,
    _polar_question,
    _presupposed,
    _reflexive,
    _research,
    _scheduled,
    _shows_something,
    _sports_article,
    _sports_report,
    _states_content,
    _supplies_goods,
    _thin,
    _threatens,
    _unrated,
    _unreal,
    _verdict,
    _victims,
    _wished_for,
    _with_goods,
)
from lagebild.events.findings import Context, Found, context
from lagebild.events.lexicon import Lexicon, load_lexicon
from lagebild.events.modality import (
    _announced,
    _conditional,
    _future,
    _modality,
    _own_past,
    _standing,
)
from lagebild.events.screen import may_hold_trigger
from lagebild.events.sentence import LOCAL, Sent
from lagebild.events.triggers import VERDICT, find_triggers, noun_entry
from lagebild.events.writer import write
from lagebild.model import Article, Event

#: CAMEO "attack cybernetically": an attack on computers is PLOVER COERCE, mode cyber
CYBER_ATTACK = "176"
#: CAMEO "reject, not specified": ruling something out ("schloss eine Koalition aus")
RULE_OUT = "120"
#: PLOVER types whose event a speaker performs by saying it (source = speaker when missing)
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "AGREE"})
#: material force announced by its agent (verbs.tsv role `announce`) becomes a threat of it
#: (CAMEO 137 repression, 138 military force)
ANNOUNCED_FORCE = {"ASSAULT": "138", "COERCE": "137"}
#: types that sports reports borrow (shooting, attacking, hitting, meeting an opponent)
SPORT_SENSES = frozenset({"ASSAULT", "CONSULT"})
#: prepositions of circumstance: an event noun after them is presupposed, not reported
CIRCUMSTANCE_PREPS = frozenset({"nach", "vor", "seit", "während", "wegen", "trotz", "infolge",
                                "anlässlich", "angesichts", "aufgrund", "bei"})
#: types of a noun that is a demand or proposal (rejected when judged negatively)
PROPOSALS = frozenset({"REQUEST", "AGREE"})
#: types of an act whose blocking is a refusal, not an obstruction ("blockiert die Einigung")
COOPERATIVE_ACTS = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "COOPERATE", "AID"})
#: prepositions of direction: "lenkte in die Herrengasse ein" is steering (flag ``nodir``)
DIRECTIONS = frozenset({"in", "auf", "nach", "zu", "an", "über"})


def _pushed_into(s: Sent, args: Args) -> bool:
    """Does a verb with no "auf" phrase (what is urged) have an "in" phrase of direction: a
    common noun after a bare "in", with no article or one that is not dative ("in
    Passivität", "in die Defensive"; not "in der Sitzung", "in Innsbruck")?"""
    return "auf" not in args.pps and any(
        s.toks[j].tag == "NN" and any(s.toks[c].text.lower() == "in" for c in s.children[j])
        and not any(s.toks[c].tag == "ART" and "Case=Dat" in s.toks[c].morph
                    for c in s.children[j])
        for j in args.pps.get("in", ()))


def _sein_perfect(s: Sent, v: int) -> bool:
    """Does verb ``v`` form its perfect with "sein" and no passive "werden" ("war … auf ihre
    Fahrbahn geschossen", not "wurde … angeschossen" nor "hat geschossen")?"""
    auxes = {s.lemma(c) for c in range(len(s))  # (the parser may hang "war" elsewhere)
             if s.segment[c] == s.segment[v] and s.toks[c].tag.startswith("VA")}
    return s.toks[v].tag == "VVPP" and auxes == {"sein"}


#: what ends a quotation or a clause before a speech verb ("…, gestand der Norweger")
QUOTE_ENDS = frozenset({",", "“", '"', "»", "«"})


def _inside_quotation(s: Sent, k: int) -> bool:
    """Does token ``k`` stand in German quotation marks: the last mark before it opens
    ("„Es wird viel zu schnell der Stab über sie gebrochen"; a straight `"` may close one:
    "durch eine „rechtswidrige Handlung" zur Last gelegt")?"""
    marks = [t.text for t in s.toks[:k] if t.text in ("„", "“", "»", "«", '"')]
    return bool(marks) and marks[-1] in ("„", "»")


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


def _voiced(s: Sent, n: int) -> bool:
    """Is event noun ``n`` what a clause says there is ("Es gebe ernsthafte Zweifel",
    "gebe es Bedenken"): the object of ``geben`` with the expletive ``es``? In a statement such
    a noun is the speaker's own doubt or demand."""
    h = s.toks[n].head
    return (0 <= h < len(s) and h != n and s.lemma(h) == "geben"
            and any(s.toks[c].text.lower() == "es" for c in s.children[h]))


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
    instruments = [ins for ins in ctx.lex.instruments if ins.plover == f.plover]
    phrase = s.descendants(f.anchor, 3)  # once: not per token
    for j in range(len(s)):
        if s.segment[j] != s.segment[f.anchor] and j not in phrase:
            continue
        lemma = s.lemma(j)
        for ins in instruments:
            if ins.matches(lemma):
                dist = abs(j - f.anchor)
                if best is None or dist < best[0]:
                    best = (dist, ins.mode, ins.cameo)
    if best is not None:
        f.mode, f.cameo = best[1], best[2]


def _cyber(ctx: Context, s: Sent, f: Found) -> bool:
    """Does the attack's own phrase name a cyber target or means (``cyber.tsv``): "ein
    Angriff auf das Computernetzwerk", "Websites … mit DDoS-Angriffen attackiert"?"""
    phrase = s.descendants(f.anchor, 3)
    k = f.anchor + 1
    if k < len(s) and s.lemma(k) in ("auf", "gegen"):
        # "einen Angriff auf das Computernetzwerk … entdeckt": the parser often hangs the
        # noun's target on the verb; the phrase right after the noun is its target all the same
        while k < len(s) and s.segment[k] == s.segment[f.anchor] and s.toks[k].tag != "NN":
            k += 1
        phrase.add(k)
    return any(j < len(s) and s.toks[j].tag in ("NN", "NE") and ctx.lex.names_cyber(s.lemma(j))
               for j in phrase)


def find_in_sentence(ctx: Context, s: Sent) -> list[Found]:
    out: list[Found] = []
    sports: bool | None = None  # is the sentence a sports report (asked at most once)
    triggers = find_triggers(s, ctx.lex)
    for entry, anchor, toks in triggers:
        pos = "noun" if s.toks[anchor].tag == "NN" else "verb"
        ruling: list[str] = []
        f = Found(entry, s.index, anchor, toks, plover=entry.plover, cameo=entry.cameo,
                  mode=entry.mode)
        if "judge" in entry.flags:  # "bezeichnete … als unrealistisch": only with a verdict
            verdict = _verdict(s, anchor, ctx.lex)
            if verdict is None:
                continue
            if verdict == "pos":
                f.plover, f.cameo, f.mode = "SUPPORT", "051", ""  # praise
            elif verdict == "dismiss":  # "nannte den Bericht eine Zeitungsente": rejected
                f.plover, f.cameo, f.mode = "REJECT", "120", ""
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
        elif args is not None and entry.pos == "verb":
            _name_after_verb_as_subject(s, anchor, args)
        if pos == "verb" and _imperative(s, anchor):
            continue  # "Sperrt ihn ein!, fordert ein Bub": a command, not an act
        if pos == "verb" and entry.plover in STANCE_TYPES and _standing(s, anchor, ctx.lex):
            continue  # "lehnt den Beitritt grundsätzlich ab": a standing position
        if "nostate" in entry.flags and args is not None and _state_passive(s, anchor, args):
            continue  # "dass er bewaffnet sei": a state, not the act of arming
        if "refl" in entry.flags and pos == "verb" and not _reflexive(s, anchor):
            continue  # "drei Spieler wurden verpflichtet", "sind verpflichtet": no pledge
        if "norefl" in entry.flags and s.has_reflexive(anchor):
            continue  # "um sich der Affäre zu entziehen": another verb
        if "expel" in entry.flags and args is not None and not args.pps.keys() & {"aus", "von"}:
            # expelled "aus der Partei"; without such a phrase something is ruled out: a
            # refusal when a party does it ("schloss den Eintritt in die Regierung aus"),
            # nothing when it is denied ("schloss Verschärfungen nicht aus")
            ruling = _party_ruling_out(ctx, s, anchor, args)
            if not ruling:
                continue
            f.plover, f.cameo, f.mode = "REJECT", RULE_OUT, ""
        if pos == "verb" and f.plover in MATERIAL_ACTS and _states_content(s, anchor):
            continue  # "halten … fest, dass …": a statement, no detention
        if args is not None and (("an" in args.pps and not args.obj) or any(
                s.toks[c].text.lower() in ("daran", "dran") for c in s.children[anchor])) \
                and any(v in ctx.lex.join_verbs for v, _ in s.verb_lemmas(anchor)):
            continue  # "hielt an der Kritik fest": holding to an act (its noun is the
            # event, with this subject as its source), no detention; one with a detainee
            # stays ("hielt den Mann am Montag fest", "wurde am Flughafen festgehalten");
            # "hält daran fest, … zu lassen" holds to a plan
        if args is not None and "lightobj" in entry.flags and any(
                s.toks[j].tag == "NN" and not ctx.lex.is_participant(s.toks[j].lemma)
                and not s.actors_at[j] for j in args.obj):
            continue  # "eine Entscheidung treffen": a light verb, no meeting
        if f.plover in SPORT_SENSES:
            if sports is None:
                sports = _sports_report(ctx, s.index)
            if sports or (pos == "verb" and _sports_article(ctx)):
                continue  # "schießt aus kurzer Distanz weit drüber", "trifft zum 3:2"; in a
                # sports article also "Die Belgier empfangen die Russen" (a verb: nouns such as
                # "Anschlag" there still report attacks off the pitch)
        if "threat" in entry.flags and args is not None \
                and not _threatens(s, anchor, args, ctx.lex):
            continue  # "Ihnen drohen Geldstrafen", "droht zu scheitern": looming, no threat
        if "meet" in entry.flags and args is not None and not _meets(s, anchor, args, ctx.lex):
            continue  # "Suarez trifft viermal", "traf die Stange", "trifft auf Zenit"
        if "needsrc" in entry.flags and _figure_subject(ctx, s, args):
            continue  # "Die Preise gaben im Mai nach", "MPS-Aktien gaben 40 Prozent nach": a
            # figure moved, no party acted
        if "goods" in entry.flags and not _supplies_goods(
                s, anchor, args, toks, ctx.lex, military=f.plover in ("MOBILIZE", "RETREAT")):
            continue  # "liefert den Beweis", "lieferten sich einen Schlagabtausch"; forces
            # are sent or withdrawn, not money ("Geld vom Konto abgezogen")
        if "restriction" in entry.flags and not _lifts_restriction(s, anchor, args, ctx.lex):
            continue  # "die Sperrung des Bahnhofs wurde aufgehoben", "gut aufgehoben"
        if "ownact" in entry.flags and not _own_act(s, anchor, args):
            continue  # "bedauerte, dass Israel den Berichterstatter nicht reisen ließ"
        if "noquote" in entry.flags and anchor > 0 and s.toks[anchor - 1].text in QUOTE_ENDS \
                and any(s.is_verb(j) for j in range(anchor - 1)):
            continue  # "Da habe ich viel Speed mitgenommen, gestand der Norweger": speech
        if "nodir" in entry.flags and args is not None and args.pps.keys() & DIRECTIONS:
            continue  # "lenkte in die Herrengasse ein": steering, not yielding
        if "nosein" in entry.flags and pos == "verb" and _sein_perfect(s, anchor):
            continue  # "als ein Raser auf ihre Fahrbahn geschossen war": moving, no firing
        if "noabout" in entry.flags and args is not None and "über" in args.pps:
            continue  # "klagten viele Lehrer über Überlastung": complaining, no lawsuit
        if "nointo" in entry.flags and args is not None and _pushed_into(s, args):
            continue  # "werden Frauen in Passivität gedrängt": pushed into a state, no demand
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
        if len(toks) > 1:  # "Dagegen regt sich nun Widerstand": the idiom's own noun is not
            # its doer, whatever slot took it (it may be its recipient: "Geiseln genommen");
            # forces may be ("9.000 Soldaten wurden … beordert", ``forces.tsv``)
            own = {s.local_at[j] for j in toks if s.local_at[j] is not None
                   and not any(stem in s.lemma(j) for stem in ctx.lex.forces)}
            taken = [a for a in f.source if a in own]
            f.source = [a for a in f.source if a not in own]
            if taken and not f.target and "obj" in entry.frame.target:
                f.target = taken  # "Der dritte Attentäter … ist längst gefasst" ("Täter
                # fassen"): the idiom's noun in the object slot is whom it befalls
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
        if ruling:  # the party ruling out, nothing as its target (_party_ruling_out)
            f.source, f.target, fb1, fb2 = ruling, [], False, False
            f.notes.append("ruled out")
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
        if "verbal" in entry.flags and any(
                (_official(ctx, a) or _organised(s, a, ctx.lex)) and not _counted_crowd(s, a)
                for a in f.source):
            f.plover, f.cameo, f.mode = "ACCUSE", "114", "disapprove"  # a diplomatic protest
        if "words" in entry.flags and (_in_words(s, anchor, ctx.lex)
                                       or _attack_among_politicians(ctx, s, f)):
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
        f.modality, governor = _modality(s, f, host if occurs is None else occurs, ctx.lex)
        if f.modality == "asserted" and _polar_question(s, anchor if host is None else host):
            f.modality = "hypothetical"  # "Wurde Rich gezielt ermordet?" asks, not tells
        if f.modality == "asserted" and f.plover != "AGREE":  # a promise is already intent
            when = host if host is not None else anchor if pos == "verb" \
                else occurs if occurs is not None else _occurrence_verb(ctx, s, anchor)
            # a date after publication told in a past ("leitete die Justiz im April dieses
            # Jahres Verfahren ein" dated 1 January) is a date misread, not a plan
            # (of the trigger verb or the verb its noun took place by, "Verhandlungen …
            # scheiterten"; not of a verb that carries the noun: "hat seinen Rücktritt mit
            # Wirkung zum 21. November verkündet" announces a resignation ahead)
            past = when is not None and host is None and (_own_past(s, when) or (
                s.toks[when].tag == "VVFIN" and "Tense=Past" in s.toks[when].morph))
            if (_in_future(ctx.article, s, anchor) and not past) or (
                    when is not None and _scheduled(s, when)):
                f.modality = "planned"  # "findet am 10. Juli statt" in an article of 2 July
        f.statement = _statement_of(ctx.article, s.toks[anchor].start)
        if pos == "verb" and f.plover not in CONTENT_TAKERS and _obliged(s, anchor):
            # "die EU solle die Visapflicht aufheben", "müsse übergeben werden": the act is
            # what someone demands of its agent, a REQUEST by the speaker, not an event
            f.target = f.source + [a for a in f.target if a not in f.source]
            f.source = []
            f.plover, f.cameo, f.mode, f.modality = "REQUEST", "100", "", "asserted"
            f.notes.append("demanded")
        if not f.source and f.plover in SPEECH_ACT_TYPES and (
                pos == "verb" or _voiced(s, anchor)):
            # a verb, or a noun the speaker says exists ("Es gebe ernsthafte Zweifel an …"):
            # another event noun in a quotation ("die Ermittlungen", "die Einigung im
            # Atomstreit") is mostly someone else's act, rarely the speaker's
            speaker: list[str] = []
            said = ctx.article.statements[f.statement] if f.statement is not None else None
            # a passive in the speaker's own quoted words hides its agent: "„Es wird viel zu
            # schnell der Stab über sie gebrochen“, sagte Merz" is no judgement of his (told
            # indirectly, "Gegen den Ehemann werde ermittelt, sagte Staatsanwalt Franke", the
            # speaker is mostly the agent)
            hidden = args is not None and args.passive and (
                _inside_quotation(s, anchor) or (said is not None and said.type == "Direct"))
            if said is not None and not hidden:
                party = said.speaker
                if party is not None and party.actor is not None and party.actor.id:
                    speaker = [party.actor.id]
            elif said is None and not hidden and not ctx.article.statements:
                speaker = _speaker_fallback(ctx, s)
            f.source = [a for a in speaker if a not in f.target]
            if f.source:
                f.confidence -= 0.15
                f.notes.append("source: speaker")
        if pos == "noun" and (_unreal(s, anchor, ctx.lex) or _blamed(s, anchor)
                              or _presupposed(ctx, s, anchor, host)):
            continue  # "warnte vor Anschlägen", "jährte sich der Anschlag": not an event
        if pos == "noun" and codes.quad_class(f.plover) >= 3 and all(
                a in s.weak_ids for a in f.target):  # none, or only things ("auf einen Markt")
            victims = [a for a in _victims(s, anchor, ctx.lex) if a not in f.source]
            if victims:  # the text names who it befell: the event happened to them
                f.target = victims + f.target
                f.notes.append("victim")
        if pos == "verb" and f.plover == "ASSAULT" and not f.source and args is not None \
                and args.passive and _struck(s, args, ctx.lex):
            f.notes.append("struck")  # "von mehreren Schüssen getroffen und verletzt": an
            # attack whose doer is unnamed, no accident
        if f.plover == "SANCTION" and not f.target and (pos == "verb" or s.prep(anchor) is None) \
                and any(_court(ctx, a) for a in f.source):
            f.notes.append("court")  # "verhängte eine Gefängnisstrafe": the sentenced is
            # mostly named before; a court's sentence is an event without them
        if f.mode == "visit" and f.target and all(a in s.things for a in f.target):
            continue  # "hatten einen Freizeitpark besucht", "keine Schule besucht": a place
            # or an institution one goes to, not a party received or called on
        thin = _thin(f, pos, s)
        if thin is not None and not _happens(ctx, s, f, pos) \
                and not _agentless_passive(s, f, args, ctx.lex) \
                and not (host is not None and _agentless_passive(
                    s, f, verb_args(s, host), ctx.lex, at=host)):
            if not ctx.keep_thin or _unrated(ctx, s, f, thin, triggers):
                continue
            f.thin = thin  # too few arguments: the confidence model decides (rated events)
        if f.source and all(_animal(ctx, s, a) for a in f.source):
            continue  # "Biber zerstört Geschäft", "die Bärin … angegriffen": no actor acts
        if f.target and all(_animal(ctx, s, a) for a in f.target):
            continue  # "Familie rettet Wal", "Jäger erschoss einen Bären": no actor is acted on
        if _research(ctx, s, f) or (pos == "verb" and _measures(ctx, s, f, args)):
            continue  # "Forscher untersuchten die Kampfentscheidungen von 81 Männchen": a
            # study, not an investigation of anyone; "ermittelte 55 Prozent": a figure
        if all(a.startswith(LOCAL) for a in f.source) and pos == "verb" and (
                _natural_cause(ctx, s, args) or (
                s.toks[anchor].dep == "conj" and s.is_verb(s.toks[anchor].head)
                and _natural_cause(ctx, s, verb_args(s, s.toks[anchor].head)))):
            continue  # "von einem Baum erschlagen", "Das Schwein soll … erwürgt haben";
            # the agent of the verb it is coordinated with: "von einem Blitz getroffen und
            # leicht verletzt"
        if not f.source and pos == "verb" and s.lemma(anchor) in ctx.lex.harm_verbs \
                and _in_accident(ctx, s, f, triggers):
            continue  # "bei einem Verkehrsunfall … getötet": nobody inflicted it
        if f.plover == "REQUEST" and pos == "verb" and f.source and all(
                a.startswith(LOCAL) and a[1:].lower().startswith(ctx.lex.rallies)
                for a in f.source):  # eval/README: demands made by a demonstration
            f.plover, f.cameo, f.mode = "PROTEST", "141", "demo"  # ("Die Demonstranten
            # skandierten Slogans und verlangten höhere Entschädigungen")
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
        announcer = _announced(s, anchor if host is None else host, ctx.lex) \
            if f.modality == "planned" and f.plover in ANNOUNCED_FORCE and f.source else None
        if announcer is not None:
            # "kündigte an, militärisch gegen Stellungen der Taliban vorzugehen", "die Taliban
            # würden … Gefängnisse stürmen": force announced by its agent is a threat (CAMEO
            # 137/138); a plan told of someone ("wollte … töten") stays the act, planned
            f.notes.append(f"announced: {f.plover} → THREATEN")
            f.plover, f.cameo = "THREATEN", ANNOUNCED_FORCE[f.plover]
            f.mode, f.modality = "", "asserted"
            f.dated_by = announcer  # the threat is made when it is announced
        if f.modality in ("planned", "proposed"):
            to = ctx.lex.intent_code(f.plover, f.cameo)
            if to:
                f.notes.append(f"intent: {f.plover} → {to[0]}")
                f.plover, f.cameo = to
                f.mode = ""
                f.dated_by = governor  # "einigten sich heute, … zu stellen": the intent's day
        if _company_news(ctx, s, f):
            continue  # "Tchibo kooperiert mit einem Inselmakler": no political event
        if f.plover in ("ASSAULT", "AID", "MOBILIZE"):
            _instrument(ctx, s, f)
        if f.plover == "ASSAULT" and _cyber(ctx, s, f):
            f.plover, f.mode, f.cameo = "COERCE", "cyber", CYBER_ATTACK
        f.location = _location(ctx, s, f, host)
        if not f.target or not f.source:
            f.confidence -= 0.1
        out.append(f)
    solid = _settle(s, [f for f in out if f.thin is None])
    if any(f.thin is not None for f in out):
        # events with too few arguments pass the same sentence rules on copies, with every
        # other event as context; the events without them come out exactly as before
        copies = [replace(f, source=list(f.source), target=list(f.target),
                          notes=list(f.notes)) for f in out]
        solid += [f for f in _settle(s, copies) if f.thin is not None]
    return _dedupe(solid)


def _settle(s: Sent, out: list[Found]) -> list[Found]:
    """The rules over a sentence's events together: background, contents, asides."""
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
    return out


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


def find(article: Article, lex: Lexicon | None = None) -> list[Found]:
    """Every event trigger with its arguments in ``article`` (needs sentences and actors)."""
    return _find_all(context(article, lex))


def _find_all(ctx: Context) -> list[Found]:
    """What the rules find in every sentence that may hold a trigger at all."""
    views = ctx.sents
    return [f for i in range(len(views))
            if may_hold_trigger(views.tokens[i], views.lemmas[i], ctx.lex)
            for f in find_in_sentence(ctx, views[i])]


def candidates(article: Article, lex: Lexicon | None = None,
               thin: bool = True) -> list[tuple[Event, str | None]]:
    """The events the rules find in ``article``, before the confidence step, each with the
    argument rule it fails (``filters._thin``; None for events with enough arguments). With
    ``thin=False`` such events are left out, as the rules alone decide."""
    ctx = context(article, lex)
    ctx.keep_thin = thin
    found = _find_all(ctx)
    return [(e, f.thin) for e, f in zip(write(article, found, ctx), found, strict=True)
            if gate.keep(article, e)]


def _struck(s: Sent, args: Args, lex: Lexicon) -> bool:
    """Is the agent of passive ``args`` (its subject, the "von" or "durch" phrase) an attack
    or a weapon ("von mehreren Schüssen getroffen", "durch einen Messerstich verletzt"), not
    who did it?"""
    return any(s.toks[j].tag == "NN" and (
        any(t.plover == "ASSAULT" for t in noun_entry(lex, s.toks[j].text.lower(), s.lemma(j)))
        or lex.names_goods(s.lemma(j), military=True))
        for j in [*args.subj, *args.pps.get("von", []), *args.pps.get("durch", [])])


def code_article(article: Article, lex: Lexicon | None = None, rate: bool = True) -> Article:
    """Fill ``article.events`` (replacing what was there). With ``rate`` (the default) each
    event's confidence comes from the learned model and the least likely are left out
    (``confidence.py``), events with too few arguments by a threshold of their own;
    without, the rules alone decide (training reads the events before that step)."""
    if not rate:
        article.events = [e for e, _ in candidates(article, lex, thin=False)]
        return article
    found = candidates(article, lex)
    article.events = confidence.rate(article, [e for e, _ in found], thin=[t for _, t in found])
    return article


def code_many(articles: Iterable[Article]) -> Iterator[Article]:
    lex = load_lexicon()
    for article in articles:
        yield code_article(article, lex)
