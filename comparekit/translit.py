"""Romanisation rules and the public name normaliser.

Other languages write the same Russian, Armenian or Persian name differently in Latin
letters: French "Pachinian", German "Paschinjan", Polish "Paszinian", Turkish "Paşinyan",
Czech "Pašinjan" are all English "Pashinyan". This module turns such spellings back into
English-style readings with per-language rules (:data:`READING_RULES`), compares readings
on a phonetic :func:`skeleton` with rapidfuzz, and resolves them against the people
gazetteer. Public API:

- :func:`canonical_name` ``(text, lang=None) -> (canonical, score) | None``
- :func:`romanisation_variants` ``(name) -> {lang: spelling}`` (English -> other languages)
- :func:`english_readings`, :func:`skeleton`, :func:`fold` (lookups: comparekit.detect.translation.index)
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ə": "a", "Ə": "A"}
)
_V = "[aeiouyAEIOUY]"

# Reading rules: foreign romanisation -> English-style spelling. Applied in order to the
# lower-cased word; replacements are written in UPPER CASE so that later rules do not
# rewrite them, and the result is lower-cased at the end. A rule with several
# replacements yields several readings (the source spelling is ambiguous).
READING_RULES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "fr": (
        (rf"(?<={_V})ss(?={_V})", ("S",)),
        (r"tch", ("CH",)),
        (r"dj", ("J",)),
        (r"ch", ("SH",)),
        (r"j", ("ZH",)),
        (r"ou", ("U",)),
        (r"gu(?=[eiï])", ("G",)),
        (r"([aeo])ï", (r"\1Y",)),
        (r"ine$", ("IN",)),
        (rf"(?<=[^aeiouy\W])i(?={_V})", ("Y",)),
    ),
    "de": (
        (r"schtsch", ("SHCH",)),
        (r"tsch", ("CH",)),
        (r"dsch", ("J",)),
        (r"sch", ("SH", "ZH")),
        (r"ch", ("KH",)),
        (r"dse$", ("DZE",)),
        (r"^h", ("H", "G")),  # Ukrainian h for Russian g: Hrojsman = Groysman
        (r"^s(?=[aeiou])", ("Z", "S")),
        (r"(?<=[aeiour])s(?=[aeioun])", ("Z", "S")),
        (r"z", ("TS",)),
        (r"j", ("Y",)),
        (r"w", ("V",)),
    ),
    "pl": (
        (r"szcz", ("SHCH",)),
        (r"cz", ("CH",)),
        (r"sz", ("SH",)),
        (r"dż", ("J",)),
        (r"rz|ż", ("ZH", "J")),
        (r"ch", ("KH",)),
        (r"ś", ("SH",)),
        (r"ć", ("CH",)),
        (r"c", ("TS",)),
        (r"(?<=[^aeiouy\W])ie", ("E", "YE")),
        (rf"(?<=[^aeiouy\W])i(?={_V})", ("Y",)),
        (r"j", ("Y",)),
        (r"w", ("V",)),
    ),
    "tr": (
        (r"ş", ("SH",)),
        (r"ç", ("CH",)),
        (r"c", ("J", "C")),
        (r"ğ", ("",)),
    ),
    "cs": (
        (r"ová$", ("",)),
        (r"š", ("SH",)),
        (r"č", ("CH",)),
        (r"ž", ("ZH", "J")),
        (r"ř", ("RZH",)),
        (r"ň", ("NY",)),
        (r"ch", ("KH",)),
        (r"c", ("TS",)),
        (r"j", ("Y",)),
    ),
    "es": (
        (r"gu(?=[eéií])", ("G",)),
        (r"j", ("KH",)),
        (r"ñ", ("NY",)),
    ),
    "ca": (
        (r"ix", ("SH",)),
        (r"x", ("SH",)),
        (r"ny", ("NY",)),
    ),
    "it": (
        (r"sci(?=[aou])", ("SH",)),
        (r"sc(?=[ei])", ("SH",)),
        (r"ci(?=[aou])", ("CH",)),
        (r"gi(?=[aou])", ("J",)),
        (r"ch", ("K",)),
        (r"gh", ("G",)),
        (r"j", ("Y",)),
    ),
}

# A language's rules are tried only on words that show one of its marks: the ambiguous
# rules (Turkish c -> j, Polish/Czech c -> ts, German s -> z) would otherwise read
# ordinary English names ("Coupe" -> "Joupe" ~ "Juppe") as romanisations.
MARKERS: dict[str, re.Pattern] = {
    "fr": re.compile(r"ou|ch|dj|j|ï|ine$|ian$|i[aeou]"),
    "de": re.compile(r"sch|ch|w|j|z|ß|ow$|ew$"),
    "pl": re.compile(r"sz|cz|rz|ż|ź|ł|ś|ć|ń|w|j|ie"),
    "tr": re.compile(r"[şçğı]"),
    "cs": re.compile(r"[šččžřňěůťď]|j"),
    "es": re.compile(r"j|ñ|gu[eéií]"),
    "it": re.compile(r"sc[ie]|ci[aou]|gi[aou]|ch|gh|j"),
    "ca": re.compile(r"x"),
}

# Cyrillic -> Latin (BGN/PCGN-like, as English newsrooms write it), for cross-script lookups.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i ye yi g".split(),
        strict=True,
    )
)

# Forward rules: English spelling -> how another language writes the same sound.
_FORWARD: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (
        ("shch", "CHTCH"),
        ("ch", "TCH"),
        ("sh", "CH"),
        ("zh", "J"),
        ("j", "DJ"),
        ("u", "OU"),
        ("yan$", "IAN"),
    ),
    "de": (
        ("shch", "SCHTSCH"),
        ("ch", "TSCH"),
        ("sh", "SCH"),
        ("zh", "SCH"),
        ("j", "DSCH"),
        ("kh", "CH"),
        ("ts", "Z"),
        ("z", "S"),
        ("y", "J"),
        ("v", "W"),
    ),
    "pl": (
        ("shch", "SZCZ"),
        ("ch", "CZ"),
        ("sh", "SZ"),
        ("zh", "Ż"),
        ("j", "DŻ"),
        ("kh", "CH"),
        ("ts", "C"),
        ("y", "J"),
        ("v", "W"),
    ),
    "tr": (("sh", "Ş"), ("ch", "Ç"), ("j", "C"), ("kh", "H")),
    "cs": (("shch", "ŠČ"), ("ch", "Č"), ("sh", "Š"), ("zh", "Ž"), ("kh", "CH"), ("ts", "C"), ("y", "J")),
    "es": (("kh", "J"), ("yev$", "IEV")),
    "it": (("sh(?=[aou])", "SCI"), ("sh", "SC"), ("kh", "CH")),
}

MAX_READINGS = 8


def fold(text: str) -> str:
    """Lower case without diacritics (``"Erdoğan" -> "erdogan"``, ``"Ławrow" -> "lawrow"``)."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL).lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def skeleton(text: str) -> str:
    """A phonetic key under which English-style spellings of one name coincide: folded,
    letters only, ``y``->``i``, ``dzh``->``j``, doubled letters collapsed
    (``"Zelenskyy"``/``"Zelenski"`` -> ``"zelenski"``, ``"Pashinyan"`` -> ``"pashinian"``)."""
    s = "".join(ch for ch in fold(text) if ch.isalpha())
    s = s.replace("dzh", "j").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", s)


