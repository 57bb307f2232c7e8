"""What a corpus run writes: one report per story, the corpus tables, a per-outlet
summary and index.html.

Layout of ``--out``::

    stories/<NNNN-title-slug>/report.{json,md,html} ...   one report per story
    stories/<...>/story.json                              the story's table rows
    stories/<...>/DONE                                    written last (resume marker)
    stories.csv pairs.csv flags.csv claims.csv outlets.csv outlet_pairs.csv
    corpus.json index.html

Every file is written atomically; every folder name built from data is sanitised
(:mod:`comparekit.corpus.paths`).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from comparekit.corpus.paths import inside
from comparekit.report.io import atomic_write_text, ensure_dir, refuse_to_overwrite
from comparekit.report.tables import TEXT_COLUMNS, spreadsheet_safe

DONE = "DONE"
SHARED_RELATIONS = ("same", "overlap")


def story_fingerprint(story: dict[str, Any], settings_dict: dict) -> str:
    """sha256 over the story's documents (ids and file hashes) and the settings: a
    done-marker counts only when it matches, so a changed input is recomputed."""
    payload = json.dumps(
        {"docs": story["docs"], "sha": story["sha256"], "settings": settings_dict}, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def story_dir(out: Path, story: dict[str, Any]) -> Path:
    return inside(out, "stories", story["folder"])


def finished_rows(out: Path, story: dict[str, Any], fingerprint: str) -> dict[str, Any] | None:
    """The rows of a story finished by an earlier run with the same inputs, else None."""
    folder = story_dir(out, story)
    try:
        if (folder / DONE).read_text("utf-8").strip() != fingerprint:
            return None
        return json.loads((folder / "story.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_story(comparison, out: Path, story: dict[str, Any]) -> dict[str, Any]:
    """Write a story's report files; return the report (plain data)."""
    from comparekit.report import build_report, write_report

    folder = story_dir(out, story)
    ensure_dir(folder)
    report = build_report(comparison)  # built once: the files and the corpus rows
    write_report(comparison, folder, report=report)
    return report


def mark_done(out: Path, story: dict[str, Any], rows: dict[str, Any], fingerprint: str) -> None:
    """Write story.json, then the done-marker (last: a crash before it means redo)."""
    folder = story_dir(out, story)
    atomic_write_text(
        folder / "story.json", json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    )
    atomic_write_text(folder / DONE, fingerprint + "\n")


def story_rows(report: dict[str, Any], story: dict[str, Any]) -> dict[str, Any]:
    """Rows for the corpus tables from one story's report (report.json contract)."""
    sid = story["id"]
    outlet = {d["id"]: d.get("outlet") or "" for d in report["documents"]}
    seg_text = {s["id"]: s["text"] for d in report["documents"] for s in d["segments"]}
    pairs = []
    by_pair: dict[tuple[str, str], Counter] = defaultdict(Counter)
    claims = []
    for al in report["alignments"]:
        a_doc = al["a"][0].rsplit(":", 1)[0] if al["a"] else ""
        b_doc = al["b"][0].rsplit(":", 1)[0] if al["b"] else ""
        by_pair[(a_doc, b_doc)][al["relation"]] += 1
        by_pair[(a_doc, b_doc)]["divergences"] += len(al["divergences"])
        contradicted = al["relation"] == "divergent" or bool(al["divergences"])
        if al["relation"] in SHARED_RELATIONS or contradicted:
            claims.append(
                {
                    "story": sid,
                    "outlet_a": outlet.get(a_doc, ""),
                    "outlet_b": outlet.get(b_doc, ""),
                    "doc_a": a_doc,
                    "doc_b": b_doc,
                    "relation": al["relation"],
                    "status": "contradicts" if contradicted else "shares",
                    "divergences": " ".join(sorted({d["type"] for d in al["divergences"]})),
                    "a_text": " ".join(seg_text[s] for s in al["a"]),
                    "b_text": " ".join(seg_text[s] for s in al["b"]),
                }
            )
    for p in report["summary"].get("pairs", []):
        counts = by_pair[(p["a"], p["b"])]
        pairs.append(
            {
                "story": sid,
                "a": p["a"],
                "b": p["b"],
                "outlet_a": outlet.get(p["a"], ""),
                "outlet_b": outlet.get(p["b"], ""),
                "similarity": p["similarity"],
                **{r: counts.get(r, 0) for r in ("same", "overlap", "divergent", "related")},
                "divergences": counts.get("divergences", 0),
            }
        )
    flags = [
        {
            "story": sid,
            "doc": f["doc"],
            "outlet": outlet.get(f["doc"], ""),
            "id": f["id"],
            "category": f["category"],
            "type": f["type"],
            "severity": f["severity"],
            "start": f["start"],
            "end": f["end"],
            "text": f["text"],
            "message": f["message"],
        }
        for f in report["flags"]
    ]
    frames = {k: v for k, v in (report.get("framing") or {}).get("frames", {}).items()}
    docs = [
        {
            "story": sid,
            "doc": d["id"],
            "path": d["path"],
            "outlet": d.get("outlet") or "",
            "language": d.get("language") or "",
            "date": d.get("date") or "",
            "title": d.get("title") or "",
            "segments": len(d["segments"]),
            "frames": frames.get(d["id"], {}),
        }
        for d in report["documents"]
    ]
    return {
        "story": sid,
        "folder": story["folder"],
        "title": story.get("title", ""),
        "docs": docs,
        "pairs": pairs,
        "flags": flags,
        "claims": claims,
    }


