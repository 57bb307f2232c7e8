"""Write a Comparison as report.json, CSV tables and Markdown (the only package that
imports pandas)."""

from __future__ import annotations

import os
from pathlib import Path

from comparekit.report.io import atomic_write_text, ensure_dir
from comparekit.report.json_report import build_report, dumps
from comparekit.report.markdown import render_markdown
from comparekit.report.tables import alignments_csv, flags_csv, segments_csv
from comparekit.results import Comparison

__all__ = ["build_report", "dumps", "write_report"]


def write_report(comparison: Comparison, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """Write every report file into ``out_dir``; return their paths by name."""
    out = ensure_dir(out_dir)
    report = build_report(comparison)
    files = {
        "report.json": dumps(report),
        "segments.csv": segments_csv(report),
        "flags.csv": flags_csv(report),
        "report.md": render_markdown(report),
    }
    if comparison.alignments:
        files["alignments.csv"] = alignments_csv(report)
    return {name: atomic_write_text(out / name, text) for name, text in files.items()}
