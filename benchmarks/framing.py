"""Frame presence on the Narrative Frames Corpus dev set (225 articles, 5 frames).

Prints per-frame precision / recall / F1 and macro-F1 of comparekit's frame scores as
shipped (in-sample: the probe and the thresholds were fit on this file), beside the
always-majority and plain-keyword baselines computed in the same run, and three held-out
estimates (5-fold CV, 5 shuffles, the same outer splits):

- held-out with the probe (the headline): the cue + prototype ensemble blended with the
  learned probe (comparekit/framing/probe.py); in each outer 4/5 the probe's C is chosen
  by an inner 5-fold CV, the probe is fit, and the thresholds are fit on the inner
  out-of-fold blended scores; scored on the outer 1/5 (nested CV);
- held-out without the probe: the cue + prototype scores (an ensemble over the whole
  ``framing.eval_grid_*`` grid: no setting is chosen on data) with per-frame thresholds
  fit on 4/5 and scored on the other 1/5 (the score used with another encoder);
- grid choice (for comparison): a nested CV that chooses one (top_segments, cue_weight)
  point from the grid in each outer 4/5 by an inner 5-fold CV, thresholds fit on the
  outer 4/5, scored on the outer 1/5 (the procedure before the ensemble).

Also the thresholds re-fit on all of dev (to compare with defaults.toml).

    .venv/bin/python benchmarks/framing.py                 # print the table
    .venv/bin/python benchmarks/framing.py --update-floors # also re-pin tests/eval/framing_floors.json
    .venv/bin/python benchmarks/framing.py --train-probe   # re-train comparekit/data/frames/probe.json
                                                           # first (then copy the printed thresholds
                                                           # into framing.probe_thresholds)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# The probe's nested CV solves thousands of small (~180 x 180) Newton systems: one BLAS
# thread is ~4x faster than several on a shared 2-core machine. Only effective when this
# file is run as a script (numpy is not imported yet); the embeddings come from the cache.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
NFC = ROOT.parent / "shared" / "data" / "framing" / "narrative_frames" / "nfc_dev.tsv"
FLOORS = ROOT / "tests" / "eval" / "framing_floors.json"
PROBE = ROOT / "comparekit" / "data" / "frames" / "probe.json"
#: A floor sits this far below the measured score (room for BLAS last-bit differences,
#: which can move an article across a threshold: one article is ~0.01-0.03 F1).
MARGIN = 0.03


def run(path: Path = NFC) -> dict:
    """Evaluate with the shipped settings and the default encoder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from comparekit.embed import get_encoder
    from comparekit.framing.nfc import evaluate
    from comparekit.settings import Settings

    settings = Settings()
    return evaluate(path, get_encoder(settings=settings), settings=settings)


