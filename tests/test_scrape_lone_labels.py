"""benchmarks/data/scrape_lone_labels.tsv (benchmarks/scrape_lone_ceiling.py): the labelled
sample is the seeded draw, every label is allowed, and every row's text is the snippet
at that page and index."""

import json
import sys
from collections import Counter

from conftest import ROOT, require_shared_data

sys.path.insert(0, str(ROOT / "benchmarks"))

import scrape_lone_ceiling as ceiling  # noqa: E402


def test_labels_are_the_seeded_sample_with_allowed_labels_and_matching_text():
    pages = json.loads(
        require_shared_data("scrape", "trafilatura_eval", "evaldata_full.json").read_text("utf-8")
    )
    rows = ceiling.read_labels()
    assert [(r["split"], r["kind"], r["page_url"], r["snippet_index"]) for r in rows] == ceiling.draw(pages)
    assert Counter((r["split"], r["kind"]) for r in rows) == ceiling.SIZES
    assert {r["label"] for r in rows} <= set(ceiling.LABELS)
    for r in rows:
        assert r["snippet"] == ceiling.tsv_text(pages[r["page_url"]][r["kind"]][r["snippet_index"]]), r
