"""Numbers in a sentence: digits in each language's notation, spelled-out numbers and
scale words ("1.5bn", "1,5 milliard", "1,5 млрд", "twelve", "двенадцать").

Values are compared, not strings: "12" matches "twelve" and "douze", "$1.5bn" matches
"1,5 milliard de dollars". Years, days of the month and clock times are dates (see
:mod:`comparekit.compare.dates`), not counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from comparekit.compare.lexicon import Token, _token_matches, lang_of, lexicon


@dataclass(frozen=True)
class NumberMention:
    """A number: its value, the words as written, and token span."""

    value: float
    text: str
    first: int
    end: int
    #: The value in metric units when an imperial unit follows (550 pounds -> 249.5 kg),
    #: which translations convert: matched against the other side's numbers too.
    metric: float | None = None


def parse_digits(s: str, lang: str) -> float | None:
    """The value of a digit token in ``lang``'s notation ("1,500" en, "1 500" / "1,5" fr)."""
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if ":" in s:
        return None
    if lang == "en":
        head, _, tail = s.partition(".")
        parts = head.split(",")
        if len(parts) > 1 and not all(len(p) == 3 for p in parts[1:]):
            # "1,5" in an English text is most likely a decimal comma from a translation.
            return float(head.replace(",", ".")) if len(parts) == 2 else None
        value = "".join(parts) + ("." + tail if tail else "")
    else:
        head, _, tail = s.partition(",")
        parts = head.split(".")
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
            head = "".join(parts)
        elif len(parts) == 2 and not tail:
            head, tail = parts
        elif len(parts) > 2:
            return None
        value = head + ("." + tail if tail else "")
    try:
        return float(value)
    except ValueError:
        return None


def _scale(tokens: list[Token], k: int, lang: str) -> tuple[float, int]:
    """The scale word at token ``k`` (million, млн, Mrd ...) and how many tokens it takes."""
    if k >= len(tokens):
        return 1.0, 0
    if lang == "fr" and tokens[k].text == "M":
        # French M€, M$ (millions; Md€ is listed): a capital M is never the metre (m), but
        # it is Monsieur before a name ("en 2017 M. Macron").
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        return (1.0, 0) if nxt is not None and nxt.text[:1].isupper() else (1e6, 1)
    if lang == "fr" and tokens[k].low == "autres" and k + 1 < len(tokens):
        # "Six autres millions" (another six million): the scale word after "autres".
        factor, n = _scale(tokens, k + 1, lang)
        return (factor, n + 1) if n else (1.0, 0)
    for word, factor in lexicon()["scale_words"][lang].items():
        parts = word.split()
        if k + len(parts) <= len(tokens) and all(
            _token_matches(p, tokens[k + n].low) for n, p in enumerate(parts)
        ):
            return float(factor), len(parts)
    return 1.0, 0


def extract_numbers(
    tokens: list[Token], lang: str | None, used: set[int] | None = None
) -> list[NumberMention]:
    """The numbers in ``tokens`` that are not already ``used`` by dates."""
    lang = lang_of(lang)
    used = used if used is not None else set()
    words = lexicon()["number_words"][lang]
    out: list[NumberMention] = []
    k = 0
    while k < len(tokens):
        if k in used:
            k += 1
            continue
        tok = tokens[k]
        value: float | None = None
        end = k + 1
        if tok.low[:1].isdigit():
            value = parse_digits(tok.low, lang)
        else:
            pieces = tok.low.replace("‐", "-").split("-")
            if tok.low in words:  # quatre-vingt(s) is 80, not 4 + 20
                value = float(words[tok.low])
            elif pieces and all(p in words for p in pieces):
                value = float(sum(words[p] for p in pieces))
            elif len(pieces) > 1 and pieces[0] in words and tok.text[:1].islower():
                # "six-point lead", "two-day visit"; "Four-Day War" is a name.
                value = float(words[pieces[0]])
            # "three hundred", "twenty five", "сорока восьми": words that follow combine
            # (a hundred multiplies; units add to a round ten).
            while value is not None and end < len(tokens) and end not in used and tokens[end].low in words:
                w = words[tokens[end].low]
                if w == 100 and value < 100:
                    value *= w
                elif w < 10 <= value and value % 10 == 0 and value < 100:
                    value += w
                else:
                    break
                end += 1
            if value is not None and lang == "fr" and tok.low == "cent" and k and tokens[k - 1].low == "pour":
                value = None
        if value is None:
            k += 1
            continue
        factor, n = _scale(tokens, end, lang)
        value *= factor
        end += n
        text = " ".join(t.text for t in tokens[k:end])
        out.append(NumberMention(value, text, k, end, _metric(value, tokens, end)))
        used.update(range(k, end))
        k = end
    # A range takes its unit from its last number: "2 to 4 inches", "3-6 miles".
    for n in range(len(out) - 2, -1, -1):
        x, y = out[n], out[n + 1]
        if (
            x.metric is None
            and y.metric is not None
            and (
                y.first == x.end  # "3-6 miles": the hyphen is no token
                or (y.first == x.end + 1 and tokens[x.end].low in ("to", "and", "or", "-", "–"))
            )
        ):
            out[n] = NumberMention(x.value, x.text, x.first, x.end, _metric(x.value, tokens, y.end))
    # A height in feet and inches is one length: "6-foot-6", "6 feet 6 inches", "5 ft 11"
    # is 1.98 m / 1.80 m, which a translation writes as one number.
    for n in range(len(out) - 2, -1, -1):
        x, y = out[n], out[n + 1]
        if (
            x.metric is not None
            and tokens[x.end].low in _FEET
            and y.first == x.end + 1
            and (y.metric is None or tokens[y.end].low in _INCHES)
            and y.value < 12
        ):
            metric = x.value * _IMPERIAL["foot"] + y.value * _IMPERIAL["inch"] / 100
            text = " ".join(t.text for t in tokens[x.first : y.end])
            out[n : n + 2] = [NumberMention(x.value, text, x.first, y.end, metric)]
    return out


