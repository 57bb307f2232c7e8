"""Auto mode: is this pair a translation (parallel) or two outlets (comparable)?

Evidence, in order:

1. ``translated_from`` in either document's meta (set by ``--translated-from``) naming
   the other document (its id, path or file name), or ``true``: parallel.
2. The length ratio of the two documents' alignable text (characters, shorter/longer):
   a translation keeps most of the length (NTREX/TransRead pairs: 0.8-1.2), so below
   ``auto_min_length_ratio`` the pair is comparable.
3. Diagonal strength: the share of the shorter side's segments that are confident 1-1
   anchors on one monotone chain (:func:`comparekit.align.anchors.find_anchors`). A
   translation follows its original, so most segments are anchors; comparable articles
   reorder and rewrite, so few are.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from comparekit.align.anchors import find_anchors
from comparekit.document import Document
from comparekit.settings import Settings


def _names(doc: Document) -> set[str]:
    names = {doc.id}
    if doc.path:
        names |= {doc.path, Path(doc.path).name, Path(doc.path).stem}
    return {str(n) for n in names}


def translated_from_other(doc_a: Document, doc_b: Document) -> str | None:
    """A reason string when one document's ``meta["translated_from"]`` names the other."""
    for doc, other in ((doc_a, doc_b), (doc_b, doc_a)):
        src = doc.meta.get("translated_from")
        if src is True:
            return f"{doc.id} is marked as a translation (--translated-from)"
        if isinstance(src, str) and src:
            if src in _names(other) or Path(src).name in _names(other) or Path(src).stem in _names(other):
                return f"{doc.id} is marked as translated from {other.id} (--translated-from)"
    return None


def diagonal_strength(vectors_a: np.ndarray, vectors_b: np.ndarray, *, settings: Settings) -> float:
    """Share of the shorter side's segments that are monotone 1-1 anchors, in [0, 1]."""
    n, m = len(vectors_a), len(vectors_b)
    if not n or not m:
        return 0.0
    cfg = settings.align
    anchors = find_anchors(
        vectors_a, vectors_b, band=cfg.parallel_anchor_band, min_sim=cfg.parallel_anchor_min_sim
    )
    return len(anchors) / min(n, m)


def choose_mode(
    doc_a: Document,
    doc_b: Document,
    vectors_a: np.ndarray | None,
    vectors_b: np.ndarray | None,
    *,
    settings: Settings,
) -> tuple[str, str]:
    """``(mode, reason)`` for auto mode; ``vectors_*``: ``[n_alignable, dim]`` or ``None``."""
    cfg = settings.align
    marked = translated_from_other(doc_a, doc_b)
    if marked:
        return "parallel", f"auto: {marked}"
    len_a = sum(len(s.text) for s in doc_a.segments if s.alignable)
    len_b = sum(len(s.text) for s in doc_b.segments if s.alignable)
    ratio = min(len_a, len_b) / max(len_a, len_b, 1)
    if ratio < cfg.auto_min_length_ratio:
        return "comparable", (
            f"auto: length ratio {ratio:.2f} < {cfg.auto_min_length_ratio} (not a translation pair)"
        )
    if vectors_a is None or vectors_b is None:
        return "comparable", "auto: no embeddings for one language, so no diagonal test; comparable"
    strength = diagonal_strength(vectors_a, vectors_b, settings=settings)
    if strength >= cfg.auto_min_diagonal:
        return "parallel", (
            f"auto: length ratio {ratio:.2f} and diagonal strength {strength:.2f}"
            f" >= {cfg.auto_min_diagonal}: the documents follow each other sentence by sentence"
        )
    return "comparable", (
        f"auto: diagonal strength {strength:.2f} < {cfg.auto_min_diagonal} (length ratio"
        f" {ratio:.2f}): segments do not follow each other in order"
    )
