"""``comparekit corpus MANIFEST --out DIR [--scheduler local|processes|tcp://HOST:PORT]``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.cli.options import Encoder, NoCache, Quiet, SettingsFile, build_settings, out_folder


@app.command()
def corpus(
    manifest: Path = typer.Argument(
        ..., help="CSV or JSONL: path, outlet, language?, date?, url?, translated_from?"
    ),
    out: Path = typer.Option(
        ...,
        "--out",
        "-o",
        parser=out_folder,
        metavar="DIR",
        help="Folder for story reports, corpus tables and index.html.",
    ),
    scheduler: str = typer.Option(
        "local",
        "--scheduler",
        help="local (in-process, default), processes (LocalCluster) or tcp://HOST:PORT.",
    ),
    encoder: str | None = Encoder,
    settings_file: Path | None = SettingsFile,
    quiet: bool = Quiet,
    no_cache: bool = NoCache,
) -> int:
    """Group a corpus into stories and compare every pair within each story.

    Writes one report per story, the corpus tables and index.html into --out.

    Rerun into the same --out to resume.
    """
    from comparekit.corpus.run import run_corpus
    from comparekit.errors import EXIT_CODES

    settings = build_settings(settings_file, encoder=encoder, no_cache=no_cache)
    result = run_corpus(manifest, out, settings=settings, scheduler=scheduler)
    for row in result.skipped_rows:
        sys.stderr.write(f"comparekit: error: {manifest}:{row.line}: skipped ({row.reason})\n")
    for src in result.skipped_sources:
        sys.stderr.write(f"comparekit: error: {manifest}:{src['line']}: skipped {src['reason']}\n")
    if not quiet:
        sys.stdout.write(
            f"{result.documents} documents, {result.stories} stories, {result.pairs} pairs compared"
            f" ({result.resumed} stories already done); "
            f"{len(result.skipped_rows) + len(result.skipped_sources)} rows skipped\n"
            f"index: {result.out / 'index.html'}\n"
        )
    return EXIT_CODES["partial"] if result.skipped_rows or result.skipped_sources else 0
