"""Parse and tagger repairs applied before any rule reads a sentence, and the builder of the
sentence views (:class:`SentViews`).

The parser is a small in-house model; its attachments and tags are often wrong in ways that
lose events (a verb read as a noun, a name hung on the wrong word). Each repair fixes one such
pattern on a copy of the tokens; the article's own layer is never changed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import overload

from lagebild.actors.speakers import framed_quotes
from lagebild.events.lexicon import Lexicon
from lagebild.events.sentence import (
    DETERMINER_TAGS,
    LOCAL,
    PREP_TAGS,
    Participants,
    Sent,
    _guesses,
    _rule_lemma,
    attribution_tokens,
    dateline_end,
    label_tokens,
)
from lagebild.german import (
    DATIVE_CONTROLLERS,
    DOUBLE_QUOTES,
    SEPARABLE_PARTICLES,
    third_person_number,
)
from lagebild.model import Article, Entity, Sentence, Token

#: a verb's core arguments, which a genitive name before a noun is taken for
CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
#: ignored actor mentions: parts of compounds ("Syrien-Konflikt") name no participant
SKIP_MENTION_KINDS = frozenset({"part"})
#: personal pronouns that name a participant when coreference left them unlinked
PERSONAL_PRONOUNS = frozenset({"er", "sie", "ich", "wir", "ihn", "ihm", "ihr", "ihnen"})
#: indefinite and demonstrative pronouns that stand for people ("die beiden werden beschuldigt")
GROUP_PRONOUNS = frozenset({"beide", "andere", "einige", "mehrere", "viele", "diese", "dieser",
                            "jene", "jener"})


#: the first person singular: in a direct quotation, its speaker
FIRST_PERSON = re.compile(r"\b(?:ich|mich|mir)\b", re.IGNORECASE)


def _actor_index(article: Article) -> list[tuple[int, int, str]]:
    spans = [(m.start, m.end, a.id) for a in article.actors for m in a.mentions
             if m.kind not in SKIP_MENTION_KINDS]
    spans += [(e.start, e.end, e.actor) for e in article.entities
              if e.actor and e.subtype != "part"]
    # "„Ich habe mit der Kanzlerin … gesprochen“, sagte … Horst Seehofer": the speaker talked
    spans += [(m.start(), m.end(), actor)
              for actor, quotes in framed_quotes(article).items() for start, end in quotes
              for m in FIRST_PERSON.finditer(article.text, start, end)]
    return sorted(set(spans))


NOMINALISING = frozenset({"ART", "PDAT", "PIAT", "PPOSAT", "CARD"})
NOMINALISING_OR_ADJECTIVE = NOMINALISING | {"ADJA"}


#: an adjective's suffix with an inflection ("mutmaßlicher", "vergangenes", "hiesige"): a
#: capitalised word so ending before a noun at the start of a sentence is an attribute
CAPITALISED_ADJECTIVE_ENDINGS = tuple(
    stem + ending for stem in ("lich", "ig", "isch", "gen", "sam", "bar", "haft")
    for ending in ("e", "er", "es", "en", "em"))


def _retagged(tokens: list[Token]) -> list[Token]:
    """Tagger errors corrected. Nominalised adjectives and participles read as nouns: the
    tagger often leaves "der 63-Jährige", "zwei Verletzte", "die beiden Entführten" as
    adjectives, and an adjective is no argument; a capitalised adjective after a determiner
    or number (capitalised only at the start of the sentence: "Der 23-Jährige wurde …") and
    before no noun is the head of its phrase. A separable verb's plain
    infinitive tagged as zu-infinitive ("wird die Demonstranten festnehmen" as VVIZU, which
    made the subject an object) is a plain infinitive unless an inner "zu" makes it one
    ("festzunehmen", "zurückzuziehen"). A "finite verb" that a passive "werden" hangs on is a
    participle. A finite verb between an article and an adjective is an
    adverb ("der verdammt unfairen Politik"); an article after a comma that the parser made a
    participant is a relative pronoun; "als" opening a clause that ends in a verb is a
    conjunction."""
    out = list(tokens)
    for i, t in enumerate(tokens):  # one pass: this runs on every token of every sentence
        tag = t.tag
        if tag == "VVIZU":
            if "zu" not in t.text.lower()[2:]:
                out[i] = t.model_copy(update={"tag": "VVINF"})
            continue
        if i == 0 and tag == "NN" and len(tokens) > 1 and tokens[1].tag == "NN" \
                and t.text.lower().endswith(CAPITALISED_ADJECTIVE_ENDINGS):
            # the reverse at a headline's start: "Mutmaßlicher Händler … festgenommen",
            # "Vergangenes Jahr hatte … verboten": an inflected adjective before its noun
            out[i] = t.model_copy(update={"tag": "ADJA", "pos": "ADJ", "dep": "amod",
                                          "head": 1})
            if t.head != 1 and t.dep not in ("amod", "compound"):
                # the noun takes the role the parser gave the adjective ("Mutmaßlicher
                # US-Serienmörder zum Tode verurteilt": the subject, the noun an "aux")
                out[1] = tokens[1].model_copy(update={"dep": t.dep, "head": t.head})
            continue
        if tag == "VVFIN" and t.text.lower().endswith(("t", "en")) and any(
                o.head == i and o.dep == "aux:pass" and o.lemma == "werden" for o in tokens):
            # a participle the tagger took for a finite verb though its passive "werden"
            # hangs on it ("Husam M. wurde in Syrien … verstümmelt"): its subject is the
            # patient
            out[i] = t.model_copy(update={"tag": "VVPP", "morph": "VerbForm=Part"})
            continue
        if tag == "VVFIN" and 0 < i < len(tokens) - 1 and tokens[i + 1].tag == "ADJA" \
                and tokens[i - 1].tag in DETERMINER_TAGS:
            # between an article and its adjective a "verb" is an intensifier: "wegen der
            # verdammt unfairen Politik" (no condemnation)
            out[i] = t.model_copy(update={"tag": "ADV", "pos": "ADV", "dep": "advmod",
                                          "head": i + 1})
            continue
        if t.text.lower() == "als" and tag in ("APPR", "KOKOM") \
                and (i == 0 or tokens[i - 1].text == ",") and _verb_final_clause(tokens, i):
            # "Als Islamisten … ein ARD-Kamerateam angriffen, …": a conjunction, not the
            # preposition of the subject ("als Präsident")
            out[i] = t.model_copy(update={"tag": "KOUS", "pos": "SCONJ", "dep": "mark"})
            continue
        if tag == "ART" and i > 0 and tokens[i - 1].text == "," \
                and t.dep in ("nsubj", "nsubj:pass", "obj", "iobj") \
                and not _article_of_next_noun(tokens, i):
            # an article the parser made a participant after a comma is a relative pronoun:
            # "Der Mathematiker Rudolf Taschner, der Mahrers Projekt unterstützt"
            out[i] = t.model_copy(update={"tag": "PRELS", "pos": "PRON"})
            continue
        if tag == "ART" and i > 0 and tokens[i - 1].text == "," and t.dep == "det" \
                and (_disagreeing_article(tokens, i) or _article_of_subjectless_object(tokens, i)):
            # "jener beiden Männer, die vorigen Freitag … vergewaltigt hatten": an article
            # that cannot be its noun's, opening a clause, is a relative pronoun, the
            # subject of its clause's verb
            verb = _clause_final_verb(tokens, i)
            if verb is not None:
                out[i] = t.model_copy(update={"tag": "PRELS", "pos": "PRON", "dep": "nsubj",
                                              "head": verb})
                for k in range(i + 1, verb):  # the clause's phrases are its verb's
                    if tokens[k].dep in CLAUSE_ARGUMENT_DEPS \
                            and not i < tokens[k].head <= verb:
                        out[k] = tokens[k].model_copy(update={"head": verb})
                continue
        if i == 0 or (tag != "ADJA" and tag != "ADJD"):
            continue
        nxt = tokens[i + 1].tag if i + 1 < len(tokens) else ""
        first = next((c for c in t.text if c.isalpha()), "")
        if (first.isupper()
                and tokens[i - 1].tag in NOMINALISING_OR_ADJECTIVE
                and (tokens[i - 1].text[:1].islower() or i == 1)
                and nxt not in ("NN", "NE", "ADJA", "TRUNC")):
            # (from ``out``: a relative clause opened above may have moved it to its verb)
            out[i] = out[i].model_copy(update={"tag": "NN", "lemma": t.text})
    return out


def _article_of_next_noun(tokens: list[Token], i: int) -> bool:
    """Is article ``i`` the article of the first noun after it (past adverbs and adjectives),
    "…, der jetzt verstorbene Lehrer …", and not a relative pronoun before a genitive
    ("…, der Mahrers Projekt unterstützt", "…, die Sisis Machtübernahme unterstützt hatte")?
    The parser hangs such a genitive on the noun it qualifies."""
    for t in tokens[i + 1:i + 5]:
        if t.tag in ("NN", "NE"):  # (the noun the parser made the object has another article)
            return t.dep not in ("amod", "nmod", "nmod:poss", "det:poss", "compound", "flat",
                                 "obj", "iobj")
        if t.tag not in ("ADV", "ADJA", "ADJD", "CARD"):
            return False
    return False


#: dependencies of a verb's phrases, which a clause's verb takes back from another verb
CLAUSE_ARGUMENT_DEPS = frozenset({"obj", "iobj", "obl", "nsubj", "nsubj:pass", "obl:tmod"})
#: the genders and numbers of a noun the definite article's form cannot go with
ARTICLE_MISMATCHES = {"die": {("Masc", "Sing"), ("Neut", "Sing")},
                      "der": {("Neut", "Sing")},
                      "das": {("Masc", "Sing"), ("Fem", "Sing"), ("Masc", "Plur"),
                              ("Fem", "Plur"), ("Neut", "Plur")}}


def _disagreeing_article(tokens: list[Token], i: int) -> bool:
    """Is article ``i`` of a form its head noun's gender and number rule out ("die vorigen
    Freitag")?"""
    bad = ARTICLE_MISMATCHES.get(tokens[i].text.lower())
    h = tokens[i].head
    if bad is None or not i < h < len(tokens) or tokens[h].tag != "NN":
        return False
    feats = dict(f.split("=", 1) for f in tokens[h].morph.split("|") if "=" in f)
    return (feats.get("Gender"), feats.get("Number")) in bad


#: the definite article's forms that are relative pronouns' too
RELATIVE_FORMS = frozenset({"der", "die", "das", "den", "dem"})


