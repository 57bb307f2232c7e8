"""Fuzzing (issue 11): the per-document stages never raise on arbitrary Unicode and
every span stays inside the raw text."""

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from comparekit.clean import clean
from comparekit.document import Document
from comparekit.segment import segment
from comparekit.settings import Settings

S = Settings()

# Arbitrary code points, including lone surrogates (category Cs), NUL and controls, plus
# pieces that stress cleaning: combining marks, RTL text, emoji, CRLF, NBSP, form feeds.
_PIECES = st.sampled_from(
    [
        "\r\n",
        "\n",
        "\n\n",
        "\r",
        "\f",
        "\u00a0",
        "\u202f",
        "\x00",
        "e\u0301",
        "\u0301",
        "שלום עולם.",
        "مرحبا بالعالم.",
        "👍🏽",
        "👨‍👩‍👧",
        "\ud800",
        "\udfff",
        "-\n",
        "https://x.org/a\n",
        " « ",
        " » ",
        '"',
        "...",
        "Mr. ",
        "12\n",
        "\u2028",
        "\u200b",
        "\t",
        "The talks resumed. ",
        "Les négociations ont repris. ",
    ]
)
_TEXT = st.lists(st.one_of(st.text(alphabet=st.characters(), max_size=20), _PIECES), max_size=40).map("".join)


def _check_spans(doc: Document) -> None:
    n = len(doc.raw_text)
    for seg in doc.segments:
        assert 0 <= seg.start <= seg.end <= n
        assert 0 <= seg.text_start <= seg.text_end <= len(doc.text)
    for r in doc.removals:
        assert 0 <= r.start <= r.end <= n and doc.raw_text[r.start : r.end] == r.text
    for j in doc.joins:
        assert 0 <= j.raw_start <= j.raw_end <= n


@given(_TEXT)
@hsettings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_clean_and_segment_never_raise_and_spans_stay_in_raw(raw):
    doc = segment(clean(Document(id="fuzz", raw_text=raw), settings=S), settings=S)
    _check_spans(doc)
    assert doc.raw_text == raw


@given(_TEXT)
@hsettings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_cleaning_arbitrary_unicode_is_idempotent(raw):
    once = clean(Document(id="fuzz", raw_text=raw), settings=S)
    assert clean(Document(id="fuzz", raw_text=once.text), settings=S).text == once.text
