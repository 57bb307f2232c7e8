"""The scrape detector: every flag type, pointed at the exact raw characters."""

import pytest
from conftest import CARNEGIE, RFI, prepared

from comparekit.detect.scrape import FLAG_TYPES, detect
from comparekit.document import Document
from comparekit.pipeline import prepare
from comparekit.results import CATEGORIES


def _doc(text, settings, language="en"):
    import dataclasses

    doc = prepare(Document(id="t", raw_text=text), settings=settings)
    return dataclasses.replace(doc, language=language)


def _flags(text, settings, language="en"):
    doc = _doc(text, settings, language)
    return doc, detect(doc, settings=settings)


@pytest.fixture(scope="module")
def rfi_flags():
    from comparekit.settings import Settings

    doc = prepared(RFI)
    return doc, detect(doc, settings=Settings())


def _by_type(flags, type_):
    return [f for f in flags if f.type == type_]


def test_every_flag_is_well_formed(rfi_flags):
    doc, flags = rfi_flags
    assert flags
    for f in flags:
        assert f.category in CATEGORIES and f.category == "scrape"
        assert f.type in FLAG_TYPES
        assert 0.0 <= f.confidence <= 1.0
        assert doc.raw_text[f.start : f.end] == f.text
        assert f.message


def test_rfi_gap_points_at_the_dropped_place_name(rfi_flags):
    doc, flags = rfi_flags
    (gap,) = _by_type(flags, "gap")
    assert gap.text.split() == ["in", "is"]
    assert doc.raw_text[gap.start - 20 : gap.start] == "nians and Azerbaijanis "[-20:]
    assert "missing" in gap.message


def test_rfi_empty_quote(rfi_flags):
    doc, flags = rfi_flags
    (eq,) = _by_type(flags, "empty_quote")
    assert eq.text[0] == '"' and eq.text[-1] == '"' and not eq.text[1:-1].strip()
    assert doc.raw_text[eq.start - 13 : eq.start] == "objective of "


def test_rfi_duplicate_fragment(rfi_flags):
    _, flags = rfi_flags
    (dup,) = _by_type(flags, "duplicate_fragment")
    assert dup.text.startswith("for an") and dup.text.endswith("immediate ceasefire")


def test_rfi_unbalanced_quotes_and_double_punctuation_and_truncation(rfi_flags):
    doc, flags = rfi_flags
    unbalanced = _by_type(flags, "unbalanced_quote")
    before = sorted(doc.raw_text[f.start - 15 : f.start] for f in unbalanced)
    assert [b.endswith(("for an ", "the importance ")) for b in before] == [True, True]
    assert all(f.text == '"' for f in unbalanced)
    (double,) = _by_type(flags, "double_punctuation")
    assert double.text == ". ."
    (trunc,) = _by_type(flags, "truncated")
    assert trunc.text == "operations"


@pytest.mark.parametrize(
    "type_, text",
    [
        ("byline", "Text by: RFI Follow"),
        ("boilerplate", "2 min"),
        ("boilerplate", "Read more"),
        ("tags", "• Armenia"),
        ("related_links", "On the same subject"),
    ],
)
def test_rfi_non_article_blocks(rfi_flags, type_, text):
    _, flags = rfi_flags
    assert any(f.type == type_ and f.text.startswith(text) for f in flags)


def test_carnegie_url_inside_sentence():
    from comparekit.settings import Settings

    doc = prepared(CARNEGIE)
    flags = detect(doc, settings=Settings())
    (url,) = _by_type(flags, "url_in_text")
    assert url.text.startswith("https://www.themoscowtimes.com/")
    assert not _by_type(flags, "gap") and not _by_type(flags, "truncated")


def test_page_number_inside_sentence(settings):
    text = "The talks between the two sides went on\n\n12\n\nuntil late in the night.\n"
    doc, flags = _flags(text, settings)
    (pb,) = _by_type(flags, "page_break")
    assert pb.text == "12"


def test_mojibake_with_suggestion(settings):
    _, flags = _flags("The cafÃ© in MÃ¼nchen was closed on Monday.\n", settings)
    found = _by_type(flags, "mojibake")
    assert [f.text for f in found] == ["cafÃ©", "MÃ¼nchen"]
    assert found[0].suggestion == "café"


@pytest.mark.parametrize(
    "text, language, type_",
    [
        ("He said that the , talks had failed.", "en", "gap"),
        ("He said the talks had failed ,, said the minister.", "en", "double_punctuation"),
        ("He said the talks had failed , according to the minister.", "en", "orphan_punctuation"),
        ('He called it "a disaster, a shame\n\nThen he left the room.', "en", "unbalanced_quote"),
        ("The talks went on all night.\n\nIn the morning the two sides agreed on the", "en", "truncated"),
        ('He called it "a disaster".\n\nThen he called it " " and left.', "en", "empty_quote"),
        ("Le ministre a parlé « » de la crise.", "fr", "empty_quote"),
        ("The ceasefire was broken in\n\n\nthe evening by heavy shelling.", "en", "gap"),
        ("Die Waffenruhe wurde in der\n\n\nersten Nacht gebrochen.", "de", "gap"),
    ],
)
def test_damage_types(settings, text, language, type_):
    _, flags = _flags(text, settings, language)
    assert type_ in {f.type for f in flags}


