"""SVG charts made at build time: pure functions returning SVG markup.

No scripts, no external fonts, no inline ``style`` (the Content-Security-Policy
of the site allows none): colours and sizes are presentation attributes. Every
chart carries ``role="img"`` and a ``<title>``; the page shows the same
figures as a table next to it (the text alternative).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

COLOURS = ("#3949ab", "#00796b", "#bf360c", "#8e24aa", "#6d4c41", "#546e7a", "#827717")
"""Series colours; the legend writes its text in them, so each has at least 4.5:1 on white (WCAG AA)."""
TARGET = "#c62828"
FONT = 'font-family="sans-serif" font-size="12"'


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    head = (f'<figure class="sg-chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')
    return Markup(head + "".join(body) + f"</svg><figcaption>{escape(title)}</figcaption></figure>")


LINE_H = 13
"""Line height of a chart label (12 px font)."""


def wrap(label: str, width: int) -> list[str]:
    """Split a label into lines of at most ``width`` characters (at spaces; very long words are cut into pieces)."""
    lines: list[str] = []
    for word in label.split():
        while len(word) > width:
            lines.append(word[:width - 1] + "-")
            word = word[width - 1:]
        if lines and len(lines[-1]) + 1 + len(word) <= width and not lines[-1].endswith("-"):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label(x: float, y_mid: float, lines: list[str]) -> str:
    """A right-aligned, vertically centred multi-line label (the whole text, never cut off)."""
    y0 = y_mid - (len(lines) - 1) * LINE_H / 2 + 4
    spans = "".join(f'<tspan x="{x}" y="{y0 + i * LINE_H:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text text-anchor="end" {FONT}>{spans}</text>'


def bars(title: str, rows: Sequence[tuple[str, Sequence[float | None]]], series: Sequence[str], maximum: float) -> Markup:
    """Horizontal bars, one group per row, one bar per series (e.g. ability vs requirement).

    326 px wide, so the whole chart fits a phone's column at 360 px and up (issue 25: at its former 560 px the
    bars were cut off at the screen's edge, a 3 looked like a 5): labels wrap, the legend has a line per series.
    """
    label_w, bar_w, bar_h = 140, 150, 12
    wrapped = [wrap(label, 20) for label, _ in rows]
    heights = [max(bar_h * len(series) + 8, LINE_H * len(lines) + 6) for lines in wrapped]
    legend = [(i, line) for i, name in enumerate(series) for line in wrap(f"■ {name}", 48)]
    top = 12 + 16 * len(legend)
    height = top + 4 + sum(heights)
    body = [f'<text x="0" y="{14 + 16 * n}" fill="{COLOURS[i % len(COLOURS)]}" {FONT}>{escape(line)}</text>'
            for n, (i, line) in enumerate(legend)]
    y0 = top
    for r, (_name, values) in enumerate(rows):
        group_h = heights[r]
        if r:
            y0 += heights[r - 1]
        body.append(_label(label_w - 6, y0 + group_h / 2, wrapped[r]))
        for s, value in enumerate(values):
            if value is None:
                continue
            w = max(1.0, bar_w * value / maximum) if maximum else 1.0
            y = y0 + (group_h - bar_h * len(series)) / 2 + s * bar_h
            body.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{COLOURS[s % len(COLOURS)]}"/>')
            body.append(f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}" {FONT}>{value:g}</text>')
    return _svg(label_w + bar_w + 36, height, title, body)


def columns(title: str, points: Sequence[tuple[str, float]], unit: str = "", target: float | None = None) -> Markup:
    """Vertical columns over time (e.g. minutes per month); optional target line."""
    width, height, left, bottom, top = 640, 220, 40, 40, 16
    peak = max([v for _, v in points] + [target or 0, 1])
    step = (width - left - 10) / max(len(points), 1)
    plot_h = height - bottom - top
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#999"/>',
            f'<text x="4" y="{top + 4}" {FONT}>{peak:g}{escape(unit)}</text>']
    every = max(1, len(points) // 12)
    for i, (label, value) in enumerate(points):
        h = plot_h * value / peak
        x = left + i * step
        body.append(f'<rect x="{x + 1:.1f}" y="{height - bottom - h:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="{COLOURS[0]}"/>')
        if i % every == 0:
            body.append(f'<text x="{x + step / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" {FONT}>{escape(label)}</text>')
    if target is not None:
        y = height - bottom - plot_h * target / peak
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{TARGET}" stroke-dasharray="6 4"/>')
        body.append(f'<text x="{width - 12}" y="{y - 4:.1f}" text-anchor="end" fill="{TARGET}" {FONT}>Ziel {target:g}{escape(unit)}</text>')
    return _svg(width, height, title, body)


def timeline(title: str, lanes: Sequence[tuple[str, dt.date, dt.date | None, int]], today: dt.date) -> Markup:
    """Gantt-like bars: (label, start, end or None for open, colour index)."""
    if not lanes:
        return Markup("")
    first = min(s for _, s, _, _ in lanes)
    last = max([e or today for _, _, e, _ in lanes] + [today])
    span = max((last - first).days, 1)
    label_w, plot_w, lane_h = 200, 420, 18
    wrapped = [wrap(label, 28) for label, _, _, _ in lanes]
    heights = [max(lane_h, LINE_H * len(lines) + 6) for lines in wrapped]
    height = 24 + sum(heights)

    def x(day: dt.date) -> float:
        return label_w + plot_w * (day - first).days / span

    body = [f'<text x="{label_w}" y="12" {FONT}>{first.strftime("%d.%m.%Y")}</text>',
            f'<text x="{label_w + plot_w}" y="12" text-anchor="end" {FONT}>{last.strftime("%d.%m.%Y")}</text>']
    y = 20
    for i, (_name, start, end, colour) in enumerate(lanes):
        if i:
            y += heights[i - 1]
        x1, x2 = x(start), x(end or today)
        mid = y + heights[i] / 2
        body.append(_label(label_w - 6, mid, wrapped[i]))
        body.append(f'<rect x="{x1:.1f}" y="{mid - (lane_h - 6) / 2:.1f}" width="{max(x2 - x1, 2):.1f}" height="{lane_h - 6}" fill="{COLOURS[colour % len(COLOURS)]}"/>')
    xt = x(today)
    body.append(f'<line x1="{xt:.1f}" y1="16" x2="{xt:.1f}" y2="{height}" stroke="{TARGET}" stroke-dasharray="3 3"/>')
    return _svg(label_w + plot_w + 20, height, title, body)
