from fakes import HashingEncoder
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from comparekit.align import align
from comparekit.document import Document
from comparekit.pipeline import embed_document, prepare
from comparekit.settings import Settings

S = Settings().replace("align", mode="comparable")
ENC = HashingEncoder()


def _doc(doc_id, sentences):
    return prepare(Document(id=doc_id, raw_text="\n\n".join(sentences)), settings=S)


def _align(a, b):
    return align(a, b, embed_document(a, ENC), embed_document(b, ENC), settings=S)


def test_identical_sentences_align_and_others_stay_unmatched():
    a = _doc("a", ["The talks resumed in Geneva on Monday.", "Bananas are yellow and sweet."])
    b = _doc("b", ["Oil prices fell sharply in Asian trading.", "The talks resumed in Geneva on Monday."])
    al = _align(a, b)
    assert [(p.a, p.b) for p in al.pairs] == [((0,), (1,))]
    assert al.pairs[0].relation == "same"
    assert al.unmatched_a == (1,) and al.unmatched_b == (0,)


_SENTENCES = st.lists(
    st.sampled_from(
        [
            "The talks resumed in Geneva on Monday.",
            "Russia offered to mediate between the two sides.",
            "Turkey supports Azerbaijan in the conflict.",
            "Oil prices fell sharply in Asian trading.",
            "The ceasefire was agreed after long talks.",
            "Bananas are yellow and sweet.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@given(_SENTENCES, _SENTENCES)
@hsettings(max_examples=60, deadline=None)
def test_comparable_alignment_is_symmetric(sa, sb):
    a, b = _doc("a", sa), _doc("b", sb)
    ab = {(p.a, p.b, round(p.score, 5)) for p in _align(a, b).pairs}
    ba = {(p.b, p.a, round(p.score, 5)) for p in _align(b, a).pairs}
    assert ab == ba