def _article_of_subjectless_object(tokens: list[Token], i: int) -> bool:
    """Is article ``i``, after a comma after a noun, that of the object of the verb that ends
    its clause, a verb with no subject ("durch Menschen, die Microsoft-Mitarbeiter erpressen")?
    A clause with its verb at the end opens with a relative pronoun or a conjunction; the
    parser read the pronoun as the object's article and left the verb without subject."""
    h = tokens[i].head
    if i < 2 or tokens[i].text.lower() not in RELATIVE_FORMS \
            or tokens[i - 2].tag not in ("NN", "NE") or not i < h < len(tokens) \
            or tokens[h].dep not in ("obj", "iobj"):
        return False
    verb = _clause_final_verb(tokens, i)  # (not a passive's: "Schildern, die Flüchtlingen
    # entgegengehalten wurden" has the pronoun as its subject, the dative rightly no subject)
    if verb is None or tokens[h].head != verb or (tokens[verb].tag == "VVPP" and not any(
            t.head == verb and t.dep == "aux" for t in tokens)):
        return False  # (a bare participle ends no relative clause: "…, die Verursachung von
        # Umweltschäden … vorgeworfen" lists charges)
    return not any(t.head == verb and (t.dep in ("nsubj", "nsubj:pass", "aux:pass")
                                       or (t.dep == "aux" and t.lemma == "werden"))
                   for t in tokens)


def _clause_final_verb(tokens: list[Token], i: int) -> int | None:
    """The full verb that ends the clause after token ``i`` (at a comma or the sentence's
    end, past its auxiliaries), None when the clause ends in no verb or has a finite verb
    before its end (no subordinate clause)."""
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k].tag in ("$,", "$.")),
               len(tokens))
    k = end - 1
    while k > i and tokens[k].tag[:2] in ("VA", "VM"):
        k -= 1
    if k <= i + 1 or not tokens[k].tag.startswith("VV") \
            or any(tokens[j].tag.endswith("FIN") for j in range(i + 1, k)):
        return None
    return k


def _verb_final_clause(tokens: list[Token], i: int) -> bool:
    """Does the stretch after token ``i`` run to a comma with a verb as its last word and no
    finite verb before it (a subordinate clause), not "Als Präsident hat er …, …"?"""
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ","), None)
    if end is None or end < i + 3 or not tokens[end - 1].tag.startswith("V"):
        return False
    return not any(tokens[k].tag.endswith("FIN") for k in range(i + 1, end - 1))


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
    function per error (each documented there): :func:`_words_repaired`, then
    :func:`_attachments_repaired`; the input list is left as it is."""
    return _attachments_repaired(_words_repaired(tokens, lex))


def _words_repaired(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """The repairs that may change a tag or a lemma, which the screen reads
    (:func:`screen.may_hold_trigger`): they run on every sentence. A repair that needs a tag
    runs only in a sentence that has it: each one walks all the tokens. The tags are read
    before any repair. The verbs earlier repairs make (VVFIN, VVPP) come with the lemma of a
    lexicon verb, never the "stehen" the confession repair looks for, and never as the
    attribute of a later noun, which is all the attribute repair reads."""
    out = list(tokens)
    tags = {t.tag for t in tokens}
    if "VVFIN" in tags or "VVPP" in tags:
        _unresolved_verb(out, lex)
    _verbless_root(tokens, out, lex)
    if "ADJA" in tags:
        _finite_verb_read_as_adjective(out, lex)
    if "VVPP" in tags:
        _confession_read_as_standing(out)
    if ("ADJD" in tags or "PTKVZ" in tags) and "VAFIN" in tags:
        _participle_read_as_adjective(out, lex)
    if "VVFIN" in tags or "VVPP" in tags:
        _finite_verb_read_as_attribute(out, lex)
    _subject_read_as_root(out)
    _age_noun_as_adjective(out)
    _fronted_age_noun_as_adjective(out)
    return out


def _attachments_repaired(tokens: list[Token]) -> list[Token]:
    """The repairs that move a word to another head and nothing else: only a sentence the
    screen lets through needs them (:meth:`SentViews._view`)."""
    out = list(tokens)
    tags = {t.tag for t in tokens}
    if "NE" in tags:
        _dateline_as_argument(out)
        _genitive_name_on_verb(out)
        _genitive_name_before_noun(out)
        _genitive_name_after_preposition(out)
        _name_after_genitive_attribute(out)
        _name_after_prepositional_noun(out)
        if "VMFIN" in tags or "VAFIN" in tags:
            _name_on_auxiliary(out)
        _list_after_prepositional_phrase(out)
        _circumposition(out)
        _dative_name_as_compound(out)
    if "APPR" in tags or "APPRART" in tags:  # "am Montag", "nach Angaben"
        _preposition_on_itself(out)
        _argument_on_prepositional_noun(out)
        if "CARD" in tags:
            _phrase_on_time_span(out)
    if "$(" in tags:
        _abbreviation_on_earlier_noun(out)
    if "VVFIN" in tags:
        _second_subject_as_object(out)
        if "KON" in tags:
            _conjunct_inside_singular_subject(out)
    if "KON" in tags and ("VVPP" in tags or "VVINF" in tags):
        _object_read_as_conjunct(out)
    if "ART" in tags:
        _accusative_attribute_as_object(out)
    if "ART" in tags or "NE" in tags:
        _object_after_finite_as_subject(out)
    if "APPRART" in tags or "APPR" in tags:
        _prepositional_phrase_as_subject(out)
    if "ART" in tags or "PDAT" in tags:
        _dative_as_subject(out)
    if "PPER" in tags:
        _pronoun_read_as_determiner(out)
        if "PRELS" in tags:
            _relative_pronoun_as_subject(out)
    if "PRELS" in tags:
        _disagreeing_relative_subject(out)
        _accusative_relative_as_subject(out)
    if "ADJA" in tags:
        _conjunct_adjective_without_noun(out)
    if "ADV" in tags:
        _subject_on_adverb(out)
    return out


def _dateline_as_argument(out: list[Token]) -> None:
    """A dateline the parser made an argument, with the sentence's own phrase hung on it
    ("Wien/Linz – Wirtschaftskammer-Präsident Christoph Leitl hat … dementiert", "Wien" the
    subject and the president its dependent): the phrase takes the dateline's place. The
    dateline's tokens are no participant (``sentence.dateline_end``)."""
    end = dateline_end(out)
    if not end:
        return
    head = next((k for k in range(end) if not 0 <= out[k].head < end), None)
    if head is None or out[head].dep not in CORE_DEPS:
        return
    phrase = next((j for j in range(end + 1, len(out)) if out[j].head == head
                   and out[j].tag in ("NN", "NE") and "Case=Gen" not in out[j].morph
                   and out[j].dep in ("appos", "punct", "flat", "conj")), None)
    verb = out[head].head  # (hung on a noun, the dateline is no argument to hand on)
    if phrase is not None and 0 <= verb < len(out) and out[verb].tag[:2] in ("VV", "VA", "VM") \
            and not any(
            out[c].head == phrase and out[c].tag in ("PIAT", "CARD") for c in range(phrase)):
        out[phrase] = out[phrase].model_copy(update={"head": out[head].head,
                                                     "dep": out[head].dep})
    out[head] = out[head].model_copy(update={"dep": "discourse"})  # (a "dep" is an object)


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


def _participle_read_as_adjective(out: list[Token], lex: Lexicon) -> None:
    """A participle of the perfect read as a predicative adjective ("Der IS hat sich zu dem
    Anschlag bekannt", with "bekannt" as ADJD or as a particle, and the root): neither takes
    "haben" as its auxiliary, so a word with one is the participle of the lexicon verb its
    form gives (``forms.tsv``, the regular pattern)."""
    for i, t in enumerate(out):
        if t.tag not in ("ADJD", "PTKVZ") or not t.text[:1].islower() or not any(
                o.head == i and o.dep == "aux" and o.lemma == "haben" for o in out):
            continue
        form = t.text.lower()
        inf = next((v for v in (*lex.strong_infinitives(form), *_guesses(form, "VVPP", form))
                    if v in lex.known_verbs), None)
        if inf is not None:
            out[i] = t.model_copy(update={"tag": "VVPP", "pos": "VERB", "lemma": inf})


def _verbless_root(tokens: list[Token], out: list[Token], lex: Lexicon) -> None:
    """A sentence without any verb whose finite verb the tagger read as an adverb or an
    adjective ("Die USA und Russland erwägen offenbar …" with "erwägen" as ADV, "Das lehnte
    Putin jedoch ab" with "lehnte" as an adjective of "Putin"): the lowercase word that is a
    form of a lexicon verb, at the root, right before a name or right after the subject
    ("Die Bürger sammelten Unterschriften" with "sammelten" as the noun's adjective), becomes
    the finite verb and the root (:func:`_promoted_to_root`)."""
    n = len(out)
    if any(t.tag[:1] == "V" for t in out):
        _fronted_verb_read_as_adjective(tokens, out, lex)
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
        if inf is not None:
            _promoted_to_root(tokens, out, i, inf, after_subject)
            return


#: words that may stand alone before the finite verb of a main clause ("Seitdem", "Dann")
FRONTED_ADVERB_TAGS = frozenset({"ADV", "PROAV"})


def _fronted_verb_read_as_adjective(tokens: list[Token], out: list[Token],
                                    lex: Lexicon) -> None:
    """A finite verb right after a fronted adverb, read as the adjective of the noun after it
    ("Seitdem zünden Extremisten fast jede Nacht Autos an", "Inzwischen streiken Schüler …",
    with the noun as the root): a main clause puts its finite verb second, so the lowercase
    word that is a form of a lexicon verb becomes the finite verb and the root
    (:func:`_promoted_to_root`), the noun its subject. Only where the parse made that noun the
    root: then the clause has no finite verb of its own ("Besonders schwere Schäden
    entstanden" keeps its adjective)."""
    for i in range(1, min(len(out), 4)):
        t = out[i]
        if out[i - 1].tag not in FRONTED_ADVERB_TAGS:
            return  # only adverbs before it
        if t.tag != "ADJA" or not t.text[:1].islower():
            continue
        h = t.head
        if not (i < h < len(out) and out[h].dep == "ROOT" and out[h].tag in ("NN", "NE")):
            return
        inf = _verb_reading(out, i, lex)
        if inf is not None:
            _promoted_to_root(tokens, out, i, inf, after_subject=False)
        return


def _promoted_to_root(tokens: list[Token], out: list[Token], i: int, inf: str,
                      after_subject: bool) -> None:
    """``out[i]`` as the finite verb (infinitive ``inf``) and root of the sentence; the old
    root's dependents move to it (after a subject before the verb: only those after the
    verb), the old root becomes its subject (a noun) or an adverb, and a clause-final
    particle its particle."""
    n = len(out)
    t = out[i]
    old = next((k for k, o in enumerate(out) if o.head == k), i)
    for k, o in enumerate(out):
        if k == i or (o.head != old and k != old):
            continue
        if after_subject and k != old and k < i:
            continue  # "Die Hinrichtung von zwei Oppositionellen … löste": the subject's
            # own phrases stay with it; only what follows the verb moves to it
        dep = o.dep
        if k == old and after_subject and k > i:  # "Die Polizei erstattete Anzeige": the
            dep = "obj"  # noun after the verb is its object, the subject came before it
        elif k == old:  # "Abhisit" as the root: the subject, else an adverb
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


