"""report.html without a browser: the page shows every source's raw text in order with
segments and flags at their exact characters, is self-contained, escapes everything from
the sources, and is byte-stable. (tests/test_html_browser.py runs it in Chromium.)"""

import base64
import dataclasses
import hashlib
import json
import os
import re
import stat
import sys
import types

import pytest
from conftest import CARNEGIE, RFI
from html_page import PAYLOADS, divergent_sources, read_page, xss_sources
from report_validation import assert_valid_report

import comparekit
from comparekit.report import build_report, write_report
from comparekit.report.html import page_data, render_html
from comparekit.results import Divergence


@pytest.fixture
def seed_pair(use_fake_encoder):
    comparison = comparekit.compare([CARNEGIE, RFI])
    return comparison, build_report(comparison)


@pytest.fixture
def divergent_pair(use_fake_encoder, tmp_path):
    comparison = comparekit.compare(divergent_sources(tmp_path))
    return comparison, build_report(comparison)


@pytest.fixture
def xss_pair(use_fake_encoder, tmp_path):
    comparison = comparekit.compare(xss_sources(tmp_path))
    return comparison, build_report(comparison)


def page_of(comparison, report, **kw):
    return render_html(report, {d.id: d.raw_text for d in comparison.documents}, comparison=comparison, **kw)


@pytest.mark.parametrize("pair", ["seed_pair", "xss_pair"])
def test_page_shows_raw_text_with_segments_and_flags_at_their_characters(request, pair):
    comparison, report = request.getfixturevalue(pair)
    assert_valid_report(report)
    page = read_page(page_of(comparison, report))
    raws = {d.id: d.raw_text for d in comparison.documents}
    assert page.docs == raws  # every character, in reading order, nothing added
    segs = {s["id"]: (d["id"], s) for d in report["documents"] for s in d["segments"]}
    assert set(page.segments) == {sid for sid, (_, s) in segs.items() if s["end"] > s["start"]}
    for sid, shown in page.segments.items():
        doc, s = segs[sid]
        assert shown == raws[doc][s["start"] : s["end"]]
    assert report["flags"], "these sources have flags, so marks are checked"
    assert set(page.flags) == {f["id"] for f in report["flags"] if f["end"] > f["start"]}
    for f in report["flags"]:
        if f["end"] > f["start"]:
            assert page.flags[f["id"]] == f["text"] == raws[f["doc"]][f["start"] : f["end"]]


def _divergence_ids(report):
    return {f"{al['id']}:{k}": dv for al in report["alignments"] for k, dv in enumerate(al["divergences"])}


def test_divergent_words_are_marked_at_their_characters_with_their_id(divergent_pair):
    comparison, report = divergent_pair
    assert_valid_report(report)
    html = page_of(comparison, report)
    page = read_page(html)
    raws = {d.id: d.raw_text for d in comparison.documents}
    assert page.docs == raws  # the marks add no character
    divs = _divergence_ids(report)
    assert divs and all(dv["spans"] for dv in divs.values())
    # Each divergence's marks cover exactly the characters of its spans, nothing else.
    assert page.divs == {
        did: {(sp["doc"], i) for sp in dv["spans"] for i in range(sp["start"], sp["end"])}
        for did, dv in divs.items()
    }
    for did in divs:
        assert '<tr class="pick divrow" data-pick="' in html and f'data-div="{did}"' in html
    assert set(page_data(report)["divergences"]) == set(divs)

    def marked(did):  # per document, the characters marked with this id, in reading order
        out = {}
        for d, i in sorted(page.divs[did], key=lambda c: (c[0], c[1])):
            out[d] = out.get(d, "") + raws[d][i]
        return out

    for did, dv in divs.items():
        spans = sorted(dv["spans"], key=lambda sp: (sp["doc"], sp["start"]))
        want = {}
        for sp in spans:
            want[sp["doc"]] = want.get(sp["doc"], "") + raws[sp["doc"]][sp["start"] : sp["end"]]
        assert marked(did) == want, (did, dv)
    assert page.flags == {f["id"]: f["text"] for f in report["flags"] if f["end"] > f["start"]}
    assert {"number_mismatch", "entity_added"} <= {dv["type"] for dv in divs.values()}
    for did, dv in divs.items():
        if dv["type"] == "number_mismatch":
            assert marked(did) == {"a": "Twelve", "b": "Twenty"}
        if dv["type"] == "entity_added":
            assert marked(did) == {"b": "Iran"}