#: Imperial units (English spellings) -> metric factor; "degrees" read as Fahrenheit.
_IMPERIAL = {
    "inch": 2.54,
    "inches": 2.54,
    "foot": 0.3048,
    "feet": 0.3048,
    "ft": 0.3048,
    "yard": 0.9144,
    "yards": 0.9144,
    "mile": 1.609344,
    "miles": 1.609344,
    "mph": 1.609344,
    "pound": 0.45359237,
    "pounds": 0.45359237,
    "lb": 0.45359237,
    "lbs": 0.45359237,
    "ounce": 28.349523,
    "ounces": 28.349523,
    "oz": 28.349523,
    "gallon": 3.785411,
    "gallons": 3.785411,
    "acre": 0.4046856,
    "acres": 0.4046856,
    "degrees": None,
    "degree": None,
    "fahrenheit": None,
    "f": None,
}


_FEET = ("foot", "feet", "ft")
_INCHES = ("inch", "inches", "in")


def _metric(value: float, tokens: list[Token], end: int) -> float | None:
    """``value`` converted to metric when an imperial unit follows it (one word, or after
    a hyphen as in "550-pound"); Fahrenheit degrees to Celsius."""
    if end >= len(tokens):
        return None
    unit = tokens[end].low
    if unit not in _IMPERIAL:
        return None
    factor = _IMPERIAL[unit]
    if factor is None:
        return (value - 32) * 5 / 9
    return value * factor


def _metric_close(x: NumberMention, y: NumberMention, tol: float, rounding: float = 0.08) -> bool:
    """A converted imperial value against the other side's number, within ``tol``
    (relative) or half a unit of its last digit: translators round (2 inches -> 5 cm,
    85 mph -> 135 km/h), but "1,98 m" is written to the centimetre (6-foot-9 is 2.06 m)."""
    for m, v in ((x.metric, y.value), (y.metric, x.value)):
        if m is not None and abs(m - v) <= max(tol * abs(m), _half_unit(v), _rounded_to(v, m, rounding)):
            return True
    return False


def _rounded_to(v: float, m: float, max_share: float) -> float:
    """How far a conversion ``m`` may be from ``v`` when ``v`` is a round whole number
    (200 miles -> "300 km", 12 mph -> "20 km/h"): half its last non-zero digit's place
    (50, 5), at most ``max_share`` of ``m`` (compare.number_rounding_max_share); 0 for
    other numbers."""
    if v != int(v) or v == 0 or int(v) % 10:
        return 0.0
    digits = str(int(abs(v)))
    place = 10 ** (len(digits) - len(digits.rstrip("0")))
    return min(place / 2, max_share * abs(m))


def _half_unit(v: float) -> float:
    """Half a unit of the last digit of ``v`` as written: 0.5 for 5, 0.005 for 1.98."""
    decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
    return 0.5 * 10.0**-decimals


def _close(x: float, y: float, rounded_from: float) -> bool:
    """Equal values; from ``rounded_from`` up, within 1% (1.53bn written as 1,5 milliard):
    below it a count is exact, so 390 against 392 differ."""
    if max(abs(x), abs(y)) < rounded_from:
        return math.isclose(x, y, rel_tol=0.0, abs_tol=1e-9)
    return math.isclose(x, y, rel_tol=0.01, abs_tol=1e-9)


def number_conflicts(
    a: list[NumberMention],
    b: list[NumberMention],
    rounded_from: float = 1e4,
    unit_tolerance: float = 0.03,
    rounding_max_share: float = 0.08,
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Numbers of A with no equal value in B, and of B with none in A, each value matched
    once ("five to ten" against "5 à 5": one 5 is left over). It is a conflict only when
    both lists are non-empty (a number on one side only is extra detail). An imperial
    quantity also matches its metric conversion within ``unit_tolerance``, or a round
    number it was rounded to (``rounding_max_share``)."""
    free = list(b)
    only_a = []
    for x in a:
        hit = next((k for k, y in enumerate(free) if _close(x.value, y.value, rounded_from)), None)
        if hit is None:
            hit = next(
                (k for k, y in enumerate(free) if _metric_close(x, y, unit_tolerance, rounding_max_share)),
                None,
            )
        if hit is None:
            only_a.append(x)
        else:
            free.pop(hit)
    return only_a, free


def fmt(value: float) -> str:
    """A value as a person writes it (12, 1.5, 1500000)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
