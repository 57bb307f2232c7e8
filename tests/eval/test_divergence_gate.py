"""Eval gate: divergence recall and false alarms on NTREX-128 translations (see
benchmarks/divergence.py): English against French and Russian (the issue's target), and
against German (floors under "de"). Floors are pinned in divergence_floors.json with the
data hash."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, require_shared_data

FLOORS = json.loads((Path(__file__).parent / "divergence_floors.json").read_text("utf-8"))
#: Translation sets: name -> (NTREX folder the set needs, its floors).
SETS = {"fr+ru": ("rus", FLOORS), "de": ("deu", FLOORS["de"])}
_RESULTS: dict[str, dict] = {}


def result(name: str) -> dict:
    """The benchmark's result for one set, run once per test session."""
    if name not in _RESULTS:
        require_shared_data("alignment", "ntrex128", "by_doc", SETS[name][0])
        sys.path.insert(0, str(ROOT))
        from benchmarks.divergence import GERMAN, LANGS, run

        _RESULTS[name] = run(langs=GERMAN if name == "de" else LANGS)
    return _RESULTS[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_data_is_the_pinned_data(name):
    assert result(name)["data_sha256"] == SETS[name][1]["data_sha256"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "kind"),
    [(name, kind) for name, (_, floors) in SETS.items() for kind in sorted(floors["recall_floors"])],
)
def test_recall_floor(name, kind):
    res = result(name)
    assert res["recall"][kind] >= SETS[name][1]["recall_floors"][kind], res["counts"]


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_false_alarm_ceiling(name):
    res = result(name)
    assert res["false_alarm_rate"] <= SETS[name][1]["false_alarm_ceiling"], res["false_alarms_by_type"]
