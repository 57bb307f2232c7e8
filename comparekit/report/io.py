"""Write report files atomically: a temporary file in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from comparekit.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def ensure_dir(path: str | os.PathLike[str]) -> Path:
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror or exc}") from exc
    if not out.is_dir():
        raise OutputError(f"output path {out} is not a folder")
    return out


def atomic_write_text(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` newlines) to ``path`` so that readers see either
    the old file or the new one, never half of one."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; reports are ordinary files
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


def refuse_to_overwrite(
    targets: Iterable[Path], inputs: Iterable[str | os.PathLike[str]], *, what: str
) -> None:
    """An input (a source, a manifest) saved in --out under the name of a file about to be
    written there (a page called report.html, a manifest called stories.csv) would be
    replaced by it: raise :class:`OutputError` before anything is written."""
    given = {os.path.realpath(p) for p in inputs}
    for target in targets:
        if os.path.realpath(target) in given:
            raise OutputError(
                f"writing {what} into {target.parent} would overwrite the source {target.name};"
                " choose another --out folder"
            )