def test_a_flagged_divergent_word_is_a_div_mark_inside_the_flag_mark():
    """One sweep cuts at flag and divergence ends alike; where both cover a piece the div
    mark sits inside the flag mark, so mark.flag[data-flags] still finds every flag."""
    from comparekit.report.htmltext import render_text

    raw = "Twenty <b>soldiers</b> died."
    doc = {"segments": [{"id": "b:0", "start": 0, "end": len(raw), "kind": "claim", "language": "en"}]}
    flags = [{"id": "F1", "start": 0, "end": 22}]
    divs = [{"id": "A1:0", "start": 0, "end": 6}, {"id": "A1:1", "start": 0, "end": 6}]
    divs.append({"id": "A2:0", "start": 10, "end": 28})
    html = render_text(raw, doc, flags, {}, set(), divs)
    assert html.count("<mark") == html.count("</mark>") == 6
    assert (
        '<mark class="flag" data-flags="F1"><mark class="div" data-divs="A1:0 A1:1">Twenty</mark></mark>'
        in html
    )
    assert '<mark class="flag" data-flags="F1"> &lt;b&gt;</mark>' in html
    assert (
        '<mark class="flag" data-flags="F1"><mark class="div" data-divs="A2:0">soldiers&lt;/b&gt;</mark></mark>'
        in html
    )
    assert '<mark class="div" data-divs="A2:0"> died.</mark></span>' in html
    assert not re.search(r'<mark class="div"[^>]*><mark', html)
    page = read_page(f'<section data-doc="b"><div class="text">{html}</div></section>')
    assert page.docs == {"b": raw} and page.flags == {"F1": raw[:22]}
    assert {k: "".join(raw[i] for _, i in sorted(v)) for k, v in page.divs.items()} == {
        "A1:0": "Twenty",
        "A1:1": "Twenty",
        "A2:0": raw[10:],
    }


