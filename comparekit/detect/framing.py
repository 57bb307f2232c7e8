"""Framing flags: loaded words, and the same claim told in other words or another frame.

- ``detect(doc)``: ``evaluative_term`` (info) for each word of the language's loaded-word
  list (``data/frames/<lang>.json``, key ``loaded``: "appeasement", "regime", "crossfire"...).
- ``detect_across(docs, alignments)``: on every aligned pair, ``loaded_term`` for an
  intensifier or minimiser that only one side uses, and
  ``frame_shift`` when the two sides' dominant cue frames differ
  (:func:`comparekit.framing.contrasts.pair_contrast`). Spans are raw offsets of the
  word (loaded_term) or of the segment (frame_shift).

One span gets one flag: a loaded-list word already carries its ``evaluative_term`` from
``detect``, so ``detect_across`` does not flag it again as ``loaded_term`` (that a word
is used by one side only is still in ``report["framing"]["contrasts"]``). The loaded
lists hold only words that judge (appeasement, crossfire, puppet); descriptive news words
(separatist, cautious, measured, crisis, illegal) were pruned from them.
"""

from __future__ import annotations

from collections.abc import Sequence

from comparekit.document import Document
from comparekit.results import Alignment, Finding
from comparekit.settings import Settings


def _in_name(text: str, start: int, word: str, language: str | None) -> bool:
    """Whether a loaded word is part of a name: capitalised inside a sentence, as in
    "l’Agence Nationale de Gestion des Catastrophes", the name's, not the writer's word.
    Not in German, which capitalises every noun; a word after a sentence end or an
    opening quote or bracket may be capitalised for its position."""
    if language == "de" or not word[:1].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;«“\"'‘„(—–"


def detect(doc: Document, *, settings: Settings) -> list[Finding]:
    """``evaluative_term`` flags for loaded words in one document (raw offsets)."""
    from comparekit.framing.evaluative import evaluative_matches

    findings = []
    for seg in doc.segments:
        if not seg.alignable:
            continue
        lang = seg.language or doc.language
        for a, b, text in evaluative_matches(seg.text, lang)["loaded"]:
            if _in_name(seg.text, a, text, lang):
                continue
            start, end = doc.to_raw(seg.text_start + a, seg.text_start + b)
            findings.append(
                Finding.over(
                    doc,
                    start,
                    end,
                    category="framing",
                    type="evaluative_term",
                    message=f"evaluative or loaded word: {text!r}",
                    severity="info",
                    confidence=float(settings.framing.evaluative_confidence),
                    evidence={"segment": seg.id},
                )
            )
    return findings


def detect_across(
    docs: Sequence[Document], alignments: Sequence[Alignment], *, settings: Settings
) -> list[Finding]:
    """``loaded_term`` and ``frame_shift`` flags on aligned pairs (raw offsets)."""
    from comparekit.framing.contrasts import contrast_pairs, pair_contrast, side_words

    by_id = {d.id: d for d in docs}
    findings: list[Finding] = []
    for al in alignments:
        da, db = by_id[al.a], by_id[al.b]
        for pair in contrast_pairs(al, settings=settings):
            sides = (
                side_words(da, [da.segments[i] for i in pair.a]),
                side_words(db, [db.segments[j] for j in pair.b]),
            )
            found = pair_contrast(sides[0], sides[1], settings=settings)
            if found is None:
                continue
            for side, other, key in ((sides[0], sides[1], "a_terms"), (sides[1], sides[0], "b_terms")):
                only = set(found[key])
                other_text = " ".join(s.text for s in other.segments)
                for start, end, text, kind in side.loaded:
                    # kind "loaded": already an evaluative_term span (one span, one flag).
                    if kind == "loaded" or " ".join(text.lower().split()) not in only:
                        continue
                    findings.append(
                        Finding.over(
                            side.doc,
                            start,
                            end,
                            category="framing",
                            type="loaded_term",
                            message=(
                                f"{side.doc.id} tells this claim with the {kind[:-1] if kind.endswith('s') else kind}"
                                f" {text!r}; {other.doc.id} does not"
                            ),
                            severity="info",
                            confidence=float(settings.framing.loaded_term_confidence),
                            evidence={
                                "segments": [s.id for s in side.segments],
                                "other_segments": [s.id for s in other.segments],
                                "other_text": other_text,
                                "kind": kind,
                            },
                        )
                    )
            if found["frame_shift"]:
                seg_b = sides[1].segments
                start, end = seg_b[0].start, seg_b[-1].end
                fa, fb = found["a_frame"], found["b_frame"]
                findings.append(
                    Finding.over(
                        db,
                        start,
                        end,
                        category="framing",
                        type="frame_shift",
                        message=f"the same claim is framed as {fa} in {da.id} and as {fb} in {db.id}",
                        severity="info",
                        confidence=float(settings.framing.frame_shift_confidence),
                        evidence={
                            "a_frame": fa,
                            "b_frame": fb,
                            "a_cues": sorted({t.lower() for *_, t in sides[0].cues[fa]}),
                            "b_cues": sorted({t.lower() for *_, t in sides[1].cues[fb]}),
                            "a_segments": [s.id for s in sides[0].segments],
                            "b_segments": [s.id for s in seg_b],
                        },
                    )
                )
    # A segment aligned to several others would repeat its flags: keep the first.
    seen: set[tuple] = set()
    unique = []
    for f in findings:
        key = (f.doc, f.start, f.end, f.type)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