#: conjunctions that join a second verb phrase to the first one's subject
VP_CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
#: relations of a verb that heads its own clause (not an auxiliary, not a misread word)
CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "acl:relcl", "parataxis", "csubj"})


def _finite_verb_read_as_adjective(out: list[Token], lex: Lexicon) -> None:
    """A verb the tagger read as an attributive adjective, in two places where no adjective
    stands. Before punctuation (an attributive adjective needs its noun after it): "als er
    seine Teilnahme … ankündigte -", "Der Präsidentin wird sogar vorgehalten, …": the verb,
    its tree left as it is (the parser hung the clause's phrases on it already). After "und"
    with the earlier verb's tense and number ("warnte … und forderte Nachbesserungen",
    "verkündet Schiedssprüche und verhängt Strafen", with "forderte" as the noun's adjective):
    the second verb of the same subject, with that noun as its object. The tense and number
    keep the adjectives out ("deutet auf eine gefälschte und bezahlte Rezension",
    "berichtete von getöteten und verwundeten Terroristen")."""
    n = len(out)
    for i in range(1, n):
        t = out[i]
        if t.tag != "ADJA" or not t.text[:1].islower():
            continue  # the cheap test first: this runs on every token of every sentence
        nxt = out[i + 1] if i + 1 < n else None
        if nxt is None or nxt.tag[:1] == "$":
            if t.dep == "amod" and t.head > i:
                continue  # "(meist organisierte) Kräfte": the parser found its noun
            inf = _verb_reading(out, i, lex)
            if inf is None:
                continue
            out[i] = t.model_copy(update={"tag": "VVPP" if _has_auxiliary(out, i) else "VVFIN",
                                          "pos": "VERB", "lemma": inf})
        elif out[i - 1].text in VP_CONJUNCTIONS:
            _second_verb(out, i, lex)


#: endings of an inflected attributive adjective; a form without one cannot be attributive
ATTRIBUTIVE_ENDINGS = ("e", "en", "em", "er", "es")
#: words that may open a noun phrase before its noun ("verhängt die Todesstrafe", "erhob schwere
#: Vorwürfe")
NOUN_PHRASE_OPENERS = frozenset({"ART", "ADJA", "CARD", "PIAT", "PPOSAT", "PDAT"})


def _finite_verb_read_as_attribute(out: list[Token], lex: Lexicon) -> None:
    """A finite verb hung on the noun after it as its attribute, mostly in headlines:
    "Gewerkschaft fordert Anerkennung …", "US-Gericht verhängt Todesstrafe für …", "Polizei
    erschießt Flüchtling", "Biber zerstört Geschäft" (a participle's form: not one with
    "ge-"). An attributive adjective is inflected, so a lexicon verb's form without an
    adjective ending before a noun is the verb: it takes the noun's place in the tree, the
    noun becomes its object, and the participant right before it its subject."""
    n = len(out)
    for i in range(n):
        t = out[i]
        if t.dep != "amod" or t.tag not in ("VVFIN", "VVPP"):
            continue  # the cheap test first: this runs on every token of every sentence
        noun = t.head
        form = t.text.lower()
        if not (i < noun < n and out[noun].tag in ("NN", "NE")) or form.endswith(
                ATTRIBUTIVE_ENDINGS) or t.lemma.lower() not in lex.known_verbs:
            continue
        subject = i - 1 if i > 0 and out[i - 1].tag in ("NN", "NE", "PPER") else None
        if t.tag == "VVPP" and (subject is None or form.startswith("ge")):
            continue
        if any(out[k].tag not in NOUN_PHRASE_OPENERS for k in range(i + 1, noun)) \
                or _has_auxiliary(out, i):
            continue  # the noun's phrase right after it, and no auxiliary ("wurden …
            # verurteilt – und den Teil des Urteils …")
        old = out[noun]
        root = old.head == noun
        out[i] = t.model_copy(update={"tag": "VVFIN", "pos": "VERB",
                                      "head": i if root else old.head,
                                      "dep": "ROOT" if root else old.dep})
        out[noun] = old.model_copy(update={"head": i, "dep": "obj"})
        for k in range(i):  # the noun's words before the verb hang on the verb now; its
            if out[k].head == noun:  # attributes after it stay ("Programme, mit denen …")
                out[k] = out[k].model_copy(update={"head": i})
        if subject is not None:
            out[subject] = out[subject].model_copy(update={"head": i, "dep": "nsubj"})


def _has_auxiliary(out: list[Token], i: int) -> bool:
    """Does word ``i`` have an auxiliary of its own (then it is a participle or infinitive)?"""
    return any(o.head == i and o.dep.startswith("aux") for o in out)


def _second_verb(out: list[Token], i: int, lex: Lexicon) -> None:
    """``out[i]``, an adjective right after one of ``VP_CONJUNCTIONS``, as the second finite
    verb of the nearest earlier clause verb (:func:`_finite_verb_read_as_adjective`)."""
    first = next((k for k in range(i - 2, -1, -1) if out[k].tag in ("VVFIN", "VAFIN", "VMFIN")
                  and out[k].dep in CLAUSE_DEPS), None)  # not "nach seien Angaben"
    if first is None:
        return
    inf = _verb_reading(out, i, lex)
    if inf is None or _finite_features(out[i].text.lower(), inf, lex) != _morph_features(
            out[first].morph):
        return
    t = out[i]
    noun = t.head
    if t.dep == "amod" and noun > i and out[noun].tag in ("NN", "NE"):
        out[noun] = out[noun].model_copy(update={"head": i, "dep": "obj"})
    out[i - 1] = out[i - 1].model_copy(update={"head": i, "dep": "cc"})
    out[i] = t.model_copy(update={"tag": "VVFIN", "pos": "VERB", "lemma": inf, "head": first,
                                  "dep": "conj"})


def _finite_features(form: str, inf: str, lex: Lexicon) -> tuple[str, str]:
    """(tense, number) of a finite form of ``inf``: past for a strong past form or the weak
    "-te" ending on the verb's stem ("forderte", "kündigte" of "ankündigen"), plural for
    "-en"."""
    number = "Plur" if form.endswith("en") else "Sing"
    stem = inf[:-2] if inf.endswith("en") else inf[:-1]
    stems = [stem] + [stem[len(p):] for p in SEPARABLE_PARTICLES
                      if stem.startswith(p) and len(stem) - len(p) >= 3]
    weak_past = any(form.endswith(st + end) for st in stems
                    for end in ("te", "ten", "ete", "eten"))
    tense = "Past" if weak_past or lex.strong_infinitives(form) else "Pres"
    return tense, number


def _morph_features(morph: str) -> tuple[str, str]:
    """(tense, number) of a finite verb by the tagger's morphology."""
    tense = "Past" if "Tense=Past" in morph else "Pres"
    return tense, "Plur" if "Number=Plur" in morph else "Sing"


#: prepositions of a place where someone or something stands ("im Weg", "an der Spitze")
PLACE_PREPOSITIONS = frozenset({"in", "im", "an", "am", "auf", "unter", "vor", "zur", "zum",
                                "hinter", "neben", "über", "zwischen"})
#: what "stehen" takes in idioms ("Rede und Antwort stehen", "Pate stehen", "offen stehen")
STANDING_OBJECTS = frozenset({"rede", "antwort", "pate", "schlange", "wache", "modell",
                              "spalier", "kopf"})
STANDING_ADVERBS = frozenset({"offen", "da", "dort", "hier"})


def _confession_read_as_standing(out: list[Token]) -> None:
    """"gestanden" lemmatised as "stehen" where it is "gestehen": with "haben" and an object
    ("hat Attentatspläne gestanden"), a zu-infinitive ("hat gestanden, seinen Neffen
    umgebracht zu haben") or nothing that says where ("Der Angreifer habe gestanden"), and a
    subject. Not with "sein" (southern "war … gestanden"), a place ("im Weg", "in
    Verbindung"), an idiom's object ("Rede und Antwort") or a place adverb ("Hätten da mehr
    gestanden")."""
    for i, t in enumerate(out):
        if t.lemma != "stehen" or t.text.lower() != "gestanden":
            continue  # the cheap test first: this runs on every token of every sentence
        kids = [k for k, o in enumerate(out) if o.head == i and k != i]
        auxes = {out[k].lemma for k in kids if out[k].dep.startswith("aux")}
        if "haben" not in auxes or any(
                out[k].text.lower() in STANDING_ADVERBS or out[k].lemma.lower() in
                STANDING_OBJECTS for k in kids):
            continue
        if not any(out[k].dep == "nsubj" for k in kids):
            continue  # who confessed
        objects = [k for k in kids if out[k].dep == "obj" and out[k].tag == "NN"]
        clause = i + 1 < len(out) and out[i + 1].text == "," and any(
            out[k].tag == "VVIZU" or any(o.head == k and o.tag == "PTKZU" for o in out)
            for k in kids if k > i)  # "hat gestanden, … umgebracht zu haben"
        placed = any(out[k].dep == "obl" and any(
            o.head == k and o.tag in PREP_TAGS and o.text.lower() in PLACE_PREPOSITIONS
            for o in out) for k in kids)
        if objects or clause or not placed:
            out[i] = t.model_copy(update={"lemma": "gestehen"})


#: words that may stand before the subject noun of a clause-initial noun phrase
SUBJECT_DETERMINERS = frozenset({"ART", "PIAT", "PDAT", "PPOSAT", "CARD", "ADJA"})
#: dependency labels of a name's further parts ("Radovan Karadžić", "Angela Merkel")
NAME_PARTS = frozenset({"flat", "flat:name"})
#: the longest apposition between commas read after a clause-initial subject
APPOSITION_WORDS = 8
#: tags no apposition holds besides verbs: interrogatives, conjunctions (a relative pronoun
#: may stand: without a verb it is the tagger's misread article, "der")
APPOSITION_STOPS = frozenset({"PWS", "PWAV", "KOUS", "KOUI", "KON", "$.", "$("})
#: an age noun of police reports ("Ein 30-Jähriger", headline style "25-Jährige")
AGE_NOUN = re.compile(r"\d+-[Jj]ährige[rn]?$")


