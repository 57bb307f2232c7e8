"""Determinism (issue 11): the same inputs give a byte-identical report.json across
runs, processes and PYTHONHASHSEED values."""

import os
import subprocess
import sys

from conftest import CARNEGIE, RFI, ROOT


def _report_bytes(out, hashseed):
    env = dict(os.environ, PYTHONHASHSEED=str(hashseed), HF_HUB_OFFLINE="1")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "comparekit",
            "compare",
            str(CARNEGIE),
            str(RFI),
            "--out",
            str(out),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_reports_identical_across_processes_and_hash_seeds(tmp_path):
    first = _report_bytes(tmp_path / "a", 0)
    second = _report_bytes(tmp_path / "b", 12345)
    assert first.keys() == second.keys() and "report.json" in first
    for name in first:
        assert first[name] == second[name], f"{name} differs between runs"
