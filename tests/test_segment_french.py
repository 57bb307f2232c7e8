"""French sentence splitting found in an end-to-end QA pass: "etc." closes a list, so a
capital after it starts the next sentence (it was one segment with the next sentence)."""

from __future__ import annotations

import pytest

from comparekit.segment.sentences import split_sentences


def sentences(p):
    return [p[a:b] for a, b in split_sentences(p)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Les discussions ont porté sur l’Ukraine, la Syrie, l’Iran, etc. Les dirigeants se reverront.",
            [
                "Les discussions ont porté sur l’Ukraine, la Syrie, l’Iran, etc.",
                "Les dirigeants se reverront.",
            ],
        ),
        ("Des fruits, etc. « Non », a-t-il dit.", ["Des fruits, etc.", "« Non », a-t-il dit."]),
        ("Apples, pears, etc. The market closed.", ["Apples, pears, etc.", "The market closed."]),
    ],
)
def test_etc_before_a_capital_ends_the_sentence(paragraph, expected):
    assert sentences(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    ["Apples, pears, etc. are sold here.", "Pommes, poires, etc., et le reste.", "M. Le Maire a parlé."],
)
def test_etc_before_lower_case_and_other_abbreviations_hold(paragraph):
    assert sentences(paragraph) == [paragraph]
