"""Label lines of a scraped page ("Share this article", "Read more", "Subscribe") on
consecutive lines, with no blank line between them: each stands as a paragraph of its own
instead of running into its neighbours and the next sentence, while wrapped lines (a PDF
export, the Carnegie seed) and wrapped Title Case headlines stay joined."""

from __future__ import annotations

import textwrap

import pytest
from conftest import CARNEGIE, paragraphs, prepared

from comparekit.clean import clean
from comparekit.document import Document
from comparekit.segment import segment
from comparekit.settings import Settings

S = Settings()
# Every text read as wrapped (its consecutive lines one paragraph), so that only the label
# rule can break a paragraph; PAGE itself has a paragraph a line (test_per_line_layout.py).
WRAPPED = Settings({"clean": {"wrapped_min_full_lines": 0.0}})
OFF = Settings({"clean": {"label_line_max_words": 0, "wrapped_min_full_lines": 0.0}})


PAGE = (
    "Police arrest suspect in LSU shooting\n"
    "Police said on Friday that they had arrested a suspect in the fatal shooting of the player.\n"
    "Share this article\n"
    "Read more\n"
    "Subscribe\n"
    "Dyteon Simpson, 20, was taken into custody on Saturday morning, the police chief said.\n"
    "He was charged with second-degree murder, the police said in a statement on Saturday.\n"
    "Most popular\n"
    "Sign in\n"
)


def test_label_lines_stand_alone():
    assert paragraphs(PAGE, WRAPPED) == [
        "Police arrest suspect in LSU shooting",
        "Police said on Friday that they had arrested a suspect in the fatal shooting of the player.",
        "Share this article",
        "Read more",
        "Subscribe",
        "Dyteon Simpson, 20, was taken into custody on Saturday morning, the police chief said. "
        "He was charged with second-degree murder, the police said in a statement on Saturday.",
        "Most popular",
        "Sign in",
    ]


def test_label_lines_were_one_paragraph_without_the_rule():
    assert len(paragraphs(PAGE, OFF)) == 2  # the headline, then everything run together


def test_label_lines_are_their_own_segments_with_raw_offsets():
    doc = segment(clean(Document(id="t", raw_text=PAGE), settings=S), settings=S)
    texts = [s.text for s in doc.segments]
    for label in ("Share this article", "Read more", "Subscribe", "Most popular", "Sign in"):
        assert label in texts
    assert "Dyteon Simpson, 20, was taken into custody on Saturday morning, the police chief said." in texts
    kinds = {s.text: s.kind for s in doc.segments}
    assert [kinds[t] for t in ("Share this article", "Read more", "Subscribe")] == ["boilerplate"] * 3
    for s in doc.segments:
        assert (
            doc.raw_text[s.start : s.end] == s.text
            or " ".join(doc.raw_text[s.start : s.end].split()) == s.text
        )


def test_cleaning_cleaned_text_changes_nothing():
    once = clean(Document(id="t", raw_text=PAGE), settings=S).text
    assert clean(Document(id="t", raw_text=once), settings=S).text == once


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a label after a sentence end stands alone too
        (
            "The council met on Monday and approved the plan after a long debate.\nRead more\n"
            "The mayor said the vote would be held again next year if needed.\n",
            [
                "The council met on Monday and approved the plan after a long debate.",
                "Read more",
                "The mayor said the vote would be held again next year if needed.",
            ],
        ),
        # a lower-case next line continues the short line
        ("Share this\narticle with your friends today\n", ["Share this article with your friends today"]),
        # an abbreviation is no sentence end: the short line is that sentence's rest
        (
            "Scherzer wants to play spoiler vs.\nRockies\nWith the Nationals eliminated, he pitches.\n",
            ["Scherzer wants to play spoiler vs. Rockies", "With the Nationals eliminated, he pitches."],
        ),
        # a wrapped Title Case headline is one
        (
            "Killer Pig Mauls\nChinese Farmer To Death\n"
            "A farmer was attacked and killed by a pig in a market in southwest China, police said.\n"
            "The man was found dead near a sty at the market on Sunday morning, officials said.\n"
            "His cousin said the pig had bitten him on the leg before he fell and hit his head.\n",
            [
                "Killer Pig Mauls Chinese Farmer To Death",
                "A farmer was attacked and killed by a pig in a market in southwest China, police said. "
                "The man was found dead near a sty at the market on Sunday morning, officials said. "
                "His cousin said the pig had bitten him on the leg before he fell and hit his head.",
            ],
        ),
        # a line ending in a comma or a colon runs on
        (
            "The letter began with a greeting.\nDear readers,\nThank you for your support over the years.\n",
            ["The letter began with a greeting. Dear readers, Thank you for your support over the years."],
        ),
        (
            "He said it plainly.\nHe wrote:\nWe will not go back to the old rules, not now and not later.\n",
            ["He said it plainly. He wrote: We will not go back to the old rules, not now and not later."],
        ),
    ],
)
def test_labels_and_lines_that_run_on(raw, expected):
    assert paragraphs(raw, WRAPPED) == expected


def test_a_wrap_before_a_long_word_is_no_label():
    # wrapped at 35 characters: "Bei einigen" is short only because the next word is long
    text = (
        "Die Mitglieder sind sehr besorgt. Bei einigen "
        "Nationalversammlungsmitgliedern löst der Vorschlag, ihren Titel zu ändern, Bestürzung aus."
    )
    raw = "\n".join(textwrap.wrap(text, 35)) + "\n"
    assert "\nBei einigen\n" in raw
    assert paragraphs(raw) == [text]


def test_the_carnegie_pdf_export_is_unchanged():
    raw = CARNEGIE.read_text("utf-8")
    assert paragraphs(raw) == paragraphs(raw, OFF)
    titles = [s.text for s in prepared(CARNEGIE).segments if s.kind == "title"]
    assert titles == ["Can Russia Mediate New Clashes Between Armenia and Azerbaijan?"]


@pytest.mark.parametrize("width", [35, 50, 80])
def test_wrapped_prose_breaks_only_between_paragraphs(width):
    """Prose wrapped at any width, paragraphs on consecutive lines: a label break may fall
    between two paragraphs (a headline's last short line), never inside one."""
    paras = [
        "Mitglieder der Nationalversammlung für Wales befürchten Verwechslungen mit den Muppets",
        "Bei einigen Nationalversammlungsmitgliedern löst der Vorschlag, ihren Titel in „MWP“ zu ändern, Bestürzung aus.",
        "Scherzer wants to play spoiler vs. Rockies in the last series of the season, he said on Sunday.",
        "Когда церковь Св. Мартина перешла к общине, её возглавил он.",
    ]
    raw = "\n".join("\n".join(textwrap.wrap(p, width)) for p in paras)
    out = paragraphs(raw)
    assert " ".join(out) == " ".join(raw.split())
    for o in out:  # every paragraph starts where a source paragraph does
        assert any(o.startswith(p[:20]) for p in paras)
