"""Corpus-mode benchmark on NTREX-128 (123 stories x eng/fra/rus/deu = 492 documents,
each language an outlet): wall time, documents/s, segments/s, peak memory, with 1 and
2 Dask worker processes (and the in-process default), plus the share of time per stage
and story-grouping quality (ARI, purity).

    .venv/bin/python benchmarks/corpus.py                  # all 123 stories
    .venv/bin/python benchmarks/corpus.py --stories 10     # a quick subset
    .venv/bin/python benchmarks/corpus.py --configs local processes:2

Each configuration runs in its own subprocess, so its peak memory is its own: the
largest sum of resident memory over the client and all its worker processes, sampled
every 0.1 s (psutil). The embedding disk cache is off, so every run embeds from scratch.
Stage shares are of task time summed over workers: load, clean, segment, langid, embed
(per document, once), group_align (align + similarity of candidate pairs, for story
grouping), then within each story align, relate (claim checks), detect, framing and
report (writing the files).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = (
    "load",
    "clean",
    "segment",
    "langid",
    "embed",
    "group_align",
    "align",
    "relate",
    "detect",
    "framing",
    "report",
)
BY_DOC = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"


class PeakMemory:
    """Largest total RSS of this process and its descendants while the block runs."""

    def __init__(self, every: float = 0.1) -> None:
        self.every, self.peak = every, 0
        self._stop = threading.Event()

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


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
    sampler = PeakMemory()
    t0 = time.perf_counter()
    with sampler:
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
    peak = max(sampler.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    return {
        "config": config,
        "documents": result.documents,
        "segments": segments,
        "stories": result.stories,
        "pairs": result.pairs,
        "wall_s": wall,
        "peak_mb": peak / 2**20,
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
            stdout=subprocess.PIPE,  # stderr passes through: a failing run shows why
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
    stages = list(STAGES)
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
        "\ngroup_align = align + similarity of candidate pairs (story grouping); align, relate"
        " (claim checks), detect, framing and report run within each story."
    )


if __name__ == "__main__":
    main()
