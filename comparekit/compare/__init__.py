"""Turn alignments into claims: relations, divergences, and how much of the story two
sources share (``similarity``)."""

from __future__ import annotations

from comparekit.compare.checks import divergences
from comparekit.compare.relate import relate
from comparekit.document import Document
from comparekit.results import Alignment

__all__ = ["divergences", "relate", "similarity"]


def similarity(alignment: Alignment, doc_a: Document, doc_b: Document) -> float:
    """How much of the same story two documents tell, in [0, 1] (``summary.similarity``).

    Each alignable segment counts by its length (characters) times how well it is
    matched: its best matched partner's semantic score (the combined score on the
    lexical channel alone) mapped linearly from ``corpus.similarity_low`` (counts 0) to
    ``corpus.similarity_high`` (counts 1); unmatched segments count 0. That gives each
    document a covered share; the similarity is their harmonic mean, so a document that
    tells only part of the other's story scores the Dice overlap of the two (half the
    paragraphs of a translation: ~2/3), a faithful translation scores near 1 and
    unrelated articles near 0. Symmetric in A and B. Calibrated on NTREX-128
    (benchmarks/similarity_calibration.py); the same score groups stories in corpus mode.
    """
    from comparekit.settings import _defaults

    # The shipped values, read without building a Settings (a deep copy of every
    # section: ~1 ms, once per scored pair).
    cfg = _defaults()["corpus"]
    low, high = cfg["similarity_low"], cfg["similarity_high"]
    lexical_only = alignment.channel == "lexical"
    shares = []
    for doc, side in ((doc_a, "a"), (doc_b, "b")):
        lengths = {s.index: len(s.text) for s in doc.segments if s.alignable}
        total = sum(lengths.values())
        if not total:
            shares.append(0.0)
            continue
        best: dict[int, float] = {}
        for pair in alignment.pairs:
            if not pair.a or not pair.b:
                continue
            value = pair.score if lexical_only else pair.semantic
            for i in getattr(pair, side):
                best[i] = max(best.get(i, 0.0), value)
        weight = {i: min(1.0, max(0.0, (v - low) / (high - low))) for i, v in best.items()}
        shares.append(sum(lengths[i] * w for i, w in weight.items() if i in lengths) / total)
    a, b = shares
    return float(min(1.0, max(0.0, 2 * a * b / (a + b)))) if a + b > 0 else 0.0
