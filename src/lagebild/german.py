"""Facts of German word formation and typography that more than one layer reads."""

from __future__ import annotations

from functools import lru_cache

#: quotation marks of German and web text (``„…“``, ``»…«``, ``‚…‘``, straight ones), opening
#: and closing alike
QUOTE_MARKS = "„“”\"»«‚‘’›‹'"
#: the double quotation marks alone, opening or closing: a single one may be an apostrophe
#: inside a name ("Pilz’", "’Ndrangheta"), these never are
DOUBLE_QUOTES = frozenset("„“”\"»«")
#: dashes (en, em, hyphen as typed): they end a dateline ("Berlin – …") and a headline's clause
DASHES = frozenset({"–", "—", "-"})
#: weekdays (and the weekend), lower case: after "am"/"kommenden" a day the act is set for
WEEKDAYS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                      "sonntag", "wochenende"})
#: verbs whose dative does what their zu-infinitive says ("Den Rebellen gelang es, die Stadt
#: einzunehmen": the rebels took it); their subject is an expletive "es"
DATIVE_CONTROLLERS = frozenset({"gelingen", "glücken"})
#: noun endings that are feminine whatever the tagger says ("die Regierung", "Politik"); the
#: readers that can afford more add their own ("ie", "enz", "ei")
FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ik")

#: separable verb particles (a zu-infinitive puts "zu" after them: "freizulassen")
SEPARABLE_PARTICLES = frozenset(
    "ab an auf aus bei dar ein fest frei her herab heran herauf heraus herbei herein herüber "
    "herum herunter hervor hin hinaus hinein hinzu hoch los mit nach nieder vor voran voraus "
    "vorbei weg weiter wieder zu zurück zusammen entgegen fort gegenüber statt teil".split())


@lru_cache(maxsize=8192)  # forms repeat; read per participle in the statement rules
def infix_zu_infinitives(form: str) -> tuple[str, ...]:
    """The infinitives a separable verb's zu-infinitive may stand for (``zurückzuziehen``:
    ``zurückziehen``); empty when ``form`` has no ``zu`` right after a particle."""
    return tuple(form[:k] + form[k + 2:] for k in range(2, len(form) - 4)
                 if form[k:k + 2] == "zu" and form[:k] in SEPARABLE_PARTICLES)


def third_person_number(finite_form: str) -> str:
    """``Plur`` or ``Sing`` of a finite verb in the third person, by its form, which the
    tagger often misreads ("erlitt" plural): a plural ends in "-en", "-ln"/"-rn" ("sammeln",
    "ändern") or is "sind"; everything else is singular ("soll", "nahm", "verwirklichte")."""
    form = finite_form.lower()
    return "Plur" if form.endswith(("en", "ln", "rn")) or form == "sind" else "Sing"
