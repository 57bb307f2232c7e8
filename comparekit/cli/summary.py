"""The terminal summary (rich): counts and the top findings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def print_summary(report: dict[str, Any], paths: dict[str, Path], console: Console | None = None) -> None:
    console = console or Console(file=sys.stdout, highlight=False, soft_wrap=False)
    summary = report["summary"]
    table = Table(title="comparekit", show_lines=False)
    table.add_column("document")
    table.add_column("lang")
    table.add_column("segments", justify="right")
    table.add_column("unmatched", justify="right")
    table.add_column("flags", justify="right")
    flags_by_doc: dict[str, int] = {}
    for f in report["flags"]:
        flags_by_doc[f["doc"]] = flags_by_doc.get(f["doc"], 0) + 1
    for d in report["documents"]:
        table.add_row(
            d["id"],
            str(d["language"]),
            str(len(d["segments"])),
            str(len(report["unmatched"].get(d["id"], []))),
            str(flags_by_doc.get(d["id"], 0)),
        )
    console.print(table)
    if "similarity" in summary:
        rel = ", ".join(f"{k} {v}" for k, v in summary["relations"].items()) or "none"
        console.print(f"similarity {summary['similarity']}  mode {summary['mode']}  alignments: {rel}")
    for note in summary.get("notes", []):
        console.print(f"[yellow]note:[/yellow] {note}", markup=True)
    top = [f for f in report["flags"] if f["severity"] != "info"][:5]
    for f in top:
        console.print(f"  {f['id']} {f['category']}/{f['type']} in {f['doc']}: {f['message']}", markup=False)
    console.print(f"wrote {', '.join(sorted(paths))} to {next(iter(paths.values())).parent}", markup=False)
