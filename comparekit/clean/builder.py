"""Build cleaned text piece by piece while recording where each piece came from."""

from __future__ import annotations

import re
import unicodedata

from comparekit.document import OffsetMap, Run

_WS = re.compile(r"\s+")
#: With markup to drop (``drop``): a whitespace run may hold dropped characters, and
#: still becomes one space ("see ![a photo](x.jpg) here" -> "see here").
_WS_OR_DROPPED = re.compile(r"[\s\x00]*\s[\s\x00]*")
_DROPPED = re.compile(r"\x00+")


def _clusters(chunk: str) -> list[str]:
    """Split text into a base character plus its combining marks."""
    out: list[str] = []
    for ch in chunk:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


class TextBuilder:
    """Accumulates cleaned text and the :class:`Run` objects that map it to raw text.

    Calls move forward through the raw text: ``copy_collapsed`` copies a raw range
    (whitespace runs collapsed to one space, NFC applied cluster by cluster),
    ``replace`` emits a string standing for a raw range as a whole, ``drop_to`` skips raw
    text. Raw text between calls that no call covers is dropped. With ``drop``, ``raw`` is
    a same-length copy of the raw text in which U+0000 marks characters to leave out
    (Markdown markup, comparekit.clean.markdown): copies skip them.
    """

    def __init__(self, raw: str, *, nfc: bool = True, drop: bool = False) -> None:
        self.raw = raw
        self.nfc = nfc
        self._ws = _WS_OR_DROPPED if drop else _WS
        self.drop = drop
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.pos = 0
        self.raw_pos = 0

    # -- primitives -------------------------------------------------------------
    def _emit(self, text: str, r0: int, r1: int) -> None:
        if not text:
            self.raw_pos = max(self.raw_pos, r1)
            return
        t0, t1 = self.pos, self.pos + len(text)
        run = Run(t0, t1, r0, r1)
        last = self.runs[-1] if self.runs else None
        if last and run.linear and last.linear and last.t1 == t0 and last.r1 == r0:
            self.runs[-1] = Run(last.t0, t1, last.r0, r1)
        else:
            self.runs.append(run)
        self.parts.append(text)
        self.pos = t1
        self.raw_pos = max(self.raw_pos, r1)

    def replace(self, r0: int, r1: int, text: str) -> None:
        """Emit ``text`` as the cleaned form of ``raw[r0:r1]``."""
        self._emit(text, r0, r1)

    def drop_to(self, r: int) -> None:
        """Drop raw text up to offset ``r``."""
        self.raw_pos = max(self.raw_pos, r)

    skip_to = drop_to

    def copy_collapsed(self, r0: int, r1: int) -> None:
        """Copy ``raw[r0:r1]``: whitespace runs become one space, clusters become NFC."""
        if r1 <= r0:
            self.drop_to(r1)
            return
        pos = r0
        for m in self._ws.finditer(self.raw, r0, r1):
            self._copy_chunk(pos, m.start())
            ws = m.group(0)
            self._emit(" ", m.start(), m.end()) if ws != " " else self._emit(ws, m.start(), m.end())
            pos = m.end()
        self._copy_chunk(pos, r1)

    def _copy_chunk(self, r0: int, r1: int) -> None:
        if r1 <= r0:
            return
        if self.drop and "\x00" in self.raw[r0:r1]:
            pos = r0
            for m in _DROPPED.finditer(self.raw, r0, r1):
                self._copy_chunk(pos, m.start())
                self.drop_to(m.end())
                pos = m.end()
            self._copy_chunk(pos, r1)
            return
        chunk = self.raw[r0:r1]
        if not self.nfc or unicodedata.is_normalized("NFC", chunk):
            self._emit(chunk, r0, r1)
            return
        pos = r0
        for cluster in _clusters(chunk):
            composed = unicodedata.normalize("NFC", cluster)
            self._emit(composed, pos, pos + len(cluster))
            pos += len(cluster)

    # -- results -----------------------------------------------------------------
    def text_tail(self, n: int) -> str:
        tail = "".join(self.parts[-8:])
        return tail[-n:]

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self.parts)
        return text, OffsetMap(self.runs, len(text), len(self.raw))
