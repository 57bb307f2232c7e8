"""Output paths that stay inside the output folder whatever the data says.

Story folders are named from data (a story number and a slug of its title); ids and
outlet names can hold ``../``, absolute paths, NUL or any script. Every path component
built from data goes through :func:`safe_component`, and :func:`inside` checks the
result before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from comparekit.errors import OutputError

_UNSAFE = re.compile(r"[^a-z0-9]+")


def safe_component(name: str, *, max_length: int = 48, fallback: str = "item") -> str:
    """One file-name component made of ``[a-z0-9-]`` only (accents stripped, anything
    else turned into ``-``), never empty, ``.`` or ``..``, at most ``max_length`` chars."""
    text = unicodedata.normalize("NFKD", str(name).replace("\x00", " "))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = _UNSAFE.sub("-", text).strip("-")[:max_length].strip("-")
    return slug or fallback


def inside(root: Path, *parts: str) -> Path:
    """``root / parts`` after checking that it resolves to a path under ``root``."""
    base = root.resolve()
    path = base.joinpath(*parts).resolve()
    if path != base and base not in path.parents:
        raise OutputError(f"refusing to write outside the output folder: {path}")
    return path
