"""`comparekit analyze`: single documents, no alignment, the same report contract."""

import json

from conftest import CARNEGIE, RFI

from comparekit.cli import main


def test_analyze_cli_writes_the_report(tmp_path, use_fake_encoder, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(RFI), "--out", str(out), "--quiet"]) == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["schema"] == "comparekit.report/1"
    assert report["settings"]["mode"] == "analyze"
    assert report["alignments"] == []
    assert [d["id"] for d in report["documents"]] == ["rfi_russia_appeasement"]
    types = {f["type"] for f in report["flags"] if f["category"] == "scrape"}
    assert {"gap", "empty_quote", "duplicate_fragment", "truncated", "boilerplate", "related_links"} <= types
    raw = RFI.read_text("utf-8")
    for f in report["flags"]:
        assert raw[f["start"] : f["end"]] == f["text"]
    assert (out / "flags.csv").exists() and (out / "segments.csv").exists()


def test_analyze_several_files_and_missing_one(tmp_path, use_fake_encoder, capsys):
    out = tmp_path / "out"
    code = main(["analyze", str(RFI), str(tmp_path / "nope.txt"), "--out", str(out), "--quiet"])
    assert code == 6  # partial: the missing source is skipped and named
    assert "nope.txt" in capsys.readouterr().err
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert [d["id"] for d in report["documents"]] == ["rfi_russia_appeasement"]


def test_analyze_needs_a_file(tmp_path, capsys):
    assert main(["analyze", "--out", str(tmp_path)]) == 2


def test_compare_runs_the_scrape_detector_on_both_sources(use_fake_encoder, settings):
    from comparekit.pipeline import compare

    result = compare([CARNEGIE, RFI], settings=settings)
    scrape = {(f.doc, f.type) for f in result.findings if f.category == "scrape"}
    assert ("carnegie_russia_mediation", "url_in_text") in scrape
    assert ("rfi_russia_appeasement", "gap") in scrape


def test_analyze_is_deterministic(tmp_path, use_fake_encoder):
    for name in ("a", "b"):
        assert main(["analyze", str(RFI), str(CARNEGIE), "--out", str(tmp_path / name), "--quiet"]) == 0
    assert (tmp_path / "a" / "report.json").read_bytes() == (tmp_path / "b" / "report.json").read_bytes()


def test_analyze_into_a_compare_folder_leaves_no_stale_table(tmp_path, use_fake_encoder, capsys):
    """`analyze` into the --out of an earlier `compare` kept the old alignments.csv, whose
    rows name a document the new report does not have."""
    out = tmp_path / "out"
    assert main(["compare", str(CARNEGIE), str(RFI), "--out", str(out), "--quiet"]) == 0
    assert len((out / "alignments.csv").read_text("utf-8").splitlines()) > 1
    assert main(["analyze", str(RFI), "--out", str(out), "--quiet"]) == 0
    assert (out / "alignments.csv").read_text("utf-8").splitlines() == [
        "id,a,b,relation,score,semantic,lexical,divergences,a_text,b_text"
    ]
