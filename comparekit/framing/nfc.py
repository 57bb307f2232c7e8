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
from comparekit.framing import probe as pr
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
        vecs = vectors[row : row + len(ts)] if vectors is not None else None
        row += len(ts)
        out.append({"counts": counts, "words": words, "sims": sims, "vectors": vecs, "text": " ".join(ts)})
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


def probe_matrix(features: list[dict], *, settings: Settings) -> np.ndarray:
    """The learned probe's features ``[n_articles, d]`` (:func:`.probe.document_features`)."""
    return np.stack(
        [
            pr.document_features(f["vectors"], f["counts"], f["words"], f["sims"], settings=settings)
            for f in features
        ]
    )


def probe_frame_scores(features: list[dict], probe: dict, *, settings: Settings) -> np.ndarray:
    """Document frame scores ``[n_articles, 5]`` blended with a trained ``probe``, as the
    report computes them."""
    scores = frame_scores(features, settings=settings)
    return pr.mix(scores, pr.predict(probe, probe_matrix(features, settings=settings)), settings=settings)


def fit_logistic(x: np.ndarray, gold: np.ndarray, grid: list[float]) -> dict:
    """L2-regularised logistic regressions, plain numpy: for every column of ``gold``
    ``[n, m]`` and every ``C`` of ``grid``, the minimiser of
    ``sum_i logloss(y_i, w . z_i + b) + |w|^2 / (2 C)`` (the intercept unpenalised, as
    scikit-learn's ``LogisticRegression(C=C)``; they agree to 1e-6) on the standardised
    features ``z = (x - mean) / scale``.

    With ``n`` articles far fewer than features, ``w`` lies in the span of the rows of
    ``z``, so the problem is solved exactly by Newton's method in that ``n``-dimensional
    span (one eigendecomposition of ``z z^T`` serves every column and ``C``).
    Returns ``{"mean", "scale", (column, C): (weights [d], bias)}``."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    eigval, eigvec = np.linalg.eigh(z @ z.T)
    keep = eigval > 1e-8 * max(float(eigval.max()), 1e-12)
    root = np.sqrt(eigval[keep])
    design = np.hstack([eigvec[:, keep] * root, np.ones((len(x), 1))])  # span coordinates + intercept
    back = z.T @ (eigvec[:, keep] / root)  # span coordinates -> feature weights
    out: dict = {"mean": mean, "scale": scale}
    for k in range(gold.shape[1]):
        y = gold[:, k].astype(np.float64)
        theta = np.zeros(design.shape[1])
        for c in sorted(grid):  # warm start from the previous C
            reg = np.full(design.shape[1], 1.0 / c)
            reg[-1] = 0.0
            for _ in range(100):
                p = 1.0 / (1.0 + np.exp(-(design @ theta)))
                grad = design.T @ (p - y) + reg * theta
                hess = (design * (p * (1.0 - p))[:, None]).T @ design + np.diag(reg + 1e-10)
                step = np.linalg.solve(hess, grad)
                theta = theta - step
                if np.max(np.abs(step)) < 1e-10:
                    break
            out[(k, c)] = (back @ theta[:-1], float(theta[-1]))
    return out


def _apply_probe(fits: dict, key: tuple[int, float], x: np.ndarray) -> np.ndarray:
    """Probabilities of one of :func:`fit_logistic`'s fits (``key`` = (column, C))."""
    weights, bias = fits[key]
    return pr.logistic(x, fits["mean"], fits["scale"], weights, bias)


