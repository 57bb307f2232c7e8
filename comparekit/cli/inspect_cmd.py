"""``comparekit inspect FILE``: each per-document stage's view of one source, for debugging."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.cli.options import SettingsFile, build_settings
from comparekit.cli.summary import visible


@app.command()
def inspect(
    source: Path = typer.Argument(..., help="One source file (.txt, .md, .html)."),
    settings_file: Path | None = SettingsFile,
    width: int = typer.Option(0, "--width", min=0, help="Terminal width for tables (0: detect)."),
) -> int:
    """Print what each stage makes of one document, for debugging.

    Loaded text, cleaned text, segments with kinds and languages, and flags; raw offsets.
    """
    from rich.console import Console

    from comparekit.detect import run_document_detectors
    from comparekit.load import load_path
    from comparekit.pipeline import DOCUMENT_STAGES

    console = Console(file=sys.stdout, highlight=False, width=width or None)
    settings = build_settings(settings_file)
    doc = load_path(source, settings=settings)
    meta = dict(doc.meta)
    console.rule(visible(f"load: {doc.id}"), style="bold")
    for key in ("path", "format", "encoding", "sha256", "outlet", "title", "date", "url"):
        value = doc.path if key == "path" else meta.get(key)
        if value not in (None, ""):
            console.print(visible(f"{key}: {value}"), markup=False)
    console.print(f"raw characters: {len(doc.raw_text)}", markup=False)
    for name, stage in DOCUMENT_STAGES:  # the stage order lives in pipeline.py only
        doc = stage(doc, settings=settings)
        console.rule(f"{name}", style="bold")
        _VIEWS.get(name, _generic)(console, doc)
    findings = run_document_detectors(doc, settings=settings)
    console.rule(f"detect: {len(findings)} flags", style="bold")
    _flags(console, findings)
    return 0


def _clean(console, doc) -> None:
    console.print(f"cleaned characters: {len(doc.text or '')}", markup=False)
    if doc.meta.get("line_layout"):
        console.print(f"line layout: {doc.meta['line_layout']}", markup=False)
    for r in doc.removals:
        console.print(visible(f"removed [{r.start}:{r.end}] {r.reason}: {r.text!r}"), markup=False)
    for j in doc.joins:
        console.print(f"joined at raw [{j.raw_start}:{j.raw_end}] ({j.reason})", markup=False)
    console.print("--- cleaned text ---", markup=False)
    console.print(visible(doc.text or ""), markup=False, highlight=False, soft_wrap=True)


def _segments(console, doc) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for col, justify in (
        ("#", "right"),
        ("raw", "right"),
        ("kind", "left"),
        ("lang", "left"),
        ("text", "left"),
    ):
        table.add_column(col, justify=justify, overflow="fold")
    for s in doc.segments:
        table.add_row(
            *(Text(visible(v)) for v in (s.index, f"{s.start}-{s.end}", s.kind, s.language or "", s.text))
        )
    console.print(table)


def _langid(console, doc) -> None:
    console.print(f"document language: {doc.language} ({doc.language_confidence})", markup=False)
    _segments(console, doc)


def _generic(console, doc) -> None:
    console.print(f"segments: {len(doc.segments)}  language: {doc.language}", markup=False)


def _flags(console, findings) -> None:
    from rich.table import Table
    from rich.text import Text

    if not findings:
        console.print("no flags", markup=False)
        return
    table = Table()
    for col in ("raw", "category/type", "severity", "conf", "text", "message"):
        table.add_column(col, overflow="fold")
    for f in findings:
        cells = (
            f"{f.start}-{f.end}",
            f"{f.category}/{f.type}",
            f.severity,
            f"{f.confidence:.2f}",
            f.text,
            f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else ""),
        )
        table.add_row(*(Text(visible(c)) for c in cells))
    console.print(table)


def _segment_view(console, doc) -> None:
    console.print(f"segments: {len(doc.segments)} (languages come next)", markup=False)
    _segments(console, doc)


_VIEWS = {"clean": _clean, "segment": _segment_view, "langid": _langid}
