"""Damage inside article text: gaps, quotes, repeated fragments, punctuation, mojibake,
truncation. Each function is ``(doc, settings) -> list[Finding]`` on a prepared document;
offsets are found in cleaned text and mapped to raw offsets."""

from __future__ import annotations

import re

from comparekit.detect.scrape.common import (
    article_segments,
    ends_sentence,
    excerpt,
    finding,
    words_for,
)
from comparekit.document import Document
from comparekit.results import Finding
from comparekit.settings import Settings

_LAST_WORD = re.compile(r"([^\W\d_]+['’]?)\W*$")
_FIRST_WORD = re.compile(r"\W*?([^\W\d_]+)")
_LEAD_QUOTES = "\"“”„«»‹›' \u00a0"


def gaps(doc: Document, settings: Settings) -> list[Finding]:
    """``gap``: a sentence broken off after a word that cannot end it (a preposition,
    article, determiner) and continued in lower case after blank lines (or, in a text
    with a paragraph a line, on the next line) — the words of a dropped link stood there.
    Also ``the ,``: a closed-class word right before punctuation."""
    cfg = settings.scrape
    text = doc.text or ""
    dangling = words_for("dangling", doc.language) | words_for("closed", doc.language)
    out: list[Finding] = []
    for j in doc.joins:
        if j.reason != "continuation":
            continue
        left, right = j.left.rstrip(), j.right.lstrip()
        if not left or not right or left[-1] in _LEAD_QUOTES or right[0] in _LEAD_QUOTES:
            continue  # quotes around dropped words: empty_quote / unbalanced_quote say it
        m = _LAST_WORD.search(left)
        if not m or m.end(1) != len(left):
            continue
        word = m.group(1).lower()
        function_word = word in dangling
        if not function_word and not cfg.gap_after_content_words:
            continue
        # The flag spans the dangling word, the line break(s) and the next word.
        t0 = j.text_offset - (len(j.left) - m.start(1))
        blank = doc.raw_text.count("\n", j.raw_start, j.raw_end) > 1
        nxt = _FIRST_WORD.match(text, j.text_offset + 1)
        t1 = nxt.end(1) if nxt else j.text_offset + 1
        out.append(
            finding(
                doc,
                t0,
                t1,
                "gap",
                f"words are missing after {m.group(1)!r}: the sentence stops and goes on "
                f"{'after blank lines' if blank else 'on the next line'}; "
                "the scraper probably dropped a link's text here",
                confidence=cfg.gap_confidence if function_word else cfg.gap_content_word_confidence,
                evidence={"before": excerpt(j.left), "after": j.right[:40], "word": m.group(1)},
            )
        )
    closed = words_for("closed", doc.language)
    pattern = re.compile(r"(?<![\w'’])([^\W\d_]+)\s+(?=[,;:]|\.(?!\.))")
    for seg in article_segments(doc):
        for m in pattern.finditer(seg.text):
            if m.group(1).lower() not in closed:
                continue
            t0 = seg.text_start + m.start(1)
            t1 = seg.text_start + m.end() + 1
            out.append(
                finding(
                    doc,
                    t0,
                    t1,
                    "gap",
                    f"{m.group(1)!r} is followed by punctuation: a word (often a linked name) is missing",
                    confidence=cfg.gap_confidence,
                    evidence={"word": m.group(1)},
                )
            )
    return out


def _paragraph_spans(doc: Document) -> list[tuple[int, int, str]]:
    """Cleaned spans of the paragraphs that hold article segments: ``(start, end, kind)``."""
    spans: dict[int, list[int]] = {}
    kinds: dict[int, str] = {}
    for s in article_segments(doc):
        span = spans.setdefault(s.paragraph, [s.text_start, s.text_end])
        span[0], span[1] = min(span[0], s.text_start), max(span[1], s.text_end)
        kinds.setdefault(s.paragraph, s.kind)
    return [(a, b, kinds[p]) for p, (a, b) in sorted(spans.items())]


_OPENERS = "«„"
_CLOSERS = "»”"


def _straight_opens(para: str, i: int) -> bool | None:
    """Direction of a straight quote from its neighbours: after a space or bracket and
    before a word it opens; after a word or punctuation and before a space it closes;
    with spaces on both sides (scraped text) it is ambiguous (``None``)."""
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    space_before = before.isspace() or before in "([{—–/"
    space_after = after.isspace() or after in ".,;:!?)]"
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return None