def _subject_read_as_root(out: list[Token]) -> None:
    """A clause-initial subject read as the root, with the clause's verb hung on it ("Ein
    30-Jähriger hat … seine Ehefrau … verletzt" with "verletzt" as the noun's parataxis;
    headline style "25-Jährige wurde … aufgegriffen" with the age noun as an adjective): when
    the finite auxiliary right after the noun phrase serves a full verb below the noun, that
    verb is the root and the noun its subject. Also after an apposition between commas
    ("Radovan Karadžić, der seit Jahren gesuchte Serbenführer, wurde … verhaftet", where the
    parser took the article for a relative pronoun and the verb for a relative clause): a
    finite verb right after the closing comma stands second, so the clause is the main one and
    the apposition holds no verb. Another subject the parser gave the verb becomes
    what it is: a phrase with a preposition an oblique ("am Dienstag"), else the object ("seine
    Frau" of "soll … geschlagen haben"). Not for a copula ("Das größte Problem war …")."""
    # the first root among the first five words (a later one is no clause-initial subject)
    root = next((k for k in range(min(5, len(out))) if out[k].head == k), None)
    if root is None or root + 1 >= len(out):
        return
    noun = out[root]
    if not (noun.tag in ("NN", "NE") or (noun.tag in ("ADJA", "ADJD")
                                         and AGE_NOUN.match(noun.text))):
        return
    if any(t.tag not in SUBJECT_DETERMINERS for t in out[:root]):
        return
    after = root + 1  # the noun phrase's end: its name parts ("Radovan Karadžić")
    while after < len(out) and out[after].head == root and out[after].dep in NAME_PARTS:
        after += 1
    apposition = _apposition_after(out, after)
    if apposition is not None:
        after = apposition[1] + 1
    if after >= len(out):
        return
    first = out[after]
    if apposition is not None and first.tag == "VVFIN":
        verb = after  # "…, der russische Präsident, drohte der Ukraine"
    else:
        verb = first.head
        if first.tag not in ("VAFIN", "VMFIN") or first.dep not in ("aux", "aux:pass") \
                or not 0 <= verb < len(out) or out[verb].tag[:2] != "VV" or verb <= after:
            return
    above, seen = out[verb].head, {verb}  # the verb must hang below the noun
    while above != root and above not in seen and 0 <= above < len(out):
        seen.add(above)
        above = out[above].head
    if above != root:
        return
    passive = any(t.head == verb and t.dep == "aux:pass" for t in out)
    for k, t in enumerate(out):
        if k != root and t.head == verb and t.dep in ("nsubj", "nsubj:pass"):
            oblique = any(o.head == k and o.tag in PREP_TAGS for o in out)
            out[k] = t.model_copy(update={"dep": "obl" if oblique else "obj"})
        elif t.head == root and k > after and k != verb:
            out[k] = t.model_copy(update={"head": verb})  # the clause's phrases
        elif apposition is not None and t.head == root and apposition[0] < k < apposition[1]:
            out[k] = t.model_copy(update={"dep": "appos"})  # not a conjunct nor a clause
        elif apposition is not None and k == apposition[1]:
            out[k] = t.model_copy(update={"head": root, "dep": "punct"})
    out[verb] = out[verb].model_copy(update={"head": verb, "dep": "ROOT"})
    subject = {"head": verb, "dep": "nsubj:pass" if passive else "nsubj"}
    if noun.tag not in ("NN", "NE"):  # the age noun read as an adjective
        subject |= {"tag": "NN", "pos": "NOUN"}
    out[root] = noun.model_copy(update=subject)


def _apposition_after(out: list[Token], k: int) -> tuple[int, int] | None:
    """The commas around an apposition that starts at token ``k`` (``, der russische
    Präsident,``): at most ``APPOSITION_WORDS`` words, none a verb (no relative or infinitive
    clause), an interrogative, a conjunction or a quotation mark."""
    if k >= len(out) or out[k].tag != "$,":
        return None
    for m in range(k + 1, min(k + APPOSITION_WORDS + 2, len(out))):
        if out[m].tag == "$,":
            return (k, m) if m > k + 1 else None
        if out[m].tag[:1] == "V" or out[m].tag in APPOSITION_STOPS or out[m].text in DOUBLE_QUOTES:
            return None
    return None


def _age_noun_as_adjective(out: list[Token]) -> None:
    """A headline's age noun without article read as an adjective on the verb right after it
    ("53-Jähriger gestand 67 Einbruchsdiebstähle" with "53-Jähriger" as ``obl:tmod``): the
    verb's subject, when the verb has none."""
    if len(out) < 3 or not AGE_NOUN.match(out[0].text) or out[0].tag not in ("ADJA", "ADJD"):
        return
    verb = out[0].head
    if verb != 1 or out[1].tag != "VVFIN" or any(
            t.head == 1 and t.dep.startswith("nsubj") for t in out):
        return
    out[0] = out[0].model_copy(update={"tag": "NN", "pos": "NOUN", "dep": "nsubj"})


#: nouns of a part of a time that open a time phrase ("Ende Oktober", "Anfang 2015")
TIME_PART_NOUNS = frozenset({"Ende", "Anfang", "Mitte"})


def _fronted_age_noun_as_adjective(out: list[Token]) -> None:
    """An age noun opening the sentence before the finite verb read as an adjective, with a
    time phrase after the verb taken as the subject ("Ein maskierter 21-Jähriger hatte Ende
    Oktober die Schule überfallen" with "Ende" as ``nsubj``): the age noun is the subject and
    the time phrase a time. (The retagging may have made the age noun a noun already.)"""
    i = next((k for k in range(1, min(len(out) - 1, 5)) if AGE_NOUN.match(out[k].text)), None)
    if i is None or out[i].tag not in ("ADJA", "ADJD", "NN") or out[i].dep.startswith("nsubj") \
            or "Case=Nom" not in out[i].morph \
            or out[i + 1].tag not in ("VVFIN", "VAFIN", "VMFIN") \
            or out[out[i].head].tag in ("NN", "NE") \
            or any(out[k].tag not in ("ART", "ADJA", "ADJD", "PIAT") for k in range(i)):
        return
    finite = i + 1
    main = out[finite].head if out[finite].dep.startswith("aux") else finite
    subjects = [k for k, t in enumerate(out) if k != i and t.dep.startswith("nsubj")
                and t.head in (main, finite)]
    if any(out[k].text not in TIME_PART_NOUNS for k in subjects):
        return  # a subject of its own: the age noun may be an attribute after all
    for k in subjects:  # "Ende Oktober": a time, its month hung on it
        out[k] = out[k].model_copy(update={"dep": "obl:tmod", "head": main})
        if k + 1 < len(out) and out[k + 1].tag == "NN" and out[k + 1].head == main:
            out[k + 1] = out[k + 1].model_copy(update={"dep": "nmod", "head": k})
    out[i] = out[i].model_copy(update={"tag": "NN", "pos": "NOUN", "dep": "nsubj",
                                       "head": main})


def _number(t: Token) -> str | None:
    """The grammatical number of a word by its morphology, None when it has none."""
    return "Plur" if "Number=Plur" in t.morph else "Sing" if "Number=Sing" in t.morph else None


def _second_subject_as_object(out: list[Token]) -> None:
    """A full verb with two subjects, the later a noun that does not agree with the verb in
    number ("Die EU verlängerte die Sanktionen" with "Sanktionen" as a second subject, which
    loses the object's event): that noun is the object, when a subject before it agrees (a
    coordination is plural: "Die USA und Kanada fordern die Freilassung"). Not a name, whose
    number the tagger guesses, nor a noun in a phrase with a preposition."""
    subjects: dict[int, list[int]] = {}
    for j, t in enumerate(out):
        if t.dep == "nsubj" and 0 <= t.head < len(out) and t.head != j \
                and out[t.head].tag == "VVFIN":
            subjects.setdefault(t.head, []).append(j)
    for verb, subj in subjects.items():
        # the verb's number by its ending, which the tagger gets wrong ("entließen" as
        # singular): "-en", "-ern", "-eln" plural; "-t", "-te" or a bare strong past ("gab")
        # singular; another "-n" ("gewann") either
        form = out[verb].text.lower()
        number = "Plur" if form.endswith(("en", "ern", "eln")) else \
            None if form.endswith("n") else "Sing"
        if len(subj) < 2 or number is None:
            continue
        agreeing = [j for j in subj if number == (
            "Plur" if any(o.head == j and o.dep == "conj" for o in out) else _number(out[j]))]
        for j in subj:
            n = _number(out[j])
            if agreeing and min(agreeing) < j and n is not None \
                    and n != number and out[j].tag == "NN" \
                    and not any(o.head == j and o.tag in PREP_TAGS for o in out):
                out[j] = out[j].model_copy(update={"dep": "obj"})


def _conjunct_inside_singular_subject(out: list[Token]) -> None:
    """A plural finite verb whose one subject is a singular noun, and a conjunct with its own
    article hung on an attribute of that subject ("Auch die Organisation für Migration (IOM)
    und das UN-Flüchtlingshilfswerk (UNHCR) lobten …" with the agency coordinated with
    "Migration"): the conjunct is the subject's, whose number the verb then shares."""
    for v, verb in enumerate(out):
        if verb.tag != "VVFIN" or "Number=Plur" not in verb.morph:
            continue
        subjects = [j for j, o in enumerate(out) if o.head == v and o.dep == "nsubj" and j < v]
        if len(subjects) != 1 or out[subjects[0]].tag not in ("NN", "NE") \
                or _number(out[subjects[0]]) != "Sing" \
                or any(o.head == subjects[0] and o.dep == "conj" for o in out):
            continue
        subj = subjects[0]
        for c, o in enumerate(out):
            if o.dep != "conj" or not subj < c < v or o.tag not in ("NN", "NE") \
                    or not any(a.head == c and a.dep == "det" and a.tag == "ART" for a in out):
                continue
            h, steps = o.head, 0
            while 0 <= h < len(out) and h != subj and steps < 4 \
                    and out[h].dep in ("nmod", "appos", "flat"):
                h, steps = out[h].head, steps + 1
            if h == subj and o.head != subj:
                out[c] = o.model_copy(update={"head": subj})
                for j, later in enumerate(out):  # then a "subject" behind the verb is its object
                    if later.head == v and later.dep == "nsubj" and j > v \
                            and later.tag == "NN":
                        out[j] = later.model_copy(update={"dep": "obj"})
                break


def _object_read_as_conjunct(out: list[Token]) -> None:
    """The object of a coordinated participle or infinitive hung as a conjunct of the first
    verb, right before its own verb ("haben malische Soldaten … zwei Jihadistencamps zerstört
    und mutmaßliche Kämpfer festgenommen" with "Kämpfer" coordinated with "zerstört"): the
    object of the verb after it."""
    for j, o in enumerate(out):
        if o.dep != "conj" or o.tag not in ("NN", "NE") or not 0 <= o.head < j \
                or out[o.head].tag not in ("VVPP", "VVINF"):
            continue
        k = next((k for k in range(j + 1, min(len(out), j + 3))
                  if out[k].tag == out[o.head].tag and out[k].dep == "conj"
                  and out[k].head == o.head), None)
        if k is not None and all(out[m].head == j for m in range(j + 1, k)) and any(
                out[m].tag == "KON" and out[m].head in (j, k) for m in range(o.head + 1, j)):
            out[j] = o.model_copy(update={"dep": "obj", "head": k})


