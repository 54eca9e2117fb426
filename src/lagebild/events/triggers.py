"""Trigger matching: lexicon entries (single words, compounds, separable verbs, idioms and
light-verb constructions) found in a sentence view (:func:`find_triggers`).
"""

from __future__ import annotations

from lagebild.events.lexicon import (
    NO_EVENT,
    PLURAL_ENDINGS,
    Frame,
    Lexicon,
    Trigger,
    without_umlaut,
)
from lagebild.events.sentence import VERB_TAG_PREFIXES, Sent, _guesses

#: the entry of a reported negative verdict ("die Vertrauensfrage sei unecht"): ACCUSE 111 by
#: the speaker (speech-act fallback) against the predicate's subject (or its owner), who must be
#: someone: "eine Änderung sei völlig unrealistisch" judges a thing, nobody is accused
VERDICT = Trigger("(verdict)", "verb", "ACCUSE", "111", "disapprove", Frame((), ("pred",)),
                  frozenset({"needtgt"}))


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
    # the idiom's subject is its source, so its words are not the verb's only subject: "sollen
    # die Verhandlungen in die Phase treten" does not enter negotiations ("in Verhandlung
    # treten"); beside another subject the parser misread the idiom's noun ("gibt Mitterlehner
    # die Schuld"), and a participle's subject may be a passive's
    subjects = [c for c in s.children[i] if s.toks[c].dep == "nsubj"]
    lone = subjects[0] if len(subjects) == 1 and s.toks[subjects[0]].tag == "NN" \
        and "subj" in entry.frame.source and entry.plover != NO_EVENT \
        and s.toks[i].tag[:2] == "VV" and s.toks[i].tag != "VVPP" else None
    for word in entry.words[:-1]:
        hits = [j for j in sorted(window) if j not in used and j not in matched
                and s.toks[j].tag != "PTKZU"  # "zu verurteilen" needs the preposition
                and j != lone
                and (_gives(s, j, word)
                     or j in s.correlates().get(word, ())  # "darauf bestehen, dass"
                     or _antecedent_gives(s, j, word))]
        if not hits:
            return None
        matched.append(min(hits, key=lambda j: abs(j - i)))
    return matched


def _gives(s: Sent, j: int, word: str) -> bool:
    """Does token ``j`` give an idiom's word, as itself or as the head of a compound ("sein
    Landtagsmandat niederlegen"; by its text where the lemmatizer cut the compound:
    "Schlüsselposten" as "schlüsselposte")?"""
    if s.lemma(j) == word or s.toks[j].text.lower() == word:
        return True
    if s.toks[j].tag != "NN" or len(word) < 4:
        return False
    return any(len(form) > len(word) + 2 and form.endswith(word)
               # "-schaft" is a suffix, not a compound of "Haft": Staatsanwaltschaft
               and not form.endswith("sc" + word)
               for form in (s.lemma(j), s.toks[j].text.lower()))


def _antecedent_gives(s: Sent, j: int, word: str) -> bool:
    """Does relative pronoun ``j`` give an idiom's word by the noun before its comma, past
    the verbs of a clause it was moved behind ("vom Nominierungskomitee vorgeschlagen, das
    von SPÖ und ÖVP besetzt wurde")?"""
    if s.toks[j].tag != "PRELS" or j < 2 or s.toks[j - 1].text != ",":
        return False
    k = j - 2
    while k > 0 and s.toks[k].tag[:2] in ("VV", "VA", "VM"):
        k -= 1
    return s.toks[k].tag == "NN" and _gives(s, k, word)


def _idiom_guesses(idioms: dict[str, list[Trigger]], form: str, lemma: str) -> list[str]:
    """The anchors of idioms of no event among the infinitives a participle's form gives."""
    if "ge" not in form[:-2]:
        return []
    return [g for g in _guesses(form, "VVPP", lemma)
            if any(e.plover == NO_EVENT for e in idioms.get(g, ()))]


