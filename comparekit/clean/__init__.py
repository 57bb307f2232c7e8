"""Clean what PDF exports and web scrapes do to text, without losing the raw text.

``clean(doc, settings=...)`` returns the document with ``text`` (paragraphs separated by
a blank line, hard line wraps joined, whitespace collapsed, NFC), an
:class:`~comparekit.document.OffsetMap` back to ``raw_text``, the junk it took out of
running sentences (:class:`~comparekit.document.Removal`) and the paragraphs it joined
(:class:`~comparekit.document.Join`). It is idempotent: cleaning cleaned text changes
nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from comparekit.clean.builder import TextBuilder
from comparekit.clean.hyphen import keep_hyphen
from comparekit.clean.markdown import DROP, markup, masked
from comparekit.document import Document, Join, Removal
from comparekit.segment.sentences import split_sentences
from comparekit.settings import Settings

_LINE = re.compile(r"([^\r\n\f]*)(\r\n|\r|\n|\f|$)")
_URL_LINE = re.compile(r"^\s*(?:<?(?:https?://|www\.)\S+?>?)\s*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|p\.|seite|página|pagina|стр\.?)\s*)?\d{1,4}(?:\s*(?:/|of|de|von|из)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
# Sentence-final punctuation, looked for after trailing quotes and brackets are stripped.
_TERMINAL = ".!?…。！？"
# German closes quotes with “ ‘ « („Ja.“ ‚Ja.‘ »Ja.«), as segment/sentences.py knows: a
# line ending „... gehen.“ ends a sentence.
_TRAILING_CLOSERS = "\"'”’»)]›」』“‘« \u00a0"
# A next piece that starts with one of these (after quotes and spaces) continues a sentence.
_CONTINUATION = ",;:)]."
_LEADING_QUOTES = "\"'“”‘’«»„‹› \u00a0"
_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")
#: Characters of a line's end that the sentence splitter reads to tell whether it ends a
#: sentence (it looks at the word before the period: 16 characters are enough).
_SENTENCE_CONTEXT = 40


@dataclass
class _Line:
    start: int  # raw offset of the first character of the line
    end: int  # raw offset after the last content character (before the terminator)
    content: str
    form_feed: bool  # the line is followed by a form feed (a PDF page break)

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    @property
    def stripped(self) -> str:
        return self.content.strip()


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(raw):
        if m.start() == len(raw) and not m.group(0):
            break
        lines.append(_Line(m.start(1), m.end(1), m.group(1), m.group(2) == "\f"))
    return lines


def _strip_edge(text: str, chars: str, *, end: bool) -> str:
    """``text`` less ``chars`` and whitespace at one end: every character str.isspace()
    knows (control characters such as U+001F too), since the cleaned text shows them as
    spaces, and cleaning the cleaned text must decide the same."""

    def gone(ch: str) -> bool:
        return ch in chars or ch.isspace()

    if end:
        k = len(text)
        while k and gone(text[k - 1]):
            k -= 1
        return text[:k]
    k = 0
    while k < len(text) and gone(text[k]):
        k += 1
    return text[k:]


def _ends_sentence(text: str) -> bool:
    stripped = _strip_edge(text, _TRAILING_CLOSERS, end=True)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _continues_sentence(text: str) -> bool:
    stripped = _strip_edge(text, _LEADING_QUOTES, end=False)
    if not stripped:
        return False
    first = stripped[0]
    return first in _CONTINUATION or (first.isalpha() and first.islower())


def _lengths(lines: list[_Line]) -> list[int]:
    """The non-blank lines' lengths, sorted."""
    return sorted(len(line.stripped) for line in lines if not line.blank)


def _length_at(sizes: list[int], quantile: float) -> int:
    """The length at ``quantile`` of sorted ``sizes`` (0 for no lines)."""
    return sizes[int((len(sizes) - 1) * quantile)] if sizes else 0


#: The wrap width of the heading and label rules: the 75th percentile of the line lengths
#: (in a PDF export, the wrap width; in one-paragraph-per-line text, a long paragraph).
_WRAP_QUANTILE = 0.75


#: The text's width is the length of its lines at this quantile (a wrapped text's full lines
#: are its most common length, so the 90th percentile is a full line; part of the recipe of
#: clean.wrapped_min_full_lines, fixed before it was chosen).
_WIDTH_QUANTILE = 0.9
#: A full line of a wrapped text is at most this share over the width: a wrap never runs
#: past its width, and 5% lets a proportional font's wider lines in.
_FULL_LINE_MAX = 1.05
#: The fewest full open lines that can show a text is wrapped (fewer are too few to tell).
_MIN_WRAPS = 3