def quotes(doc: Document, settings: Settings) -> list[Finding]:
    """``empty_quote`` (quotation marks around nothing) and ``unbalanced_quote`` (a quote
    opened and never closed while its paragraph breaks off mid-sentence).

    Quotes are matched over the article's paragraphs in order, because a quotation may run
    over several paragraphs (or one-sentence lines): an open quote is carried on, and a
    new one at the start of a paragraph continues it (the typographic convention). A new
    quote opening in mid-paragraph while one is still open means the first never closed.
    """
    cfg = settings.scrape
    text = doc.text or ""
    out: list[Finding] = []
    # Quotes still open (nesting allowed): cleaned offset, and whether the paragraph the
    # quote opened in ends a sentence. A quote left open at the end of a finished sentence
    # is the multi-paragraph convention (or a lost closing mark that changes nothing);
    # one left open where the paragraph breaks off mid-sentence is damage.
    stack: list[tuple[int, bool]] = []

    def unbalanced(t: int) -> None:
        out.append(
            finding(
                doc,
                t,
                t + 1,
                "unbalanced_quote",
                "a quotation opens here and never closes: the end of the quote (or of the "
                "sentence) was probably cut off by the scraper",
                confidence=cfg.unbalanced_quote_confidence,
                evidence={"context": text[max(0, t - 30) : t + 30]},
            )
        )

    for p0, p1, _kind in _paragraph_spans(doc):
        para = text[p0:p1]
        german = "„" in para
        for i, ch in enumerate(para):
            if ch == '"':
                opening = _straight_opens(para, i)
                if opening is None:  # close a quote opened in this paragraph, else open
                    opening = not stack or stack[-1][0] < p0
                elif not opening and not stack and i and para[i - 1] in "sS" and para[i + 1 : i + 2] == " ":
                    continue  # Dragons" Den: a possessive apostrophe typed as a quote
            elif ch in "«»" and (side := _straight_opens(para, i)) is not None:
                # Guillemets point either way: French « … » and «…», German »…«. Written
                # against a word on one side and a space on the other, they say which.
                opening = side
            elif ch in _OPENERS or (ch == "“" and not german):
                opening = True
            elif ch in _CLOSERS or (ch == "“" and german):
                opening = False
            else:
                continue
            t = p0 + i
            if opening:
                while stack and stack[-1][0] < p0:
                    start, finished = stack.pop()  # superseded by a quote in a later paragraph
                    if not finished:
                        unbalanced(start)
                stack.append((t, ends_sentence(para)))
            elif not stack:
                # A close with no opener is not flagged: in one-sentence-a-line text the
                # opener sits in an earlier line more often than it was lost (NTREX).
                continue
            else:
                start, _finished = stack.pop()
                if not text[start + 1 : t].strip(" \u00a0\u202f\t\n"):
                    out.append(
                        finding(
                            doc,
                            start,
                            t + 1,
                            "empty_quote",
                            "quotation marks around nothing: the quoted words (usually a link) were dropped",
                            confidence=cfg.empty_quote_confidence,
                            evidence={"context": text[max(0, start - 30) : t + 30]},
                        )
                    )
    for t, finished in stack:
        if not finished:
            unbalanced(t)
    return out


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\"“”„«»‹›]", '"', text).lower().split())


def duplicates(doc: Document, settings: Settings) -> list[Finding]:
    """``duplicate_fragment``: an article paragraph whose whole text occurs again in another
    paragraph (a pull quote or a fragment the scraper copied twice). The copy that stands
    alone is flagged; the longer paragraph is the running text."""
    cfg = settings.scrape
    text = doc.text or ""
    paras = [(a, b, _norm(text[a:b])) for a, b, k in _paragraph_spans(doc) if k == "body"]
    out: list[Finding] = []
    for i, (a, b, norm) in enumerate(paras):
        if len(norm.split()) < cfg.duplicate_min_words or len(norm) < cfg.duplicate_min_chars:
            continue
        if ends_sentence(norm) and len(norm.split()) < cfg.duplicate_sentence_min_words:
            continue  # a short full sentence ("It is very bad.") may well be said twice
        for j, (c, d, other) in enumerate(paras):
            if i == j or norm not in other or (norm == other and j > i):
                continue
            if i < cfg.duplicate_summary_paragraphs and i < j:
                continue  # summary bullets above the article repeat its sentences on purpose
            exact = norm == other
            out.append(
                finding(
                    doc,
                    a,
                    b,
                    "duplicate_fragment",
                    (
                        "this paragraph repeats another one word for word"
                        if exact
                        else "this fragment repeats part of a later or earlier paragraph: "
                        "a pull quote or a piece the scraper copied twice"
                    ),
                    confidence=cfg.duplicate_confidence,
                    evidence={"repeats": doc.to_raw(c, d), "text": excerpt(text[c:d], 80)},
                )
            )
            break
    return out


_DOUBLE = re.compile(r"(?<![.\d])([.,;:])[ \u00a0]?(?!\1\1)([.,;])(?![.\d])")
_ORPHAN = re.compile(r"(?<=[^\W_])[ \u00a0]+([,.;:!?])(?=\s|$)")
_ORPHAN_FR = re.compile(r"(?<=[^\W_])[ \u00a0]+([,.])(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:\b(?:\w\.)+\w|\b\w{1,4})$")
# Enough for either form: a match ending at the mark implies one inside this many
# characters before it (\b still sees the character before the window).
_ABBREVIATION_WINDOW = 16
_LINE_START = re.compile(r"^[,.;:]\s")