def is_latin(word: str) -> bool:
    """Every letter is Latin script (basic, Latin-1, Extended-A/B)."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 for ch in word if ch.isalpha())


def cyrillic_to_latin(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            rep = _CYRILLIC[low].replace("_", "")
            out.append(rep.capitalize() if ch.isupper() else rep)
        else:
            out.append(ch)
    return "".join(out)


def _apply(rules: Sequence[tuple[str, tuple[str, ...]]], word: str) -> list[str]:
    outs = [word.lower()]
    for pattern, reps in rules:
        new = []
        for s in outs:
            if re.search(pattern, s):
                new.extend(re.sub(pattern, r, s) for r in reps)
            else:
                new.append(s)
        outs = list(dict.fromkeys(new))[:MAX_READINGS]
    return [s.lower() for s in outs]


def english_readings(word: str, languages: Iterable[str] | None = None) -> dict[str, list[str]]:
    """English-style readings of ``word`` under each language's rules, only for languages
    whose rules changed something: ``"Pachinian" -> {"fr": ["pashinyan"], ...}``."""
    found: dict[str, list[str]] = {}
    low = word.lower()
    for lang in languages or READING_RULES:
        if lang == "ru":
            rd = cyrillic_to_latin(low)
            if rd != low:
                found[lang] = [rd]
            continue
        rules = READING_RULES.get(lang)
        if not rules or not MARKERS[lang].search(low):
            continue
        readings = [r for r in _apply(rules, word) if r != low]
        if readings:
            found[lang] = readings
    return found


def romanisation_variants(name: str, languages: Iterable[str] | None = None) -> dict[str, str]:
    """How other languages would romanise an English-spelled name (``"Pashinyan"`` ->
    ``{"fr": "Pachinian", "de": "Paschinjan", "pl": "Paszinjan", ...}``); languages whose
    rules change nothing are left out. Each word keeps its initial capital."""
    out = {}
    for lang in languages or _FORWARD:
        words = []
        for word in name.split():
            s = word.lower()
            for pattern, rep in _FORWARD[lang]:
                s = re.sub(pattern, rep, s)
            s = s.lower()
            words.append(s[:1].upper() + s[1:])
        variant = " ".join(words)
        if variant != name:
            out[lang] = variant
    return out


def canonical_name(text: str, lang: str | None = None) -> tuple[str, float] | None:
    """The canonical English form of a person's name in any known spelling or script
    ("Pachinian", "Wladimir Putin", "Пашинян" -> "Nikol Pashinyan"); see
    :func:`comparekit.detect.translation.index.canonical_name`."""
    from comparekit.detect.translation.index import canonical_name as _canonical

    return _canonical(text, lang)


def all_readings(word: str) -> list[tuple[str, str]]:
    """(language, reading) pairs, for debugging and the benchmark."""
    return sorted(
        itertools.chain.from_iterable(((k, r) for r in v) for k, v in english_readings(word).items())
    )
