"""report.json follows the contract; the seed report's structure is pinned (golden)."""

import json
import os

import pytest
from conftest import CARNEGIE, RFI, ROOT

import comparekit
from comparekit.report import build_report, dumps, write_report

GOLDEN = ROOT / "tests" / "golden" / "seed_structure.json"


@pytest.fixture(scope="module")
def seed_report():
    comparison = comparekit.compare([CARNEGIE, RFI])
    return comparison, build_report(comparison)


def structure(report):
    """What the golden file pins: the contract's keys and each document's segmentation."""
    return {
        "keys": list(report),
        "documents": [
            {
                "id": d["id"],
                "language": d["language"],
                "segments": [[s["id"], s["start"], s["end"], s["kind"]] for s in d["segments"]],
            }
            for d in report["documents"]
        ],
        "alignment_keys": sorted(report["alignments"][0]) if report["alignments"] else [],
        "flag_keys": sorted(report["flags"][0]) if report["flags"] else [],
        "framing_keys": sorted(report["framing"]),
    }


def test_seed_report_structure_matches_golden(seed_report):
    _, report = seed_report
    got = structure(report)
    if os.environ.get("COMPAREKIT_UPDATE_GOLDEN"):  # regenerate on purpose, then review the diff
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text("utf-8"))


def test_offsets_are_raw_code_point_offsets(seed_report):
    comparison, report = seed_report
    for doc, rdoc in zip(comparison.documents, report["documents"]):
        raw = open(ROOT / rdoc["path"], encoding="utf-8", newline="").read()
        assert raw == doc.raw_text
        for s in rdoc["segments"]:
            assert s["text"].split()[0] in raw[s["start"] : s["end"]]
    for f in report["flags"]:
        doc = next(d for d in comparison.documents if d.id == f["doc"])
        assert doc.raw_text[f["start"] : f["end"]] == f["text"]


def test_every_alignment_points_at_alignable_segments(seed_report):
    _, report = seed_report
    kinds = {s["id"]: s["kind"] for d in report["documents"] for s in d["segments"]}
    assert report["alignments"]
    for al in report["alignments"]:
        assert al["relation"] in ("same", "overlap", "divergent", "related")
        for sid in al["a"] + al["b"]:
            assert kinds[sid] in ("body", "title", "standfirst")


def test_report_is_byte_identical_across_runs(tmp_path, seed_report):
    comparison, report = seed_report
    again = build_report(comparekit.compare([CARNEGIE, RFI]))
    assert dumps(again) == dumps(report)
    paths = write_report(comparison, tmp_path)
    assert paths["report.json"].read_text("utf-8") == dumps(report)
