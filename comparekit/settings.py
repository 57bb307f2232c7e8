"""One settings object, with defaults shipped in ``defaults.toml``.

``defaults.toml`` is the schema: a key that is not there is rejected, with the list of
valid keys, and a value must have the default's type. Every number there carries a
comment saying how it was chosen. The effective settings go into every report.
"""

from __future__ import annotations

import copy
import math
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from comparekit.errors import UsageError


@lru_cache(maxsize=1)
def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("comparekit").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


class Section(Mapping[str, Any]):
    """A read-only section of settings with attribute access (``settings.align.x``)."""

    def __init__(self, name: str, values: Mapping[str, Any]) -> None:
        self._name = name
        self._values = dict(values)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(f"no setting {self._name}.{key}") from None

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Section({self._name!r}, {self._values!r})"


# Whole-number settings used as step sizes (batches, blocks, chunks) or as a count of
# things that must exist (worker processes, heatmap bands): 0 cannot work.
_AT_LEAST_ONE = frozenset(
    {
        "embed.batch_size",
        "align.block_rows",
        "corpus.chunk_documents",
        "corpus.workers",
        "report.heatmap_max_side",
    }
)


#: Float settings on rapidfuzz's 0-100 scale.
_PERCENT = frozenset(
    {"compare.entity_min_ratio", "translation.name_fuzzy_cutoff", "translation.inconsistency_min_ratio"}
)
#: Float settings of any size that cannot be negative: scales, costs, number thresholds.
_NON_NEGATIVE = frozenset(
    {
        "compare.number_rounded_from",
        "framing.cue_scale",
        "framing.prior_scale",
        "align.parallel_length_weight",
        "align.parallel_extra_cost",
        "align.parallel_margin",
    }
)
#: Float settings on an open scale: skip costs added to scores (negative by design),
#: framing's prototype band (cosine differences) and z-scores.
_FLOAT_UNBOUNDED = frozenset(
    {
        "align.parallel_skip",
        "align.parallel_skip_encoded",
        "framing.prototype_floor",
        "framing.prototype_ceiling",
        "framing.term_min_z",
    }
)


def float_range(where: str) -> tuple[str, float, float] | None:
    """What the float setting ``section.key`` measures and its allowed range (inclusive),
    or None on an open scale. A value on another scale ("45" for a 0.45 score, "1.5" for a
    confidence) is refused instead of silently switching a stage off or writing
    confidences the report contract does not allow. Every float not listed above is a
    share, probability, weight, cosine, confidence or score cut-off on comparekit's 0-1
    scales (tests/test_settings.py checks each shipped default against its range)."""
    if where in _FLOAT_UNBOUNDED:
        return None
    if "zipf" in where:  # wordfreq Zipf frequencies run from 0 (unknown) to about 8 ("the")
        return "a Zipf frequency", 0.0, 8.0
    if where in _PERCENT:
        return "a rapidfuzz ratio", 0.0, 100.0
    if where in _NON_NEGATIVE:
        return "a scale, cost or amount", 0.0, math.inf
    return "a share, probability, weight or score", 0.0, 1.0


def _check_type(where: str, default: Any, value: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise UsageError(f"setting {where} must be true or false, not {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(f"setting {where} must be a number, not {value!r}")
        if not math.isfinite(value):  # TOML allows nan and inf
            raise UsageError(f"setting {where} must be a finite number, not {value!r}")
        scale = float_range(where)
        if scale is not None and not scale[1] <= value <= scale[2]:
            what, low, high = scale
            bound = f"at least {low:g}" if math.isinf(high) else f"between {low:g} and {high:g}"
            raise UsageError(f"setting {where} is {what}: it must be {bound}, not {value!r}")
        return float(value)
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise UsageError(f"setting {where} must be a whole number, not {value!r}")
        # every whole-number setting is a count, size, limit or number of digits
        if value < 0:
            raise UsageError(f"setting {where} must not be negative, not {value!r}")
        if value < 1 and where in _AT_LEAST_ONE:
            raise UsageError(f"setting {where} must be at least 1, not {value!r}")
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise UsageError(f"setting {where} must be text, not {value!r}")
        return value
    if isinstance(default, list):
        if not isinstance(value, list):
            raise UsageError(f"setting {where} must be a list, not {value!r}")
        return list(value)
    return value


class Settings:
    """The effective settings of a run: shipped defaults plus validated overrides."""

    def __init__(self, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        values = copy.deepcopy(_defaults())
        for section, entries in (overrides or {}).items():
            if section not in values:
                valid = ", ".join(sorted(values))
                raise UsageError(f"unknown settings section {section!r}; valid: {valid}")
            if not isinstance(entries, Mapping):
                raise UsageError(f"settings section {section!r} must be a table")
            for key, value in entries.items():
                if key not in values[section]:
                    valid = ", ".join(sorted(values[section]))
                    raise UsageError(f"unknown setting {section}.{key}; valid in [{section}]: {valid}")
                values[section][key] = _check_type(f"{section}.{key}", values[section][key], value)
        self._values = values
        self._sections = {name: Section(name, v) for name, v in values.items()}

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        """Read overrides from a TOML file with the same sections as defaults.toml."""
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read settings file {path}: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"settings file {path} is not valid TOML: {exc}") from exc
        return cls(data)

    def replace(self, section: str, **entries: Any) -> Settings:
        """A copy with some entries of one section changed (validated)."""
        merged = self.to_dict()
        merged.setdefault(section, {}).update(entries)
        return Settings(merged)

    def __getattr__(self, name: str) -> Section:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._sections[name]
        except KeyError:
            raise AttributeError(f"no settings section {name!r}") from None

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Every effective setting, as plain data (written into every report)."""
        return copy.deepcopy(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and other._values == self._values

    def __hash__(self) -> int:  # settings are used as cache keys by workers
        return hash(repr(sorted((k, sorted(v.items())) for k, v in self._values.items())))