def punctuation(doc: Document, settings: Settings) -> list[Finding]:
    """``double_punctuation`` (`. .`, `,,`, `.,`; not an ellipsis) and
    ``orphan_punctuation`` (a comma or stop separated from its word by a space — French
    spaces before `: ; ! ?` are typography, not damage — or a paragraph that starts with
    one)."""
    cfg = settings.scrape
    out: list[Finding] = []
    orphan = _ORPHAN_FR if doc.language == "fr" else _ORPHAN
    for seg in article_segments(doc):
        taken: list[tuple[int, int]] = []
        for m in _DOUBLE.finditer(seg.text):
            # the abbreviation is in the few characters before the mark: search only those
            # (the whole text before it made long runs of marks quadratic)
            before = max(0, m.start() - _ABBREVIATION_WINDOW)
            if m.group(1) == "." and m.group(2) != "." and _ABBREVIATION.search(seg.text, before, m.start()):
                continue  # "U.S.," "Inc.,": the period belongs to an abbreviation
            t0, t1 = seg.text_start + m.start(), seg.text_start + m.end()
            taken.append((m.start(), m.end()))
            out.append(
                finding(
                    doc,
                    t0,
                    t1,
                    "double_punctuation",
                    f"doubled punctuation {m.group(0)!r}: words between the marks were probably dropped",
                    confidence=cfg.punctuation_confidence,
                    suggestion=m.group(2) if m.group(1) == m.group(2) else None,
                )
            )
        for m in orphan.finditer(seg.text):
            if any(a <= m.start(1) < b for a, b in taken):
                continue
            t0 = seg.text_start + m.start(1)
            out.append(
                finding(
                    doc,
                    t0,
                    t0 + 1,
                    "orphan_punctuation",
                    f"{m.group(1)!r} stands apart from the word before it: text may be missing or "
                    "a line was re-joined badly",
                    confidence=cfg.punctuation_confidence * 0.8,
                )
            )
        if (
            _LINE_START.match(seg.text)
            and seg.index
            and doc.segments[seg.index - 1].paragraph != seg.paragraph
        ):
            out.append(
                finding(
                    doc,
                    seg.text_start,
                    seg.text_start + 1,
                    "orphan_punctuation",
                    "the paragraph starts with punctuation: the text before it was lost",
                    confidence=cfg.punctuation_confidence,
                )
            )
    return out


def mojibake(doc: Document, settings: Settings) -> list[Finding]:
    """``mojibake``: text decoded with the wrong encoding (ftfy's badness heuristic),
    flagged word by word, with ftfy's repair as the suggestion."""
    import ftfy
    from ftfy.badness import BADNESS_RE

    text = doc.text or ""
    out: list[Finding] = []
    spans: list[list[int]] = []
    for m in BADNESS_RE.finditer(text):
        a, b = m.start(), m.end()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        if spans and a <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    for a, b in spans:
        word = text[a:b]
        fixed = ftfy.fix_encoding(word)
        if fixed == word and not ftfy.badness.is_bad(word):
            continue
        out.append(
            finding(
                doc,
                a,
                b,
                "mojibake",
                "garbled characters: the text was decoded with the wrong encoding (UTF-8 read as "
                "Windows-1252 or similar)",
                confidence=settings.scrape.mojibake_confidence if fixed != word else 0.5,
                suggestion=fixed if fixed != word else None,
            )
        )
    return out


def truncation(doc: Document, settings: Settings) -> list[Finding]:
    """``truncated``: the article's last body sentence does not end (the text stops
    mid-sentence, before any trailing non-article lines): it is long, or it stops on a
    word that cannot end a sentence (short unterminated last lines are sign-offs)."""
    cfg = settings.scrape
    body = [s for s in doc.segments if s.kind == "body"]
    if not body:
        return []
    last = body[-1]
    words = last.text.split()
    dangling = words_for("dangling", doc.language) | words_for("closed", doc.language)
    stops_on_function_word = len(words) >= 4 and words[-1].lower() in dangling
    if ends_sentence(last.text) or (len(words) < cfg.truncated_min_words and not stops_on_function_word):
        return []
    m = re.search(r"\S+\s*$", last.text)
    t0 = last.text_start + (m.start() if m else 0)
    return [
        finding(
            doc,
            t0,
            last.text_end,
            "truncated",
            "the article text ends inside a sentence: the rest was probably cut off (a paywall, a "
            "page limit or a scraper stopping early)",
            confidence=cfg.truncated_confidence,
            evidence={"last_sentence": excerpt(last.text, 80)},
        )
    ]