def _csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: round(v, 4) if isinstance(v, float) else spreadsheet_safe(v) if k in TEXT_COLUMNS else v
                for k, v in row.items()
            }
        )
    return buf.getvalue()


def outlet_summary(results: Sequence[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """Per-outlet rows (documents, stories, flag rates per category, claims shared and
    contradicted, mean frame profile) and per outlet-pair rows (claims shared and
    contradicted, mean similarity)."""
    per: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"documents": 0, "stories": set(), "flags": Counter()}
    )
    frame_sums: dict[str, Counter] = defaultdict(Counter)
    frame_names: set[str] = set()
    for r in results:
        for d in r["docs"]:
            o = per[d["outlet"]]
            o["documents"] += 1
            o["stories"].add(r["story"])
            for name, value in d["frames"].items():
                if isinstance(value, (int, float)):
                    frame_sums[d["outlet"]][name] += float(value)
                    frame_names.add(name)
        for f in r["flags"]:
            per[f["outlet"]]["flags"][f["category"]] += 1
    pair_stats: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"shares": 0, "contradicts": 0, "sims": []}
    )
    for r in results:
        for c in r["claims"]:
            key = tuple(sorted((c["outlet_a"], c["outlet_b"])))
            pair_stats[key][c["status"]] += 1
            per[c["outlet_a"]].setdefault("claims", Counter())[c["status"]] += 1
            per[c["outlet_b"]].setdefault("claims", Counter())[c["status"]] += 1
        for p in r["pairs"]:
            pair_stats[tuple(sorted((p["outlet_a"], p["outlet_b"])))]["sims"].append(p["similarity"])
    outlets = []
    for name in sorted(per):
        o = per[name]
        n = max(o["documents"], 1)
        row = {
            "outlet": name,
            "documents": o["documents"],
            "stories": len(o["stories"]),
            "flags": sum(o["flags"].values()),
            "flags_per_document": sum(o["flags"].values()) / n,
            **{
                f"{cat}_flags_per_document": o["flags"].get(cat, 0) / n
                for cat in ("scrape", "translation", "framing")
            },
            "claims_shared": o.get("claims", Counter()).get("shares", 0),
            "claims_contradicted": o.get("claims", Counter()).get("contradicts", 0),
            **{f"frame_{f}": frame_sums[name][f] / n for f in sorted(frame_names)},
        }
        outlets.append(row)
    pairs = [
        {
            "outlet_a": a,
            "outlet_b": b,
            "pairs": len(s["sims"]),
            "mean_similarity": sum(s["sims"]) / len(s["sims"]) if s["sims"] else 0.0,
            "claims_shared": s["shares"],
            "claims_contradicted": s["contradicts"],
        }
        for (a, b), s in sorted(pair_stats.items())
    ]
    return outlets, pairs


#: The files :func:`write_tables` writes at the top of --out.
TABLE_FILES = (
    "stories.csv",
    "pairs.csv",
    "flags.csv",
    "claims.csv",
    "outlets.csv",
    "outlet_pairs.csv",
    "corpus.json",
    "index.html",
)


def refuse_to_overwrite_inputs(out: Path, inputs: Sequence[str | os.PathLike[str]]) -> None:
    """The manifest or a source saved under a corpus table's name in --out (a manifest
    called stories.csv) would be replaced by the table: refuse before any work."""
    refuse_to_overwrite([out / name for name in TABLE_FILES], inputs, what="the corpus tables")


