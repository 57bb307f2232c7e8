"""Eval gate: story grouping on NTREX-128 (123 stories x eng/fra/rus/deu = 492
documents, each language version an outlet), scored by adjusted Rand index and purity
against the known stories.

Floors live in ``story_floors.json`` with the sha256 of the data they were measured on.
Regenerate with ``COMPAREKIT_UPDATE_FLOORS=1`` (floor = measured - 0.01).
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, require_shared_data

from comparekit.corpus.evaluate import (
    adjusted_rand_index,
    files_sha256,
    ntrex_files,
    purity,
    write_ntrex_manifest,
)
from comparekit.settings import Settings

FLOORS = ROOT / "tests" / "eval" / "story_floors.json"
MARGIN = 0.01


@pytest.mark.slow
def test_story_grouping_on_ntrex_meets_floor(tmp_path):
    from comparekit.corpus.run import group_manifest

    by_doc = require_shared_data("alignment", "ntrex128", "by_doc")
    manifest = tmp_path / "ntrex.csv"
    gold_by_path = write_ntrex_manifest(by_doc, manifest)
    sha = files_sha256([p for p, _, _ in ntrex_files(by_doc)])
    summaries, labels, bad = group_manifest(manifest, settings=Settings())
    assert not bad and len(summaries) == 492
    order = list(gold_by_path)
    gold = [gold_by_path[p] for p in order]  # summaries keep the manifest order
    got = {
        "ari": round(adjusted_rand_index(labels, gold), 4),
        "purity": round(purity(labels, gold), 4),
        "stories": len(set(labels)),
    }
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    if os.environ.get("COMPAREKIT_UPDATE_FLOORS"):
        floors = {
            "_about": "tests/eval/test_story_gate.py; COMPAREKIT_UPDATE_FLOORS=1 rewrites it.",
            "ntrex_by_doc_sha256": sha,
            "measured": got,
            "floor": {k: round(got[k] - MARGIN, 4) for k in ("ari", "purity")},
        }
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")
    assert floors.get("ntrex_by_doc_sha256") == sha, "NTREX data changed: re-measure the floors"
    assert got["ari"] >= floors["floor"]["ari"], got
    assert got["purity"] >= floors["floor"]["purity"], got
    assert got["ari"] >= 0.95, got  # the target
