"""The JSON Schema of report.json (``comparekit.report/1``), shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def schema_text() -> str:
    """The schema file exactly as shipped (what ``comparekit schema`` prints)."""
    return resources.files("comparekit.report").joinpath("schema.json").read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The schema as data, for validators (e.g. ``jsonschema.Draft202012Validator``)."""
    return json.loads(schema_text())
