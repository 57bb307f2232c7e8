"""Corpus mode: manifest reading, safe output paths, story grouping, the run end to end
(in-process, fake encoder), resume, and the CLI's exit codes."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from comparekit.corpus.manifest import read_manifest
from comparekit.corpus.paths import inside, safe_component
from comparekit.corpus.stories import DocSummary, average_linkage, candidate_pairs, name_and_number_keys
from comparekit.errors import InputError, OutputError

STORIES = {
    "quake": [
        "Earthquake hits Lima. A magnitude 7.1 earthquake struck Lima on Monday, killing 12 people."
        " Rescue teams searched collapsed buildings in the Peruvian capital through the night.",
        "Quake kills 12 in Lima. The magnitude 7.1 earthquake struck the Peruvian capital Lima on Monday."
        " Rescue teams searched the collapsed buildings through the night, officials said.",
    ],
    "budget": [
        "Parliament passes budget. The Danish parliament approved the 2025 budget by 95 votes to 80."
        " The finance minister said spending on schools will rise by 4 percent.",
        "Danish budget approved. Parliament approved the 2025 budget on Thursday by 95 votes to 80."
        " Spending on schools will rise by 4 percent, the finance minister said.",
        "Budget vote in Copenhagen. By 95 votes to 80, the Danish parliament approved the 2025 budget."
        " The finance minister promised that spending on schools will rise by 4 percent.",
    ],
}


def write_corpus(tmp_path: Path, outlets: dict[str, str] | None = None) -> Path:
    """Five articles on two stories, plus bad rows; returns the manifest path."""
    rows = ["path,outlet,language,date,url"]
    n = 0
    for story, texts in STORIES.items():
        for k, text in enumerate(texts):
            n += 1
            path = tmp_path / f"{story}_{k}.txt"
            path.write_text(text + "\n", encoding="utf-8")
            outlet = (outlets or {}).get(f"{story}_{k}", f"outlet{k}")
            rows.append(f'{path.name},"{outlet}",en,2024-05-0{1 + k},https://example.org/{story}/{k}')
    rows.append("missing.txt,outlet9,en,,")  # line 7: no such file (skipped when loading)
    rows.append(",outlet9,en,,")  # line 8: empty path
    rows.append("quake_0.txt,outlet9,en,,")  # line 9: duplicate path
    rows.append("x.txt,outlet9,en,yesterday,")  # line 10: bad date
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


def test_manifest_bad_rows_have_line_numbers(tmp_path):
    entries, bad = read_manifest(write_corpus(tmp_path))
    assert len(entries) == 6
    assert [(b.line, b.reason.split()[0]) for b in bad] == [(8, "path"), (9, "path"), (10, "date")]
    assert entries[0].date == dt.date(2024, 5, 1) and entries[0].url.startswith("https://")
    assert Path(entries[0].path).is_absolute()


def test_manifest_jsonl_and_missing_columns(tmp_path):
    m = tmp_path / "m.jsonl"
    m.write_text(
        '{"path": "a.txt", "outlet": "A"}\nnot json\n[1]\n\n{"path": "b.txt", "outlet": "B", "language": "EN!"}\n'
    )
    entries, bad = read_manifest(m)
    assert [e.outlet for e in entries] == ["A"]
    assert [b.line for b in bad] == [2, 3, 5]
    m2 = tmp_path / "m.csv"
    m2.write_text("file,outlet\na.txt,A\n")
    with pytest.raises(InputError, match="no 'path' column") as exc:
        read_manifest(m2)
    assert "\n" not in str(exc.value) and exc.value.exit_code == 3


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "a\x00b",
        "..",
        ".",
        "",
        "Le Monde / Paris",
        "Коммерсантъ",
        "x" * 500,
    ],
)
def test_safe_component_stays_inside(tmp_path, name):
    part = safe_component(name)
    assert part and part not in (".", "..") and len(part) <= 48
    assert set(part) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert inside(tmp_path, "stories", part).parent == (tmp_path / "stories").resolve()


def test_inside_refuses_escapes(tmp_path):
    with pytest.raises(OutputError):
        inside(tmp_path, "..", "x")


def test_average_linkage_does_not_chain():
    # 0-1-2 are a story; 3-4 another; one stray high pair (2, 3) must not join them.
    scores = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.85, (3, 4): 0.9, (2, 3): 0.7}
    assert average_linkage(6, scores, 0.5) == [0, 0, 0, 1, 1, 2]
    assert average_linkage(3, {}, 0.5) == [0, 1, 2]


def test_candidates_respect_date_window(settings):
    v = np.ones(4, dtype=np.float32) / 2
    day = dt.date(2024, 1, 1)
    sums = [
        DocSummary(str(i), v, frozenset(), day + dt.timedelta(days=d), 1, 1) for i, d in enumerate([0, 3, 30])
    ]
    assert candidate_pairs(sums, settings) == [(0, 1)]


def test_name_and_number_keys_cross_language():
    en = name_and_number_keys(["The talks in Geneva on Monday drew 1,200 delegates."])
    fr = name_and_number_keys(["Les pourparlers de Genève lundi ont réuni 1 200 délégués à Geneva."])
    assert "n:1200" in en and "n:1200" in fr and "w:geneva" in en & fr


def test_corpus_run_end_to_end_and_resume(tmp_path, use_fake_encoder, settings):
    from comparekit.corpus.run import run_corpus

    nasty = {"quake_0": "../../evil\x00", "budget_1": "/etc/Le Monde"}
    manifest = write_corpus(tmp_path, nasty)
    out = tmp_path / "out"
    result = run_corpus(manifest, out, settings=settings)
    assert (result.documents, result.stories, result.resumed) == (5, 2, 0)
    assert [b.line for b in result.skipped_rows] == [8, 9, 10]
    assert [s["line"] for s in result.skipped_sources] == [7]
    stories = (out / "stories.csv").read_text("utf-8").splitlines()
    assert stories[0] == "path,outlet,story,doc,language,date,title"
    by_story: dict[str, set[str]] = {}
    for row in stories[1:]:
        path, _, story = row.split(",")[:3]
        by_story.setdefault(story, set()).add(Path(path).stem.split("_")[0])
    assert sorted(map(sorted, by_story.values())) == [["budget"], ["quake"]]
    for name in ("pairs.csv", "flags.csv", "claims.csv", "outlets.csv", "outlet_pairs.csv", "index.html"):
        assert (out / name).is_file(), name
    pairs = (out / "pairs.csv").read_text("utf-8").splitlines()
    assert len(pairs) == 1 + 1 + 3  # header, quake pair, three budget pairs
    for path in tmp_path.rglob("*"):
        assert path.resolve() == tmp_path.resolve() or tmp_path.resolve() in path.resolve().parents
    assert all(
        p.resolve().parent.parent == (out / "stories").resolve() for p in out.glob("stories/*/report.json")
    )
    corpus = json.loads((out / "corpus.json").read_text("utf-8"))
    assert [r["line"] for r in corpus["skipped_rows"]] == [8, 9, 10]
    index = (out / "index.html").read_text("utf-8")
    for folder in (out / "stories").iterdir():
        assert f"stories/{folder.name}/report.html" in index
    assert "\x00" not in index and "../../evil" in index  # escaped text, not a path

    # Resume: everything done is skipped; a story without its marker is redone.
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    again = run_corpus(manifest, out, settings=settings)
    assert again.resumed == 2
    first = sorted((out / "stories").iterdir())[0]
    (first / "DONE").unlink()
    (first / "report.json").write_text("half-written")
    third = run_corpus(manifest, out, settings=settings)
    assert third.resumed == 1
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # byte-identical, including the redone story


def test_corpus_cli_exit_codes(tmp_path, use_fake_encoder, capsys):
    from comparekit.cli import main

    manifest = write_corpus(tmp_path)
    assert main(["corpus", str(manifest), "--out", str(tmp_path / "o"), "--quiet"]) == 6
    err = capsys.readouterr().err
    assert f"{manifest}:8: skipped" in err and f"{manifest}:7: skipped" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("url\nx\n")
    assert main(["corpus", str(bad), "--out", str(tmp_path / "o2")]) == 3
    assert main(["corpus", str(manifest), "--out", str(tmp_path / "o3"), "--scheduler", "nope"]) == 2


def test_side_cache_reads_each_segment_once_with_identical_results(settings, use_fake_encoder, monkeypatch):
    from comparekit.compare import checks
    from comparekit.document import Document
    from comparekit.pipeline import compare_prepared, embed_documents, prepare
    from comparekit.report import build_report, dumps

    docs = [
        prepare(Document(id=f"budget{k}", raw_text=text), settings=settings)
        for k, text in enumerate(STORIES["budget"])
    ]
    vectors = embed_documents(docs, use_fake_encoder)
    calls: list[str] = []
    inner = checks.read_side.__wrapped__

    def counting(text, lang, *rest):
        calls.append(text)
        return inner(text, lang, *rest)

    relate_module = sys.modules["comparekit.compare.relate"]  # the package exports a relate()
    monkeypatch.setattr(relate_module, "read_side", checks._memoised(counting))
    plain = dumps(build_report(compare_prepared(docs, vectors, settings=settings)))
    uncached_calls = len(calls)
    calls.clear()
    with checks.side_cache():
        cached = dumps(build_report(compare_prepared(docs, vectors, settings=settings)))
    assert cached == plain
    # 3 documents, 3 pairs: every document is read in 2 pairs without the cache.
    assert uncached_calls > len(calls) > 0 and len(calls) == len(set(calls))
    assert getattr(checks._SIDES, "memo", None) is None  # nothing is kept after the block


def test_corpus_never_overwrites_its_manifest_or_a_source(tmp_path, use_fake_encoder, settings):
    """A manifest called stories.csv with --out on its own folder was replaced by the
    corpus table of the same name (exit 0; the manifest lost, a rerun then reads the table)."""
    from comparekit.corpus.run import run_corpus

    (tmp_path / "a.txt").write_text("Moscow said on Tuesday it was ready to mediate.\n", "utf-8")
    manifest = tmp_path / "stories.csv"
    manifest.write_text("path,outlet\na.txt,A\n", "utf-8")
    before = manifest.read_bytes()
    with pytest.raises(OutputError, match="would overwrite"):
        run_corpus(manifest, tmp_path, settings=settings)
    assert manifest.read_bytes() == before
    (tmp_path / "index.html").write_text("<p>Moscow said on Tuesday it was ready to mediate.</p>", "utf-8")
    manifest.write_text("path,outlet\na.txt,A\nindex.html,B\n", "utf-8")
    (tmp_path / "m.csv").write_bytes(manifest.read_bytes())
    with pytest.raises(OutputError, match="would overwrite the source index.html"):
        run_corpus(tmp_path / "m.csv", tmp_path, settings=settings)
    # the guard knows every top-level file the corpus writes
    from comparekit.corpus.output import TABLE_FILES

    manifest.write_text("path,outlet\na.txt,A\n", "utf-8")
    run_corpus(manifest, tmp_path / "out", settings=settings)
    assert {p.name for p in (tmp_path / "out").iterdir() if p.is_file()} == set(TABLE_FILES)


def test_manifest_from_european_excel_semicolons(tmp_path):
    """Excel in a French or German locale saves "CSV" with semicolons: the manifest was
    refused ("manifest has no 'path', 'outlet' column"). A cp1252 one gets a hint."""
    (tmp_path / "a.txt").write_text("text", "utf-8")
    (tmp_path / "b.txt").write_text("text", "utf-8")
    semi = tmp_path / "semi.csv"
    semi.write_text("path;outlet;language\r\na.txt;Élysée;fr\r\nb.txt;Le Monde;fr\r\n", "utf-8-sig")
    entries, bad = read_manifest(semi)
    assert not bad and [e.outlet for e in entries] == ["Élysée", "Le Monde"]
    semi.write_bytes(semi.read_text("utf-8-sig").encode("cp1252"))
    with pytest.raises(InputError, match="not UTF-8.*CSV UTF-8"):
        read_manifest(semi)
    tsv = tmp_path / "m.tsv"
    tsv.write_text("path\toutlet\na.txt\tA, B and C\n", "utf-8")
    assert [e.outlet for e in read_manifest(tsv)[0]] == ["A, B and C"]


@pytest.mark.parametrize("address", ["tcp://", "tcp://127.0.0.1:x", "tcp://[::1"])
def test_a_malformed_scheduler_address_is_a_usage_error(tmp_path, address, capsys):
    # these were internal errors (exit 70): distributed raises ValueError, not OSError
    from comparekit.cli import main

    manifest = write_corpus(tmp_path)
    assert main(["corpus", str(manifest), "--out", str(tmp_path / "o"), "--scheduler", address]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Dask scheduler address" in err[0] and address in err[0], err


def test_a_manifest_with_no_usable_row_says_why(tmp_path, use_fake_encoder, capsys):
    # was "no usable rows (2 skipped)": the reasons (here a day-first date) were not shown
    from comparekit.cli import main

    write_corpus(tmp_path)
    bad = tmp_path / "dates.csv"
    bad.write_text("path,outlet,date\nquake_0.txt,a,01/02/2024\nquake_1.txt,b,01/02/2024\n", "utf-8")
    assert main(["corpus", str(bad), "--out", str(tmp_path / "o"), "--quiet"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "line 2: date '01/02/2024' is not an ISO date" in err[0], err
    assert "(and 1 more)" in err[0]


def test_a_manifest_whose_files_all_fail_is_an_input_error(tmp_path, use_fake_encoder, capsys):
    # was exit 6 ("partial") with "0 documents, 0 stories" and an empty index.html
    from comparekit.cli import main

    bad = tmp_path / "missing.csv"
    bad.write_text("path,outlet\nx1.txt,a\nx2.txt,b\n", "utf-8")
    assert main(["corpus", str(bad), "--out", str(tmp_path / "o"), "--quiet"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "line 2:" in err[0] and "x1.txt: no such file" in err[0], err
    assert not (tmp_path / "o" / "index.html").exists()


def test_a_jsonl_row_with_a_list_or_object_value_is_skipped_with_a_reason(tmp_path):
    # a list path was read as its repr, "['a.txt']", and skipped later as "no such file"
    m = tmp_path / "m.jsonl"
    m.write_text(
        '{"path": ["a.txt"], "outlet": "A"}\n{"path": "b.txt", "outlet": {"name": "B"}}\n'
        '{"path": "c.txt", "outlet": 5, "date": null, "tags": ["other keys are not read"]}\n',
        "utf-8",
    )
    entries, bad = read_manifest(m)
    assert [(b.line, b.reason) for b in bad] == [
        (1, "path is a list, not a string"),
        (2, "outlet is an object, not a string"),
    ]
    assert [(e.outlet, e.date) for e in entries] == [("5", None)]


def test_a_manifest_translated_from_that_is_not_a_language_code_is_reported(tmp_path):
    # 'French' was taken as is (no false-friend checks, nothing said); language is checked
    m = tmp_path / "m.csv"
    m.write_text("path,outlet,translated_from\na.txt,A,fr\nb.txt,B,French\n", "utf-8")
    entries, bad = read_manifest(m)
    assert [e.translated_from for e in entries] == ["fr"]
    assert [(b.line, b.reason) for b in bad] == [
        (3, "translated_from 'French' is not a language code such as 'en' or 'zh-TW'")
    ]


def test_a_rerun_with_another_manifest_names_the_story_folders_it_left(
    tmp_path, use_fake_encoder, settings, caplog
):
    # stories are numbered in manifest order, so a changed manifest renames them; the old
    # folders stayed beside the new ones (complete, with DONE markers) and nothing said so
    from comparekit.corpus.run import run_corpus

    manifest = write_corpus(tmp_path)
    out = tmp_path / "out"
    run_corpus(manifest, out, settings=settings)
    old = sorted(p.name for p in (out / "stories").iterdir())
    budget_only = tmp_path / "budget.csv"
    lines = manifest.read_text("utf-8").splitlines()
    budget_only.write_text("\n".join([lines[0]] + [ln for ln in lines if ln.startswith("budget_")]) + "\n")
    caplog.clear()
    run_corpus(budget_only, out, settings=settings)
    new = {p.name for p in (out / "stories").iterdir()} - set(old)
    assert len(new) == 1 and next(iter(new)).startswith("s0001-")
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and all(name in warnings[0] for name in old), warnings
    assert "not part of this run" in warnings[0]


def test_index_html_gives_every_story_a_title(tmp_path, use_fake_encoder, settings):
    # documents without a title line (one sentence a line, as NTREX) gave index.html an
    # empty title cell for every story, while the story folders were named after one
    from comparekit.corpus.run import run_corpus

    manifest = tmp_path / "m.csv"
    rows = ["path,outlet"]
    for story, texts in STORIES.items():
        for k, text in enumerate(texts):
            (tmp_path / f"{story}_{k}.txt").write_text(text.replace(". ", ".\n") + "\n", "utf-8")
            rows.append(f"{story}_{k}.txt,outlet{k}")
    manifest.write_text("\n".join(rows) + "\n", "utf-8")
    run_corpus(manifest, tmp_path / "out", settings=settings)
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    cells = re.findall(r'<tr><td><a href="stories/([^/]+)/report.html">S\d+</a></td><td>([^<]*)</td>', index)
    assert len(cells) == 2 and all(title for _, title in cells), cells
    for folder, title in cells:
        assert folder.split("-", 1)[1].startswith(title.lower().split()[0]), (folder, title)
