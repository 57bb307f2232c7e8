"""A short, readable Markdown summary of a report."""

from __future__ import annotations

import re
from typing import Any

# Backslash-escaped so that source text stays text when the Markdown is rendered: no HTML
# tag or autolink (<), no link ([ ]), no code span (`), no cell break (|, and \ so
# that a backslash in the text cannot cancel the escape of the pipe after it).
_MD_ESCAPE = re.compile(r"([\\|<\[\]`])")


def _cell(text: Any, limit: int = 160) -> str:
    s = "" if text is None else str(text)
    s = " ".join(s.split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return _MD_ESCAPE.sub(r"\\\1", s)


def _why(contrast: dict, side: str) -> str:
    """What one side of a framing contrast shows, in brackets after its text: the words
    only it uses, and its frame when the frames differ ("(crossfire; frame: conflict)");
    "" when neither (before, a bare "()" followed most frame shifts)."""
    parts = [", ".join(contrast.get(f"{side}_terms", []))]
    if contrast.get("frame_shift"):
        parts.append(f"frame: {contrast.get(f'{side}_frame')}")
    parts = [p for p in parts if p]
    return f"({'; '.join(parts)})" if parts else ""


def _doc_prefix(report: dict[str, Any]):
    """A function giving ``"doc: "`` for the document of segment ``seg_id`` when the report
    has more than two documents (each table row then comes from one pair, and A and B
    change from row to row), else ``""``."""
    doc_of = {s["id"]: d["id"] for d in report["documents"] for s in d["segments"]}
    named = len(report["documents"]) > 2

    def prefix(seg_id: str | None) -> str:
        return f"{doc_of.get(seg_id or '', '?')}: " if named else ""

    return prefix


def render_markdown(report: dict[str, Any]) -> str:
    """The Markdown summary: documents, top divergences, unmatched claims, flags, framing."""
    docs = report["documents"]
    seg_text = {s["id"]: s["text"] for d in docs for s in d["segments"]}
    summary = report["summary"]
    lines = ["# comparekit report", ""]
    lines += ["| document | language | outlet | segments | title |", "|---|---|---|---|---|"]
    for d in docs:
        lines.append(
            f"| {_cell(d['id'])} | {d['language']} ({d['language_confidence']}) | {_cell(d['outlet'])} "
            f"| {len(d['segments'])} | {_cell(d['title'])} |"
        )
    lines.append("")
    if "similarity" in summary:
        lines.append(f"**Similarity:** {summary['similarity']} (mode: {summary['mode']})")
        lines.append("")
    for note in summary.get("notes", []):
        lines.append(f"> {_cell(note, 400)}")
    if report["alignments"]:
        rel = ", ".join(f"{k}: {v}" for k, v in summary["relations"].items())
        lines += ["## Shared and diverging claims", "", f"Relations: {rel}.", ""]
        # With two documents A and B are the first and the second; with more, each row
        # comes from one pair, so it names its alignment and each side's document.
        pairs = len(docs) > 2
        prefix = _doc_prefix(report)
        if pairs:
            lines += ["| id | relation | score | A | B |", "|---|---|---|---|---|"]
        else:
            lines += ["| relation | score | A | B |", "|---|---|---|---|"]
        order = {"divergent": 0, "same": 1, "overlap": 2, "related": 3}
        ranked = sorted(report["alignments"], key=lambda a: (order.get(a["relation"], 9), -a["score"]))
        for al in ranked[:15]:
            a = prefix(al["a"][0]) + " ".join(seg_text[i] for i in al["a"])
            b = prefix(al["b"][0]) + " ".join(seg_text[i] for i in al["b"])
            row = f"| {al['relation']} | {al['score']} | {_cell(a)} | {_cell(b)} |"
            lines.append(f"| {al['id']} {row}" if pairs else row)
        lines.append("")
        divs = [(al, d) for al in report["alignments"] for d in al["divergences"]]
        if divs:
            lines += ["## Top divergences", ""]
            for al, d in divs[:20]:
                lines.append(f"- **{d['type']}** ({al['id']}): {_cell(d['detail'], 300)}")
            lines.append("")
        lines += ["## Claims only one source makes", ""]
        for doc_id, ids in report["unmatched"].items():
            lines.append(f"- **{doc_id}**: {len(ids)} segments")
            for sid in ids[:5]:
                lines.append(f"  - {_cell(seg_text[sid])}")
        lines.append("")
    if report["flags"]:
        lines += ["## Flags", "", "| id | document | type | text | message |", "|---|---|---|---|---|"]
        for f in report["flags"][:40]:
            lines.append(
                f"| {f['id']} | {_cell(f['doc'])} | {f['category']}/{f['type']} | {_cell(f['text'], 60)} "
                f"| {_cell(f['message'])} |"
            )
        lines.append("")
    lines += _framing(report, seg_text)
    return "\n".join(lines).rstrip() + "\n"


def _framing(report: dict[str, Any], seg_text: dict[str, str]) -> list[str]:
    """Frame profile per document, distinctive terms and framing contrasts."""
    fr = report["framing"]
    docs = [d["id"] for d in report["documents"]]
    lines: list[str] = []
    frames = sorted({k for v in fr.get("frames", {}).values() for k in v})
    if frames:
        lines += ["## Framing", "", "| frame | " + " | ".join(_cell(d) for d in docs) + " |"]
        lines.append("|---|" + "---|" * len(docs))
        for k in frames:
            vals = " | ".join(str(fr["frames"].get(d, {}).get(k, 0)) for d in docs)
            lines.append(f"| {_cell(k)} | {vals} |")
        lines.append("")
    terms = fr.get("distinctive_terms", {})
    if any(terms.values()):
        lines += ["### Distinctive terms", ""]
        for d in docs:
            words = ", ".join(_cell(t.get("term"), 40) for t in terms.get(d, [])[:12])
            lines.append(f"- **{_cell(d)}**: {words or '—'}")
        lines.append("")
    if fr.get("contrasts"):
        lines += ["### Framing contrasts", "", "| A | B |", "|---|---|"]
        prefix = _doc_prefix(report)  # as in the claims table
        for c in fr["contrasts"][:15]:
            # The text is cut to fit a cell, never what follows it (the why).
            cells = []
            for side in ("a", "b"):
                text = _cell(f"{prefix(c.get(side))}{seg_text.get(c.get(side), c.get(side))}")
                why = _why(c, side)
                cells.append(f"{text} {_cell(why)}" if why else text)
            lines.append(f"| {cells[0]} | {cells[1]} |")
        lines.append("")
    return lines
