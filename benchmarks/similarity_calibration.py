"""Calibrate summary.similarity and the story threshold on NTREX-128.

Data (all built from ../shared/data/alignment/ntrex128/by_doc, 123 stories x
eng/fra/rus/deu): the candidate pairs corpus mode proposes (translations of one story,
and nearest-neighbour different stories, often on the same topic), plus partial pairs made
from English vs French by keeping the first 1/4, 1/2 or 3/4 of the French lines (target:
the Dice overlap 2p/(1+p)) or appending 4 lines of another story (target 2n/(2n+4)).
For a grid of (similarity_low, similarity_high) it prints the mean score of each group,
the mean absolute error on the partial pairs, and the ARI of story grouping per
threshold. The shipped values are in defaults.toml [corpus].

    .venv/bin/python benchmarks/similarity_calibration.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BY_DOC = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"


def best_semantic(alignment, doc, side: str) -> tuple[np.ndarray, np.ndarray]:
    """Per alignable segment: its length and the best semantic score it is matched with."""
    idx = [s.index for s in doc.segments if s.alignable]
    best: dict[int, float] = {}
    for p in alignment.pairs:
        if p.a and p.b:
            for i in getattr(p, side):
                best[i] = max(best.get(i, 0.0), p.semantic)
    return np.array([len(doc.segments[i].text) for i in idx], float), np.array(
        [best.get(i, 0.0) for i in idx]
    )


def score(feats, low: float, high: float) -> float:
    """summary.similarity from per-segment features (the formula of compare.similarity)."""
    shares = []
    for lengths, best in feats:
        w = np.clip((best - low) / (high - low), 0, 1)
        shares.append(float((lengths * w).sum() / lengths.sum()) if lengths.sum() else 0.0)
    a, b = shares
    return 2 * a * b / (a + b) if a + b else 0.0


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from comparekit.align import align
    from comparekit.corpus.evaluate import NTREX_LANGUAGES, adjusted_rand_index
    from comparekit.corpus.stories import average_linkage, candidate_pairs, summarise
    from comparekit.document import Document
    from comparekit.embed import get_encoder
    from comparekit.pipeline import embed_documents, prepare
    from comparekit.settings import Settings

    settings = Settings()
    encoder = get_encoder(settings=settings)

    def make(doc_id: str, lines: list[str]) -> Document:
        return prepare(Document(id=doc_id, raw_text="\n".join(lines) + "\n"), settings=settings)

    lines = {
        (lang, p.stem): p.read_text("utf-8").splitlines()
        for lang in NTREX_LANGUAGES
        for p in sorted((BY_DOC / lang).glob("*.txt"))
    }
    keys = sorted(lines, key=lambda k: (list(NTREX_LANGUAGES).index(k[0]), k[1]))
    docs = [make(f"{lang}_{story}", lines[(lang, story)]) for lang, story in keys]
    vectors = embed_documents(docs, encoder)
    summaries = [summarise(d, vectors[d.id], None) for d in docs]
    cands = candidate_pairs(summaries, settings)
    feats, same = {}, {}
    for i, j in cands:
        al = align(docs[i], docs[j], vectors[docs[i].id], vectors[docs[j].id], settings=settings)
        feats[(i, j)] = (best_semantic(al, docs[i], "a"), best_semantic(al, docs[j], "b"))
        same[(i, j)] = keys[i][1] == keys[j][1]
    partial = []  # (features, target)
    stories = sorted({s for _, s in keys})[:40]
    for n, story in enumerate(stories):
        eng = docs[keys.index(("eng", story))]
        fra = lines[("fra", story)]
        variants = [(fra[: max(1, round(len(fra) * p))], None) for p in (0.25, 0.5, 0.75)]
        variants.append((fra + lines[("fra", stories[(n + 1) % len(stories)])][:4], 4))
        for k, (text, added) in enumerate(variants):
            d = make(f"part_{story}_{k}", text)
            v = embed_documents([d], encoder)[d.id]
            al = align(eng, d, vectors[eng.id], v, settings=settings)
            if added is None:
                p = len(text) / len(fra)
                target = 2 * p / (1 + p)
            else:
                target = 2 * len(fra) / (2 * len(fra) + added)
            partial.append(((best_semantic(al, eng, "a"), best_semantic(al, d, "b")), target))
    gold = [s for _, s in keys]
    print(f"{len(cands)} candidate pairs ({sum(same.values())} translations), {len(partial)} partial pairs\n")
    print(
        "| low | high | translations mean (p5) | other stories mean (p95) | partial MAE | ARI at 0.40 / 0.45 / 0.50 / 0.55 / 0.60 |"
    )
    print("|---|---|---|---|---|---|")
    for low in (0.3, 0.35, 0.4):
        for high in (0.6, 0.65, 0.7):
            s = {c: score(f, low, high) for c, f in feats.items()}
            tr = np.array([v for c, v in s.items() if same[c]])
            ot = np.array([v for c, v in s.items() if not same[c]])
            mae = np.mean([abs(score(f, low, high) - t) for f, t in partial])
            aris = [
                adjusted_rand_index(average_linkage(len(docs), s, th), gold)
                for th in (0.4, 0.45, 0.5, 0.55, 0.6)
            ]
            print(
                f"| {low} | {high} | {tr.mean():.3f} ({np.percentile(tr, 5):.3f}) | {ot.mean():.3f}"
                f" ({np.percentile(ot, 95):.3f}) | {mae:.3f} | " + " / ".join(f"{a:.3f}" for a in aris) + " |"
            )


if __name__ == "__main__":
    main()
