"""comparekit: compare how different outlets tell the same story, across languages.

``import comparekit`` is instant and offline: models and heavy libraries load on first
use. The public API::

    import comparekit
    result = comparekit.compare(["a.txt", "b.txt"])        # a Comparison
    comparekit.write_report(result, "reports/out")          # json, csv, md, html
"""

from __future__ import annotations

import sys
import types

__version__ = "0.1.0"

__all__ = ["Settings", "analyze", "compare", "write_report", "__version__"]


def compare(sources, *, settings=None):
    """Compare two or more sources (paths or Documents); see :func:`comparekit.pipeline.compare`."""
    from comparekit.pipeline import compare as _compare

    return _compare(sources, settings=settings)


def analyze(sources, *, settings=None):
    """Check single documents without alignment; see :func:`comparekit.pipeline.analyze`."""
    from comparekit.pipeline import analyze as _analyze

    return _analyze(sources, settings=settings)


def write_report(comparison, out_dir):
    """Write every report file for a Comparison into ``out_dir``."""
    from comparekit.report import write_report as _write

    return _write(comparison, out_dir)


def __getattr__(name: str):
    if name == "Settings":
        from comparekit.settings import Settings

        return Settings
    raise AttributeError(f"module 'comparekit' has no attribute {name!r}")


class _Package(types.ModuleType):
    """Keeps ``comparekit.compare`` the API function.

    DESIGN.md names both the function ``comparekit.compare`` and the stage package
    ``comparekit/compare/``; importing the package would rebind the attribute to the
    module. Submodules stay importable by name (``from comparekit.compare import ...``).
    """

    def __setattr__(self, name, value):
        if name == "compare" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
