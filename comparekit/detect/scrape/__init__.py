"""Scrape and PDF-export damage: where a copied article is broken, and what is not article.

``detect(doc, *, settings)`` returns ``category="scrape"`` findings (raw offsets) of the
types in DESIGN.md: ``gap``, ``empty_quote``, ``unbalanced_quote``,
``duplicate_fragment``, ``url_in_text``, ``page_break``, ``boilerplate``, ``byline``,
``related_links``, ``tags``, ``orphan_punctuation``, ``double_punctuation``,
``mojibake``, ``truncated``. ``detect_across`` adds lines repeated across documents of
the same outlet. Which checks run is the setting ``scrape.checks``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from comparekit.detect.scrape import damage, nonarticle
from comparekit.document import Document
from comparekit.errors import UsageError
from comparekit.results import Alignment, Finding
from comparekit.settings import Settings

#: check name -> function(doc, settings) -> findings
CHECKS: dict[str, Callable[[Document, Settings], list[Finding]]] = {
    "kinds": nonarticle.kind_findings,
    "removals": nonarticle.removal_findings,
    "gaps": damage.gaps,
    "quotes": damage.quotes,
    "duplicates": damage.duplicates,
    "punctuation": damage.punctuation,
    "mojibake": damage.mojibake,
    "truncation": damage.truncation,
}

#: Flag types this detector emits (DESIGN.md vocabulary).
FLAG_TYPES = (
    "boilerplate",
    "byline",
    "related_links",
    "tags",
    "gap",
    "empty_quote",
    "unbalanced_quote",
    "duplicate_fragment",
    "url_in_text",
    "page_break",
    "orphan_punctuation",
    "double_punctuation",
    "mojibake",
    "truncated",
)
#: The flag types that say "this text is not the article".
NON_ARTICLE_TYPES = frozenset({"boilerplate", "byline", "related_links", "tags"})


def _checks(settings: Settings) -> list[str]:
    names = list(settings.scrape.checks)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UsageError(f"unknown scrape check {unknown[0]!r}; valid: {', '.join(sorted(CHECKS))}")
    return names


def detect(doc: Document, *, settings: Settings) -> list[Finding]:
    """Scrape flags for one prepared document (raw offsets, sorted)."""
    findings: list[Finding] = []
    for name in _checks(settings):
        findings.extend(CHECKS[name](doc, settings))
    return sorted(findings, key=lambda f: (f.start, f.end, f.type))


def detect_across(
    docs: Sequence[Document], alignments: Sequence[Alignment], *, settings: Settings
) -> list[Finding]:
    """Flags that need several documents: lines repeated across one outlet's documents."""
    if "kinds" not in _checks(settings):
        return []
    return nonarticle.repeated_across(docs, settings)