def _conjunct_adjective_without_noun(out: list[Token]) -> None:
    """An adjective made the conjunct of a noun while the noun right after it, its own, hangs
    on the verb ("über den Umgang mit Familie und gewandelten Familienbildern", with
    "Familienbildern" the verb's object): the noun is the conjunct and the adjective its
    attribute."""
    for k, t in enumerate(out[:-1]):
        h, n = t.head, k + 1
        if t.tag != "ADJA" or t.dep != "conj" or not 0 <= h < k \
                or out[h].tag not in ("NN", "NE") or out[n].tag != "NN" or out[n].head in (h, k):
            continue
        out[n] = out[n].model_copy(update={"head": h, "dep": "conj"})
        out[k] = t.model_copy(update={"head": n, "dep": "amod"})


def _pronoun_read_as_determiner(out: list[Token]) -> None:
    """A nominative personal pronoun right after the finite verb, hung on a later noun as its
    determiner ("Zudem warf er Polen Mitschuld … vor", with "Polen" an adjective and
    "Mitschuld" the subject): a pronoun determines no noun, so it is the verb's subject; a
    name the parser made the noun's adjective is the indirect object and the noun, taken
    for the subject, the object."""
    for i, t in enumerate(out):
        h = t.head
        if t.tag != "PPER" or t.dep not in ("det", "amod") or "Case=Nom" not in t.morph \
                or i == 0 or not i < h < len(out) or not out[i - 1].tag.endswith("FIN"):
            continue
        v = i - 1
        out[i] = t.model_copy(update={"head": v, "dep": "nsubj"})
        for k in range(i + 1, h):
            if out[k].tag == "NE" and out[k].head == h and out[k].dep == "amod":
                out[k] = out[k].model_copy(update={"head": v, "dep": "iobj"})
        if out[h].head == v and out[h].dep == "nsubj":
            out[h] = out[h].model_copy(update={"dep": "obj"})


def _finite_number(out: list[Token], v: int) -> str | None:
    """The number of the finite verb of ``v``'s verb complex (``v`` itself or its finite
    auxiliary) by its form (``german.third_person_number``), not the tagger's guess; None
    when the complex has no finite verb."""
    finite = v if out[v].tag.endswith("FIN") else next(
        (k for k, o in enumerate(out) if o.head == v and o.tag.endswith("FIN")), None)
    return third_person_number(out[finite].text) if finite is not None else None


#: quantifiers of a plural only ("mehrere Männer"); numbers count by their tag (CARD)
PLURAL_QUANTIFIERS = frozenset({"mehrere", "viele", "einige", "beide", "zahlreiche", "etliche",
                                "hunderte", "tausende"})
#: what may stand before a main clause's finite verb and is no fronted phrase of it
CLAUSE_OPENERS = frozenset({",", "und", "oder", "aber", "denn", "sondern", ";", ":", "–", "-"})
#: the genders and numbers a nominative's definite article has
NOMINATIVE_ARTICLE_FORMS = {"der": {("Masc", "Sing")},
                            "die": {("Fem", "Sing"), ("Masc", "Plur"), ("Fem", "Plur"),
                                    ("Neut", "Plur")},
                            "das": {("Neut", "Sing")}}


def _accusative_attribute_as_object(out: list[Token]) -> None:
    """A singular noun opened by "den" hung as an attribute on the verb's object, with no
    preposition ("haben grosse Teile der Opposition den Saal aus Protest verlassen", "Saal"
    under "Teile"): "den" opens no genitive, so it is the verb's object, and the bare
    plural before it, which agrees with the finite verb, the verb's missing subject."""
    for n, t in enumerate(out):
        h = t.head
        if t.tag != "NN" or t.dep != "nmod" or not 0 <= h < n or out[h].dep != "obj" \
                or "Number=Sing" not in t.morph \
                or not any(o.head == n and o.dep == "det" and o.text.lower() == "den"
                           for o in out[max(0, n - 4):n]) \
                or any(o.head == n and o.tag in PREP_TAGS for o in out):
            continue
        v = out[h].head
        if not 0 <= v < len(out) or not out[v].tag.startswith("VV") \
                or any(o.head == v and o.dep.startswith("nsubj") for o in out):
            continue
        finite = next((j for j, o in enumerate(out) if o.head == v and o.tag.endswith("FIN")
                       and o.dep.startswith("aux")), v if out[v].tag == "VVFIN" else None)
        if finite is None or not finite < h or _number(out[h]) != "Plur" \
                or third_person_number(out[finite].text) != "Plur" \
                or any(o.head == h and o.dep == "det" for o in out):
            continue
        out[n] = t.model_copy(update={"head": v, "dep": "obj"})
        out[h] = out[h].model_copy(update={"dep": "nsubj"})


def _object_after_finite_as_subject(out: list[Token]) -> None:
    """The phrase right after a main clause's finite verb, made the object of a verb with no
    subject ("…, und an diesem Grundprinzip wolle die Kommission weiterhin festhalten" with
    "die Kommission" the object): a clause that opens with another phrase has its subject
    there when it has one, so a phrase whose article may be a nominative's and that agrees
    with the finite verb is the subject. Not in a passive, which needs none. A fronted
    "subject" that disagrees with the finite verb is then the object."""
    for k in range(1, len(out) - 2):
        art, f = out[k], out[k - 1]
        n = art.head
        # a genitive name stands in for the article: "Nun ließ Irans Führung den 39-Jährigen …
        # exekutieren"
        genitive = art.tag == "NE" and art.text.endswith("s") and n == k + 1
        if not (art.dep == "det" or genitive) or not k < n < len(out) or out[n].dep != "obj" \
                or out[n].tag not in ("NN", "NE") or not f.tag.endswith("FIN") \
                or k < 2 or out[k - 2].text.lower() in CLAUSE_OPENERS:
            continue
        v = out[n].head
        feats = dict(x.split("=", 1) for x in out[n].morph.split("|") if "=" in x)
        if not genitive and (feats.get("Gender"), feats.get("Number")) not in \
                NOMINATIVE_ARTICLE_FORMS.get(art.text.lower(), set()):
            continue
        fronted = _fronted_disagreeing_subject(out, v, k - 1)
        if not (v == k - 1 or (f.head == v and f.dep in ("aux", "cop"))) \
                or not out[v].tag.startswith("VV") \
                or any(o.head == v and (o.dep in ("nsubj:pass", "aux:pass", "expl")
                                        or (o.dep == "nsubj" and i != fronted)
                                        or (o.dep == "aux" and o.lemma == "werden"
                                            and out[v].tag == "VVPP"))
                       for i, o in enumerate(out)) \
                or third_person_number(f.text) != feats.get("Number") \
                or "Person=1" in f.morph or "Person=2" in f.morph:
            continue
        out[n] = out[n].model_copy(update={"dep": "nsubj"})
        if fronted is not None:  # "Drei terrorverdächtige Syrer hat die Polizei … festgenommen"
            out[fronted] = out[fronted].model_copy(update={"dep": "obj"})


def _fronted_disagreeing_subject(out: list[Token], v: int, finite: int) -> int | None:
    """The subject of verb ``v`` before its finite verb ``finite`` that cannot be its subject,
    a common noun whose number the finite verb does not share ("Drei terrorverdächtige Syrer
    hat die Polizei … festgenommen"): a fronted object. Only a subject counted as plural
    before a singular finite verb; the tagger's numbers are guesses."""
    subj = [j for j, o in enumerate(out) if o.head == v and o.dep == "nsubj" and j < finite]
    if len(subj) != 1 or out[subj[0]].tag != "NN" \
            or third_person_number(out[finite].text) != "Sing":
        return None
    # plural for sure by a count ("Drei … Syrer", "mehrere Männer"), not by the tagger's
    # number, which is often wrong ("Die Rechtsanwälte" singular)
    counted = any(o.head == subj[0] and ((o.tag == "CARD" and o.text.lower() != "ein")
                                         or o.text.lower() in PLURAL_QUANTIFIERS)
                  for o in out[max(0, subj[0] - 4):subj[0]])
    return subj[0] if counted else None


def _disagreeing_relative_subject(out: list[Token]) -> None:
    """A relative pronoun the parser made a second subject, whose antecedent disagrees with
    the finite verb in number while the clause's other subject agrees ("von Schulen, die die
    Hilfsorganisation USAid … unterstützt hat"): the pronoun is the object."""
    for i, t in enumerate(out):
        v = t.head
        if t.tag != "PRELS" or t.dep != "nsubj" or not 0 <= v < len(out) \
                or out[v].dep != "acl:relcl" or not 0 <= out[v].head < len(out):
            continue
        number = _finite_number(out, v)
        antecedent = _number(out[out[v].head])
        if number is None or antecedent is None or antecedent == number:
            continue
        if any(k != i and o.head == v and o.dep == "nsubj" and o.tag in ("NN", "NE")
               and _number(o) == number for k, o in enumerate(out)):
            out[i] = t.model_copy(update={"dep": "obj"})


def _accusative_relative_as_subject(out: list[Token]) -> None:
    """The relative pronoun "den", only ever an accusative, made the subject while the
    clause's object opens with a nominative's article ("einen Handelspakt, den die Führung
    in Kiew mit der EU geschlossen hat"): the two swap."""
    for i, t in enumerate(out):
        if t.tag != "PRELS" or t.dep != "nsubj" or t.text.lower() != "den":
            continue
        objects = [k for k, o in enumerate(out) if o.head == t.head and o.dep == "obj"
                   and k > i and _opens_as_nominative(out, k)]
        if len(objects) == 1:
            out[i] = t.model_copy(update={"dep": "obj"})
            out[objects[0]] = out[objects[0]].model_copy(update={"dep": "nsubj"})


def _opens_as_nominative(out: list[Token], n: int) -> bool:
    """May noun ``n`` be a nominative by its definite article (or as a name)?"""
    if out[n].tag == "NE":
        return True
    art = next((o for o in out if o.head == n and o.dep == "det"), None)
    if out[n].tag != "NN" or art is None:
        return False
    feats = dict(x.split("=", 1) for x in out[n].morph.split("|") if "=" in x)
    return (feats.get("Gender"), feats.get("Number")) in \
        NOMINATIVE_ARTICLE_FORMS.get(art.text.lower(), set())


#: relative and personal pronouns whose nominative and accusative are one form
AMBIGUOUS_RELATIVES = frozenset({"die", "das"})
AMBIGUOUS_PERSONAL = frozenset({"sie", "es"})


def _relative_pronoun_as_subject(out: list[Token]) -> None:
    """A relative pronoun the parser made the object, followed by a personal pronoun it made
    the subject, where either may be nominative ("Helfern …, die sie mit Mineralwasser
    versorgten"): readers take the relative pronoun as the subject, the reading German
    prefers when the case leaves it open (the subject-first preference in relative
    clauses), so the roles are swapped."""
    for i, t in enumerate(out[:-1]):
        p = out[i + 1]
        if t.tag == "PRELS" and t.dep == "obj" and t.text.lower() in AMBIGUOUS_RELATIVES \
                and p.tag == "PPER" and p.dep == "nsubj" and p.head == t.head \
                and p.text.lower() in AMBIGUOUS_PERSONAL:
            out[i] = t.model_copy(update={"dep": "nsubj"})
            out[i + 1] = p.model_copy(update={"dep": "obj"})


