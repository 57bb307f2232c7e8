"""A short, readable Markdown summary of a report."""

from __future__ import annotations

from typing import Any


def _cell(text: Any, limit: int = 160) -> str:
    s = "" if text is None else str(text)
    s = " ".join(s.split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("|", "\\|")


def render_markdown(report: dict[str, Any]) -> str:
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
        lines += ["| relation | score | A | B |", "|---|---|---|---|"]
        order = {"divergent": 0, "same": 1, "overlap": 2, "related": 3}
        ranked = sorted(report["alignments"], key=lambda a: (order.get(a["relation"], 9), -a["score"]))
        for al in ranked[:15]:
            a = " ".join(seg_text[i] for i in al["a"])
            b = " ".join(seg_text[i] for i in al["b"])
            lines.append(f"| {al['relation']} | {al['score']} | {_cell(a)} | {_cell(b)} |")
        lines.append("")
        divs = [(al, d) for al in report["alignments"] for d in al["divergences"]]
        if divs:
            lines += ["## Divergences", ""]
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
    return "\n".join(lines).rstrip() + "\n"
