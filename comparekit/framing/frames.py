"""Frame scores: multilingual cue lists plus embedding prototypes.

Two channels, both per segment (a sentence), both in [0, 1]:

- **cues**: matches of the frame's cue list in the segment's language
  (``data/frames/<lang>.json``). A document's cue score is ``1 - exp(-d / cue_scale)``
  where ``d`` is the number of cue matches per 100 words.
- **prototypes**: the encoder's cosine similarity between the segment and the frame's
  exemplar sentences (``data/frames/exemplars.json``), the mean of the best
  ``prototype_top_exemplars``, centred on the segment's mean over all frames, rescaled
  linearly from [``prototype_floor``, ``prototype_ceiling``] to [0, 1]. The encoder is
  multilingual, so English exemplars serve every language the encoder knows.

A segment's frame score is ``w * cues + (1 - w) * prototypes`` (its cues counted per
100 of its own words); a document's is the mean of its ``k`` best segment scores per
frame, so a frame counts where cues and prototypes agree in the same sentences, averaged
over every ``w`` in ``cue_weights`` and ``k`` in ``top_segments``. Without prototypes
(the encoder does not know the language, or no encoder) a document's score is its cue
channel over all its words. A frame is *present* when its score reaches its calibrated
threshold (``framing.thresholds``, else ``framing.presence_threshold``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from comparekit.framing.cues import FRAMES, cue_set, exemplars, find_all, tokens
from comparekit.settings import Settings

log = logging.getLogger(__name__)

_PROTOTYPES: dict[tuple[str, str], np.ndarray] = {}


def prototype_vectors(encoder: Any) -> np.ndarray:
    """Exemplar embeddings, ``[n_frames, n_exemplars_max, dim]`` zero-padded, cached per
    encoder (name + weights hash) for the life of the process."""
    key = (encoder.name, str(encoder.sha256))
    if key not in _PROTOTYPES:
        ex = exemplars()
        width = max(len(v) for v in ex.values())
        out = np.zeros((len(FRAMES), width, encoder.dim), dtype=np.float32)
        flat = [s for f in FRAMES for s in ex[f]]
        vecs = np.asarray(encoder.encode(flat), dtype=np.float32)
        row = 0
        for k, f in enumerate(FRAMES):
            n = len(ex[f])
            out[k, :n] = vecs[row : row + n]
            row += n
        _PROTOTYPES[key] = out
    return _PROTOTYPES[key]


def prototype_similarity(vectors: np.ndarray, protos: np.ndarray, top: int) -> np.ndarray:
    """Centred similarity of each segment to each frame, ``[n_segments, n_frames]``.

    ``vectors`` ``[n_segments, dim]`` (unit rows), ``protos`` ``[n_frames, width, dim]``
    (zero rows pad frames with fewer exemplars and never win). Per frame, the mean of the
    ``top`` highest cosines over its exemplars, minus that segment's mean over frames.
    """
    if len(vectors) == 0:
        return np.zeros((0, protos.shape[0]), dtype=np.float32)
    sims = np.einsum("nd,fwd->nfw", vectors.astype(np.float32), protos)
    present = np.any(protos != 0, axis=2)  # [n_frames, width]
    sims = np.where(present[None, :, :], sims, -np.inf)
    top = max(1, min(top, sims.shape[2]))
    best = -np.sort(-sims, axis=2)[:, :, :top]
    best = np.where(np.isfinite(best), best, np.nan)
    per_frame = np.nan_to_num(np.nanmean(best, axis=2), nan=0.0)
    # Centred on the segment's mean over frames: raw cosines mostly say how "newsy" a
    # sentence is; what tells frames apart is which exemplars it is closer to than the
    # others (+0.04 CV macro-F1 on nfc_dev, benchmarks/framing.py).
    return (per_frame - per_frame.mean(axis=1, keepdims=True)).astype(np.float32)


def cue_matches(text: str, language: str | None) -> dict[str, list[tuple[int, int, str]]]:
    """Cue matches per frame in one text: ``{frame: [(start, end, text)]}``."""
    return {f: list(hits) for f, hits in zip(FRAMES, _cue_matches(text, language), strict=True)}


@lru_cache(maxsize=16384)
def _cue_matches(text: str, language: str | None) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """:func:`cue_matches` as tuples, remembered: the same segment is read by the frame
    profile, the report's contrasts and the frame-shift detector, once per aligned pair
    it takes part in (NTREX corpus: ~5 times per segment)."""
    cues = cue_set(language)
    return tuple(tuple(find_all(cues.frames[f], text)) for f in FRAMES)


def cue_counts(texts: Sequence[str], languages: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Cue match counts ``[n_texts, n_frames]`` and word counts ``[n_texts]``."""
    counts = np.zeros((len(texts), len(FRAMES)), dtype=np.float32)
    words = np.zeros(len(texts), dtype=np.float32)
    for i, (text, lang) in enumerate(zip(texts, languages)):
        matches = cue_matches(text, lang)
        counts[i] = [len(matches[f]) for f in FRAMES]
        words[i] = len(tokens(text))
    return counts, words