def _wrapped(lines: list[_Line], settings: Settings) -> bool:
    """Whether the lines are hard wraps at one width (a PDF export, an e-mail, a text
    filled by a program) rather than a paragraph a line (what trafilatura and most scrapers
    write when they put no blank line between blocks).

    In a wrapped text most lines are full: their length is close to the width (at least
    ``clean.wrapped_full_line_share`` of it). In a paragraph-a-line text lengths scatter,
    from a two-word menu item to a 600-character paragraph. A short wrapped text may have
    too few full lines to tell; it still shows its wraps: the lines that leave a sentence
    open before a line that does not continue it in lower case are mostly full (a wrap
    before "Muppets"), where a scraper's are menu items and headlines. The same share
    (``clean.wrapped_min_full_lines``) decides both. A text of one or two lines counts as
    wrapped, which leaves it as it was read before this test existed, and so does every
    text when that share is 0."""
    share = settings.clean.wrapped_min_full_lines
    sizes = _lengths(lines)
    if len(sizes) < 3 or share == 0:
        return True
    width = _length_at(sizes, _WIDTH_QUANTILE)
    if not settings.clean.wrapped_min_width <= width <= settings.clean.wrapped_max_width:
        return False  # menu items and list entries, or whole paragraphs: no wrap width
    low, high = settings.clean.wrapped_full_line_share * width, _FULL_LINE_MAX * width
    if sum(low <= size <= high for size in sizes) >= share * len(sizes):
        return True
    # Full lines that leave a sentence open: in a wrapped text the next line mostly goes on
    # in lower case (a wrap), even when short lines (a list, headings) outnumber full ones;
    # on a scraped page a long menu or headline line is followed by the next one.
    wraps = [
        _continues_sentence(b.stripped)
        for a, b in zip(lines, lines[1:])
        if not (a.blank or b.blank or _ends_sentence(a.content)) and low <= len(a.stripped) <= high
    ]
    if len(wraps) >= _MIN_WRAPS and sum(wraps) >= share * len(wraps):
        return True
    open_full = [
        len(a.stripped) <= high and not _fits(a.stripped, b.stripped, low)
        for a, b in zip(lines, lines[1:])
        if not (a.blank or b.blank or _ends_sentence(a.content) or _continues_sentence(b.stripped))
        and not a.stripped.endswith(("-", ",", ";", ":"))
    ]
    return bool(open_full) and sum(open_full) >= share * len(open_full)


def _runs_on(line: str) -> bool:
    """Whether the next line belongs to the paragraph of ``line`` in a text with a
    paragraph a line: after an abbreviation ("spoiler vs." / "Rockies") or a line-end
    hyphen ("Euro-" / "Atlantic"). A line in lower case after an open sentence is a
    paragraph of its own here and is then joined the way blank lines are (step 2), so the
    break is recorded as a :class:`~comparekit.document.Join` and the ``gap`` check can say
    that a link's words were dropped there ("Azerbaijanis in" / "is a headache"). A line
    that ends in a colon or a comma may be a label ("Search for:", "Teilen mit:") and stands
    alone."""
    if _ends_sentence(line):
        # Only an abbreviation's period runs on. The splitter is asked about the line
        # before a capitalised word, since after a real sentence end a line in lower case
        # starts a block of its own here ("... Privacy Policy." / "facebook twitter").
        return not _sentence_ends_before(line, "The")
    return bool(_HYPHEN_END.search(line))


def _wrap_before(line: str, following: str, full: float) -> bool:
    """Whether a wrap put the break after ``line``: it leaves a sentence open and the next
    line's first word would have made it longer than ``full`` characters (a full line).
    In a text with a paragraph a line, a line that goes on in lower case after such a
    break is the rest of a wrapped sentence (a wrapped text the layout test misread:
    "... fighting in" / "the region") and stays in its paragraph, so no ``gap`` is
    reported there; after a short line ("Azerbaijanis in" / "is a headache") it is joined
    the way blank lines are, and the ``gap`` check looks at it."""
    return not _ends_sentence(line) and not _fits(line, following, full)


def _sentence_end_share(lines: list[_Line]) -> float:
    """The share of non-blank lines that end a sentence: high when each line is a
    paragraph, low in wrapped text (a PDF export)."""
    full = [line for line in lines if not line.blank]
    return sum(_ends_sentence(line.content) for line in full) / len(full) if full else 0.0


