"""report.html: one self-contained page (inline CSS, JS and SVG; no network) that shows
the sources side by side with aligned segments linked, every flag at its characters,
filters, divergences, the framing profile and a similarity heatmap.

Safety: every string from a source is escaped with ``html.escape`` where it enters the
markup, and the data the script needs is serialised as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u003c``
etc. (so neither ``</script>`` nor ``<!--`` can end it). A Content-Security-Policy allows
only the page's own script (by hash) and no network at all, as a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from typing import Any

from comparekit.report.htmltext import css_word, esc, heatmap_svg, render_text, segment_links

_SLOT = re.compile(r"/\*CK:([A-Z]+)\*/")


def _asset(name: str) -> str:
    return resources.files("comparekit.report").joinpath("templates", name).read_text("utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def frame_chart() -> str | None:
    """The framing engineer's SVG chart function, if ``report/charts.py`` provides one."""
    try:
        from comparekit.report import charts  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(charts, "frame_chart_svg", None)


def _forms_title(item: dict) -> str:
    """A ``title`` attribute listing the forms a term or actor counts ("conflict ×11,
    conflicts ×3"), or nothing when it was written one way only."""
    forms = item.get("forms") or {}
    if len(forms) < 2:
        return ""
    return f' title="{esc(", ".join(f"{f} ×{n}" for f, n in forms.items()))}"'


def _with_forms(item: dict, html: str) -> str:
    title = _forms_title(item)
    return f"<span{title}>{html}</span>" if title else html


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return esc(value)


def _header(report: dict[str, Any]) -> str:
    s, st = report["summary"], report["settings"]
    cards = []
    for d in report["documents"]:
        rows = [
            ("outlet", d.get("outlet")),
            ("title", d.get("title")),
            ("date", d.get("date")),
            ("url", d.get("url")),
            ("path", d.get("path")),
            ("language", f"{d.get('language')} ({_fmt(d.get('language_confidence'))})"),
            ("encoding", d.get("encoding")),
            ("characters", d.get("characters")),
            ("segments", len(d["segments"])),
            ("unmatched claims", len(report["unmatched"].get(d["id"], []))),
            ("flags", sum(1 for f in report["flags"] if f["doc"] == d["id"])),
        ]
        body = "".join(f"<tr><th>{k}</th><td>{esc(v)}</td></tr>" for k, v in rows if v not in (None, ""))
        cards.append(f'<div class="card"><h3>{esc(d["id"])}</h3><table>{body}</table></div>')
    facts = [
        ("similarity", _fmt(s["similarity"]) if "similarity" in s else "–"),
        ("mode", esc(s.get("mode"))),
        (
            "encoder",
            f"{esc(st.get('encoder', '–'))} <code>{esc(str(st.get('encoder_sha256') or '')[:12])}</code>",
        ),
        ("alignments", esc(s.get("alignments"))),
        ("relations", esc(", ".join(f"{k} {v}" for k, v in s.get("relations", {}).items()) or "none")),
        ("divergences", esc(sum(s.get("divergences", {}).values()))),
        ("flags", esc(len(report["flags"]))),
    ]
    facts_html = "".join(f'<span class="fact"><b>{k}</b> {v}</span>' for k, v in facts)
    notes = "".join(f'<p class="note">{esc(n)}</p>' for n in s.get("notes", []))
    notes += "".join(
        f'<p class="note">skipped {esc(k.get("source"))}: {esc(k.get("reason"))}</p>'
        for k in s.get("skipped", [])
    )
    settings = esc(json.dumps(st, ensure_ascii=False, indent=2, sort_keys=True))
    return (
        f'<header><h1>comparekit report</h1><div class="facts">{facts_html}</div>{notes}'
        f'<div class="cards">{"".join(cards)}</div>'
        f"<details><summary>settings</summary><pre>{settings}</pre></details></header>"
    )


def _filters(report: dict[str, Any]) -> str:
    cats = sorted({f["category"] for f in report["flags"]})
    types = sorted({(f["category"], f["type"]) for f in report["flags"]})
    if not cats:
        return '<div id="filters" class="filters"><span class="muted">No flags.</span></div>'
    cat_html = "".join(
        f'<label class="cat-{css_word(c)}"><input type="checkbox" checked data-filter="category" value="{esc(c)}">'
        f" {esc(c)}</label>"
        for c in cats
    )
    type_html = "".join(
        f'<label><input type="checkbox" checked data-filter="type" value="{esc(t)}"> {esc(c)}/{esc(t)}</label>'
        for c, t in types
    )
    return (
        f'<div id="filters" class="filters"><b>Flags</b> <span id="flag-count"></span>'
        f'<div class="row">category: {cat_html}</div><div class="row">type: {type_html}</div></div>'
    )


