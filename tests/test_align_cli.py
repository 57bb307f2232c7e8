"""``comparekit align``: presplit input, gold-format beads, JSON, auto mode and its reason."""

import json

import pytest
from conftest import CARNEGIE, RFI

import comparekit.embed
from comparekit.align import align, alignment_beads
from comparekit.align.files import presplit_document
from comparekit.align.score import parse_beads
from comparekit.cli import main
from comparekit.document import Document
from comparekit.pipeline import embed_document, prepare
from comparekit.settings import Settings

SRC = [
    "The talks resumed in Geneva on Monday.",
    "Both delegations arrived late.",
    "They spoke for six hours.",
    "Oil prices fell sharply in Asian trading.",
    "The ceasefire held overnight.",
]
# 1-2 with an inserted line, and sentence 3 left out
TGT = [
    "The talks resumed in Geneva on Monday.",
    "Both delegations arrived late. They spoke for six hours.",
    "Completely unrelated: bananas are yellow and sweet in summer.",
    "The ceasefire held overnight.",
]


@pytest.fixture
def fake_everywhere(monkeypatch, fake_encoder):
    monkeypatch.setattr(comparekit.embed, "get_encoder", lambda *a, **k: fake_encoder)
    return fake_encoder


def _write(tmp_path, name, lines, end="\n"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + end, encoding="utf-8")
    return path


def test_presplit_keeps_lines_and_raw_spans():
    raw = "First line.\r\nSecond, longer line.\n\nFourth."
    doc = presplit_document(Document(id="d", raw_text=raw))
    assert [s.text for s in doc.segments] == ["First line.", "Second, longer line.", "", "Fourth."]
    for s in doc.segments:
        assert raw[s.start : s.end] == s.text


def test_align_command_prints_gold_format_beads(tmp_path, capsys, fake_everywhere):
    a, b = _write(tmp_path, "a.txt", SRC), _write(tmp_path, "b.txt", TGT)
    code = main(["align", str(a), str(b), "--mode", "parallel", "--presplit", "--format", "beads"])
    out = capsys.readouterr().out
    assert code == 0
    beads = parse_beads(out)
    assert ((0,), (0,)) in beads and ((1, 2), (1,)) in beads and ((4,), (3,)) in beads
    assert sorted(i for s, _ in beads for i in s) == list(range(len(SRC)))
    assert sorted(j for _, t in beads for j in t) == list(range(len(TGT)))


def test_align_command_json_has_scores_and_mode(tmp_path, capsys, fake_everywhere):
    a, b = _write(tmp_path, "a.txt", SRC), _write(tmp_path, "b.txt", TGT)
    assert main(["align", str(a), str(b), "--mode", "parallel", "--presplit", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "parallel" and "asked" in data["mode_reason"]
    first = data["beads"][0]
    assert first["a"] == [0] and first["b"] == [0] and first["relation"] == "same"
    assert 0.9 <= first["score"] <= 1.0 and first["a_ids"] == ["a:0"]


def test_align_command_rejects_unknown_format(tmp_path, capsys):
    a = _write(tmp_path, "a.txt", SRC)
    assert main(["align", str(a), str(a), "--format", "xml"]) == 2
    assert "unknown format" in capsys.readouterr().err


def test_auto_mode_takes_a_translation_as_parallel(fake_encoder):
    s = Settings()
    lines = [f"{w} number {k} was discussed by {w}s" for k, w in enumerate(SRC[0].split() * 3)]
    a = presplit_document(Document(id="a", raw_text="\n".join(lines)))
    b = presplit_document(Document(id="b", raw_text="\n".join(lines)))
    al = align(a, b, fake_encoder.encode(lines), fake_encoder.encode(lines), settings=s)
    assert al.mode == "parallel" and "diagonal strength" in al.mode_reason
    assert alignment_beads(al) == [((k,), (k,)) for k in range(len(lines))]


def test_auto_mode_takes_two_outlets_as_comparable(fake_encoder):
    s = Settings()
    a, b = prepare(_load(CARNEGIE), settings=s), prepare(_load(RFI), settings=s)
    al = align(a, b, embed_document(a, fake_encoder), embed_document(b, fake_encoder), settings=s)
    assert al.mode == "comparable" and al.mode_reason.startswith("auto:")


def test_translated_from_forces_parallel(fake_encoder):
    s = Settings()
    a = presplit_document(Document(id="orig", raw_text="\n".join(SRC)))
    b = presplit_document(
        Document(id="tr", raw_text="\n".join(reversed(SRC)), meta={"translated_from": "orig"})
    )
    al = align(a, b, fake_encoder.encode(SRC), fake_encoder.encode(SRC[::-1]), settings=s)
    assert al.mode == "parallel" and "translated from orig" in al.mode_reason


def _load(path):
    from comparekit.load import load_path

    return load_path(path, settings=Settings())


def test_presplit_lone_cr_line_ends():
    """A file with classic-Mac CR line ends was one 'line' (one segment) in --presplit."""
    raw = "First line.\rSecond line.\r\rFourth.\r"
    doc = presplit_document(Document(id="d", raw_text=raw))
    assert [s.text for s in doc.segments] == ["First line.", "Second line.", "", "Fourth."]
    assert all(raw[s.start : s.end] == s.text for s in doc.segments)


def test_align_says_when_the_encoder_does_not_know_a_language(tmp_path, monkeypatch, fake_encoder, caplog):
    # the pair is embedded anyway (the user asked for these two files), but nothing said
    # so: an en-el pair came back with no beads and no hint why
    monkeypatch.setattr(fake_encoder, "languages", frozenset({"en"}))
    monkeypatch.setattr(comparekit.embed, "get_encoder", lambda *a, **k: fake_encoder)
    a = _write(tmp_path, "en.txt", ["The government announced new measures for the economy this morning."])
    b = _write(tmp_path, "el.txt", ["Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία σήμερα το πρωί."])
    assert main(["align", str(a), str(b)]) == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("el: language 'el' is not one of encoder" in w for w in warnings), warnings
    assert not any("en: language" in w for w in warnings)
