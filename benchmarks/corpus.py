"""Corpus-mode benchmark on NTREX-128 (123 stories x eng/fra/rus/deu = 492 documents,
each language an outlet): wall time, documents/s, segments/s, peak memory, with 1 and
2 Dask worker processes (and the in-process default), plus the share of time per stage
and story-grouping quality (ARI, purity).

    .venv/bin/python benchmarks/corpus.py                  # all 123 stories
    .venv/bin/python benchmarks/corpus.py --stories 10     # a quick subset
    .venv/bin/python benchmarks/corpus.py --configs local processes:2

Each configuration runs in its own subprocess, so its peak memory (client + workers,
max RSS) is its own. The embedding disk cache is off, so every run embeds from scratch.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BY_DOC = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"


def one(config: str, stories: int, out: Path) -> dict:
    """Run one configuration in this process; return its measurements."""
    sys.path.insert(0, str(ROOT))
    from comparekit.corpus.evaluate import NTREX_LANGUAGES, adjusted_rand_index, purity
    from comparekit.corpus.run import run_corpus
    from comparekit.settings import Settings

    manifest = out / "manifest.csv"
    gold = {}
    lines = ["path,outlet,language"]
    for lang, code in NTREX_LANGUAGES.items():
        for p in sorted((BY_DOC / lang).glob("*.txt"))[:stories]:
            lines.append(f"{p},ntrex-{lang},{code}")
            gold[str(p)] = p.stem
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scheduler, _, workers = config.partition(":")
    settings = Settings({"embed": {"cache": False}, "corpus": {"workers": int(workers or 2)}})
    t0 = time.perf_counter()
    result = run_corpus(manifest, out / "out", settings=settings, scheduler=scheduler)
    wall = time.perf_counter() - t0
    rows = (out / "out" / "stories.csv").read_text("utf-8").splitlines()[1:]
    import csv

    got = {r[0]: r[2] for r in csv.reader(rows)}
    paths = sorted(got)
    segments = sum(
        len(d["segments"])
        for rep in (out / "out" / "stories").glob("*/report.json")
        for d in json.loads(rep.read_text("utf-8"))["documents"]
    )
    peak = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return {
        "config": config,
        "documents": result.documents,
        "segments": segments,
        "stories": result.stories,
        "pairs": result.pairs,
        "wall_s": wall,
        "peak_mb": peak / 1024,
        "seconds": result.seconds,
        "ari": adjusted_rand_index([got[p] for p in paths], [gold[p] for p in paths]),
        "purity": purity([got[p] for p in paths], [gold[p] for p in paths]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=123)
    ap.add_argument("--configs", nargs="+", default=["local", "processes:1", "processes:2"])
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(one(args.one, args.stories, Path(tmp))))
        return
    results = []
    for config in args.configs:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", config, "--stories", str(args.stories)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"NTREX-128, {args.stories} stories x 4 languages (embedding cache off)\n")
    print(
        "| config | docs | segments | stories | pairs | wall s | docs/s | segments/s | peak MB | ARI | purity |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['config']} | {r['documents']} | {r['segments']} | {r['stories']} | {r['pairs']} |"
            f" {r['wall_s']:.1f} | {r['documents'] / r['wall_s']:.1f} | {r['segments'] / r['wall_s']:.0f} |"
            f" {r['peak_mb']:.0f} | {r['ari']:.3f} | {r['purity']:.3f} |"
        )
    print("\nShare of task time per stage (summed over workers):\n")
    stages = ["load", "prepare", "embed", "group_align", "compare", "report"]
    print("| config | " + " | ".join(stages) + " |")
    print("|---|" + "---|" * len(stages))
    for r in results:
        total = sum(r["seconds"].get(s, 0.0) for s in stages) or 1.0
        print(
            f"| {r['config']} | "
            + " | ".join(f"{100 * r['seconds'].get(s, 0.0) / total:.0f}%" for s in stages)
            + " |"
        )
    print(
        "\nprepare = clean + segment + langid; group_align = align + similarity of candidate"
        " pairs; compare = align + relate + detect + framing within each story."
    )


if __name__ == "__main__":
    main()
