"""Markdown markup, found so that cleaning can leave it out without moving any offset.

Scrapers and extractors (trafilatura's ``output_format="markdown"``) write articles as
Markdown. Read as plain text, ``[Armenians](https://…)`` and ``**Azerbaijanis**`` reach
the encoder and the checks, a ``*By Jane Doe*`` byline is not read as a byline and list
items run together. :func:`markup` returns the markup's raw ranges and the offsets of the
lines that start a block (heading, list item, quote); :func:`masked` returns a same-length
copy of the text with the markup replaced, so every offset into it is an offset into the
file. Only the common constructs are read (CommonMark's inline emphasis, links, images,
code, headings, lists, quotes, rules, fences, link definitions, autolinks, inline HTML
tags, backslash escapes); anything else stays text, which is what it was before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Replaces markup in the text the cleaner copies from: dropped by the text builder.
DROP = "\x00"

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT_OR_RULE = re.compile(r"^ {0,3}(?:=+|-{2,}|(?:[-*_][ \t]*){3,})[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?=\S)")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[^\n]*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_CODE = re.compile(r"(`+)(?=\S)[^`\n]*?\S\1")
_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1(?![\w*_])")
_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=[^\s*_])[^\n*_]*?(?<=[^\s*_])\1(?![\w*_])")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>|])")
_LINE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True)
class Markup:
    """Where the markup is: raw ranges to leave out, and the line starts that open a block."""

    drop: tuple[tuple[int, int], ...]
    block_starts: frozenset[int]


def markup(text: str) -> Markup:
    """The Markdown markup of ``text`` (see the module docstring)."""
    drop: list[tuple[int, int]] = []
    starts: set[int] = set()
    in_fence = False
    for m in _LINE.finditer(text):
        line = m.group().rstrip("\n")
        at = m.start()
        if not m.group():
            break
        if _FENCE.match(line):
            in_fence = not in_fence
            drop.append((at, at + len(line)))
            continue
        if in_fence:
            continue  # code is kept as text
        if _SETEXT_OR_RULE.match(line) or _LINK_DEFINITION.match(line):
            drop.append((at, at + len(line)))
            continue
        pos = 0
        q = _QUOTE.match(line)
        if q:
            drop.append((at, at + q.end()))
            pos = q.end()
            starts.add(at)
        h = _HEADING.match(line, pos)
        li = _LIST.match(line, pos)
        if h:
            drop.append((at + pos, at + h.end()))
            c = _HEADING_CLOSE.search(line, h.end())
            if c:
                drop.append((at + c.start(), at + c.end()))
            starts.add(at)
        elif li:
            drop.append((at + pos, at + li.end()))
            starts.add(at)
        drop += _inline(line, at)
    return Markup(tuple(_merge(drop)), frozenset(starts))


def _inline(line: str, at: int) -> list[tuple[int, int]]:
    """Raw ranges of one line's inline markup (offsets from ``at``)."""
    out: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []  # spans already read (code, images, links): not re-read

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def delimiters(m: re.Match, n: int) -> list[tuple[int, int]]:
        """The ``n`` characters that open and the ``n`` that close match ``m``."""
        return [(at + m.start(), at + m.start() + n), (at + m.end() - n, at + m.end())]

    for m in _CODE.finditer(line):
        out += delimiters(m, len(m.group(1)))
        taken.append(m.span())
    for m in _IMAGE.finditer(line):
        if free(*m.span()):
            out.append((at + m.start(), at + m.end()))  # an image says nothing in the text
            taken.append(m.span())
    for m in _LINK.finditer(line):
        if free(*m.span()):
            out += [(at + m.start(), at + m.start() + 1), (at + m.end(1), at + m.end())]
            taken.append((m.end(1), m.end()))
    for m in _AUTOLINK.finditer(line):
        if free(*m.span()):
            out += delimiters(m, 1)
    for pattern in (_STRONG, _EMPHASIS):
        for m in pattern.finditer(line):
            if free(*m.span()):
                out += delimiters(m, len(m.group(1)))
    for pattern in (_TAG, _ESCAPE):  # dropped whole
        for m in pattern.finditer(line):
            if free(*m.span()):
                out.append((at + m.start(), at + m.end()))
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def masked(text: str, found: Markup, fill: str) -> str:
    """``text`` with every markup character replaced by ``fill`` (same length)."""
    parts, pos = [], 0
    for s, e in found.drop:
        parts += [text[pos:s], fill * (e - s)]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)
