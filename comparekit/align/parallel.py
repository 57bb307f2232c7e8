"""Parallel-mode alignment: a translation and its original.

Two passes, as in Bertalign:

1. **Anchors.** Every source sentence looks for its best target sentences inside a wide
   band around the diagonal (chunked, so memory is ``O(n * band)``); mutual best
   matches above ``anchor_min_sim`` form candidate anchors, and the heaviest monotone
   chain of them is kept (:mod:`comparekit.align.anchors`).
2. **Beads.** A monotone DP over beads ``0-1, 1-0`` and ``a-b`` (``1 <= a, b``,
   ``a + b <= max_bead``) runs only in a narrow search region: the rectangles between
   consecutive anchors, widened by ``window``. Time and memory are ``O(n * width)``.

The bead score is the cosine of the two runs' vectors, scaled by a length factor, minus
a per-extra-sentence cost; skipping a sentence (0-1/1-0) costs ``skip``. A run of several
sentences is embedded by a ``RunVectors`` provider: real embeddings of the concatenated
text when an encoder is given, otherwise the normalised sum of its sentence vectors.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from comparekit.align.anchors import find_anchors
from comparekit.align.score import Bead
from comparekit.settings import Settings

log = logging.getLogger(__name__)

#: ``encode(texts) -> float32 [len(texts), dim]`` (L2-normalised): embeds run texts.
EncodeFn = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class ParallelParams:
    """The settings of parallel mode (``[align]`` keys ``parallel_*``)."""

    max_bead: int
    skip: float
    length_weight: float
    extra_cost: float
    window: int
    margin: float
    refine_below: float
    refine_reach: int
    anchor_band: int
    anchor_min_sim: float
    encode_runs: bool
    skip_encoded: float

    @classmethod
    def from_settings(cls, settings: Settings) -> ParallelParams:
        c = settings.align
        return cls(
            max_bead=c.parallel_max_bead,
            skip=c.parallel_skip,
            length_weight=c.parallel_length_weight,
            extra_cost=c.parallel_extra_cost,
            window=c.parallel_window,
            margin=c.parallel_margin,
            refine_below=c.parallel_refine_below,
            refine_reach=c.parallel_refine_reach,
            anchor_band=c.parallel_anchor_band,
            anchor_min_sim=c.parallel_anchor_min_sim,
            encode_runs=c.parallel_encode_runs,
            skip_encoded=c.parallel_skip_encoded,
        )


def bead_types(max_bead: int) -> list[tuple[int, int]]:
    """Bead shapes ``(a, b)``: 1-0, 0-1 and every ``a, b >= 1`` with ``a + b <= max_bead``."""
    types = [(1, 0), (0, 1)]
    for a in range(1, max_bead):
        for b in range(1, max_bead - a + 1):
            types.append((a, b))
    return types


class RunVectors:
    """Vectors of runs of consecutive sentences of one side.

    ``vectors(k)`` is float32 ``[n - k + 1, dim]``: row ``s`` embeds sentences
    ``s .. s + k - 1``; ``k = 1`` is the sentence vectors. Rows start as the normalised
    sum of the run's sentence vectors; :meth:`embed` replaces chosen rows with the
    embedding of the concatenated text (sentences joined by a space).
    """

    def __init__(self, vectors: np.ndarray, texts: Sequence[str]) -> None:
        self.single = np.asarray(vectors, dtype=np.float32)
        self.texts = list(texts)
        self._cache: dict[int, np.ndarray] = {1: self.single}
        self._done: dict[int, np.ndarray] = {}
        self._csum = np.concatenate([np.zeros((1, self.single.shape[1]), np.float32), self.single.cumsum(0)])

    def vectors(self, k: int) -> np.ndarray:
        """Run vectors of length ``k`` (see the class doc)."""
        if k not in self._cache:
            n = len(self.single)
            if k > n:
                self._cache[k] = np.zeros((0, self.single.shape[1]), np.float32)
            else:
                v = self._csum[k:] - self._csum[:-k]
                norms = np.linalg.norm(v, axis=1, keepdims=True)
                norms[norms == 0] = 1.0
                self._cache[k] = (v / norms).astype(np.float32)
        return self._cache[k]

    def embed(self, k: int, starts: np.ndarray, encode: EncodeFn) -> int:
        """Embed the concatenated text of runs ``starts`` of length ``k`` (once each);
        returns how many were embedded."""
        out = self.vectors(k)
        done = self._done.setdefault(k, np.zeros(len(out), dtype=bool))
        starts = np.unique(starts[(starts >= 0) & (starts < len(out))])
        starts = starts[~done[starts]]
        if len(starts):
            texts = [" ".join(t.strip() for t in self.texts[s : s + k]) for s in starts]
            out[starts] = encode(texts)
            done[starts] = True
        return len(starts)


def uncertain_sentences(beads: list[tuple[Bead, float]], n: int, m: int, below: float, reach: int):
    """Sentences near beads that are not a confident 1-1: bool ``[n]`` and ``[m]``.

    A bead is uncertain when it is not 1-1 or its score is under ``below``; every
    sentence within ``reach`` of an uncertain bead (on its side) is marked."""
    mark_a = np.zeros(n + 1, dtype=np.int64)
    mark_b = np.zeros(m + 1, dtype=np.int64)
    pos_a = pos_b = 0
    for (src, tgt), score in beads:
        if len(src) != 1 or len(tgt) != 1 or score < below:
            mark_a[max(pos_a - reach, 0)] += 1
            mark_a[min(pos_a + len(src) + reach, n)] -= 1
            mark_b[max(pos_b - reach, 0)] += 1
            mark_b[min(pos_b + len(tgt) + reach, m)] -= 1
        pos_a += len(src)
        pos_b += len(tgt)
    return np.cumsum(mark_a)[:n] > 0, np.cumsum(mark_b)[:m] > 0


def search_region(n: int, m: int, anchors: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-row column range ``[lo[i], hi[i]]`` of DP cells, int64 ``[n + 1]`` each.

    Between consecutive anchors (cell after one 1-1 anchor bead to cell before the
    next) the whole rectangle is searched; everything is widened by ``window`` rows
    and columns so that a wrong anchor can be routed around.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    # corners of the free rectangles, in DP cell coordinates
    pts = [(0, 0)]
    for p, q in anchors:
        pts.append((int(p), int(q)))
        pts.append((int(p) + 1, int(q) + 1))
    pts.append((n, m))
    for (i0, j0), (i1, j1) in zip(pts[:-1], pts[1:]):
        i0, i1 = min(i0, i1), max(i0, i1)
        j0, j1 = min(j0, j1), max(j0, j1)
        lo[i0 : i1 + 1] = np.minimum(lo[i0 : i1 + 1], j0)
        hi[i0 : i1 + 1] = np.maximum(hi[i0 : i1 + 1], j1)
    if window > 0:
        # widen: min/max over neighbouring rows, then shift columns
        lo_w, hi_w = lo.copy(), hi.copy()
        for d in range(1, window + 1):
            lo_w[d:] = np.minimum(lo_w[d:], lo[:-d])
            lo_w[:-d] = np.minimum(lo_w[:-d], lo[d:])
            hi_w[d:] = np.maximum(hi_w[d:], hi[:-d])
            hi_w[:-d] = np.maximum(hi_w[:-d], hi[d:])
        lo, hi = lo_w - window, hi_w + window
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    # monotone bounds keep the region connected for a monotone path
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0], hi[n] = 0, m
    return lo, hi


def length_factor(len_a: np.ndarray, len_b: np.ndarray, ratio: float, weight: float) -> np.ndarray:
    """Bertalign's length factor ``log2(1 + min/max)`` raised to ``weight`` (0 = off)."""
    la = np.maximum(len_a, 1.0)
    lb = np.maximum(len_b * ratio, 1.0)
    f = np.log2(1.0 + np.minimum(la, lb) / np.maximum(la, lb))
    return f**weight if weight != 1.0 else f