def test_page_is_self_contained_and_script_is_pinned_by_csp(seed_pair):
    html = page_of(*seed_pair)
    page = read_page(html)
    for tag, attrs in page.tags:
        assert "src" not in attrs, (tag, attrs)
        if tag == "link":
            assert attrs["href"].startswith("data:"), attrs
    assert not re.search(r"@import|url\(", html)
    csp = next(
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    (code,) = [text for attrs, text in page.scripts if "type" not in attrs]
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_source_payloads_are_text_not_markup(xss_pair):
    comparison, report = xss_pair
    html = page_of(comparison, report)
    for payload in PAYLOADS:
        assert payload not in html
    assert "<script>window" not in html and "<img" not in html
    page = read_page(html)
    assert [t for t, _ in page.tags].count("script") == 2  # the data and the page's own code
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    raw = comparison.documents[0].raw_text
    assert all(p in raw for p in PAYLOADS) and page.docs[comparison.documents[0].id] == raw
    # The ids (from the file name) come back intact from attributes.
    assert comparison.documents[0].id in {a.get("data-doc") for _, a in page.tags}
    (data,) = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    assert "<" not in data and json.loads(data) == json.loads(json.dumps(page_data(report)))


def test_page_is_byte_stable(seed_pair, tmp_path):
    comparison, report = seed_pair
    assert page_of(comparison, report) == page_of(comparison, build_report(comparison))
    one, two = write_report(comparison, tmp_path / "1"), write_report(comparison, tmp_path / "2")
    assert sorted(one) == sorted(two) and "report.html" in one
    umask = os.umask(0)
    os.umask(umask)
    for name in one:
        assert one[name].read_bytes() == two[name].read_bytes(), name
        assert stat.S_IMODE(one[name].stat().st_mode) == 0o666 & ~umask, name  # not mkstemp's 0600


def test_divergences_are_listed_with_both_texts(seed_pair):
    comparison, _ = seed_pair
    al = comparison.alignments[0]
    pair = al.pairs[0]
    dv = Divergence("number_mismatch", al.b, "<b>42</b>", "A says 40 & B says <b>42</b>", "forty", "42")
    al2 = dataclasses.replace(al, pairs=(dataclasses.replace(pair, divergences=(dv,)),) + al.pairs[1:])
    comparison = dataclasses.replace(comparison, alignments=(al2,))
    report = build_report(comparison)
    assert_valid_report(report)
    html = page_of(comparison, report)
    section = html[html.index('<section id="divergences">') : html.index('<section id="pairs">')]
    assert "number_mismatch" in section and "&lt;b&gt;42&lt;/b&gt;" in section and "<b>42</b>" not in section
    assert "forty" in section and "A says 40 &amp; B says" in section


def test_heatmap_draws_every_cell_or_pools_long_documents(seed_pair):
    comparison, report = seed_pair
    al = comparison.alignments[0]
    rows, cols = al.similarity.shape
    assert (rows, cols) == (len(al.rows), len(al.cols)) and rows > 5 and cols > 5
    full = page_of(comparison, report)
    assert full.count('<rect class="cell') == rows * cols
    aligned = sum(len(p["a"]) * len(p["b"]) for p in report["alignments"])
    assert full.count('class="cell al rel-') == aligned > 0
    pooled = page_of(comparison, report, heatmap_max_side=5)
    assert pooled.count("<rect ") == 25 and "bands" in pooled


def test_frame_chart_is_embedded_when_charts_module_provides_it(seed_pair, tmp_path, monkeypatch):
    import comparekit.report as report_pkg

    fake = types.ModuleType("comparekit.report.charts")
    fake.frame_chart_svg = lambda report: '<svg id="frame-chart"><text>frames</text></svg>'
    fake.frame_chart_png = lambda report, path: path.write_bytes(b"\x89PNG fake")
    monkeypatch.setitem(sys.modules, "comparekit.report.charts", fake)
    monkeypatch.setattr(report_pkg, "charts", fake, raising=False)
    paths = write_report(seed_pair[0], tmp_path)
    assert '<svg id="frame-chart">' in paths["report.html"].read_text("utf-8")
    assert paths["frames.png"].read_bytes() == b"\x89PNG fake"


def test_frame_chart_draws_tiny_zero_and_many_bars(tmp_path):
    # A score under half a pixel once made Pillow refuse the bar (y1 < y0).
    from comparekit.report.charts import frame_chart_png, frame_chart_svg

    ids = [f"doc{k}" for k in range(7)]
    report = {
        "documents": [{"id": i} for i in ids],
        "framing": {
            "frames": {
                i: {"conflict": 0.001 * k, "human_interest": 1.0, "economic": 0.0} for k, i in enumerate(ids)
            },
            "present": {"doc6": ["human_interest"]},
        },
    }
    png = frame_chart_png(report, tmp_path / "f.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = frame_chart_svg(report)
    assert svg.count('fill="url(#fc-hatch)"') == 1 and all(i in svg for i in ids)
    assert "human" in svg and "interest" in svg  # frame names are split at underscores


def test_each_source_column_carries_its_language_and_direction(use_fake_encoder, tmp_path):
    """An Arabic source was laid out left to right (punctuation at the wrong end, lines
    flush left), and Japanese and Chinese text had no lang for the browser to pick glyphs."""
    ar = tmp_path / "ar.txt"
    ar.write_text("قال الرئيس الروسي يوم الثلاثاء إن موسكو مستعدة للتوسط بين أرمينيا وأذربيجان.\n", "utf-8")
    en = tmp_path / "en.txt"
    en.write_text("The Russian president said on Tuesday that Moscow was ready to mediate.\n", "utf-8")
    comparison = comparekit.compare([en, ar])
    page = page_of(comparison, build_report(comparison))
    for doc in comparison.documents:
        assert re.search(
            rf'<section class="doc" data-doc="{doc.id}">.*?<div class="text" lang="{doc.language}" dir="auto">',
            page,
        ), doc.id
    # table cells quoting a source (divergences, claims, flags) take their own direction too
    assert re.search(r"th, td \{[^}]*text-align: start; unicode-bidi: plaintext;", page)


def test_characters_html_does_not_allow_are_shown_as_replacement_characters():
    """A NUL or an escape byte from a source reached report.html as it was: a parse
    error, and browsers drop or replace NUL each their own way. One U+FFFD each keeps the
    text's length and everything after it in place."""
    from comparekit.report.htmltext import esc

    assert esc("a\x00b\x1b[2Jc\x85d\ud800e") == "a\ufffdb\ufffd[2Jc\ufffdd\ufffde"
    assert esc("tab\tnew\nline\r\x0c<&>\"'") == "tab\tnew\nline\r\x0c&lt;&amp;&gt;&quot;&#x27;"


def test_with_three_sources_each_claim_row_names_its_documents(tmp_path, use_fake_encoder):
    # the aligned-claims and divergence tables had A and B columns with nothing saying
    # which of the three documents each side was (a-b, a-c and b-c rows looked alike)
    a, b = divergent_sources(tmp_path)
    c = tmp_path / "c.txt"
    c.write_bytes(a.read_bytes().replace(b"Twelve", b"Eleven"))
    report = build_report(comparekit.compare([a, b, c]))
    page = render_html(report, chart_svg=None)
    seg_doc = {s["id"]: d["id"] for d in report["documents"] for s in d["segments"]}
    for section in ("pairs", "divergences"):
        body = page.split(f'<section id="{section}">')[1].split("</section>")[0]
        rows = re.findall(r"<tr class=\"pick[^\"]*\".*?</tr>", body)
        assert rows, section
        for row in rows:
            cells = re.findall(r"<td>(.*?)</td>", row)
            al_id = re.search(r'data-(?:div|pick)="[^"]*"', row)
            assert al_id
            a_doc, b_doc = cells[-2], cells[-1]
            assert re.match(r'<small class="doc">(a|b|c)</small> ', a_doc), row
            assert re.match(r'<small class="doc">(a|b|c)</small> ', b_doc), row
    # each side names the document its segment comes from
    for al in report["alignments"]:
        row = next(r for r in re.findall(r"<tr class=\"pick\".*?</tr>", page) if f"<td>{al['id']}</td>" in r)
        cells = re.findall(r"<td>(.*?)</td>", row)
        assert cells[-2].startswith(f'<small class="doc">{seg_doc[al["a"][0]]}</small> ')
        assert cells[-1].startswith(f'<small class="doc">{seg_doc[al["b"][0]]}</small> ')


def test_with_three_sources_framing_contrasts_name_their_documents():
    from comparekit.report.html import _framing

    seg = {"a": "d1:0", "b": "d3:2", "a_terms": ["very"], "b_terms": []}
    docs = [
        {"id": f"d{k}", "segments": [{"id": f"d{k}:{i}", "text": f"t{k}{i}"} for i in range(3)]}
        for k in (1, 2, 3)
    ]
    report = {"documents": docs, "framing": {"contrasts": [seg]}}
    table = _framing(report, None).split("<h3>Framing contrasts</h3>")[1]
    cells = re.findall(r"<td>(.*?)</td>", table)
    assert cells[0].startswith('<small class="doc">d1</small> t10') and cells[1].startswith(
        '<small class="doc">d3</small> t32'
    ), cells
    report["documents"] = docs[:2]
    assert '<small class="doc">' not in _framing(report, None)


def test_with_two_sources_claim_rows_are_unchanged(tmp_path, use_fake_encoder):
    report = build_report(comparekit.compare(divergent_sources(tmp_path)))
    assert '<small class="doc">' not in render_html(report, chart_svg=None)
