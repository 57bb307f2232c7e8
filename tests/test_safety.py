"""Safety (issue 11.4-11.5): nothing is lost when a write is interrupted, and no input is
ever evaluated as code."""

import ast
import json
import os

import pytest
from conftest import ROOT

from comparekit.report.io import atomic_write_text


def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    atomic_write_text(target, json.dumps({"run": 1}))

    def interrupted(src, dst):
        raise KeyboardInterrupt  # Ctrl-C between writing the temporary file and the rename

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, json.dumps({"run": 2}))
    assert json.loads(target.read_text("utf-8")) == {"run": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_full_disk_is_an_output_error_and_the_old_file_stays(tmp_path, monkeypatch):
    from comparekit.errors import OutputError

    target = tmp_path / "report.md"
    atomic_write_text(target, "old\n")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write_text(target, "new\n")
    assert target.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
_FORBIDDEN_ATTRS = {("pickle", "load"), ("pickle", "loads"), ("yaml", "load"), ("marshal", "loads")}


def test_no_input_is_evaluated_as_code():
    """No eval/exec/compile, no unpickling, no yaml.load, no shell=True, and every np.load
    refuses pickles, anywhere in the package."""
    problems = []
    for path in sorted((ROOT / "comparekit").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(f, ast.Name) and f.id in _FORBIDDEN_CALLS:
                problems.append(f"{where} {f.id}()")
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
                if (f.value.id, f.attr) in _FORBIDDEN_ATTRS:
                    problems.append(f"{where} {f.value.id}.{f.attr}()")
                if (f.value.id, f.attr) == ("np", "load") and not any(
                    k.arg == "allow_pickle" and isinstance(k.value, ast.Constant) and k.value.value is False
                    for k in node.keywords
                ):
                    problems.append(f"{where} np.load without allow_pickle=False")
            for k in node.keywords:
                if k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value is True:
                    problems.append(f"{where} shell=True")
    assert not problems, problems