def divergence_ids(report: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """``(id, alignment, divergence)`` for every divergence, in report order. The id is
    the alignment's id and the divergence's index in it (``A4:0``); an alignment without
    an id is numbered by its position (``#3:0``)."""
    return [
        (f"{al.get('id') or f'#{n}'}:{k}", al, dv)
        for n, al in enumerate(report["alignments"])
        for k, dv in enumerate(al["divergences"])
    ]


def _texts(report: dict[str, Any], raw_texts: dict[str, str]) -> str:
    links = segment_links(report)
    unmatched = {sid for ids in report["unmatched"].values() for sid in ids}
    spans = [
        {"id": did, "doc": sp["doc"], "start": sp["start"], "end": sp["end"]}
        for did, _, dv in divergence_ids(report)
        for sp in dv.get("spans", [])
    ]
    cols = []
    for d in report["documents"]:
        flags = [f for f in report["flags"] if f["doc"] == d["id"]]
        divs = [sp for sp in spans if sp["doc"] == d["id"]]
        raw = raw_texts.get(d["id"])
        if raw is None:  # no raw text at hand: the cleaned segments, one per line
            raw = "\n".join(s["text"] for s in d["segments"])
            d = {**d, "segments": _relative(d["segments"])}
            flags, divs = [], []  # their offsets are into the raw text
        body = render_text(raw, d, flags, links, unmatched, divs)
        cols.append(
            f'<section class="doc" data-doc="{esc(d["id"])}"><h2>{esc(d["id"])}'
            f" <small>{esc(d.get('outlet') or '')} {esc(d.get('language'))}</small></h2>"
            f'<div class="text" lang="{esc(d.get("language") or "und")}" dir="auto">{body}</div></section>'
        )
    legend = (
        '<div class="legend">relations: <span class="seg linked rel-same">same</span> '
        '<span class="seg linked rel-overlap">overlap</span> <span class="seg linked rel-divergent">divergent</span> '
        '<span class="seg linked rel-related">related</span> <span class="seg unmatched">only in this source</span> '
        '<span class="seg kind-boilerplate">not a claim (boilerplate, byline, ...)</span> '
        '<mark class="flag">flag</mark> <mark class="div">divergent words</mark>'
        " — click a segment to pin its counterparts.</div>"
    )
    return f'{legend}<div id="sbs" class="sbs" style="--cols:{len(cols)}">{"".join(cols)}</div>'


def _relative(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out, pos = [], 0
    for s in segments:
        out.append({**s, "start": pos, "end": pos + len(s["text"])})
        pos += len(s["text"]) + 1
    return out


def _heatmaps(report: dict[str, Any], comparison: Any, max_side: int) -> str:
    if comparison is None or not getattr(comparison, "alignments", ()):
        return ""
    docs = {d.id: d for d in comparison.documents}
    aligned = {}
    for al in report["alignments"]:
        for a in al["a"]:
            for b in al["b"]:
                aligned[(a, b)] = al["relation"]
    parts = []
    for al in comparison.alignments:
        head = f"<h3>{esc(al.a)} × {esc(al.b)}</h3>"
        if al.similarity is None:
            parts.append(
                f'{head}<p class="muted">No similarity matrix was kept for this pair ({esc(al.mode)} mode; '
                "comparable mode keeps it up to align.keep_matrix_max_cells cells).</p>"
            )
            continue
        rows = [docs[al.a].segments[i].id for i in al.rows]
        cols = [docs[al.b].segments[j].id for j in al.cols]
        svg = heatmap_svg(al.similarity, rows, cols, aligned, label_a=al.a, label_b=al.b, max_side=max_side)
        parts.append(head + svg)
    return (
        '<section id="heatmap"><h2>Segment similarity</h2><p class="muted">Combined score of every pair of '
        "alignable segments; outlined cells were aligned. Click a cell to show both segments.</p>"
        f"{''.join(parts)}</section>"
    )


def _seg_texts(report: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["text"] for d in report["documents"] for s in d["segments"]}


def _doc_labels(report: dict[str, Any]):
    """A function giving the label that leads one side (A or B) of a row: the document of
    segment ``seg_id`` when the report has more than two documents (A and B then change
    from row to row), else nothing."""
    doc_of = {s["id"]: d["id"] for d in report["documents"] for s in d["segments"]}
    named = len(report["documents"]) > 2

    def label(seg_id: str | None) -> str:
        doc = doc_of.get(seg_id or "")
        return f'<small class="doc">{esc(doc)}</small> ' if named and doc else ""

    return label


def _side_cells(report: dict[str, Any]):
    """A function giving one side of an aligned pair as a cell: its segments' text, led
    by its document's label (see :func:`_doc_labels`)."""
    text = _seg_texts(report)
    label = _doc_labels(report)

    def cell(ids: list[str]) -> str:
        return (label(ids[0]) if ids else "") + esc(" ".join(text[i] for i in ids))

    return cell


def _divergences(report: dict[str, Any]) -> str:
    side = _side_cells(report)
    rows = []
    for did, al, dv in divergence_ids(report):
        first = (al["a"] + al["b"])[0] if al["a"] or al["b"] else ""
        says = " · ".join(
            f"{side} says: {esc(dv.get(key))}"
            for side, key in (("A", "a_text"), ("B", "b_text"))
            if dv.get(key)
        )
        rows.append(
            f'<tr class="pick divrow" data-pick="{esc(first)}" data-div="{esc(did)}">'
            f'<td><span class="badge">{esc(dv["type"])}</span>'
            f"<br><small>{esc(did)}</small></td>"
            f"<td>{esc(dv['doc'])}: <b>{esc(dv['text'])}</b><br>{esc(dv['detail'])}"
            + (f'<br><small class="muted">{says}</small>' if says else "")
            + f"</td><td>{side(al['a'])}</td><td>{side(al['b'])}</td></tr>"
        )
    body = (
        "<table><tr><th>type</th><th>detail</th><th>A</th><th>B</th></tr>" + "".join(rows) + "</table>"
        if rows
        else '<p class="muted">No divergences found between aligned claims.</p>'
    )
    return f'<section id="divergences"><h2>Divergences</h2>{body}</section>'


def _pairs(report: dict[str, Any]) -> str:
    if not report["alignments"]:
        return ""
    side = _side_cells(report)
    rows = "".join(
        f'<tr class="pick" data-pick="{esc((al["a"] + al["b"])[0] if al["a"] or al["b"] else "")}">'
        f'<td>{esc(al.get("id"))}</td><td><span class="badge rel-{css_word(al["relation"])}">'
        f"{esc(al['relation'])}</span></td><td>{_fmt(al['score'])}</td>"
        f"<td>{side(al['a'])}</td><td>{side(al['b'])}</td></tr>"
        for al in report["alignments"]
    )
    return (
        '<section id="pairs"><h2>Aligned claims</h2><table><tr><th>id</th><th>relation</th><th>score</th>'
        f"<th>A</th><th>B</th></tr>{rows}</table></section>"
    )


def _flags(report: dict[str, Any]) -> str:
    if not report["flags"]:
        return '<section id="flags"><h2>Flags</h2><p class="muted">No flags.</p></section>'
    rows = "".join(
        f'<tr class="flagrow" data-flag="{esc(f["id"])}"><td>{esc(f["id"])}</td><td>{esc(f["doc"])}</td>'
        f'<td><span class="badge cat-{css_word(f["category"])}">{esc(f["category"])}/{esc(f["type"])}</span></td>'
        f"<td>{esc(f['severity'])}</td><td>{_fmt(f['confidence'])}</td><td><q>{esc(f['text'])}</q></td>"
        f"<td>{esc(f['message'])}</td><td>{esc(f.get('suggestion') or '')}</td></tr>"
        for f in report["flags"]
    )
    return (
        '<section id="flags"><h2>Flags</h2><table><tr><th>id</th><th>document</th><th>type</th><th>severity</th>'
        f"<th>confidence</th><th>text</th><th>message</th><th>suggestion</th></tr>{rows}</table></section>"
    )


def _framing(report: dict[str, Any], chart_svg: str | None) -> str:
    fr = report["framing"]
    docs = [d["id"] for d in report["documents"]]
    parts = []
    if chart_svg:
        parts.append(f'<div class="chart">{chart_svg}</div>')
    frames = sorted({k for v in fr.get("frames", {}).values() for k in v})
    if frames:
        head = "".join(f"<th>{esc(d)}</th>" for d in docs)
        rows = "".join(
            f"<tr><th>{esc(k)}</th>"
            + "".join(
                f'<td><span class="bar" style="width:{round(100 * min(max(float(fr["frames"].get(d, {}).get(k, 0)), 0), 1))}px">'
                f"</span> {_fmt(float(fr['frames'].get(d, {}).get(k, 0)))}</td>"
                for d in docs
            )
            + "</tr>"
            for k in frames
        )
        parts.append(f"<h3>Frame profile</h3><table><tr><th>frame</th>{head}</tr>{rows}</table>")
    terms = fr.get("distinctive_terms", {})
    if any(terms.values()):
        cells = "".join(
            f'<div class="card"><h4>{esc(d)}</h4>'
            + " ".join(
                f'<span class="term"{_forms_title(t)}>{esc(t.get("term"))} <small>z {_fmt(t.get("z"))}, ×{esc(t.get("count"))}</small></span>'
                for t in terms.get(d, [])
            )
            + "</div>"
            for d in docs
        )
        parts.append(f'<h3>Distinctive terms</h3><div class="cards">{cells}</div>')
    actors = fr.get("actors", {})
    if any(actors.values()):
        cells = "".join(
            f'<div class="card"><h4>{esc(d)}</h4>'
            + ", ".join(
                f"{_with_forms(a, esc(a.get('name')))} ({esc(a.get('mentions'))}, agent {esc(a.get('as_agent'))})"
                for a in actors.get(d, [])
            )
            + "</div>"
            for d in docs
        )
        parts.append(f'<h3>Actors</h3><div class="cards">{cells}</div>')
    text = _seg_texts(report)
    label = _doc_labels(report)
    if fr.get("contrasts"):
        rows = "".join(
            f'<tr class="pick" data-pick="{esc(c.get("a"))}"><td>{label(c.get("a"))}'
            f"{esc(text.get(c.get('a'), c.get('a')))}<br><small>{esc(', '.join(c.get('a_terms', [])))}</small></td>"
            f"<td>{label(c.get('b'))}{esc(text.get(c.get('b'), c.get('b')))}"
            f"<br><small>{esc(', '.join(c.get('b_terms', [])))}</small></td></tr>"
            for c in fr["contrasts"]
        )
        parts.append(f"<h3>Framing contrasts</h3><table><tr><th>A</th><th>B</th></tr>{rows}</table>")
    if not parts:
        parts.append(
            '<p class="muted">No framing analysis in this report (the framing detector did not run).</p>'
        )
    return f'<section id="framing"><h2>Framing</h2>{"".join(parts)}</section>'


def page_data(report: dict[str, Any]) -> dict[str, Any]:
    """What the page's script needs: segment links, flag and divergence details, by id."""
    return {
        "divergences": {
            did: {k: dv.get(k) for k in ("type", "doc", "text", "detail", "a_text", "b_text")}
            for did, _, dv in divergence_ids(report)
        },
        "links": segment_links(report),
        "flags": {
            f["id"]: {
                k: f.get(k)
                for k in ("category", "type", "severity", "confidence", "message", "suggestion", "text")
            }
            for f in report["flags"]
        },
        "segments": {
            s["id"]: {"kind": s.get("kind"), "language": s.get("language")}
            for d in report["documents"]
            for s in d["segments"]
        },
    }


def render_html(
    report: dict[str, Any],
    raw_texts: dict[str, str] | None = None,
    *,
    comparison: Any = None,
    chart_svg: str | None = None,
    heatmap_max_side: int = 80,
) -> str:
    """The whole page as one string (byte-stable for the same inputs).

    ``raw_texts`` maps document id to its raw text (segments and flags are placed by raw
    offsets); without it the cleaned segment texts are shown. ``comparison`` supplies
    the similarity matrices for the heatmap; ``chart_svg`` is the framing chart.
    """
    raw_texts = raw_texts or {}
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    title = " vs ".join(d["id"] for d in report["documents"])
    body = "".join(
        [
            _header(report),
            _filters(report),
            _texts(report, raw_texts),
            _divergences(report),
            _pairs(report),
            _flags(report),
            _framing(report, chart_svg),
            _heatmaps(report, comparison, heatmap_max_side),
            '<div id="tip" class="tip" hidden></div>',
        ]
    )
    slots = {
        "TITLE": esc(f"comparekit: {title}"),
        "CSP": f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'",
        "CSS": _asset("report.css"),
        "BODY": body,
        "DATA": script_json(page_data(report)),
        "JS": script,
    }
    # One pass, so text inserted for one slot is never searched for another.
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("report.html"))
