"""Evaluation of frame presence on the Narrative Frames Corpus (Frermann et al., ACL 2023).

``nfc_dev.tsv`` (../shared/data/framing/narrative_frames, MIT): 225 English articles,
each labelled True/False for five frames (RE resolution, HI human interest, CO
conflict, MO moral, EC economic). Used by tests/eval/test_framing_gate.py and
benchmarks/framing.py; not used at run time.

The articles are cleaned and segmented by comparekit's own stages (language set to
English: the corpus is English), each article's alignable sentences are embedded once,
and frame scores come from the same code as the report (:mod:`.frames`). Reported
beside two baselines computed in the same run: always-majority, and a plain keyword
count (a frame is present when any of four frame-naming keywords occurs).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import sys
from pathlib import Path
from typing import Any

import numpy as np

from comparekit.document import Document
from comparekit.framing.cues import compile_entries
from comparekit.settings import Settings

#: NFC label column -> comparekit frame.
NFC_FRAMES = {
    "RE": "resolution",
    "HI": "human_interest",
    "CO": "conflict",
    "MO": "morality",
    "EC": "economic",
}

#: The plain keyword baseline: words that name the frame.
KEYWORDS = {
    "conflict": ["conflict*", "disagree*", "dispute*", "clash*"],
    "resolution": ["solution*", "solve*", "resolv*", "compromise*"],
    "human_interest": ["personal*", "family", "families", "child*"],
    "morality": ["moral*", "ethic*", "god", "religio*"],
    "economic": ["econom*", "cost*", "money", "financ*"],
}


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_nfc(path: str | Path) -> tuple[list[dict[str, str]], np.ndarray]:
    """Rows of the TSV and the gold labels ``[n_articles, 5]`` (bool, NFC_FRAMES order)."""
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    gold = np.array([[r[c] == "True" for c in NFC_FRAMES] for r in rows], dtype=bool)
    return rows, gold


def prepare_article(row: dict[str, str], *, settings: Settings) -> Document:
    """Clean and segment one article (language English, as the corpus is)."""
    from comparekit.clean import clean
    from comparekit.segment import segment

    doc = Document(id=f"nfc{row['ID']}", raw_text=row["text"])
    doc = segment(clean(doc, settings=settings), settings=settings)
    segs = tuple(dataclasses.replace(s, language="en") for s in doc.segments)
    return dataclasses.replace(doc, language="en", segments=segs)


def article_features(rows: list[dict[str, str]], encoder: Any, *, settings: Settings) -> list[dict]:
    """Per article: cue counts, word counts and prototype similarities of its alignable
    segments. Every sentence is embedded once, all articles in one ``encode`` call."""
    from comparekit.framing import frames as fr

    docs = [prepare_article(r, settings=settings) for r in rows]
    texts = [[s.text for s in d.segments if s.alignable] for d in docs]
    vectors = encoder.encode([t for ts in texts for t in ts]) if encoder is not None else None
    protos = fr.prototype_vectors(encoder) if encoder is not None else None
    out, row = [], 0
    for ts in texts:
        counts, words = fr.cue_counts(ts, ["en"] * len(ts))
        sims = None
        if vectors is not None:
            sims = fr.prototype_similarity(
                vectors[row : row + len(ts)], protos, int(settings.framing.prototype_top_exemplars)
            )
        row += len(ts)
        out.append({"counts": counts, "words": words, "sims": sims, "text": " ".join(ts)})
    return out


def frame_scores(features: list[dict], *, settings: Settings) -> np.ndarray:
    """Document frame scores ``[n_articles, 5]`` (NFC_FRAMES order) under ``settings``."""
    from comparekit.framing import frames as fr

    cols = list(NFC_FRAMES.values())
    out = np.zeros((len(features), len(cols)))
    for i, f in enumerate(features):
        prof = fr.document_scores(f["counts"], f["words"], f["sims"], settings=settings)
        out[i] = [prof[c] for c in cols]
    return out


def keyword_baseline(features: list[dict]) -> np.ndarray:
    """Plain keyword count: present when a frame-naming keyword occurs, ``[n, 5]``."""
    pats = {f: compile_entries(KEYWORDS[f]) for f in NFC_FRAMES.values()}
    return np.array(
        [[bool(pats[f].search(x["text"])) for f in NFC_FRAMES.values()] for x in features], dtype=bool
    )


def majority_baseline(gold: np.ndarray) -> np.ndarray:
    """Always the majority label of each frame, ``[n, 5]``."""
    return np.broadcast_to(gold.mean(axis=0) >= 0.5, gold.shape).copy()


def prf(gold: np.ndarray, pred: np.ndarray) -> dict[str, dict[str, float]]:
    """Per-frame precision, recall, F1 and the macro-F1 (key ``macro``)."""
    out: dict[str, dict[str, float]] = {}
    for k, frame in enumerate(NFC_FRAMES.values()):
        g, p = gold[:, k], pred[:, k]
        tp, fp, fn = int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        out[frame] = {"precision": precision, "recall": recall, "f1": f1}
    out["macro"] = {"f1": float(np.mean([out[f]["f1"] for f in NFC_FRAMES.values()]))}
    return out


def best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    """The threshold on ``scores`` ``[n]`` maximising F1 against ``gold`` ``[n]`` (the
    lowest such value: ties go to higher recall). Vectorised over the distinct scores."""
    values = np.unique(scores)  # ascending
    if len(values) == 0:
        return 0.5
    order = np.sort(scores)
    pos = np.sort(scores[gold.astype(bool)])
    # predicted positives and true positives at each candidate threshold (score >= t)
    n_pred = len(order) - np.searchsorted(order, values, side="left")
    tp = len(pos) - np.searchsorted(pos, values, side="left")
    denom = n_pred + len(pos)
    f1 = np.where(denom > 0, 2.0 * tp / np.maximum(denom, 1), 0.0)
    return float(values[int(np.argmax(f1))])


def calibrate(scores: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """F1-maximising threshold per frame on all of ``scores`` ``[n, 5]``."""
    return {f: best_threshold(scores[:, k], gold[:, k]) for k, f in enumerate(NFC_FRAMES.values())}


def cross_validate(scores: np.ndarray, gold: np.ndarray, *, folds: int = 5, seeds: int = 5) -> dict:
    """Thresholds fit on k-1 folds and applied to the held-out fold, repeated over
    ``seeds`` shuffles: mean per-frame F1 and macro-F1 (and their spread over seeds)."""
    macros, per_frame = [], []
    for seed in range(seeds):
        perm = np.random.RandomState(seed).permutation(len(gold))
        pred = np.zeros_like(gold)
        for test in np.array_split(perm, folds):
            train = np.setdiff1d(perm, test)
            for k in range(gold.shape[1]):
                t = best_threshold(scores[train, k], gold[train, k])
                pred[test, k] = scores[test, k] >= t
        res = prf(gold, pred)
        macros.append(res["macro"]["f1"])
        per_frame.append([res[f]["f1"] for f in NFC_FRAMES.values()])
    mean = np.mean(per_frame, axis=0)
    return {
        "macro_f1": float(np.mean(macros)),
        "macro_f1_min": float(np.min(macros)),
        "macro_f1_max": float(np.max(macros)),
        "f1": {f: float(mean[k]) for k, f in enumerate(NFC_FRAMES.values())},
    }


def _threshold_predictions(
    scores: np.ndarray, gold: np.ndarray, train: np.ndarray, test: np.ndarray
) -> np.ndarray:
    """Per-frame thresholds fit on ``train`` rows, applied to ``test`` rows: ``[len(test), 5]``."""
    return np.stack(
        [scores[test, k] >= best_threshold(scores[train, k], gold[train, k]) for k in range(gold.shape[1])],
        axis=1,
    )


def nested_cross_validate(
    grid_scores: dict[tuple, np.ndarray], gold: np.ndarray, *, folds: int = 5, seeds: int = 5
) -> dict:
    """Honest held-out estimate of the whole calibration procedure: in each outer
    training part, the scoring settings (one key of ``grid_scores``, the same for all
    frames, as shipped) are chosen by an inner ``folds``-fold CV of the macro-F1, then
    the per-frame thresholds are fit on the whole outer training part, and both are
    applied to the outer test fold, which took no part in either choice.

    ``grid_scores`` maps a settings key to the frame scores ``[n_articles, 5]`` under it
    (scores depend on the settings only, never on labels, so they are computed once).
    Returns mean per-frame F1 and macro-F1 over ``seeds`` shuffles, their spread, and
    how often each settings key was chosen.
    """
    keys = sorted(grid_scores)
    macros, per_frame, chosen = [], [], []
    for seed in range(seeds):
        perm = np.random.RandomState(seed).permutation(len(gold))
        pred = np.zeros_like(gold)
        for test in np.array_split(perm, folds):
            train = np.setdiff1d(perm, test)
            inner_perm = np.random.RandomState(1000 + seed).permutation(train)
            inner_f1 = {}
            for key in keys:
                inner_pred = np.zeros_like(gold)
                for itest in np.array_split(inner_perm, folds):
                    itrain = np.setdiff1d(inner_perm, itest)
                    inner_pred[itest] = _threshold_predictions(grid_scores[key], gold, itrain, itest)
                inner_f1[key] = prf(gold[train], inner_pred[train])["macro"]["f1"]
            best = max(keys, key=lambda k: (inner_f1[k], -keys.index(k)))  # ties: first key
            chosen.append(best)
            pred[test] = _threshold_predictions(grid_scores[best], gold, train, test)
        res = prf(gold, pred)
        macros.append(res["macro"]["f1"])
        per_frame.append([res[f]["f1"] for f in NFC_FRAMES.values()])
    mean = np.mean(per_frame, axis=0)
    counts = {str(list(k)): chosen.count(k) for k in keys if chosen.count(k)}
    return {
        "macro_f1": float(np.mean(macros)),
        "macro_f1_min": float(np.min(macros)),
        "macro_f1_max": float(np.max(macros)),
        "f1": {f: float(mean[k]) for k, f in enumerate(NFC_FRAMES.values())},
        "chosen": counts,
    }


def grid_frame_scores(features: list[dict], *, settings: Settings) -> dict[tuple, np.ndarray]:
    """Frame scores ``[n_articles, 5]`` for every (top_segments, cue_weight) of the
    ``framing.eval_grid_*`` settings, keyed by that pair."""
    cfg = settings.framing
    out = {}
    for top in cfg.eval_grid_top_segments:
        for weight in cfg.eval_grid_cue_weights:
            variant = settings.replace("framing", top_segments=[int(top)], cue_weights=[float(weight)])
            out[(int(top), float(weight))] = frame_scores(features, settings=variant)
    return out


def evaluate(path: str | Path, encoder: Any, *, settings: Settings) -> dict:
    """Everything the gate and the benchmark print: the system with the shipped
    thresholds, the two baselines, the held-out estimate of the shipped scores (the
    headline: thresholds fit inside each training fold, no other setting is fit on
    data), the nested CV that instead chooses one ``framing.eval_grid_*`` point inside
    each outer training part (for comparison), and thresholds re-fit on all of dev."""
    rows, gold = load_nfc(path)
    feats = article_features(rows, encoder, settings=settings)
    scores = frame_scores(feats, settings=settings)
    from comparekit.framing.frames import thresholds

    shipped = thresholds(settings)
    pred = np.stack([scores[:, k] >= shipped[f] for k, f in enumerate(NFC_FRAMES.values())], axis=1)
    return {
        "articles": len(rows),
        "sha256": file_sha256(path),
        "system": prf(gold, pred),
        "keyword": prf(gold, keyword_baseline(feats)),
        "majority": prf(gold, majority_baseline(gold)),
        "heldout": cross_validate(scores, gold),
        "grid_choice": nested_cross_validate(grid_frame_scores(feats, settings=settings), gold),
        "refit_thresholds": calibrate(scores, gold),
    }
