"""Bad input (issue 11): each case is one clear stderr line and a documented exit code,
never a traceback, and the other sources of the run are still processed."""

import json
import os

import pytest
from conftest import CARNEGIE, RFI
from test_cli import run_cli

_ARTICLE = (
    "Le président a déclaré que la Fédération de Russie était prête à négocier un cessez-le-feu. "
    "Les deux parties ont accepté de se retrouver à Genève la semaine prochaine.\n"
)


def _cases(tmp):
    cases = {
        "empty.txt": (b"", 3, "empty"),
        "blank.txt": (b"  \n\t \r\n", 3, "only whitespace"),
        "binary.txt": (bytes(range(256)) * 64, 3, "binary"),
        "huge.txt": (None, 3, "over the limit"),
    }
    (tmp / "huge.txt").write_bytes(b"a" * 50_000_001)  # 50 MB: over load.max_bytes
    for name, (data, _, _) in cases.items():
        if data is not None:
            (tmp / name).write_bytes(data)
    os.mkfifo(tmp / "pipe.txt")
    cases["pipe.txt"] = (None, 3, "not a regular file")
    return cases


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "binary.txt", "huge.txt", "pipe.txt"])
def test_bad_source_is_skipped_and_the_rest_compared(tmp_path, name):
    _, code, message = _cases(tmp_path)[name]
    out = tmp_path / "out"
    r = run_cli("compare", CARNEGIE, RFI, tmp_path / name, "--out", out, "--quiet")
    assert r.returncode == 6, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert [d["id"] for d in report["documents"]] == ["carnegie_russia_mediation", "rfi_russia_appeasement"]
    assert report["summary"]["skipped"][0]["source"] == str(tmp_path / name)


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("cp1252", _ARTICLE.encode("cp1252")),
        ("latin-1", _ARTICLE.encode("latin-1")),
        ("utf-16", _ARTICLE.encode("utf-16")),  # with a BOM
        ("invalid utf-8", _ARTICLE.encode("utf-8")[:40] + b"\xff\xfe\xfa" + _ARTICLE.encode("utf-8")[40:]),
    ],
)
def test_non_utf8_is_decoded_and_encoding_recorded(tmp_path, encoding, data):
    src = tmp_path / "legacy.txt"
    src.write_bytes(data)
    out = tmp_path / "out"
    r = run_cli("compare", CARNEGIE, src, "--out", out, "--quiet")
    assert r.returncode == 0, r.stderr
    doc = json.loads((out / "report.json").read_text("utf-8"))["documents"][1]
    assert doc["encoding"] and doc["encoding"] != "utf-8"
    assert "Genève" in " ".join(s["text"] for s in doc["segments"]) or encoding == "invalid utf-8"


def test_one_megabyte_line_without_newline(tmp_path):
    src = tmp_path / "oneline.txt"
    src.write_text(
        ("The talks resumed in Geneva on Monday and went on late into the night " * 15_000)[:1_000_000]
    )
    r = run_cli("compare", CARNEGIE, src, "--out", tmp_path / "out", "--quiet")
    assert r.returncode == 0, r.stderr


def test_same_file_twice_gets_distinct_ids(tmp_path):
    r = run_cli("compare", RFI, RFI, "--out", tmp_path / "out", "--quiet")
    assert r.returncode == 0, r.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert [d["id"] for d in report["documents"]] == ["rfi_russia_appeasement", "rfi_russia_appeasement-2"]
    assert report["summary"]["similarity"] > 0.9


def test_unreadable_file_in_library(tmp_path, monkeypatch, settings):
    from pathlib import Path

    from comparekit.errors import InputError
    from comparekit.load import load_path

    src = tmp_path / "locked.txt"
    src.write_text("text")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError, match="permission denied"):
        load_path(src, settings=settings)
