"""Markdown input (.md): markup is left out of the cleaned text, offsets still point into
the file, and headings, list items and quotes are paragraphs of their own."""

import re

from conftest import ROOT
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from comparekit.clean import clean
from comparekit.document import Document
from comparekit.load import load_path
from comparekit.segment import segment
from comparekit.settings import Settings

S = Settings()
ARTICLE = (
    "# Russia offers to mediate\n\n*By Jane Doe*\n\n"
    "The armed clash between [Armenians](https://example.com/a_b) and **Azerbaijanis** is a "
    "headache for Russian diplomacy. ![A map](map.png) Moscow said it is `ready` to mediate.\n\n"
    "- Turkey backs Azerbaijan\n- Iran is cautious\n\n> Quoted line.\n\n---\n\n[1]: https://example.com\n"
)


def _md(raw: str) -> Document:
    return clean(Document(id="t", raw_text=raw, meta={"format": "markdown"}), settings=S)


def test_markup_is_left_out_and_blocks_are_paragraphs():
    doc = _md(ARTICLE)
    assert doc.text.split("\n\n") == [
        "Russia offers to mediate",
        "By Jane Doe",
        "The armed clash between Armenians and Azerbaijanis is a headache for Russian diplomacy. "
        "Moscow said it is ready to mediate.",
        "Turkey backs Azerbaijan",
        "Iran is cautious",
        "Quoted line.",
    ]


def test_cleaned_words_map_to_the_same_words_in_the_file():
    doc = _md(ARTICLE)
    for m in re.finditer(r"\S+", doc.text):
        start, end = doc.to_raw(m.start(), m.end())
        assert re.sub(r"\W", "", ARTICLE[start:end]).startswith(re.sub(r"\W", "", m.group())[:1]), m.group()
    # a link's words point at the link text, not at its address
    s = doc.text.index("Armenians")
    start, end = doc.to_raw(s, s + len("Armenians"))
    assert ARTICLE[start:end] == "Armenians"


def test_text_that_only_looks_like_markup_is_kept():
    doc = _md("Use snake_case_names and 5 * 3 * 2 here, see https://x.org/a_b_c and C# code.\n")
    assert doc.text == "Use snake_case_names and 5 * 3 * 2 here, see https://x.org/a_b_c and C# code."


def test_a_txt_file_keeps_its_markup_and_a_md_file_is_read_as_markdown(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, "utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    md, txt = load_path(tmp_path / "a.md", settings=S), load_path(tmp_path / "a.txt", settings=S)
    assert (md.meta["format"], txt.meta["format"]) == ("markdown", "text")
    assert "**" in clean(txt, settings=S).text
    kinds = [s.kind for s in segment(clean(md, settings=S), settings=S).segments]
    assert kinds[:2] == ["title", "byline"]  # '*By Jane Doe*' was a body line before


_WORD = st.sampled_from(["talks", "Moscow", "said", "the", "war", "Iran", "ended.", "again,", "5"])
_MARK = st.sampled_from(["", "*", "**", "_", "`"])


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "# ", "- ", "1. ", "> "]),
            st.lists(st.tuples(_MARK, _WORD, st.booleans()), min_size=1, max_size=8),
            st.sampled_from(["\n", "\n\n"]),
        ),
        min_size=1,
        max_size=8,
    )
)
@hsettings(max_examples=200, deadline=None)
def test_every_cleaned_word_is_a_word_of_the_file(lines):
    raw = ""
    for prefix, words, end in lines:
        raw += prefix
        raw += " ".join(f"[{w}](https://e.org/{w})" if link else f"{m}{w}{m[::-1]}" for m, w, link in words)
        raw += end
    doc = _md(raw)
    assert not re.search(r"[*_`#>\[\]()]|https", doc.text), doc.text
    for m in re.finditer(r"\S+", doc.text):
        start, end = doc.to_raw(m.start(), m.end())
        assert raw[start:end] == m.group(), (m.group(), raw[start:end])


def test_seed_files_are_text_not_markdown():
    doc = load_path(ROOT / "seeds" / "carnegie_russia_mediation.txt", settings=S)
    assert doc.meta["format"] == "text"