#: A quoted German sentence longer than scrape.truncated_min_words.
_LONG_DE = (
    "Wir haben in diesem Jahr sehr viel erreicht, wir werden so weitermachen und im nächsten "
    "Jahr noch mehr Kunden in allen Filialen des Landes gewinnen."
)


@pytest.mark.parametrize(
    "text, language",
    [
        ("The minister said: « Non ! » Then he left.", "fr"),
        ("Le ministre a dit : « Non ! » Puis il est parti.", "fr"),
        ("The U.S., Canada and Mexico signed it. Prices rose, e.g. bread.", "en"),
        ('"We won," he said. "It was hard."', "en"),
        ('"It was a long night.\n\n"But we won," she said.', "en"),
        ("Der Minister sagte: „Wir haben gewonnen.“ Dann ging er.", "de"),
        # German quotes close with “ and « (NTREX German: 65 unbalanced_quote and 7
        # truncated flags on clean news before): a text ending in .“ or .« is complete.
        (f"Die Gespräche dauerten die ganze Nacht.\n\nDer Minister sagte danach: „{_LONG_DE}“", "de"),
        (f"Die Gespräche dauerten die ganze Nacht.\n\nDer Minister sagte danach: »{_LONG_DE}«", "de"),
        (
            "Er sagte: „Wir bleiben hier.\n\nUnd wir kämpfen weiter, bis alle unsere Forderungen "
            "erfüllt sind.“\n\nDann ging er nach Hause.",
            "de",
        ),
        ("He waited... and then he left.", "en"),
        ("He logged in.\n\nThen he logged out.", "en"),
        ("The talks went on all night.\n\nChris Leslie is MP for Nottingham East", "en"),
        ('Goldsmith said: "It was inevitable.\n\nHe added: "It is history."', "en"),
        (
            "Pupils made fake accounts\n\nSo the report says.\n\nToday pupils made fake accounts, it said.",
            "en",
        ),
        ("Millions subscribe to the service, and many share their accounts.", "en"),
        ("The recipe needs cookies, cream and sugar; share them with friends.", "en"),
    ],
)
def test_clean_text_gets_no_flag(settings, text, language):
    _, flags = _flags(text, settings, language)
    assert flags == []


def test_detector_is_deterministic(settings):
    a = detect(prepared(RFI), settings=settings)
    b = detect(prepared(RFI), settings=settings)
    assert a == b


def test_unknown_check_is_a_usage_error(settings):
    from comparekit.errors import UsageError

    bad = settings.replace("scrape", checks=["kinds", "nope"])
    with pytest.raises(UsageError, match="unknown scrape check"):
        detect(prepared(RFI), settings=bad)


def test_repeated_lines_across_one_outlets_documents(settings):
    import dataclasses

    from comparekit.detect.scrape import detect_across

    a = _doc("Fighting resumed on Monday.\n\nSent from the newsroom desk\n", settings)
    b = _doc("Talks failed on Tuesday.\n\nSent from the newsroom desk\n", settings)
    a = dataclasses.replace(a, id="a", meta={"outlet": "example.com"})
    b = dataclasses.replace(b, id="b", meta={"outlet": "example.com"})
    flags = detect_across([a, b], [], settings=settings)
    assert sorted((f.doc, f.text) for f in flags) == [
        ("a", "Sent from the newsroom desk"),
        ("b", "Sent from the newsroom desk"),
    ]
    c = dataclasses.replace(b, meta={"outlet": "other.org"})
    assert detect_across([a, c], [], settings=settings) == []


def test_long_run_of_doubled_punctuation_is_checked_in_linear_time(settings, monkeypatch):
    """Each '. ,' match searched the whole text before it for an abbreviation: a 220 KB
    run of punctuation in one segment took 41 s (quadratic). The work per mark is now
    bounded: every abbreviation search scans at most _ABBREVIATION_WINDOW characters
    (counted, not timed: speed lives in benchmarks/)."""
    from comparekit.detect.scrape import damage

    scanned: list[int] = []

    class Spy:
        def search(self, string, pos=0, endpos=None):
            end = len(string) if endpos is None else endpos
            scanned.append(end - pos)
            return real.search(string, pos, end)

    real = damage._ABBREVIATION
    monkeypatch.setattr(damage, "_ABBREVIATION", Spy())
    text = "The talks ended. " + "., " * 40_000 + "It was said by the U.S., and Inc., said so.\n"
    found = damage.punctuation(_doc(text, settings), settings)
    assert len(scanned) >= 40_000 and max(scanned) <= damage._ABBREVIATION_WINDOW
    assert len([f for f in found if f.type == "double_punctuation"]) >= 40_000
    assert not any(f.text.startswith(".,") and text[f.start - 1] in "SIc" for f in found)  # U.S., Inc.,
