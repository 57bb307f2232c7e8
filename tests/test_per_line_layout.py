"""Wrapped text or a paragraph a line (clean._wrapped): trafilatura's text output and
scrapers that write no blank line between blocks put a paragraph on each line, and each
line is then a paragraph of its own, as with blank lines between them; wrapped text (a PDF
export, a filled e-mail) keeps its consecutive lines as one paragraph."""

from __future__ import annotations

import textwrap

import pytest
from conftest import CARNEGIE, RFI, paragraphs, require_shared_data

from comparekit.clean import _split_lines, _wrapped, clean
from comparekit.document import Document
from comparekit.segment import segment
from comparekit.settings import Settings

S = Settings()
#: Every text read as wrapped: how all texts were read before the layout test.
ALWAYS_WRAPPED = Settings({"clean": {"wrapped_min_full_lines": 0.0}})


# A page as trafilatura writes it: a paragraph a line, headings and a list without ends.
EXTRACTED = (
    "Police arrest suspect in LSU shooting\n"
    "Police said on Friday that they had arrested a suspect in the fatal shooting of the player, "
    "a sophomore at the university, near the campus early on Friday morning.\n"
    "Dyteon Simpson, 20, was taken into custody on Saturday morning, the police chief said at a "
    "news conference, adding that the suspect had admitted to being at the scene.\n"
    "What we know so far\n"
    "- The shooting happened near Southern University\n"
    "- Two people were hurt\n"
    "He was charged with second-degree murder, the police said in a statement on Saturday, and "
    "was being held without bail at the parish prison.\n"
    "Follow us on Twitter\n"
)


def test_a_paragraph_a_line_reads_as_blank_lines_between_them():
    assert not _wrapped(_split_lines(EXTRACTED), S)
    lines = [line for line in EXTRACTED.splitlines() if line]
    assert paragraphs(EXTRACTED) == lines
    assert paragraphs(EXTRACTED) == paragraphs(EXTRACTED.replace("\n", "\n\n"))


def test_before_the_layout_test_the_headings_ran_into_the_next_lines():
    # the behaviour this replaces: "What we know so far" and the list ran together
    old = paragraphs(EXTRACTED, ALWAYS_WRAPPED)
    assert "What we know so far - The shooting happened near Southern University - Two people" in " ".join(
        old
    )
    assert len(old) < len(EXTRACTED.splitlines())


def test_extracted_lines_are_segments_with_raw_offsets_and_the_cue_line_is_flagged():
    doc = segment(clean(Document(id="t", raw_text=EXTRACTED), settings=S), settings=S)
    texts = [s.text for s in doc.segments]
    assert "What we know so far" in texts
    assert "Follow us on Twitter" in texts
    for s in doc.segments:
        assert doc.raw_text[s.start : s.end] == s.text
    kinds = {s.text: s.kind for s in doc.segments}
    assert kinds["Follow us on Twitter"] != "body"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a sentence that goes on in lower case is one paragraph
        (
            "The council met on Monday and approved the plan after a long debate in the\n"
            "town hall, the mayor said.\nRead more\nSign in\n",
            [
                "The council met on Monday and approved the plan after a long debate in the town hall, the mayor said.",
                "Read more",
                "Sign in",
            ],
        ),
        # an abbreviation's period runs on
        (
            "Scherzer wants to play spoiler vs.\nRockies\nWith the Nationals eliminated, he pitches on Sunday.\nShare\n",
            [
                "Scherzer wants to play spoiler vs. Rockies",
                "With the Nationals eliminated, he pitches on Sunday.",
                "Share",
            ],
        ),
        # a word split by a line-end hyphen runs on
        (
            "The talks on Euro-\nAtlantic security ended on Friday without a deal.\nMost read\nSign in\n",
            ["The talks on Euro-Atlantic security ended on Friday without a deal.", "Most read", "Sign in"],
        ),
        # after a sentence end, a line in lower case is a block of its own
        (
            "Use of this site constitutes acceptance of our Terms of Use.\nfacebook twitter\nSign in\n",
            ["Use of this site constitutes acceptance of our Terms of Use.", "facebook twitter", "Sign in"],
        ),
        # a label line ending in a colon stands alone
        (
            "Search for:\nExpeditionen in Übersee\nTeilen mit:\nFacebook\n",
            ["Search for:", "Expeditionen in Übersee", "Teilen mit:", "Facebook"],
        ),
    ],
)
def test_lines_that_run_on_in_a_paragraph_a_line(raw, expected):
    assert not _wrapped(_split_lines(raw), S)
    assert paragraphs(raw) == expected


