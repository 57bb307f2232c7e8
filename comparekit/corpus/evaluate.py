"""Scores for story grouping against known stories (eval gate and benchmarks), and the
NTREX-128 corpus as a manifest: 123 stories x 4 languages, each language an outlet."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Sequence
from math import comb
from pathlib import Path

NTREX_LANGUAGES = {"eng": "en", "fra": "fr", "rus": "ru", "deu": "de"}


def adjusted_rand_index(labels: Sequence, gold: Sequence) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985) of a clustering against gold labels:
    1 = identical partitions, ~0 = chance."""
    n = len(labels)
    if n < 2:
        return 1.0
    pairs_both = sum(comb(v, 2) for v in Counter(zip(labels, gold)).values())
    pairs_a = sum(comb(v, 2) for v in Counter(labels).values())
    pairs_b = sum(comb(v, 2) for v in Counter(gold).values())
    expected = pairs_a * pairs_b / comb(n, 2)
    top = (pairs_a + pairs_b) / 2
    return 1.0 if top == expected else (pairs_both - expected) / (top - expected)


def purity(labels: Sequence, gold: Sequence) -> float:
    """Share of items whose cluster's majority gold label is their own."""
    best: dict = {}
    for (label, _), count in Counter(zip(labels, gold)).items():
        best[label] = max(best.get(label, 0), count)
    return sum(best.values()) / len(labels) if labels else 1.0


def ntrex_files(by_doc: Path) -> list[tuple[Path, str, str]]:
    """``(path, outlet, story)`` for every NTREX document, language by language."""
    return [
        (p, f"ntrex-{lang}", p.stem)
        for lang in NTREX_LANGUAGES
        for p in sorted((by_doc / lang).glob("*.txt"))
    ]


def files_sha256(paths: Sequence[Path]) -> str:
    """One sha256 over the files' names and contents (floors record it)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(f"{p.parent.name}/{p.name}\n".encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def write_ntrex_manifest(by_doc: Path, out: Path) -> dict[str, str]:
    """Write a CSV manifest of NTREX (languages declared); return doc path -> story."""
    gold = {}
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["path", "outlet", "language"])
        for path, outlet, story in ntrex_files(by_doc):
            writer.writerow([str(path), outlet, NTREX_LANGUAGES[path.parent.name]])
            gold[str(path)] = story
    return gold
