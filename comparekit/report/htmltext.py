"""The two heavy parts of report.html: each source's raw text with segments and flags as
spans, and the segment similarity heatmap (inline SVG).

Everything taken from a source goes through :func:`esc` (``html.escape`` with quotes);
nothing here emits a source's characters any other way.
"""

from __future__ import annotations

import bisect
import html
import re
from typing import Any

#: Relations in the order a segment with several alignments is coloured by.
RELATION_PRIORITY = ("divergent", "same", "overlap", "related")
_WORD = re.compile(r"^[a-z][a-z0-9_]*$")


#: Characters HTML does not allow in a document (C0 controls but tab, newline, form feed
#: and carriage return; DEL and the C1 controls; lone surrogates): a parse error, and NUL
#: is dropped or replaced differently by each browser. Each becomes one U+FFFD, so
#: lengths and the positions of everything after it stay as in the source.
_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(value: Any) -> str:
    """HTML-escape any value (quotes too, so the result is safe inside attributes), with
    characters HTML does not allow shown as U+FFFD."""
    text = _NOT_IN_HTML.sub("\ufffd", "" if value is None else str(value))
    return html.escape(text, quote=True)


def css_word(value: Any) -> str:
    """A vocabulary word usable in a class name, or ``other`` for anything else."""
    s = "" if value is None else str(value)
    return s if _WORD.match(s) else "other"


