"""Shipped word lists for framing: frame cues, evaluative words, stop-words, lexicons.

Cue lists live in ``comparekit/data/frames/<lang>.json`` (one per language). An entry is
a word or a phrase; a trailing ``*`` matches any word ending (``econom*`` matches
``economy`` and ``economic``), spaces match any run of whitespace. Matching is
case-insensitive and on word boundaries, so every match has a span in the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: The frames every profile reports, in report order. The first five are the Narrative
#: Frames Corpus frames (Frermann et al. 2023); the last three matter for diplomacy and war.
FRAMES = (
    "conflict",
    "resolution",
    "human_interest",
    "morality",
    "economic",
    "responsibility",
    "security",
    "diplomacy",
)

#: Languages with shipped cue lists; other languages fall back to English cues (names,
#: numbers and loanwords still match) and rely on the embedding prototypes.
CUE_LANGUAGES = ("de", "en", "es", "fr", "ru")

#: Word lists in a cue file besides the frames.
EVALUATIVE_LISTS = ("intensifiers", "minimisers", "loaded")

_WORD = r"[^\W\d_]"


def _entry_pattern(entry: str) -> str:
    parts = []
    for word in entry.lower().split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[\w'’-]*")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts)


def compile_entries(entries: list[str]) -> re.Pattern[str] | None:
    """One regex matching any entry on word boundaries (longest entries first)."""
    pats = sorted({_entry_pattern(e) for e in entries if e.strip()}, key=lambda p: (-len(p), p))
    if not pats:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(pats) + r")(?![\w])", re.IGNORECASE)


def _read_data(*parts: str) -> str:
    return resources.files("comparekit").joinpath("data", *parts).read_text("utf-8")


@dataclass(frozen=True)
class CueSet:
    """Compiled cue patterns of one language."""

    language: str
    frames: dict[str, re.Pattern[str] | None]
    evaluative: dict[str, re.Pattern[str] | None]


@lru_cache(maxsize=16)
def cue_set(language: str | None) -> CueSet:
    """The compiled cues of ``language`` (English for a language without a cue file)."""
    lang = language if language in CUE_LANGUAGES else "en"
    data = json.loads(_read_data("frames", f"{lang}.json"))
    frames = {f: compile_entries(data["frames"].get(f, [])) for f in FRAMES}
    evaluative = {k: compile_entries(data.get(k, [])) for k in EVALUATIVE_LISTS}
    hedges = list(data.get("hedges_extra", []))
    if lang == "en":
        hedges += hedge_words()
    else:
        hedges += data.get("hedges", [])
    evaluative["hedges"] = compile_entries(hedges)
    return CueSet(lang, frames, evaluative)


def find_all(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, matched text)`` of every non-overlapping match, in text order."""
    if pattern is None:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def exemplars() -> dict[str, list[str]]:
    """Exemplar sentences per frame (English; the encoder is multilingual)."""
    data = json.loads(_read_data("frames", "exemplars.json"))["frames"]
    return {f: list(data[f]) for f in FRAMES}


@lru_cache(maxsize=1)
def hedge_words() -> list[str]:
    """The MIT hedges list (shipped copy of ../shared/data/lexicons/hedges_words_MIT)."""
    lines = _read_data("lexicons", "hedges_words_MIT", "hedges.txt").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("%")]


@lru_cache(maxsize=16)
def stopwords(language: str | None) -> frozenset[str]:
    """Function words of ``language`` (shipped lists; empty for other languages)."""
    lang = language or "en"
    try:
        text = _read_data("frames", "stopwords", f"{lang}.txt")
    except FileNotFoundError:
        return frozenset()
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


TOKEN_RE = re.compile(_WORD + r"+(?:['’-]" + _WORD + r"+)*")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, lower-cased word)``; digits and punctuation dropped."""
    return [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in TOKEN_RE.finditer(text)]


#: A French elided article, pronoun or conjunction before a word: l’ouragan, d’Israël,
#: qu’il, jusqu’au. It belongs to the grammar, not to the word after it.
_FR_ELISION = re.compile(
    r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[^\W\d_])", re.IGNORECASE
)


def strip_elision(word: str, language: str | None) -> str:
    """``word`` without a French elided prefix (``l'ouragan`` -> ``ouragan``,
    ``L’Arizona`` -> ``Arizona``); other languages' words as they are."""
    return _FR_ELISION.sub("", word) if language == "fr" else word


#: Words after which a German capitalised word is a common noun: articles, determiners,
#: possessives, quantifiers and prepositions fused with an article (im, zum, vom ...).
_DE_DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
    keiner keines dieser diese diesen diesem dieses jener jene jenen jenem jenes jeder jede
    jeden jedem jedes mein meine meinen meinem meiner meines dein deine deinen deinem deiner
    deines sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser
    unsere unseren unserem unserer unseres euer eure euren eurem eurer eures welcher welche
    welchen welchem welches alle allen aller beide beiden viele vielen einige einigen mehrere
    manche manchen solche solchen im am zum zur vom beim ins ans ums""".split()
)
#: An inflected German adjective or participle between a determiner and its noun
#: ("einer lebenslangen Freiheitsstrafe", "dem russischen Präsidenten").
_DE_ADJECTIVE = re.compile(r"[^\W\d_]+(?:e|en|er|es|em)$")
_DE_WORD = re.compile(r"\w+(?:['’-]\w+)*")
#: How many inflected adjectives may stand between the determiner and the noun.
_DE_MAX_ADJECTIVES = 2


def german_nouns(texts) -> set[str]:
    """Lower-cased capitalised words that German ``texts`` use as common nouns somewhere:
    after a determiner, with up to two inflected adjectives between ("der Anschlag",
    "einer lebenslangen Freiheitsstrafe"), or after a number ("22 Anklagen"). German
    capitalises every noun, so capitals alone do not mark a name, but a name seldom
    follows an article. Not counted: acronyms, country and organisation names ("die
    Türkei", "die Demokraten": names, as in English) and words more English than German
    ("die South China Morning Post")."""
    from wordfreq import zipf_frequency

    from comparekit.compare.entities import resolve
    from comparekit.compare.lexicon import fold

    found: set[str] = set()
    for text in texts:
        words = list(_DE_WORD.finditer(text))
        for k, m in enumerate(words):
            w = m.group()
            if not w[:1].isupper() or w.isupper() or k == 0:
                continue
            nxt = words[k + 1] if k + 1 < len(words) else None
            if (
                nxt is not None
                and nxt.group()[:1].isupper()
                and not text[m.end() : nxt.start()].strip()
                and _DE_ADJECTIVE.fullmatch(w)
            ):
                continue  # an adjective of a name: die Vereinigten Staaten, im Nahen Osten
            j = k - 1
            ok = False
            for _ in range(_DE_MAX_ADJECTIVES + 1):
                if text[words[j].end() : words[j + 1].start()].strip():
                    break  # punctuation between: another phrase
                prev = words[j].group()
                if prev.lower() in _DE_DETERMINERS or prev.isdigit():
                    ok = True
                    break
                if j == 0 or not prev[:1].islower() or not _DE_ADJECTIVE.fullmatch(prev):
                    break
                j -= 1
            low = w.lower()
            if (
                ok
                and low not in found
                and zipf_frequency(low, "de") >= zipf_frequency(low, "en")
                and resolve(fold(w)) is None
            ):
                found.add(low)
    return found