_WORD = re.compile(r"[^\W\d_]+")


def _reads_as_sentence(text: str) -> bool:
    """A capitalised line of five words or more with mostly lower-case words after the
    first (at least 45%): a sentence, in English and in German (der, und, ist), not a Title
    Case line such as the second line of a wrapped headline ("Between Armenia and
    Azerbaijan?": 1 of 3), whose lower-case words are a few short ones (to, and, of)."""
    words = _WORD.findall(_strip_edge(text, _LEADING_QUOTES, end=False))
    if len(words) < 5 or not words[0][:1].isupper():
        return False
    return sum(w[:1].islower() for w in words[1:]) >= 0.45 * (len(words) - 1)


def _label_line(text: str, max_words: int) -> bool:
    """A short line that is no wrapped prose: at most ``max_words`` words, no sentence end,
    no lower-case or punctuation start (which would continue a sentence), no line-end
    hyphen, comma, colon or semicolon (a word or a clause running on): "Share this
    article", "Read more"."""
    words = text.split()
    if not words or len(words) > max_words or _continues_sentence(text):
        return False
    # any quote may close it here (German „Komm schon.“ ends a sentence, as « Non. » does)
    return _strip_edge(text, _LEADING_QUOTES + ")]", end=True)[-1:] not in (*_TERMINAL, *"-‐,;:", "")


def _fits(line: str, following: str, width: float) -> bool:
    """Whether ``line`` and the first word of ``following`` fit in ``width`` characters
    (if not, a wrap may have put the word on the next line)."""
    first = following.split(" ", 1)[0]  # a wrap keeps a no-break space's words together
    return len(line) + 1 + len(first) <= width


def _sentence_ends_before(line: str, label: str) -> bool:
    """Whether ``line`` ends a sentence before ``label`` as the sentence splitter reads it:
    not after an abbreviation ("spoiler vs." / "Rockies", "колокола Св." / "Мартина")."""
    if not _ends_sentence(line):
        return False
    tail = line[-_SENTENCE_CONTEXT:]
    return any(start == len(tail) + 1 for start, _ in split_sentences(f"{tail} {label}"))


def _title_case(text: str) -> bool:
    """Every word of four letters or more capitalised, and two words or more: a line of a
    wrapped Title Case headline ("Killer Pig Mauls" / "Chinese Farmer to Death")."""
    words = _WORD.findall(text)
    return len(words) >= 2 and all(w[:1].isupper() for w in words if len(w) >= 4)


def _running_headers(lines: list[_Line], min_repeats: int) -> set[str]:
    counts = Counter(line.stripped for line in lines if not line.blank and len(line.stripped.split()) <= 10)
    return {text for text, n in counts.items() if n >= min_repeats and not _ends_sentence(text)}


def _junk_reason(line: _Line, headers: set[str]) -> str | None:
    if _URL_LINE.match(line.content):
        return "url"
    if _PAGE_NUMBER.match(line.content):
        return "page_number"
    if line.stripped in headers:
        return "running_header"
    return None


@dataclass
class _Paragraph:
    lines: list[_Line]


def _edge_text(lines: Iterable[_Line], ignorable: str, *, from_end: bool = False) -> str:
    """The edge of a paragraph as the cleaned text will show it: the edge line, plus the
    next lines in while they hold nothing but quotes/brackets (a line that is just "«"
    is joined to the next one, so the join decision must see past it, or cleaning the
    cleaned text would decide differently). ``lines`` run from the edge inwards (with
    ``from_end``, from the paragraph's last line backwards) and may go on into the next
    paragraphs: a paragraph that is just "«" is joined to the next one too."""
    taken = []
    for line in lines:
        taken.append(line.content.strip())
        if line.content.strip(ignorable):
            break
    return " ".join(reversed(taken) if from_end else taken)


def _lines_from(paragraphs: list[_Paragraph], start: int, step: int) -> Iterator[_Line]:
    """The lines of ``paragraphs[start]`` and the paragraphs after it (``step`` 1) or
    before it (``step`` -1, each paragraph's lines last first), lazily."""
    k = start
    while 0 <= k < len(paragraphs):
        yield from paragraphs[k].lines if step > 0 else reversed(paragraphs[k].lines)
        k += step


