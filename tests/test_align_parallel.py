"""Parallel mode: the monotone DP, its anchors and search region, on hand-made vectors."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from comparekit.align.anchors import find_anchors
from comparekit.align.parallel import align_parallel_vectors, bead_types, search_region
from comparekit.settings import Settings

S = Settings()
DIM = 64


def _unit(rng, n):
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _norm(v):
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _check_cover(beads, n, m):
    """Monotone, contiguous, every sentence exactly once."""
    na = nb = 0
    for (src, tgt), _score in beads:
        assert list(src) == list(range(na, na + len(src)))
        assert list(tgt) == list(range(nb, nb + len(tgt)))
        assert src or tgt
        na += len(src)
        nb += len(tgt)
    assert (na, nb) == (n, m)


def test_bead_types_up_to_max():
    types = bead_types(4)
    assert (1, 0) in types and (0, 1) in types and (1, 1) in types and (2, 2) in types
    assert (1, 3) in types and (2, 3) not in types and all(a + b <= 4 for a, b in types)


def test_identity_alignment_is_all_one_to_one():
    rng = np.random.default_rng(0)
    a = _unit(rng, 40)
    texts = [f"sentence number {k} " * (1 + k % 3) for k in range(40)]
    beads = align_parallel_vectors(a, a.copy(), texts, texts, settings=S)
    assert [b for b, _ in beads] == [((k,), (k,)) for k in range(40)]


def test_merge_insertion_and_omission_are_found():
    rng = np.random.default_rng(1)
    a = _unit(rng, 30)
    texts_a = ["word " * 10] * 30
    # target: 0..9 as is, 10+11 merged, 12..15, one inserted sentence, 16..29 without 24
    rows = [a[k] for k in range(10)] + [a[10] + a[11]] + [a[k] for k in range(12, 16)]
    rows += [_unit(rng, 1)[0]] + [a[k] for k in range(16, 30) if k != 24]
    b = _norm(np.stack(rows) + 0.05 * _unit(rng, len(rows)))
    texts_b = ["word " * 10] * 10 + ["word " * 20] + ["word " * 10] * (len(rows) - 11)
    beads = [bd for bd, _ in align_parallel_vectors(a, b, texts_a, texts_b, settings=S)]
    assert ((10, 11), (10,)) in beads
    assert ((), (15,)) in beads
    assert ((24,), ()) in beads
    assert ((29,), (len(rows) - 1,)) in beads


@given(
    n=st.integers(0, 25),
    m=st.integers(0, 25),
    seed=st.integers(0, 10_000),
    noise=st.floats(0.0, 2.0),
)
@hsettings(max_examples=60, deadline=None)
def test_beads_are_monotone_and_cover_every_sentence_once(n, m, seed, noise):
    rng = np.random.default_rng(seed)
    a = _unit(rng, n)
    if m <= n:
        b = _norm(a[:m] + noise * _unit(rng, m)) if m else np.zeros((0, DIM), np.float32)
    else:
        b = _unit(rng, m)
    ta = ["x" * int(k) for k in rng.integers(1, 80, n)]
    tb = ["y" * int(k) for k in rng.integers(1, 80, m)]
    beads = align_parallel_vectors(a, b, ta, tb, settings=S)
    _check_cover(beads, n, m)
    assert all(len(s) + len(t) <= S.align.parallel_max_bead for (s, t), _ in beads)


def test_anchors_are_strictly_increasing_and_skip_shuffled_pairs():
    rng = np.random.default_rng(2)
    a = _unit(rng, 50)
    b = a.copy()
    b[[10, 11]] = b[[11, 10]]  # a crossing pair cannot both be anchors
    b[[30, 45]] = b[[45, 30]]  # a long-range swap is outside a narrow band
    anchors = find_anchors(a, b, band=5, min_sim=0.5)
    assert (np.diff(anchors, axis=0) > 0).all()
    assert len(anchors) == 47


def test_search_region_is_narrow_and_connected():
    anchors = np.array([[k, k] for k in range(0, 1000, 3)])
    lo, hi = search_region(1000, 1000, anchors, window=3)
    assert lo[0] == 0 and hi[-1] == 1000
    assert (np.diff(lo) >= 0).all() and (np.diff(hi) >= 0).all() and (lo <= hi).all()
    assert (hi - lo + 1).max() <= 16  # O(n * width): no dense matrix


@pytest.mark.parametrize("encode_runs", [True, False])
def test_runs_are_embedded_only_near_uncertain_beads(encode_runs):
    asked = []
    rng = np.random.default_rng(3)
    a = _unit(rng, 40)
    b = np.concatenate([a[:20], _norm(a[20:21] + a[21:22]), a[22:]])  # 20+21 merged

    def encode(texts):
        asked.extend(texts)
        return _unit(np.random.default_rng(len(asked)), len(texts))

    ta = [f"s{k}" for k in range(40)]
    tb = ta[:20] + ["s20 s21"] + ta[22:]
    settings = S.replace("align", parallel_encode_runs=encode_runs)
    beads = align_parallel_vectors(a, b, ta, tb, settings=settings, encode=encode)
    _check_cover(beads, 40, 39)
    if not encode_runs:
        assert not asked
    else:
        assert "s20 s21" in asked  # the merged run was embedded as text
        assert 0 < len(asked) < 60  # ... but not every run of the documents (3 x 79)


def test_second_dp_on_embedded_runs_uses_its_own_skip_cost():
    rng = np.random.default_rng(5)
    a = _unit(rng, 30)
    b = a.copy()
    ta = tb = [f"s{k}" for k in range(30)]
    a[10] = _unit(np.random.default_rng(11), 1)[0]  # one uncertain sentence: runs get embedded

    def encode(texts):
        return _unit(np.random.default_rng(len(texts)), len(texts))

    base = S.replace("align", parallel_encode_runs=True)
    beads = align_parallel_vectors(a, b, ta, tb, settings=base, encode=encode)
    assert sum(1 for (s, t), _ in beads if s and t) >= 25  # mostly 1-1, as the vectors say
    # A skip dearer than nothing but cheaper than any match only in the second DP: skips win.
    skipping = base.replace("align", parallel_skip_encoded=5.0)
    beads = align_parallel_vectors(a, b, ta, tb, settings=skipping, encode=encode)
    _check_cover(beads, 30, 30)
    assert all(not (s and t) for (s, t), _ in beads)
    # Without an encoder there is no second DP, and parallel_skip_encoded plays no part.
    assert align_parallel_vectors(a, b, ta, tb, settings=skipping) == align_parallel_vectors(
        a, b, ta, tb, settings=base
    )


def test_a_translation_of_the_first_part_only_stays_one_to_one():
    # the length factor compared each run with the ratio of the two documents' total
    # lengths; a translation of the first 20 sentences of a 200-sentence text then
    # "expected" ten target characters per source character and merged target
    # sentences (Candide, first 50 English lines against 500 French: strict F1 0.44)
    rng = np.random.default_rng(3)
    a = _unit(rng, 20)
    b = np.concatenate([_norm(a + 0.3 * _unit(rng, 20)), _unit(rng, 180)])
    texts_a = [f"sentence {k} " + "word " * (4 + k % 5) for k in range(20)]
    texts_b = texts_a + [f"other {k} " + "word " * (4 + k % 5) for k in range(180)]
    beads = [bd for bd, _ in align_parallel_vectors(a, b, texts_a, texts_b, settings=S)]
    assert [bd for bd in beads if bd[0]] == [((k,), (k,)) for k in range(20)]
