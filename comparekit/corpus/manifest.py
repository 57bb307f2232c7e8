"""Read a corpus manifest: CSV (with a header row) or JSONL, one source per row.

Columns: ``path`` and ``outlet`` (required), ``language``, ``date``, ``url`` and
``translated_from`` (optional). A manifest without a required column is refused with
one line (:class:`~comparekit.errors.InputError`); a bad row is skipped and reported
with its line number, and the run goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from comparekit.errors import InputError

REQUIRED = ("path", "outlet")
OPTIONAL = ("language", "date", "url", "translated_from")
COLUMNS = REQUIRED + OPTIONAL

# Control characters (NUL included) never reach an outlet name: it is shown in tables.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: A language code as the manifest and --translated-from take it: en, fra, zh-TW.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


@dataclass(frozen=True)
class Entry:
    """One usable manifest row. ``path`` is resolved against the manifest's folder."""

    line: int
    path: str
    outlet: str
    language: str | None = None
    date: dt.date | None = None
    url: str | None = None
    translated_from: str | None = None


@dataclass(frozen=True)
class BadRow:
    """A manifest row that was skipped, with its 1-based line number and the reason."""

    line: int
    reason: str


def parse_date(value: str) -> dt.date:
    """An ISO date (``2024-05-01``) or date-time (``2024-05-01T10:00:00Z``)."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _delimiter(text: str) -> str:
    """',' unless the header line has none and has ';' (Excel in many European locales
    saves "CSV" with semicolons) or a tab (TSV)."""
    header = next((ln for ln in text.splitlines() if ln.strip()), "")
    if "," not in header:
        for candidate in (";", "\t"):
            if candidate in header:
                return candidate
    return ","


def _rows_csv(text: str) -> tuple[list[str], list[tuple[int, dict[str, str] | str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[int, dict[str, str] | str]] = []
    header: list[str] | None = None
    try:
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header = [f.strip().lower().lstrip("\ufeff") for f in fields]
                continue
            if len(fields) != len(header):
                rows.append((line, f"has {len(fields)} fields, the header has {len(header)}"))
                continue
            rows.append((line, dict(zip(header, fields))))
    except csv.Error as exc:
        rows.append((reader.line_num, f"is not valid CSV ({exc})"))
    return header or [], rows


def _rows_jsonl(text: str) -> tuple[list[str], list[tuple[int, dict[str, str] | str]]]:
    rows: list[tuple[int, dict[str, str] | str]] = []
    columns: set[str] = set()
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            rows.append((line, f"is not valid JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            rows.append((line, "is not a JSON object"))
            continue
        # a list or object in a column (other keys are not read) would be used as its repr
        nested = next(
            (k for k, v in obj.items() if str(k).lower() in COLUMNS and isinstance(v, (list, dict))), None
        )
        if nested is not None:
            columns.update(str(k).lower() for k in obj)
            kind = "a list" if isinstance(obj[nested], list) else "an object"
            rows.append((line, f"{str(nested).lower()} is {kind}, not a string"))
            continue
        row = {str(k).lower(): ("" if v is None else str(v)) for k, v in obj.items()}
        columns.update(row)
        rows.append((line, row))
    return sorted(columns), rows


def _entry(line: int, row: dict[str, str], base: Path) -> Entry:
    values = {k: (row.get(k) or "").strip() for k in COLUMNS}
    for key in REQUIRED:
        if not values[key]:
            raise ValueError(f"{key} is empty")
    if "\x00" in values["path"]:
        raise ValueError("path contains a NUL character")
    for key in ("language", "translated_from"):
        if values[key] and not LANGUAGE_CODE.match(values[key]):
            raise ValueError(f"{key} {values[key]!r} is not a language code such as 'en' or 'zh-TW'")
    language = values["language"] or None
    date = parse_date(values["date"]) if values["date"] else None
    path = Path(values["path"])
    outlet = _CONTROL.sub(" ", values["outlet"]).strip()
    if not outlet:
        raise ValueError("outlet is empty")
    return Entry(
        line=line,
        path=os.path.normpath(str(path if path.is_absolute() else base / path)),
        outlet=outlet,
        language=language,
        date=date,
        url=values["url"] or None,
        translated_from=values["translated_from"] or None,
    )


def read_manifest(path: str | os.PathLike[str]) -> tuple[list[Entry], list[BadRow]]:
    """Entries of a manifest (``.jsonl``/``.ndjson`` = JSON lines, anything else = CSV)
    and the rows that were skipped. Raises :class:`InputError` when the file cannot be
    read or lacks a required column."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{p}: no such manifest file") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{p}: the manifest is not UTF-8 ({exc.reason} at byte {exc.start}); in Excel, save it"
            " as 'CSV UTF-8'"
        ) from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read the manifest ({exc})") from exc
    is_jsonl = p.suffix.lower() in (".jsonl", ".ndjson")
    columns, rows = (_rows_jsonl if is_jsonl else _rows_csv)(text)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(
            f"{p}: manifest has no {', '.join(repr(m) for m in missing)} column"
            f" (columns: {', '.join(COLUMNS)}; path and outlet are required)"
        )
    entries: list[Entry] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        if isinstance(row, str):
            bad.append(BadRow(line, row))
            continue
        try:
            entry = _entry(line, row, p.parent)
        except ValueError as exc:
            bad.append(BadRow(line, str(exc)))
            continue
        if entry.path in seen:
            bad.append(BadRow(line, f"path {entry.path} is already listed on line {seen[entry.path]}"))
            continue
        seen[entry.path] = line
        entries.append(entry)
    return entries, bad