def train(path: Path = NFC) -> dict:
    """Train the frame probe on all of ``path`` with the default encoder and write
    comparekit/data/frames/probe.json; returns the file's content."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from comparekit.embed import get_encoder
    from comparekit.framing import nfc
    from comparekit.framing import probe as pr
    from comparekit.settings import Settings

    settings = Settings()
    encoder = get_encoder(settings=settings)
    rows, gold = nfc.load_nfc(path)
    feats = nfc.article_features(rows, encoder, settings=settings)
    trained = nfc.train_probe(feats, gold, settings=settings)
    data = {
        "_about": "Frame probe (comparekit/framing/probe.py), written by `benchmarks/framing.py"
        " --train-probe`: per NFC frame an L2 logistic regression on standardised features,"
        " C chosen by 5-fold CV log-loss on all of nfc_dev, then fit on all of it;"
        " oof_thresholds: F1-maximising on that CV's out-of-fold blended scores.",
        "encoder": encoder.name,
        "encoder_sha256": str(encoder.sha256),
        "nfc_dev_sha256": nfc.file_sha256(path),
        "articles": len(rows),
        "recipe": pr.RECIPE,
        "dim": int(len(trained["params"]["mean"])),
        "frames": list(pr.PROBE_FRAMES),
        "settings": pr.recorded_settings(settings),
        "trainer": "comparekit.framing.nfc.fit_logistic (numpy Newton, L2, intercept unpenalised)",
        "oof_thresholds": {f: round(v, 4) for f, v in trained["thresholds"].items()},
        "params_sha256": pr.params_sha256(trained["params"]),
        "params": trained["params"],
    }
    PROBE.write_text(json.dumps(data, sort_keys=True) + "\n", encoding="utf-8")
    pr.load.cache_clear()
    return data


def table(res: dict) -> str:
    from comparekit.framing.nfc import NFC_FRAMES

    nan = {"f1": {f: float("nan") for f in NFC_FRAMES.values()}, "macro_f1": float("nan")}
    held, grid, probe = res["heldout"], res["grid_choice"], res["heldout_probe"] or nan
    shipped = "with probe" if res["probe"] else "no probe"
    lines = [
        f"Narrative Frames Corpus dev: {res['articles']} articles (sha256 {res['sha256'][:12]})",
        "",
        f"{'':16} {'in-sample (' + shipped + ')':>20} | {'held-out F1':^20} |",
        f"{'frame':16} {'P':>6} {'R':>6} {'F1':>6} | {'probe':>6} {'c+p':>6} {'grid':>6} |"
        f" {'keyword F1':>10} {'majority F1':>11}",
    ]
    for frame in NFC_FRAMES.values():
        s = res["system"][frame]
        lines.append(
            f"{frame:16} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} |"
            f" {probe['f1'][frame]:6.3f} {held['f1'][frame]:6.3f} {grid['f1'][frame]:6.3f} |"
            f" {res['keyword'][frame]['f1']:10.3f} {res['majority'][frame]['f1']:11.3f}"
        )
    lines.append(
        f"{'macro-F1':16} {'':6} {'':6} {res['system']['macro']['f1']:6.3f} |"
        f" {probe['macro_f1']:6.3f} {held['macro_f1']:6.3f} {grid['macro_f1']:6.3f} |"
        f" {res['keyword']['macro']['f1']:10.3f} {res['majority']['macro']['f1']:11.3f}"
    )
    lines += [
        "",
        "held-out columns: probe = cue + prototype ensemble blended with the learned probe, the"
        " probe, its C and the thresholds trained inside each outer training part (nested CV);"
        " c+p = the ensemble alone, thresholds fit in the training folds; grid = one grid point"
        " chosen per outer fold by an inner CV. All 5-fold x 5 shuffles, the same outer splits.",
    ]
    if res["heldout_probe"] is not None:
        lines.append(
            f"HEADLINE held-out macro-F1 with the probe (nested CV): mean {probe['macro_f1']:.3f},"
            f" min {probe['macro_f1_min']:.3f}, max {probe['macro_f1_max']:.3f}"
            f" (C chosen: {json.dumps(probe['chosen_c'])})"
        )
    lines += [
        f"held-out macro-F1 without the probe (thresholds fit in the training folds):"
        f" mean {held['macro_f1']:.3f}, min {held['macro_f1_min']:.3f}, max {held['macro_f1_max']:.3f}",
        f"grid choice (nested CV choosing one grid point per outer fold) over 5 shuffles:"
        f" mean {grid['macro_f1']:.3f}, min {grid['macro_f1_min']:.3f}, max {grid['macro_f1_max']:.3f}"
        f" (chosen: {json.dumps(grid['chosen'], sort_keys=True)})",
        f"in-sample without the probe (framing.thresholds): {res['system_without_probe']['macro']['f1']:.3f}",
        "thresholds (no probe) re-fit on all of dev: "
        + json.dumps({k: round(v, 4) for k, v in res["refit_thresholds"].items()}),
    ]
    return "\n".join(lines)


def floors(res: dict) -> dict:
    """The floor file: data hash, measured scores, floors MARGIN below them."""
    from comparekit.framing.nfc import NFC_FRAMES

    frames = list(NFC_FRAMES.values())
    return {
        "_about": "Written by `benchmarks/framing.py --update-floors`; checked by tests/eval/test_framing_gate.py.",
        "nfc_dev_sha256": res["sha256"],
        "measured": {
            "f1": {f: round(res["system"][f]["f1"], 4) for f in frames},
            "macro_f1": round(res["system"]["macro"]["f1"], 4),
            "heldout_macro_f1": round(res["heldout"]["macro_f1"], 4),
            "heldout_f1": {f: round(res["heldout"]["f1"][f], 4) for f in frames},
            "grid_choice_macro_f1": round(res["grid_choice"]["macro_f1"], 4),
            "heldout_probe_macro_f1": round(res["heldout_probe"]["macro_f1"], 4),
            "heldout_probe_macro_f1_min": round(res["heldout_probe"]["macro_f1_min"], 4),
            "heldout_probe_f1": {f: round(res["heldout_probe"]["f1"][f], 4) for f in frames},
            "macro_f1_without_probe": round(res["system_without_probe"]["macro"]["f1"], 4),
            "keyword_f1": {f: round(res["keyword"][f]["f1"], 4) for f in frames},
        },
        "floors": {
            "f1": {f: round(res["system"][f]["f1"] - MARGIN, 4) for f in frames},
            "macro_f1": round(res["system"]["macro"]["f1"] - MARGIN, 4),
            "heldout_macro_f1": round(res["heldout"]["macro_f1"] - MARGIN, 4),
            "heldout_probe_macro_f1": round(res["heldout_probe"]["macro_f1"] - MARGIN, 4),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument(
        "--train-probe", action="store_true", help="re-train comparekit/data/frames/probe.json first"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.train_probe:
        data = train()
        sys.stdout.write(
            f"wrote {PROBE.relative_to(ROOT)} (params sha256 {data['params_sha256'][:12]}); C per frame "
            + json.dumps({f: data["params"]["frames"][f]["C"] for f in data["frames"]})
            + "\nframing.probe_thresholds (out-of-fold, for defaults.toml): "
            + json.dumps(data["oof_thresholds"])
            + "\n\n"
        )
    res = run()
    sys.stdout.write(table(res) + f"\n\n{time.perf_counter() - start:.1f} s\n")
    if args.update_floors:
        FLOORS.write_text(json.dumps(floors(res), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        sys.stdout.write(f"wrote {FLOORS.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