def choose_probe_c(
    x: np.ndarray, gold: np.ndarray, rows: np.ndarray, grid: list[float], *, seed: int, folds: int = 5
) -> tuple[list[float], np.ndarray]:
    """Per column of ``gold``, the regularisation ``C`` of ``grid`` with the lowest
    out-of-fold log-loss by a ``folds``-fold CV inside ``rows`` (ties: the smaller C),
    and those out-of-fold probabilities ``[len(gold), m]`` (zero outside ``rows``; the
    thresholds are fit on them)."""
    grid = sorted(grid)
    oof = np.zeros((len(grid), len(gold), gold.shape[1]))
    perm = np.random.RandomState(seed).permutation(rows)
    for test in np.array_split(perm, folds):
        train = np.setdiff1d(perm, test)
        fits = fit_logistic(x[train], gold[train], grid)
        for j, c in enumerate(grid):
            for k in range(gold.shape[1]):
                oof[j, test, k] = _apply_probe(fits, (k, c), x[test])
    p = np.clip(oof[:, rows], 1e-9, 1 - 1e-9)
    y = gold[rows][None]
    loss = -np.mean(np.where(y, np.log(p), np.log(1 - p)), axis=1)  # [n_grid, m]
    best = np.argmin(loss, axis=0)  # first (smallest C) on ties
    return [grid[j] for j in best], np.stack([oof[j, :, k] for k, j in enumerate(best)], axis=1)


def train_probe(features: list[dict], gold: np.ndarray, *, settings: Settings, seed: int = 0) -> dict:
    """The probe trained on all articles: per frame ``C`` chosen by a 5-fold CV
    (:func:`choose_probe_c`), then fit on everything. Also the presence thresholds of the
    blended scores, F1-maximising on the out-of-fold blended scores of that CV (the
    probe never scores an article it was trained on when its thresholds are fit).
    Returns ``{"params": ..., "thresholds": ...}``."""
    x = probe_matrix(features, settings=settings)
    scores = frame_scores(features, settings=settings)
    grid = list(settings.framing.probe_c_grid)
    chosen, oof = choose_probe_c(x, gold, np.arange(len(gold)), grid, seed=seed)
    fits = fit_logistic(x, gold, grid)
    frames, limits = {}, {}
    for k, frame in enumerate(NFC_FRAMES.values()):
        weights, bias = fits[(k, chosen[k])]
        frames[frame] = {
            "weights": [float(f"{v:.7g}") for v in weights],
            "bias": float(f"{bias:.7g}"),
            "C": chosen[k],
        }
        limits[frame] = best_threshold(pr.mix(scores[:, k], oof[:, k], settings=settings), gold[:, k])
    params = {
        "mean": [float(f"{v:.7g}") for v in fits["mean"]],
        "scale": [float(f"{v:.7g}") for v in fits["scale"]],
        "frames": frames,
    }
    return {"params": params, "thresholds": limits}


def nested_probe_cross_validate(
    features: list[dict], gold: np.ndarray, *, settings: Settings, folds: int = 5, seeds: int = 5
) -> dict:
    """Honest held-out estimate of the probe-blended scores, the whole training procedure
    repeated inside each outer training part: per frame ``C`` chosen by an inner
    ``folds``-fold CV of the log-loss, the probe fit on the outer training part, the
    threshold fit on the inner out-of-fold blended scores; all applied to the outer test
    fold, which took part in none of it. Same outer splits as :func:`cross_validate`."""
    x = probe_matrix(features, settings=settings)
    scores = frame_scores(features, settings=settings)
    grid = list(settings.framing.probe_c_grid)
    runs, chosen = [], []
    for seed, splits in outer_splits(len(gold), folds=folds, seeds=seeds):
        pred = np.zeros_like(gold)
        for train, test in splits:
            cs, oof = choose_probe_c(x, gold, train, grid, seed=1000 + seed, folds=folds)
            chosen += cs
            fits = fit_logistic(x[train], gold[train], sorted(set(cs)))
            for k in range(gold.shape[1]):
                t = best_threshold(pr.mix(scores[train, k], oof[train, k], settings=settings), gold[train, k])
                p = _apply_probe(fits, (k, cs[k]), x[test])
                pred[test, k] = pr.mix(scores[test, k], p, settings=settings) >= t
        runs.append(prf(gold, pred))
    return _summary(runs) | {"chosen_c": {str(c): chosen.count(c) for c in sorted(set(chosen))}}


