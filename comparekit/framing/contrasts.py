"""Contrasts on aligned pairs: the same claim told with other evaluative words or in
another frame.

Both the report's ``framing.contrasts`` and the detector's ``loaded_term`` /
``frame_shift`` flags come from :func:`pair_contrast`, which works on the words of the
two sides only (cue lists of each side's language), so that every contrast points at
spans an editor can read. Evaluative words are compared word for word within a
language and by kind across languages. Frame shift: each side's dominant cue frame differs and each
side's frame has at least ``framing.shift_min_cues`` cue matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from comparekit.document import Document, Segment
from comparekit.framing.cues import FRAMES
from comparekit.framing.evaluative import evaluative_matches
from comparekit.framing.frames import cue_matches
from comparekit.results import Alignment
from comparekit.settings import Settings

#: Evaluative kinds that make a word "loaded" when only one side uses it.
LOADED_KINDS = ("loaded", "intensifiers", "minimisers")


@dataclass(frozen=True)
class SideWords:
    """Evaluative words and frame cues of one side of an aligned pair (raw offsets)."""

    doc: Document
    segments: tuple[Segment, ...]
    loaded: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, kind
    cues: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)


def side_words(doc: Document, segments: Sequence[Segment]) -> SideWords:
    """Collect the evaluative words and frame cues of some segments, as raw spans."""
    out = SideWords(doc, tuple(segments), [], {f: [] for f in FRAMES})
    for seg in segments:
        lang = seg.language or doc.language
        for kind, hits in evaluative_matches(seg.text, lang).items():
            if kind in LOADED_KINDS:
                for a, b, t in hits:
                    out.loaded.append((*_raw(doc, seg, a, b), t, kind))
        for frame, hits in cue_matches(seg.text, lang).items():
            out.cues[frame].extend((*_raw(doc, seg, a, b), t) for a, b, t in hits)
    return out


def _raw(doc: Document, seg: Segment, a: int, b: int) -> tuple[int, int]:
    return doc.to_raw(seg.text_start + a, seg.text_start + b)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def dominant_cue_frame(side: SideWords) -> tuple[str | None, int]:
    """The frame with most cue matches on this side (ties: report order), and its count."""
    best, count = None, 0
    for frame in FRAMES:
        n = len(side.cues[frame])
        if n > count:
            best, count = frame, n
    return best, count


def _language(side: SideWords) -> str | None:
    return next((s.language for s in side.segments if s.language), side.doc.language)


def _only(side: SideWords, other: SideWords, same_language: bool) -> list[str]:
    """The evaluative words of ``side`` that ``other`` does not match: by the word in one
    language; across languages, where the words cannot be equal ("totally" / "völligen",
    "dramatically" / "enorm"), by kind: an intensifier is matched by any intensifier."""
    if same_language:
        theirs = {_norm(t) for *_, t, _ in other.loaded}
        return sorted({_norm(t) for *_, t, _ in side.loaded} - theirs)
    kinds = {kind for *_, kind in other.loaded}
    return sorted({_norm(t) for *_, t, kind in side.loaded if kind not in kinds})


def pair_contrast(a: SideWords, b: SideWords, *, settings: Settings) -> dict | None:
    """What differs in wording and frame between two sides of one aligned pair, or
    ``None`` when nothing does."""
    same_language = _language(a) == _language(b)
    a_only = _only(a, b, same_language)
    b_only = _only(b, a, same_language)
    fa, na = dominant_cue_frame(a)
    fb, nb = dominant_cue_frame(b)
    minimum = int(settings.framing.shift_min_cues)
    # A shift says "framed as fa in one source and as fb in the other": each frame must be
    # missing from the other side, or that side frames the claim that way too. On faithful
    # NTREX translations (benchmarks/frame_shift.py) this cut false shifts from about 1 in 9
    # same-claim pairs to about 1 in 25; single weak cue words still differ by language.
    shift = (
        fa is not None
        and fb is not None
        and fa != fb
        and na >= minimum
        and nb >= minimum
        and not b.cues[fa]
        and not a.cues[fb]
    )
    if not (a_only or b_only or shift):
        return None
    return {
        "a_terms": a_only,
        "b_terms": b_only,
        "a_frame": fa,
        "b_frame": fb,
        "frame_shift": bool(shift),
    }


def contrast_pairs(alignment: Alignment, *, settings: Settings) -> list:
    """The aligned pairs that tell the same claim (relations in
    ``framing.contrast_relations``), with segments on both sides."""
    wanted = set(settings.framing.contrast_relations)
    return [p for p in alignment.pairs if p.a and p.b and p.relation in wanted]


def contrasts(docs: Sequence[Document], alignments: Sequence[Alignment], *, settings: Settings) -> list[dict]:
    """Contrasts over every aligned pair of every compared pair of documents."""
    by_id = {d.id: d for d in docs}
    out = []
    for al in alignments:
        da, db = by_id[al.a], by_id[al.b]
        for pair in contrast_pairs(al, settings=settings):
            sa = side_words(da, [da.segments[i] for i in pair.a])
            sb = side_words(db, [db.segments[j] for j in pair.b])
            found = pair_contrast(sa, sb, settings=settings)
            if found is None:
                continue
            out.append(
                {
                    "a": da.segments[pair.a[0]].id,
                    "b": db.segments[pair.b[0]].id,
                    "a_segments": [da.segments[i].id for i in pair.a],
                    "b_segments": [db.segments[j].id for j in pair.b],
                    "relation": pair.relation,
                    **found,
                }
            )
    return out
