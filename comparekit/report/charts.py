"""Charts of a report: each document's frame profile side by side.

``frame_chart_png(report, path)`` writes a PNG (the CLI writes it as ``frames.png`` in the
report folder); ``frame_chart_svg(report)`` returns an inline SVG string for the HTML
report. Both read ``report["framing"]["frames"]`` (and ``present`` to mark frames above
their threshold) and draw the same layout: grouped bars, one colour per document, a
hatch on frames that are present, the y axis from 0 to 1 and the legend below.

The layout is computed once as a list of shapes; the SVG is written by hand and the PNG
drawn with Pillow (a matplotlib figure cost ~1 s of a 3 s cold start: its import, text
layout and two renders). Both are deterministic: no dates, versions or random ids, and
Pillow's built-in font, so the same report gives the same bytes.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from comparekit.errors import OutputError

#: Colour-blind safe palette (Okabe & Ito), one colour per document in command-line order.
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_INK = "#333333"
_FONT = 12  # px; the title and axis labels use it, tick labels and the legend a bit less
_SMALL = 11
_LEFT, _RIGHT, _TOP, _PLOT_H = 56, 16, 34, 190  # margins and plot height, px
_GROUP_W = 90  # px per frame


@dataclass(frozen=True)
class _Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    hatch: bool = False


@dataclass(frozen=True)
class _Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = _INK


@dataclass(frozen=True)
class _Text:
    x: float
    y: float
    text: str
    size: int = _SMALL
    anchor: str = "middle"  # start | middle | end
    rotate: bool = False


def _layout(report: dict[str, Any]) -> tuple[int, int, list]:
    """Width, height (px) and the shapes of the chart, in drawing order."""
    framing = report.get("framing", {})
    profiles: dict[str, dict[str, float]] = framing.get("frames", {})
    present: dict[str, list[str]] = framing.get("present", {})
    doc_ids = [d["id"] for d in report.get("documents", []) if d["id"] in profiles] or sorted(profiles)
    frames = list(next(iter(profiles.values())).keys()) if profiles else []
    legend_rows = (len(doc_ids) + 2) // 3
    width = max(600, _LEFT + _RIGHT + _GROUP_W * len(frames))
    plot_w = width - _LEFT - _RIGHT
    bottom = _TOP + _PLOT_H
    height = bottom + 40 + 18 * legend_rows + 8
    shapes: list = [_Text(width / 2, 20, "Frame profile per document (hatched: frame present)", _FONT)]
    for k in range(6):  # y axis: ticks at 0, 0.2, ..., 1
        y = bottom - _PLOT_H * k / 5
        shapes += [_Line(_LEFT - 4, y, _LEFT, y), _Text(_LEFT - 7, y + 4, f"{k / 5:.1f}", _SMALL, "end")]
    shapes.append(_Text(16, _TOP + _PLOT_H / 2, "frame score", _FONT, rotate=True))
    group = plot_w / max(len(frames), 1)
    bar = 0.8 * group / max(len(doc_ids), 1)
    for f, frame in enumerate(frames):
        centre = _LEFT + group * (f + 0.5)
        for n, doc_id in enumerate(doc_ids):
            value = min(max(float(profiles[doc_id].get(frame, 0.0)), 0.0), 1.0)
            x = centre + (n - len(doc_ids) / 2) * bar
            h = _PLOT_H * value
            colour = _COLOURS[n % len(_COLOURS)]
            shapes.append(
                _Rect(x + 0.025 * bar, bottom - h, 0.95 * bar, h, colour, frame in present.get(doc_id, []))
            )
        for i, word in enumerate(frame.split("_")):
            shapes.append(_Text(centre, bottom + 16 + 13 * i, word, _SMALL))
    shapes += [_Line(_LEFT, _TOP, _LEFT, bottom), _Line(_LEFT, bottom, width - _RIGHT, bottom)]
    cols = min(len(doc_ids), 3) or 1
    col_w = min(220, plot_w / cols)
    for n, doc_id in enumerate(doc_ids):
        row, col = divmod(n, cols)
        x = _LEFT + plot_w / 2 + (col - cols / 2) * col_w
        y = bottom + 44 + 18 * row
        shapes.append(_Rect(x, y - 9, 14, 10, _COLOURS[n % len(_COLOURS)]))
        shapes.append(_Text(x + 19, y, doc_id, _SMALL, "start"))
    return width, height, shapes


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def frame_chart_svg(report: dict[str, Any]) -> str:
    """The frame-profile chart of ``report`` as an inline ``<svg>`` string."""
    width, height, shapes = _layout(report)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="frame-chart" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="Frame profile per document">',
        '<defs><pattern id="fc-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff"'
        ' stroke-width="1.5"/></pattern></defs>',
        f'<g font-family="DejaVu Sans, Verdana, sans-serif" fill="{_INK}">',
    ]
    for s in shapes:
        if isinstance(s, _Rect):
            box = f'x="{_n(s.x)}" y="{_n(s.y)}" width="{_n(s.w)}" height="{_n(s.h)}"'
            out.append(f'<rect {box} fill="{s.fill}"/>')
            if s.hatch:
                out.append(f'<rect {box} fill="url(#fc-hatch)"/>')
        elif isinstance(s, _Line):
            out.append(
                f'<line x1="{_n(s.x1)}" y1="{_n(s.y1)}" x2="{_n(s.x2)}" y2="{_n(s.y2)}" stroke="{s.colour}"/>'
            )
        else:
            rotate = f' transform="rotate(-90 {_n(s.x)} {_n(s.y)})"' if s.rotate else ""
            out.append(
                f'<text x="{_n(s.x)}" y="{_n(s.y)}" font-size="{s.size}" text-anchor="{s.anchor}"{rotate}>'
                f"{escape(s.text)}</text>"
            )
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


def _png_bytes(report: dict[str, Any]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    width, height, shapes = _layout(report)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[int, Any] = {}

    def font(size: int):
        if size not in fonts:
            fonts[size] = ImageFont.load_default(size=size)
        return fonts[size]

    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for s in shapes:
        if isinstance(s, _Rect):
            box = (round(s.x), round(s.y), round(s.x + s.w) - 1, round(s.y + s.h) - 1)
            if box[2] < box[0] or box[3] < box[1]:  # under half a pixel: nothing to draw
                continue
            draw.rectangle(box, fill=s.fill)
            if s.hatch:
                x0, y0, x1, y1 = box
                for c in range(x0 - (y1 - y0), x1 + 1, 6):  # white 45-degree lines, clipped
                    a = (max(c, x0), y1 - (max(c, x0) - c))
                    b = (min(c + (y1 - y0), x1), y1 - (min(c + (y1 - y0), x1) - c))
                    draw.line([a, b], fill="white", width=1)
        elif isinstance(s, _Line):
            draw.line([(round(s.x1), round(s.y1)), (round(s.x2), round(s.y2))], fill=s.colour, width=1)
        elif s.rotate:
            f = font(s.size)
            box = draw.textbbox((0, 0), s.text, font=f)
            label = Image.new("RGB", (box[2] + 2, box[3] + 2), "white")
            ImageDraw.Draw(label).text((1, 1), s.text, font=f, fill=_INK)
            rotated = label.rotate(90, expand=True)
            image.paste(rotated, (round(s.x - rotated.width / 2), round(s.y - rotated.height / 2)))
        else:
            draw.text(
                (round(s.x), round(s.y)), s.text, font=font(s.size), fill=_INK, anchor=anchors[s.anchor]
            )
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def frame_chart_png(report: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the frame-profile chart of ``report`` as a PNG at ``path``; return the path."""
    data = _png_bytes(report)
    out = Path(path)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out
