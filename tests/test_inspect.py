"""`comparekit inspect FILE` prints each per-document stage's view of one source."""

import re

from conftest import RFI

from comparekit.cli import main


def test_inspect_prints_each_stage(capsys, settings):
    from comparekit.detect import run_document_detectors
    from comparekit.load import load_path
    from comparekit.pipeline import DOCUMENT_STAGES, prepare

    assert main(["inspect", str(RFI), "--width", "250"]) == 0
    out = capsys.readouterr().out
    for name, _ in DOCUMENT_STAGES:
        assert f" {name} " in out
    assert "load: rfi_russia_appeasement" in out and "detect:" in out
    doc = prepare(load_path(RFI, settings=settings), settings=settings)
    assert "Moscow is maneuvering very carefully to calm the situation." in out  # cleaned text
    for s in doc.segments:  # each segment: raw offsets, kind, language
        assert f"{s.start}-{s.end}" in out
        row = re.compile(rf"^│\s*{s.index} │\s*{s.start}-{s.end} │")
        line = [ln for ln in out.splitlines() if row.match(ln)][-1]  # the table after langid
        assert s.kind in line and str(s.language) in line
    flags = run_document_detectors(doc, settings=settings)
    assert f"detect: {len(flags)} flags" in out
    for f in flags:
        assert f"{f.start}-{f.end}" in out and f"{f.category}/{f.type}" in out


def test_inspect_bad_file_is_one_line_error(capsys, tmp_path):
    code = main(["inspect", str(tmp_path / "missing.txt")])
    err = capsys.readouterr().err
    assert code == 3 and err.count("\n") == 1 and "no such file" in err


def test_inspect_prints_no_terminal_escape_from_the_source(capsys, tmp_path):
    """A source's ESC / BEL / C1 characters reached the terminal as they were: ESC ]0;...BEL
    retitles the window, ESC [2J clears the screen, OSC 52 writes the clipboard in some
    terminals. They are shown escaped (\\x1b) instead."""
    para = "Turkey and Iran support Azerbaijan, officials said on Tuesday. " * 80
    src = tmp_path / "ansi.txt"
    src.write_text(para + "Turkey and Iran\x1b]0;PWNED\x07\x1b[2J\x9b31m support Azerbaijan.\n", "utf-8")
    assert main(["inspect", str(src), "--width", "250"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m" in out


def test_error_line_escapes_a_file_name_with_terminal_codes(capsys, tmp_path):
    code = main(["inspect", str(tmp_path / "x\x1b]0;PWNED\x07.txt")])
    err = capsys.readouterr().err
    assert code == 3 and "\x1b" not in err and "\\x1b]0;PWNED\\x07" in err


def test_negative_width_is_a_usage_error(capsys):
    """--width -5 printed nothing at all and exited 0."""
    assert main(["inspect", str(RFI), "--width", "-5"]) == 2
    assert "--width" in capsys.readouterr().err
