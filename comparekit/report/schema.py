"""The JSON Schema of report.json (``comparekit.report/1``), shipped with the package."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from comparekit.errors import StageError


def schema_text() -> str:
    """The schema file exactly as shipped (what ``comparekit schema`` prints)."""
    return resources.files("comparekit.report").joinpath("schema.json").read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The schema as data, for validators (e.g. ``jsonschema.Draft202012Validator``)."""
    return json.loads(schema_text())


#: Set to 1 (the test suite does) to check every report against the schema as it is built.
VALIDATE_ENV = "COMPAREKIT_VALIDATE_REPORTS"


@functools.cache
def _validator():
    import jsonschema  # a test dependency; only needed when validation is switched on

    return jsonschema.Draft202012Validator(load_schema())


def check_report(report: dict[str, Any]) -> None:
    """Raise :class:`~comparekit.errors.StageError` naming the first place where
    ``report`` breaks the schema (needs ``jsonschema``)."""
    error = next(
        iter(sorted(_validator().iter_errors(report), key=lambda e: list(map(str, e.absolute_path)))), None
    )
    if error is not None:
        where = "/".join(map(str, error.absolute_path)) or "<root>"
        raise StageError(f"report breaks comparekit.report/1 at {where}: {error.message}")