def _cell_gains(
    va: dict[int, np.ndarray],
    vb: dict[int, np.ndarray],
    base: tuple[dict[int, np.ndarray], dict[int, np.ndarray]],
    csa: np.ndarray,
    csb: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    a: int,
    b: int,
    params: ParallelParams,
    ratio: float,
) -> np.ndarray:
    """Score of bead ``a-b`` ending at each cell ``(rows[k], cols[k])`` (cells sorted by
    row), float64 ``[k]``. Rows are taken in blocks: one small matmul of the block's
    source runs against the contiguous target runs its cells reach."""
    out = np.empty(len(rows), dtype=np.float64)
    if not len(rows):
        return out
    block = 64  # DP rows per matmul
    starts = np.searchsorted(rows, np.arange(int(rows[0]), int(rows[-1]) + block + 1, block))
    for k0, k1 in zip(starts[:-1], starts[1:]):
        if k0 == k1:
            continue
        r, c = rows[k0:k1], cols[k0:k1]
        r0, c0 = int(r.min()), int(c.min())
        sims = va[a][r0 - a : int(r.max()) - a + 1] @ vb[b][c0 - b : int(c.max()) - b + 1].T
        out[k0:k1] = sims[r - r0, c - c0]
    if params.margin:
        out -= params.margin * 0.5 * (base[0][a][rows - a] + base[1][b][cols - b])
    f = length_factor(csa[rows] - csa[rows - a], csb[cols] - csb[cols - b], ratio, params.length_weight)
    return out * f - params.extra_cost * (a + b - 2)


