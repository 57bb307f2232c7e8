"""``comparekit compare A B [C ...] --out DIR``."""

from __future__ import annotations

from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.cli.options import Encoder, Mode, SettingsFile, build_settings, report_skipped
from comparekit.errors import UsageError


@app.command()
def compare(
    sources: list[Path] = typer.Argument(..., help="Two or more source files (.txt, .md)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for report.json, CSV, Markdown."),
    mode: str | None = Mode,
    encoder: str | None = Encoder,
    settings_file: Path | None = SettingsFile,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no summary."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the embedding cache."),
    translated_from: list[str] = typer.Option(
        [],
        "--translated-from",
        help="Sources are translations from LANG (fr, de, es, it, ru): enables false-friend checks."
        " NAME=LANG for one source (file name or stem). Repeatable.",
    ),
) -> int:
    """Compare two or more sources and write the report into --out."""
    from comparekit.cli.summary import print_summary, progress
    from comparekit.pipeline import compare as run_compare
    from comparekit.report import build_report, write_report

    if len(sources) < 2:
        raise UsageError("compare needs at least two sources (use `analyze` for one)")
    settings = build_settings(
        settings_file, align={"mode": mode}, embed={"encoder": encoder, "cache": False if no_cache else None}
    )
    if translated_from:
        settings = settings.replace("translation", translated_from=list(translated_from))
    with progress(f"comparing {len(sources)} sources"):
        comparison = run_compare([str(s) for s in sources], settings=settings)
        paths = write_report(comparison, out)
    if not quiet:
        print_summary(build_report(comparison), paths)
    return report_skipped(comparison)
