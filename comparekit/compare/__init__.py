"""Turn alignments into claims: relations, divergences, and how much of the story two
sources share (``similarity``)."""

from __future__ import annotations

from comparekit.compare.checks import divergences
from comparekit.compare.relate import relate
from comparekit.document import Document
from comparekit.results import Alignment

__all__ = ["divergences", "relate", "similarity"]


def similarity(alignment: Alignment, doc_a: Document, doc_b: Document) -> float:
    """How much of the same story two documents tell, in [0, 1].

    The share of each document's alignable text (in characters) that is matched,
    weighted by the score of its match, averaged over the two documents: a faithful
    translation scores near 1, unrelated articles near 0.
    """
    shares = []
    for doc, side in ((doc_a, "a"), (doc_b, "b")):
        lengths = {s.index: len(s.text) for s in doc.segments if s.alignable}
        total = sum(lengths.values())
        if not total:
            shares.append(0.0)
            continue
        best: dict[int, float] = {}
        for pair in alignment.pairs:
            for i in getattr(pair, side):
                best[i] = max(best.get(i, 0.0), pair.score)
        shares.append(sum(lengths[i] * s for i, s in best.items() if i in lengths) / total)
    return float(min(1.0, max(0.0, sum(shares) / len(shares))))
