import pytest
from conftest import CARNEGIE, RFI, prepared

from comparekit.segment.sentences import split_sentences


def _kinds(doc):
    return {s.text: s.kind for s in doc.segments}


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Text by: RFI Follow", "byline"),
        ("2 min", "boilerplate"),
        ("Read more", "boilerplate"),
        ("Receive all the international news directly in your mailbox", "boilerplate"),
        ("I subscribe", "boilerplate"),
        ("Follow all the international news by downloading the RFI application", "boilerplate"),
        ("• Armenia", "tags"),
        ("• Russia", "tags"),
        ("On the same subject", "related"),
        ("New deadly clashes between Azerbaijan and Nagorno-Karabakh separatists", "related"),
        ("Nagorno-Karabakh, the unrecognized powder keg of the Caucasus", "related"),
        ("Clashes in Nagorno-Karabakh: caught in the crossfire, Russia calls for appeasement", "title"),
        ("The conflict in Nagorno-Karabakh places Russia in an uncomfortable situation.", "body"),
    ],
)
def test_rfi_non_article_lines_get_kinds(text, kind):
    assert _kinds(prepared(RFI))[text] == kind


def test_carnegie_kinds():
    kinds = _kinds(prepared(CARNEGIE))
    assert kinds["Related article: Fighting Between Armenia and Azerbaijan Widens"] == "related"
    assert kinds["This article was first published by the Carnegie Moscow Center."] == "credit"
    assert (
        kinds[
            "It’s in neither Armenia nor Azerbaijan’s interests for Russia to pick a side in their conflict."
        ]
        == "standfirst"
    )


def test_segment_offsets_point_at_raw_text():
    doc = prepared(RFI)
    for seg in doc.segments:
        raw = doc.raw_text[seg.start : seg.end]
        assert " ".join(raw.split()) == " ".join(seg.text.split()) or seg.text.split()[0] in raw


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith arrived. He spoke.", ["Mr. Smith arrived.", "He spoke."]),
        ("It cost 3.5 million. Then it fell.", ["It cost 3.5 million.", "Then it fell."]),
        ("He said: « Non. » Puis il partit.", ["He said: « Non. »", "Puis il partit."]),
        ("Was it J. R. R. Tolkien? Yes!", ["Was it J. R. R. Tolkien?", "Yes!"]),
        ("Путин заявил об этом. Кремль молчит.", ["Путин заявил об этом.", "Кремль молчит."]),
        ("end of gain. . for an", ["end of gain. . for an"]),
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected
