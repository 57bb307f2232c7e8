"""The terminal summary (rich): counts and the top findings; and the progress display
shown while a run takes more than a moment."""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

#: Seconds a run may take before the progress display appears (short runs print nothing).
PROGRESS_DELAY = 0.7

# C0 controls but tab and newline, DEL and C1 controls: a terminal acts on them (ESC
# sequences retitle the window, clear the screen, write the clipboard).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: object) -> str:
    """``text`` for the terminal: control characters from a source shown as ``\\xNN``."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


@contextmanager
def progress(label: str, *, console: Console | None = None, delay: float = PROGRESS_DELAY) -> Iterator[None]:
    """Show a pulsing progress bar with the elapsed time on stderr while the body runs,
    but only on a terminal and only once ``delay`` seconds have passed; it is removed
    when the body ends, so logs and pipes never see it."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = console or Console(file=sys.stderr)
    if not console.is_terminal:
        yield
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    bar.add_task(label, total=None)  # total unknown: the bar pulses
    lock = threading.Lock()
    state = {"started": False, "done": False}

    def start() -> None:
        with lock:
            if not state["done"]:
                bar.start()
                state["started"] = True

    timer = threading.Timer(delay, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["started"]:
                bar.stop()


def print_summary(report: dict[str, Any], paths: dict[str, Path], console: Console | None = None) -> None:
    """A table of counts per document, the relations, and the top flags and divergences."""
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
            Text(visible(d["id"])),
            Text(str(d["language"])),
            str(len(d["segments"])),
            str(len(report["unmatched"].get(d["id"], []))),
            str(flags_by_doc.get(d["id"], 0)),
        )
    console.print(table)
    if "similarity" in summary:
        rel = ", ".join(f"{k} {v}" for k, v in summary["relations"].items()) or "none"
        console.print(
            f"similarity {summary['similarity']}  mode {summary['mode']}  alignments: {rel}", markup=False
        )
    for note in summary.get("notes", []):
        console.print(Text.assemble(("note: ", "yellow"), visible(note)))
    divs = [(al, d) for al in report["alignments"] for d in al["divergences"]][:5]
    for al, d in divs:
        console.print(visible(f"  {al.get('id', '')} {d['type']} in {d['doc']}: {d['detail']}"), markup=False)
    top = [f for f in report["flags"] if f["severity"] != "info"][:5]
    for f in top:
        console.print(
            visible(f"  {f['id']} {f['category']}/{f['type']} in {f['doc']}: {f['message']}"), markup=False
        )
    if paths:
        console.print(
            f"wrote {', '.join(sorted(paths))} to {next(iter(paths.values())).parent}", markup=False
        )
