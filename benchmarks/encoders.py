"""Encoder benchmark on real news sentences: NTREX-128 (../shared/data/alignment/ntrex128).

For every encoder in models.lock that is installed (plus any ``--encoder NAME`` given):

- load: seconds from nothing to the first vector (imports, weights, one encode);
- sentences/s at 1 and 2 threads: all 1,997 English NTREX sentences (123 documents,
  line by line), encoded in one call after a warm-up, cache off;
- peak memory: peak resident set (``VmHWM``) of a fresh process that loads the encoder once and does all
  of the 2-thread work (tracemalloc misses numpy/torch buffers);
- P@1 en->fr and en->ru: for each English sentence, is its line-parallel human
  translation the nearest of all 1,997 sentences of that language? (A harder task than
  a 60-sentence probe: every other NTREX sentence is a distractor.)

Each (encoder, thread count) runs in its own subprocess. Run on a quiet machine:

    .venv/bin/python -m benchmarks.encoders                 # prints the table
    .venv/bin/python -m benchmarks.encoders --limit 200     # a quick look
    .venv/bin/python -m benchmarks.encoders --encoder st:/path/to/model --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"
LANGS = {"en": "eng", "fr": "fra", "ru": "rus"}


def load_sentences(limit: int | None = None) -> dict[str, list[str]]:
    """Line-parallel NTREX sentences by language (documents in file order)."""
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for path in sorted((NTREX / "eng").glob("*.txt")):
        lines = {lang: (NTREX / d / path.name).read_text("utf-8").splitlines() for lang, d in LANGS.items()}
        if len({len(v) for v in lines.values()}) != 1:
            raise SystemExit(f"NTREX {path.name} is not line-parallel")
        for lang, v in lines.items():
            out[lang].extend(v)
    keep = [i for i, s in enumerate(out["en"]) if s.strip()]
    keep = keep[:limit] if limit else keep
    return {lang: [v[i] for i in keep] for lang, v in out.items()}


def precision_at_1(src, tgt) -> float:
    """Share of rows of ``src`` [n, dim] whose nearest row of ``tgt`` [n, dim] is the same index."""
    import numpy as np

    return float(np.mean((src @ tgt.T).argmax(axis=1) == np.arange(len(src))))


def worker(name: str, threads: int, limit: int | None, retrieval: bool) -> dict:
    """One fresh process: load, time, (retrieve); returns the measurements."""

    from comparekit.embed import get_encoder
    from comparekit.settings import Settings

    data = load_sentences(limit)
    settings = Settings({"embed": {"threads": threads, "cache": False}})
    start = time.perf_counter()
    enc = get_encoder(name, settings=settings)
    enc.encode(["Warm-up sentence for the encoder benchmark."])
    load = time.perf_counter() - start
    enc.encode(data["en"][:64])  # warm-up at batch size
    start = time.perf_counter()
    en = enc.encode(data["en"])
    rate = len(data["en"]) / (time.perf_counter() - start)
    out = {"encoder": name, "threads": threads, "n": len(data["en"]), "load_s": load, "per_s": rate}
    if retrieval:
        for lang in ("fr", "ru"):
            out[f"p1_en_{lang}"] = precision_at_1(en, enc.encode(data[lang]))
    from benchmarks.memory import peak_rss_mb  # VmHWM: ru_maxrss would count the parent too

    out["peak_mb"] = peak_rss_mb()
    return out


def run_worker(name: str, threads: int, limit: int | None, retrieval: bool) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    cmd = [sys.executable, "-m", "benchmarks.encoders", "--worker", name, "--threads", str(threads)]
    cmd += ["--limit", str(limit)] if limit else []
    cmd += [] if retrieval else ["--no-retrieval"]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    if r.returncode != 0:
        raise SystemExit(f"{name} at {threads} threads failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def installed_encoders() -> list[str]:
    from comparekit.embed.lock import read_lock

    return [m.name for m in read_lock().values() if m.installed_version() is not None]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--encoder", action="append", default=[], help="extra encoder name (repeatable)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, default=2, help=argparse.SUPPRESS)
    ap.add_argument("--no-retrieval", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.threads, args.limit, not args.no_retrieval)))
        return 0
    rows = []
    for name in installed_encoders() + args.encoder:
        main_run = run_worker(name, 2, args.limit, retrieval=True)
        one = run_worker(name, 1, args.limit, retrieval=False)
        per_s_2 = main_run.pop("per_s")
        rows.append({**main_run, "per_s_1": one["per_s"], "per_s_2": per_s_2})
    header = f"{'encoder':<12} {'load s':>7} {'sent/s 1thr':>11} {'sent/s 2thr':>11} {'peak MB':>8} {'P@1 en>fr':>9} {'P@1 en>ru':>9}"
    print(f"NTREX-128, {rows[0]['n'] if rows else 0} English sentences; P@1 among all of them")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['encoder']:<12} {r['load_s']:>7.1f} {r['per_s_1']:>11.0f} {r['per_s_2']:>11.0f}"
            f" {r['peak_mb']:>8.0f} {r['p1_en_fr']:>9.3f} {r['p1_en_ru']:>9.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
