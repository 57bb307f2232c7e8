"""``comparekit compare A B [C ...] --out DIR``."""

from __future__ import annotations

from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.cli.options import (
    Encoder,
    Mode,
    NoCache,
    Quiet,
    ReportFolder,
    SettingsFile,
    build_settings,
    report_skipped,
)
from comparekit.errors import UsageError


@app.command()
def compare(
    sources: list[Path] = typer.Argument(..., help="Two or more source files (.txt, .md, .html)."),
    out: Path = ReportFolder,
    mode: str | None = Mode,
    encoder: str | None = Encoder,
    settings_file: Path | None = SettingsFile,
    quiet: bool = Quiet,
    no_cache: bool = NoCache,
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
    settings = build_settings(settings_file, mode=mode, encoder=encoder, no_cache=no_cache)
    if translated_from:
        _check_translated_from(translated_from, sources)
        settings = settings.replace("translation", translated_from=list(translated_from))
    with progress(f"comparing {len(sources)} sources"):
        comparison = run_compare([str(s) for s in sources], settings=settings)
        paths = write_report(comparison, out)
    if not quiet:
        print_summary(build_report(comparison), paths)
    return report_skipped(comparison)


def _check_translated_from(marks: list[str], sources: list[Path]) -> None:
    """Every ``NAME=LANG`` must name a source (path, file name, stem or document id, as
    ``detect.translation.mark_translated`` matches them) and give a language: a
    misspelt name would otherwise turn the checks off without a word."""
    from comparekit.corpus.manifest import LANGUAGE_CODE
    from comparekit.load import doc_id_for

    names: set[str] = set()
    for s in sources:
        names |= {str(s), s.name, s.stem, doc_id_for(s)}
        names |= {f"{doc_id_for(s)}-{k}" for k in range(2, len(sources) + 1)}  # repeated files
    for mark in marks:
        name, sep, lang = mark.rpartition("=")
        if not lang.strip():
            raise UsageError(f"--translated-from {mark!r} gives no language (LANG or NAME=LANG)")
        if not LANGUAGE_CODE.match(lang.strip()):
            raise UsageError(
                f"--translated-from {mark!r}: {lang!r} is not a language code such as 'fr' or 'ru'"
            )
        if sep and name.strip() not in names:
            raise UsageError(
                f"--translated-from {mark!r} names no source; NAME is a source's file name, stem or"
                f" path: {', '.join(sorted(doc_id_for(s) for s in sources))}"
            )
