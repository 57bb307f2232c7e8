import pytest

from comparekit.document import OffsetMap, Run


def test_identity_map_round_trips():
    m = OffsetMap.identity(10)
    assert m.to_raw(2, 5) == (2, 5)
    assert m.to_raw(0, 10) == (0, 10)


def test_linear_and_replacement_runs():
    # raw "ab\n\ncd" -> text "ab cd": "\n\n" (raw 2..4) replaced by one space.
    m = OffsetMap([Run(0, 2, 0, 2), Run(2, 3, 2, 4), Run(3, 5, 4, 6)], 5, 6)
    assert m.to_raw(0, 2) == (0, 2)
    assert m.to_raw(3, 5) == (4, 6)
    assert m.to_raw(0, 5) == (0, 6)
    assert m.to_raw(2, 3) == (2, 4)


def test_runs_must_be_contiguous():
    with pytest.raises(ValueError):
        OffsetMap([Run(0, 2, 0, 2), Run(3, 5, 4, 6)], 5, 6)