def clean(doc: Document, *, settings: Settings) -> Document:
    """Clean ``doc.raw_text`` into ``doc.text`` with an offset map (see module doc)."""
    raw = doc.raw_text
    # Markdown (a .md file): the markup is read as spaces when finding lines, paragraphs
    # and sentence ends, and left out of the cleaned text; offsets do not move.
    md = markup(raw) if doc.meta.get("format") == "markdown" else None
    source = masked(raw, md, DROP) if md else raw
    lines = _split_lines(masked(raw, md, " ") if md else raw)
    sizes = _lengths(lines)
    headers = _running_headers(lines, settings.clean.running_header_min_repeats)
    language = doc.language or doc.meta.get("language") or "en"

    # 1. Paragraphs, with the junk lines and page breaks between them.
    paragraphs: list[_Paragraph] = []
    gaps: list[dict] = []  # gaps[i] lies between paragraphs[i] and paragraphs[i+1]
    pending_junk: list[tuple[_Line, str]] = []
    page_break = False
    current: list[_Line] = []

    def close_paragraph() -> None:
        nonlocal current, pending_junk, page_break
        if current:
            if paragraphs:
                gaps.append({"junk": pending_junk, "page_break": page_break})
            elif pending_junk:
                # Junk before the first paragraph does not interrupt a sentence: keep it.
                paragraphs.append(_Paragraph([j for j, _ in pending_junk]))
                gaps.append({"junk": [], "page_break": page_break})
            paragraphs.append(_Paragraph(current))
            current, pending_junk, page_break = [], [], False

    # A first line with no sentence end, followed by a line that reads as a sentence, is a
    # heading of its own ("Killer Pig Mauls Chinese Farmer to Death" then "A farmer was
    # attacked ..."), not the start of a wrapped sentence: in text with a paragraph per
    # line (most lines end a sentence) always, in wrapped text when it is short.
    heading_width = (
        float("inf")
        if _sentence_end_share(lines) >= settings.clean.paragraph_lines_min_share
        else settings.clean.heading_max_width_share * _length_at(sizes, _WRAP_QUANTILE)
    )

    # A label line ("Share this article", "Read more", "Subscribe") stands alone when the
    # next line does not continue it: not in lower case, not the rest of a wrapped Title
    # Case headline (two Title Case lines), not where a wrap put the break (the next line's
    # first word would not have fitted on the label's line: "Bei einigen" /
    # "Nationalversammlungsmitgliedern"). It is a paragraph of its own when it stands
    # alone and the line above is another label or ends a sentence.
    reasons = [None if line.blank else _junk_reason(line, headers) for line in lines]
    # In a text with a paragraph a line (not wrapped), each line is a paragraph (unless
    # _runs_on): a scraper's blocks without blank lines between them read as with them.
    # Markdown keeps its own rule (consecutive lines are one paragraph).
    per_line = md is None and not _wrapped(lines, settings)
    full_line = settings.clean.wrapped_full_line_share * _length_at(sizes, _WIDTH_QUANTILE)
    label_width = _length_at(sizes, _WRAP_QUANTILE)
    alone = [False] * len(lines)
    for k, line in enumerate(lines):
        if reasons[k] or not _label_line(line.stripped, settings.clean.label_line_max_words):
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        alone[k] = (
            nxt is None
            or nxt.blank
            or reasons[k + 1] is not None
            or (
                not _continues_sentence(nxt.stripped)
                and not (_title_case(line.stripped) and _title_case(nxt.stripped))
                and _fits(line.stripped, nxt.stripped, label_width)
            )
        )

    for k, line in enumerate(lines):
        reason = reasons[k]
        if line.blank or reason:
            close_paragraph()
            if reason:
                pending_junk.append((line, reason))
            if line.form_feed:
                page_break = True
            continue
        if current:
            prev = current[-1]
            indented = line.content[:1].isspace() and line.content.lstrip()[:1].isupper()
            block = md is not None and line.start in md.block_starts  # a heading, list item, quote
            heading = (
                len(current) == 1
                and not _ends_sentence(prev.content)
                and len(prev.stripped) < heading_width
                and _reads_as_sentence(line.stripped)
            )
            label = alone[k - 1] or (alone[k] and _sentence_ends_before(prev.stripped, line.stripped))
            own = (
                per_line
                and not _runs_on(prev.stripped)
                and not (
                    _continues_sentence(line.stripped)
                    and _wrap_before(prev.stripped, line.stripped, full_line)
                )
            )
            if (
                prev.form_feed
                or block
                or heading
                or label
                or own
                or (indented and _ends_sentence(prev.content))
            ):
                close_paragraph()
        current.append(line)
        if line.form_feed:
            page_break = True
    close_paragraph()

    # 2. Decide which gaps join two paragraphs into one (a sentence split by blank lines,
    #    a page break, or a removed URL / page number / header).
    removals: list[Removal] = []
    join_gap: list[bool] = []
    trailing_junk: list[tuple[_Line, str]] = list(pending_junk)
    for i, gap in enumerate(gaps):
        left = _edge_text(_lines_from(paragraphs, i, -1), _TRAILING_CLOSERS, from_end=True)
        right = _edge_text(_lines_from(paragraphs, i + 1, 1), _LEADING_QUOTES)
        interrupted = bool(gap["junk"]) or gap["page_break"]
        joins = not _ends_sentence(left) and (interrupted or _continues_sentence(right))
        join_gap.append(joins)
        for line, reason in gap["junk"]:
            if joins or reason != "url":
                removals.append(Removal(line.start, line.end, reason, line.content))
        if not joins:
            # A URL between two complete paragraphs is kept as a paragraph of its own.
            kept = [line for line, reason in gap["junk"] if reason == "url"]
            gap["kept"] = kept
    for line, reason in trailing_junk:
        if reason != "url":
            removals.append(Removal(line.start, line.end, reason, line.content))

    # 3. Build the cleaned text.
    b = TextBuilder(source, nfc=settings.clean.nfc, drop=md is not None)
    joins: list[Join] = []
    for i, para in enumerate(paragraphs):
        if i > 0:
            gap_start = paragraphs[i - 1].lines[-1].end
            kept = gaps[i - 1].get("kept", [])
            if join_gap[i - 1]:
                left = b.text_tail(40)
                text_offset = b.pos
                b.replace(gap_start, para.lines[0].start + _lead(para.lines[0].content), " ")
                reason = (
                    "page_break" if (gaps[i - 1]["junk"] or gaps[i - 1]["page_break"]) else "continuation"
                )
                joins.append(
                    Join(
                        text_offset, gap_start, para.lines[0].start, reason, left, para.lines[0].stripped[:40]
                    )
                )
            else:
                for line in kept:
                    b.replace(gap_start, line.start + _lead(line.content), "\n\n")
                    _copy_line(b, line, line.start + _lead(line.content), line.end)
                    gap_start = line.end
                b.replace(gap_start, para.lines[0].start + _lead(para.lines[0].content), "\n\n")
        else:
            b.skip_to(para.lines[0].start + _lead(para.lines[0].content))
        _copy_paragraph(b, para, language, settings)
    for line, reason in trailing_junk:
        if reason == "url" and b.pos:
            b.replace(b.raw_pos, line.start + _lead(line.content), "\n\n")
            _copy_line(b, line, line.start + _lead(line.content), line.end)
    text, offsets = b.build()
    return dataclasses.replace(
        doc,
        text=text,
        offsets=offsets,
        meta=doc.meta
        if md is not None
        else {**doc.meta, "line_layout": "paragraph_per_line" if per_line else "wrapped"},
        removals=tuple(sorted(removals, key=lambda r: r.start)),
        joins=tuple(joins),
    )


