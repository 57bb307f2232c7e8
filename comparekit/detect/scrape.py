"""Scrape and PDF-export damage: where a copied article is broken.

``detect(doc, *, settings)`` turns what cleaning removed or joined into flags (a URL or
page number inside a sentence) and looks for damage in the segments themselves.
"""

from __future__ import annotations

from comparekit.document import Document
from comparekit.results import Finding
from comparekit.settings import Settings


def _removal_findings(doc: Document) -> list[Finding]:
    joined_spans = [(j.raw_start, j.raw_end) for j in doc.joins if j.reason == "page_break"]
    findings = []
    for r in doc.removals:
        inside = any(s <= r.start and r.end <= e for s, e in joined_spans)
        if r.reason == "url":
            findings.append(
                Finding(
                    doc=doc.id,
                    start=r.start,
                    end=r.end,
                    text=r.text,
                    category="scrape",
                    type="url_in_text",
                    message="a URL stands inside a sentence (a link or page footer copied at a page break)",
                    confidence=0.95 if inside else 0.7,
                    evidence={"removed_from_text": True},
                )
            )
        elif inside or r.reason in ("page_number", "running_header"):
            findings.append(
                Finding(
                    doc=doc.id,
                    start=r.start,
                    end=r.end,
                    text=r.text,
                    category="scrape",
                    type="page_break",
                    message=f"a {r.reason.replace('_', ' ')} from a page break interrupts the text",
                    confidence=0.9 if inside else 0.7,
                    evidence={"reason": r.reason, "removed_from_text": True},
                )
            )
    return findings


def detect(doc: Document, *, settings: Settings) -> list[Finding]:
    """Scrape flags for one document (raw offsets)."""
    return _removal_findings(doc)