@pytest.mark.parametrize("width", [35, 50, 60, 80, 100, 120])
def test_ntrex_filled_at_any_width_stays_wrapped(width):
    """2,460 texts in the settings' sweep: NTREX documents in four languages filled at
    35-120 characters, three sentences a paragraph, paragraphs on consecutive lines; here the
    first 30 English and Russian documents, whose paragraphs must come back whole (the
    headline, which has no sentence end, may stand alone)."""
    for lang in ("eng", "rus"):
        folder = require_shared_data("alignment", "ntrex128", "by_doc", lang)
        for path in sorted(folder.glob("*.txt"))[:30]:
            sentences = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
            paras = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
            raw = "\n".join(textwrap.fill(p, width) for p in paras)
            assert _wrapped(_split_lines(raw), S), (lang, path.name, width)
            out = paragraphs(raw)
            assert len(out) <= len(paras) + 1  # the headline may stand alone
            for o in out:  # every paragraph starts where a sentence does: no break inside one
                assert any(o.startswith(s[:15]) for s in sentences), (lang, path.name, width, o[:60])


def test_a_sentence_a_line_is_a_paragraph_a_line():
    folder = require_shared_data("alignment", "ntrex128", "by_doc", "eng")
    raw = (folder / "000.txt").read_text("utf-8")
    assert not _wrapped(_split_lines(raw), S)
    lines = [line for line in raw.splitlines() if line.strip()]
    starts = {line[:30] for line in lines}
    out = paragraphs(raw)
    assert all(p[:30] in starts for p in out)  # every paragraph starts at a line
    # 15 of 16: "... of the letter u." reads as an initial, so the next line runs on
    assert len(out) == 15


def test_the_seeds_read_as_before():
    carnegie, rfi = CARNEGIE.read_text("utf-8"), RFI.read_text("utf-8")
    assert _wrapped(_split_lines(carnegie), S)  # a PDF export: wrapped at 94 characters
    assert paragraphs(carnegie) == paragraphs(carnegie, ALWAYS_WRAPPED)
    # RFI has a paragraph a line with blank lines between them: no line is joined either way
    assert not _wrapped(_split_lines(rfi), S)
    assert paragraphs(rfi) == paragraphs(rfi, ALWAYS_WRAPPED)


@pytest.mark.parametrize(
    ("raw", "wrapped"),
    [
        ("One line only.\n", True),  # one or two lines: as before
        ("Home\nNews\nSport\nWeather\nContact us\n", False),  # menu items: no wrap width
        # lines of a few hundred characters: no wrap width either
        ("\n".join(["A sentence of some length that goes on and on. " * 5] * 4), False),
    ],
)
def test_what_has_no_wrap_width(raw, wrapped):
    assert _wrapped(_split_lines(raw), S) is wrapped


def test_markdown_keeps_its_own_rule():
    doc = Document(
        id="t", raw_text="# Title\nFirst line of a paragraph\ngoes on here.\n", meta={"format": "markdown"}
    )
    assert clean(doc, settings=S).text.split("\n\n") == ["Title", "First line of a paragraph goes on here."]


def test_cleaning_cleaned_text_changes_nothing():
    once = clean(Document(id="t", raw_text=EXTRACTED), settings=S).text
    assert clean(Document(id="t", raw_text=once), settings=S).text == once


def _damage(raw: str, settings: Settings = S) -> list[tuple[str, str]]:
    from comparekit.detect.scrape import detect
    from comparekit.pipeline import prepare

    doc = prepare(Document(id="rfi", raw_text=raw), settings=settings)
    kept = ("gap", "empty_quote", "unbalanced_quote", "truncated", "url_in_text")
    return sorted(
        (f.type, " ".join(f.text.split())) for f in detect(doc, settings=settings) if f.type in kept
    )


def test_the_rfi_scrape_with_single_newlines_shows_the_same_damage():
    """The RFI seed with each run of blank lines made one newline: the same flags, the
    dropped place name included ("Azerbaijanis in" / "is a headache"), which the wrapped
    reading missed (it ran everything together and called "subscribe" a cut-off end)."""
    import re

    raw = RFI.read_text("utf-8")
    single = re.sub(r"\n\s*\n+", "\n", raw)
    assert "Azerbaijanis in\nis a headache" in single
    assert _damage(single) == _damage(raw)
    assert ("gap", "in is") in _damage(single)
    assert ("gap", "in is") not in _damage(single, ALWAYS_WRAPPED)


