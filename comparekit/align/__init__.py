"""Align the segments of two documents.

``align(doc_a, doc_b, vectors_a, vectors_b, settings=...)`` picks the mode (comparable,
parallel or auto) and returns an :class:`~comparekit.results.Alignment`. Vectors are the
documents' embeddings of their alignable segments, computed once per document by the
pipeline (``None`` when the encoder does not know a document's language: the lexical
channel is used alone and the alignment says so).
"""

from __future__ import annotations

import numpy as np

from comparekit.align.comparable import align_comparable
from comparekit.document import Document
from comparekit.errors import UsageError
from comparekit.results import Alignment
from comparekit.settings import Settings

MODES = ("auto", "comparable", "parallel")


def alignable_indices(doc: Document) -> list[int]:
    """Indices of the segments that take part in alignment (body, title, standfirst)."""
    return [s.index for s in doc.segments if s.alignable]


def align(
    doc_a: Document,
    doc_b: Document,
    vectors_a: np.ndarray | None,
    vectors_b: np.ndarray | None,
    *,
    settings: Settings,
) -> Alignment:
    """Align two documents. ``vectors_*``: float32 ``[n_alignable, dim]`` or ``None``."""
    mode = settings.align.mode
    if mode not in MODES:
        raise UsageError(f"unknown alignment mode {mode!r}; valid: {', '.join(MODES)}")
    if mode == "parallel":
        raise UsageError("parallel mode is not available yet; use --mode comparable")
    reason = (
        "comparable mode was asked for"
        if mode == "comparable"
        else ("auto: separate outlets are compared as comparable sources")
    )
    return align_comparable(doc_a, doc_b, vectors_a, vectors_b, settings=settings, mode_reason=reason)
