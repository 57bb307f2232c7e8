from conftest import RFI, prepared

from comparekit.document import Document
from comparekit.langid import detect_language
from comparekit.pipeline import prepare


def test_detects_french_and_english():
    assert (
        detect_language("Le conflit au Haut-Karabakh place la Russie dans une situation inconfortable.")[0]
        == "fr"
    )
    assert detect_language("The conflict places Russia in an uncomfortable situation.")[0] == "en"


def test_same_input_same_answer():
    text = "Ambiguous short text Paris Moscou"
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_document_and_segments_get_languages():
    doc = prepared(RFI)
    assert doc.language == "en" and doc.language_confidence > 0.9
    assert all(s.language for s in doc.segments)
    # "2 min" is too short to have its own language: it inherits the document's.
    assert [s.language for s in doc.segments if s.text == "2 min"] == ["en"]


def test_a_long_foreign_segment_gets_its_own_language(settings):
    raw = (
        "The talks resumed on Monday in Geneva. Both sides said progress had been made on the main points.\n\n"
        "Les négociations ont repris lundi à Genève et les deux parties ont salué des progrès importants.\n\n"
        "Officials expect a final agreement before the end of the month, according to the statement."
    )
    doc = prepare(Document(id="m", raw_text=raw), settings=settings)
    assert doc.language == "en"
    assert [s.language for s in doc.segments] == ["en", "en", "fr", "en"]
