"""report.json follows the contract; the seed report's structure is pinned (golden)."""

import json
import os

import pytest
from conftest import CARNEGIE, RFI, ROOT

import comparekit
from comparekit.report import build_report, dumps, write_report

GOLDEN = ROOT / "tests" / "golden" / "seed_structure.json"


@pytest.fixture(scope="module")
def seed_report():
    comparison = comparekit.compare([CARNEGIE, RFI])
    return comparison, build_report(comparison)


def structure(report):
    """What the golden file pins: the contract's keys and each document's segmentation."""
    return {
        "keys": list(report),
        "documents": [
            {
                "id": d["id"],
                "language": d["language"],
                "segments": [[s["id"], s["start"], s["end"], s["kind"]] for s in d["segments"]],
            }
            for d in report["documents"]
        ],
        "alignment_keys": sorted(report["alignments"][0]) if report["alignments"] else [],
        "flag_keys": sorted(report["flags"][0]) if report["flags"] else [],
        "framing_keys": sorted(report["framing"]),
    }


def test_seed_report_structure_matches_golden(seed_report):
    _, report = seed_report
    got = structure(report)
    if os.environ.get("COMPAREKIT_UPDATE_GOLDEN"):  # regenerate on purpose, then review the diff
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text("utf-8"))


def test_offsets_are_raw_code_point_offsets(seed_report):
    comparison, report = seed_report
    for doc, rdoc in zip(comparison.documents, report["documents"]):
        raw = open(ROOT / rdoc["path"], encoding="utf-8", newline="").read()
        assert raw == doc.raw_text
        for s in rdoc["segments"]:
            assert s["text"].split()[0] in raw[s["start"] : s["end"]]
    for f in report["flags"]:
        doc = next(d for d in comparison.documents if d.id == f["doc"])
        assert doc.raw_text[f["start"] : f["end"]] == f["text"]


def test_every_alignment_points_at_alignable_segments(seed_report):
    _, report = seed_report
    kinds = {s["id"]: s["kind"] for d in report["documents"] for s in d["segments"]}
    assert report["alignments"]
    for al in report["alignments"]:
        assert al["relation"] in ("same", "overlap", "divergent", "related")
        for sid in al["a"] + al["b"]:
            assert kinds[sid] in ("body", "title", "standfirst")


def test_report_is_byte_identical_across_runs(tmp_path, seed_report):
    comparison, report = seed_report
    again = build_report(comparekit.compare([CARNEGIE, RFI]))
    assert dumps(again) == dumps(report)
    paths = write_report(comparison, tmp_path)
    assert paths["report.json"].read_text("utf-8") == dumps(report)


def _crafted_sources(tmp_path):
    """Two tellings of one story in the encodings and characters that move offsets: a
    CRLF file, a BOM + CRLF file with NBSP, tabs, decomposed accents and emoji (some of
    them two code points and a modifier), and a file with lone CR line ends."""
    a = [
        "Cafe\u0301 owners protest in Paris",
        "",
        "Twelve soldiers\u00a0were killed on Monday in Kharkiv, officials said. \U0001f600 The mayor,"
        " Jos\u00e9 Garci\u0301a, said the attack was \u201cvery serious\u201d.",
        "",
        "President Macron said France would not send troops.\tThe government\u00a0confirmed 3,000"
        " people were evacuated.. Read more , , here",
    ]
    b = [
        "\ufeffCafe\u0301 owners protest in Paris",
        "",
        "Twenty soldiers were killed on Tuesday in Kharkiv, officials said. \U0001f44d\U0001f3fd The"
        " mayor, Jos\u00e9 Garci\u0301a, said the attack was extremely serious.",
        "",
        "Prime Minister Macron said France would send troops.\tThe government confirmed 5,000 people"
        " were evacuated to Iran \u201c\u201d.",
    ]
    paths = []
    for name, lines, end in (("a", a, "\r\n"), ("b", b, "\r\n"), ("c", b[1:], "\r")):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(end.join(lines).encode("utf-8") + end.encode())
        paths.append(path)
    return paths


