"""Evaluative language per document: intensifiers, minimisers, hedges, loaded words and
(English) VADER sentiment.

Word lists: ``intensifiers``, ``minimisers`` and ``loaded`` in ``data/frames/<lang>.json``;
hedges from the MIT hedges list (``data/lexicons/hedges_words_MIT``) for English and the
cue file's ``hedges`` for other languages. Sentiment: VADER (Hutto & Gilbert 2014) with the
shipped MIT lexicon (``data/lexicons/vader_MIT``), per sentence; English only, because
the lexicon and its rules are English.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from comparekit.document import Document
from comparekit.framing.cues import cue_set, find_all
from comparekit.settings import Settings

KINDS = ("intensifiers", "minimisers", "hedges", "loaded")


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = resources.files("comparekit").joinpath("data", "lexicons", "vader_MIT", "vader_lexicon.txt")
    # An absolute path: vaderSentiment joins it onto its own folder, which keeps it as is.
    return SentimentIntensityAnalyzer(lexicon_file=str(lexicon))


def sentiment(text: str) -> float:
    """VADER compound score of one English text, in [-1, 1]."""
    return float(_vader().polarity_scores(text)["compound"])


def evaluative_matches(text: str, language: str | None) -> dict[str, list[tuple[int, int, str]]]:
    """Evaluative words in one text: ``{kind: [(start, end, text)]}``."""
    return {k: list(hits) for k, hits in zip(KINDS, _evaluative_matches(text, language), strict=True)}


@lru_cache(maxsize=16384)
def _evaluative_matches(text: str, language: str | None) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """:func:`evaluative_matches` as tuples, remembered: the same segment is read by the
    evaluative profile, the loaded-word detector, the report's contrasts and the
    frame-shift detector (once per aligned pair it takes part in)."""
    cues = cue_set(language)
    return tuple(tuple(find_all(cues.evaluative.get(k), text)) for k in KINDS)


def evaluative(docs: Sequence[Document], *, settings: Settings) -> dict[str, dict[str, Any]]:
    """Per document: counts of each kind, the most frequent words of each kind, and
    (English) the mean VADER compound score and shares of positive/negative sentences."""
    cfg = settings.framing
    out: dict[str, dict[str, Any]] = {}
    for doc in docs:
        segs = [s for s in doc.segments if s.alignable]
        words: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
        for seg in segs:
            for kind, hits in evaluative_matches(seg.text, seg.language or doc.language).items():
                words[kind].update(" ".join(t.lower().split()) for _, _, t in hits)
        entry: dict[str, Any] = {
            "counts": {k: sum(words[k].values()) for k in KINDS},
            "terms": {
                k: [
                    t
                    for t, _ in sorted(words[k].items(), key=lambda kv: (-kv[1], kv[0]))[
                        : cfg.evaluative_examples
                    ]
                ]
                for k in KINDS
            },
            "sentiment": None,
        }
        if doc.language == "en" and segs:
            scores = [sentiment(s.text) for s in segs]
            cut = float(cfg.sentiment_neutral_band)
            entry["sentiment"] = {
                "method": "vader",
                "mean_compound": sum(scores) / len(scores),
                "positive_share": sum(x >= cut for x in scores) / len(scores),
                "negative_share": sum(x <= -cut for x in scores) / len(scores),
            }
        out[doc.id] = entry
    return out
