"""Group documents into stories.

1. Candidates: each document's nearest neighbours by document embedding (the mean of
   its alignable segment vectors, ``[dim]``) and by shared names and numbers; pairs
   whose dates lie further apart than ``corpus.date_window_days`` are never candidates.
2. Each candidate pair is scored with the same score ``compare`` reports as
   ``summary.similarity`` (align -> relate -> :func:`comparekit.compare.similarity`),
   on the workers (:mod:`comparekit.corpus.tasks`).
3. Average-linkage clustering over those scores (a pair that was not a candidate counts
   as 0), merging while the average reaches ``corpus.story_threshold``. Average linkage
   does not chain two stories together through one stray high pair, as single linkage
   (connected components) would.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from comparekit.settings import Settings

# Names: capitalised words not at a sentence start, in any script with case.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[^\W\d_][^\W_]{2,}", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")


def name_and_number_keys(texts: Sequence[str]) -> frozenset[str]:
    """Names (capitalised words) and numbers of a document, normalised so that the
    same name or number in two languages gives the same key: ``n:2019``, ``w:trump``."""
    keys: set[str] = set()
    for text in texts:
        for m in _NUMBER.finditer(text):
            digits = re.sub(r"[^\d]", "", m.group())
            if len(digits) >= 2:
                keys.add("n:" + digits)
        for m in _NAME.finditer(text):
            word = m.group()
            if word[0].isupper() and not word.isupper():
                keys.add("w:" + word.lower())
    return frozenset(keys)


@dataclass(frozen=True)
class DocSummary:
    """What the client needs of a document to propose candidate pairs.

    ``mean``: L2-normalised mean of the alignable segment vectors, ``[dim]`` float32
    (zeros when the encoder does not know the language)."""

    id: str
    mean: np.ndarray
    keys: frozenset[str]
    date: dt.date | None
    segments: int
    characters: int
    title: str = ""
    sha256: str = ""


def summarise(doc, vectors: np.ndarray | None, date: dt.date | None) -> DocSummary:
    """A :class:`DocSummary` of a prepared document and its vectors ``[n, dim]``."""
    texts = [s.text for s in doc.segments if s.alignable]
    if vectors is not None and len(vectors):
        mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
        norm = float(np.linalg.norm(mean))
        mean = mean / norm if norm else mean
    else:
        mean = np.zeros(0, dtype=np.float32)
    return DocSummary(
        id=doc.id,
        mean=mean.astype(np.float32),
        keys=name_and_number_keys(texts),
        date=date,
        segments=len(doc.segments),
        characters=len(doc.raw_text),
        title=next((s.text for s in doc.segments if s.kind == "title"), texts[0] if texts else doc.id),
        sha256=str(doc.meta.get("sha256") or ""),
    )


def candidate_pairs(summaries: Sequence[DocSummary], settings: Settings) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, worth scoring: for each document its
    ``corpus.candidates`` nearest neighbours by ``cosine + key Dice`` (names and
    numbers), among pairs with cosine >= ``corpus.candidate_min_cosine`` or key Dice >=
    ``corpus.candidate_min_keys``, dates permitting. Sorted."""
    cfg = settings.corpus
    n = len(summaries)
    if n < 2:
        return []
    dim = max((len(s.mean) for s in summaries), default=0)
    means = np.zeros((n, dim), dtype=np.float32)
    for i, s in enumerate(summaries):
        if len(s.mean) == dim:
            means[i] = s.mean
    cosine = means @ means.T  # [n, n]
    # Shared keys of every pair, row by row, from an inverted index (key -> documents):
    # the same counts as len(keys_i & keys_j), without n^2 Python set intersections.
    postings: dict[str, list[int]] = {}
    for j, s in enumerate(summaries):
        for key in s.keys:
            postings.setdefault(key, []).append(j)
    index = {key: np.asarray(js, dtype=np.int64) for key, js in postings.items()}
    sizes = np.array([len(s.keys) for s in summaries], dtype=np.int64)
    has_date = np.array([s.date is not None for s in summaries])
    days = np.array([s.date.toordinal() if s.date is not None else 0 for s in summaries], dtype=np.int64)
    columns = np.arange(n, dtype=np.int64)
    pairs: set[tuple[int, int]] = set()
    for i in range(n):
        shared = np.zeros(n, dtype=np.int64)
        for key in summaries[i].keys:
            shared[index[key]] += 1
        both = (sizes[i] > 0) & (sizes > 0)
        dice = np.where(both, 2 * shared / np.maximum(sizes[i] + sizes, 1), 0.0)
        cos = cosine[i].astype(np.float64)
        ok = (cos >= cfg.candidate_min_cosine) | (dice >= cfg.candidate_min_keys)
        ok &= columns != i
        if has_date[i]:
            ok &= ~has_date | (np.abs(days - days[i]) <= cfg.date_window_days)
        js = np.flatnonzero(ok)
        # The nearest by cosine + Dice, ties to the lower index (heapq.nsmallest order).
        best = js[np.lexsort((js, -(cos[js] + dice[js])))[: cfg.candidates]]
        for j in best.tolist():
            pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def average_linkage(n: int, scores: Mapping[tuple[int, int], float], threshold: float) -> list[int]:
    """Cluster ``n`` items: repeatedly merge the two clusters with the highest average
    pair score (missing pairs count as 0) while it is >= ``threshold``. Returns a label
    per item; labels number clusters by their first item (deterministic)."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in scores.items():
        if i != j:
            sums[i][j] = sums[i].get(j, 0.0) + s
            sums[j][i] = sums[j].get(i, 0.0) + s
    heap = [(-s / 1.0, i, j) for (i, j), s in scores.items() if i < j]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        avg = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(avg + neg) > 1e-12:  # stale entry: clusters changed since it was pushed
            continue
        if avg < threshold:
            break
        keep, gone = min(a, b), max(a, b)
        members[keep] += members.pop(gone)
        for c, s in sums.pop(gone).items():
            if c == keep:
                continue
            sums[c].pop(gone, None)
            sums[c][keep] = sums[c].get(keep, 0.0) + s
            sums[keep][c] = sums[c][keep]
        sums[keep].pop(gone, None)
        for c, s in sums[keep].items():
            avg_c = s / (len(members[keep]) * len(members[c]))
            heapq.heappush(heap, (-avg_c, min(keep, c), max(keep, c)))
    labels = [0] * n
    for rank, root in enumerate(sorted(members, key=lambda r: min(members[r]))):
        for i in members[root]:
            labels[i] = rank
    return labels
