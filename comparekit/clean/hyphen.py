"""Decide whether a line-end hyphen is part of a compound or only splits a word."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def _zipf(word: str, language: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a core dependency
        return 0.0
    try:
        return zipf_frequency(word, language)
    except (LookupError, ImportError):  # ImportError: zh/ja/ko need jieba/MeCab, not installed
        return zipf_frequency(word, "en")


def keep_hyphen(left: str, right: str, language: str, min_zipf: float) -> bool:
    """True when ``left-`` + ``right`` is a real hyphenated compound.

    A hyphen before a capital or a digit is kept ("Euro-Atlantic", "COVID-19"). Otherwise
    the hyphen is dropped only when the joined word is a real word of the language
    (wordfreq Zipf frequency at least ``min_zipf``) and more common than the right part
    written alone would suggest for a compound.
    """
    if not right or right[0].isupper() or right[0].isdigit() or left[-1:].isdigit():
        return True
    joined = (left + right).lower()
    lang = (language or "en").split("-")[0]
    joined_zipf = _zipf(joined, lang)
    if joined_zipf < min_zipf:
        return True
    # Both halves common words and the compound rarer than either: "long-running".
    return joined_zipf < min(_zipf(left.lower(), lang), _zipf(right.lower(), lang)) - 2.0
