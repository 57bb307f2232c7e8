"""Eval gates of the scrape detector on real data (floors in scrape_floors.json).

trafilatura's benchmark: each `with` / `without` snippet is fed alone, as a one-line
document, through clean -> segment (kinds) -> the scrape detector (benchmarks/scrape.py
says why). NTREX English news: every scrape flag on it is a false flag.
"""

import json
import sys

import pytest
from conftest import ROOT, require_shared_data

sys.path.insert(0, str(ROOT / "benchmarks"))

FLOORS = json.loads((ROOT / "tests" / "eval" / "scrape_floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def bench():
    import scrape

    return scrape


def _below_floors(scores: dict, floors: dict) -> list[str]:
    failures = []
    for group, floor in sorted(floors.items()):
        got = scores[group]
        if got["recall"] < floor["min_recall"]:
            failures.append(f"{group}: recall {got['recall']} < floor {floor['min_recall']}")
        if got["wrong_flag_rate"] > floor["max_wrong_flag_rate"]:
            failures.append(
                f"{group}: wrong-flag rate {got['wrong_flag_rate']} > {floor['max_wrong_flag_rate']}"
            )
    return failures


@pytest.mark.slow
def test_trafilatura_snippets_recall_and_wrong_flags(bench):
    path = require_shared_data("scrape", "trafilatura_eval", "evaldata_full.json")
    assert bench.sha256(path) == FLOORS["trafilatura_sha256"], "benchmark data changed: re-pin the floors"
    scores = bench.trafilatura_scores(path)
    failures = _below_floors(scores, FLOORS["trafilatura"])
    assert not failures, "; ".join(failures)
    # The precision target of issue 6 holds overall and on the held-out half.
    assert scores["all"]["wrong_flag_rate"] <= 0.05
    assert scores["all:heldout"]["wrong_flag_rate"] <= 0.05


@pytest.mark.slow
def test_ntrex_clean_news_gets_almost_no_flags(bench):
    folder = require_shared_data("alignment", "ntrex128", "by_doc", "eng")
    assert bench.ntrex_digest(folder) == FLOORS["ntrex_eng_sha256"], "NTREX changed: re-pin the floors"
    result = bench.ntrex_false_flags(folder)
    assert result["documents"] == 123
    assert result["per_10k_words"] <= FLOORS["ntrex"]["max_per_10k_words"], result["examples"]
    # No non-article flag at all on clean news paragraphs.
    assert not set(result["by_type"]) & {"boilerplate", "byline", "related_links", "tags"}, result["by_type"]


@pytest.mark.slow
def test_snippets_inside_naively_scraped_pages(bench):
    path = require_shared_data("scrape", "trafilatura_eval", "evaldata_full.json")
    html_dir = require_shared_data("scrape", "trafilatura_eval", "html")
    scores = bench.inpage_scores(path, html_dir)
    failures = _below_floors(scores, FLOORS["inpage"])
    assert not failures, "; ".join(failures)
    # The precision target of issue 6 holds overall and on the held-out pages.
    assert scores["all"]["wrong_flag_rate"] <= 0.05
    assert scores["all:heldout"]["wrong_flag_rate"] <= 0.05


@pytest.mark.slow
def test_pages_with_a_paragraph_a_line(bench):
    """The same pages with no blank line between blocks: clean reads a paragraph a line, so
    the scores stay close to the blank-line table's (before that test: recall 0.398)."""
    path = require_shared_data("scrape", "trafilatura_eval", "evaldata_full.json")
    html_dir = require_shared_data("scrape", "trafilatura_eval", "html")
    scores = bench.inpage_scores(path, html_dir, page_text=bench.naive_lines_text)
    failures = _below_floors(scores, FLOORS["inpage_lines"])
    assert not failures, "; ".join(failures)
    blank = FLOORS["inpage"]["all"]["measured"]["recall"]
    # within 2 points: the layout test reads 15 of the 246 pages as wrapped (their full
    # lines that leave a sentence open go on in lower case), and there labels run together
    assert scores["all"]["recall"] >= blank - 0.02
    assert scores["all"]["wrong_flag_rate"] <= 0.05


@pytest.mark.slow
def test_trafilatura_output(bench):
    """Real extractor output: trafilatura's text output of the same pages (pinned as
    measured; few boilerplate snippets are left in it)."""
    path = require_shared_data("scrape", "trafilatura_eval", "evaldata_full.json")
    html_dir = require_shared_data("scrape", "trafilatura_eval", "html")
    assert bench._trafilatura_version() == FLOORS["trafilatura_version"], (
        "another trafilatura extracts other text: re-pin the floors (benchmarks/scrape.py --update-floors)"
    )
    scores = bench.inpage_scores(path, html_dir, page_text=bench.extracted_text)
    failures = _below_floors(scores, FLOORS["extracted"])
    assert not failures, "; ".join(failures)