def length_ratio(lens_a: np.ndarray, lens_b: np.ndarray, anchors: np.ndarray) -> float:
    """Characters of A per character of B, as the length factor expects them: over the
    anchored 1-1 pairs when there are any, else over the whole documents. The totals
    are wrong when only part of one document is translated (the first chapter against
    the book: ten target characters "expected" per source character, so the DP merged
    target sentences); the anchors measure the translated part only."""
    if not len(lens_a) or not len(lens_b):
        return 1.0
    if len(anchors):
        return float(lens_a[anchors[:, 0]].sum() / max(lens_b[anchors[:, 1]].sum(), 1.0))
    return float(lens_a.sum() / max(lens_b.sum(), 1.0))


def dp_align(
    runs_a: RunVectors,
    runs_b: RunVectors,
    lens_a: np.ndarray,
    lens_b: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    params: ParallelParams,
    ratio: float | None = None,
) -> list[tuple[Bead, float]]:
    """Best monotone bead path through the search region.

    ``lens_*``: character lengths ``[n]``/``[m]``; ``lo``/``hi``: ``[n + 1]`` column
    bounds per DP row; ``ratio``: characters of A per character of B for the length
    factor (default: the two documents' totals, see :func:`length_ratio`). The cells of
    the region are stored row after row in flat arrays (``O(n * width)``); bead scores
    for every cell and shape are computed up front in vectorised chunks, then the
    recurrence runs row by row. Returns
    ``[(bead, bead_score)]`` covering every sentence once, in order.
    """
    n, m = len(lens_a), len(lens_b)
    types = [t for t in bead_types(params.max_bead) if t != (0, 1)]
    kmax = max(params.max_bead - 1, 1)
    if ratio is None:
        ratio = length_ratio(lens_a, lens_b, np.zeros((0, 2), dtype=np.int64))
    csa = np.concatenate([[0.0], np.cumsum(lens_a, dtype=np.float64)])
    csb = np.concatenate([[0.0], np.cumsum(lens_b, dtype=np.float64)])
    va = {k: runs_a.vectors(k) for k in range(1, kmax + 1)}
    vb = {k: runs_b.vectors(k) for k in range(1, kmax + 1)}
    # margin baseline: a run's mean similarity to the other document (its cosine with
    # the other side's mean sentence vector), as Vecalign normalises by random pairs
    mean_a, mean_b = va[1].mean(axis=0), vb[1].mean(axis=0)
    base = ({k: v @ mean_b for k, v in va.items()}, {k: v @ mean_a for k, v in vb.items()})
    width = hi - lo + 1
    off = np.concatenate([[0], np.cumsum(width)]).astype(np.int64)
    total = int(off[-1])
    cell_row = np.repeat(np.arange(n + 1), width)
    cell_col = np.arange(total) - np.repeat(off[:-1], width) + np.repeat(lo, width)
    # prev[t, cell]: flat index of the cell a bead of type t comes from (0 if none);
    # gain[t, cell]: that bead's score (-inf if the bead does not fit)
    prev = np.zeros((len(types), total), dtype=np.int64)
    gain = np.full((len(types), total), -np.inf, dtype=np.float64)
    for t, (a, b) in enumerate(types):
        pi = cell_row - a
        pj = cell_col - b
        ok = (pi >= 0) & (pj >= 0)
        ok[ok] &= (pj[ok] >= lo[pi[ok]]) & (pj[ok] <= hi[pi[ok]])
        idx = np.flatnonzero(ok)
        prev[t, idx] = off[pi[idx]] + pj[idx] - lo[pi[idx]]
        if b == 0:
            gain[t, idx] = params.skip
        else:
            gain[t, idx] = _cell_gains(
                va, vb, base, csa, csb, cell_row[idx], cell_col[idx], a, b, params, ratio
            )
    cost = np.full(total, -np.inf, dtype=np.float64)
    back = np.full(total, len(types), dtype=np.int16)  # len(types) = a 0-1 bead
    skip = params.skip
    for i in range(n + 1):
        s0, s1 = int(off[i]), int(off[i + 1])
        if i == 0:
            row = np.full(s1 - s0, -np.inf)
            arg = np.full(s1 - s0, len(types), dtype=np.int16)
            row[0] = 0.0  # lo[0] == 0: the empty alignment
        else:
            cand = cost[prev[:, s0:s1]] + gain[:, s0:s1]
            arg = cand.argmax(axis=0).astype(np.int16)
            row = cand[arg, np.arange(s1 - s0)]
        # 0-1 beads within the row: row[j] = max(row[j], row[j-1] + skip), a running max
        k = np.arange(s1 - s0)
        run = np.maximum.accumulate(row - k * skip) + k * skip
        left = run > row + 1e-12
        cost[s0:s1] = np.where(left, run, row)
        arg[left] = len(types)
        back[s0:s1] = arg
    if not np.isfinite(cost[off[n] + m - lo[n]]):
        raise RuntimeError("no monotone path through the search region")  # a bug, not bad input
    beads: list[tuple[Bead, float]] = []
    i, j = n, m
    while i > 0 or j > 0:
        cell = int(off[i] + j - lo[i])
        t = int(back[cell])
        a, b = types[t] if t < len(types) else (0, 1)
        g = float(gain[t, cell]) if t < len(types) else skip
        beads.append(((tuple(range(i - a, i)), tuple(range(j - b, j))), g))
        i, j = i - a, j - b
    beads.reverse()
    return beads


