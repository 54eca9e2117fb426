"""``lagebild eval coref FILE``: what ``er`` and ``sie`` refer to, scored on the product path.

Gold lines (JSONL, docs/coref-gold.md) hold a pronoun's offsets in a news article of
``../shared/data/news`` and its label: ``P`` (a named person; ``referent`` = offsets of that
person's nearest name mention), ``U`` (a person the article never names; ``referent`` = the
noun phrase) or ``N`` (a thing, an institution, a group, the polite ``Sie``: no person).
The article texts are read from ``$LAGEBILD_SHARED`` (default ``<repo>/../shared``), so the
gold file carries no article text.

Each article runs through the mode's stages up to the last that assigns ``actors`` (what
``lagebild analyze`` links); the pronoun's actor is the actor of the system mention on its
span, the referent's actor the actor of the system mention best covering the referent. A
``P`` pronoun is right when both are the same actor; an ``N`` pronoun when it has no actor; a
``U`` pronoun when it has none or the referent's.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.actors.evaluate import analyze_to_actors, print_metrics, read_gold, shared_dir

#: label → what a right system answer is (see the module docstring)
LABELS = ("P", "U", "N")

Mention = tuple[int, int, str, str]  # start, end, actor id, actor name


@lru_cache(maxsize=2)
def _news(shared: Path) -> dict[str, list[str]]:
    """The news texts a gold ``doc`` names, by corpus, in file order (read as the judged event
    samples read them; an evaluation module may read through ``training/``)."""
    from lagebild.training.raw import gnad_rows, xglue_rows

    data = shared / "data"
    return {"10kgnad-test": [text for _, text in gnad_rows(data)],
            "xglue-news-de-dev": [title + "\n\n" + body for title, body, _ in xglue_rows(data)]}


def doc_text(doc: str, shared: Path) -> str:
    """The text of ``10kgnad-test/<row>`` (the CSV's n-th article) or ``xglue-news-de-dev/<row>``
    (title, a blank line, body)."""
    corpus, _, number = doc.partition("/")
    if corpus not in ("10kgnad-test", "xglue-news-de-dev") or not number.isdigit():
        raise ValueError(f"unknown document {doc!r} (10kgnad-test/N or xglue-news-de-dev/N)")
    return _news(shared)[corpus][int(number)]


def system_mentions(text: str, name: str, accurate: bool = False) -> list[Mention]:
    """Every actor mention the mode's stages up to ``speakers`` give the text (read as the JSON
    Lines reader reads ``{"text": text}``)."""
    from lagebild.eval.quotes import article_from_text

    result = analyze_to_actors(article_from_text(text, name, reader="jsonl"), accurate)
    return [(m.start, m.end, actor.id, actor.name)
            for actor in result.actors for m in actor.mentions]


def actor_at(start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The mention with the largest overlap with the span, if it covers at least half of the
    shorter of the two."""
    best: Mention | None = None
    best_overlap = 0
    for mention in mentions:
        overlap = min(mention[1], end) - max(mention[0], start)
        shorter = min(mention[1] - mention[0], end - start)
        if overlap > best_overlap and overlap * 2 >= shorter:
            best, best_overlap = mention, overlap
    return best


def judge(row: dict[str, Any], mentions: list[Mention]) -> tuple[bool, Mention | None,
                                                                   Mention | None]:
    """(right, the pronoun's system mention, the referent's) for one gold line."""
    pron = actor_at(row["start"], row["end"], mentions)
    ref = row.get("referent")
    ref_mention = actor_at(ref["start"], ref["end"], mentions) if ref else None
    same = pron is not None and ref_mention is not None and pron[2] == ref_mention[2]
    if row["label"] == "P":
        return same, pron, ref_mention
    if row["label"] == "U":
        return pron is None or same, pron, ref_mention
    return pron is None, pron, ref_mention


