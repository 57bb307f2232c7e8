"""Chinese names in pinyin, written the way Russian writes them (the Palladius system).

English and French write Chinese names in pinyin (Xi Jinping, Chongqing, Li Keqiang);
Russian writes them in Palladius Cyrillic (Си Цзиньпин, Чунцин, Ли Кэцян), which no
letter-by-letter transliteration reaches: pinyin x is с, j and z are цз, q and c are ц,
zh is чж, -ong is -ун. :func:`palladius` cuts a word into pinyin syllables and writes
each one in Cyrillic, so the name matcher can compare the result with the Russian side.
"""

from __future__ import annotations

from functools import lru_cache

#: Initials (longest first, so zh is not z + h) and their Palladius letters.
_INITIALS = {
    "zh": "чж",
    "ch": "ч",
    "sh": "ш",
    "b": "б",
    "p": "п",
    "m": "м",
    "f": "ф",
    "d": "д",
    "t": "т",
    "n": "н",
    "l": "л",
    "g": "г",
    "k": "к",
    "h": "х",
    "j": "цз",
    "q": "ц",
    "x": "с",
    "r": "ж",
    "z": "цз",
    "c": "ц",
    "s": "с",
}

#: Finals after an initial, and their Palladius spelling.
_FINALS = {
    "a": "а",
    "o": "о",
    "e": "э",
    "ai": "ай",
    "ei": "эй",
    "ao": "ао",
    "ou": "оу",
    "an": "ань",
    "en": "энь",
    "ang": "ан",
    "eng": "эн",
    "ong": "ун",
    "i": "и",
    "ia": "я",
    "ie": "е",
    "iao": "яо",
    "iu": "ю",
    "ian": "янь",
    "in": "инь",
    "iang": "ян",
    "ing": "ин",
    "iong": "юн",
    "u": "у",
    "ua": "уа",
    "uo": "о",
    "uai": "уай",
    "ui": "уй",
    "uan": "уань",
    "un": "унь",
    "uang": "уан",
    "ue": "юэ",
    "v": "юй",
    "ve": "юэ",
}

#: Which finals each initial takes (the pinyin table, simplified): j q x take the
#: i- and ü-finals only, the sibilants no i- finals, g k h no i- finals.
_PLAIN = ("a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "u", "uo", "ui", "uan", "un")
_TAKES = {
    "jqx": ("i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ue", "uan", "un"),
    "zh ch sh r": (*_PLAIN, "i", "ua", "uai", "uang"),
    "z c s": (*_PLAIN, "i"),
    "b p m": (
        "a",
        "o",
        "ai",
        "ei",
        "ao",
        "ou",
        "an",
        "en",
        "ang",
        "eng",
        "u",
        "i",
        "ie",
        "iao",
        "ian",
        "in",
        "ing",
    ),
    "f": ("a", "o", "ei", "ou", "an", "en", "ang", "eng", "u"),
    "d t": (*_PLAIN, "i", "ie", "iao", "iu", "ian", "ing"),
    "n l": (*_PLAIN, "i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "v", "ve"),
    "g k h": (*_PLAIN, "ua", "uai", "uang"),
}

#: Syllables without an initial (y- and w- spell the medial): the plain finals as they
#: are, and the rest.
_BARE = {f: _FINALS[f] for f in ("a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng")} | {
    "er": "эр",
    "yi": "и",
    "ya": "я",
    "ye": "е",
    "yao": "яо",
    "you": "ю",
    "yan": "янь",
    "yin": "инь",
    "yang": "ян",
    "ying": "ин",
    "yong": "юн",
    "yu": "юй",
    "yue": "юэ",
    "yuan": "юань",
    "yun": "юнь",
    "wu": "у",
    "wa": "ва",
    "wo": "во",
    "wai": "вай",
    "wei": "вэй",
    "wan": "вань",
    "wen": "вэнь",
    "wang": "ван",
    "weng": "вэн",
}


@lru_cache(maxsize=1)
def syllables() -> dict[str, str]:
    """Every pinyin syllable (toneless, ü as u after j q x) -> its Palladius spelling."""
    table = dict(_BARE)
    for group, finals in _TAKES.items():
        for initial in group.replace("jqx", "j q x").split():
            for final in finals:
                cyr = _INITIALS[initial] + _FINALS[final]
                if initial in "jqx" and final.startswith("u"):
                    # After j q x, u is ü: ju -> цзюй, xuan -> сюань, qun -> цюнь.
                    cyr = _INITIALS[initial] + {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}[final]
                elif initial in ("z", "c", "s") and final == "i":
                    cyr = _INITIALS[initial] + "ы"  # zi цзы, ci цы, si сы
                elif initial == "h" and final == "ui":
                    cyr = "хуэй"  # hui хуэй
                table[initial + final] = cyr
    return table


#: A word needs this many syllables to be read as pinyin, unless it has a letter that
#: English spelling rarely uses that way (x, q, zh, j, z): one-syllable English words
#: (Long, Men, Pan) would otherwise all be read as Chinese.
_MIN_SYLLABLES = 2
_PINYIN_LETTERS = ("x", "q", "zh", "j", "z")


@lru_cache(maxsize=65536)
def palladius(word: str) -> str | None:
    """``word`` (Latin letters) in Palladius Cyrillic when it reads as pinyin syllables
    (``"Jinping"`` -> ``"цзиньпин"``, ``"Xi"`` -> ``"си"``), else None. Of several cuts
    the one with the fewest syllables wins (Xiaoping: xiao-ping, not xi-ao-ping), then the
    one with the longer syllables first (Tiananmen: tian-an-men, not tia-nan-men)."""
    low = word.lower().replace("'", "").replace("’", "")
    if not low.isascii() or not low.isalpha() or len(low) > 18:
        return None
    table = syllables()
    # best[i]: the fewest-syllable cut of low[:i], as a list of syllables.
    best: list[list[str] | None] = [None] * (len(low) + 1)
    best[0] = []
    for i in range(len(low)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(low), i + 6) + 1):
            piece = low[i:j]
            if piece in table:
                cut = [*best[i], piece]
                if best[j] is None or _rank(cut) < _rank(best[j]):
                    best[j] = cut
    cut = best[len(low)]
    if cut is None:
        return None
    if len(cut) < _MIN_SYLLABLES and not any(x in low for x in _PINYIN_LETTERS):
        return None
    return "".join(table[s] for s in cut)


def _rank(cut: list[str]) -> tuple:
    """Fewer syllables first, then longer syllables earlier."""
    return (len(cut), [-len(x) for x in cut])
