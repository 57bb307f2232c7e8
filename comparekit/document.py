"""The one type that flows through the per-document stages.

A :class:`Document` is frozen. Each stage returns a new one via ``dataclasses.replace``.
``raw_text`` is the file as decoded, never modified; cleaning adds ``text`` plus an
:class:`OffsetMap` so that every span in cleaned text maps back to raw offsets through
:meth:`Document.to_raw`. No I/O and no models here.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: Segment kinds (DESIGN.md). Only ALIGNABLE_KINDS take part in claim alignment.
SEGMENT_KINDS = (
    "title",
    "standfirst",
    "byline",
    "dateline",
    "caption",
    "body",
    "boilerplate",
    "related",
    "tags",
    "credit",
)
ALIGNABLE_KINDS = frozenset({"title", "standfirst", "body"})


@dataclass(frozen=True)
class Run:
    """One piece of cleaned text and where it came from in the raw text.

    ``text[t0:t1]`` came from ``raw[r0:r1]``. When both have the same length the mapping
    is character by character; otherwise the piece is a replacement (collapsed
    whitespace, a paragraph break, an NFC-composed cluster) and maps as a whole.
    """

    t0: int
    t1: int
    r0: int
    r1: int

    @property
    def linear(self) -> bool:
        return (self.t1 - self.t0) == (self.r1 - self.r0)


class OffsetMap:
    """Maps offsets in cleaned text back to offsets in raw text.

    Built from contiguous :class:`Run` objects covering the cleaned text; raw text that
    cleaning dropped simply has no run. Lookups are ``O(log n_runs)``.
    """

    __slots__ = ("_runs", "_starts", "text_length", "raw_length")

    def __init__(self, runs: Sequence[Run], text_length: int, raw_length: int) -> None:
        self._runs = tuple(runs)
        self._starts = [r.t0 for r in self._runs]
        self.text_length = text_length
        self.raw_length = raw_length
        pos = 0
        for r in self._runs:
            if r.t0 != pos or r.t1 < r.t0 or r.r1 < r.r0:
                raise ValueError(f"offset runs are not contiguous at text offset {pos}")
            pos = r.t1
        if pos != text_length:
            raise ValueError("offset runs do not cover the cleaned text")

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning left unchanged."""
        return cls([Run(0, length, 0, length)] if length else [], length, length)

    @property
    def runs(self) -> tuple[Run, ...]:
        return self._runs

    def _run_at(self, t: int) -> Run:
        i = bisect.bisect_right(self._starts, t) - 1
        return self._runs[max(i, 0)]

    def raw_start(self, t: int) -> int:
        """Raw offset of the character at cleaned offset ``t``."""
        if not self._runs:
            return 0
        if t >= self.text_length:
            return self._runs[-1].r1
        run = self._run_at(t)
        return run.r0 + (t - run.t0) if run.linear else run.r0

    def raw_end(self, t: int) -> int:
        """Raw offset just after the character at cleaned offset ``t - 1``."""
        if not self._runs or t <= 0:
            return self.raw_start(0) if self._runs else 0
        run = self._run_at(t - 1)
        return run.r0 + (t - run.t0) if run.linear else run.r1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the cleaned span ``[start, end)`` to a raw span (end exclusive)."""
        if end <= start:
            r = self.raw_start(start)
            return r, r
        return self.raw_start(start), self.raw_end(end)


@dataclass(frozen=True)
class Removal:
    """Raw text that cleaning took out of the running text, and why.

    ``reason`` is one of ``url``, ``page_number``, ``running_header``, ``form_feed``.
    """

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class Join:
    """Two paragraphs that cleaning joined across blank lines into one (or across a line
    break, in a text with a paragraph a line).

    ``text_offset`` is where the join sits in cleaned text; ``raw_start``/``raw_end``
    cover the raw characters between the two pieces. ``reason`` is ``continuation``
    (the first piece ends mid-sentence and the second starts in lower case) or
    ``page_break`` (junk such as a URL was removed between them).
    """

    text_offset: int
    raw_start: int
    raw_end: int
    reason: str
    left: str
    right: str


@dataclass(frozen=True)
class Segment:
    """A sentence (or a non-article line) of a document.

    ``start``/``end`` are raw offsets (end exclusive); ``text_start``/``text_end`` the
    same span in cleaned text; ``text`` is the cleaned text of the segment.
    """

    id: str
    index: int
    start: int
    end: int
    text_start: int
    text_end: int
    text: str
    kind: str = "body"
    language: str | None = None
    paragraph: int = 0

    @property
    def alignable(self) -> bool:
        return self.kind in ALIGNABLE_KINDS


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Document:
    """A source text and everything the per-document stages learned about it."""

    id: str
    raw_text: str
    path: str | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: _frozen(None))
    text: str | None = None
    offsets: OffsetMap | None = field(default=None, compare=False)
    removals: tuple[Removal, ...] = ()
    joins: tuple[Join, ...] = ()
    segments: tuple[Segment, ...] = ()
    language: str | None = None
    language_confidence: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.meta, MappingProxyType):
            object.__setattr__(self, "meta", _frozen(self.meta))

    @property
    def cleaned(self) -> bool:
        return self.text is not None and self.offsets is not None

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of cleaned text to raw offsets: the one function for that."""
        if self.offsets is None:
            return start, end
        return self.offsets.to_raw(start, end)

    def raw_slice(self, start: int, end: int) -> str:
        return self.raw_text[start:end]

    def segment(self, index: int) -> Segment:
        return self.segments[index]
