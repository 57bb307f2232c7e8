"""Tell article text from the lines around it: titles, bylines, captions, boilerplate.

Each paragraph gets a kind from cue lists (en, fr, de, es, it, ru) plus structure: its
length, whether it ends like a sentence, whether it has any function word (a crude but
language-independent "has a verb phrase" test), and its neighbours (site chrome comes in
runs of short lines; a subheading sits between prose paragraphs). Cues live in
``comparekit/data/kind_cues.json`` so they can be extended without code changes.

Cue lists run before the language is known (segmenting comes before langid), so every
list is the union over the languages: a German cue cannot fire on English prose because
the cues are anchored phrases, not single common words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

_TERMINAL = ".!?…。！？"
_LIST_MARKS = re.compile(r"[\d,;]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Languages whose most frequent words count as function words in the structure rule.
_FUNCTION_WORD_LANGUAGES = ("en", "fr", "de", "es", "it", "ru", "pt", "nl", "pl")


@dataclass(frozen=True)
class KindDecision:
    """The kind of one paragraph (``None``: sentence rules decide) and why.

    ``reason`` is ``cue:<list>`` (a cue list matched), ``structure`` (a short, verbless
    line among other non-article lines), ``list`` (a line inside a related-links list)
    or ``""``.
    """

    kind: str | None
    reason: str = ""


@lru_cache(maxsize=1)
def _cues() -> dict[str, _CueList]:
    raw = json.loads(resources.files("comparekit.data").joinpath("kind_cues.json").read_text("utf-8"))
    return {kind: _CueList(patterns) for kind, patterns in raw.items() if not kind.startswith("_")}


class _CueList:
    """One kind's cue patterns as two regexes: the ``^``-anchored ones joined and tried at
    the start of the line only, the rest searched. One alternation mixing both is tried at
    every position of the line, anchored branches included (8x slower on NTREX)."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self._anchored = (
            re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE) if anchored else None
        )
        self._floating = (
            re.compile("|".join(f"(?:{p})" for p in floating), re.IGNORECASE) if floating else None
        )

    def search(self, text: str) -> bool:
        """Whether any pattern matches (``re.search`` semantics for each pattern)."""
        return bool(
            (self._anchored is not None and self._anchored.match(text))
            or (self._floating is not None and self._floating.search(text))
        )


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The 100 most frequent words of each language in wordfreq: articles, prepositions,
    pronouns, auxiliaries. A line with none of them has no clause (a label, a name, a
    menu item). Read from comparekit/data/function_words.json, a copy of wordfreq's
    ``top_n_list`` (loading the lists cost ~0.6 s of every cold start); a test checks
    that the copy still equals wordfreq."""
    table = json.loads(resources.files("comparekit.data").joinpath("function_words.json").read_text("utf-8"))
    return frozenset(w for lang in _FUNCTION_WORD_LANGUAGES for w in table[lang])


def _ends_sentence(text: str) -> bool:
    # Closing quotes of every convention: German „…“, ‚…‘ and »…« close with “ ‘ «.
    stripped = text.rstrip("\"'”’“‘»«›‹)] \u00a0")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _is_name_line(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _ends_sentence(text)


def _covered_script(word: str) -> bool:
    """Latin or Cyrillic letters only: the scripts of the function-word languages."""
    return all(ch < "\u0250" or "\u0400" <= ch < "\u0530" or "\u1e00" <= ch < "\u1f00" for ch in word)


def verbless_label(text: str, max_words: int) -> bool:
    """A short line with no function word, no sentence ending and no lower-case start:
    a label, menu item or name rather than a piece of prose."""
    words = text.split()
    if not words or len(words) > max_words or _ends_sentence(text):
        return False
    first = text.lstrip("\"'“‘«(„[")[:1]
    if first.islower() or first.isdigit():
        return False
    letters = _WORD.findall(text)
    if not letters or not all(_covered_script(w) for w in letters):
        return False  # no function-word list for this script: cannot tell a label from prose
    fw = function_words()
    return not any(w.lower() in fw for w in letters)


def shouting(text: str, max_words: int) -> bool:
    """A short line in capitals only (at least two words of two letters or more): menu
    entries, calls to action and promo banners ("HAZTE MIEMBRO", "NEW AND EXCITING")."""
    words = text.split()
    letters = _WORD.findall(text)
    return (
        0 < len(words) <= max_words
        and sum(len(w) > 1 for w in letters) >= 2
        and all(w.isupper() for w in letters)
        and not _ends_sentence(text)
    )


_TEASER_KICKER = re.compile(r"^([^\W\d_][\w.&/-]*(?: [\w.&/-]+){0,3}): [\"„“«]?([^\W\d_])")
_TEASER_DASH = re.compile(r" [–—] ")
_INNER_SENTENCE_END = re.compile(r"[.!?] ")


def _capitalised(text: str) -> bool:
    first = text.lstrip("\"'“‘«„")[:1]
    return first.isalpha() and first.isupper()


def teaser(text: str, max_words: int, min_headline_words: int = 1) -> bool:
    """A teaser headline of a link to another article: a kicker label (no function word)
    and a colon before a capitalised headline ("Skoda: Der lange Weg zum Strom", "NYC
    election results: A surprisingly tight race"), or two capitalised parts joined by a
    spaced dash ("Nicklaus – Mann der großen Worte"); short, with no sentence end. The
    part after the colon or dash has at least ``min_headline_words`` words (a shorter
    one is more often a product or name label: "Kreole: Stella Hoops")."""
    words = text.split()
    if not words or len(words) > max_words or _ends_sentence(text) or _INNER_SENTENCE_END.search(text):
        return False
    m = _TEASER_KICKER.match(text)
    if m:
        fw = function_words()
        return (
            m.group(2).isupper()
            and len(text[m.end(1) + 1 :].split()) >= min_headline_words
            and not any(w.lower() in fw for w in _WORD.findall(m.group(1)))
        )
    parts = _TEASER_DASH.split(text)
    return (
        len(parts) == 2
        and all(_capitalised(part) for part in parts)
        and len(parts[1].split()) >= min_headline_words
    )


def _cue_kind(text: str, words: int, short: bool, limits: Mapping[str, int]) -> str | None:
    cues = _cues()
    # Length limits first: the boilerplate cue alone is a 28 kB alternation (~4 ms a line).
    if (short or words <= limits["tags"]) and cues["tags"].search(text):
        return "tags"
    if words <= limits["byline"] and cues["byline"].search(text):
        return "byline"
    if cues["date_only"].search(text):
        return "dateline"
    if words <= limits["byline"] and cues["dateline"].search(text):
        return "dateline"
    # A line that is only a bracketed credit, "(Credit: Clayton Aldern / Grist)", is a
    # credit; the same bracket closing a longer line ends a caption ("... (Photo: AFP)").
    if text.startswith("(") and words <= limits["credit"] and cues["credit"].search(text):
        return "credit"
    if words <= 60 and cues["caption"].search(text):
        return "caption"
    if words <= limits["credit"] and cues["credit"].search(text):
        return "credit"
    if words <= limits["boilerplate"] and cues["boilerplate"].search(text):
        return "boilerplate"
    return None


def classify_paragraphs(paragraphs: list[str], *, settings: Any = None) -> list[KindDecision]:
    """A :class:`KindDecision` for each paragraph (stripped text of one paragraph each).

    ``settings`` is the run's :class:`~comparekit.settings.Settings` (defaults when
    ``None``); the ``[segment]`` section holds the length limits.
    """
    if settings is None:
        from comparekit.settings import Settings

        settings = Settings()
    seg = settings.segment
    limits = {
        "byline": seg.byline_max_words,
        "credit": seg.credit_max_words,
        "boilerplate": seg.boilerplate_max_words,
        "tags": seg.short_line_max_words,
    }
    cues = _cues()
    decisions: list[KindDecision] = []
    in_related_list = False
    for i, para in enumerate(paragraphs):
        text = para.strip()
        words = len(text.split())
        short = words <= seg.short_line_max_words
        decision = KindDecision(None)
        if cues["related_heading"].search(text):
            decision = KindDecision("related", "cue:related_heading")
            in_related_list = True  # a heading that introduces a list of links
        elif cues["related_inline"].search(text) and words <= seg.related_max_words:
            decision = KindDecision("related", "cue:related_inline")
        elif in_related_list and words <= seg.related_max_words and not _ends_sentence(text):
            decision = KindDecision("related", "list")
        elif i > 0 and decisions[-1].kind == "byline" and _is_name_line(text):
            decision = KindDecision("byline", "list")
        else:
            kind = _cue_kind(text, words, short, limits)
            if kind:
                decision = KindDecision(kind, f"cue:{kind}")
        if decision.kind != "related":
            in_related_list = False
        decisions.append(decision)
    decisions = _structure_pass(
        paragraphs,
        decisions,
        seg.verbless_max_words,
        seg.lone_label_max_words,
        seg.menu_line_max_words,
        seg.menu_min_run,
        seg.shouting_max_words,
        seg.teaser_max_words,
        seg.teaser_min_headline_words,
    )
    decisions = _page_tail(
        paragraphs, decisions, seg.tail_prose_min_words, seg.tail_max_words, seg.tail_min_lines
    )
    decisions = _sandwiched(paragraphs, decisions, seg.sandwich_max_words)
    if seg.line_model:
        decisions = _model_pass(paragraphs, decisions, seg)
    return decisions


def _model_pass(paragraphs: list[str], decisions: list[KindDecision], seg: Any) -> list[KindDecision]:
    """The learned paragraph classifier (:mod:`comparekit.segment.linemodel`) has the last
    word on the lines the cue and list rules did not mark: a line the rules left open is
    boilerplate (reason ``model``) at a probability of at least the ``*_add`` threshold,
    and a structure-rule flag is dropped below the ``*_keep`` threshold. A document of one
    paragraph has its own model and thresholds (``alone``; no neighbours to read)."""
    from comparekit.segment.linemodel import feature_matrix, page_additions_allowed, probabilities

    if not paragraphs:
        return decisions
    rows = feature_matrix(paragraphs, decisions, prose_min_words=seg.tail_prose_min_words)
    if len(paragraphs) == 1:
        part, keep, add = "alone", seg.line_model_alone_keep, seg.line_model_alone_add
        may_add = [True]
    else:
        part, keep, add = "page", seg.line_model_page_keep, seg.line_model_page_add
        may_add = page_additions_allowed(
            rows, near_flag=seg.line_model_add_near_flag, sentences=seg.line_model_add_sentences
        )
    out = list(decisions)
    for i, p in enumerate(probabilities(rows, part)):
        d = decisions[i]
        if d.kind is None and p >= add and may_add[i]:
            out[i] = KindDecision("boilerplate", "model")
        elif d.reason == "structure" and p < keep:
            out[i] = KindDecision(None)
    return out


def lone_label(text: str, max_words: int) -> bool:
    """A label with no context at all: stricter than :func:`verbless_label` (no digits,
    commas or semicolons, which mark list items, quantities and fragments of prose)."""
    return verbless_label(text, max_words) and not _LIST_MARKS.search(text)


def _structure_pass(
    paragraphs: list[str],
    decisions: list[KindDecision],
    max_words: int,
    lone_max_words: int,
    menu_max_words: int,
    menu_min_run: int,
    shouting_max_words: int,
    teaser_max_words: int,
    teaser_min_headline_words: int,
) -> list[KindDecision]:
    """Short verbless lines, short lines in capitals only and teaser headlines
    (:func:`teaser`) become boilerplate when they stand among non-article lines.

    A label next to another label or a cue-marked line is site chrome (menus, footers,
    share bars); the same label between two prose paragraphs is a subheading, and the
    first line of a longer document is its headline, so both are left alone. A document
    of one line has no neighbours to say otherwise: a stricter, shorter label test
    (:func:`lone_label`) decides alone.
    """
    n = len(paragraphs)
    shouts = [
        d.kind is None and shouting(p.strip(), shouting_max_words) for p, d in zip(paragraphs, decisions)
    ]
    teasers = [
        d.kind is None and teaser(p.strip(), teaser_max_words, teaser_min_headline_words)
        for p, d in zip(paragraphs, decisions)
    ]
    labels = [
        d.kind is None and (verbless_label(p.strip(), max_words) or shout or tease)
        for p, d, shout, tease in zip(paragraphs, decisions, shouts, teasers)
    ]
    out = list(decisions)
    for i in range(n):
        if not labels[i]:
            continue
        if n == 1:
            if shouts[i] or teasers[i] or lone_label(paragraphs[i].strip(), lone_max_words):
                out[i] = KindDecision("boilerplate", "structure")
            continue
        if i == 0:
            continue  # headline position
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < n]
        if any(decisions[j].kind not in (None, "caption") or labels[j] for j in neighbours):
            out[i] = KindDecision("boilerplate", "structure")
    return _menu_runs(paragraphs, out, menu_max_words, menu_min_run)


def _menu_line(text: str, max_words: int) -> bool:
    words = text.split()
    first = text.lstrip("\"'“‘«(„[")[:1]
    return (
        0 < len(words) <= max_words
        and not _ends_sentence(text)
        and not _LIST_MARKS.search(text)
        and not first.islower()
        and not text.rstrip().endswith(":")
    )


def _menu_runs(
    paragraphs: list[str], decisions: list[KindDecision], max_words: int, min_run: int
) -> list[KindDecision]:
    """A run of at least ``min_run`` short lines without sentence ends, digits or commas
    (navigation menus, footer link lists, teaser titles) is boilerplate; lines that
    already have a kind keep it, and the first line of the document (the headline) is
    never part of a run."""
    out = list(decisions)
    i = 1
    n = len(paragraphs)
    while i < n:
        j = i
        while (
            j < n
            and (out[j].kind is None or out[j].reason == "structure")
            and _menu_line(paragraphs[j].strip(), max_words)
        ):
            j += 1
        if j - i >= min_run:
            for k in range(i, j):
                if out[k].kind is None:
                    out[k] = KindDecision("boilerplate", "structure")
        i = max(j, i + 1)
    return out


def _page_tail(
    paragraphs: list[str],
    decisions: list[KindDecision],
    prose_min_words: int,
    max_words: int,
    min_lines: int,
) -> list[KindDecision]:
    """Short lines without a sentence end or a lower-case start (a continuation) after the
    article's last prose paragraph (one of at least ``prose_min_words`` words that ends a
    sentence) are the page's footer: link lists, teasers, labels. A short last sentence ("He declined to comment.") ends
    a sentence and stays, and so does a cut-off last paragraph longer than
    ``max_words`` (the ``truncated`` check reports it). A tail with fewer than
    ``min_lines`` non-article lines (these and lines that already have a kind) is left
    alone: one closing line is as often the author's note ("Chris Leslie is MP for
    Nottingham East") as a footer."""
    prose = [
        i
        for i, (p, d) in enumerate(zip(paragraphs, decisions))
        if d.kind is None and len(p.split()) >= prose_min_words and _ends_sentence(p.strip())
    ]
    if not prose:
        return decisions
    tail = range(prose[-1] + 1, len(paragraphs))
    candidates = [
        i
        for i in tail
        if decisions[i].kind is None
        and 0 < len(paragraphs[i].split()) <= max_words
        and not _ends_sentence(paragraphs[i].strip())
        and not paragraphs[i].strip().lstrip("\"'“‘«(„[")[:1].islower()
    ]
    if len(candidates) + sum(decisions[i].kind is not None for i in tail) < min_lines:
        return decisions
    out = list(decisions)
    for i in candidates:
        out[i] = KindDecision("boilerplate", "structure")
    return out


