"""reports/seeds/ is exactly what the README's main command writes for the seed pair
(which also proves the output is byte-for-byte deterministic), and its files say what a
reader needs: CSV rows with raw offsets, Markdown with divergences and flags."""

import io
import json

import pytest
from conftest import ROOT
from report_validation import assert_valid_report

from comparekit.cli import main

SEED_DIR = ROOT / "reports" / "seeds"
# The README's main command (Quick start), with --out pointed elsewhere.
README_ARGS = ["compare", "seeds/carnegie_russia_mediation.txt", "seeds/rfi_russia_appeasement.txt", "--out"]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)  # the command's relative paths are recorded in the report
    try:
        assert main([*README_ARGS, str(out), "--quiet"]) == 0
    finally:
        mp.undo()
    return out


def test_readme_command_is_what_quick_start_says():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "comparekit " + " ".join(README_ARGS) + " reports/seeds" in readme


@pytest.mark.slow
def test_committed_seed_report_is_reproduced_byte_for_byte(regenerated):
    committed = sorted(p.name for p in SEED_DIR.iterdir())
    fresh = sorted(p.name for p in regenerated.iterdir())
    assert fresh == committed
    assert {"report.json", "report.html", "report.md", "segments.csv", "alignments.csv", "flags.csv"} <= set(
        fresh
    )
    stale = [n for n in fresh if (regenerated / n).read_bytes() != (SEED_DIR / n).read_bytes()]
    assert not stale, (
        f"reports/seeds is stale ({', '.join(stale)}): regenerate it with the README's main command"
    )


@pytest.mark.slow
def test_seed_tables_have_one_row_per_record_with_raw_offsets(regenerated):
    import pandas as pd

    report = json.loads((regenerated / "report.json").read_text("utf-8"))
    assert_valid_report(report)
    raws = {d["id"]: (ROOT / d["path"]).read_text("utf-8") for d in report["documents"]}
    segs = pd.read_csv(regenerated / "segments.csv", keep_default_na=False)
    assert len(segs) == sum(len(d["segments"]) for d in report["documents"])
    assert list(segs["id"]) == [s["id"] for d in report["documents"] for s in d["segments"]]
    for row in segs.itertuples():
        assert row.text.split()[0] in raws[row.doc][row.start : row.end]
    flags = pd.read_csv(regenerated / "flags.csv", keep_default_na=False)
    assert len(flags) == len(report["flags"]) > 0
    for row in flags.itertuples():
        assert raws[row.doc][row.start : row.end] == row.text
    als = pd.read_csv(regenerated / "alignments.csv", keep_default_na=False)
    assert list(als["id"]) == [a["id"] for a in report["alignments"]]
    assert set(als["relation"]) <= {"same", "overlap", "divergent", "related"}


@pytest.mark.slow
def test_seed_markdown_names_top_divergences_flags_and_unmatched_claims(regenerated):
    md = (regenerated / "report.md").read_text("utf-8")
    report = json.loads((regenerated / "report.json").read_text("utf-8"))
    assert md.startswith("# comparekit report\n")
    assert "## Flags" in md and all(f"| {f['id']} |" in md for f in report["flags"][:40])
    assert "## Claims only one source makes" in md
    if any(a["divergences"] for a in report["alignments"]):
        assert "## Top divergences" in md
    if any(report["framing"][k] for k in ("frames", "distinctive_terms", "contrasts")):
        assert "## Framing" in md or "### Distinctive terms" in md


def test_terminal_summary_lists_counts_and_top_findings():
    from rich.console import Console

    from comparekit.cli.summary import print_summary

    report = json.loads((SEED_DIR / "report.json").read_text("utf-8"))
    buf = io.StringIO()
    print_summary(report, {"report.json": SEED_DIR / "report.json"}, Console(file=buf, width=200))
    out = " ".join(buf.getvalue().split())  # rich wraps long lines
    for d in report["documents"]:
        assert d["id"] in out and str(len(d["segments"])) in out
    assert f"similarity {report['summary']['similarity']}" in out
    top = [f for f in report["flags"] if f["severity"] != "info"][:5]
    assert top and all(" ".join(f["message"].split()) in out for f in top)


def test_progress_appears_only_on_a_terminal_after_a_moment():
    import time

    from rich.console import Console

    from comparekit.cli.summary import progress

    buf = io.StringIO()
    with progress("comparing", console=Console(file=buf, force_terminal=True, width=80), delay=0.05):
        time.sleep(0.6)
    assert "comparing" in buf.getvalue()
    quick = io.StringIO()
    with progress("comparing", console=Console(file=quick, force_terminal=True, width=80), delay=5):
        pass
    assert quick.getvalue() == ""
    piped = io.StringIO()
    with progress("comparing", console=Console(file=piped, width=80), delay=0):
        time.sleep(0.2)
    assert piped.getvalue() == ""
