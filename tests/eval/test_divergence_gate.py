"""Eval gate: divergence recall and false alarms on NTREX-128 translations (see
benchmarks/divergence.py). Floors are pinned in divergence_floors.json with the data hash."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, require_shared_data

FLOORS = json.loads((Path(__file__).parent / "divergence_floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def result():
    require_shared_data("alignment", "ntrex128", "by_doc", "eng")
    sys.path.insert(0, str(ROOT))
    from benchmarks.divergence import run

    return run()


@pytest.mark.slow
def test_data_is_the_pinned_data(result):
    assert result["data_sha256"] == FLOORS["data_sha256"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(FLOORS["recall_floors"]))
def test_recall_floor(result, kind):
    assert result["recall"][kind] >= FLOORS["recall_floors"][kind], result["counts"]


@pytest.mark.slow
def test_false_alarm_ceiling(result):
    assert result["false_alarm_rate"] <= FLOORS["false_alarm_ceiling"], result["false_alarms_by_type"]


GERMAN = FLOORS["de"]


@pytest.fixture(scope="module")
def german():
    require_shared_data("alignment", "ntrex128", "by_doc", "deu")
    sys.path.insert(0, str(ROOT))
    from benchmarks.divergence import GERMAN as LANGS
    from benchmarks.divergence import run

    return run(langs=LANGS)


@pytest.mark.slow
def test_german_data_is_the_pinned_data(german):
    assert german["data_sha256"] == GERMAN["data_sha256"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(GERMAN["recall_floors"]))
def test_german_recall_floor(german, kind):
    assert german["recall"][kind] >= GERMAN["recall_floors"][kind], german["counts"]


@pytest.mark.slow
def test_german_false_alarm_ceiling(german):
    assert german["false_alarm_rate"] <= GERMAN["false_alarm_ceiling"], german["false_alarms_by_type"]