#: articles a subject may open with
NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})


def _subject_on_adverb(out: list[Token]) -> None:
    """A noun phrase hung on an adverb ("hatte vor wenigen Wochen auch der Europarat in einem
    Bericht verurteilt", "Europarat" under "auch"): an adverb takes no such phrase. In the
    clause of a verb with no subject, a phrase with no preposition that opens with an
    article a nominative may have is the verb's subject ("zuletzt der Unmut", "Schon der
    erste Sieg")."""
    for j, t in enumerate(out):
        a = t.head
        if t.dep != "nmod" or t.tag not in ("NN", "NE") or not 0 <= a < len(out) \
                or out[a].tag != "ADV":
            continue
        v = out[a].head
        kids = [c for c in range(max(0, j - 4), j) if out[c].head == j]
        if not 0 <= v < len(out) or v == a or out[v].tag[:2] not in ("VV", "VA", "VM") \
                or any(out[c].tag in PREP_TAGS for c in kids) \
                or not any(out[c].dep == "det" and out[c].text.lower() in NOMINATIVE_ARTICLES
                           for c in kids) \
                or any(o.head == v and o.dep in ("nsubj", "nsubj:pass") for o in out):
            continue
        out[j] = t.model_copy(update={"head": v, "dep": "nsubj"})


def _preposition_on_itself(out: list[Token]) -> None:
    """A preposition the parser hung on itself ("sollen Flüchtlinge und Migranten künftig
    leichter in jene Transitländer zurückgeschickt werden", "in" its own head and
    "Transitländer" the passive subject): it opens the phrase of the noun after it, which is
    then an oblique. The subject the parser gave instead to an adverbial adjective of the
    same verb ("Flüchtlinge" under "leichter") is the verb's."""
    for i, t in enumerate(out):
        if t.tag not in PREP_TAGS or t.head != i or t.dep == "ROOT":
            continue
        nouns = [k for k in range(i + 1, min(len(out), i + 4)) if out[k].tag in ("NN", "NE")]
        if not nouns:
            continue
        n = nouns[0]
        out[i] = t.model_copy(update={"head": n, "dep": "case"})
        dep = out[n].dep
        if dep not in ("nsubj", "nsubj:pass"):
            continue
        v = out[n].head
        out[n] = out[n].model_copy(update={"dep": "obl"})
        for j, o in enumerate(out):
            a = o.head
            if o.dep in ("nsubj", "nsubj:pass") and o.tag in ("NN", "NE") \
                    and 0 <= a < len(out) and a != j and out[a].tag == "ADJD" \
                    and out[a].head == v:
                out[j] = o.model_copy(update={"head": v, "dep": dep})


def _dative_as_subject(out: list[Token]) -> None:
    """A phrase opened by a determiner that is only ever dative ("dem", "einem", "diesem")
    that the parser made a subject ("Er sollte am Mittwoch dem Haftrichter vorgeführt
    werden", three subjects): it is the indirect object. Not of a verb whose dative does
    the act ("Dem Polizisten gelang es", read by :mod:`arguments`)."""
    for j, t in enumerate(out):
        v = t.head
        if t.dep not in ("nsubj", "nsubj:pass") or t.tag not in ("NN", "NE") \
                or not 0 <= v < len(out) or v == j or out[v].lemma in DATIVE_CONTROLLERS:
            continue
        if any(o.head == j and o.dep == "det" and o.text.lower() in DATIVE_DETERMINERS
               for o in out[max(0, j - 3):j]):
            out[j] = t.model_copy(update={"dep": "iobj"})


def _prepositional_phrase_as_subject(out: list[Token]) -> None:
    """A subject with its own preposition before it ("Auch am Samstag klagten wieder viele
    Lehrer über Überlastung", "am" hung on "Samstag" as a determiner, "Samstag" the subject
    and "Lehrer" the object): a phrase with a preposition is no subject, so it is the verb's
    oblique; the one object that agrees with the finite verb in number, with no article of
    an accusative or dative, is then its subject."""
    for j, t in enumerate(out):
        v = t.head
        if t.dep != "nsubj" or t.tag not in ("NN", "NE") or not 0 <= v < len(out) \
                or v == j or not any(out[c].head == j and out[c].tag in PREP_TAGS
                                     for c in range(max(0, j - 4), j)):
            continue
        out[j] = t.model_copy(update={"dep": "obl"})
        if out[v].tag != "VVFIN" or any(o.head == v and o.dep == "nsubj" for o in out):
            continue
        number = _number(out[v])
        objects = [k for k, o in enumerate(out) if o.head == v and o.dep == "obj"]
        if len(objects) == 1 and number is not None and _number(out[objects[0]]) == number \
                and not any(o.head == objects[0] and o.text.lower() in OBLIQUE_ARTICLES
                            for o in out):
            out[objects[0]] = out[objects[0]].model_copy(update={"dep": "nsubj"})


#: determiners that are only ever dative (a subject opened by one is misread)
DATIVE_DETERMINERS = frozenset({"dem", "einem", "diesem", "jenem"})
#: determiners of a masculine nominative: a subject beside a misread name stays one
MASCULINE_NOMINATIVE = frozenset({"der", "ein", "dieser", "kein"})


def _name_read_as_word(out: list[Token], names: list[tuple[int, int]]) -> None:
    """A person's name the tagger read as an adjective or adverb, next to a finite verb
    ("Kurz kritisierte die Regierung", "Danach traf Kurz den Präsidenten", ``Kurz`` as
    ADJD): the actor layer named a person there, so it is a name and the verb's subject; a
    noun the parser made the subject instead is the object, unless its determiner is a
    masculine nominative ("Kurz lobte der Kanzler": then the name is the object)."""
    for k, t in enumerate(out):
        if t.tag not in ("ADJD", "ADV", "ADJA") or not any(a <= t.start < b for a, b in names):
            continue
        if k + 1 < len(out) and out[k + 1].tag.endswith("FIN") and (
                k == 0 or out[k - 1].tag.startswith("$")):
            verb = k + 1  # the clause's first word
        elif k > 0 and out[k - 1].tag.endswith("FIN"):
            verb = k - 1  # right after the verb
        else:
            continue
        if out[verb].dep.startswith("aux") and 0 <= out[verb].head < len(out):
            verb = out[verb].head  # "Kurz hat … kritisiert": the participle's subject
        others = [j for j, o in enumerate(out) if j != k and o.head == verb and o.dep == "nsubj"]
        named_subject = any(out[d].head == j and out[d].text.lower() in MASCULINE_NOMINATIVE
                            for j in others for d in range(len(out)))
        out[k] = t.model_copy(update={"tag": "NE", "pos": "PROPN", "head": verb,
                                      "dep": "obj" if named_subject else "nsubj"})
        if not named_subject:
            for j in others:
                if out[j].tag == "NN":
                    out[j] = out[j].model_copy(update={"dep": "obj"})


def _name_part_read_as_verb(out: list[Token], names: list[tuple[int, int]]) -> None:
    """A later word of a person's name the tagger read as a verb ("Said Raad al-Hussein"
    with "al-Hussein" an infinitive the subject's verb hung on): inside a name the NER
    found, after a word of it, it is a part of that name."""
    for k in range(1, len(out)):
        t, before = out[k], out[k - 1]
        if not t.tag.startswith(("VV", "VA", "VM")) or before.tag != "NE" \
                or not any(a <= before.start and t.end <= b for a, b in names):
            continue
        head = before.head if before.dep == "flat" and before.head < k else k - 1
        verb = t.head if 0 <= t.head < len(out) and t.head != k else None
        for j, o in enumerate(out):
            if o.head == k and j != k:
                # the subject the parser gave the "verb" is the real verb's, and a second
                # subject behind that verb's finite auxiliary its object ("Der
                # UN-Hochkommissar …, Said Raad al-Hussein, hatte die Hinrichtung verurteilt")
                moved = o.dep == "nsubj" and verb is not None and j < k
                out[j] = o.model_copy(update={"head": verb if moved else head})
                if moved and verb is not None:
                    _later_subject_as_object(out, verb, k)
        out[k] = t.model_copy(update={"tag": "NE", "pos": "PROPN", "head": head,
                                      "dep": "flat", "lemma": t.text.lower()})


def _later_subject_as_object(out: list[Token], verb: int, after: int) -> None:
    """A noun subject of ``verb`` behind its finite auxiliary, when the verb's subject
    stands before ``after``: the object."""
    finite = next((j for j, o in enumerate(out) if o.head == verb and o.dep == "aux"
                   and o.tag.endswith("FIN") and j > after), None)
    if finite is None:
        return
    for j, o in enumerate(out):
        if o.head == verb and o.dep == "nsubj" and j > finite and o.tag == "NN":
            out[j] = o.model_copy(update={"dep": "obj"})


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


def _genitive_name_before_noun(out: list[Token]) -> None:
    """A genitive name right before a noun, both hung on the same verb as its subjects or
    objects ("drohte auch Serbiens Außenminister Ivica Dačić" with "Serbiens" and
    "Außenminister" two subjects, "fordern Assads Rücktritt" with "Assads" a subject): the
    noun's attribute, so that the state and its minister are not two parties of the verb."""
    for j in range(len(out) - 1):
        t, nxt = out[j], out[j + 1]
        if (t.tag == "NE" and "Case=Gen" in t.morph and t.text.endswith("s")
                and nxt.tag == "NN" and t.head == nxt.head != j + 1
                and t.dep in CORE_DEPS and nxt.dep in CORE_DEPS):
            out[j] = t.model_copy(update={"head": j + 1, "dep": "nmod:poss"})


def _genitive_name_after_preposition(out: list[Token]) -> None:
    """A name in "-s" between a preposition and a bare noun, the noun hung on the verb without
    the preposition ("von Zemans Sprecher empfangen" with "Zemans" the agent and "Sprecher" an
    object, "von Obamas Beratern" with "Obamas" on an earlier noun): the preposition is the
    noun's and the name its attribute, so that the spokesman is the one who receives."""
    for j in range(1, len(out) - 1):
        t, prep, nxt = out[j], out[j - 1], out[j + 1]
        if (t.tag == "NE" and t.text.endswith("s") and prep.tag == "APPR"
                and prep.head == j and prep.dep == "case" and nxt.tag == "NN"
                and nxt.head != j and out[nxt.head].tag.startswith("V")
                and nxt.dep in CORE_DEPS
                and not any(o.head == j + 1 and k < j + 1 for k, o in enumerate(out))):
            # the phrase goes where the name went ("den Truppen von Syriens Staatschef"),
            # but a passive's "von" phrase is its agent ("in Berlin von Obamas Beratern")
            v = nxt.head
            agent = prep.text.lower() == "von" and out[v].tag == "VVPP" and any(
                o.head == v and o.dep == "aux:pass" for o in out)
            head, dep = (v, "obl") if agent or t.head == v else (t.head, t.dep)
            out[j - 1] = prep.model_copy(update={"head": j + 1})
            out[j] = t.model_copy(update={"head": j + 1, "dep": "nmod:poss"})
            out[j + 1] = nxt.model_copy(update={"head": head, "dep": dep})


