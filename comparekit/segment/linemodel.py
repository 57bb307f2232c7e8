"""A small learned paragraph classifier: is this paragraph site text rather than article?

Logistic regression over features of a paragraph and its place in the document, computed
the same way for every language and naming no word (length, capitals, digits, sentence
ends, position, repetition, separators, dates, neighbours and what the rules of
:mod:`comparekit.segment.kinds`, cue lists included, said about it and its neighbours);
only the function-word share and ``covered_script`` depend on a language: they read the
function words of kinds' nine Latin / Cyrillic languages, so in another script a
paragraph has share 0 and ``covered_script`` 0. Inference is numpy only; the weights
live in ``comparekit/data/line_model.json`` with the sha256 of the training data and the
split they were trained on. ``benchmarks/train_line_model.py`` trains them
(scikit-learn) on the dev half of trafilatura's benchmark only (mostly German and
English pages).

Where it acts (:func:`comparekit.segment.kinds._model_pass`): a line the rules left open
is flagged at ``P >= segment.line_model_*_add`` (page lines only within the limits of
:func:`page_additions_allowed`), a structure-rule flag is dropped below ``*_keep``;
cue and list rule flags are never changed. A document of one paragraph has its own
model (``alone``).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from comparekit.segment.kinds import _WORD, KindDecision, _covered_script, _ends_sentence, function_words

# The feature recipe below (bins, windows, caps) is part of the trained model: changing any
# of these numbers changes what the weights mean, so retrain (benchmarks/train_line_model.py).
# They were fixed by hand before training, not tuned.
#: A neighbour of at most this many words is "short" (prev_short / next_short).
SHORT_NEIGHBOUR_WORDS = 6
#: The window of the window_ends_sentence / window_flagged features: this many paragraphs
#: on each side (also the reach of ``segment.line_model_add_near_flag``).
WINDOW = 3
#: The window of window_log_words: this many paragraphs on each side.
CLOSE_WINDOW = 2
#: Mean word length is capped here (then divided by 10), so a URL-like token does not dominate.
MAX_MEAN_WORD_LENGTH = 20.0
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


def _own(text: str) -> dict[str, float]:
    """Features of the paragraph alone."""
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
        "covered_script": float(bool(letters) and all(_covered_script(w) for w in letters)),
        "starts_lower": float(first.islower()),
        "starts_digit": float(first.isdigit()),
        "ends_colon": float(text.rstrip().endswith(":")),
        "comma_per_word": min(text.count(",") / max(n, 1), 1.0),
        "mean_word_length": min(sum(len(w) for w in letters) / nl, MAX_MEAN_WORD_LENGTH) / 10.0,
        "separators": math.log1p(len(_SEPARATORS.findall(text))),
        "date_like": float(bool(_DATE.search(text))),
        "url_like": float(bool(_URLISH.search(text))),
        "symbols": float(bool(_SYMBOLS.search(text))),
    }
    return f


def _nearest(sorted_positions: list[int], i: int, *, default: int) -> int:
    """Distance from ``i`` to the nearest of ``sorted_positions`` (``default`` when there is
    none); a bisection, so a document of thousands of lines stays linear-ish."""
    k = bisect.bisect_left(sorted_positions, i)
    near = [abs(sorted_positions[j] - i) for j in (k - 1, k) if 0 <= j < len(sorted_positions)]
    return min(near, default=default)


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
        near = [j for j in range(i - WINDOW, i + WINDOW + 1) if 0 <= j < n and j != i]
        close = [j for j in near if abs(j - i) <= CLOSE_WINDOW]
        distance = _nearest(prose, i, default=n)
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
            prev_short=float(i > 0 and nwords[i - 1] <= SHORT_NEIGHBOUR_WORDS),
            next_short=float(i + 1 < n and nwords[i + 1] <= SHORT_NEIGHBOUR_WORDS),
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
    return checked(
        json.loads(resources.files("comparekit.data").joinpath("line_model.json").read_text("utf-8"))
    )


def checked(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` (a line_model.json's content) when its feature names are :data:`FEATURES`,
    in order; else a ValueError (weights read against other features would be nonsense)."""
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


def page_additions_allowed(rows: Any, *, near_flag: bool, sentences: bool) -> Any:
    """Which page paragraphs (feature rows ``[n, len(FEATURES)]``) the page model may flag
    when the rules left them open: never the first line (the headline position, as in the
    rules); with ``near_flag`` (``segment.line_model_add_near_flag``) only next to a rule
    flag (within :data:`WINDOW` lines); without ``sentences``
    (``segment.line_model_add_sentences``) never a line that ends a sentence. A boolean
    array; shared by :func:`comparekit.segment.kinds._model_pass` and the training script's
    threshold search, so both apply the same limits."""
    import numpy as np

    x = np.asarray(rows, dtype=float).reshape(-1, len(FEATURES))
    allowed = x[:, FEATURES.index("first")] == 0
    if near_flag:
        allowed &= x[:, FEATURES.index("window_flagged")] > 0
    if not sentences:
        allowed &= x[:, FEATURES.index("ends_sentence")] == 0
    return allowed