def test_every_offset_in_report_json_slices_the_raw_file(tmp_path, use_fake_encoder, settings):
    """The contract a reader of report.json relies on: decode the file with the recorded
    encoding and no newline translation, and every flag's offsets give its text, every
    divergence span a word the divergence quotes inside its segment, every segment its
    text up to whitespace and NFC."""
    import re
    import unicodedata

    paths = _crafted_sources(tmp_path)
    write_report(comparekit.compare(paths, settings=settings), tmp_path / "out")
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    raw, segments = {}, {}
    for d in report["documents"]:
        raw[d["id"]] = open(d["path"], encoding=d["encoding"], newline="").read()
        for s in d["segments"]:
            segments[s["id"]] = s
            piece = unicodedata.normalize("NFC", raw[d["id"]][s["start"] : s["end"]])
            assert " ".join(piece.split()) == " ".join(s["text"].split()), s
    assert raw["a"].count("\r\n") and raw["c"].count("\r") and not raw["c"].count("\n")
    assert report["flags"]
    for f in report["flags"]:
        assert raw[f["doc"]][f["start"] : f["end"]] == f["text"], f
    spans = 0
    for al in report["alignments"]:
        for dv in al["divergences"]:
            quoted = " ".join(re.findall(r"\w+", f"{dv['a_text']} {dv['b_text']}".lower()))
            for sp in dv["spans"]:
                spans += 1
                seg = segments[sp["segment"]]
                assert seg["start"] <= sp["start"] < sp["end"] <= seg["end"], (dv, sp)
                cue = " ".join(re.findall(r"\w+", raw[sp["doc"]][sp["start"] : sp["end"]].lower()))
                assert cue and cue in quoted, (dv, sp, cue)
    assert spans >= 6  # numbers, a day, a title, negation and a name, in more than one pair


def test_report_md_names_the_documents_of_each_claim_with_three_sources(tmp_path, use_fake_encoder, settings):
    # with three sources the claims table's A and B columns came from different pairs with
    # nothing saying which: a-b, a-c and b-c rows read as the same row three times
    from comparekit.report.markdown import render_markdown

    report = build_report(comparekit.compare(_crafted_sources(tmp_path), settings=settings))
    table = render_markdown(report).split("## Shared and diverging claims")[1].split("\n\n")[2]
    header, _, *rows = table.splitlines()
    assert header == "| id | relation | score | A | B |"
    ids = {al["id"]: al for al in report["alignments"]}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        al = ids[cells[0]]
        doc_a, doc_b = al["a"][0].rsplit(":", 1)[0], al["b"][0].rsplit(":", 1)[0]
        assert cells[3].startswith(f"{doc_a}: ") and cells[4].startswith(f"{doc_b}: "), row
    assert len({row.split(" | ")[0] for row in rows}) == len(rows)
    # the framing contrasts too: each side leads with its document
    contrasts = render_markdown(report).split("### Framing contrasts")[1].strip().splitlines()[2:]
    assert contrasts and len(contrasts) == len(report["framing"]["contrasts"][:15])
    seg_doc = {s["id"]: d["id"] for d in report["documents"] for s in d["segments"]}
    for row, c in zip(contrasts, report["framing"]["contrasts"]):
        cells = [x.strip() for x in row.strip("|").split(" | ")]
        assert cells[0].startswith(f"{seg_doc[c['a']]}: ") and cells[1].startswith(f"{seg_doc[c['b']]}: "), (
            row
        )


def test_report_md_framing_contrasts_say_why_and_keep_it_when_the_text_is_cut(
    tmp_path, use_fake_encoder, settings
):
    # Before: " ()" after each side without a loaded word (most frame shifts, which did not
    # say the frames), and a long text was cut with its "(sharply)" (seed report row 4).
    from comparekit.report.markdown import render_markdown

    report = build_report(comparekit.compare(_crafted_sources(tmp_path), settings=settings))
    segs = [s for d in report["documents"] for s in d["segments"]]
    a, b = segs[0], segs[-1]
    a["text"] = "word " * 60
    base = {"a": a["id"], "b": b["id"], "a_segments": [a["id"]], "b_segments": [b["id"]], "relation": "same"}
    report["framing"]["contrasts"] = [
        base
        | {
            "a_terms": ["sharply"],
            "b_terms": [],
            "a_frame": "conflict",
            "b_frame": "conflict",
            "frame_shift": False,
        },
        base
        | {"a_terms": [], "b_terms": [], "a_frame": "conflict", "b_frame": "diplomacy", "frame_shift": True},
    ]
    rows = render_markdown(report).split("### Framing contrasts")[1].strip().splitlines()[2:4]
    first, second = ([x.strip() for x in row.strip("|").split(" | ")] for row in rows)
    assert first[0].endswith("… (sharply)") and "(" not in first[1]
    assert second[0].endswith("(frame: conflict)") and second[1].endswith("(frame: diplomacy)")
    assert "()" not in "".join(rows)
