"""Comparable-mode alignment: any order, one-to-many, most segments unmatched.

Score = ``semantic_weight * cosine + lexical_weight * token_set_ratio``. A pair is kept
when its score reaches ``align.min_score`` and it is the best partner of at least one of
its two segments; kept pairs that share a segment are grouped into one many-to-many
:class:`~comparekit.results.AlignedPair`. The rule treats A and B alike, so aligning
(B, A) gives the mirror image of (A, B).
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process, utils

from comparekit.document import Document
from comparekit.results import AlignedPair, Alignment
from comparekit.settings import Settings


def lexical_matrix(texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """rapidfuzz token_set_ratio between every pair, in [0, 1], float32 ``[n_a, n_b]``."""
    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)), dtype=np.float32)
    scores = process.cdist(
        texts_a, texts_b, scorer=fuzz.token_set_ratio, processor=utils.default_process, dtype=np.float32
    )
    return (scores / 100.0).astype(np.float32)


def relation_for(score: float, settings: Settings) -> str:
    """First-cut relation from the combined score (claims refine it)."""
    if score >= settings.align.same_threshold:
        return "same"
    if score >= settings.align.overlap_threshold:
        return "overlap"
    return "related"


def _components(edges: list[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Connected components of a bipartite edge list, as (rows, cols), in a stable order."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ra, rb = find(("a", i)), find(("b", j))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in edges:
        root = find(("a", i))
        rows, cols = groups.setdefault(root, (set(), set()))
        rows.add(i)
        cols.add(j)
    out = [(sorted(r), sorted(c)) for r, c in groups.values()]
    return sorted(out, key=lambda rc: (rc[0][0], rc[1][0]))


def align_comparable(
    doc_a: Document,
    doc_b: Document,
    vectors_a: np.ndarray | None,
    vectors_b: np.ndarray | None,
    *,
    settings: Settings,
    mode_reason: str,
) -> Alignment:
    """Comparable-mode alignment of the alignable segments of two documents."""
    cfg = settings.align
    rows = [s.index for s in doc_a.segments if s.alignable]
    cols = [s.index for s in doc_b.segments if s.alignable]
    texts_a = [doc_a.segments[i].text for i in rows]
    texts_b = [doc_b.segments[j].text for j in cols]
    lexical = lexical_matrix(texts_a, texts_b)
    if vectors_a is not None and vectors_b is not None and rows and cols:
        semantic = np.clip(vectors_a @ vectors_b.T, 0.0, 1.0).astype(np.float32)
        score = cfg.semantic_weight * semantic + cfg.lexical_weight * lexical
        channel = "semantic+lexical"
    else:
        semantic = np.zeros_like(lexical)
        score = lexical
        channel = "lexical"
    edges: list[tuple[int, int]] = []
    if rows and cols:
        row_best = score.argmax(axis=1)
        col_best = score.argmax(axis=0)
        for i, j in zip(*np.nonzero(score >= cfg.min_score)):
            if row_best[i] == j or col_best[j] == i:
                edges.append((int(i), int(j)))
    pairs = []
    for r, c in _components(edges):
        sub = score[np.ix_(r, c)]
        bi, bj = np.unravel_index(int(sub.argmax()), sub.shape)
        best = float(sub[bi, bj])
        pairs.append(
            AlignedPair(
                a=tuple(rows[i] for i in r),
                b=tuple(cols[j] for j in c),
                score=best,
                semantic=float(semantic[r[bi], c[bj]]),
                lexical=float(lexical[r[bi], c[bj]]),
                relation=relation_for(best, settings),
            )
        )
    matched_a = {i for p in pairs for i in p.a}
    matched_b = {j for p in pairs for j in p.b}
    keep = len(rows) * len(cols) <= cfg.keep_matrix_max_cells
    return Alignment(
        a=doc_a.id,
        b=doc_b.id,
        mode="comparable",
        mode_reason=mode_reason,
        pairs=tuple(pairs),
        unmatched_a=tuple(i for i in rows if i not in matched_a),
        unmatched_b=tuple(j for j in cols if j not in matched_b),
        channel=channel,
        similarity=score if keep else None,
        rows=tuple(rows),
        cols=tuple(cols),
    )
