"""Align two files end to end (what ``comparekit align`` runs), and presplit input.

``presplit`` documents take one segment per line of the file, as is: no cleaning, no
segmentation, every line a body segment whose raw span is the line (newline excluded),
so bead indices are line numbers and any gold set in the ``[i, j]:[k]`` format can be
scored against the output.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from typing import Any

from comparekit.align import align, alignment_beads
from comparekit.align.score import Bead, format_beads
from comparekit.document import Document, OffsetMap, Segment
from comparekit.results import Alignment
from comparekit.settings import Settings

log = logging.getLogger(__name__)


def presplit_document(doc: Document) -> Document:
    """One body segment per line of ``doc.raw_text`` (a final line end adds no segment).
    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (universal newlines)."""
    raw = doc.raw_text
    spans = []
    start = 0
    for m in re.finditer(r"\r\n|\r|\n", raw):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(raw):
        spans.append((start, len(raw)))
    segments = [
        Segment(
            id=f"{doc.id}:{k}",
            index=k,
            start=a,
            end=b,
            text_start=a,
            text_end=b,
            text=raw[a:b],
            kind="body",
        )
        for k, (a, b) in enumerate(spans)
    ]
    return dataclasses.replace(doc, text=raw, offsets=OffsetMap.identity(len(raw)), segments=tuple(segments))


def align_files(
    path_a: str | os.PathLike[str],
    path_b: str | os.PathLike[str],
    *,
    settings: Settings,
    presplit: bool = False,
) -> tuple[Document, Document, Alignment]:
    """Load, prepare (or take line by line), embed and align two files."""
    from comparekit.embed import get_encoder
    from comparekit.langid import identify
    from comparekit.load import load_path
    from comparekit.pipeline import load_sources, prepare

    docs = load_sources(
        [load_path(path_a, settings=settings), load_path(path_b, settings=settings)], settings=settings
    )
    if presplit:
        docs = [identify(presplit_document(d), settings=settings) for d in docs]
    else:
        docs = [prepare(d, settings=settings) for d in docs]
    encoder = get_encoder(settings=settings)
    vectors = []
    for d in docs:
        # the user asked for these two files: embed them even in a language the
        # encoder was not trained on, with a warning
        if encoder.languages is not None and d.language not in encoder.languages:
            log.warning(
                "%s: language %r is not one of encoder %s's languages; embedded anyway, so the"
                " alignment may be poor (try another --encoder)",
                d.id,
                d.language,
                encoder.name,
            )
        vectors.append(encoder.encode([s.text for s in d.segments if s.alignable]))
    alignment = align(docs[0], docs[1], vectors[0], vectors[1], settings=settings, encoder=encoder)
    return docs[0], docs[1], alignment


def beads_text(alignment: Alignment) -> str:
    """The alignment in the gold format, one bead a line (positions among alignable segments)."""
    return format_beads(alignment_beads(alignment))


def alignment_json(doc_a: Document, doc_b: Document, alignment: Alignment, digits: int = 4) -> dict[str, Any]:
    """The alignment as plain data: mode, reason, and every bead with its scores."""
    pairs = {(p.a, p.b): p for p in alignment.pairs}
    beads: list[dict[str, Any]] = []
    for src, tgt in alignment_beads(alignment):
        seg_a = tuple(alignment.rows[i] for i in src)
        seg_b = tuple(alignment.cols[j] for j in tgt)
        entry: dict[str, Any] = {"a": list(src), "b": list(tgt)}
        entry["a_ids"] = [doc_a.segments[i].id for i in seg_a]
        entry["b_ids"] = [doc_b.segments[j].id for j in seg_b]
        pair = pairs.get((seg_a, seg_b))
        if pair is not None:
            entry.update(
                score=round(pair.score, digits),
                semantic=round(pair.semantic, digits),
                lexical=round(pair.lexical, digits),
                relation=pair.relation,
            )
        beads.append(entry)
    return {
        "a": doc_a.id,
        "b": doc_b.id,
        "mode": alignment.mode,
        "mode_reason": alignment.mode_reason,
        "beads": beads,
    }


__all__ = ["Bead", "align_files", "alignment_json", "beads_text", "presplit_document"]
