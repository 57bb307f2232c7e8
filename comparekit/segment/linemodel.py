"""A small learned paragraph classifier: is this paragraph site text rather than article?

Logistic regression over language-independent features of a paragraph and its place in
the document (length, capitals, digits, sentence ends, function-word share, position,
repetition, separators, dates, neighbours and what the rules of
:mod:`comparekit.segment.kinds`, cue lists included, said about it and its neighbours). Inference is numpy only;
the weights live in ``comparekit/data/line_model.json`` with the sha256 of the training
data and the split they were trained on. ``benchmarks/train_line_model.py`` trains them
(scikit-learn) on the dev half of trafilatura's benchmark only.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from comparekit.segment.kinds import KindDecision

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TERMINAL = ".!?…。！？"
_SEPARATORS = re.compile(r"[|·»›•/\\>]|\s[-–—]\s")
_INNER_END = re.compile(r"[.!?…] +\S")
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}\.\s?\d{1,2}\.\b"
)
_URLISH = re.compile(r"www\.|https?:|\.(?:com|org|net|de|fr|ru|es|it)\b|@\w", re.IGNORECASE)
_SYMBOLS = re.compile(r"[©®™℗+#]")
_QUOTE_OPEN = "\"'“‘«(„["

#: Feature names, in the order of the weight vector (the JSON records them too; a mismatch
#: is an error, not a silent misread).
FEATURES: tuple[str, ...] = (
    "log_words",
    "words_1",
    "words_2",
    "words_3_5",
    "words_6_10",
    "words_11_20",
    "words_21_40",
    "cap_share",
    "upper_share",
    "digit_share",
    "ends_sentence",
    "inner_sentence_ends",
    "function_word_share",
    "no_function_word",
    "covered_script",
    "starts_lower",
    "starts_digit",
    "ends_colon",
    "comma_per_word",
    "mean_word_length",
    "separators",
    "date_like",
    "url_like",
    "symbols",
    "rule_structure",
    "alone",
    "first",
    "last",
    "relative_position",
    "first_3",
    "last_3",
    "before_first_prose",
    "after_last_prose",
    "repeated",
    "prev_flagged",
    "next_flagged",
    "prev_log_words",
    "next_log_words",
    "prev_ends_sentence",
    "next_ends_sentence",
    "prev_short",
    "next_short",
    "window_log_words",
    "window_ends_sentence",
    "window_flagged",
    "prose_distance",
)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip("\"'”’»)] \u00a0")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _covered(word: str) -> bool:
    return all(ch < "\u0250" or "\u0400" <= ch < "\u0530" or "\u1e00" <= ch < "\u1f00" for ch in word)


def _own(text: str) -> dict[str, float]:
    """Features of the paragraph alone."""
    from comparekit.segment.kinds import function_words

    words = text.split()
    n = len(words)
    letters = _WORD.findall(text)
    nl = max(len(letters), 1)
    chars = max(sum(len(w) for w in words), 1)
    fw = function_words()
    first = text.lstrip(_QUOTE_OPEN)[:1]
    f = {
        "log_words": math.log1p(n),
        "words_1": float(n == 1),
        "words_2": float(n == 2),
        "words_3_5": float(3 <= n <= 5),
        "words_6_10": float(6 <= n <= 10),
        "words_11_20": float(11 <= n <= 20),
        "words_21_40": float(21 <= n <= 40),
        "cap_share": sum(w[:1].isupper() for w in letters) / nl,
        "upper_share": sum(len(w) > 1 and w.isupper() for w in letters) / nl,
        "digit_share": sum(ch.isdigit() for ch in text) / chars,
        "ends_sentence": float(_ends_sentence(text)),
        "inner_sentence_ends": math.log1p(len(_INNER_END.findall(text))),
        "function_word_share": sum(w.lower() in fw for w in letters) / nl,
        "no_function_word": float(not any(w.lower() in fw for w in letters)),
        "covered_script": float(bool(letters) and all(_covered(w) for w in letters)),
        "starts_lower": float(first.islower()),
        "starts_digit": float(first.isdigit()),
        "ends_colon": float(text.rstrip().endswith(":")),
        "comma_per_word": min(text.count(",") / max(n, 1), 1.0),
        "mean_word_length": min(sum(len(w) for w in letters) / nl, 20.0) / 10.0,
        "separators": math.log1p(len(_SEPARATORS.findall(text))),
        "date_like": float(bool(_DATE.search(text))),
        "url_like": float(bool(_URLISH.search(text))),
        "symbols": float(bool(_SYMBOLS.search(text))),
    }
    return f


def feature_matrix(
    paragraphs: list[str], decisions: list[KindDecision], *, prose_min_words: int
) -> list[list[float]]:
    """One feature row (in :data:`FEATURES` order) per paragraph. ``decisions`` are the
    rules' kinds (before the model: the cue lists speak through them and through the
    neighbour features); ``prose_min_words`` marks prose paragraphs (the article's first
    and last are landmarks)."""
    texts = [p.strip() for p in paragraphs]
    n = len(texts)
    counts: dict[str, int] = {}
    for t in texts:
        key = " ".join(t.lower().split())
        counts[key] = counts.get(key, 0) + 1
    nwords = [len(t.split()) for t in texts]
    ends = [_ends_sentence(t) for t in texts]
    flagged = [d.kind not in (None, "caption") for d in decisions]
    prose = [i for i in range(n) if decisions[i].kind is None and nwords[i] >= prose_min_words and ends[i]]
    logw = [math.log1p(k) for k in nwords]
    rows = []
    for i, t in enumerate(texts):
        near = [j for j in range(i - 3, i + 4) if 0 <= j < n and j != i]
        close = [j for j in near if abs(j - i) <= 2]
        distance = min((abs(i - j) for j in prose), default=n) if prose else n
        f = _own(t)
        f.update(
            rule_structure=float(decisions[i].reason == "structure"),
            alone=float(n == 1),
            first=float(i == 0 and n > 1),
            last=float(i == n - 1 and n > 1),
            relative_position=i / (n - 1) if n > 1 else 0.5,
            first_3=float(i < 3 and n > 1),
            last_3=float(n - i <= 3 and n > 1),
            before_first_prose=float(bool(prose) and i < prose[0]),
            after_last_prose=float(bool(prose) and i > prose[-1]),
            repeated=float(counts[" ".join(t.lower().split())] > 1),
            prev_flagged=float(i > 0 and flagged[i - 1]),
            next_flagged=float(i + 1 < n and flagged[i + 1]),
            prev_log_words=math.log1p(nwords[i - 1]) if i > 0 else 0.0,
            next_log_words=math.log1p(nwords[i + 1]) if i + 1 < n else 0.0,
            prev_ends_sentence=float(i > 0 and ends[i - 1]),
            next_ends_sentence=float(i + 1 < n and ends[i + 1]),
            prev_short=float(i > 0 and nwords[i - 1] <= 6),
            next_short=float(i + 1 < n and nwords[i + 1] <= 6),
            window_log_words=sum(logw[j] for j in close) / len(close) if close else 0.0,
            window_ends_sentence=sum(ends[j] for j in near) / len(near) if near else 0.0,
            window_flagged=sum(flagged[j] for j in near) / len(near) if near else 0.0,
            prose_distance=math.log1p(distance),
        )
        rows.append([f[name] for name in FEATURES])
    return rows


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The weights (``comparekit/data/line_model.json``); checks the feature names."""
    raw = json.loads(resources.files("comparekit.data").joinpath("line_model.json").read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(
            "line_model.json was trained on other features: retrain (benchmarks/train_line_model.py)"
        )
    return raw


def probabilities(rows: list[list[float]], part: str) -> list[float]:
    """P(site text) for each feature row under the ``part`` model (``alone``: a document
    of one paragraph, ``page``: a paragraph among others): standardise, then logistic."""
    import numpy as np

    if not rows:
        return []
    model = load_model()["models"][part]
    x = (np.asarray(rows, dtype=float) - np.asarray(model["mean"])) / np.asarray(model["scale"])
    z = x @ np.asarray(model["coef"]) + float(model["intercept"])
    return (1.0 / (1.0 + np.exp(-z))).tolist()
