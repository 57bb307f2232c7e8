"""What the cross-document stages produce: alignments, divergences, findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from comparekit.document import Document

#: Alignment relations (DESIGN.md).
RELATIONS = ("same", "overlap", "divergent", "related")

#: Divergence types (DESIGN.md).
DIVERGENCE_TYPES = (
    "number_mismatch",
    "date_mismatch",
    "entity_added",
    "entity_missing",
    "role_mismatch",
    "negation",
    "modality",
    "attribution",
)

#: Flag categories.
CATEGORIES = ("scrape", "translation", "framing")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class CueSpan:
    """Where one cue a divergence quotes (a number, a name, a negation word ...) is.

    In a report (pairs from :func:`comparekit.compare.relate`): ``doc`` is the document
    id, ``segment`` the segment id and ``start``/``end`` raw offsets, so that
    ``raw_text[start:end]`` is the cue as written. From the text-only check
    (:func:`comparekit.compare.divergences`) ``segment`` is None and the offsets are
    into the text that side passed.
    """

    doc: str
    segment: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Divergence:
    """One explicit difference between the two sides of an aligned pair.

    ``doc`` is the document whose text shows the divergent detail; ``text`` that detail.
    ``spans``: one :class:`CueSpan` per cue quoted in ``a_text``/``b_text`` (or ``text``),
    side A's first, each side in text order.
    """

    type: str
    doc: str
    text: str
    detail: str
    a_text: str = ""
    b_text: str = ""
    spans: tuple[CueSpan, ...] = ()


@dataclass(frozen=True)
class AlignedPair:
    """Segments of document A aligned to segments of document B.

    ``a`` and ``b`` are segment indices (0-based) into each document's segments.
    In parallel mode either side may be empty (a 1-0 or 0-1 bead).
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    semantic: float
    lexical: float
    relation: str = "related"
    divergences: tuple[Divergence, ...] = ()


@dataclass(frozen=True)
class Alignment:
    """The alignment of two documents.

    ``similarity`` is the segment-level combined score matrix used for the heatmap,
    shape ``[n_alignable_a, n_alignable_b]`` over ``rows``/``cols`` segment indices, or
    ``None`` when it was not kept (long documents).
    """

    a: str
    b: str
    mode: str
    mode_reason: str
    pairs: tuple[AlignedPair, ...]
    unmatched_a: tuple[int, ...] = ()
    unmatched_b: tuple[int, ...] = ()
    channel: str = "semantic+lexical"
    similarity: Any = field(default=None, compare=False, repr=False)
    rows: tuple[int, ...] = ()
    cols: tuple[int, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A flag: something wrong with (or notable in) a span of one document's raw text."""

    doc: str
    start: int
    end: int
    text: str
    category: str
    type: str
    message: str
    severity: str = "warning"
    confidence: float = 1.0
    suggestion: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def over(cls, doc: Document, start: int, end: int, **fields: Any) -> Finding:
        """A finding on ``doc`` over raw offsets ``start``-``end``, quoting that raw text
        (``fields``: category, type, message and the optional fields)."""
        return cls(doc=doc.id, start=start, end=end, text=doc.raw_text[start:end], **fields)


@dataclass(frozen=True)
class SkippedSource:
    """A source that could not be used, and the one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True)
class Comparison:
    """Everything a report is written from."""

    documents: tuple[Document, ...]
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    settings: Mapping[str, Any]
    framing: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    summary: Mapping[str, Any] = field(default_factory=dict)
    skipped: tuple[SkippedSource, ...] = ()