#: what a list of names and titles is made of
LIST_TAGS = frozenset({"NN", "NE", "$,", "KON", "ART", "ADJA", "FM", "TRUNC"})


def _name_after_genitive_attribute(out: list[Token]) -> None:
    """A name right after the noun of a genitive attribute, which the parser made an
    argument of the verb ("warf Deutschland Unterstützung der verbotenen kurdischen
    Arbeiterpartei PKK vor", "PKK" a second object): it names that noun's bearer, an
    apposition of it."""
    for j in range(1, len(out)):
        t, n = out[j], out[j - 1]
        if t.tag != "NE" or t.dep not in ("obj", "iobj", "nsubj", "nsubj:pass") \
                or n.tag != "NN" or n.dep != "nmod" or t.head in (j, j - 1) \
                or any(o.head == j and o.dep == "det" for o in out):
            continue
        if any(o.head == j - 1 and o.dep == "det" and o.text.lower() in ("der", "des")
               for o in out[max(0, j - 5):j - 1]):
            out[j] = t.model_copy(update={"head": j - 1, "dep": "appos"})


def _name_after_prepositional_noun(out: list[Token]) -> None:
    """A name right after the noun of a prepositional attribute, both hung on the noun
    before ("einen Anschlag im Schnellzug Thalys", "Thalys" an attribute of "Anschlag" and
    so its agent): it names the nearer noun, its apposition (a genitive its attribute)."""
    for j in range(1, len(out)):
        t, n = out[j], out[j - 1]
        if t.tag != "NE" or t.dep != "nmod" or n.tag != "NN" or n.dep != "nmod" \
                or t.head != n.head or t.head in (j, j - 1) \
                or any(o.head == j and o.dep in ("det", "case") for o in out) \
                or not any(o.head == j - 1 and o.tag in PREP_TAGS for o in out):
            continue
        dep = "nmod" if "Case=Gen" in t.morph else "appos"
        out[j] = t.model_copy(update={"head": j - 1, "dep": dep})


def _name_on_auxiliary(out: list[Token]) -> None:
    """A name hung on a finite auxiliary or modal ("Bereits in den kommenden Tagen wollen
    Lawrow und Kerry ihre Verhandlungen … fortsetzen", "Lawrow" an apposition of
    "wollen"): an auxiliary takes no phrase, so it is the subject of the verb the auxiliary
    belongs to, when that verb has none."""
    for k, t in enumerate(out):
        h = t.head
        if t.tag != "NE" or t.dep not in ("appos", "nmod", "dep", "obj") \
                or not 0 <= h < len(out) or h == k \
                or out[h].tag not in ("VMFIN", "VAFIN") or not out[h].dep.startswith("aux") \
                or any(o.head == k and o.tag in PREP_TAGS for o in out):
            continue
        v = out[h].head
        if not 0 <= v < len(out) or v == h or not out[v].tag.startswith("VV") \
                or any(o.head == v and o.dep.startswith("nsubj") for o in out):
            continue
        out[k] = t.model_copy(update={"head": v, "dep": "nsubj"})


def _list_after_prepositional_phrase(out: list[Token]) -> None:
    """A list that goes on from the noun of a prepositional phrase before the finite verb,
    made subjects of the verb ("Flankiert von Armeechef Hulusi Akra, Innenminister Efkan Ala
    und Verteidigungsminister Ismet Yilmaz nimmt auch Tayyip Erdoğan die Nato-Verbündeten …
    in die Pflicht" with the ministers subjects beside Erdoğan): when the verb has a subject
    after it, the names in the list are the phrase's, not more subjects."""
    for v, verb in enumerate(out):
        if not verb.tag.endswith("FIN") or not any(
                o.head == v and o.dep == "nsubj" for o in out[v + 1:]):
            continue
        before = [k for k in range(v) if out[k].head == v and out[k].dep == "nsubj"]
        if not before:
            continue
        first = before[0]
        p, k = None, first - 1
        while k >= 0 and out[k].tag in LIST_TAGS:  # back to the phrase's preposition
            if out[k].tag in ("NN", "NE") and any(o.head == k and o.tag == "APPR"
                                                  for o in out[:k]):
                p = k
            k -= 1
        if p is None or not all(out[j].tag in LIST_TAGS for j in range(first, v)) \
                or not any(out[j].tag in ("$,", "KON") for j in range(p + 1, first)):
            continue
        for k in before:
            out[k] = out[k].model_copy(update={"head": p, "dep": "conj"})


#: tags of the words that open a noun phrase, after which "aus" is a preposition of its own
PHRASE_OPENING_TAGS = frozenset({"ART", "NN", "NE", "ADJA", "CARD", "PPOSAT", "PDAT", "PIAT",
                                 "PPER", "PIS", "PDS"})


def _circumposition(out: list[Token]) -> None:
    """"von Belgien aus per Telefon": "aus" right after a "von" phrase and before no noun
    phrase closes it ("von … aus", from where); the parser made it the preposition of the next
    phrase. The closing word is the phrase's, so that :meth:`Sent.prep` reads a place."""
    for j in range(1, len(out) - 2):
        a = out[j + 1]
        if a.text != "aus" or out[j].tag not in ("NN", "NE") \
                or out[j + 2].tag in PHRASE_OPENING_TAGS \
                or not any(o.head == j and o.lemma == "von" and o.tag == "APPR" for o in out[:j]):
            continue
        out[j + 1] = a.model_copy(update={"head": j, "dep": "case", "tag": "APPO"})


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


#: nouns of a day or its time that a dated phrase names ("am Montag", "am Abend")
DAY_NOUNS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                       "sonntag", "sonnabend", "wochenende", "morgen", "vormittag", "mittag",
                       "nachmittag", "abend", "nacht"})


#: articles of a noun phrase that is no genitive and no subject: an object's (dative or
#: accusative)
OBJECT_ARTICLES = {"den": "obj", "einen": "obj", "dem": "iobj", "einem": "iobj"}
#: articles of an accusative or dative only: a phrase with one is no subject
OBLIQUE_ARTICLES = frozenset(OBJECT_ARTICLES) | {"diesen", "diesem"}


def _argument_on_prepositional_noun(out: list[Token]) -> None:
    """A bare noun phrase hung on the noun of a prepositional phrase before it is an argument
    of the verb that phrase belongs to: a noun takes a genitive or a phrase with a preposition
    as attribute, never such a phrase (:func:`_argument_role` says when it is one)."""
    for j, t in enumerate(out):
        h = t.head
        if t.dep != "nmod" or t.tag not in ("NN", "NE") or not 0 <= h < j \
                or out[h].tag not in ("NN", "NE"):
            continue
        preps = {out[c].tag for c in range(h) if out[c].head == h} & {"APPR", "APPRART"}
        kids = [c for c in range(h + 1, j) if out[c].head == j]
        if not preps or any(out[c].tag in ("APPR", "APPRART") for c in kids):
            continue  # the noun before is no prepositional phrase's, or this has its own
        dep = _argument_role(out, j, h, kids, "APPRART" in preps)
        verb = out[h].head
        if not 0 <= verb < len(out) or verb == h or out[verb].tag[:2] not in ("VV", "VA", "VM"):
            continue
        if dep is None and _subject_of_subjectless(out, j, verb, kids):
            dep = "nsubj"
        elif dep is None and _object_of_subjected(out, verb, kids):
            dep = "obj"
        if dep is not None:
            out[j] = t.model_copy(update={"head": verb, "dep": dep})


#: articles of a nominative or an accusative, never of a genitive
NOMINATIVE_OR_ACCUSATIVE = frozenset({"das", "die"})


def _subject_of_subjectless(out: list[Token], j: int, verb: int, kids: list[int]) -> bool:
    """Is phrase ``j``, hung on a prepositional noun, the subject of a ``verb`` that has
    none ("hat nach Angaben der beteiligten Wissenschafter das Infrastrukturministerium
    Mittel in Aussicht gestellt")? Its article is no genitive's, so the phrase is no
    attribute; it agrees with the finite verb in number."""
    if not any(out[c].dep == "det" and out[c].tag == "ART"
               and out[c].text.lower() in NOMINATIVE_OR_ACCUSATIVE for c in kids) \
            or any(o.head == verb and o.dep in ("nsubj", "nsubj:pass") for o in out):
        return False
    number = _finite_number(out, verb)
    return number is not None and number == _number(out[j])


def _object_of_subjected(out: list[Token], verb: int, kids: list[int]) -> bool:
    """Is a phrase hung on a prepositional noun, whose article is a nominative's or an
    accusative's ("die", "das"), the object of an active full ``verb`` that has a subject and
    no object ("hätten die beiden Schatzsucher aus der … Stadt Walbrzych nicht die
    notwendigen Genehmigungen beantragt")?"""
    return any(out[c].dep == "det" and out[c].tag == "ART"
               and out[c].text.lower() in NOMINATIVE_OR_ACCUSATIVE for c in kids) \
        and out[verb].tag.startswith("VV") \
        and any(o.head == verb and o.dep == "nsubj" for o in out) \
        and not any(o.head == verb and o.dep in ("obj", "aux:pass", "nsubj:pass", "cop")
                    for o in out)


def _argument_role(out: list[Token], j: int, h: int, kids: list[int],
                   contracted: bool) -> str | None:
    """The role of phrase ``j`` hung on prepositional noun ``h``, None where it may be the
    noun's own attribute.

    After a day ("Erneut hat am Montag ein palästinensischer Angreifer eine israelische Frau …
    angegriffen"), any phrase that is no genitive by its form or article ("am Montag der
    vergangenen Woche"): an object (the subject rules of ``arguments`` take a nominative one
    that names an actor). The day nouns are a closed class of the calendar.

    After any other noun ("hatten in diesem Zusammenhang den Franzosen Reda Kriket
    festgenommen", "erschoss die Armee nach palästinensischen Angaben einen Palästinenser"),
    a phrase whose article is dative or accusative: an object (``den``, ``einen``) or an
    indirect one (``dem``, ``einem``); not right after a name ("Joost den Haan": a name's
    particle); also after a day whose phrase reads as a genitive. 85 such phrases in the 1,028
    10kGNAD test articles; of 25 read, the rule moves 21, all objects, and leaves the name's
    particle and three without a verb or a preposition alone."""
    if contracted and out[h].tag == "NN" and out[h].text.lower() in DAY_NOUNS:
        genitive = "Case=Gen" in out[j].morph or any(
            out[c].dep == "det" and "Case=Gen" in out[c].morph for c in kids)
        if not genitive:
            return "obj"
    det = next((c for c in kids if out[c].tag == "ART" and out[c].dep == "det"), None)
    if det is None and _after_genitive(out, j, h, kids):
        return "obj"
    if det is None or out[det - 1].tag == "NE" or any(out[c].dep == "case" for c in kids):
        return None
    return OBJECT_ARTICLES.get(out[det].text.lower())


