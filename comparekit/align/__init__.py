"""Align the segments of two documents.

``align(doc_a, doc_b, vectors_a, vectors_b, settings=...)`` picks the mode (comparable,
parallel or auto) and returns an :class:`~comparekit.results.Alignment`. Vectors are the
documents' embeddings of their alignable segments, computed once per document by the
pipeline (``None`` when the encoder does not know a document's language: the lexical
channel is used alone and the alignment says so). Parallel mode embeds runs of several
sentences with ``encoder`` when one is given (else it sums sentence vectors).
"""

from __future__ import annotations

import numpy as np

from comparekit.align.auto import choose_mode
from comparekit.align.comparable import align_comparable, lexical_pair, relation_for
from comparekit.align.score import Bead
from comparekit.document import Document
from comparekit.errors import UsageError
from comparekit.results import AlignedPair, Alignment
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
    encoder=None,
) -> Alignment:
    """Align two documents. ``vectors_*``: float32 ``[n_alignable, dim]`` or ``None``;
    ``encoder`` (optional) embeds multi-sentence runs in parallel mode."""
    mode = settings.align.mode
    if mode not in MODES:
        raise UsageError(f"unknown alignment mode {mode!r}; valid: {', '.join(MODES)}")
    if mode == "auto":
        mode, reason = choose_mode(doc_a, doc_b, vectors_a, vectors_b, settings=settings)
    else:
        reason = f"{mode} mode was asked for"
    if mode == "parallel":
        if vectors_a is None or vectors_b is None:
            raise UsageError(
                "parallel mode needs embeddings of both documents; the encoder does not know"
                " the language of one of them (use --mode comparable or another --encoder)"
            )
        return align_parallel(
            doc_a, doc_b, vectors_a, vectors_b, settings=settings, mode_reason=reason, encoder=encoder
        )
    return align_comparable(doc_a, doc_b, vectors_a, vectors_b, settings=settings, mode_reason=reason)


def align_parallel(
    doc_a: Document,
    doc_b: Document,
    vectors_a: np.ndarray,
    vectors_b: np.ndarray,
    *,
    settings: Settings,
    mode_reason: str,
    encoder=None,
) -> Alignment:
    """Parallel-mode alignment of the alignable segments: monotone beads; 1-0/0-1 beads
    become unmatched segments."""
    from comparekit.align.parallel import align_parallel_vectors

    rows = alignable_indices(doc_a)
    cols = alignable_indices(doc_b)
    texts_a = [doc_a.segments[i].text for i in rows]
    texts_b = [doc_b.segments[j].text for j in cols]
    encode = encoder.encode if encoder is not None else None
    beads = align_parallel_vectors(vectors_a, vectors_b, texts_a, texts_b, settings=settings, encode=encode)
    full = [(s, t, sc) for (s, t), sc in beads if s and t]
    lexical = [  # bead by bead (a full matrix would be quadratic in the beads)
        lexical_pair(" ".join(texts_a[i] for i in s), " ".join(texts_b[j] for j in t)) for s, t, _ in full
    ]
    pairs = []
    for k, (s, t, _gain) in enumerate(full):
        # the bead's cosine (summed sentence vectors of each side), not the DP gain
        u, v = vectors_a[list(s)].sum(axis=0), vectors_b[list(t)].sum(axis=0)
        cos = float(u @ v / max(float(np.linalg.norm(u) * np.linalg.norm(v)), 1e-12))
        sem = float(min(1.0, max(0.0, cos)))
        pairs.append(
            AlignedPair(
                a=tuple(rows[i] for i in s),
                b=tuple(cols[j] for j in t),
                score=sem,
                semantic=sem,
                lexical=lexical[k],
                relation=relation_for(sem, settings),
            )
        )
    return Alignment(
        a=doc_a.id,
        b=doc_b.id,
        mode="parallel",
        mode_reason=mode_reason,
        pairs=tuple(pairs),
        unmatched_a=tuple(rows[i] for (s, t), _ in beads if not t for i in s),
        unmatched_b=tuple(cols[j] for (s, t), _ in beads if not s for j in t),
        channel="semantic",
        rows=tuple(rows),
        cols=tuple(cols),
    )


def alignment_beads(alignment: Alignment) -> list[Bead]:
    """An alignment as beads over alignable positions (0-based, ``rows``/``cols`` order):
    pairs plus one 1-0/0-1 bead per unmatched segment, sorted by position."""
    pos_a = {seg: k for k, seg in enumerate(alignment.rows)}
    pos_b = {seg: k for k, seg in enumerate(alignment.cols)}
    beads: list[Bead] = [
        (tuple(pos_a[i] for i in p.a), tuple(pos_b[j] for j in p.b)) for p in alignment.pairs
    ]
    beads += [((pos_a[i],), ()) for i in alignment.unmatched_a]
    beads += [((), (pos_b[j],)) for j in alignment.unmatched_b]

    if alignment.mode == "parallel":
        return _parallel_order(beads)
    inf = float("inf")
    return sorted(beads, key=lambda b: (b[0][0] if b[0] else inf, b[1][0] if b[1] else inf))


def _parallel_order(beads: list[Bead]) -> list[Bead]:
    """Monotone beads in path order: by the first sentence index, skips in between."""
    full = sorted((b for b in beads if b[0] and b[1]), key=lambda b: b[0][0])
    skips_a = sorted(b[0][0] for b in beads if not b[1])
    skips_b = sorted(b[1][0] for b in beads if not b[0])
    out: list[Bead] = []
    ia = ib = 0
    for s, t in full:
        while ia < len(skips_a) and skips_a[ia] < s[0]:
            out.append(((skips_a[ia],), ()))
            ia += 1
        while ib < len(skips_b) and skips_b[ib] < t[0]:
            out.append(((), (skips_b[ib],)))
            ib += 1
        out.append((s, t))
    out += [((i,), ()) for i in skips_a[ia:]]
    out += [((), (j,)) for j in skips_b[ib:]]
    return out
