"""``comparekit models list|verify``: the encoders models.lock pins, and their files."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from comparekit.cli import app
from comparekit.errors import ModelError, UsageError

models_app = typer.Typer(help="The models comparekit knows (models.lock): list them, verify their files.")
app.add_typer(models_app, name="models")

LockFile = typer.Option(None, "--lock", help="models.lock to use (default: the project's).")


def _models(lock: Path | None, names: list[str] | None):
    from comparekit.embed.lock import read_lock

    models = read_lock(lock)
    for name in names or []:
        if name not in models:
            raise UsageError(f"models.lock has no model {name!r}; valid: {', '.join(models)}")
    return [m for n, m in models.items() if not names or n in names]


@models_app.command("list")
def list_models(lock: Path | None = LockFile) -> int:
    """Show every model in models.lock and whether it is installed."""
    header = ("name", "backend", "package", "dim", "licence", "installed", "languages")
    rows = [header]
    for m in _models(lock, None):
        installed = m.installed_version()
        if installed is None:
            state = "no"
        elif installed != m.version:
            state = f"yes ({installed}; lock pins {m.version})"
        else:
            state = "yes"
        langs = " ".join(sorted(m.languages))
        rows.append((m.name, m.backend, f"{m.package}=={m.version}", str(m.dim), m.licence, state, langs))
    # Plain columns, never truncated (a rich table cuts cells at 80 columns in a pipe).
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1])
    return 0


@models_app.command("verify")
def verify(
    names: list[str] = typer.Argument(None, help="Models to verify (default: every installed one)."),
    lock: Path | None = LockFile,
    model_dir: Path | None = typer.Option(
        None, "--dir", help="Verify the files in this folder instead of the installed ones (one model)."
    ),
) -> int:
    """Recompute every file's sha256; exit 4 naming each file that differs from the lock."""
    from comparekit.embed.lock import verify_model

    models = _models(lock, names)
    if model_dir is not None and len(models) != 1:
        raise UsageError("--dir needs exactly one model name")
    bad = []
    for m in models:
        if model_dir is None and m.installed_version() is None:
            if names:
                bad.append(f"{m.name}: package {m.package} is not installed")
            else:
                print(f"{m.name}: not installed ({m.package}=={m.version}); skipped")
            continue
        folder = model_dir if model_dir is not None else m.model_dir()
        mismatches = verify_model(m, folder)
        for mm in mismatches:
            bad.append(f"{m.name}: {mm.describe()} in {folder}")
        if not mismatches:
            print(f"{m.name}: ok ({len(m.files)} files, sha256 {m.sha256})")
    for line in bad:
        sys.stderr.write(f"comparekit: error: {line}\n")
    if bad:
        raise typer.Exit(ModelError.exit_code)
    return 0