def _after_genitive(out: list[Token], j: int, h: int, kids: list[int]) -> bool:
    """Is ``j`` a bare plural noun right after the genitive name that is prepositional noun
    ``h``'s attribute ("fliegen die USA mit Unterstützung Großbritanniens Luftangriffe")? A
    noun has one genitive attribute; the bare noun after it is the verb's."""
    return j == h + 2 and not kids and out[j].tag == "NN" and _number(out[j]) == "Plur" \
        and "Case=Gen" not in out[j].morph and out[h + 1].tag == "NE" \
        and out[h + 1].head == h and "Case=Gen" in out[h + 1].morph


#: units of a span of time ("vor mehr als 15 Jahren"), which take no phrase as attribute
TIME_UNITS = frozenset({"jahr", "jahrzehnt", "monat", "woche", "tag", "stunde", "minute"})
#: prepositions of a span of time that places an act ("vor", "seit", "nach" 15 Jahren)
SPAN_PREPOSITIONS = frozenset({"vor", "seit", "nach", "binnen", "innerhalb"})


def _phrase_on_time_span(out: list[Token]) -> None:
    """A phrase with a preposition hung on the unit of a span of time ("sprach Wałęsa vor mehr
    als 15 Jahren von allen Spitzelvorwürfen frei" with the charges on "Jahren"): a counted
    span takes no such attribute, so the phrase is the verb's, as the span is."""
    for j, t in enumerate(out):
        h = t.head
        if t.dep != "nmod" or t.tag not in ("NN", "NE") or not 0 <= h < j \
                or out[h].lemma.lower() not in TIME_UNITS:
            continue
        kids = [c for c, o in enumerate(out) if o.head == h]
        verb = out[h].head
        if not any(out[c].tag == "CARD" for c in kids) \
                or not any(out[c].tag == "APPR" and out[c].text.lower() in SPAN_PREPOSITIONS
                           for c in kids) \
                or not any(o.head == j and o.tag in PREP_TAGS for o in out[h + 1:j]) \
                or not 0 <= verb < len(out) or not out[verb].tag.startswith("V"):
            continue
        out[j] = t.model_copy(update={"head": verb, "dep": "obl"})


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


def _mentions_at(tokens: list[Token], here: list[tuple[int, int, str]]) -> list[list[str]]:
    """The actor ids of the mentions overlapping each token, in mention order, each once
    (one pass over the mentions with a binary search: sentences of a long article have many)."""
    starts = [t.start for t in tokens]
    at: list[list[str]] = [[] for _ in tokens]
    for start, end, aid in here:
        # the first token ending after the mention's start: tokens are in order, so the one
        # before the first token starting at or after ``start`` may still overlap it
        k = max(bisect_left(starts, start) - 1, 0)
        while k < len(tokens) and tokens[k].start < end:
            if start < tokens[k].end and aid not in at[k]:
                at[k].append(aid)
            k += 1
    return at


def _first_entity_at(tokens: list[Token], ents: list[Entity]) -> list[Entity | None]:
    """The first entity (in ``ents`` order) whose span holds each token's start."""
    starts = [t.start for t in tokens]
    out: list[Entity | None] = [None] * len(tokens)
    for e in ents:
        for k in range(bisect_left(starts, e.start), len(tokens)):
            if starts[k] >= e.end:
                break
            if out[k] is None:
                out[k] = e
    return out


class SentViews(Sequence[Sent]):
    """The rules' view of every sentence of an article (:class:`Sent`), each built when first
    read. The tokens with the repairs of words (:func:`_words_repaired`) and their rule lemmas
    exist for all up front, the repairs of attachments come with the view: the trigger search
    asks :func:`screen.may_hold_trigger` of them first, and most sentences, holding no
    trigger word, never need a view (building them all was two fifths of the stage's time)."""

    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.article = article
        self.lex = lex
        # the repairs of words for all; those of attachments when a view is built
        self.tokens = [_words_repaired(_retagged(s.tokens), lex) for s in article.sentences]
        self.lemmas = [[_rule_lemma(t) for t in toks] for toks in self.tokens]
        self._views: list[Sent | None] = [None] * len(self.tokens)
        self._index = _actor_index(article)
        self._person_ids = {a.id for a in article.actors if a.type == "person"}
        self._person_names = [(m.start, m.end) for a in article.actors if a.type == "person"
                              for m in a.mentions if m.kind in ("name", "surname")]
        self._person_spans = [(e.start, e.end) for e in article.entities if e.label == "PER"]
        self._unlinked = [e for e in article.entities
                          if not e.actor and e.label in ("PER", "ORG") and e.subtype is None]

    def __len__(self) -> int:
        return len(self._views)

    @overload
    def __getitem__(self, i: int) -> Sent: ...

    @overload
    def __getitem__(self, i: slice) -> list[Sent]: ...

    def __getitem__(self, i: int | slice) -> Sent | list[Sent]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        view = self._views[i]
        if view is None:
            view = self._views[i] = self._view(i % len(self))
        return view

    def _view(self, si: int) -> Sent:
        s, tokens = self.article.sentences[si], _attachments_repaired(self.tokens[si])
        if self._person_names:
            _name_read_as_word(tokens, self._person_names)
        if self._person_spans:
            _name_part_read_as_verb(tokens, self._person_spans)

        # who the tokens name, asked later still: the closure holds what it reads, not this
        # object, whose views hold the closure (a cycle only the collector frees, with every
        # view of the article: most of what the stage allocated)
        lex, index, person_ids = self.lex, self._index, self._person_ids
        person_spans, unlinked = self._person_spans, self._unlinked

        def participants() -> Participants:
            return _participants(s, tokens, lex, index, person_ids, person_spans, unlinked)

        return Sent(si, s, tokens, participants, lemmas=self.lemmas[si])


def _titles_as_named(tokens: list[Token], at: list[list[str]],
                     in_entity: list[Entity | None], starts: set[int], person_ids: set[str],
                     lex: Lexicon) -> None:
    """A title or classifier right before a name ("Vizekanzler Reinhold Mitterlehner",
    "die Hilfsorganisation Ärzte ohne Grenzen", "die Gelehrtengesellschaft Royal Society")
    names that actor, linked or not: the parser often makes the two words two arguments of
    the verb ("Vizekanzler" the subject, "Reinhold" an object), and the title, an unlinked
    participant of its own, was then the one who acts on the named. Not before a genitive
    ("der Präsident Russlands") nor after an indefinite article. Writes the title's actors
    into ``at`` (linked names) or its entity into ``in_entity`` (unlinked ones)."""
    for k in range(len(tokens) - 1):
        t, name = tokens[k], tokens[k + 1]
        if t.tag != "NN" or name.tag not in ("NE", "NN") or at[k] or in_entity[k] is not None \
                or "Case=Gen" in name.morph:
            continue
        ent = in_entity[k + 1]
        linked = bool(at[k + 1]) and name.start in starts
        if name.tag == "NN" and not (linked and k + 2 < len(tokens)
                                     and not set(at[k + 1]).isdisjoint(at[k + 2])
                                     and lex.is_agent(t.lemma or t.text)):
            continue  # a name of common nouns only after an agent noun and when linked and
            # longer than one word: "die Hilfsorganisation Ärzte ohne Grenzen", not "Tausende
            # Isländer", not "Sachsens SPD-Chef Dulig"
        if not linked and (ent is None or ent.start != name.start):
            continue
        if any(tokens[j].head == k and tokens[j].dep == "det" and tokens[j].lemma == "ein"
               for j in range(max(0, k - 3), k)):
            continue  # "unterstützt ein deutscher Rechtsanwalt Erdogan": a noun with an
            # indefinite article introduces no one by the name after it
        lemma = t.lemma or t.text
        # an agent or people noun before any name; any other participant noun ("CDU-Vize",
        # "EZB-Chefvolkswirt") before a person's only: "Flughafen Wien" is not Vienna
        if lex.is_agent(lemma) or lex.names_people(lemma, t.text) or (
                linked and not person_ids.isdisjoint(at[k + 1])
                and lex.is_participant(lemma)):
            if linked:
                at[k] = list(at[k + 1])
            else:
                in_entity[k] = ent


def _affiliations(tokens: list[Token], at: list[list[str]], person_ids: set[str]) -> set[int]:
    """The tokens of a party or organisation in parentheses right after a person's name
    ("Außenminister Sebastian Kurz (ÖVP) hat … bezeichnet"): the person's affiliation, no
    second participant of what the person does."""
    out: set[int] = set()
    for k in range(1, len(tokens) - 2):
        if tokens[k].text != "(" or person_ids.isdisjoint(at[k - 1]):
            continue
        end = next((j for j in range(k + 1, min(len(tokens), k + 5)) if tokens[j].text == ")"),
                   None)
        inner = range(k + 1, end) if end is not None else range(0)
        if inner and all(tokens[j].tag in ("NE", "NN", "FM") for j in inner) \
                and all(at[j] and person_ids.isdisjoint(at[j]) for j in inner):
            out.update(inner)
    return out


def _participants(s: Sentence, tokens: list[Token], lex: Lexicon,
                  index: list[tuple[int, int, str]], person_ids: set[str],
                  person_spans: list[tuple[int, int]], unlinked: list[Entity]) -> Participants:
    """The actors and unlinked participants at each token of one sentence."""
    here = [m for m in index if m[0] < s.end and s.start < m[1]]
    ents = [_without_event_noun(e, tokens, lex) for e in unlinked
            if e.start < s.end and s.start < e.end]
    pers = [(b, e) for b, e in person_spans if b < s.end and s.start < e]
    at = _mentions_at(tokens, here)
    in_entity = _first_entity_at(tokens, ents)
    _titles_as_named(tokens, at, in_entity, {m[0] for m in here}, person_ids, lex)
    local_at: list[str | None] = []
    weak: set[int] = set()
    persons: set[int] = set()
    things: set[str] = set()
    # "STANDARD: ... wird darüber geklagt", "NGO: …"; "der Organisation Cepadho zufolge"
    unlinked_here = set(label_tokens(tokens)) | attribution_tokens(tokens) \
        | _affiliations(tokens, at, person_ids)
    for k, t in enumerate(tokens):
        if k in unlinked_here:
            at[k] = []
            local_at.append(None)
            continue
        ids = at[k]
        if ids and not person_ids.isdisjoint(ids):
            persons.add(k)
        local: str | None = None
        if not ids:
            ent = in_entity[k]
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
    return Participants(at, local_at, weak, persons, things)