def cue_score(counts: np.ndarray, words: float | np.ndarray, scale: float) -> np.ndarray:
    """Cue channel in [0, 1] from match counts ``[..., n_frames]`` over ``words`` words
    (a number, or one per row: ``[n_segments, 1]``)."""
    density = 100.0 * counts / np.maximum(words, 1.0)
    return 1.0 - np.exp(-density / scale)


def combine(cue: np.ndarray, proto: np.ndarray | None, cue_weight: float) -> np.ndarray:
    """The frame score in [0, 1]: weighted cues and prototypes, or cues alone."""
    if proto is None:
        return np.clip(cue, 0.0, 1.0)
    return np.clip(cue_weight * cue + (1.0 - cue_weight) * proto, 0.0, 1.0)


def thresholds(settings: Settings) -> dict[str, float]:
    """Presence threshold per frame (calibrated ones, else the default)."""
    cfg = settings.framing
    table = dict(cfg.thresholds)
    return {f: float(table.get(f, cfg.presence_threshold)) for f in FRAMES}


def document_scores(
    counts: np.ndarray, words: np.ndarray, sims: np.ndarray | None, *, settings: Settings
) -> dict[str, float]:
    """A document's frame profile ``{frame: score}`` from its segments' cue counts
    ``[n_segments, n_frames]``, word counts ``[n_segments]`` and prototype similarities
    ``[n_segments, n_frames]`` (``None`` without an encoder).

    With prototypes: for every cue weight of ``framing.cue_weights``, the segments'
    combined scores, and the mean of the best ``k`` of them per frame for every ``k`` of
    ``framing.top_segments``; the score is the average over all these pairs (an ensemble
    over the grid instead of one point chosen from it)."""
    cfg = settings.framing
    if sims is None or sims.shape[0] == 0:
        score = combine(cue_score(counts.sum(axis=0), float(words.sum()), float(cfg.cue_scale)), None, 1.0)
    else:
        cue, proto = _segment_channels(counts, words, sims, settings=settings)
        parts = []
        for weight in cfg.cue_weights:
            ranked = -np.sort(-combine(cue, proto, float(weight)), axis=0)
            for top in cfg.top_segments:
                parts.append(ranked[: max(1, min(int(top), ranked.shape[0]))].mean(axis=0))
        score = np.mean(parts, axis=0)
    return {f: float(score[k]) for k, f in enumerate(FRAMES)}


def _segment_channels(
    counts: np.ndarray, words: np.ndarray, sims: np.ndarray | None, *, settings: Settings
) -> tuple[np.ndarray, np.ndarray | None]:
    """Per-segment cue and prototype channels ``[n_segments, n_frames]`` (prototypes
    ``None`` without similarities)."""
    cfg = settings.framing
    cue = cue_score(counts, words[:, None], float(cfg.cue_scale))
    if sims is None:
        return cue, None
    floor, ceiling = float(cfg.prototype_floor), float(cfg.prototype_ceiling)
    return cue, np.clip((sims - floor) / (ceiling - floor), 0.0, 1.0)


def segment_scores(
    counts: np.ndarray, words: np.ndarray, sims: np.ndarray | None, *, settings: Settings
) -> np.ndarray:
    """Per-segment frame scores ``[n_segments, n_frames]`` in [0, 1] (same channels as
    :func:`document_scores`, each segment on its own, weighted by the mean of
    ``framing.cue_weights``: the mean of the segment's scores over the cue weights)."""
    cue, proto = _segment_channels(counts, words, sims, settings=settings)
    return combine(cue, proto, float(np.mean(settings.framing.cue_weights)))
