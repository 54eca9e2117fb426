"""The cue lexicon (``statements/data/cues.tsv``): lemma, kind of cue, notes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

#: kinds of cue in ``cues.tsv`` (see the file's header)
KINDS = frozenset({"verb", "reported", "prep", "postp", "nach", "so", "wie", "adv", "heissen",
                   "addressing", "rel", "quoting", "modal", "anaphor", "interview", "place",
                   "speaker", "to", "from", "noun", "judge", "evaluative",
                   "naming", "time"})


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]  # speech verbs (kind verb or reported), separable ones joined
    reported: frozenset[str]  # speech-act verbs that report without a clause
    prep: frozenset[str]
    postp: frozenset[str]
    nach: frozenset[str]  # nouns of "nach Angaben von X"
    adv: frozenset[str]
    addressing: frozenset[str] = frozenset()  # verbs whose object is the addressee
    so: frozenset[str] = frozenset()  # ", so X" after the quotation
    wie: frozenset[str] = frozenset()  # "wie X mitteilte"
    heissen: frozenset[str] = frozenset()  # "hieß es": a cue only with "es"
    rel: frozenset[str] = frozenset()  # "Berichte, wonach …"
    quoting: frozenset[str] = frozenset()  # "zitiert X den Minister": the object speaks
    modal: frozenset[str] = frozenset()  # "Die SPD will …": an actor's intention, Reported
    anaphor: frozenset[str] = frozenset()  # "Dies teilte X mit": the sentence before is quoted
    interview: frozenset[str] = frozenset()  # "in einem Interview mit X": X is the addressee
    place: frozenset[str] = frozenset()  # "vor Gericht", "vor längerer Zeit": no audience
    speaker: frozenset[str] = frozenset()  # nouns of people and sources that speak (Zeugen)
    to: frozenset[str] = frozenset()  # verbs whose "an X" is the addressee (appellierte an X)
    from_: frozenset[str] = frozenset()  # verbs whose "von X" is the addressee (forderte von X)
    noun: frozenset[str] = frozenset()  # speech-act nouns with a clause (die Forderung, dass …)
    judge: frozenset[str] = frozenset()  # a cue only with "für" + adjective (hält es für möglich)
    evaluative: frozenset[str] = frozenset()  # reports only with "als" (wies Y als Z zurück)
    naming: frozenset[str] = frozenset()  # "Als Grund wurde … genannt": Reported, no speaker
    time: frozenset[str] = frozenset()  # "kurz nach der Erklärung": "nach" means "after"


def parse_lexicon(text: str) -> Lexicon:
    by_kind: dict[str, set[str]] = {k: set() for k in KINDS}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        kinds = cols[1].split("+") if len(cols) >= 2 else []
        if not kinds or any(k not in KINDS for k in kinds):
            raise ValueError(f"cues.tsv line {number}: want 'lemma<TAB>kind<TAB>notes' with a "
                             f"kind (or kind+kind) of {sorted(KINDS)}: {line!r}")
        for kind in kinds:
            by_kind[kind].add(cols[0].strip())
    verbs = (by_kind["verb"] | by_kind["reported"] | by_kind["addressing"] | by_kind["heissen"]
             | by_kind["quoting"])
    return Lexicon(
        verbs=frozenset(verbs),
        reported=frozenset(by_kind["reported"]),
        prep=frozenset(w.lower() for w in by_kind["prep"]),
        postp=frozenset(w.lower() for w in by_kind["postp"]),
        nach=frozenset(by_kind["nach"]),
        adv=frozenset(w.lower() for w in by_kind["adv"]),
        addressing=frozenset(by_kind["addressing"]),
        so=frozenset(w.lower() for w in by_kind["so"]),
        wie=frozenset(w.lower() for w in by_kind["wie"]),
        heissen=frozenset(by_kind["heissen"]),
        rel=frozenset(w.lower() for w in by_kind["rel"]),
        quoting=frozenset(by_kind["quoting"]),
        modal=frozenset(by_kind["modal"]),
        anaphor=frozenset(w.lower() for w in by_kind["anaphor"]),
        interview=frozenset(by_kind["interview"]),
        place=frozenset(by_kind["place"]),
        speaker=frozenset(by_kind["speaker"]),
        to=frozenset(by_kind["to"]),
        from_=frozenset(by_kind["from"]),
        noun=frozenset(by_kind["noun"]),
        judge=frozenset(by_kind["judge"]),
        evaluative=frozenset(by_kind["evaluative"]),
        naming=frozenset(by_kind["naming"]),
        time=frozenset(w.lower() for w in by_kind["time"]),
    )


@cache
def load_lexicon() -> Lexicon:
    """The shipped cue lexicon (parsed once)."""
    text = resources.files("lagebild.statements").joinpath("data/cues.tsv").read_text("utf-8")
    return parse_lexicon(text)
