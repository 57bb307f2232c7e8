"""Shared text helpers for the divergence checks: tokens, folding, cue-phrase matching.

The cue lists live in ``comparekit/data/compare_lexicon.json`` (numbers, dates, roles,
negation, modality, attribution, metonyms, demonyms, organisations) and
``compare_countries.json`` (CLDR country names in en fr de es ru). A phrase is a list of
lower-case tokens; a token ending in ``*`` matches any word that starts with it (Russian
inflection), and ``a|b`` lists alternatives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Languages with cue lists. Other languages fall back to English cues for digits only.
LANGUAGES = ("en", "fr", "de", "es", "ru")

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\d+(?:[.,:]\d+|[\u00a0\u202f ]\d{3}(?!\d))*|[^\W\d_]+(?:[-‐][^\W\d_]+)*", re.UNICODE
)

_SENTENCE_GAP = re.compile(r"[.!?:;\"«»“”„‘’'(—–…\n]")
_APOSTROPHES = ("’", "'")


@dataclass(frozen=True)
class Token:
    """A word or number of a text: ``text`` as written, ``low`` lower-cased, cleaned offsets."""

    text: str
    low: str
    start: int
    end: int
    initial: bool = False  # first word of a sentence (or of a quote)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The cue lists (``compare_lexicon.json``), loaded once."""
    text = resources.files("comparekit.data").joinpath("compare_lexicon.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def countries() -> dict[str, list[str]]:
    """ISO code -> country names in en fr de es ru (CLDR) plus common short forms."""
    text = resources.files("comparekit.data").joinpath("compare_countries.json").read_text("utf-8")
    return json.loads(text)["countries"]


def lang_of(lang: str | None) -> str:
    """The cue-list language for a document language (unknown -> English)."""
    return lang if lang in LANGUAGES else "en"


def tokenize(text: str, lang: str | None = None) -> list[Token]:
    """Words and numbers of ``text``. English ``n't`` becomes ``not``; apostrophes split words."""
    if lang_of(lang) == "en":
        # "don't" -> "do nt" (same length, so offsets hold); "nt" is read as "not" below.
        text = re.sub(r"(?i)n[’']t\b", " nt", text)
    out = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        if lang_of(lang) == "en" and low == "nt":
            low = "not"
        gap = text[prev_end : m.start()]
        # An apostrophe between two letters is part of the words (French l’Agence,
        # d’Israël, qu’Emmanuel; O’Brien), not a quote: the word after it does not start one.
        elided = bool(out) and gap in _APOSTROPHES and text[prev_end - 1 : prev_end].isalpha()
        initial = not out or (not elided and bool(_SENTENCE_GAP.search(gap)))
        out.append(Token(m.group(), low, m.start(), m.end(), initial))
        prev_end = m.end()
    return out


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A spelling-insensitive key: lower case, no accents, Cyrillic transliterated, a few
    phonetic merges (c/k, y/i, w/v, ph/f, double letters), so Macédoine / Македония /
    Macedonia / Makedonien share their start."""
    s = unicodedata.normalize("NFKD", word.lower())
    s = "".join(_CYRILLIC.get(ch, ch) for ch in s if not unicodedata.combining(ch))
    s = s.replace("_", "")
    s = re.sub(r"[^a-z0-9]", "", s)
    if len(s) <= 2 or (len(s) <= 4 and word.isupper()):
        return s  # acronyms: NATO, ООН ("oon" must not become "on")
    # c is s before e/i/y (Maurice / Морис), k elsewhere (Macedonia / Македония).
    s = re.sub(r"c(?=[eiy])", "s", s)
    for a, b in (
        ("x", "ks"),  # Mexico / Мексика, Alexander / Александр
        ("ph", "f"),
        ("ck", "k"),
        ("kh", "h"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("y", "i"),
        ("j", "i"),
    ):
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=16384)
def _alternatives(pattern: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A token pattern split once: its exact words and its prefixes (``word*``)."""
    alts = pattern.split("|")
    return (
        frozenset(a for a in alts if not a.endswith("*")),
        tuple(a[:-1] for a in alts if a.endswith("*")),
    )


def _token_matches(pattern: str, word: str) -> bool:
    exact, prefixes = _alternatives(pattern)
    return word in exact or word.startswith(prefixes)


#: French words that drop their vowel before a vowel (de -> d’, que -> qu’): a phrase
#: listed with the full word matches the elided one too ("loin de" in "loin d’être").
_ELIDABLE = {"de": "d", "que": "qu", "ne": "n", "le": "l", "la": "l", "se": "s", "ce": "c"}


@lru_cache(maxsize=4096)
def compile_phrase(phrase: str) -> tuple[str, ...]:
    """A cue phrase as its tokens (apostrophes and spaces split); a French word that
    elides (de, que, le ...) also matches its elided form (d, qu, l ...)."""
    parts = [p for p in re.split(r"[\s'’]+", phrase.lower()) if p]
    return tuple(f"{p}|{_ELIDABLE[p]}" if p in _ELIDABLE and len(parts) > 1 else p for p in parts)


_COMPILED: dict[int, tuple] = {}


def _compile(phrases: dict[str, list[str]]):
    """Phrases indexed by their first token (exact words in a dict, wildcards in a list).
    Cached by identity: callers pass the long-lived tables of :func:`lexicon`."""
    hit = _COMPILED.get(id(phrases))
    if hit is not None and hit[2] is phrases:
        return hit
    exact: dict[str, list] = {}
    wild: list = []
    for label, plist in phrases.items():
        for phrase in plist:
            parts = compile_phrase(phrase)
            if not parts:
                continue
            entry = (len(parts), label, parts)
            if "*" in parts[0] or "|" in parts[0]:
                wild.append(entry)
            else:
                exact.setdefault(parts[0], []).append(entry)
    # Every first-token alternative of the wildcard phrases, for a one-call test of
    # whether a word can start any of them at all (most words cannot).
    firsts = [_alternatives(entry[2][0]) for entry in wild]
    any_word = frozenset().union(*(words for words, _ in firsts))
    any_prefix = tuple(sorted({p for _, prefixes in firsts for p in prefixes}))
    hit = (exact, wild, phrases, {}, any_word, any_prefix)
    _COMPILED[id(phrases)] = hit
    return hit


#: Distinct words remembered per phrase table (which wildcard phrases they start).
_WILD_MEMO_MAX = 200_000


def find_phrases(
    tokens: list[Token], phrases: dict[str, list[str]], *, used: set[int] | None = None
) -> list[tuple[str, int, int]]:
    """Occurrences of cue phrases in ``tokens``, longest first, without overlaps.

    ``phrases`` maps a label to its phrases. Returns ``(label, first_token, end_token)``
    sorted by position; ``used`` (token indices) is updated and respected."""
    used = used if used is not None else set()
    exact, wild, _, starts, any_word, any_prefix = _compile(phrases)
    lows = [t.low for t in tokens]
    matches = []
    for i, w in enumerate(lows):
        # The phrases a word can start: the same for every occurrence of the word, so
        # the wildcard list is scanned once per distinct word and table.
        cands = starts.get(w)
        if cands is None:
            if len(starts) >= _WILD_MEMO_MAX:
                starts.clear()
            cands = exact.get(w, [])
            if w in any_word or w.startswith(any_prefix):
                cands = cands + [c for c in wild if _token_matches(c[2][0], w)]
            starts[w] = cands
        for n, label, parts in cands:
            if i + n <= len(lows) and all(_token_matches(p, lows[i + k]) for k, p in enumerate(parts[1:], 1)):
                matches.append((-n, label, parts, i))
    found = []
    for neg_n, label, _, i in sorted(matches):
        span = range(i, i - neg_n)
        if any(k in used for k in span):
            continue
        found.append((label, i, i - neg_n))
        used.update(span)
    return sorted(found, key=lambda f: (f[1], f[0]))