_BLAS_CONTROLLER: Any = None


def _one_blas_thread():
    """``threadpool_limits(limits=1, user_api="blas")`` with the scan of loaded libraries
    done once per process: building a controller reads /proc/self/maps and costs ~2 ms,
    paid twice per aligned pair before (1.7 of 54 s in a 40-story NTREX profile)."""
    global _BLAS_CONTROLLER
    if _BLAS_CONTROLLER is None:
        from threadpoolctl import ThreadpoolController

        _BLAS_CONTROLLER = ThreadpoolController()
    return _BLAS_CONTROLLER.limit(limits=1, user_api="blas")


def align_parallel_vectors(
    vectors_a: np.ndarray,
    vectors_b: np.ndarray,
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    *,
    settings: Settings,
    encode: EncodeFn | None = None,
) -> list[tuple[Bead, float]]:
    """Align two sentence lists of a translation pair; monotone, every sentence once.

    ``vectors_*``: float32 ``[n, dim]`` / ``[m, dim]`` L2-normalised sentence vectors.
    ``encode`` embeds the text of multi-sentence runs (``None``: normalised sums).
    Returns ``[(bead, score)]`` in order.
    """
    params = ParallelParams.from_settings(settings)
    n, m = len(texts_a), len(texts_b)
    if n == 0 or m == 0:
        return [(((i,), ()), params.skip) for i in range(n)] + [(((), (j,)), params.skip) for j in range(m)]
    lens_a = np.array([len(t.strip()) + 1 for t in texts_a], dtype=np.float64)
    lens_b = np.array([len(t.strip()) + 1 for t in texts_b], dtype=np.float64)
    with _one_blas_thread():
        anchors = find_anchors(vectors_a, vectors_b, band=params.anchor_band, min_sim=params.anchor_min_sim)
    lo, hi = search_region(n, m, anchors, params.window)
    ratio = length_ratio(lens_a, lens_b, anchors)
    log.debug(
        "parallel: %d x %d, %d anchors, mean width %.1f", n, m, len(anchors), float((hi - lo + 1).mean())
    )
    runs_a = RunVectors(vectors_a, texts_a)
    runs_b = RunVectors(vectors_b, texts_b)
    # The DP does thousands of small matmuls: BLAS threads only add contention there.
    with _one_blas_thread():
        beads = dp_align(runs_a, runs_b, lens_a, lens_b, lo, hi, params, ratio)
    if encode is None or not params.encode_runs:
        return beads
    # Second look where the first path is not a confident 1-1: embed the real text of
    # the runs there (summed vectors elsewhere), and run the DP again.
    near_a, near_b = uncertain_sentences(beads, n, m, params.refine_below, params.refine_reach)
    kmax = max(params.max_bead - 1, 1)
    embedded = 0
    for k in range(2, kmax + 1):
        # runs of length k that overlap a marked sentence
        for runs, near in ((runs_a, near_a), (runs_b, near_b)):
            starts = np.flatnonzero(near)
            cand = (starts[:, None] - np.arange(k)[None, :]).ravel()
            embedded += runs.embed(k, cand, encode)
    log.debug("parallel: embedded %d runs of %d + %d sentences", embedded, n, m)
    if not embedded:
        return beads
    # Embedded runs score on another scale than summed vectors, so the second DP has a
    # skip cost of its own (parallel_skip_encoded).
    with _one_blas_thread():
        return dp_align(
            runs_a,
            runs_b,
            lens_a,
            lens_b,
            lo,
            hi,
            dataclasses.replace(params, skip=params.skip_encoded),
            ratio,
        )


def bead_score_to_unit(score: float) -> float:
    """A bead score as a [0, 1] number for reports (skips are 0)."""
    return float(min(1.0, max(0.0, score))) if math.isfinite(score) else 0.0
