"""Gold sentence-alignment sets on disk, and scoring parallel mode against them.

A set is a folder of one-sentence-a-line files with a bead file per document pair:
``NNN.en`` + ``NNN.fr`` + ``NNN.align`` (NTREX) or ``Book.en`` + ``Book.fr`` +
``Book.en-fr.align`` (TransRead). Used by the eval gate and ``benchmarks/align.py``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from comparekit.align.score import AlignScore, Bead, parse_beads, score_alignments
from comparekit.errors import InputError
from comparekit.settings import Settings


@dataclass(frozen=True)
class GoldPair:
    """One document pair: sentences of both sides and the gold beads."""

    name: str
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    gold: tuple[Bead, ...]
    files: tuple[Path, ...]


def read_lines(path: Path) -> list[str]:
    """The lines of a one-sentence-a-line file (no final empty line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def load_gold_set(folder: str | Path, src_lang: str, tgt_lang: str) -> list[GoldPair]:
    """Every ``<name>.<src_lang>`` in ``folder`` with its target and bead file, by name."""
    folder = Path(folder)
    pairs = []
    for src in sorted(folder.glob(f"*.{src_lang}")):
        stem = src.name[: -len(src_lang) - 1]
        tgt = folder / f"{stem}.{tgt_lang}"
        gold = next(
            (
                p
                for p in (folder / f"{stem}.align", folder / f"{stem}.{src_lang}-{tgt_lang}.align")
                if p.exists()
            ),
            None,
        )
        if not tgt.exists() or gold is None:
            raise InputError(f"{src}: no {tgt.name} or bead file beside it")
        beads = parse_beads(gold.read_text(encoding="utf-8"))
        pairs.append(
            GoldPair(stem, tuple(read_lines(src)), tuple(read_lines(tgt)), tuple(beads), (src, tgt, gold))
        )
    if not pairs:
        raise InputError(f"no *.{src_lang} files in {folder}")
    return pairs


def files_sha256(pairs: Sequence[GoldPair]) -> str:
    """One sha256 over every file of a set (names and contents, in order)."""
    h = hashlib.sha256()
    for pair in pairs:
        for path in pair.files:
            h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


@dataclass(frozen=True)
class SetResult:
    """Scores and timing of one aligner on one gold set."""

    score: AlignScore
    seconds: float
    beads: tuple[tuple[Bead, ...], ...]


def evaluate_parallel(
    pairs: Sequence[GoldPair], encode: Callable[[list[str]], np.ndarray], *, settings: Settings
) -> SetResult:
    """Align every pair in parallel mode with ``encode`` (sentences and runs) and score it."""
    from comparekit.align.parallel import align_parallel_vectors

    start = time.perf_counter()
    outputs = []
    for pair in pairs:
        va, vb = encode(list(pair.src)), encode(list(pair.tgt))
        beads = align_parallel_vectors(va, vb, pair.src, pair.tgt, settings=settings, encode=encode)
        outputs.append(tuple(b for b, _ in beads))
    seconds = time.perf_counter() - start
    return SetResult(score_alignments([p.gold for p in pairs], outputs), seconds, tuple(outputs))


class MemoEncoder:
    """Wraps an encoder so that each distinct text is embedded once; the memo can be
    saved to / loaded from an ``.npz`` file (float16, texts alongside) between runs."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray]) -> None:
        self._encode = encode
        self._memo: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually sent to the encoder

    def encode(self, texts: list[str]) -> np.ndarray:
        """float32 ``[len(texts), dim]``, L2-normalised."""
        todo = sorted({t for t in texts if t not in self._memo})
        if todo:
            vectors = np.asarray(self._encode(todo), dtype=np.float32)
            self._memo.update(zip(todo, vectors))
            self.encoded += len(todo)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        out = np.stack([self._memo[t] for t in texts]).astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    __call__ = encode

    def save(self, path: str | Path) -> None:
        texts = sorted(self._memo)
        vectors = np.stack([self._memo[t] for t in texts]).astype(np.float16) if texts else np.zeros((0, 1))
        np.savez(path, texts=np.array(texts, dtype=str), vectors=vectors)  # no pickled objects

    def load(self, path: str | Path) -> int:
        """Add a saved memo; returns how many texts it held (0 when the file is missing)."""
        path = Path(path)
        if not path.exists():
            return 0
        try:
            data = np.load(path, allow_pickle=False)  # a cache file is data, never code
            texts = [str(t) for t in data["texts"]]
        except (ValueError, OSError, KeyError):  # an older (pickled) or damaged memo: recompute
            return 0
        self._memo.update(zip(texts, data["vectors"].astype(np.float32)))
        return len(texts)