def write_tables(out: Path, results: Sequence[dict[str, Any]], corpus: dict[str, Any]) -> dict[str, Path]:
    """Write the corpus tables, corpus.json and index.html; return their paths."""
    results = sorted(results, key=lambda r: r["story"])
    docs = sorted((d for r in results for d in r["docs"]), key=lambda d: (d["story"], d["doc"]))
    outlets, outlet_pairs = outlet_summary(results)
    frame_cols = sorted({k for o in outlets for k in o if k.startswith("frame_")})
    files = {
        "stories.csv": _csv(docs, ["path", "outlet", "story", "doc", "language", "date", "title"]),
        "pairs.csv": _csv(
            [p for r in results for p in r["pairs"]],
            [
                "story",
                "a",
                "b",
                "outlet_a",
                "outlet_b",
                "similarity",
                "same",
                "overlap",
                "divergent",
                "related",
                "divergences",
            ],
        ),
        "flags.csv": _csv(
            [f for r in results for f in r["flags"]],
            [
                "story",
                "doc",
                "outlet",
                "id",
                "category",
                "type",
                "severity",
                "start",
                "end",
                "text",
                "message",
            ],
        ),
        "claims.csv": _csv(
            [c for r in results for c in r["claims"]],
            [
                "story",
                "outlet_a",
                "outlet_b",
                "doc_a",
                "doc_b",
                "status",
                "relation",
                "divergences",
                "a_text",
                "b_text",
            ],
        ),
        "outlets.csv": _csv(
            outlets,
            [
                "outlet",
                "documents",
                "stories",
                "flags",
                "flags_per_document",
                "scrape_flags_per_document",
                "translation_flags_per_document",
                "framing_flags_per_document",
                "claims_shared",
                "claims_contradicted",
                *frame_cols,
            ],
        ),  # fmt: skip
        "outlet_pairs.csv": _csv(
            outlet_pairs,
            ["outlet_a", "outlet_b", "pairs", "mean_similarity", "claims_shared", "claims_contradicted"],
        ),
    }
    corpus = {**corpus, "outlets": outlets, "outlet_pairs": outlet_pairs}
    files["corpus.json"] = json.dumps(_rounded(corpus), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    files["index.html"] = render_index(results, outlets, corpus)
    return {name: atomic_write_text(inside(out, name), text) for name, text in files.items()}


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word, with an ellipsis when cut."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def render_index(results: Sequence[dict[str, Any]], outlets: Sequence[dict], corpus: dict[str, Any]) -> str:
    """index.html: every story (linked to its report), the per-outlet summary and what
    was skipped. Static, escaped, no scripts."""
    e = html.escape
    rows = []
    for r in results:
        # a document's own title, else the story's (its first document's first segment)
        titles = [d["title"] for d in r["docs"] if d["title"]] + [r.get("title") or ""]
        sims = [p["similarity"] for p in r["pairs"]]
        link = f"stories/{e(r['folder'])}/report.html"
        rows.append(
            f'<tr><td><a href="{link}">{e(r["story"])}</a></td><td>{e(_short(titles[0], 120))}</td>'
            f"<td>{len(r['docs'])}</td><td>{e(', '.join(sorted({d['outlet'] for d in r['docs']})))}</td>"
            f"<td>{(sum(sims) / len(sims)) if sims else 0:.2f}</td><td>{len(r['flags'])}</td></tr>"
        )
    outlet_rows = [
        f"<tr><td>{e(o['outlet'])}</td><td>{o['documents']}</td><td>{o['stories']}</td>"
        f"<td>{o['flags_per_document']:.2f}</td><td>{o['claims_shared']}</td><td>{o['claims_contradicted']}</td></tr>"
        for o in outlets
    ]
    skipped = [f"<li>line {s['line']}: {e(s['reason'])}</li>" for s in corpus.get("skipped_rows", [])]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        "<title>comparekit corpus</title><style>body{font-family:sans-serif;margin:2em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style>"
        f"</head><body><h1>comparekit corpus</h1><p>{corpus['documents']} documents, {corpus['stories']} stories,"
        f" {corpus['pairs']} compared pairs; {len(corpus.get('skipped_rows', []))} rows skipped.</p>"
        "<h2>Stories</h2><table><tr><th>story</th><th>title</th><th>documents</th><th>outlets</th>"
        "<th>mean similarity</th><th>flags</th></tr>" + "".join(rows) + "</table>"
        "<h2>Outlets</h2><p>Per-outlet tables: outlets.csv, outlet_pairs.csv, claims.csv.</p>"
        "<table><tr><th>outlet</th><th>documents</th><th>stories</th><th>flags per document</th>"
        "<th>claims shared</th><th>claims contradicted</th></tr>"
        + "".join(outlet_rows)
        + "</table>"
        + ("<h2>Skipped</h2><ul>" + "".join(skipped) + "</ul>" if skipped else "")
        + "</body></html>\n"
    )
