"""The gold format and the strict/lax scorer (Vecalign's definitions)."""

import pytest

from comparekit.align.score import format_beads, parse_beads, score_alignments
from comparekit.errors import InputError

GOLD = "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n[4]:[3]\n"


def test_parse_and_format_round_trip():
    beads = parse_beads(GOLD)
    assert beads == [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), ()), ((4,), (3,))]
    assert format_beads(beads) == GOLD


def test_bad_line_is_an_input_error():
    with pytest.raises(InputError, match="line 2"):
        parse_beads("[0]:[0]\n0-0\n")


def test_perfect_output_scores_one():
    gold = parse_beads(GOLD)
    sc = score_alignments([gold], [gold])
    assert sc.strict_f1 == 1.0 and sc.lax_f1 == 1.0


def test_strict_and_lax_counts():
    gold = parse_beads(GOLD)
    # 1-2 split into two 1-1 beads: strict misses, lax overlaps; insertion left out
    test = parse_beads("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n[4]:[3]\n")
    sc = score_alignments([gold], [test])
    # precision over all 5 output beads: [0]:[0], [3]:[], [4]:[3] exact -> 3/5
    assert sc.strict_p == pytest.approx(3 / 5)
    # recall over gold without 0-1/1-0 beads: [0]:[0], [4]:[3] found of 3 -> 2/3
    assert sc.strict_r == pytest.approx(2 / 3)
    # lax: [1]:[1] overlaps [1, 2]:[1]; [2]:[2] overlaps nothing on the target side
    assert sc.lax_p == pytest.approx(4 / 5)
    assert sc.lax_r == pytest.approx(1.0)


def test_documents_are_micro_averaged():
    gold = parse_beads("[0]:[0]\n[1]:[1]\n")
    sc = score_alignments([gold, gold], [gold, parse_beads("[0, 1]:[0, 1]\n")])
    assert sc.strict_p == pytest.approx(2 / 3) and sc.strict_r == pytest.approx(2 / 4)
