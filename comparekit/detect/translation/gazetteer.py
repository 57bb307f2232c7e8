"""The people gazetteer: canonical English names, spellings in other languages, roles.

The shipped file is ``comparekit/data/gazetteer.tsv`` (format in its header). A user can
extend it with ``python -m comparekit.data.build_gazetteer EXPORT.json``. Loading parses
the dates once and is cached.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from comparekit.errors import InputError

#: Role codes (file format) -> English description used in messages.
ROLE_NAMES = {
    "pres": "president",
    "pm": "prime minister",
    "chan": "chancellor",
    "fm": "foreign minister",
    "dm": "defence minister",
    "sl": "supreme leader",
    "mon": "monarch",
    "vp": "vice president",
    "exch": "chancellor of the exchequer",
    "ecp": "president of the European Commission",
    "eucp": "president of the European Council",
    "hr": "EU high representative for foreign affairs",
    "epp": "president of the European Parliament",
}

COLUMNS = ("canonical", "surname", "qid", "country", "roles", "variants")


def parse_date(text: str, *, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> a date; a partial date is the first
    (``end=False``) or last (``end=True``) day it covers. Empty -> ``None`` (open)."""
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], last if end else 1)
    return dt.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Role:
    """One office held from ``start`` to ``end`` (``None`` = open)."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def holds(self, when: dt.date | None) -> bool:
        """Held on ``when``; with no date, held at some time (always true)."""
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def before(self, when: dt.date | None) -> bool:
        """Held at some time up to ``when`` (for "former ...")."""
        return when is None or self.start is None or self.start <= when

    def describe(self) -> str:
        a = self.start.isoformat() if self.start else "?"
        b = self.end.isoformat() if self.end else ""
        return f"{ROLE_NAMES.get(self.code, self.code)} {a}–{b}"


@dataclass(frozen=True)
class Person:
    """One gazetteer entry."""

    canonical: str
    surname: str
    qid: str
    country: str
    roles: tuple[Role, ...]
    variants: tuple[tuple[str, str], ...]

    @property
    def given(self) -> str:
        """The canonical form without the surname (Chinese names: family name first)."""
        if not self.surname:
            return ""
        if self.canonical.startswith(self.surname + " "):
            return self.canonical[len(self.surname) + 1 :]
        if self.canonical.endswith(" " + self.surname):
            return self.canonical[: -len(self.surname) - 1]
        return ""

    @property
    def surname_first(self) -> bool:
        return bool(self.surname) and self.canonical.startswith(self.surname + " ")

    def forms(self, *, languages: Iterable[str] | None = None) -> list[str]:
        """Every known full form: canonical, then variants (optionally of some languages)."""
        keep = set(languages) if languages is not None else None
        return [self.canonical] + [v for lang, v in self.variants if keep is None or lang in keep]

    def english_forms(self) -> list[str]:
        return self.forms(languages=("en",))

    def held(self, codes: Iterable[str], when: dt.date | None, *, former: bool = False) -> bool:
        codes = set(codes)
        return any(r.code in codes and (r.before(when) if former else r.holds(when)) for r in self.roles)

    def roles_text(self) -> str:
        return "; ".join(r.describe() for r in self.roles)


def _parse_roles(text: str, where: str) -> tuple[Role, ...]:
    roles = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        try:
            code, span = part.split(None, 1)
            a, b = span.split("/")
            roles.append(Role(code, parse_date(a), parse_date(b, end=True)))
        except ValueError:
            raise InputError(f"{where}: bad role {part!r} (expected 'code START/END')") from None
        if code not in ROLE_NAMES:
            raise InputError(f"{where}: unknown role code {code!r}; valid: {', '.join(ROLE_NAMES)}")
    return tuple(roles)


def _parse_variants(text: str, where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        lang, sep, form = part.partition(":")
        if not sep or not form.strip():
            raise InputError(f"{where}: bad variant {part!r} (expected 'lang:form')")
        out.append((lang.strip(), form.strip()))
    return tuple(out)


def parse_gazetteer(text: str, *, source: str = "gazetteer") -> tuple[Person, ...]:
    """Parse the TSV format (``#`` comments, one header row) into people."""
    people = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if tuple(cols) != COLUMNS:
                raise InputError(f"{source}:{n}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cols) != len(COLUMNS):
            raise InputError(f"{source}:{n}: expected {len(COLUMNS)} tab-separated columns, got {len(cols)}")
        where = f"{source}:{n}"
        canonical, surname, qid, country, roles, variants = (c.strip() for c in cols)
        if qid and not (qid[0] == "Q" and qid[1:].isdigit()):
            raise InputError(f"{where}: bad Wikidata id {qid!r}")
        people.append(
            Person(
                canonical,
                surname,
                qid,
                country,
                _parse_roles(roles, where),
                _parse_variants(variants, where),
            )
        )
    return tuple(people)


def gazetteer_text() -> str:
    return resources.files("comparekit").joinpath("data/gazetteer.tsv").read_text("utf-8")


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> tuple[Person, ...]:
    """The shipped gazetteer, or the one at ``path`` (same format); cached."""
    if path:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"gazetteer file not found: {path}")
        return parse_gazetteer(p.read_text("utf-8"), source=str(p))
    return parse_gazetteer(gazetteer_text(), source="gazetteer.tsv")
