"""Framing flags (loaded_term, frame_shift, evaluative_term), contrasts and the chart."""

from __future__ import annotations

import pytest
from test_framing import make_doc

from comparekit.detect import DETECTORS, enabled
from comparekit.detect.framing import detect, detect_across
from comparekit.framing.contrasts import contrasts
from comparekit.results import AlignedPair, Alignment


def _first_pair(relation: str, score: float = 0.8, lexical: float = 0.5) -> Alignment:
    """Documents "a" and "b" with their first segments aligned as ``relation``."""
    return Alignment(
        a="a",
        b="b",
        mode="comparable",
        mode_reason="test",
        pairs=(AlignedPair((0,), (0,), score, score, lexical, relation=relation),),
    )


@pytest.fixture
def pair():
    a = make_doc("a", ["Moscow calls for a ceasefire and new peace talks.", "Prices rose."])
    b = make_doc(
        "b", ["Moscow, caught in the crossfire, merely calls for an end to the war and attacks.", "X."]
    )
    al = _first_pair("overlap")
    return a, b, al


def test_registered_and_enabled(settings):
    assert DETECTORS["framing"] == "comparekit.detect.framing"
    assert "framing" in enabled(settings)


def test_loaded_term_flags_words_only_one_side_uses(settings, pair):
    a, b, al = pair
    flags = detect_across([a, b], [al], settings=settings)
    loaded = {(f.doc, f.text) for f in flags if f.type == "loaded_term"}
    assert ("b", "merely") in loaded
    # crossfire is a loaded-list word: its flag is the per-document evaluative_term.
    assert ("b", "crossfire") not in loaded
    for f in flags:
        doc = a if f.doc == "a" else b
        assert doc.raw_text[f.start : f.end] == f.text
        assert f.category == "framing"


def test_frame_shift_on_same_claim(settings, pair):
    a, b, al = pair
    shifts = [f for f in detect_across([a, b], [al], settings=settings) if f.type == "frame_shift"]
    assert len(shifts) == 1
    ev = shifts[0].evidence
    assert ev["a_frame"] == "resolution" and ev["b_frame"] == "conflict"
    assert shifts[0].text == b.segments[0].text


def test_no_frame_shift_when_both_sides_use_both_frames(settings):
    # Both sides have conflict and resolution cues; their dominant frames differ only by
    # count, so neither is "framed as X here and as Y there".
    a = make_doc("a", ["The war goes on, with attacks and clashes, while talks on a ceasefire go on."])
    b = make_doc("b", ["A ceasefire, a truce and a peace deal are near despite the war."])
    al = _first_pair("overlap")
    assert [f for f in detect_across([a, b], [al], settings=settings) if f.type == "frame_shift"] == []


def test_related_pairs_are_not_contrasted(settings, pair):
    a, b, al = pair
    related = _first_pair("related", score=0.5, lexical=0.2)
    assert detect_across([a, b], [related], settings=settings) == []
    assert contrasts([a, b], [related], settings=settings) == []


def test_contrasts_match_flags(settings, pair):
    a, b, al = pair
    (c,) = contrasts([a, b], [al], settings=settings)
    assert c["a"] == "a:0" and c["b"] == "b:0"
    assert "crossfire" in c["b_terms"] and c["frame_shift"] is True


def test_per_document_evaluative_terms(settings, pair):
    _, b, _ = pair
    flags = detect(b, settings=settings)
    assert [f.text for f in flags] == ["crossfire"]
    assert flags[0].type == "evaluative_term" and flags[0].severity == "info"


def test_one_span_one_flag(settings):
    a = make_doc("a", ["Baku is very cautious about the separatist crossfire and the appeasement."])
    b = make_doc("b", ["Baku calls for talks."])
    al = _first_pair("overlap")
    flags = detect(a, settings=settings) + detect(b, settings=settings)
    flags += detect_across([a, b], [al], settings=settings)
    words = [(f.start, f.end) for f in flags if f.type in ("evaluative_term", "loaded_term")]
    assert len(words) == len(set(words))
    kinds = {f.text: f.type for f in flags if f.type in ("evaluative_term", "loaded_term")}
    # Descriptive news words (cautious, separatist) are not flagged at all.
    assert kinds == {"very": "loaded_term", "crossfire": "evaluative_term", "appeasement": "evaluative_term"}


def test_loaded_lists_do_not_overlap_intensifiers_or_minimisers():
    import json
    from importlib import resources

    from comparekit.framing.cues import CUE_LANGUAGES

    for lang in CUE_LANGUAGES:
        data = json.loads(
            resources.files("comparekit").joinpath("data", "frames", f"{lang}.json").read_text("utf-8")
        )
        assert not set(data["loaded"]) & (set(data["intensifiers"]) | set(data["minimisers"])), lang


def test_flags_are_deterministic(settings, pair):
    a, b, al = pair
    assert detect_across([a, b], [al], settings=settings) == detect_across([a, b], [al], settings=settings)


def _report():
    return {
        "documents": [{"id": "a"}, {"id": "b"}],
        "framing": {
            "frames": {
                "a": {"conflict": 0.9, "resolution": 0.2, "economic": 0.0},
                "b": {"conflict": 0.1, "resolution": 0.7, "economic": 0.4},
            },
            "present": {"a": ["conflict"], "b": ["resolution"]},
        },
    }


def test_chart_png_is_byte_stable(tmp_path):
    from comparekit.report.charts import frame_chart_png

    p1 = frame_chart_png(_report(), tmp_path / "one.png")
    p2 = frame_chart_png(_report(), tmp_path / "two.png")
    data = p1.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data == p2.read_bytes()


def test_chart_svg_is_inline_and_stable():
    from comparekit.report.charts import frame_chart_svg

    svg = frame_chart_svg(_report())
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "resolution" in svg and svg == frame_chart_svg(_report())


def test_across_languages_an_intensifier_is_matched_by_any_intensifier(settings):
    # NTREX 048: 'dramatically different' / 'enorm von ...' were both flagged, each side
    # "telling the claim with an intensifier the other does not use".
    a = make_doc("a", ["The tone was dramatically different from last year."])
    b = make_doc("b", ["Der Ton unterschied sich enorm vom letzten Jahr."], "de")
    c = make_doc("c", ["Der Ton unterschied sich vom letzten Jahr."], "de")
    for other, expected in ((b, set()), (c, {("a", "dramatically")})):
        al = Alignment(
            a="a",
            b=other.id,
            mode="parallel",
            mode_reason="test",
            pairs=(AlignedPair((0,), (0,), 0.8, 0.8, 0.5, relation="same"),),
        )
        flags = detect_across([a, other], [al], settings=settings)
        assert {(f.doc, f.text) for f in flags if f.type == "loaded_term"} == expected