def test_a_gap_on_the_next_line_says_so():
    from comparekit.detect.scrape import detect
    from comparekit.pipeline import prepare

    raw = (
        "Talks in Moscow\n"
        "The armed clash between Armenians and Azerbaijanis in\n"
        "is a headache for Russian diplomacy, which has tried to mediate for years.\n"
        "Moscow has good relations with both sides, sells weapons to both and hosts talks, and "
        "it has said again this week that it is ready to help the two sides find a settlement.\n"
        "Share this article\n"
    )
    doc = prepare(Document(id="t", raw_text=raw), settings=S)
    gaps = [f for f in detect(doc, settings=S) if f.type == "gap"]
    assert len(gaps) == 1
    assert raw[gaps[0].start : gaps[0].end] == "in\nis"
    assert "on the next line" in gaps[0].message


def test_the_layout_is_recorded_for_the_report_and_inspect():
    from comparekit.pipeline import prepare

    carnegie = prepare(Document(id="c", raw_text=CARNEGIE.read_text("utf-8")), settings=S)
    rfi = prepare(Document(id="r", raw_text=RFI.read_text("utf-8")), settings=S)
    assert carnegie.meta["line_layout"] == "wrapped"
    assert rfi.meta["line_layout"] == "paragraph_per_line"
    md = Document(id="m", raw_text="# Title\n\nText here.\n", meta={"format": "markdown"})
    assert "line_layout" not in clean(md, settings=S).meta


def _removed_repeats(raw: str) -> list:
    """The flags on lines that cleaning took out as running headers."""
    from comparekit.detect.scrape import detect
    from comparekit.pipeline import prepare

    doc = prepare(Document(id="t", raw_text=raw), settings=S)
    assert doc.meta["line_layout"] == "paragraph_per_line"
    return [f for f in detect(doc, settings=S) if f.evidence.get("reason") == "running_header"]


def test_a_repeated_line_on_a_web_page_is_not_called_a_page_break():
    comment = "I think the council was right to approve the plan after such a long debate."
    raw = "Council approves the plan\n" + "".join(f"Reader {n}: {comment}\nReply\n" for n in range(1, 5))
    headers = _removed_repeats(raw)
    assert [raw[f.start : f.end] for f in headers] == ["Reply"] * 4
    assert all("repeated on the page" in f.message and "page break" not in f.message for f in headers)
    # one that a cue list names is flagged as what it is; one that none names stays page_break
    for line, type_ in (("Advertisement:", "boilerplate"), ("Earcuff: Zoeca", "page_break")):
        page = raw.replace("Reply", line)
        assert {(page[f.start : f.end], f.type) for f in _removed_repeats(page)} == {(line, type_)}


def test_comparing_the_rfi_scrape_with_single_newlines_gives_the_same_report(tmp_path, use_fake_encoder):
    """End to end: the seed pair, with RFI written as a scraper without blank lines would
    write it, gives the same segments, alignments and flags (up to the newlines in the
    flagged raw text) as the seed pair itself."""
    import re

    from comparekit.pipeline import compare

    single = tmp_path / "rfi_russia_appeasement.txt"
    single.write_text(re.sub(r"\n\s*\n+", "\n", RFI.read_text("utf-8")), "utf-8")
    a, b = compare([CARNEGIE, RFI], settings=S), compare([CARNEGIE, single], settings=S)
    assert [[s.text for s in d.segments] for d in a.documents] == [
        [s.text for s in d.segments] for d in b.documents
    ]

    def pairs(result):
        return [(p.a, p.b, p.relation) for al in result.alignments for p in al.pairs]

    assert pairs(a) == pairs(b)
    assert pairs(a)  # not trivially equal

    def flags(result):
        return sorted((f.doc, f.category, f.type, " ".join(f.text.split())) for f in result.findings)

    assert flags(a) == flags(b)
    assert ("rfi_russia_appeasement", "scrape", "gap", "in is") in flags(b)


def test_wrapped_text_with_lists_stays_wrapped_and_gets_no_gap():
    """A plain-text mail: paragraphs filled at 72 characters, three short list lines after
    each. The list lines outnumber the full lines, but the full lines that leave a
    sentence open go on in lower case: wraps. Before that test, 51 of 492 NTREX documents
    written this way read as a paragraph a line, their sentences broke at every wrap before
    a capital, and a wrap after "in" / "the" was reported as a gap."""
    from comparekit.detect.scrape import detect
    from comparekit.pipeline import prepare

    folder = require_shared_data("alignment", "ntrex128", "by_doc", "deu")
    for path in sorted(folder.glob("*.txt"))[:40]:
        sentences = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        blocks = []
        for k in range(0, len(sentences), 3):
            blocks.append(textwrap.fill(" ".join(sentences[k : k + 3]), 72))
            blocks += [f"- Punkt {k}.{j} beachten" for j in range(3)]
        raw = "\n".join(blocks)
        assert _wrapped(_split_lines(raw), S), path.name
        doc = prepare(Document(id="t", raw_text=raw), settings=S)
        assert not [f for f in detect(doc, settings=S) if f.type == "gap"], path.name
