"""Framing: how each outlet tells the story (``report["framing"]``).

:func:`frame_profile` is the one entry point the pipeline calls. It reuses the vectors
the pipeline already computed for the alignable segments (it never re-embeds them) and
returns plain data:

- ``frames``: per document, a score in [0, 1] for each frame (:mod:`.frames`);
- ``present``: per document, the frames whose score reaches their calibrated threshold;
- ``thresholds``: per document, the presence threshold of each frame (they depend on
  the channels: probe-blended scores have their own, ``framing.probe_thresholds``);
- ``channels``: per document, ``cues+prototypes+probe`` (the five NFC frames blended
  with the learned probe, :mod:`.probe`: the encoder it was trained with),
  ``cues+prototypes`` (another encoder), or ``cues`` (a language the encoder does not
  know, or no encoder);
- ``segments``: per document, compact per-segment scores (segments with a frame above
  ``framing.segment_min_score`` only, with their cue words);
- ``distinctive_terms``: Monroe et al. log-odds with a wordfreq prior (:mod:`.terms`);
- ``actors``: mentions and agent counts (:mod:`.actors`);
- ``evaluative``: intensifiers, minimisers, hedges, loaded words, sentiment (:mod:`.evaluative`);
- ``contrasts``: aligned pairs told with other words or in another frame (:mod:`.contrasts`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from comparekit.document import Document
from comparekit.errors import ModelError
from comparekit.framing.cues import FRAMES
from comparekit.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["FRAMES", "frame_profile", "document_frame_data"]


def document_frame_data(
    doc: Document, vectors: np.ndarray | None, encoder: Any | None, *, settings: Settings
) -> tuple[dict[str, float], np.ndarray, bool]:
    """A document's frame profile, its per-segment scores ``[n_alignable, n_frames]`` and
    whether the learned probe (:mod:`.probe`) took part in the profile.

    ``vectors`` are the embeddings of ``doc``'s alignable segments ``[n_alignable, dim]``
    (as the pipeline computed them) or ``None``: then only the cue channel is used. The
    probe blends into the five NFC frames' document scores when ``encoder`` is the one
    it was trained with; per-segment scores never use it.
    """
    from comparekit.framing import frames as fr
    from comparekit.framing import probe as pr

    segs = [s for s in doc.segments if s.alignable]
    counts, words = fr.cue_counts([s.text for s in segs], [s.language or doc.language for s in segs])
    sims = None
    if vectors is not None and encoder is not None and len(vectors) == len(segs):
        protos = fr.prototype_vectors(encoder)
        sims = fr.prototype_similarity(vectors, protos, int(settings.framing.prototype_top_exemplars))
    profile = fr.document_scores(counts, words, sims, settings=settings)
    probed = False
    if sims is not None and len(segs):
        probe = pr.usable(encoder, settings)
        if probe is not None:
            x = pr.document_features(vectors, counts, words, sims, settings=settings)
            profile = pr.blend(profile, pr.predict(probe, x), settings=settings)
            probed = True
    return profile, fr.segment_scores(counts, words, sims, settings=settings), probed


def frame_profile(
    docs: Sequence[Document],
    alignments: Sequence[Any],
    encoder: Any | None,
    vectors: Mapping[str, np.ndarray | None] | None = None,
    *,
    settings: Settings,
) -> dict[str, Any]:
    """Everything ``report["framing"]`` holds, for the compared (or analysed) documents.

    ``vectors`` maps a document id to its alignable segments' embeddings (the pipeline's
    ``vectors``; ``None`` for a language the encoder does not know: cues only). When
    ``vectors`` itself is ``None`` (``analyze`` embeds nothing else), each document is
    embedded here with ``encoder``; if that encoder cannot be loaded, the documents are
    scored on cues only and ``channels`` says so. ``channels`` records, per document,
    which channels its scores come from.
    """
    from comparekit.framing import frames as fr
    from comparekit.framing import probe as pr
    from comparekit.framing.actors import actors
    from comparekit.framing.contrasts import contrasts
    from comparekit.framing.evaluative import evaluative
    from comparekit.framing.terms import distinctive_terms

    cfg = settings.framing
    base_limits, probe_limits = fr.thresholds(settings), pr.thresholds(settings)
    profiles: dict[str, dict[str, float]] = {}
    present: dict[str, list[str]] = {}
    segments: dict[str, list[dict]] = {}
    channels: dict[str, str] = {}
    used_limits: dict[str, dict[str, float]] = {}
    for doc in docs:
        vec = (vectors or {}).get(doc.id)
        channel = "cues+prototypes"
        if vec is None and encoder is not None and vectors is None:
            known = encoder.languages is None or doc.language in encoder.languages
            texts = [s.text for s in doc.segments if s.alignable]
            try:
                vec = encoder.encode(texts) if known and texts else None
            except ModelError as exc:
                log.warning("framing on cues only: %s", exc)
                channel = f"cues (encoder unavailable: {exc})"
        if vec is None or encoder is None:
            channel = channel if channel.startswith("cues (") else "cues"
        try:
            profile, seg_scores, probed = document_frame_data(doc, vec, encoder, settings=settings)
        except ModelError as exc:  # the exemplars could not be embedded either
            log.warning("framing on cues only: %s", exc)
            channel = f"cues (encoder unavailable: {exc})"
            profile, seg_scores, probed = document_frame_data(doc, None, None, settings=settings)
        if probed:
            channel += "+probe"
        limits = probe_limits if probed else base_limits
        channels[doc.id] = channel
        profiles[doc.id] = profile
        used_limits[doc.id] = limits
        present[doc.id] = [f for f in FRAMES if profile[f] >= limits[f]]
        alignable = [s for s in doc.segments if s.alignable]
        rows = []
        for seg, row in zip(alignable, seg_scores):
            kept = {f: float(row[k]) for k, f in enumerate(FRAMES) if row[k] >= cfg.segment_min_score}
            if kept:
                rows.append({"segment": seg.id, "scores": kept})
        segments[doc.id] = rows
    return {
        "frames": profiles,
        "present": present,
        "thresholds": used_limits,
        "channels": channels,
        "segments": segments,
        "distinctive_terms": distinctive_terms(docs, settings=settings),
        "actors": actors(docs, settings=settings),
        "evaluative": evaluative(docs, settings=settings),
        "contrasts": contrasts(docs, alignments, settings=settings),
    }
