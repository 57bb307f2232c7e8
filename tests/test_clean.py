import re
import unicodedata

from conftest import CARNEGIE, RFI, prepared
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from comparekit.clean import clean
from comparekit.document import Document
from comparekit.settings import Settings

S = Settings()


def _clean(raw: str) -> Document:
    return clean(Document(id="t", raw_text=raw), settings=S)


def test_wrapped_sentence_is_one_segment():
    doc = prepared(CARNEGIE)
    texts = [s.text for s in doc.segments]
    assert (
        "The armed clashes between Azerbaijan and Armenia this month are the biggest since their "
        "Four-Day War back in April 2016." in texts
    )


def test_two_line_title_is_one_title_segment():
    doc = prepared(CARNEGIE)
    titles = [s for s in doc.segments if s.kind == "title"]
    assert [t.text for t in titles] == ["Can Russia Mediate New Clashes Between Armenia and Azerbaijan?"]
    assert (
        doc.raw_text[titles[0].start : titles[0].end]
        == "Can Russia Mediate New Clashes\nBetween Armenia and Azerbaijan?"
    )


def test_headline_line_is_not_joined_to_the_first_sentence():
    # A paragraph per line (NTREX, web text): the headline has no period of its own.
    raw = (
        "Killer Pig Mauls Chinese Farmer to Death\n"
        "A farmer was attacked and killed by a pig in a market in southwest China.\n"
        "The man was found dead near a sty at the market.\n"
    )
    assert _clean(raw).text.split("\n\n")[0] == "Killer Pig Mauls Chinese Farmer to Death"
    german = (
        "Zahl der Todesopfer des Tsunamis in Indonesien steigt auf 832\n"
        "Die Zahl der Todesopfer des Erdbebens und des Tsunamis in Indonesien ist gestiegen.\n"
        "Das sagte ein Sprecher am Sonntag.\n"
    )
    assert _clean(german).text.startswith("Zahl der Todesopfer des Tsunamis in Indonesien steigt auf 832\n\n")


def test_wrapped_lines_stay_joined_before_a_capital():
    # Wrapped text (a PDF export): a full-width line before a capitalised word goes on.
    raw = (
        "The armed clashes between Azerbaijan and Armenia this month are the biggest since their\n"
        "Four-Day War back in April 2016. This time, the confrontation is not along the line in\n"
        "the disputed region, but along the two countries' shared border, which is a new thing\n"
        "for the whole region and its neighbours.\n"
    )
    assert "\n" not in _clean(raw).text


def test_compound_hyphen_kept_and_word_split_rejoined():
    doc = _clean("a path of Euro-\nAtlantic solidarity and the long-\nrunning conflict, regu-\nlating it.")
    assert "Euro-Atlantic" in doc.text
    assert "long-running" in doc.text
    assert "regulating" in doc.text


def test_url_at_page_break_is_taken_out_of_the_sentence():
    doc = prepared(CARNEGIE)
    sentence = [s for s in doc.segments if "balancing act between" in s.text]
    assert len(sentence) == 1
    assert sentence[0].text.endswith("balancing act between Yerevan and Baku.")
    assert "https://" not in sentence[0].text
    assert [r.reason for r in doc.removals] == ["url"]
    # The raw span of the sentence still covers the URL: raw text is never lost.
    assert "themoscowtimes" in doc.raw_text[sentence[0].start : sentence[0].end]


def test_page_number_and_running_header_removed():
    raw = (
        "Annual Review\nThe committee met on\n\n12\n\nMonday to discuss it.\n\n"
        "Annual Review\nMore text here.\n\nAnnual Review\nEnd of the text.\n"
    )
    doc = _clean(raw)
    assert "met on Monday to discuss it." in doc.text
    assert {r.reason for r in doc.removals} >= {"page_number", "running_header"}


def test_a_german_closing_quote_ends_the_sentence_before_a_page_break():
    # „...“ ‚...‘ »...« close German quotes: the paragraph ended and the page number between
    # the paragraphs did not interrupt a sentence (it was joined: "... ab.“ Die Regierung").
    for quoted in (
        "„Wir rüsten nicht ab.“",
        "‚Wir rüsten nicht ab.‘",
        "»Wir rüsten nicht ab.«",
        "“We won't.”",
    ):
        raw = f"Er sagte: {quoted}\n\n12\n\nDie Regierung schwieg dazu am Montag.\n"
        assert _clean(raw).text.split("\n\n") == [
            f"Er sagte: {quoted}",
            "Die Regierung schwieg dazu am Montag.",
        ]


def test_sentence_split_by_blank_lines_is_joined_and_recorded():
    doc = prepared(RFI)
    texts = [s.text for s in doc.segments]
    assert (
        "The armed clash between Armenians and Azerbaijanis in is a headache for Russian diplomacy." in texts
    )
    assert any(j.left.endswith("Azerbaijanis in") for j in doc.joins)


def test_raw_text_is_never_changed():
    raw = CARNEGIE.read_text(encoding="utf-8")
    assert prepared(CARNEGIE).raw_text == raw


def _word_chars(text: str) -> str:
    return "".join(re.findall(r"\w", unicodedata.normalize("NFC", text)))


def _raw_words(doc: Document, start: int, end: int) -> str:
    pieces, pos = [], start
    for r in doc.removals:
        if start <= r.start and r.end <= end:
            pieces.append(doc.raw_text[pos : r.start])
            pos = r.end
    pieces.append(doc.raw_text[pos:end])
    return _word_chars("".join(pieces))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
@hsettings(max_examples=300, deadline=None)
def test_cleaning_is_idempotent(raw):
    once = _clean(raw)
    twice = _clean(once.text)
    assert twice.text == once.text


_PARA = st.lists(
    st.sampled_from(
        [
            "The",
            "talks",
            "resumed",
            "in",
            "Geneva",
            "on",
            "Monday",
            "Euro-",
            "Atlantic",
            "regu-",
            "lating",
            "é",
            "e\u0301",
            "x\u00a0y",
            "\t",
            "Putin",
            "said.",
            "It",
            "ended?",
            "«",
            "»",
            '"',
            "https://example.org/a/b",
            "12",
            "  ",
            "(CSTO)",
            "2016.",
        ]
    ),
    min_size=1,
    max_size=30,
)


@given(
    st.lists(
        st.tuples(_PARA, st.sampled_from([" ", "\n", "\n\n", "\r\n", "\n\n\n", "\n \n"])),
        min_size=1,
        max_size=12,
    )
)
@hsettings(max_examples=300, deadline=None)
def test_every_segment_maps_back_to_its_raw_words(chunks):
    raw = "".join(" ".join(words) + sep for words, sep in chunks)
    from comparekit.segment import segment

    if not raw.strip():
        return
    doc = segment(_clean(raw), settings=S)
    for seg in doc.segments:
        assert 0 <= seg.start <= seg.end <= len(raw)
        assert _raw_words(doc, seg.start, seg.end) == _word_chars(seg.text)


def test_hyphen_check_in_japanese_needs_no_mecab():
    """wordfreq needs MeCab (not installed) for ja/ko and jieba for zh: the check falls
    back to English, where a Latin word split at a line end comes from, instead of raising."""
    from comparekit.clean.hyphen import keep_hyphen

    for lang in ("ja", "ko", "zh"):
        assert keep_hyphen("regu", "lating", lang, 2.5) is False
        assert keep_hyphen("long", "running", lang, 2.5) is True