def segment_links(report: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """For each segment id: ``[alignment id, relation, [counterpart segment ids]]`` rows."""
    links: dict[str, list[list[Any]]] = {}
    for al in report["alignments"]:
        for side, other in (("a", "b"), ("b", "a")):
            for sid in al[side]:
                links.setdefault(sid, []).append([al.get("id", ""), al["relation"], list(al[other])])
    return links


def _best_relation(rows: list[list[Any]]) -> str:
    rels = {r[1] for r in rows}
    for rel in RELATION_PRIORITY:
        if rel in rels:
            return rel
    return css_word(sorted(rels)[0]) if rels else ""


def render_text(
    raw: str,
    doc: dict[str, Any],
    flags: list[dict[str, Any]],
    links: dict[str, list[list[Any]]],
    unmatched: set[str],
    divs: list[dict[str, Any]] | None = None,
) -> str:
    """The raw text of one document, escaped, in reading order.

    Segments become ``<span class="seg" data-seg=ID>``; flagged characters become
    ``<mark class="flag" data-flags="F1 F2">`` pieces inside them (a flag that crosses a
    segment boundary is split into several marks with the same id). ``divs`` are the
    divergence spans in this document (``{"id", "start", "end"}``, raw offsets): their
    characters become ``<mark class="div" data-divs="A4:0 A4:1">`` pieces, inside the
    flag mark when a piece is flagged too (so the flag marks stay as they were). Text
    between segments (blank lines, removed page furniture) stays plain.
    """
    n = len(raw)
    divs = divs or []
    segs = sorted(doc["segments"], key=lambda s: (s["start"], s["end"]))
    cuts = {0, n}
    for s in segs:
        cuts.update((min(max(s["start"], 0), n), min(max(s["end"], 0), n)))
    # One sweep for both kinds of mark: ("f", k) is flags[k], ("d", k) is divs[k].
    opens: dict[int, list[tuple[str, int]]] = {}
    closes: dict[int, list[tuple[str, int]]] = {}
    for kind, items in (("f", flags), ("d", divs)):
        for k, f in enumerate(items):
            a, b = min(max(f["start"], 0), n), min(max(f["end"], 0), n)
            if b > a:
                opens.setdefault(a, []).append((kind, k))
                closes.setdefault(b, []).append((kind, k))
                cuts.update((a, b))
    bounds = sorted(cuts)
    starts = [s["start"] for s in segs]

    def seg_at(p: int) -> dict[str, Any] | None:
        i = bisect.bisect_right(starts, p) - 1
        while i >= 0:
            s = segs[i]
            if s["start"] <= p < s["end"]:
                return s
            if s["end"] <= p:
                return None
            i -= 1
        return None

    out: list[str] = []
    open_seg: str | None = None
    active: set[tuple[str, int]] = set()  # marks covering the current piece (a sweep: O(pieces + marks))
    for p, q in zip(bounds, bounds[1:]):
        active.difference_update(closes.get(p, ()))
        active.update(opens.get(p, ()))
        if q <= p:
            continue
        seg = seg_at(p)
        sid = seg["id"] if seg else None
        if sid != open_seg:
            if open_seg is not None:
                out.append("</span>")
            if seg is not None:
                out.append(_open_segment(seg, links.get(sid, []), sid in unmatched))
            open_seg = sid
        piece = esc(raw[p:q])
        div_ids = _ids(divs, sorted(k for kind, k in active if kind == "d"))
        if div_ids:
            piece = f'<mark class="div" data-divs="{esc(" ".join(div_ids))}">{piece}</mark>'
        flag_ids = _ids(flags, sorted(k for kind, k in active if kind == "f"))
        if flag_ids:
            piece = f'<mark class="flag" data-flags="{esc(" ".join(flag_ids))}">{piece}</mark>'
        out.append(piece)
    if open_seg is not None:
        out.append("</span>")
    return "".join(out)


def _ids(items: list[dict[str, Any]], keys: list[int]) -> list[str]:
    """The ids of ``items[k]`` for each key, once each, in order."""
    return list(dict.fromkeys(str(items[k]["id"]) for k in keys))


def _open_segment(seg: dict[str, Any], rows: list[list[Any]], unmatched: bool) -> str:
    kind = css_word(seg.get("kind"))
    classes = ["seg", f"kind-{kind}"]
    if rows:
        classes += ["linked", f"rel-{css_word(_best_relation(rows))}"]
    if unmatched:
        classes.append("unmatched")
    return (
        f'<span class="{" ".join(classes)}" data-seg="{esc(seg["id"])}" data-kind="{esc(seg.get("kind"))}"'
        f' data-lang="{esc(seg.get("language"))}">'
    )


def _colour(value: float, lo: float, hi: float) -> str:
    """White (``lo``) to dark blue (``hi``), as a fixed-format hex colour."""
    v = min(max((value - lo) / (hi - lo), 0.0), 1.0) if hi > lo else 0.5
    r, g, b = (round(255 - v * (255 - c)) for c in (16, 64, 140))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap_svg(
    matrix: Any,
    row_ids: list[str],
    col_ids: list[str],
    aligned: dict[tuple[str, str], str],
    *,
    label_a: str,
    label_b: str,
    max_side: int,
) -> str:
    """An inline SVG heatmap of a similarity matrix ``[len(row_ids), len(col_ids)]``.

    Cells of aligned pairs get an outline coloured by relation. When a side is longer
    than ``max_side`` the matrix is max-pooled into at most ``max_side`` bands per side
    (so a page stays small for long documents); pooled cells carry no segment ids.
    """
    import numpy as np

    m = np.asarray(matrix, dtype=np.float64)
    rows, cols = m.shape
    if rows == 0 or cols == 0:
        return '<p class="muted">No alignable segments on one side.</p>'
    pooled = rows > max_side or cols > max_side
    if pooled:
        rb = np.array_split(np.arange(rows), min(rows, max_side))
        cb = np.array_split(np.arange(cols), min(cols, max_side))
        m = np.array([[m[np.ix_(r, c)].max() for c in cb] for r in rb])
    nr, nc = m.shape
    # The colour scale spans the matrix's own range: scores cluster in a narrow band.
    lo, hi = round(float(m.min()), 2), round(float(m.max()), 2)
    cell = 12 if max(nr, nc) <= 60 else 6
    left, top = 34, 30
    width, height = max(left + nc * cell + 4, 420), top + nr * cell + 4
    parts = [
        f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="segment similarity heatmap">',
        f'<text x="{left}" y="12" class="axis">columns: {esc(label_b)} segments →</text>',
        f'<text x="10" y="{top}" class="axis" transform="rotate(90 10 {top})">rows: {esc(label_a)} ↓</text>',
    ]
    for i in range(nr):
        for j in range(nc):
            v = float(m[i, j])
            x, y = left + j * cell, top + i * cell
            if pooled:
                parts.append(
                    f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{_colour(v, lo, hi)}">'
                    f"<title>{v:.2f}</title></rect>"
                )
                continue
            a, b = row_ids[i], col_ids[j]
            rel = aligned.get((a, b))
            cls = f' class="cell al rel-{css_word(rel)}"' if rel else ' class="cell"'
            tip = f"{a} × {b}: {v:.2f}" + (f" ({rel})" if rel else "")
            parts.append(
                f'<rect{cls} x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{_colour(v, lo, hi)}"'
                f' data-a="{esc(a)}" data-b="{esc(b)}"><title>{esc(tip)}</title></rect>'
            )
    parts.append("</svg>")
    note = f'<p class="muted">colour scale: white {lo:.2f} to dark blue {hi:.2f}'
    note += (
        f"; {rows}×{cols} segments shown as {nr}×{nc} bands (maximum of each band).</p>"
        if pooled
        else ".</p>"
    )
    return "".join(parts) + note
