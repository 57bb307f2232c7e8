"""CSV tables (pandas): one row per segment, alignment and flag, raw offsets included."""

from __future__ import annotations

from typing import Any


def _frame(rows: list[dict[str, Any]], columns: list[str]):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def _csv(df) -> str:
    return df.to_csv(index=False, lineterminator="\n")


def segments_csv(report: dict[str, Any]) -> str:
    cols = ["doc", "id", "start", "end", "kind", "language", "paragraph", "text"]
    rows = [
        {"doc": d["id"], **{k: s[k] for k in cols[1:]}} for d in report["documents"] for s in d["segments"]
    ]
    return _csv(_frame(rows, cols))


def alignments_csv(report: dict[str, Any]) -> str:
    seg_text = {s["id"]: s["text"] for d in report["documents"] for s in d["segments"]}
    cols = ["id", "a", "b", "relation", "score", "semantic", "lexical", "divergences", "a_text", "b_text"]
    rows = [
        {
            "id": al["id"],
            "a": " ".join(al["a"]),
            "b": " ".join(al["b"]),
            "relation": al["relation"],
            "score": al["score"],
            "semantic": al["semantic"],
            "lexical": al["lexical"],
            "divergences": "; ".join(f"{d['type']}: {d['detail']}" for d in al["divergences"]),
            "a_text": " ".join(seg_text[i] for i in al["a"]),
            "b_text": " ".join(seg_text[i] for i in al["b"]),
        }
        for al in report["alignments"]
    ]
    return _csv(_frame(rows, cols))


def flags_csv(report: dict[str, Any]) -> str:
    cols = [
        "id",
        "doc",
        "start",
        "end",
        "category",
        "type",
        "severity",
        "confidence",
        "text",
        "message",
        "suggestion",
    ]
    rows = [{k: f[k] for k in cols} for f in report["flags"]]
    return _csv(_frame(rows, cols))
