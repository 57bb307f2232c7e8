"""First pass of parallel mode: confident 1-1 anchors, in ``O(n * band)`` time and memory.

Each source sentence is compared with the target sentences inside a band of half-width
``band`` around the diagonal (shifted to follow the length difference), chunk by chunk,
so no dense ``n x m`` matrix is built. A pair is a candidate anchor when each sentence is
the other's best match in the band and their cosine reaches ``min_sim``; the heaviest
chain of candidates that is strictly increasing on both sides is kept.
"""

from __future__ import annotations

import bisect

import numpy as np

#: Rows per chunk of the banded similarity search (bounds peak memory).
_CHUNK = 512


def banded_best(
    vectors_a: np.ndarray, vectors_b: np.ndarray, band: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Best match of every row and of every column inside the diagonal band.

    ``vectors_a``: ``[n, d]``, ``vectors_b``: ``[m, d]``. Returns ``(best_b_of_a [n],
    sim_a [n], best_a_of_b [m], sim_b [m])`` (index ``-1`` where the band is empty).
    """
    n, m = len(vectors_a), len(vectors_b)
    best_ab = np.full(n, -1, dtype=np.int64)
    sim_ab = np.full(n, -np.inf, dtype=np.float32)
    best_ba = np.full(m, -1, dtype=np.int64)
    sim_ba = np.full(m, -np.inf, dtype=np.float32)
    slope = m / n
    for r0 in range(0, n, _CHUNK):
        r1 = min(n, r0 + _CHUNK)
        rows = np.arange(r0, r1)
        centre = np.round(rows * slope).astype(np.int64)
        c0 = max(0, int(centre[0]) - band)
        c1 = min(m, int(centre[-1]) + band + 1)
        if c0 >= c1:
            continue
        sims = vectors_a[r0:r1] @ vectors_b[c0:c1].T  # [chunk, cols]
        cols = np.arange(c0, c1)
        outside = np.abs(cols[None, :] - centre[:, None]) > band
        sims[outside] = -np.inf
        arg = sims.argmax(axis=1)
        best_ab[r0:r1] = c0 + arg
        sim_ab[r0:r1] = sims[np.arange(r1 - r0), arg]
        col_arg = sims.argmax(axis=0)
        col_best = sims[col_arg, np.arange(c1 - c0)]
        upd = col_best > sim_ba[c0:c1]
        sim_ba[c0:c1][upd] = col_best[upd]
        best_ba[c0:c1][upd] = r0 + col_arg[upd]
    best_ab[~np.isfinite(sim_ab)] = -1
    return best_ab, sim_ab, best_ba, sim_ba


def heaviest_chain(points: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The longest chain of points strictly increasing in both coordinates
    (``O(k log k)``). ``points``: int ``[k, 2]`` sorted by the first coordinate, which
    is distinct for mutual best matches; returns the kept rows, ``[c, 2]``. ``weights``
    (the cosines) are not used yet: a weighted chain was not tried.
    """
    k = len(points)
    if k == 0:
        return points.reshape(0, 2)
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = np.full(k, -1, dtype=np.int64)
    for t in range(k):
        q = int(points[t, 1])
        pos = bisect.bisect_left(tails, q)
        if pos > 0:
            prev[t] = tail_idx[pos - 1]
        if pos == len(tails):
            tails.append(q)
            tail_idx.append(t)
        else:
            tails[pos] = q
            tail_idx[pos] = t
    out = []
    t = tail_idx[-1] if tail_idx else -1
    while t >= 0:
        out.append(t)
        t = int(prev[t])
    return points[np.array(out[::-1], dtype=np.int64)]


def find_anchors(vectors_a: np.ndarray, vectors_b: np.ndarray, *, band: int, min_sim: float) -> np.ndarray:
    """Confident 1-1 anchors ``[(i, j)]``, int ``[k, 2]``, strictly increasing on both sides.

    ``band`` is at least the length difference plus the setting, so a long insertion on
    one side does not push the true path out of the search.
    """
    n, m = len(vectors_a), len(vectors_b)
    if n == 0 or m == 0:
        return np.zeros((0, 2), dtype=np.int64)
    band = int(band + abs(n - m))
    best_ab, sim_ab, best_ba, _ = banded_best(vectors_a, vectors_b, band)
    rows = np.flatnonzero((best_ab >= 0) & (sim_ab >= min_sim))
    mutual = rows[best_ba[best_ab[rows]] == rows]
    pts = np.stack([mutual, best_ab[mutual]], axis=1).astype(np.int64)
    return heaviest_chain(pts, sim_ab[mutual])
