"""Typography and language that a translation left behind.

``foreign_typography`` reads the RAW text of each segment: cleaning collapses the
no-break spaces that French typography puts before ; : ! ? and inside « », so only the
raw text still shows them. ``untranslated_span`` is a segment in another language than
its document.
"""

from __future__ import annotations

import re

from comparekit.document import Document
from comparekit.results import Finding

_NB = "\u00a0\u202f"
_SP = " " + _NB

#: (kind, pattern, probable source languages, message)
TYPOGRAPHY: tuple[tuple[str, re.Pattern, tuple[str, ...], str], ...] = (
    (
        "guillemets",
        re.compile(r"[«»]"),
        ("fr", "ru", "it", "es"),
        "« » guillemets (French/Russian quotation marks)",
    ),
    (
        "low_high_quotes",
        re.compile(r"[„‚][^„‚\n]{0,400}?[“‘”’]"),
        ("de",),
        "„ “ low-high quotation marks (German style)",
    ),
    (
        "spaced_quotes",
        re.compile(
            rf"[\"“”][{_NB}]|[{_NB}][\"“”]|(?:^|(?<=\s))\"[{_SP}]+[^\"\n]{{1,400}}?[{_SP}]+\"(?=\s|[.,;:!?]|$)"
        ),
        ("fr",),
        "quotation marks with spaces inside (French spaced quotes)",
    ),
    (
        "space_before_punctuation",
        re.compile(rf"(?<=\S)[{_NB}][;:!?]|(?<=[a-z]) [;!?](?=\s|$)"),
        ("fr",),
        "a space before ; : ! ? (French typography)",
    ),
    (
        "decimal_comma",
        re.compile(
            r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])(?=["
            + _SP
            + r"]?(?:%|per ?cent|percent|million|billion|bn\b"
            r"|trillion|km|kg|tonnes|tons|degrees|°|euros?|dollars?|roubles?|rubles?|points?)|\s(?:times|metres|meters))"
        ),
        ("fr", "de", "es", "it", "ru"),
        "decimal comma (continental number format)",
    ),
    (
        "nbsp_thousands",
        re.compile(rf"\d[{_NB}]\d{{3}}(?!\d)"),
        ("fr", "ru"),
        "no-break space as thousands separator",
    ),
    (
        "spaced_percent",
        re.compile(rf"\d[{_SP}]%"),
        ("fr", "de", "ru"),
        "a space before % (continental style)",
    ),
)


def _spans(doc: Document) -> list[tuple[int, int]]:
    """Raw spans to scan: segments, or the whole raw text."""
    if doc.segments:
        return [(s.start, s.end) for s in doc.segments]
    return [(0, len(doc.raw_text))]


def typography_findings(doc: Document) -> list[Finding]:
    """``foreign_typography`` flags, one per kind and segment (span = first..last hit)."""
    findings = []
    raw = doc.raw_text
    for lo, hi in _spans(doc):
        # widen by one character each side so a quote mark glued to the segment counts
        a, b = max(0, lo - 1), min(len(raw), hi + 1)
        chunk = raw[a:b]
        for kind, pattern, langs, message in TYPOGRAPHY:
            hits = list(pattern.finditer(chunk))
            if not hits:
                continue
            start, end = a + hits[0].start(), a + hits[-1].end()
            findings.append(
                Finding.over(
                    doc,
                    start,
                    end,
                    category="translation",
                    type="foreign_typography",
                    severity="info",
                    message=message,
                    confidence=0.6 if kind in ("space_before_punctuation", "decimal_comma") else 0.8,
                    evidence={"kind": kind, "count": len(hits), "source_languages": list(langs)},
                )
            )
    # segments share boundary characters: keep one flag per (kind, span)
    seen = set()
    unique = []
    for f in findings:
        key = (f.evidence["kind"], f.start, f.end)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def untranslated_findings(doc: Document, settings) -> list[Finding]:
    """``untranslated_span`` flags: a segment whose language (langdetect, re-checked with
    this section's thresholds) differs from the document's."""
    from comparekit.langid import detect_language

    cfg = settings.translation
    findings = []
    if not doc.language:
        return findings
    for seg in doc.segments:
        if seg.kind in ("byline", "credit", "tags"):
            continue
        if sum(ch.isalpha() for ch in seg.text) < cfg.untranslated_min_letters:
            continue
        if not seg.language or seg.language == doc.language:
            continue
        lang, prob = detect_language(seg.text, seed=settings.langid.seed)
        if lang != seg.language or prob < cfg.untranslated_min_probability:
            continue
        findings.append(
            Finding.over(
                doc,
                seg.start,
                seg.end,
                category="translation",
                type="untranslated_span",
                severity="warning",
                message=f"this passage is in {lang}, the document in {doc.language}: left untranslated?",
                confidence=round(prob, 4),
                evidence={"language": lang, "document_language": doc.language, "segment": seg.id},
            )
        )
    return findings
