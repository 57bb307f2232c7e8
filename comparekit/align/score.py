"""Beads in the gold format, and strict/lax precision, recall and F1.

A bead is ``(src_indices, tgt_indices)``, 0-based sentence indices, written one a line as
``[i, j]:[k]`` (``[]`` for an empty side). Scoring follows Vecalign's ``score.py``
(the one Bertalign publishes with), counts micro-averaged over documents:

- precision is over every output bead (0-1 and 1-0 included) against every gold bead;
- recall swaps the roles, with 0-1/1-0 beads dropped from both sides;
- strict: a bead counts only when it equals a bead of the other side; lax: when it shares
  at least one sentence on both sides with one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from comparekit.errors import InputError

Bead = tuple[tuple[int, ...], tuple[int, ...]]

_BEAD_RE = re.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]\s*$")


def _indices(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.replace(",", " ").split())


def parse_beads(text: str) -> list[Bead]:
    """Parse gold-format lines (``[0, 1]:[2]``) into beads; blank lines are ignored."""
    beads = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _BEAD_RE.match(line)
        if not m:
            raise InputError(f"line {n} is not a bead like [0, 1]:[2]: {line.strip()[:60]!r}")
        beads.append((_indices(m.group(1)), _indices(m.group(2))))
    return beads


def format_bead(bead: Bead) -> str:
    """One bead in the gold format: ``[9, 10]:[9]``."""
    src, tgt = bead
    return f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"


def format_beads(beads: Iterable[Bead]) -> str:
    """Beads one a line, with a final newline."""
    return "".join(format_bead(b) + "\n" for b in beads)


def _counts(gold: Sequence[Bead], test: Sequence[Bead]) -> tuple[int, int, int, int]:
    """(strict tp, strict fp, lax tp, lax fp) of ``test`` against ``gold``."""
    gold_set = set(gold)
    # sentence -> gold beads that contain it, for the lax overlap test
    by_src: dict[int, list[int]] = {}
    for k, (src, _tgt) in enumerate(gold):
        for i in src:
            by_src.setdefault(i, []).append(k)
    tps = fps = tpl = fpl = 0
    for bead in test:
        src, tgt = bead
        if not src and not tgt:
            continue
        if bead in gold_set:
            tps += 1
            tpl += 1
            continue
        fps += 1
        tset = set(tgt)
        cand = {k for i in src for k in by_src.get(i, ())}
        if any(tset & set(gold[k][1]) for k in cand):
            tpl += 1
        else:
            fpl += 1
    return tps, fps, tpl, fpl


@dataclass(frozen=True)
class AlignScore:
    """Strict and lax precision, recall and F1."""

    strict_p: float
    strict_r: float
    strict_f1: float
    lax_p: float
    lax_r: float
    lax_f1: float

    def as_dict(self, digits: int = 4) -> dict[str, float]:
        return {k: round(v, digits) for k, v in self.__dict__.items()}


def _prf(p_tp: int, p_fp: int, r_tp: int, r_fp: int) -> tuple[float, float, float]:
    p = p_tp / (p_tp + p_fp) if p_tp + p_fp else 0.0
    r = r_tp / (r_tp + r_fp) if r_tp + r_fp else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_alignments(golds: Sequence[Sequence[Bead]], tests: Sequence[Sequence[Bead]]) -> AlignScore:
    """Micro-averaged strict/lax P/R/F1 over documents (``golds[k]`` vs ``tests[k]``)."""
    if len(golds) != len(tests):
        raise ValueError(f"{len(golds)} gold documents but {len(tests)} test documents")
    pc = [0, 0, 0, 0]
    rc = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        gold = [(tuple(s), tuple(t)) for s, t in gold]
        test = [(tuple(s), tuple(t)) for s, t in test]
        for k, v in enumerate(_counts(gold, test)):
            pc[k] += v
        gold_nd = [b for b in gold if b[0] and b[1]]
        test_nd = [b for b in test if b[0] and b[1]]
        for k, v in enumerate(_counts(test_nd, gold_nd)):
            rc[k] += v
    sp, sr, sf = _prf(pc[0], pc[1], rc[0], rc[1])
    lp, lr, lf = _prf(pc[2], pc[3], rc[2], rc[3])
    return AlignScore(sp, sr, sf, lp, lr, lf)
