"""Words and phrasings a translation carries over: false friends and calques.

Lists ship in ``comparekit/data/false_friends/<lang>.tsv`` and
``comparekit/data/calques/<lang>.tsv`` (formats in their headers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from comparekit.detect.translation.names import LANGUAGE_NAMES, segments_of
from comparekit.document import Document
from comparekit.errors import InputError
from comparekit.results import Finding

SOURCE_LANGUAGES = ("fr", "de", "es", "it", "ru")
SOURCE_NAMES = {**LANGUAGE_NAMES, "ru": "Russian"}

_NUM = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)"
_NAT = (
    r"(?:Russian|French|Armenian|Azerbaijani|Turkish|American|Iranian|Ukrainian|Georgian|Chinese"
    r"|German|British|Israeli|Palestinian|Syrian|Italian|Spanish|Polish|Japanese|Indian|Korean"
    r"|Saudi|Egyptian|European|Belarusian|Kazakh|Qatari|Emirati|Pakistani|Afghan)"
)


@dataclass(frozen=True)
class FalseFriend:
    language: str
    source: str
    forms: tuple[str, ...]
    suggestion: str
    source_meaning: str
    english_meaning: str


@dataclass(frozen=True)
class Calque:
    language: str
    pattern: re.Pattern
    source: str
    suggestion: str
    strong: bool


def _rows(folder: str, lang: str, ncols: int) -> list[list[str]]:
    try:
        text = resources.files("comparekit").joinpath(f"data/{folder}/{lang}.tsv").read_text("utf-8")
    except FileNotFoundError:
        raise InputError(
            f"no {folder} list for language {lang!r}; have: {', '.join(SOURCE_LANGUAGES)}"
        ) from None
    rows = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for n, line in enumerate(lines[1:], 2):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != ncols:
            raise InputError(f"{folder}/{lang}.tsv row {n}: expected {ncols} columns, got {len(cols)}")
        rows.append(cols)
    return rows


def _inflections(word: str) -> list[str]:
    w = word.lower()
    out = [w, w + "s", w + "es", w + "ed", w + "d"]
    out.append(w[:-1] + "ing" if w.endswith("e") else w + "ing")
    if w.endswith("y"):
        out += [w[:-1] + "ies", w[:-1] + "ied"]
    return out


@lru_cache(maxsize=8)
def false_friends(lang: str) -> tuple[FalseFriend, ...]:
    """The shipped false-friend list for one source language."""
    out = []
    for source, english, suggestion, src_meaning, en_meaning in _rows("false_friends", lang, 5):
        forms = tuple(dict.fromkeys(f for e in english.split("|") for f in _inflections(e.strip())))
        out.append(FalseFriend(lang, source, forms, suggestion, src_meaning, en_meaning))
    return tuple(out)


@lru_cache(maxsize=8)
def calques(lang: str) -> tuple[Calque, ...]:
    """The shipped calque patterns for one source language, compiled."""
    out = []
    for pattern, source, suggestion, strength in _rows("calques", lang, 4):
        regex = pattern.replace("{NUM}", _NUM).replace("{NAT}", _NAT)
        try:
            compiled = re.compile(rf"\b{regex}\b", re.IGNORECASE)
        except re.error as exc:
            raise InputError(f"calques/{lang}.tsv: bad pattern {pattern!r}: {exc}") from None
        if strength not in ("strong", "weak"):
            raise InputError(f"calques/{lang}.tsv: strength must be strong or weak, not {strength!r}")
        out.append(Calque(lang, compiled, source, suggestion, strength == "strong"))
    return tuple(out)


@lru_cache(maxsize=32)
def _form_index(langs: tuple[str, ...]) -> tuple[re.Pattern, dict[str, list[FalseFriend]]]:
    by_form: dict[str, list[FalseFriend]] = {}
    for lang in langs:
        for ff in false_friends(lang):
            for form in ff.forms:
                by_form.setdefault(form, []).append(ff)
    alternation = "|".join(sorted((re.escape(f) for f in by_form), key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), by_form


def false_friend_findings(
    doc: Document, languages: Sequence[str], *, declared: bool, reasons: Iterable[str]
) -> list[Finding]:
    """``false_friend`` flags for the given probable source languages. ``declared``: the
    source language was given (``--translated-from``) rather than inferred."""
    pattern, by_form = _form_index(tuple(languages))
    reasons = sorted(set(reasons))
    findings = []
    for _, text, base in segments_of(doc):
        for m in pattern.finditer(text):
            entries = by_form[m.group().lower()]
            first = entries[0]
            names = ", ".join(
                f"{SOURCE_NAMES[e.language]} «{e.source}» ({e.source_meaning})" for e in entries
            )
            start, end = doc.to_raw(base + m.start(), base + m.end())
            findings.append(
                Finding.over(
                    doc,
                    start,
                    end,
                    category="translation",
                    type="false_friend",
                    severity="info",
                    message=f"probably renders {names}; English “{m.group().lower()}” means {first.english_meaning}",
                    confidence=(0.7 if declared else 0.5) / len({e.language for e in entries}) ** 0.5,
                    suggestion=first.suggestion,
                    evidence={
                        "source_languages": sorted({e.language for e in entries}),
                        "source_words": [e.source for e in entries],
                        "intended_sense": first.source_meaning,
                        "english_sense": first.english_meaning,
                        "translation_signals": reasons,
                    },
                )
            )
    return findings


def calque_findings(doc: Document, languages: Sequence[str], *, translated: bool) -> list[Finding]:
    """``calque`` flags: strong patterns always, weak ones only in a text with signs of
    translation. Several languages may share one pattern; one flag per span."""
    hits: dict[tuple[int, int], list[Calque]] = {}
    for _, text, base in segments_of(doc):
        for lang in languages:
            for c in calques(lang):
                if not (c.strong or translated):
                    continue
                for m in c.pattern.finditer(text):
                    hits.setdefault((base + m.start(), base + m.end()), []).append(c)
    findings = []
    for (s, e), cs in sorted(hits.items()):
        start, end = doc.to_raw(s, e)
        langs = sorted({c.language for c in cs})
        findings.append(
            Finding.over(
                doc,
                start,
                end,
                category="translation",
                type="calque",
                severity="info",
                message="word-for-word rendering of "
                + "; ".join(f"{SOURCE_NAMES[c.language]} «{c.source}»" for c in cs),
                confidence=0.7 if cs[0].strong else 0.5,
                suggestion=cs[0].suggestion,
                evidence={"source_languages": langs, "strong": cs[0].strong},
            )
        )
    return findings
