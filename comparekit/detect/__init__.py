"""Detectors: what is wrong with (or notable in) the text itself.

Every per-document detector is ``detect(doc, *, settings) -> list[Finding]`` and every
cross-document detector is ``detect_across(docs, alignments, *, settings) ->
list[Finding]``; both are registered by name below and picked by name (settings
``detect.enabled``). Findings carry raw offsets.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from comparekit.document import Document
from comparekit.errors import UsageError
from comparekit.results import Alignment, Finding
from comparekit.settings import Settings

#: name -> module path; each module defines ``detect`` and may define ``detect_across``.
DETECTORS: dict[str, str] = {
    "scrape": "comparekit.detect.scrape",
    "translation": "comparekit.detect.translation",
    "framing": "comparekit.detect.framing",
}


def _module(name: str):
    try:
        path = DETECTORS[name]
    except KeyError:
        raise UsageError(f"unknown detector {name!r}; valid: {', '.join(sorted(DETECTORS))}") from None
    return importlib.import_module(path)


def run_document_detectors(
    doc: Document, *, settings: Settings, names: Sequence[str] | None = None
) -> list[Finding]:
    """Run every enabled per-document detector on one document."""
    findings: list[Finding] = []
    for name in names if names is not None else enabled(settings):
        detect: Callable[..., list[Finding]] = _module(name).detect
        findings.extend(detect(doc, settings=settings))
    return findings


def run_cross_detectors(
    docs: Sequence[Document],
    alignments: Sequence[Alignment],
    *,
    settings: Settings,
    names: Sequence[str] | None = None,
) -> list[Finding]:
    """Run every enabled cross-document detector over the compared documents."""
    findings: list[Finding] = []
    for name in names if names is not None else enabled(settings):
        module = _module(name)
        if hasattr(module, "detect_across"):
            findings.extend(module.detect_across(docs, alignments, settings=settings))
    return findings


def enabled(settings: Settings) -> list[str]:
    names = list(settings.detect.enabled)
    for name in names:
        _module(name)  # unknown names fail early, with the valid list
    return names


def sort_findings(findings: Sequence[Finding], doc_order: Sequence[str]) -> list[Finding]:
    """Findings in a stable order: document (command-line order), start, end, type."""
    rank = {d: i for i, d in enumerate(doc_order)}
    return sorted(
        findings, key=lambda f: (rank.get(f.doc, len(rank)), f.start, f.end, f.category, f.type, f.text)
    )
