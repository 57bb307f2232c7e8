"""Shared helpers of the scrape detectors: building findings with raw offsets, word lists."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from comparekit.document import Document, Segment
from comparekit.results import Finding

#: Segment kinds whose text is checked for damage (non-article lines get kind flags instead).
ARTICLE_KINDS = frozenset({"title", "standfirst", "body", "caption"})
TERMINAL = ".!?…。！？"
#: What may follow a sentence's end: closing quotes and brackets in every convention,
#: German „…“ ‚…‘ and »…« included ("Wir bleiben.“ ends a sentence).
CLOSERS = "\"'”’“‘»«›‹)]」』 \u00a0"


def finding(
    doc: Document,
    start: int,
    end: int,
    type_: str,
    message: str,
    *,
    confidence: float,
    severity: str = "warning",
    suggestion: str | None = None,
    evidence: Mapping[str, Any] | None = None,
    raw: bool = False,
) -> Finding:
    """A scrape finding; ``start``/``end`` are cleaned-text offsets unless ``raw``."""
    r0, r1 = (start, end) if raw else doc.to_raw(start, end)
    return Finding.over(
        doc,
        r0,
        r1,
        category="scrape",
        type=type_,
        message=message,
        severity=severity,
        confidence=round(max(0.0, min(1.0, confidence)), 4),
        suggestion=suggestion,
        evidence=dict(evidence or {}),
    )


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, frozenset[str]]]:
    raw = json.loads(resources.files("comparekit.data").joinpath("scrape_words.json").read_text("utf-8"))
    return {
        group: {lang: frozenset(words) for lang, words in table.items()}
        for group, table in raw.items()
        if not group.startswith("_")
    }


def words_for(group: str, language: str | None) -> frozenset[str]:
    """Function words of ``group`` (``closed`` or ``dangling``) for a language; the union
    of all languages when the language is unknown or not listed."""
    table = _words()[group]
    if language in table:
        return table[language]
    return frozenset().union(*table.values())


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def article_segments(doc: Document) -> list[Segment]:
    return [s for s in doc.segments if s.kind in ARTICLE_KINDS]


def excerpt(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else "…" + text[-width:]
