"""Similar segment pairs without a dense ``n x m`` matrix: blocked cosine search.

Two long documents (20,000 segments each) would need a 400-million-cell matrix per score
channel: 1.6 GB in float32, 3.2 GB in float64. Above ``align.dense_max_cells`` cells the
comparable aligner and the claim re-check ask this module instead: rows of A are compared
with all of B one block at a time (``block_rows x m`` float32), and only the cells that
are among the ``top_k`` best of their row or of their column, and reach ``min_cosine``,
are kept. Peak memory is ``O(block_rows * m + k * (n + m))``.

Every segment keeps its ``top_k`` nearest partners on the other side, which is what the
greedy matcher needs: a pair it would take is nearly always among the best few of one of
its two segments. The approximation is measured in ``benchmarks/memory.py`` (pairs kept
versus the dense path on the same input).
"""

from __future__ import annotations

import numpy as np

Cells = tuple[np.ndarray, np.ndarray, np.ndarray]  # (rows int64, cols int64, values)


def empty_cells() -> Cells:
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)


def _top_rows(block: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the ``k`` largest values of each row of ``block``, ``[r, k]``."""
    if block.shape[1] <= k:
        return np.broadcast_to(np.arange(block.shape[1]), block.shape).copy()
    return np.argpartition(-block, k - 1, axis=1)[:, :k]


def blocked_top_k(
    vectors_a: np.ndarray,
    vectors_b: np.ndarray,
    *,
    top_k: int,
    min_cosine: float,
    block_rows: int,
) -> Cells:
    """Cells ``(i, j, cosine)`` where ``j`` is among the ``top_k`` most similar segments
    of ``i`` or ``i`` among those of ``j``, and the cosine is at least ``min_cosine``.

    Sorted by ``(i, j)``; each cell once. ``vectors_*``: L2-normalised float32
    ``[n, d]`` / ``[m, d]``."""
    va = np.ascontiguousarray(vectors_a, dtype=np.float32)
    vb = np.ascontiguousarray(vectors_b, dtype=np.float32)
    ii, jj, cos = top_k_cells(len(va), len(vb), lambda r0, r1: va[r0:r1] @ vb.T, top_k, block_rows)
    keep = cos >= min_cosine
    return ii[keep], jj[keep], cos[keep]


def top_k_cells(n: int, m: int, block_fn, top_k: int, block_rows: int) -> Cells:
    """Cells among the ``top_k`` largest of their row or of their column of an ``n x m``
    similarity that is only ever computed in row blocks: ``block_fn(r0, r1)`` returns
    float32 ``[r1 - r0, m]``. Sorted by ``(i, j)``; each cell once."""
    if n == 0 or m == 0 or top_k <= 0:
        return empty_cells()
    kc = min(top_k, n)
    # running best rows per column: values and row indices, [kc, m]
    col_val = np.full((kc, m), -np.inf, dtype=np.float32)
    col_idx = np.full((kc, m), -1, dtype=np.int64)
    keys: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for r0 in range(0, n, block_rows):
        block = np.asarray(block_fn(r0, min(n, r0 + block_rows)), dtype=np.float32)  # [r, m]
        r = block.shape[0]
        # rows: the top_k columns of each row
        top = _top_rows(block, top_k)
        keys.append((np.arange(r0, r0 + r)[:, None] * m + top).ravel())
        values.append(np.take_along_axis(block, top, axis=1).ravel())
        # columns: merge this block's best rows into the running best
        kb = min(kc, r)
        if r > kb:
            part = np.argpartition(-block, kb - 1, axis=0)[:kb]
        else:
            part = np.broadcast_to(np.arange(r)[:, None], (r, m))
        both_val = np.concatenate([col_val, np.take_along_axis(block, part, axis=0)], axis=0)
        both_idx = np.concatenate([col_idx, part + r0], axis=0)
        best = np.argpartition(-both_val, kc - 1, axis=0)[:kc]
        col_val = np.take_along_axis(both_val, best, axis=0)
        col_idx = np.take_along_axis(both_idx, best, axis=0)
    found = col_idx >= 0
    keys.append((col_idx * m + np.arange(m)[None, :])[found])
    values.append(col_val[found])
    key, first = np.unique(np.concatenate(keys), return_index=True)
    return key // m, key % m, np.concatenate(values)[first].astype(np.float32)


def cells_at_least(matrix: np.ndarray, threshold: float) -> Cells:
    """The cells of a dense matrix at or above ``threshold``, sorted by ``(i, j)``."""
    ii, jj = np.nonzero(matrix >= threshold)
    return ii.astype(np.int64), jj.astype(np.int64), matrix[ii, jj]
