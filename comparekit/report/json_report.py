"""Build the ``comparekit.report/1`` document (see DESIGN.md) from a Comparison."""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any

from comparekit import __version__
from comparekit.report.schema import VALIDATE_ENV, check_report
from comparekit.results import Comparison

SCHEMA = "comparekit.report/1"


def _round(value: Any, digits: int) -> Any:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _round(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_round(v, digits) for v in value]
    return value


def build_report(comparison: Comparison) -> dict[str, Any]:
    """The report as plain data, in a fixed key order (serialised byte-identically)."""
    docs = comparison.documents
    by_id = {d.id: d for d in docs}
    documents = []
    for d in docs:
        titles = [s.text for s in d.segments if s.kind == "title"]
        documents.append(
            {
                "id": d.id,
                "path": d.path,
                "sha256": d.meta.get("sha256"),
                "encoding": d.meta.get("encoding"),
                "format": d.meta.get("format"),
                "line_layout": d.meta.get("line_layout"),
                "extractor": d.meta.get("extractor"),
                "extractor_version": d.meta.get("extractor_version"),
                "language": d.language,
                "language_confidence": d.language_confidence,
                "outlet": d.meta.get("outlet"),
                "title": d.meta.get("title") or (titles[0] if titles else None),
                "date": d.meta.get("date"),
                "url": d.meta.get("url"),
                "translated_from": d.meta.get("translated_from"),
                "characters": len(d.raw_text),
                "segments": [
                    {
                        "id": s.id,
                        "start": s.start,
                        "end": s.end,
                        "text": s.text,
                        "kind": s.kind,
                        "language": s.language,
                        "paragraph": s.paragraph,
                    }
                    for s in d.segments
                ],
            }
        )
    alignments = []
    unmatched: dict[str, list[str]] = {d.id: [] for d in docs}
    relation_counts: Counter[str] = Counter()
    divergence_counts: Counter[str] = Counter()
    for al in comparison.alignments:
        da, db = by_id[al.a], by_id[al.b]
        for pair in al.pairs:
            relation_counts[pair.relation] += 1
            alignments.append(
                {
                    "id": f"A{len(alignments) + 1}",
                    "a": [da.segments[i].id for i in pair.a],
                    "b": [db.segments[j].id for j in pair.b],
                    "score": pair.score,
                    "semantic": pair.semantic,
                    "lexical": pair.lexical,
                    "relation": pair.relation,
                    "mode": al.mode,
                    "divergences": [
                        {
                            "type": dv.type,
                            "doc": dv.doc,
                            "text": dv.text,
                            "detail": dv.detail,
                            "a_text": dv.a_text,
                            "b_text": dv.b_text,
                            "spans": [
                                {"doc": sp.doc, "segment": sp.segment, "start": sp.start, "end": sp.end}
                                for sp in dv.spans
                            ],
                        }
                        for dv in pair.divergences
                    ],
                }
            )
            for dv in pair.divergences:
                divergence_counts[dv.type] += 1
        # A segment is unmatched when no alignment of any pair matched it.
    matched: dict[str, set[int]] = {d.id: set() for d in docs}
    for al in comparison.alignments:
        for pair in al.pairs:
            matched[al.a].update(pair.a)
            matched[al.b].update(pair.b)
    if comparison.alignments:
        for d in docs:
            unmatched[d.id] = [s.id for s in d.segments if s.alignable and s.index not in matched[d.id]]
    flags = []
    flag_counts: Counter[str] = Counter()
    for n, f in enumerate(comparison.findings, start=1):
        flag_counts[f"{f.category}/{f.type}"] += 1
        flags.append(
            {
                "id": f"F{n}",
                "doc": f.doc,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "category": f.category,
                "type": f.type,
                "severity": f.severity,
                "confidence": f.confidence,
                "message": f.message,
                "suggestion": f.suggestion,
                "evidence": dict(f.evidence),
            }
        )
    framing = {"frames": {}, "distinctive_terms": {}, "actors": {}, "contrasts": []}
    framing.update(dict(comparison.framing))
    pairs = list(comparison.summary.get("pairs", []))
    summary: dict[str, Any] = {}
    if pairs:
        summary["similarity"] = sum(p["similarity"] for p in pairs) / len(pairs)
        summary["pairs"] = pairs
    summary.update(
        {
            "mode": comparison.settings.get("mode"),
            "alignment_modes": [
                {"a": al.a, "b": al.b, "mode": al.mode, "reason": al.mode_reason, "channel": al.channel}
                for al in comparison.alignments
            ],
            "documents": len(docs),
            "segments": {d.id: dict(sorted(Counter(s.kind for s in d.segments).items())) for d in docs},
            "alignments": len(alignments),
            "relations": dict(sorted(relation_counts.items())),
            "divergences": dict(sorted(divergence_counts.items())),
            "unmatched": {k: len(v) for k, v in unmatched.items()},
            "flags": dict(sorted(flag_counts.items())),
            "notes": list(comparison.notes),
            "skipped": [{"source": sk.source, "reason": sk.reason} for sk in comparison.skipped],
        }
    )
    for key, value in comparison.summary.items():
        if key not in summary and key != "pairs":
            summary[key] = value
    report = {
        "schema": SCHEMA,
        "tool": {"name": "comparekit", "version": __version__},
        "settings": dict(comparison.settings),
        "documents": documents,
        "alignments": alignments,
        "unmatched": unmatched,
        "flags": flags,
        "framing": framing,
        "summary": summary,
    }
    digits = int(comparison.settings.get("report", {}).get("float_digits", 4))
    report = _round(report, digits)
    if os.environ.get(VALIDATE_ENV):
        check_report(report)
    return report


def dumps(report: dict[str, Any]) -> str:
    """Serialise a report: UTF-8 text, stable, readable, newline-terminated."""
    return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