def score_rows(rows: list[dict[str, Any]], mentions_of: dict[str, list[Mention]],
               texts: dict[str, str]) -> dict[str, Any]:
    """Figures for gold lines whose documents' system mentions are given."""
    per_label: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    resolved = resolved_right = 0
    errors: list[dict[str, Any]] = []
    for row in rows:
        text = texts[row["doc"]]
        if text[row["start"]:row["end"]] != row["text"]:
            raise ValueError(f"{row['doc']}: offsets {row['start']}-{row['end']} do not match "
                             f"{row['text']!r}")
        if row["label"] not in LABELS:
            raise ValueError(f"{row['doc']}: label {row['label']!r} is none of {LABELS}")
        right, pron, ref = judge(row, mentions_of[row["doc"]])
        per_label[row["label"]][0] += 1
        per_label[row["label"]][1] += right
        form = row["text"].lower()
        per_form[form][0] += 1
        per_form[form][1] += right
        if pron is not None:
            resolved += 1
            resolved_right += right
        if not right:
            referent = row.get("referent")
            errors.append({
                "doc": row["doc"], "start": row["start"], "label": row["label"],
                "context": " ".join((text[max(0, row["start"] - 80):row["start"]] + "["
                                     + row["text"] + "]" + text[row["end"]:row["end"] + 40])
                                    .split()),
                "gold": referent["text"] if referent else row.get("note"),
                "gold_actor": ref[3] if ref else None,
                "system": pron[3] if pron else None})
    total = sum(v[0] for v in per_label.values())
    right_all = sum(v[1] for v in per_label.values())
    persons, persons_right = per_label["P"]

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    precision = ratio(resolved_right, resolved)
    recall = ratio(persons_right, persons)
    return {
        "pronouns": total,
        "documents": len({row["doc"] for row in rows}),
        "accuracy": ratio(right_all, total),
        "precision": precision,
        "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall else 0.0,
        "resolved": resolved,
        "labels": {k: {"pronouns": v[0], "accuracy": ratio(v[1], v[0])}
                   for k, v in sorted(per_label.items())},
        "forms": {k: {"pronouns": v[0], "accuracy": ratio(v[1], v[0])}
                  for k, v in sorted(per_form.items())},
        "errors": errors,
    }


def score(rows: list[dict[str, Any]], shared: Path, accurate: bool = False,
          limit: int | None = None) -> dict[str, Any]:
    """Run the product path on every gold document and score the pronouns."""
    docs = sorted({row["doc"] for row in rows}, key=lambda d: (d.split("/")[0],
                                                                int(d.split("/")[1])))
    if limit is not None:
        docs = docs[:limit]
        kept = set(docs)
        rows = [row for row in rows if row["doc"] in kept]
    texts = {doc: doc_text(doc, shared) for doc in docs}
    mentions_of = {doc: system_mentions(texts[doc], doc, accurate) for doc in docs}
    result = score_rows(rows, mentions_of, texts)
    result["path"] = "product, " + ("accurate" if accurate else "fast")
    return result


def coref(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold JSONL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[bool, typer.Option(
        "--errors", help="list every wrong pronoun with its context")] = False,
    accurate: Annotated[bool, typer.Option(
        "--accurate", help="the accurate mode's stages")] = False,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="only the first N documents")] = None,
    shared: Annotated[Path | None, typer.Option(
        "--shared", help="Shared folder [default: $LAGEBILD_SHARED or <repo>/../shared]")] = None,
) -> None:
    """What `er` and `sie` refer to: accuracy over all pronouns, precision of the resolved
    ones and recall of those meaning a named person, on what `lagebild analyze` links."""
    if accurate:
        from lagebild.cli_support import ensure_accurate

        ensure_accurate()
    try:
        result = score(read_gold(file), shared or shared_dir(), accurate, limit)
    except (ValueError, KeyError, IndexError, FileNotFoundError) as exc:
        from lagebild.cli_support import usage_error

        raise usage_error(f"{file}: {exc}") from exc
    if as_json:
        if not errors:
            result = {k: v for k, v in result.items() if k != "errors"}
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    rows = [(key, str(result[key])) for key in ("accuracy", "precision", "recall", "f1",
                                                 "resolved")]
    rows += [(f"  {name} ({values['pronouns']})", str(values["accuracy"]))
             for group in ("labels", "forms") for name, values in result[group].items()]
    console = print_metrics(f"Coreference {file.name}: {result['pronouns']} pronouns, "
                            f"{result['documents']} documents ({result['path']})", rows)
    if errors:
        counts = Counter(e["label"] for e in result["errors"])
        console.print(f"wrong: {dict(counts)}", markup=False)
        for error in result["errors"]:
            console.print(f"  {error['doc']} {error['label']} gold={error['gold']!r} "
                          f"(system: {error['gold_actor']}) got={error['system']!r}\n"
                          f"    …{error['context']}…", markup=False)
