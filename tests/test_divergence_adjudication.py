"""benchmarks/data/divergence_adjudication.tsv (benchmarks/divergence.py --adjudicated): every
label is allowed, every row's texts are the NTREX-128 sentences at that document and line,
every alarm the detector raises today on an untouched pair has a label (so the labels
follow the detector), and the adjudicated rate counts a pair unless all its alarms are real."""

import sys

import pytest
from conftest import ROOT, require_shared_data

sys.path.insert(0, str(ROOT))

from benchmarks import divergence as bench  # noqa: E402


@pytest.fixture(scope="module")
def rows():
    return bench.load_adjudication()


def test_labels_are_allowed_and_explained(rows):
    assert rows, "no labelled alarms"
    assert {r["label"] for r in rows} <= set(bench.LABELS)
    for r in rows:
        assert r["reason"].strip(), r
        assert r["split"] == bench.split_of(r["doc"]), r


def test_rows_are_the_ntrex_sentences_at_that_line(rows):
    require_shared_data("alignment", "ntrex128", "by_doc", "eng")
    docs = bench.load_docs()
    for r in rows:
        en, tr = docs[(r["lang"], r["doc"])]
        n = int(r["line"])
        assert (r["en"], r["tr"]) == (bench._cell(en[n]), bench._cell(tr[n])), r


def test_every_current_alarm_has_a_label(rows):
    """When the detector raises a new alarm on an untouched pair, label it (a row in the
    TSV; `--alarms FILE` lists them). Rows of alarms that no longer fire may stay."""
    require_shared_data("alignment", "ntrex128", "by_doc", "eng")
    labelled = {bench.alarm_key(r) for r in rows}
    unlabelled = [a for a in bench.untouched_alarms() if bench.alarm_key(a) not in labelled]
    assert not unlabelled, [(a["lang"], a["doc"], a["line"], a["type"], a["detail"]) for a in unlabelled]


def test_rows_are_one_per_alarm(rows):
    # the same detail can fire twice in one pair (two "Aceh" in one sentence), so a
    # repeated key is allowed only with the same label
    labels: dict[tuple, set] = {}
    for r in rows:
        labels.setdefault(bench.alarm_key(r), set()).add(r["label"])
    assert all(len(v) == 1 for v in labels.values()), [k for k, v in labels.items() if len(v) > 1]


def _res(alarms, pairs=10):
    return {"untouched_pairs": pairs, "untouched_counts": {"fr": pairs, "dev": pairs}, "alarms": alarms}


def _alarm(line, kind, detail):
    return {"lang": "fr", "split": "dev", "doc": "000", "line": line, "type": kind, "detail": detail}


def test_a_pair_stays_a_false_alarm_unless_all_its_alarms_are_real():
    alarms = [
        _alarm(1, "date_mismatch", "Sunday / samedi"),
        _alarm(2, "negation", "n"),
        _alarm(2, "entity_added", "b names X"),
        _alarm(3, "negation", "not"),
    ]
    labelled = [
        a | {"label": label} for a, label in zip(alarms[:3], ("real", "detector", "real"), strict=True)
    ]
    labelled.append(_alarm(9, "number_mismatch", "gone") | {"label": "real"})
    adj = bench.adjudicated(_res(alarms), labelled)
    assert adj["raw"]["all"] == 0.3
    # line 1: real only; line 2: one detector alarm; line 3: unlabelled, counted false
    assert adj["adjudicated"]["all"] == 0.2
    assert adj["adjudicated"]["dev:entity_added"] == 0.0
    assert adj["adjudicated"]["fr:negation"] == 0.2
    assert [a["line"] for a in adj["unlabelled"]] == [3]
    assert [r["line"] for r in adj["stale"]] == [9]
