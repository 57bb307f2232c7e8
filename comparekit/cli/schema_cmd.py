"""``comparekit schema``: print the JSON Schema of report.json."""

from __future__ import annotations

import sys

from comparekit.cli import app


@app.command()
def schema() -> int:
    """Print the JSON Schema of report.json (comparekit.report/1)."""
    from comparekit.report.schema import schema_text

    sys.stdout.write(schema_text())
    return 0
