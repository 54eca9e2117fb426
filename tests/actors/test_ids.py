"""The actor-id scheme (``lagebild.actors.ids``): KB ids, ids of actors not in the KB, and the
store and the linker agreeing on them."""

from __future__ import annotations

from pathlib import Path

from lagebild.actors.ids import (
    government_id,
    is_new,
    kb_person_id,
    mention_actor_id,
    new_actor_id,
    slug,
)
from lagebild.actors.kb import load_kb
from lagebild.actors.link import Linker
from lagebild.model import Article, Entity
from lagebild.store import Store
from lagebild.store.actor_index import actor_index


def test_slug_folds_german_and_accents() -> None:
    assert slug("Hans-Jürgen Papier") == "hans-juergen-papier"
    assert slug("Außenminister  Müller") == "aussenminister-mueller"
    assert slug("Alan García") == "alan-garcia"
    assert slug("„?!“") == ""


def test_ids_inside_and_outside_the_kb() -> None:
    assert kb_person_id("John Kerry") == "per:john-kerry"
    assert government_id("RUS") == "RUSGOV"
    assert new_actor_id("PER", "Alan García") == "new:per:alan-garcia"
    assert new_actor_id("ORG", "…") == "new:org:x"
    assert mention_actor_id("LOC", "Genf") == "new:loc:genf"
    assert mention_actor_id("LOC", "Moskau", "RUSGOV") == "RUSGOV"
    assert is_new("new:per:hans-muster") and not is_new("per:john-kerry")


def test_the_shipped_kb_follows_the_scheme() -> None:
    kb = load_kb()
    assert kb.actors and not any(is_new(i) for i in kb.actors)
    persons = [a.id for a in kb.actors.values() if a.type == "person"]
    assert persons and all(i.startswith(kb_person_id("")) for i in persons)
    kerry = kb.get(kb_person_id("John Kerry"))
    assert kerry is not None and kerry.type == "person"
    russia_gov = kb.get(government_id("RUS"))
    assert russia_gov is not None and russia_gov.parent == "RUS"


def test_linker_and_store_give_an_unknown_person_one_id(tmp_path: Path) -> None:
    text = "Regierungssprecher Hans Muster sagte, die Lage sei ernst. Hans Muster ging."
    linked = Linker(load_kb()).link(Article(
        text=text, published="2015-09-18",
        entities=[Entity(text="Hans Muster", start=19, end=30, label="PER")]))
    assert linked.entities[0].actor == new_actor_id("PER", "Hans Muster")
    # the second "Hans Muster" stays unlinked (no entity, e.g. NER missed it in a later run):
    # the store groups it under the same id as the linker's mention
    unlinked = Entity(text="Hans Muster", start=text.rindex("Hans"),
                      end=text.rindex("Hans") + 11, label="PER")
    article = linked.model_copy(update={"entities": [linked.entities[0], unlinked]})
    with Store(tmp_path / "s.db") as store:
        store.add(article)
        index = actor_index(store.conn)
    assert set(index.actors) == {"new:per:hans-muster"}
    assert index.actors["new:per:hans-muster"].mentions == 2