def _sandwiched(paragraphs: list[str], decisions: list[KindDecision], max_words: int) -> list[KindDecision]:
    """A paragraph of at most ``max_words`` words between two non-article lines (both
    with a kind other than caption) is part of the same block of site text: a
    disclaimer under its heading, an author blurb between the author's name and the
    share bar. Decided on the kinds before this pass (no chains)."""
    out = list(decisions)
    flagged = [d.kind not in (None, "caption") for d in decisions]
    for i in range(1, len(paragraphs) - 1):
        if (
            decisions[i].kind is None
            and flagged[i - 1]
            and flagged[i + 1]
            and len(paragraphs[i].split()) <= max_words
        ):
            out[i] = KindDecision("boilerplate", "structure")
    return out


def paragraph_kinds(
    paragraphs: list[str], *, short_line_max_words: int | None = None, settings: Any = None
) -> list[str | None]:
    """A kind for each paragraph, or ``None`` where sentence-level rules decide (body,
    title, standfirst). ``short_line_max_words`` overrides the setting of that name."""
    if short_line_max_words is not None and (
        settings is None or settings.segment.short_line_max_words != short_line_max_words
    ):
        from comparekit.settings import Settings

        settings = (settings or Settings()).replace("segment", short_line_max_words=short_line_max_words)
    return [d.kind for d in classify_paragraphs(paragraphs, settings=settings)]
