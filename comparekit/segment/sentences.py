"""Rule-based sentence splitting with exact offsets.

Splits after sentence-final punctuation (plus closing quotes and brackets) when the next
word starts like a sentence, except after known abbreviations and initials. Rules are
multilingual (en, fr, de, es, it, ru, pt, nl) and return ``(start, end)`` offsets into
the paragraph, so no character moves.
"""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence (lower-cased, no period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st mt jr sr
    inc ltd co corp plc dept univ assn bros vs etc e.g i.e cf al approx est fig figs
    no nos vol vols pp p ch art sec para ed eds jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue wed thu fri sat sun u.s u.k u.n e.u
    m mme mmes mlle mlles mgr me pr cf. env.
    hr fr frl nr bzw usw z.b d.h u.a s.o vgl ca
    sra srta dña dn núm pág av avda ud uds
    sig sigg dott ing avv
    г гг т.е т.д т.п им ул д. тыс млн млрд руб коп
    """.split()
)

_BOUNDARY = re.compile(
    r"""
    (?P<punct>[.!?…。！？]+)          # sentence-final punctuation
    (?P<close>(?:[ \u00a0\u202f]?["'”’»)\]›」』])*)  # closing quotes and brackets (« Non. »)
    (?P<space>\s*)                     # whitespace (none needed after CJK stops)
    (?=(?P<next>["'“‘«(\[„‹¿¡]*\s*[\w\d]))  # the next sentence's first word
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _starts_sentence(text: str) -> bool:
    stripped = text.lstrip("\"'“‘«(\\[„‹¿¡ \u00a0")
    if not stripped:
        return False
    ch = stripped[0]
    return ch.isupper() or ch.isdigit() or not ch.isalpha() or ch.isalpha() and not ch.islower()


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans ``(start, end)`` (stripped, end exclusive)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        if not m.group("space") and m.group("punct")[-1] not in "。！？":
            continue
        if m.group("punct") == "." or m.group("punct").endswith("."):
            before = _WORD_BEFORE.search(paragraph, 0, m.start("punct"))
            word = before.group(1).lower() if before else ""
            if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
                continue
            # A single letter before the period is an initial ("J. Smith"), unless the
            # punctuation run is longer than one dot.
            if len(word.rstrip(".")) == 1 and word[:1].isalpha() and m.group("punct") == ".":
                continue
            if not _starts_sentence(m.group("next")):
                continue
        elif not _starts_sentence(m.group("next")) and m.group("punct") not in "。！？":
            continue
        end = m.end("close")
        spans.append((start, end))
        start = m.end("space")
    spans.append((start, len(paragraph)))
    out = []
    for s, e in spans:
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
