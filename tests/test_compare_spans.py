"""Divergence cue spans: every divergence points at the words it quotes in the raw text."""

from __future__ import annotations

import re

import pytest
from conftest import CARNEGIE, RFI
from html_page import divergent_sources

from comparekit.compare import divergences, relate
from comparekit.document import Document, OffsetMap, Run, Segment
from comparekit.results import AlignedPair, Alignment


def _words(text: str) -> str:
    """Words only: a cue quoted as "d après" is "d’après" in the source."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _check_spans(report_or_pairs, raw: dict[str, str], seg_ids: dict[str, set[str]]) -> list:
    """Every span of every divergence slices its raw text to a cue the divergence
    quotes, inside the segment it names; returns the divergences."""
    divs = [dv for pair in report_or_pairs for dv in pair.divergences]
    for dv in divs:
        assert dv.spans, dv
        quoted = {_words(t) for t in re.split(r", ", dv.a_text) + re.split(r", ", dv.b_text) if t}
        for sp in dv.spans:
            assert sp.segment in seg_ids[sp.doc], (dv, sp)
            cue = raw[sp.doc][sp.start : sp.end]
            assert cue == cue.strip() and _words(cue) in quoted, (dv, sp, cue)
    return divs


def test_spans_in_the_pipeline_slice_the_raw_text_to_the_cues(tmp_path, use_fake_encoder, settings):
    import comparekit

    # Cleaning collapses the runs of spaces and the CRLF paragraph breaks, so cleaned and
    # raw offsets differ from the first paragraph on.
    a, b = divergent_sources(tmp_path)
    comparison = comparekit.compare([a, b], settings=settings)
    docs = {d.id: d for d in comparison.documents}
    raw = {k: d.raw_text for k, d in docs.items()}
    assert raw["a"] != docs["a"].text  # the mapping is exercised
    seg_ids = {k: {s.id for s in d.segments} for k, d in docs.items()}
    divs = _check_spans([p for al in comparison.alignments for p in al.pairs], raw, seg_ids)
    numbers = [dv for dv in divs if dv.type == "number_mismatch"]
    assert numbers
    for dv in numbers:
        cues = {(sp.doc, raw[sp.doc][sp.start : sp.end]) for sp in dv.spans}
        assert cues == {("a", "Twelve"), ("b", "Twenty")}
    named = [dv for dv in divs if dv.type in ("entity_added", "entity_missing") and dv.text == "Iran"]
    assert named and all(
        [(sp.doc, raw[sp.doc][sp.start : sp.end]) for sp in dv.spans] == [("b", "Iran")] for dv in named
    )
    # Same input, same spans.
    again = comparekit.compare([a, b], settings=settings)
    assert [p.divergences for al in again.alignments for p in al.pairs] == [
        p.divergences for al in comparison.alignments for p in al.pairs
    ]


def test_spans_of_a_side_of_several_segments_land_in_the_right_segment(settings, fake_encoder):
    # Document A's cleaned text is its raw text with the double spaces collapsed: the
    # segments' cleaned offsets differ from their raw ones.
    raw_a = "Markets  rose on Monday.  Twelve soldiers were killed, officials said."
    text_a = "Markets rose on Monday. Twelve soldiers were killed, officials said."
    runs = [Run(0, 7, 0, 7), Run(7, 8, 7, 9), Run(8, 23, 9, 24), Run(23, 24, 24, 26), Run(24, 68, 26, 70)]
    seg_a = (
        Segment("a:0", 0, 0, 24, 0, 23, text_a[0:23]),
        Segment("a:1", 1, 26, 70, 24, 68, text_a[24:68]),
    )
    a = Document(
        "a",
        raw_a,
        text=text_a,
        offsets=OffsetMap(runs, len(text_a), len(raw_a)),
        segments=seg_a,
        language="en",
    )
    text_b = "Markets rose on Monday and twenty soldiers were killed, not officials said."
    b = Document(
        "b",
        text_b,
        text=text_b,
        offsets=OffsetMap.identity(len(text_b)),
        segments=(Segment("b:0", 0, 0, len(text_b), 0, len(text_b), text_b),),
        language="en",
    )
    va = fake_encoder.encode([s.text for s in a.segments])
    vb = fake_encoder.encode([s.text for s in b.segments])
    pair = AlignedPair((0, 1), (0,), 0.9, 0.9, 0.5)
    out = relate(Alignment("a", "b", "parallel", "test", (pair,)), a, b, va, vb, settings=settings)
    divs = _check_spans(out.pairs, {"a": raw_a, "b": text_b}, {"a": {"a:0", "a:1"}, "b": {"b:0"}})
    number = next(dv for dv in divs if dv.type == "number_mismatch")
    assert [(sp.doc, sp.segment, sp.start, sp.end) for sp in number.spans] == [
        ("a", "a:1", 26, 32),
        ("b", "b:0", 27, 33),
    ]


def test_text_only_check_gives_offsets_into_the_texts(settings):
    a = "Twelve soldiers were killed."
    b = "The army didn't say that twenty soldiers were killed."
    divs = {d.type: d for d in divergences(a, "en", b, "en", settings=settings)}
    number = divs["number_mismatch"]
    assert [(sp.doc, sp.segment, (a if sp.doc == "a" else b)[sp.start : sp.end]) for sp in number.spans] == [
        ("a", None, "Twelve"),
        ("b", None, "twenty"),
    ]
    negation = divs["negation"]
    # English n't is read as the word "not"; its span covers "n't" as written.
    assert [b[sp.start : sp.end] for sp in negation.spans if sp.doc == "b"] == ["n't"]


def test_an_english_nt_negation_is_quoted_as_written(settings):
    # the divergence quoted the token "nt" ("b has 1 negation(s) (nt)") while its span
    # sliced the text to "n't": the quote did not match the words it points at
    a = "The army said that soldiers were killed."
    b = "The army didn't say that soldiers were killed."
    negation = {d.type: d for d in divergences(a, "en", b, "en", settings=settings)}["negation"]
    assert (negation.text, negation.b_text) == ("n't", "n't")
    assert "(n't)" in negation.detail
    assert [b[sp.start : sp.end] for sp in negation.spans] == [negation.b_text]


@pytest.mark.slow
def test_seed_pair_divergences_point_at_their_cues():
    import comparekit

    comparison = comparekit.compare([CARNEGIE, RFI])
    docs = {d.id: d for d in comparison.documents}
    raw = {k: d.raw_text for k, d in docs.items()}
    seg_ids = {k: {s.id for s in d.segments} for k, d in docs.items()}
    divs = _check_spans([p for al in comparison.alignments for p in al.pairs], raw, seg_ids)
    iran = [dv for dv in divs if dv.type == "entity_added" and dv.text == "Iran"]
    assert iran and all(raw[sp.doc][sp.start : sp.end] == "Iran" for dv in iran for sp in dv.spans)
