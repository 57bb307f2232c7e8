"""Dates and times in a sentence: weekdays, months, day-of-month, years, clock times and
relative expressions ("yesterday", "this month", "la semaine dernière", "в прошлом году").

Each mention becomes a comparable ``(category, value)`` key, the same in every language:
``("weekday", 7)`` for Sunday / dimanche / воскресенье, ``("day", (9, 27))`` for
"September 27" / "27 septembre", ``("rel:month", 0)`` for "this month".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from comparekit.compare.lexicon import Token, find_phrases, lang_of, lexicon

#: English words that are months only in a date context ("may" the verb, "March" the walk).
_AMBIGUOUS_EN = {"may", "march"}
_DATE_PREPS_EN = {"in", "of", "early", "late", "mid", "since", "until", "by", "from", "last", "next", "this"}
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@dataclass(frozen=True)
class DateMention:
    """One date or time: comparable key, the words as written, and token span."""

    category: str
    value: object
    text: str
    first: int
    end: int


@lru_cache(maxsize=32)
def _phrase_table(lang: str, key: str) -> dict[str, list[str]]:
    return {f"{i + 1}": [w] for i, w in enumerate(lexicon()[key][lang])}


def extract_dates(tokens: list[Token], lang: str | None, used: set[int] | None = None) -> list[DateMention]:
    """The dates and times in ``tokens``; token indices they use are added to ``used``
    (so the number check does not read "27" in "September 27" as a count)."""
    lang = lang_of(lang)
    used = used if used is not None else set()
    out: list[DateMention] = []

    def span_text(i: int, j: int) -> str:
        # Words as written: a space only where the text has one ("1er octobre", not
        # "1 er octobre"; "15 h 30").
        return "".join(
            (" " if n > i and t.start > tokens[n - 1].end else "") + t.text
            for n, t in enumerate(tokens[i:j], i)
        )

    rel = lexicon()["relative_dates"][lang]
    for label, i, j in find_phrases(tokens, rel, used=used):
        unit, offset = label.split(":")
        out.append(DateMention("rel:" + unit, int(offset), span_text(i, j), i, j))
    for label, i, j in find_phrases(tokens, _phrase_table(lang, "weekdays"), used=used):
        out.append(DateMention("weekday", int(label), span_text(i, j), i, j))
    months = find_phrases(tokens, _phrase_table(lang, "months"), used=set(used))
    for label, i, j in months:
        tok = tokens[i]
        if lang == "en":
            if not tok.text[:1].isupper():
                continue
            if tok.low in _AMBIGUOUS_EN:
                prev = tokens[i - 1].low if i else ""
                nxt = tokens[j].low if j < len(tokens) else ""
                if not (prev.isdigit() or nxt.isdigit() or prev in _DATE_PREPS_EN):
                    continue
        used.update(range(i, j))
        month = int(label)
        day = None
        for k in (i - 1, j, i - 2):  # "27 September", "September 27", "27 de septiembre"
            if (
                0 <= k < len(tokens)
                and k not in used
                and tokens[k].low.isdigit()
                and 1 <= int(tokens[k].low) <= 31
            ):
                if k == i - 2 and tokens[i - 1].low not in ("de", "of", "th", "го", "e", "er"):
                    continue
                day = int(tokens[k].low)
                used.add(k)
                break
        if day is not None:
            out.append(
                DateMention(
                    "day", (month, day), span_text(min(i, k), max(j, k + 1)), min(i, k), max(j, k + 1)
                )
            )
        out.append(DateMention("month", month, tok.text, i, j))
    for k, tok in enumerate(tokens):
        if k in used:
            continue
        if tok.low.isdigit() and len(tok.low) == 4 and 1900 <= int(tok.low) <= 2099:
            used.add(k)
            out.append(DateMention("year", int(tok.low), tok.text, k, k + 1))
            continue
        m = _TIME.match(tok.low)
        if m and (
            ":" in tok.low or (k + 1 < len(tokens) and tokens[k + 1].low in ("am", "pm", "a", "p", "h"))
        ):
            used.add(k)
            hour = int(m.group(1))
            nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
            if nxt in ("am", "pm", "a", "p") and hour <= 12:
                hour = hour % 12 + (12 if nxt.startswith("p") else 0)  # 5.30pm = 17:30
            out.append(DateMention("time", (hour, int(m.group(2))), tok.text, k, k + 1))
            continue
        if tok.low.isdigit() and k + 1 < len(tokens) and int(tok.low) <= 24:
            nxt = tokens[k + 1].low
            if nxt in ("am", "pm") or (
                nxt in ("a", "p") and k + 2 < len(tokens) and tokens[k + 2].low == "m"
            ):
                hour = int(tok.low) % 12 + (12 if nxt.startswith("p") else 0)
                used.update((k, k + 1))
                out.append(DateMention("time", (hour, 0), tok.text + " " + tokens[k + 1].text, k, k + 2))
            elif nxt == "h" and lang == "fr":
                minute, end = 0, k + 2
                if k + 2 < len(tokens) and tokens[k + 2].low.isdigit() and len(tokens[k + 2].low) == 2:
                    minute, end = int(tokens[k + 2].low), k + 3
                used.update(range(k, end))
                out.append(DateMention("time", (int(tok.low), minute), span_text(k, end), k, end))
            elif (
                lang == "ru"
                and nxt in _RU_HOURS
                and k + 2 < len(tokens)
                and tokens[k + 2].low in _RU_DAY_PARTS
                and 1 <= int(tok.low) <= 12
            ):
                # "5 часов утра", "3 часа дня": a clock time (5 a.m., 3 p.m.); "5 часов"
                # alone is as often a duration, so the part of the day is required.
                hour = int(tok.low) % 12 + _RU_DAY_PARTS[tokens[k + 2].low]
                used.update((k, k + 1, k + 2))
                out.append(DateMention("time", (hour, 0), span_text(k, k + 3), k, k + 3))
    return sorted(out, key=lambda d: (d.first, d.category))


#: Russian "час" after a number, and the parts of the day that make it a clock time, with
#: the hours they add to a 12-hour reading: утра (morning, 5 a.m.), дня (afternoon,
#: 3 p.m.), вечера (evening, 7 p.m.), ночи (night, 2 a.m.; "12 часов ночи" is midnight).
_RU_HOURS = frozenset({"час", "часа", "часов"})
_RU_DAY_PARTS = {"утра": 0, "дня": 12, "вечера": 12, "ночи": 0}


def date_conflicts(
    a: list[DateMention], b: list[DateMention]
) -> list[tuple[str, list[DateMention], list[DateMention]]]:
    """Categories where both sides give a date and they disagree: each side has a value
    the other lacks. A date given by one side only is extra detail, not a conflict."""
    out = []
    for cat in sorted({d.category for d in a} & {d.category for d in b}):
        va = {d.value for d in a if d.category == cat}
        vb = {d.value for d in b if d.category == cat}
        if va - vb and vb - va:
            only_a = [d for d in a if d.category == cat and d.value not in vb]
            only_b = [d for d in b if d.category == cat and d.value not in va]
            out.append((cat, only_a, only_b))
    # "September 27" against "September 28" also differs as a month-less day: report once.
    cats = {c for c, _, _ in out}
    return [c for c in out if not (c[0] == "month" and "day" in cats)]