def _lone_auxiliary(s: Sent, i: int) -> bool:
    """Is auxiliary ``i`` the only one of the participle it hangs on, so that its perfect
    needs it ("Unbekannte hatten 15-jähriger Schülerin … Gewalt angetan": the phrase the
    parser hung on ``hatten`` does not make it the verb of "Gewalt haben")?"""
    h = s.toks[i].head
    return 0 <= h < len(s) and h > i and s.toks[h].tag == "VVPP" and not any(
        c != i and s.lemma(c) in ("haben", "sein") and s.toks[c].dep.startswith("aux")
        for c in s.children[h])


def find_triggers(s: Sent, lex: Lexicon) -> list[tuple[Trigger, int, list[int]]]:
    """(entry, anchor token, trigger tokens) for every trigger of a sentence; idioms first,
    and a token used by an idiom starts no other trigger."""
    found: list[tuple[Trigger, int, list[int]]] = []
    used: set[int] = set()
    idioms = lex.idioms
    lemmas = s.lemmas
    for i, tok in enumerate(s.toks):
        verb = tok.tag[:2] in VERB_TAG_PREFIXES  # Sent.is_verb without the call
        guessed = False
        if not verb:  # the common case first: no idiom is anchored on this word
            if lemmas[i] not in idioms:
                continue
            names = [lemmas[i]]
        elif lemmas[i] not in idioms and lemmas[i] not in lex.idiom_verb_ends:
            # neither the verb nor one with a particle anchors an idiom, unless a participle
            # the lemmatizer left as it is anchors one of no event ("Arme waren …
            # abgeschlagen"; the verb's own reading takes the others)
            names = [] if lemmas[i] in lex.verbs else _idiom_guesses(
                idioms, tok.text.lower(), lemmas[i])
            if not names:
                continue
            guessed = True
        else:
            names = [lemmas[i]] + [lm for lm, _ in s.verb_lemmas(i)]
            if idioms.keys().isdisjoint(names):
                continue
        if s.toks[i].tag.startswith("VA") and s.toks[i].dep in ("aux", "aux:pass") \
                and (not s.children[i] or _lone_auxiliary(s, i)):
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
            best: tuple[tuple[int, int, int, int], Trigger, list[int]] | None = None
            window: set[int] | None = None
            for entry in idioms.get(name, ()):
                if ("verb" in entry.flags and not verb) or (guessed and entry.plover != NO_EVENT):
                    continue  # "gegen X vorgehen", not the noun: "ein Vorgehen gegen X"
                if not all(s.mentions(word) for word in entry.words[:-1]):
                    continue
                if window is None:
                    window = _idiom_window(s, i)
                others = _idiom_match(s, i, entry, used, window)
                if others is not None:
                    loose = sum(i not in (s.toks[j].head, s.toks[s.toks[j].head].head)
                                for j in others)
                    # a word matched as itself before one matched as a compound's head:
                    # "Warnschüsse abgeben" is "Warnschuss abgeben", not "Schuss abgeben"
                    inexact = sum(lemmas[j] != word and s.toks[j].text.lower() != word
                                  for j, word in zip(others, entry.words, strict=False))
                    key = (-len(entry.words), inexact, loose, sum(abs(j - i) for j in others))
                    if best is None or key < best[0]:
                        best = (key, entry, others)
            if best is None:
                continue
            entry, others = best[1], best[2]
            prt = s.particle(i) if verb else None
            toks = sorted({i, *others, *([prt] if prt is not None else [])})
            if entry.plover != NO_EVENT:  # (an idiom of no event only takes its words)
                found.append((entry, i, toks))
            used.update(toks)
            break
    for i, tok in enumerate(s.toks):
        if i in used:
            continue
        tag = tok.tag
        if tag.startswith("VV"):
            prt = s.particle(i)
            reading = verb_entry(lex, lemmas[i], None if prt is None else lemmas[prt],
                                  tok.text.lower(), tag)
            if reading is not None:
                entry, with_particle = reading
                found.append((entry, i, sorted({i, prt}) if with_particle and prt is not None
                              else [i]))
        elif tag == "NN":
            entries = noun_entry(lex, tok.text.lower(), lemmas[i])
            if entries:
                found.append((entries[0], i, [i]))
        # a reported verdict: "… sei unecht", "sei eine Verletzung" (after the noun's own
        # entry: the sort below keeps that order for one anchor)
        if (tag == "NN" or tag == "ADJD") and lex.judgements.get(lemmas[i]) == "neg" \
                and _reported_copula(s, i):
            found.append((VERDICT, i, [i]))
    return sorted(found, key=lambda f: f[1])