def outer_splits(n: int, *, folds: int, seeds: int) -> list[tuple[int, list[tuple[np.ndarray, np.ndarray]]]]:
    """The outer CV splits every estimate here shares: per shuffle ``seed`` (0 ..
    ``seeds - 1``) the articles permuted by that seed and cut into ``folds`` test folds,
    each with the rest as its training part: ``[(seed, [(train, test), ...]), ...]``."""
    out = []
    for seed in range(seeds):
        perm = np.random.RandomState(seed).permutation(n)
        out.append((seed, [(np.setdiff1d(perm, test), test) for test in np.array_split(perm, folds)]))
    return out


def _summary(runs: list[dict]) -> dict:
    """Mean macro-F1 over repeated CV runs (:func:`prf` results), its min and max, and
    the mean F1 per frame."""
    macros = [r["macro"]["f1"] for r in runs]
    return {
        "macro_f1": float(np.mean(macros)),
        "macro_f1_min": float(np.min(macros)),
        "macro_f1_max": float(np.max(macros)),
        "f1": {f: float(np.mean([r[f]["f1"] for r in runs])) for f in NFC_FRAMES.values()},
    }


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
    runs = []
    for _seed, splits in outer_splits(len(gold), folds=folds, seeds=seeds):
        pred = np.zeros_like(gold)
        for train, test in splits:
            for k in range(gold.shape[1]):
                t = best_threshold(scores[train, k], gold[train, k])
                pred[test, k] = scores[test, k] >= t
        runs.append(prf(gold, pred))
    return _summary(runs)


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
    runs, chosen = [], []
    for seed, splits in outer_splits(len(gold), folds=folds, seeds=seeds):
        pred = np.zeros_like(gold)
        for train, test in splits:
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
        runs.append(prf(gold, pred))
    return _summary(runs) | {"chosen": {str(list(k)): chosen.count(k) for k in keys if chosen.count(k)}}


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


def evaluate(path: str | Path, encoder: Any, *, settings: Settings, probe_cv: bool = True) -> dict:
    """Everything the gate and the benchmark print: the system as shipped (the
    probe-blended scores with ``framing.probe_thresholds`` when the shipped probe
    applies to ``encoder``, in-sample twice over: probe and thresholds were fit on this
    file), the two baselines, the held-out estimates -- of the probe-blended scores (the
    headline: the probe, its ``C`` and the thresholds all trained inside each outer
    training part, :func:`nested_probe_cross_validate`) and of the cue + prototype
    scores alone (thresholds fit inside each training fold, nothing else fit on data) --
    the nested CV that instead chooses one ``framing.eval_grid_*`` point inside each
    outer training part (for comparison), and thresholds re-fit on all of dev."""
    from comparekit.framing.frames import thresholds

    rows, gold = load_nfc(path)
    feats = article_features(rows, encoder, settings=settings)
    scores = frame_scores(feats, settings=settings)
    probe = pr.usable(encoder, settings) if encoder is not None else None
    if probe is not None:
        shipped_scores, shipped = probe_frame_scores(feats, probe, settings=settings), pr.thresholds(settings)
    else:
        shipped_scores, shipped = scores, thresholds(settings)
    pred = np.stack([shipped_scores[:, k] >= shipped[f] for k, f in enumerate(NFC_FRAMES.values())], axis=1)
    base = thresholds(settings)
    base_pred = np.stack([scores[:, k] >= base[f] for k, f in enumerate(NFC_FRAMES.values())], axis=1)
    with_vectors = encoder is not None and all(f["vectors"] is not None and len(f["vectors"]) for f in feats)
    return {
        "articles": len(rows),
        "sha256": file_sha256(path),
        "probe": probe is not None,
        "system": prf(gold, pred),
        "system_without_probe": prf(gold, base_pred),
        "keyword": prf(gold, keyword_baseline(feats)),
        "majority": prf(gold, majority_baseline(gold)),
        "heldout": cross_validate(scores, gold),
        "heldout_probe": (
            nested_probe_cross_validate(feats, gold, settings=settings) if probe_cv and with_vectors else None
        ),
        "grid_choice": nested_cross_validate(grid_frame_scores(feats, settings=settings), gold),
        "refit_thresholds": calibrate(scores, gold),
    }
