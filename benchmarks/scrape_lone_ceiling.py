"""How far can a text-only detector get on lone snippets? A labelling study (issue 6).

benchmarks/scrape.py's "lone" reading feeds each trafilatura snippet alone to the scrape
detector. Hypothesis: most ``without`` snippets it misses are headlines of other articles,
teasers or sentence pieces that no reader can tell from article text without the page.

Method. A seeded sample (SEED, SIZES; pages sorted by URL, even index = dev) of 300
``without`` snippets (150 dev, 150 held-out) and, as a control, 150 ``with`` snippets
(75/75). ``--blind FILE`` writes them shuffled, snippet text only (no page, no kind). One
person labelled each from that text alone, before running comparekit on them:
``cue`` (the text itself says it is not article text: UI / navigation / button words,
subscribe / newsletter / app, legal / copyright / cookie, ad or shop call to action,
byline / date / author line, tag or category list, comment count, "read more"),
``headline`` (reads like the title or teaser of some article), ``fragment`` (a phrase or
sentence piece that could be article prose), ``unsure``. The labels are in
benchmarks/data/scrape_lone_labels.tsv; nothing is fitted on them.

This script re-runs ``scrape.snippet_flagged`` (page language as scrape.py computes it)
on the labelled snippets and prints, per split and label, the count, share and
comparekit's flag rate; then the implied ceiling: the recall of a detector that flags
exactly the ``cue`` snippets (upper bound: ``cue`` + ``unsure``), with Wilson 95%
intervals and its wrong-flag rate on the control; comparekit's flags plus every ``cue``;
comparekit's recall on ``cue``; and what comparekit's misses are.

Results (2026-12-05; one labeller, no second rater). Of 300 ``without``: cue 0.59, headline
0.14, fragment 0.13, unsure 0.14; of 150 ``with``: fragment 0.83, headline 0.11, cue 0.02.
Flagging exactly ``cue``: recall 0.590 [0.534, 0.644], wrong flags 0.020; ``cue`` +
``unsure``: 0.730 [0.677, 0.777] at 0.053; comparekit OR ``cue``: 0.700 [0.646, 0.749] at
0.053 [0.027, 0.102]. comparekit gets 0.701 of ``cue`` (dev 0.821, held-out 0.591); its
misses are cue 0.37, headline 0.22, fragment 0.26, unsure 0.15. On this sample comparekit's
recall is 0.523 (full set 0.574), so the sample is a little harder than the full set.

Run: ``nice -n 10 .venv/bin/python benchmarks/scrape_lone_ceiling.py`` (about 3 s).
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import scrape  # noqa: E402

LABELS_TSV = ROOT / "benchmarks" / "data" / "scrape_lone_labels.tsv"
LABELS = ("cue", "headline", "fragment", "unsure")
SEED = 20261205
#: Snippets drawn per (split, kind).
SIZES = {("dev", "without"): 150, ("heldout", "without"): 150, ("dev", "with"): 75, ("heldout", "with"): 75}
COLUMNS = ("split", "kind", "page_url", "snippet_index", "label", "snippet")


def tsv_text(snippet: str) -> str:
    """The snippet as the TSV stores it: whitespace collapsed, at most 200 characters."""
    return " ".join(snippet.split())[:200]


def draw(pages: dict, seed: int = SEED) -> list[tuple[str, str, str, int]]:
    """The sample: (split, kind, page_url, snippet_index), sorted."""
    pools: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for i, url in enumerate(sorted(pages)):
        split = "dev" if i % 2 == 0 else "heldout"
        for kind in ("with", "without"):
            pools.setdefault((split, kind), []).extend((url, j) for j in range(len(pages[url][kind])))
    rng = random.Random(seed)
    rows = []
    for (split, kind), n in sorted(SIZES.items()):
        rows += [(split, kind, url, j) for url, j in rng.sample(pools[(split, kind)], n)]
    return sorted(rows)


def read_labels(path: Path = LABELS_TSV) -> list[dict]:
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert tuple(lines[0].split("\t")) == COLUMNS, lines[0]
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines[1:]]
    for r in rows:
        r["snippet_index"] = int(r["snippet_index"])
    return rows


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score 95% interval of k / n."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def share(k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    return f"{k / n:.3f} [{lo:.3f}, {hi:.3f}] ({k}/{n})" if n else "-"


def main(argv: list[str] | None = None) -> int:
    from comparekit.settings import Settings

    argv = sys.argv[1:] if argv is None else argv
    pages = json.loads(scrape.TRAFILATURA.read_text("utf-8"))
    if argv[:1] == ["--blind"]:
        rows = draw(pages)
        random.Random(SEED).shuffle(rows)
        with open(argv[1], "w", encoding="utf-8") as out:
            for n, (_, kind, url, j) in enumerate(rows):
                out.write(f"{n}\t{' '.join(pages[url][kind][j].split())}\n")
        return 0
    settings = Settings()
    rows = read_labels()
    languages: dict[str, str] = {}
    for r in rows:
        url = r["page_url"]
        if url not in languages:
            languages[url] = scrape._page_language(pages[url]["with"], settings)
        r["flagged"] = scrape.snippet_flagged(
            pages[url][r["kind"]][r["snippet_index"]], languages[url], settings
        )

    print(f"{len(rows)} labelled snippets ({LABELS_TSV.relative_to(ROOT)}), seed {SEED}")
    print(f"{'kind':8} {'split':8} {'label':9} {'count':>5} {'share':>6} {'comparekit flags':>17}")
    for kind in ("without", "with"):
        for split in ("dev", "heldout", "all"):
            group = [r for r in rows if r["kind"] == kind and split in ("all", r["split"])]
            for label in LABELS:
                sub = [r for r in group if r["label"] == label]
                flagged = sum(r["flagged"] for r in sub)
                rate = f"{flagged / len(sub):.3f} ({flagged})" if sub else "-"
                print(f"{kind:8} {split:8} {label:9} {len(sub):5d} {len(sub) / len(group):6.3f} {rate:>17}")
            flagged = sum(r["flagged"] for r in group)
            print(
                f"{kind:8} {split:8} {'(all)':9} {len(group):5d} {1:6.3f} {flagged / len(group):11.3f} ({flagged})"
            )

    print("\nImplied ceiling of a detector that flags exactly these labels (Wilson 95%):")
    for split in ("dev", "heldout", "all"):
        without = [r for r in rows if r["kind"] == "without" and split in ("all", r["split"])]
        with_ = [r for r in rows if r["kind"] == "with" and split in ("all", r["split"])]
        for chosen in (("cue",), ("cue", "unsure"), ("cue", "unsure", "headline")):
            k = sum(r["label"] in chosen for r in without)
            w = sum(r["label"] in chosen for r in with_)
            print(
                f"  {split:8} {'+'.join(chosen):20} recall {share(k, len(without))}  "
                f"wrong flags {share(w, len(with_))}"
            )
        k = sum(r["flagged"] or r["label"] == "cue" for r in without)
        w = sum(r["flagged"] or r["label"] == "cue" for r in with_)
        print(
            f"  {split:8} {'comparekit OR cue':20} recall {share(k, len(without))}  "
            f"wrong flags {share(w, len(with_))}"
        )
        cues = [r for r in without if r["label"] == "cue"]
        got = sum(r["flagged"] for r in cues)
        print(f"  {split:8} comparekit recall on `cue` {share(got, len(cues))}")
        missed = Counter(r["label"] for r in without if not r["flagged"])
        total = sum(missed.values())
        parts = ", ".join(f"{label} {missed[label] / total:.2f} ({missed[label]})" for label in LABELS)
        print(f"  {split:8} comparekit's {total} misses: {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
