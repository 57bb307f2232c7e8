"""Split a cleaned document into segments (sentences and non-article lines) with kinds.

Works on ``doc.text`` paragraph by paragraph; every segment keeps its cleaned offsets
and its raw offsets (through :meth:`Document.to_raw`).
"""

from __future__ import annotations

import dataclasses
import re

from comparekit.document import Document, Segment
from comparekit.errors import StageError
from comparekit.segment.kinds import paragraph_kinds
from comparekit.segment.sentences import split_sentences
from comparekit.settings import Settings

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of cleaned text (separated by blank lines)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group(0).strip()]


def _title_like(sentence: str, max_words: int) -> bool:
    words = sentence.split()
    if not words or len(words) > max_words:
        return False
    stripped = sentence.rstrip("\"'”’») ")
    if stripped.endswith("."):
        return False
    return True


def segment(doc: Document, *, settings: Settings) -> Document:
    """Split ``doc.text`` into segments with kinds; requires a cleaned document."""
    if doc.text is None:
        raise StageError("segment needs a cleaned document (run clean first)")
    text = doc.text
    paras = paragraphs(text)
    kinds = paragraph_kinds(
        [text[s:e] for s, e in paras],
        short_line_max_words=settings.segment.short_line_max_words,
        settings=settings,
    )
    segments: list[Segment] = []
    seen_body = False
    for p_index, ((p0, p1), p_kind) in enumerate(zip(paras, kinds)):
        sentences = split_sentences(text[p0:p1])
        for s_index, (s0, s1) in enumerate(sentences):
            t0, t1 = p0 + s0, p0 + s1
            sentence = text[t0:t1]
            kind = p_kind
            if kind is None:
                if (
                    not seen_body
                    and not segments
                    and s_index == 0
                    and _title_like(sentence, settings.segment.title_max_words)
                ):
                    kind = "title"
                elif (
                    not seen_body
                    and segments
                    and all(s.kind in ("title", "standfirst") for s in segments)
                    and p_index == segments[-1].paragraph
                ):
                    kind = "standfirst"
                else:
                    kind = "body"
                    seen_body = True
            r0, r1 = doc.to_raw(t0, t1)
            i = len(segments)
            segments.append(
                Segment(
                    id=f"{doc.id}:{i}",
                    index=i,
                    start=r0,
                    end=r1,
                    text_start=t0,
                    text_end=t1,
                    text=sentence,
                    kind=kind,
                    paragraph=p_index,
                )
            )
    return dataclasses.replace(doc, segments=tuple(segments))
