"""From aligned segments to claims: claim-level pairs, their relation and divergences.

``relate(alignment, doc_a, doc_b, vectors_a, vectors_b, settings=...)`` works on the
:class:`~comparekit.results.Alignment` interface only:

1. comparable mode: each aligned group is split into claim pairs (a segment keeps the
   partner it is closest to, by cosine plus shared anchors: names and uncommon words),
   and a re-check adds claim pairs the alignment missed, between segments that share an
   uncommon content word and a name at a moderate cosine ("Putin ... prepared to act as a
   mediator" / "Russia is in a good position to position itself as a mediator").
   Parallel mode keeps the aligner's beads as they are.
2. every pair gets its divergences (:mod:`comparekit.compare.checks`) and a relation:
   ``divergent`` (a conflicting detail), ``overlap`` (extra names or detail on one side,
   or a close but not identical claim), ``same``, or ``related``.
3. segments in no pair are the unmatched claims.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from comparekit.align.candidates import blocked_top_k
from comparekit.compare.checks import CONFLICT_TYPES, SideFacts, check_pair, read_side
from comparekit.compare.entities import OtherSide
from comparekit.compare.lexicon import LANGUAGES, fold
from comparekit.document import Document
from comparekit.results import AlignedPair, Alignment, CueSpan, Divergence
from comparekit.settings import Settings

CUE_TYPES = frozenset({"negation", "modality", "attribution"})
#: The checks that need no word lists or spelling rules of a language: numbers and years in
#: digits. Names (matched by spelling and transliteration), titles and cue words are
#: read with lists for ``lexicon.LANGUAGES`` only; in a pair with any other language (Arabic,
#: Chinese ...) every English name would be "missing" from a script they cannot match.
LANGUAGE_FREE_TYPES = frozenset({"number_mismatch", "date_mismatch"})
_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=8192)
def _rare_stems(text: str, lang: str | None, max_zipf: float) -> frozenset[str]:
    """Uncommon content words of a text, as 6-letter folded stems (cautious/caution)."""
    from wordfreq import zipf_frequency

    out = set()
    for w in _WORD.findall(text):
        if w[:1].isupper():
            continue  # names are anchors of their own (see _names)
        if zipf_frequency(w.lower(), lang or "en") <= max_zipf:
            out.add(fold(w)[:6])
    return frozenset(out)


def _names(facts: SideFacts) -> set[str]:
    keys = set()
    for m in facts.entities:
        keys.update(m.ids or {m.folds[-1][:6]})
    return keys


class _Claims:
    """Per-segment facts and pairwise claim scores of two documents."""

    def __init__(self, doc_a, doc_b, vectors_a, vectors_b, alignment, settings):
        self.cfg = settings.compare
        self.rows = [s.index for s in doc_a.segments if s.alignable]
        self.cols = [s.index for s in doc_b.segments if s.alignable]
        self.ri = {i: n for n, i in enumerate(self.rows)}
        self.ci = {j: n for n, j in enumerate(self.cols)}
        self.cos = None  # dense cosine matrix, for documents up to align.dense_max_cells pairs
        self.vectors = None  # (vectors_a, vectors_b): cosines computed pair by pair, or blocked
        self.top_k, self.block_rows = settings.align.candidates_top_k, settings.align.block_rows
        if vectors_a is not None and vectors_b is not None and len(vectors_a) and len(vectors_b):
            self.vectors = (np.asarray(vectors_a), np.asarray(vectors_b))
            if len(vectors_a) * len(vectors_b) <= settings.align.dense_max_cells:
                self.cos = np.clip(self.vectors[0] @ self.vectors[1].T, 0.0, 1.0)
        self.fallback = {}
        for p in alignment.pairs:
            for i in p.a:
                for j in p.b:
                    self.fallback[(i, j)] = p.semantic or p.score
        self.docs = (doc_a, doc_b)
        self.facts_a = {
            i: read_side(doc_a.segments[i].text, doc_a.segments[i].language or doc_a.language, settings)
            for i in self.rows
        }
        self.facts_b = {
            j: read_side(doc_b.segments[j].text, doc_b.segments[j].language or doc_b.language, settings)
            for j in self.cols
        }

    def cosine(self, i: int, j: int) -> float:
        if self.vectors is not None and i in self.ri and j in self.ci:
            if self.cos is not None:
                return float(self.cos[self.ri[i], self.ci[j]])
            va, vb = self.vectors
            return float(min(1.0, max(0.0, float(va[self.ri[i]] @ vb[self.ci[j]]))))
        return float(self.fallback.get((i, j), 0.0))

    def near_pairs(self, min_cosine: float) -> list[tuple[int, int]]:
        """Segment pairs ``(i, j)`` whose cosine reaches ``min_cosine``: every such pair
        when the dense matrix is kept, else those among each segment's nearest
        ``align.candidates_top_k`` partners (blocked search, no ``n x m`` matrix)."""
        if self.vectors is None:
            return sorted(e for e, c in self.fallback.items() if c >= min_cosine)
        if self.cos is not None:
            ii, jj = np.nonzero(self.cos >= min_cosine)
        else:
            ii, jj, _ = blocked_top_k(
                *self.vectors, top_k=self.top_k, min_cosine=min_cosine, block_rows=self.block_rows
            )
        return [(self.rows[a], self.cols[b]) for a, b in zip(ii.tolist(), jj.tolist())]

    def anchors(self, i: int, j: int) -> tuple[int, int]:
        """(shared uncommon content words, shared names) of segment i of A and j of B."""
        da, db = self.docs
        z = self.cfg.recheck_max_zipf
        words = 0
        if (da.segments[i].language or da.language) == (db.segments[j].language or db.language):
            lang = da.segments[i].language or da.language
            words = len(_rare_stems(da.segments[i].text, lang, z) & _rare_stems(db.segments[j].text, lang, z))
        names = len(_names(self.facts_a[i]) & _names(self.facts_b[j]))
        return words, names

    def score(self, i: int, j: int) -> float:
        words, names = self.anchors(i, j)
        return self.cosine(i, j) + self.cfg.anchor_bonus * min(3, words + names)


def _split_group(pair: AlignedPair, claims: _Claims) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Claim pairs inside one aligned group: each segment's closest partner, kept when
    close enough; connected edges form one pair (so a 2-1 claim stays 2-1)."""
    if len(pair.a) <= 1 and len(pair.b) <= 1:
        # A 1-1 pair is kept as the aligner chose it; its relation says how close it is.
        return [(pair.a, pair.b)]
    edges = set()
    for i in pair.a:
        j = max(pair.b, key=lambda j: (claims.score(i, j), -j))
        if claims.score(i, j) >= claims.cfg.claim_min_score:
            edges.add((i, j))
    for j in pair.b:
        i = max(pair.a, key=lambda i: (claims.score(i, j), -i))
        if claims.score(i, j) >= claims.cfg.claim_min_score:
            edges.add((i, j))
    if not edges:
        i, j = max(((i, j) for i in pair.a for j in pair.b), key=lambda e: (claims.score(*e), -e[0], -e[1]))
        edges.add((i, j))
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in sorted(edges):
        hit = [g for g in groups if i in g[0] or j in g[1]]
        merged = (set().union(*(g[0] for g in hit)) | {i}, set().union(*(g[1] for g in hit)) | {j})
        groups = [g for g in groups if g not in hit] + [merged]
    return [(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups]


def _recheck(
    claims: _Claims, existing: set[tuple[int, int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Claim pairs the alignment missed: a shared uncommon word and a shared name at a
    moderate cosine; each segment keeps its best such partner (either side's best)."""
    cfg = claims.cfg
    cands: dict[tuple[int, int], float] = {}
    for i, j in claims.near_pairs(cfg.recheck_min_cosine):
        if (i, j) in existing:
            continue
        words, names = claims.anchors(i, j)
        if words and names:
            cands[(i, j)] = claims.score(i, j)
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), s in cands.items():
        if (s, -j) > best_a.get(i, (-1.0, 0)):
            best_a[i] = (s, -j)
        if (s, -i) > best_b.get(j, (-1.0, 0)):
            best_b[j] = (s, -i)
    keep = {(i, -b[1]) for i, b in best_a.items()} | {(-b[1], j) for j, b in best_b.items()}
    return [((i,), (j,)) for i, j in sorted(keep)]


def _locate(
    divs: list[Divergence], doc_a: Document, a: tuple[int, ...], doc_b: Document, b: tuple[int, ...]
) -> list[Divergence]:
    """``divs`` with their cue spans placed in the documents: each span, an offset range
    in the text the checks read for its side (one segment's text, or the side's segments
    joined with one space), becomes its segment id and raw offsets through
    :meth:`Document.to_raw`. A span that falls outside every segment (over a joining
    space: not expected, cues are words) is dropped."""
    if doc_a.id == doc_b.id:
        return [dataclasses.replace(d, spans=()) for d in divs]
    sides = {doc_a.id: (doc_a, a), doc_b.id: (doc_b, b)}

    def place(span: CueSpan) -> CueSpan | None:
        doc, idx = sides.get(span.doc, (None, ()))
        pos = 0
        for i in idx:
            seg = doc.segments[i]
            if pos <= span.start and span.end <= pos + len(seg.text):
                r0, r1 = doc.to_raw(seg.text_start + span.start - pos, seg.text_start + span.end - pos)
                return CueSpan(doc.id, seg.id, r0, r1)
            pos += len(seg.text) + 1
        return None

    out = []
    for d in divs:
        spans = tuple(p for p in map(place, d.spans) if p is not None)
        out.append(dataclasses.replace(d, spans=spans))
    return out


def _relation(cosine: float, divs, cfg) -> str:
    """The relation from the pair's cosine (no anchor bonus: two sentences naming the
    same countries are not the same claim) and its divergences."""
    if any(d.type in CONFLICT_TYPES for d in divs):
        return "divergent"
    if cosine >= cfg.same_min_score and not divs:
        return "same"
    if cosine >= cfg.overlap_min_score or (divs and cosine >= cfg.check_min_score):
        return "overlap"
    return "related"


def relate(
    alignment: Alignment,
    doc_a: Document,
    doc_b: Document,
    vectors_a: np.ndarray | None = None,
    vectors_b: np.ndarray | None = None,
    *,
    settings: Settings,
    encode: Callable[[list[str]], np.ndarray] | None = None,
) -> Alignment:
    """A new Alignment whose pairs are claims with their final relation and divergences.

    ``vectors_*``: the documents' embeddings of their alignable segments,
    float32 ``[n_alignable, dim]`` in segment order (or ``None``: the pairs' own
    semantic scores are used). ``encode``: an encoder covering both documents' languages,
    for names the other side translates (see :func:`checks.check_pair`), or None."""
    cfg = settings.compare
    claims = _Claims(doc_a, doc_b, vectors_a, vectors_b, alignment, settings)
    comparable = alignment.mode == "comparable"
    groups: list[tuple[tuple[int, ...], tuple[int, ...], AlignedPair | None]] = []
    for pair in alignment.pairs:
        if comparable and pair.a and pair.b:
            groups += [(a, b, pair) for a, b in _split_group(pair, claims)]
        else:
            groups.append((pair.a, pair.b, pair))
    if comparable:
        existing = {(i, j) for a, b, _ in groups for i in a for j in b}
        groups += [(a, b, None) for a, b in _recheck(claims, existing)]
    scope_a = scope_b = None
    if comparable and cfg.entity_scope_comparable == "document":
        scope_a = OtherSide.from_text(doc_a.text or doc_a.raw_text, doc_a.language)
        scope_b = OtherSide.from_text(doc_b.text or doc_b.raw_text, doc_b.language)
    window = cfg.name_neighbour_window
    # Both sides in a language with word lists, or only the language-free checks.
    listed = doc_a.language in LANGUAGES and doc_b.language in LANGUAGES

    def near(facts: dict[int, SideFacts], order: list[int], pos: dict[int, int], idx: tuple[int, ...]):
        """What the alignable segments within ``window`` of the segments ``idx`` offer
        for matching names: their OtherSide, already read once per segment in ``facts``."""
        ps = [pos[i] for i in idx if i in pos]
        if window <= 0 or not ps:
            return ()
        lo, hi = min(ps), max(ps)
        return tuple(
            facts[k].other for k in order[max(0, lo - window) : lo] + order[hi + 1 : hi + 1 + window]
        )

    pairs = []
    seen = set()
    for a, b, src in groups:
        if (a, b) in seen:
            continue
        seen.add((a, b))
        if not a or not b:
            pairs.append(dataclasses.replace(src, relation="related", divergences=()))
            continue
        best = max(((i, j) for i in a for j in b), key=lambda e: (claims.score(*e), -e[0], -e[1]))
        score = claims.score(*best)
        divs = []
        if score >= cfg.check_min_score or not comparable:
            side_a = (
                claims.facts_a[a[0]]
                if len(a) == 1
                else read_side(" ".join(doc_a.segments[i].text for i in a), doc_a.language, settings)
            )
            side_b = (
                claims.facts_b[b[0]]
                if len(b) == 1
                else read_side(" ".join(doc_b.segments[j].text for j in b), doc_b.language, settings)
            )
            divs = check_pair(
                side_a,
                side_b,
                doc_a=doc_a.id,
                doc_b=doc_b.id,
                settings=settings,
                encode=encode,
                scope_a=scope_a,
                scope_b=scope_b,
                near_a=near(claims.facts_a, claims.rows, claims.ri, a),
                near_b=near(claims.facts_b, claims.cols, claims.ci, b),
            )
            if comparable and score < cfg.cue_check_min_score:
                # Two outlets paraphrase: a "not" or a "said" on one side only means
                # something only between near-identical sentences.
                divs = [d for d in divs if d.type not in CUE_TYPES]
            if not listed:
                divs = [d for d in divs if d.type in LANGUAGE_FREE_TYPES]
            divs = _locate(divs, doc_a, a, doc_b, b)
        semantic = claims.cosine(*best)
        lexical = src.lexical if src is not None and len(src.a) == len(a) and len(src.b) == len(b) else 0.0
        pair_score = src.score if src is not None and (src.a, src.b) == (a, b) else min(1.0, score)
        pairs.append(
            AlignedPair(
                a=a,
                b=b,
                score=pair_score,
                semantic=semantic,
                lexical=lexical,
                relation=_relation(semantic, divs, cfg),
                divergences=tuple(divs),
            )
        )
    pairs.sort(key=lambda p: (p.a[:1] or (-1,), p.b[:1] or (-1,), p.a, p.b))
    matched_a = {i for p in pairs for i in p.a}
    matched_b = {j for p in pairs for j in p.b}
    rows = alignment.rows or tuple(claims.rows)
    cols = alignment.cols or tuple(claims.cols)
    return dataclasses.replace(
        alignment,
        pairs=tuple(pairs),
        unmatched_a=tuple(i for i in rows if i not in matched_a),
        unmatched_b=tuple(j for j in cols if j not in matched_b),
    )
