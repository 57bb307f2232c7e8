"""Comparable-mode alignment: any order, one-to-many, most segments unmatched.

Score of a segment pair (float32 ``[n_a, n_b]``)::

    semantic_weight * cosine + lexical_weight * token_set_ratio + names_weight * shared

where ``shared`` is the Jaccard overlap of the numbers and capitalised names of the two
segments (0 when neither has any). Matching is greedy and small:

1. **1-1 cores.** Pairs at or above ``min_score`` are taken best first while both
   segments are free. Pairs with exactly the same score are decided together, so the
   result never depends on which document came first.
2. **Attachments.** A free segment joins a core when its score with the core's segment
   on the other side reaches ``attach_min_score``, it sits next to the core's segment
   on its own side (a sentence split in two), and the core stays within 1-2 / 2-1.

Every rule treats A and B alike, so aligning (B, A) gives the mirror image of (A, B).
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz, process, utils

from comparekit.align.candidates import Cells, blocked_top_k, cells_at_least, top_k_cells
from comparekit.document import Document
from comparekit.results import AlignedPair, Alignment
from comparekit.settings import Settings

# Numbers (1,200 / 3.5 / 2020) and capitalised words not at the start of the text.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=[\s(\"«“'])([A-ZА-ЯЁ][\w\-]{2,})")
_DECIMALS = 6  # scores are rounded so that (A, B) and (B, A) compare bit for bit


def lexical_matrix(texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """rapidfuzz token_set_ratio between every pair, in [0, 1], float32 ``[n_a, n_b]``."""
    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)), dtype=np.float32)
    scores = process.cdist(
        texts_a, texts_b, scorer=fuzz.token_set_ratio, processor=utils.default_process, dtype=np.float32
    )
    return (scores / 100.0).astype(np.float32)


def lexical_pair(text_a: str, text_b: str) -> float:
    """rapidfuzz token_set_ratio of two texts, in [0, 1]."""
    return fuzz.token_set_ratio(text_a, text_b, processor=utils.default_process) / 100.0


def _keys(text: str) -> frozenset[str]:
    nums = {n.replace(",", "").replace(".", "") for n in _NUMBER.findall(text)}
    names = {n.lower()[:5] for n in _NAME.findall(text)}  # 5-letter stems: Putin/Poutine differ later
    return frozenset(nums | {"n:" + n for n in names})


def shared_names_matrix(texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """Jaccard overlap of numbers and capitalised names, float32 ``[n_a, n_b]``."""
    out = np.zeros((len(texts_a), len(texts_b)), dtype=np.float32)
    ii, jj, vals = shared_names_cells([_keys(t) for t in texts_a], [_keys(t) for t in texts_b])
    out[ii, jj] = vals
    return out


def shared_names_cells(keys_a: list[frozenset[str]], keys_b: list[frozenset[str]]) -> Cells:
    """The non-zero cells of the names/numbers Jaccard overlap, through an inverted index
    (pairs sharing no key are never visited)."""
    where: dict[str, list[int]] = {}
    for j, y in enumerate(keys_b):
        for key in y:
            where.setdefault(key, []).append(j)
    rows, cols, vals = [], [], []
    for i, x in enumerate(keys_a):
        shared: dict[int, int] = {}
        for key in x:
            for j in where.get(key, ()):
                shared[j] = shared.get(j, 0) + 1
        for j in sorted(shared):
            rows.append(i)
            cols.append(j)
            vals.append(shared[j] / (len(x) + len(keys_b[j]) - shared[j]))
    return np.array(rows, np.int64), np.array(cols, np.int64), np.array(vals, np.float32)


def relation_for(score: float, settings: Settings) -> str:
    """First-cut relation from the combined score (claims refine it)."""
    if score >= settings.align.same_threshold:
        return "same"
    if score >= settings.align.overlap_threshold:
        return "overlap"
    return "related"


def score_matrices(
    texts_a: list[str], texts_b: list[str], vectors_a, vectors_b, settings: Settings
) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
    """``(score, semantic, lexical, channel)``, each matrix float32 ``[n_a, n_b]``."""
    cfg = settings.align
    lexical = lexical_matrix(texts_a, texts_b)
    names = shared_names_matrix(texts_a, texts_b)
    if vectors_a is not None and vectors_b is not None and texts_a and texts_b:
        semantic = np.clip(vectors_a @ vectors_b.T, 0.0, 1.0).astype(np.float32)
        score = cfg.semantic_weight * semantic + cfg.lexical_weight * lexical + cfg.names_weight * names
        channel = "semantic+lexical"
    else:
        semantic = np.zeros_like(lexical)
        score = (lexical + cfg.names_weight * names) / (1.0 + cfg.names_weight)
        channel = "lexical"
    score = np.round(np.minimum(score, 1.0), _DECIMALS).astype(np.float64)
    return score, semantic, lexical, channel


def _by_score(cells: Cells, threshold: float) -> list[list[tuple[int, int]]]:
    """Cells at or above ``threshold``, grouped by equal score, best group first."""
    ii, jj, ss = cells
    ok = ss >= threshold
    groups: dict[float, list[tuple[int, int]]] = {}
    for i, j, v in zip(ii[ok].tolist(), jj[ok].tolist(), ss[ok].tolist()):
        groups.setdefault(v, []).append((i, j))
    return [sorted(groups[v]) for v in sorted(groups, reverse=True)]


def _components(edges: list[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Connected components of a bipartite edge list, as sorted (rows, cols)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ra, rb = find(("a", i)), find(("b", j))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in edges:
        rows, cols = comps.setdefault(find(("a", i)), (set(), set()))
        rows.add(i)
        cols.add(j)
    return sorted((sorted(r), sorted(c)) for r, c in comps.values())


def match_groups(score: np.ndarray | Cells, settings: Settings) -> list[tuple[list[int], list[int]]]:
    """Small many-to-many groups ``(rows, cols)`` from a score matrix ``[n_a, n_b]`` or
    from its cells ``(rows, cols, scores)`` (the sparse path: cells not given are 0)."""
    cfg = settings.align
    if isinstance(score, np.ndarray):
        score = cells_at_least(score, min(cfg.min_score, cfg.attach_min_score))
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    groups: list[tuple[list[int], list[int]]] = []
    for batch in _by_score(score, cfg.min_score):
        free = [(i, j) for i, j in batch if i not in group_of_a and j not in group_of_b]
        for rows, cols in _components(free):  # ties sharing a segment: one group, order-free
            for i in rows:
                group_of_a[i] = len(groups)
            for j in cols:
                group_of_b[j] = len(groups)
            groups.append((rows, cols))
    # attachments: a free segment next to a core's segment on its own side
    for batch in _by_score(score, cfg.attach_min_score):
        wants: dict[int, list[tuple[str, int]]] = {}
        for i, j in batch:
            if i not in group_of_a and j in group_of_b:
                g = group_of_b[j]
                if any(abs(i - r) == 1 for r in groups[g][0]):
                    wants.setdefault(g, []).append(("a", i))
            if j not in group_of_b and i in group_of_a:
                g = group_of_a[i]
                if any(abs(j - c) == 1 for c in groups[g][1]):
                    wants.setdefault(g, []).append(("b", j))
        for g, adds in wants.items():
            rows, cols = groups[g]
            adds = sorted(set(adds))
            # a core grows to 1-2 or 2-1 at most; ambiguous ties add nothing
            if len(adds) != 1 or len(rows) + len(cols) != 2:
                continue
            side, k = adds[0]
            if side == "a" and k not in group_of_a:
                rows.append(k)
                group_of_a[k] = g
            elif side == "b" and k not in group_of_b:
                cols.append(k)
                group_of_b[k] = g
    out = [(sorted(r), sorted(c)) for r, c in groups]
    return sorted(out, key=lambda rc: (rc[0][0], rc[1][0]))


def score_cells(
    texts_a: list[str], texts_b: list[str], vectors_a, vectors_b, settings: Settings
) -> tuple[Cells, np.ndarray, np.ndarray, str]:
    """The sparse path of :func:`score_matrices` for long documents: ``(cells, semantic,
    lexical, channel)``, the last two aligned with the cells. Candidates are each
    segment's ``candidates_top_k`` nearest partners (blocked cosine search, or blocked
    rapidfuzz on the lexical channel), so no ``n_a x n_b`` matrix is ever built."""
    cfg = settings.align
    floor = min(cfg.min_score, cfg.attach_min_score)
    if vectors_a is not None and vectors_b is not None and texts_a and texts_b:
        # a pair under this cosine cannot reach ``floor`` even with full lexical and names scores
        min_cos = (floor - cfg.lexical_weight - cfg.names_weight) / cfg.semantic_weight
        ii, jj, sem = blocked_top_k(
            vectors_a,
            vectors_b,
            top_k=cfg.candidates_top_k,
            min_cosine=min_cos,
            block_rows=cfg.block_rows,
        )
        sem = np.clip(sem, 0.0, 1.0)
        channel = "semantic+lexical"
    else:
        ii, jj, _ = _lexical_top_k(texts_a, texts_b, cfg.candidates_top_k, cfg.block_rows)
        sem = np.zeros(len(ii), dtype=np.float32)
        channel = "lexical"
    proc_a = [utils.default_process(t) for t in texts_a]
    proc_b = [utils.default_process(t) for t in texts_b]
    lex = np.array(
        [fuzz.token_set_ratio(proc_a[i], proc_b[j]) / 100.0 for i, j in zip(ii.tolist(), jj.tolist())],
        dtype=np.float32,
    )
    keys_a = [_keys(t) for t in texts_a]
    keys_b = [_keys(t) for t in texts_b]
    names = np.array(
        [_jaccard(keys_a[i], keys_b[j]) for i, j in zip(ii.tolist(), jj.tolist())], dtype=np.float32
    )
    if channel == "lexical":
        score = (lex + cfg.names_weight * names) / (1.0 + cfg.names_weight)
    else:
        score = cfg.semantic_weight * sem + cfg.lexical_weight * lex + cfg.names_weight * names
    score = np.round(np.minimum(score, 1.0), _DECIMALS).astype(np.float64)
    return (ii, jj, score), sem, lex, channel


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _lexical_top_k(texts_a: list[str], texts_b: list[str], top_k: int, block_rows: int) -> Cells:
    """Each segment's ``top_k`` lexical partners by rapidfuzz token_set_ratio, blocked
    (``O(n_a * n_b)`` time, ``O(block_rows * n_b)`` memory)."""
    return top_k_cells(
        len(texts_a), len(texts_b), lambda r0, r1: lexical_matrix(texts_a[r0:r1], texts_b), top_k, block_rows
    )


def align_comparable(
    doc_a: Document,
    doc_b: Document,
    vectors_a: np.ndarray | None,
    vectors_b: np.ndarray | None,
    *,
    settings: Settings,
    mode_reason: str,
) -> Alignment:
    """Comparable-mode alignment of the alignable segments of two documents. Up to
    ``align.dense_max_cells`` segment pairs every pair is scored; above it only each
    segment's nearest candidates (:func:`score_cells`), so memory stays linear."""
    cfg = settings.align
    rows = [s.index for s in doc_a.segments if s.alignable]
    cols = [s.index for s in doc_b.segments if s.alignable]
    texts_a = [doc_a.segments[i].text for i in rows]
    texts_b = [doc_b.segments[j].text for j in cols]
    dense = len(rows) * len(cols) <= cfg.dense_max_cells
    if dense:
        score, semantic, lexical, channel = score_matrices(texts_a, texts_b, vectors_a, vectors_b, settings)
        cells = cells_at_least(score, min(cfg.min_score, cfg.attach_min_score))
        detail = {
            (i, j): (float(semantic[i, j]), float(lexical[i, j]))
            for i, j in zip(cells[0].tolist(), cells[1].tolist())
        }
    else:
        score = None
        cells, sem, lex, channel = score_cells(texts_a, texts_b, vectors_a, vectors_b, settings)
        detail = {
            (i, j): (float(x), float(y))
            for i, j, x, y in zip(cells[0].tolist(), cells[1].tolist(), sem.tolist(), lex.tolist())
        }
    value = dict(zip(zip(cells[0].tolist(), cells[1].tolist()), cells[2].tolist()))
    pairs = []
    for r, c in match_groups(cells, settings):
        # the group's best cell (ties: the first in row-major order, as argmax would)
        bi, bj = max(((i, j) for i in r for j in c), key=lambda e: (value.get(e, 0.0), -e[0], -e[1]))
        best = value.get((bi, bj), 0.0)
        sem_ij, lex_ij = detail.get((bi, bj), (0.0, 0.0))
        pairs.append(
            AlignedPair(
                a=tuple(rows[i] for i in r),
                b=tuple(cols[j] for j in c),
                score=best,
                semantic=sem_ij,
                lexical=lex_ij,
                relation=relation_for(best, settings),
            )
        )
    matched_a = {i for p in pairs for i in p.a}
    matched_b = {j for p in pairs for j in p.b}
    keep = dense and len(rows) * len(cols) <= cfg.keep_matrix_max_cells
    return Alignment(
        a=doc_a.id,
        b=doc_b.id,
        mode="comparable",
        mode_reason=mode_reason,
        pairs=tuple(pairs),
        unmatched_a=tuple(i for i in rows if i not in matched_a),
        unmatched_b=tuple(j for j in cols if j not in matched_b),
        channel=channel,
        similarity=score.astype(np.float32) if keep else None,
        rows=tuple(rows),
        cols=tuple(cols),
    )