def noun_entry(lex: Lexicon, form: str, lemma: str) -> list[Trigger]:
    """The entries of a noun by its form and rule lemma."""
    # a plural with an entry of its own: "Kämpfe" (fighting), not "Kampf" (struggle)
    entries = (lex.nouns.get(form) if form != lemma else None) \
        or lex.noun_entries(lemma)  # also "Mißhandlung", Swiss "Schiesserei"
    if not entries and form == lemma:  # a plural the lemmatiser left
        for end in PLURAL_ENDINGS:  # ("Rüstungsexporte")
            if form.endswith(end) and len(form) > len(end) + 3:
                stem = form[:-len(end)]
                # with its head's umlaut undone: hyphenated compounds keep their form as
                # lemma ("Extremismus-Vorwürfen", "Grenz-Anschläge")
                entries = lex.noun_entries(stem) or lex.noun_entries(without_umlaut(stem))
                if entries:
                    break
    return entries or []


def verb_entry(lex: Lexicon, lemma: str, particle: str | None, form: str,
                tag: str) -> tuple[Trigger, bool] | None:
    """The lexicon entry a full verb is a trigger of, and whether its particle belongs to
    it; memoised on the lexicon, since it depends on these four words alone."""
    key = (lemma, particle, form, tag)
    memo: dict[tuple[str, str | None, str, str], tuple[Trigger, bool] | None] = lex.memo(
        "verbs")
    if key not in memo:
        memo[key] = _read_verb(lex, lemma, particle, form, tag)
    return memo[key]


def _read_verb(lex: Lexicon, lemma: str, particle: str | None, form: str,
               tag: str) -> tuple[Trigger, bool] | None:
    cands: list[tuple[str, bool]] = [(lemma, False)]
    if particle is not None:
        cands.insert(0, (particle + lemma, True))
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
        # only for an unknown verb form: infinitives guessed from the form (``befreite`` →
        # ``befreien``), particle first (not for an infinitive, whose particle is inside)
        guesses = _guesses(form, tag, lemma)
        if not guesses or tag in ("VVINF", "VVIZU") or particle is None:
            cands = [(g, False) for g in guesses]
        else:
            cands = [c for g in guesses for c in ((particle + g, True), (g, False))]
        if not any(name in lex.verbs for name, _ in cands):  # a strong past form
            # ("erschoss", "brachen … ab"): forms.tsv
            cands = [(pre + inf, p) for inf in lex.strong_infinitives(form) or (
                lex.strong_infinitives(form.replace("ss", "ß"))  # Swiss "liess"
                if "ss" in form else ()) for pre, p in (
                    ([(particle, True)] if particle is not None else []) + [("", False)])]
    for name, p in cands:
        entries = lex.verbs.get(name)
        if entries:
            return entries[0], p
    return None


def _reported_copula(s: Sent, i: int) -> bool:
    """Is ``i`` the predicate of ``sein`` in Konjunktiv (what someone is reported to judge)?"""
    return any(s.toks[c].dep == "cop" and s.lemma(c) == "sein" and "Mood=Sub" in s.toks[c].morph
               for c in s.children[i])
