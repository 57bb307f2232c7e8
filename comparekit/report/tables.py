"""CSV tables: one row per segment, alignment and flag, raw offsets included.

Written with the standard library's ``csv`` module in the dialect of pandas'
``DataFrame.to_csv(index=False, lineterminator="\n")`` (minimal quoting, ``\n`` rows,
empty cells for ``None``), so the files read back with ``pandas.read_csv`` row for row
(text cells that would start a spreadsheet formula get a leading apostrophe);
importing pandas only to write them cost ~0.5 s of every ``compare``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

#: Columns that carry free text from a source or a corpus manifest (or built from it);
#: see :func:`spreadsheet_safe`. Ids, offsets and numbers are never changed.
TEXT_COLUMNS = frozenset(
    {
        "text",
        "message",
        "suggestion",
        "divergences",
        "a_text",
        "b_text",
        "title",
        "outlet",
        "outlet_a",
        "outlet_b",
    }
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula (it starts with = + - @, a
    tab or a carriage return: OWASP's CSV-injection list) gets a leading apostrophe, so
    that a scraped ``=HYPERLINK(...)`` or ``+cmd|...`` opens as text in Excel, LibreOffice
    or Google Sheets. Strip it to get the source's text (report.json has it unchanged)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any, column: str) -> Any:
    if value is None:
        return ""
    return spreadsheet_safe(value) if column in TEXT_COLUMNS else value


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows([_cell(row.get(c), c) for c in columns] for row in rows)
    return buf.getvalue()


def segments_csv(report: dict[str, Any]) -> str:
    cols = ["doc", "id", "start", "end", "kind", "language", "paragraph", "text"]
    rows = [
        {"doc": d["id"], **{k: s[k] for k in cols[1:]}} for d in report["documents"] for s in d["segments"]
    ]
    return _table(rows, cols)


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
    return _table(rows, cols)


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
    return _table(rows, cols)
