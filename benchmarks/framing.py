"""Frame presence on the Narrative Frames Corpus dev set (225 articles, 5 frames).

Prints per-frame precision / recall / F1 and macro-F1 of comparekit's frame scores with
the shipped thresholds (in-sample: they were fit on this file), beside the always-majority
and plain-keyword baselines computed in the same run, and two held-out estimates:

- held-out (the headline): the shipped scores (an ensemble over the whole
  ``framing.eval_grid_*`` grid: no setting is chosen on data) with per-frame thresholds
  fit on 4/5 and scored on the other 1/5 (5-fold CV, 5 shuffles);
- grid choice (for comparison): a nested CV that chooses one (top_segments, cue_weight)
  point from the grid in each outer 4/5 by an inner 5-fold CV, thresholds fit on the
  outer 4/5, scored on the outer 1/5 (the procedure before the ensemble).

Also the thresholds re-fit on all of dev (to compare with defaults.toml).

    .venv/bin/python benchmarks/framing.py                 # print the table
    .venv/bin/python benchmarks/framing.py --update-floors # also re-pin tests/eval/framing_floors.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NFC = ROOT.parent / "shared" / "data" / "framing" / "narrative_frames" / "nfc_dev.tsv"
FLOORS = ROOT / "tests" / "eval" / "framing_floors.json"
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


def table(res: dict) -> str:
    from comparekit.framing.nfc import NFC_FRAMES

    lines = [
        f"Narrative Frames Corpus dev: {res['articles']} articles (sha256 {res['sha256'][:12]})",
        "",
        f"{'':16} {'in-sample':>20} | {'held':>6} {'grid':>6} |",
        f"{'frame':16} {'P':>6} {'R':>6} {'F1':>6} | {'out F1':>6} {'ch. F1':>6} | {'keyword F1':>10} {'majority F1':>11}",
    ]
    held, grid = res["heldout"], res["grid_choice"]
    for frame in NFC_FRAMES.values():
        s = res["system"][frame]
        lines.append(
            f"{frame:16} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} |"
            f" {held['f1'][frame]:6.3f} {grid['f1'][frame]:6.3f} |"
            f" {res['keyword'][frame]['f1']:10.3f} {res['majority'][frame]['f1']:11.3f}"
        )
    lines.append(
        f"{'macro-F1':16} {'':6} {'':6} {res['system']['macro']['f1']:6.3f} |"
        f" {held['macro_f1']:6.3f} {grid['macro_f1']:6.3f} |"
        f" {res['keyword']['macro']['f1']:10.3f} {res['majority']['macro']['f1']:11.3f}"
    )
    lines += [
        "",
        f"HEADLINE held-out macro-F1 over 5 shuffles (shipped ensemble, thresholds fit in the"
        f" training folds): mean {held['macro_f1']:.3f}, min {held['macro_f1_min']:.3f},"
        f" max {held['macro_f1_max']:.3f}",
        f"grid choice (nested CV choosing one grid point per outer fold) over 5 shuffles:"
        f" mean {grid['macro_f1']:.3f}, min {grid['macro_f1_min']:.3f}, max {grid['macro_f1_max']:.3f}"
        f" (chosen: {json.dumps(grid['chosen'], sort_keys=True)})",
        "thresholds re-fit on all of dev: "
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
            "keyword_f1": {f: round(res["keyword"][f]["f1"], 4) for f in frames},
        },
        "floors": {
            "f1": {f: round(res["system"][f]["f1"] - MARGIN, 4) for f in frames},
            "macro_f1": round(res["system"]["macro"]["f1"] - MARGIN, 4),
            "heldout_macro_f1": round(res["heldout"]["macro_f1"] - MARGIN, 4),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-floors", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    res = run()
    sys.stdout.write(table(res) + f"\n\n{time.perf_counter() - start:.1f} s\n")
    if args.update_floors:
        FLOORS.write_text(json.dumps(floors(res), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        sys.stdout.write(f"wrote {FLOORS.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
