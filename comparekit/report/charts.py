"""Charts of a report: each document's frame profile side by side.

``frame_chart_png(report, path)`` writes a PNG (the CLI writes it as ``frames.png`` in the
report folder); ``frame_chart_svg(report)`` returns an inline SVG string for the HTML
report. Both read ``report["framing"]["frames"]`` (and ``present`` to mark frames above
their threshold) and are deterministic: Agg backend, the DejaVu Sans font that ships
with matplotlib, a fixed SVG hash salt, and no dates or software versions in the file
metadata, so the same report gives the same bytes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from comparekit.errors import OutputError

_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.hashsalt": "comparekit",
    "svg.fonttype": "none",
    "path.simplify": False,
}
#: Colour-blind safe palette (Okabe & Ito), one colour per document in command-line order.
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _figure(report: dict[str, Any]):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    framing = report.get("framing", {})
    profiles: dict[str, dict[str, float]] = framing.get("frames", {})
    present: dict[str, list[str]] = framing.get("present", {})
    doc_ids = [d["id"] for d in report.get("documents", []) if d["id"] in profiles] or sorted(profiles)
    frames = list(next(iter(profiles.values())).keys()) if profiles else []
    with matplotlib.rc_context(_STYLE):
        fig = Figure(
            figsize=(max(6.0, 0.9 * len(frames) + 1.5), 3.4 + 0.2 * ((len(doc_ids) + 2) // 3)), dpi=100
        )
        ax = fig.add_subplot(1, 1, 1)
        width = 0.8 / max(len(doc_ids), 1)
        for n, doc_id in enumerate(doc_ids):
            xs = [k + (n - (len(doc_ids) - 1) / 2) * width for k in range(len(frames))]
            ys = [float(profiles[doc_id][f]) for f in frames]
            colour = _COLOURS[n % len(_COLOURS)]
            bars = ax.bar(xs, ys, width=width * 0.95, color=colour, label=doc_id)
            for bar, frame in zip(bars, frames):
                if frame in present.get(doc_id, []):
                    bar.set_hatch("//")
                    bar.set_edgecolor("white")
        ax.set_xticks(range(len(frames)))
        ax.set_xticklabels([f.replace("_", "\n") for f in frames])
        ax.set_ylim(0, 1)
        ax.set_ylabel("frame score")
        ax.set_title("Frame profile per document (hatched: frame present)")
        ax.spines[["top", "right"]].set_visible(False)
        if doc_ids:
            # Below the axes: inside it would cover the bars of high-scoring frames.
            ax.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.2),
                ncol=min(len(doc_ids), 3),
                frameon=False,
                fontsize=8,
            )
        fig.tight_layout()
    return fig


def frame_chart_png(report: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the frame-profile chart of ``report`` as a PNG at ``path``; return the path."""
    fig = _figure(report)
    buf = io.BytesIO()
    with __import__("matplotlib").rc_context(_STYLE):
        fig.savefig(buf, format="png", metadata={"Software": None})
    out = Path(path)
    try:
        out.write_bytes(buf.getvalue())
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def frame_chart_svg(report: dict[str, Any]) -> str:
    """The frame-profile chart of ``report`` as an inline ``<svg>`` string."""
    fig = _figure(report)
    buf = io.StringIO()
    with __import__("matplotlib").rc_context(_STYLE):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buf.getvalue()
    return text[text.index("<svg") :]
