"""``comparekit align A B [--mode parallel] [--presplit] [--format beads|json]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.cli.options import Encoder, Mode, NoCache, SettingsFile, build_settings
from comparekit.errors import UsageError

FORMATS = ("beads", "json")


@app.command()
def align(
    source_a: Path = typer.Argument(..., help="First file (the original, in parallel mode)."),
    source_b: Path = typer.Argument(..., help="Second file (the translation)."),
    mode: str | None = Mode,
    presplit: bool = typer.Option(
        False, "--presplit", help="One segment per line; no cleaning or splitting."
    ),
    fmt: str = typer.Option("beads", "--format", help="beads ([i, j]:[k] lines, 0-based) or json."),
    encoder: str | None = Encoder,
    settings_file: Path | None = SettingsFile,
    no_cache: bool = NoCache,
) -> int:
    """Align two documents and print the beads (gold format) or JSON with scores."""
    from comparekit.align.files import align_files, alignment_json, beads_text

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    settings = build_settings(settings_file, mode=mode, encoder=encoder, no_cache=no_cache)
    doc_a, doc_b, alignment = align_files(source_a, source_b, settings=settings, presplit=presplit)
    if fmt == "beads":
        sys.stdout.write(beads_text(alignment))
    else:
        sys.stdout.write(
            json.dumps(alignment_json(doc_a, doc_b, alignment), ensure_ascii=False, indent=1) + "\n"
        )
    sys.stderr.write(f"comparekit: {alignment.mode} ({alignment.mode_reason})\n")
    return 0
