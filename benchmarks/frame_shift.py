"""How often comparekit calls a faithful translation a frame shift.

A ``frame_shift`` flag says an aligned claim "is framed as X in one source and as Y in the
other". A human translation keeps the frame, so on NTREX-128 (English news against its
French, German and Russian translation, aligned in parallel mode) every shift on a
same-claim pair (relations in ``framing.contrast_relations``) is a false one. Printed per
language and per half (even documents = dev, odd = held-out, as benchmarks/divergence.py),
with the seed pair's shifts (two outlets, where shifts are the point) beside them.

Measured 2026-12-05 (same-claim pairs with a shift, dev / held-out): dominant cue frames
merely different (the rule until then): fr 0.115 / 0.096, de 0.115 / 0.093, ru 0.124 /
0.107, seed pair 2 of 5. Each side's frame absent from the other (shipped since, c5ea877):
fr 0.047 / 0.028, de 0.045 / 0.037, ru 0.059 / 0.035, seed pair 1 of 5. Later the same
day, with headlines as segments of their own and the French/Russian/German segmentation
fixes (more same-claim pairs): fr 0.042 / 0.030, de 0.041 / 0.036, ru 0.054 / 0.032. What
remains is mostly a single weak cue word on each side that one language's cue list has
and the other's lacks ("striker" / "attaquant", "plans" / "Ziel").

    .venv/bin/python benchmarks/frame_shift.py        # about 25 s with a warm embedding cache
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"
LANGS = {"fra": "fr", "deu": "de", "rus": "ru"}
SEEDS = (ROOT / "seeds" / "carnegie_russia_mediation.txt", ROOT / "seeds" / "rfi_russia_appeasement.txt")


def shifts(pairs, settings) -> tuple[int, int]:
    """(same-claim pairs, pairs with a frame shift) over document pairs (path A, path B)."""
    from comparekit.embed import get_encoder
    from comparekit.framing.contrasts import contrast_pairs, pair_contrast, side_words
    from comparekit.pipeline import align_pair, embed_documents, prepare_documents

    encoder = get_encoder(settings=settings)
    n = shifted = 0
    for path_a, path_b in pairs:
        (da, db), _ = prepare_documents([path_a, path_b], settings=settings, minimum=2)
        vectors = embed_documents([da, db], encoder)
        alignment = align_pair(da, db, vectors[da.id], vectors[db.id], settings=settings)
        for p in contrast_pairs(alignment, settings=settings):
            a = side_words(da, [da.segments[i] for i in p.a])
            b = side_words(db, [db.segments[j] for j in p.b])
            found = pair_contrast(a, b, settings=settings)
            n += 1
            shifted += bool(found and found["frame_shift"])
    return n, shifted


def main() -> int:
    from comparekit.settings import Settings

    n, k = shifts([SEEDS], Settings())
    print(f"seed pair (comparable): {k} frame shifts on {n} same-claim pairs")
    parallel = Settings().replace("align", mode="parallel")
    docs = sorted(p.stem for p in (DATA / "eng").glob("*.txt"))
    print(f"{'faithful translations':<24}{'pairs':>8}{'shifts':>8}{'rate':>8}")
    for half, parity in (("dev", 0), ("heldout", 1)):
        for code, lang in LANGS.items():
            chosen = [d for d in docs if int(d) % 2 == parity]
            n, k = shifts([(DATA / "eng" / f"{d}.txt", DATA / code / f"{d}.txt") for d in chosen], parallel)
            print(f"  en-{lang} {half:<16}{n:>8}{k:>8}{k / max(n, 1):>8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
