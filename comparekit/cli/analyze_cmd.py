"""``comparekit analyze FILE... --out DIR``: check single documents, no alignment."""

from __future__ import annotations

from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.cli.options import NoCache, Quiet, ReportFolder, SettingsFile, build_settings, report_skipped


@app.command()
def analyze(
    sources: list[Path] = typer.Argument(..., help="One or more source files (.txt, .md, .html)."),
    out: Path = ReportFolder,
    settings_file: Path | None = SettingsFile,
    quiet: bool = Quiet,
    no_cache: bool = NoCache,
) -> int:
    """Check each source on its own and write the report into --out.

    Segments, language, scrape damage and other flags; the same report files as `compare`.
    """
    from comparekit.cli.summary import print_summary, progress
    from comparekit.pipeline import analyze as run_analyze
    from comparekit.report import build_report, write_report

    settings = build_settings(settings_file, no_cache=no_cache)
    with progress(f"analyzing {len(sources)} source{'s' if len(sources) != 1 else ''}"):
        comparison = run_analyze([str(s) for s in sources], settings=settings)
        paths = write_report(comparison, out)
    if not quiet:
        print_summary(build_report(comparison), paths)
    return report_skipped(comparison)
