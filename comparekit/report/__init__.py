"""Write a Comparison as report.json, CSV tables, Markdown and a self-contained HTML page
(the only package that imports pandas)."""

from __future__ import annotations

import os
from pathlib import Path

from comparekit.report.io import atomic_write_text, ensure_dir, refuse_to_overwrite
from comparekit.report.json_report import build_report, dumps
from comparekit.report.markdown import render_markdown
from comparekit.report.tables import alignments_csv, flags_csv, segments_csv
from comparekit.results import Comparison

__all__ = ["build_report", "dumps", "write_report"]


def write_report(
    comparison: Comparison, out_dir: str | os.PathLike[str], *, report: dict | None = None
) -> dict[str, Path]:
    """Write every report file into ``out_dir``; return their paths by name.

    Files: report.json, segments.csv, flags.csv, alignments.csv (only its header when
    nothing was aligned, so that no earlier run's table is left behind), report.md,
    report.html, plus frames.png when the framing chart module (``report/charts.py``) is
    available. Every file is byte-stable.
    ``report``: ``build_report(comparison)`` when the caller already has it (corpus mode
    reads its tables from it too); the writers do not modify it.
    """
    from comparekit.report.html import frame_chart, render_html

    out = ensure_dir(out_dir)
    if report is None:
        report = build_report(comparison)
    chart = frame_chart()
    report_settings = comparison.settings.get("report", {})
    files = {
        "report.json": dumps(report),
        "segments.csv": segments_csv(report),
        "flags.csv": flags_csv(report),
        "report.md": render_markdown(report),
        "report.html": render_html(
            report,
            {d.id: d.raw_text for d in comparison.documents},
            comparison=comparison,
            chart_svg=chart(report) if chart else None,
            heatmap_max_side=int(report_settings.get("heatmap_max_side", 80)),
        ),
        "alignments.csv": alignments_csv(report),
    }
    refuse_to_overwrite(
        [out / name for name in [*files, "frames.png"]],
        [d.path for d in comparison.documents if d.path],
        what="the report",
    )
    paths = {name: atomic_write_text(out / name, text) for name, text in files.items()}
    png = _frame_png()
    if png is not None:
        png(report, out / "frames.png")
        paths["frames.png"] = out / "frames.png"
    return paths


def _frame_png():
    try:
        from comparekit.report import charts  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(charts, "frame_chart_png", None)