def _lead(content: str) -> int:
    return len(content) - len(content.lstrip())


def _copy_line(b: TextBuilder, line: _Line, start: int, end: int) -> None:
    content = line.content[start - line.start : end - line.start].rstrip()
    b.copy_collapsed(start, start + len(content))


def _copy_paragraph(b: TextBuilder, para: _Paragraph, language: str, settings: Settings) -> None:
    lines = para.lines
    for j, line in enumerate(lines):
        start = line.start + _lead(line.content)
        body = line.content[start - line.start :].rstrip()
        if j + 1 < len(lines):
            nxt = lines[j + 1]
            next_start = nxt.start + _lead(nxt.content)
            m = _HYPHEN_END.search(body)
            w = _WORD_START.match(nxt.content.lstrip())
            if m and w and not body.endswith("--"):
                hyphen_at = start + len(body) - 1
                b.copy_collapsed(start, hyphen_at)
                if keep_hyphen(m.group(1), w.group(1), language, settings.clean.dehyphenate_min_zipf):
                    b.copy_collapsed(hyphen_at, hyphen_at + 1)
                    b.drop_to(next_start)
                else:
                    b.drop_to(next_start)
                continue
            b.copy_collapsed(start, start + len(body))
            b.replace(start + len(body), next_start, " ")
        else:
            b.copy_collapsed(start, start + len(body))
