"""Validate reports against the shipped JSON Schema plus the rules a schema cannot say
(offsets ordered and in range, ids that refer to what exists). Used by every test that
produces a report."""

from __future__ import annotations

from typing import Any


def schema_errors(report: dict[str, Any]) -> list[str]:
    """Every schema violation of ``report`` as 'path: message' lines (empty when valid)."""
    import jsonschema

    from comparekit.report.schema import load_schema

    validator = jsonschema.Draft202012Validator(load_schema())
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in sorted(validator.iter_errors(report), key=lambda e: list(map(str, e.absolute_path)))
    ]


def assert_valid_report(report: dict[str, Any]) -> None:
    """Fail with every problem listed when ``report`` breaks the contract."""
    problems = schema_errors(report)
    docs = {d["id"]: d for d in report["documents"]}
    seg_ids = {s["id"] for d in report["documents"] for s in d["segments"]}
    for d in report["documents"]:
        for s in d["segments"]:
            if not 0 <= s["start"] <= s["end"] <= d.get("characters", s["end"]):
                problems.append(f"segment {s['id']}: bad offsets {s['start']}-{s['end']}")
    for al in report["alignments"]:
        for sid in al["a"] + al["b"]:
            if sid not in seg_ids:
                problems.append(f"alignment {al.get('id')}: unknown segment {sid}")
    for doc_id, ids in report["unmatched"].items():
        if doc_id not in docs or not set(ids) <= seg_ids:
            problems.append(f"unmatched: unknown document or segment under {doc_id}")
    for f in report["flags"]:
        if f["doc"] not in docs or not 0 <= f["start"] <= f["end"]:
            problems.append(f"flag {f['id']}: bad document or offsets")
    assert not problems, "report breaks comparekit.report/1:\n" + "\n".join(problems)
