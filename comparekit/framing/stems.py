"""Word forms of one word: the Snowball stemmers (PyPI ``snowballstemmer``, BSD, pure Python).

Distinctive terms and actors count a word with all its forms ("землетрясение",
"землетрясением"; "earthquake", "earthquakes"; "Ломбок", "Ломбока", "Ломбоке") under one
key, the stem of each of its words; the report shows one form of the group
(:func:`display_form`) and keeps every occurrence's own span. A language without a
Snowball stemmer keeps its words as they are.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

#: comparekit language code -> Snowball algorithm.
_SNOWBALL = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ru": "russian",
    "pl": "polish",
    "cs": "czech",
    "sv": "swedish",
    "da": "danish",
    "no": "norwegian",
    "fi": "finnish",
    "hu": "hungarian",
    "ro": "romanian",
    "tr": "turkish",
    "ca": "catalan",
    "el": "greek",
    "sr": "serbian",
    "lt": "lithuanian",
    "et": "estonian",
    "id": "indonesian",
    "ar": "arabic",
}


@lru_cache(maxsize=32)
def _stemmer(language: str | None):
    name = _SNOWBALL.get(language or "en")
    if name is None:
        return None
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=131072)
def stem(word: str, language: str | None) -> str:
    """The stem of one lower-cased word (the word itself without a stemmer). A hyphenated
    or elided word is stemmed as one word (its last part takes the ending)."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return word
    return stemmer.stemWord(word) or word


def key(words: list[str] | tuple[str, ...], language: str | None) -> str:
    """The group key of a term or name of lower-cased ``words``: their stems, space-separated."""
    return " ".join(stem(w, language) for w in words)


def display_form(forms: Counter[str]) -> str:
    """The form a group is shown as: the most frequent; on a tie the shortest (a base
    form is usually the shortest: Ломбок, earthquake), then the first in code-point order,
    so that the choice never depends on the order of the text."""
    return min(forms.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]
