"""Profile charts as SVG, each with a table alternative (pure functions).

No scripts, no fonts from elsewhere, no ``style`` attributes (the internal
site's Content-Security-Policy allows none): only presentation attributes.
Ability and requirement differ in shape as well as colour (solid bar vs.
outlined bar), so the chart also reads in black and white. All text is
escaped here; the functions return :class:`markupsafe.Markup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from ..views.profile_figures import ProfileFigure, ProfileHistory, ProfileRow

__all__ = ["ProfileRow", "history_svg", "history_table", "profile_figure", "profile_history", "side_by_side_svg", "side_by_side_table"]

ABILITY, REQUIREMENT, OVER, GRID, INK = "#1565c0", "#e65100", "#b71c1c", "#cfd8dc", "#263238"
FONT = 'font-family="sans-serif" font-size="12"'
SCALE = 5


def _figure(width: int, height: int, title: str, body: list[str], css_class: str) -> Markup:
    t = escape(title)
    return Markup(f'<figure class="{css_class}"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
                  f'width="{width}" height="{height}" role="img" aria-label="{t}"><title>{t}</title>{"".join(body)}</svg>'
                  f"<figcaption>{t}</figcaption></figure>")


def side_by_side_svg(title: str, rows: Sequence[ProfileRow]) -> Markup:
    """Bars per item: ability (solid) next to requirement (outlined), scale 1–5."""
    label_w, plot_w, bar_h = 250, 250, 11
    paired = any(r.requirement is not None for r in rows)
    group_h = bar_h * (2 if paired else 1) + 9
    height = 40 + group_h * len(rows)
    unit = plot_w / SCALE
    body = [f'<rect x="{label_w}" y="4" width="12" height="10" fill="{ABILITY}"/>',
            f'<text x="{label_w + 16}" y="13" {FONT} fill="{INK}">Fähigkeit</text>']
    if paired:
        body += [f'<rect x="{label_w + 100}" y="5" width="11" height="9" fill="#ffffff" stroke="{REQUIREMENT}" stroke-width="2"/>',
                 f'<text x="{label_w + 116}" y="13" {FONT} fill="{INK}">Anforderung</text>']
    for v in range(1, SCALE + 1):
        x = label_w + unit * v
        body += [f'<line x1="{x:.1f}" y1="22" x2="{x:.1f}" y2="{height - 4}" stroke="{GRID}"/>',
                 f'<text x="{x:.1f}" y="32" text-anchor="middle" {FONT} fill="{INK}">{v}</text>']
    for i, row in enumerate(rows):
        y = 38 + i * group_h
        body.append(f'<text x="{label_w - 8}" y="{y + group_h / 2:.1f}" text-anchor="end" {FONT} fill="{INK}">{escape(row.label[:40])}</text>')
        if row.ability is not None:
            body.append(f'<rect x="{label_w}" y="{y}" width="{unit * row.ability:.1f}" height="{bar_h - 1}" fill="{ABILITY}"/>')
        else:
            body.append(f'<text x="{label_w + 4}" y="{y + bar_h - 2}" {FONT} fill="{INK}">{escape(row.note or "nicht eingeschätzt")}</text>')
        if row.requirement is not None:
            yr = y + bar_h
            over = row.ability is not None and row.requirement > row.ability
            body.append(f'<rect x="{label_w + 1}" y="{yr + 1}" width="{unit * row.requirement - 2:.1f}" height="{bar_h - 3}" '
                        f'fill="#ffffff" stroke="{OVER if over else REQUIREMENT}" stroke-width="2"/>')
            if over:
                body.append(f'<text x="{label_w + unit * row.requirement + 4:.1f}" y="{yr + bar_h - 2}" {FONT} fill="{OVER}">▲ mehr verlangt</text>')
    return _figure(label_w + plot_w + 110, height, title, body, "sg-chart sg-profile")


def _cell(value: int | None) -> str:
    return "–" if value is None else str(value)


def side_by_side_table(caption: str, rows: Sequence[ProfileRow]) -> Markup:
    """The same figures as :func:`side_by_side_svg`, as a table."""
    paired = any(r.requirement is not None for r in rows)
    head = "<th scope=\"col\">Merkmal</th><th scope=\"col\">Fähigkeit</th>"
    head += "<th scope=\"col\">Anforderung</th><th scope=\"col\">Bewertung</th>" if paired else ""
    body = []
    for r in rows:
        cells = f'<th scope="row">{escape(r.label)}</th><td>{_cell(r.ability)}</td>'
        if paired:
            cells += f"<td>{_cell(r.requirement)}</td><td>{escape(r.note)}</td>"
        body.append(f"<tr>{cells}</tr>")
    return Markup(f'<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
                  f'<tbody>{"".join(body)}</tbody></table>')


def history_svg(title: str, dates: Sequence[dt.date], series: Sequence[tuple[str, Sequence[int | None]]]) -> Markup:
    """One small line per item over the assessments (small multiples), scale 1–5."""
    label_w, plot_w, row_h = 250, max(120, 90 * len(dates)), 30
    height = 30 + row_h * len(series)
    step = plot_w / max(len(dates) - 1, 1)

    def x(k: int) -> float:
        return label_w + 20 + (step * k if len(dates) > 1 else plot_w / 2)

    body = [f'<text x="{x(k):.1f}" y="14" text-anchor="middle" {FONT} fill="{INK}">{d.strftime("%d.%m.%Y")}</text>'
            for k, d in enumerate(dates)]
    for i, (label, values) in enumerate(series):
        top = 24 + i * row_h
        body += [f'<line x1="{label_w}" y1="{top + row_h - 2}" x2="{label_w + plot_w + 40}" y2="{top + row_h - 2}" stroke="{GRID}"/>',
                 f'<text x="{label_w - 8}" y="{top + row_h / 2 + 4:.1f}" text-anchor="end" {FONT} fill="{INK}">{escape(label[:40])}</text>']
        pts = [(x(k), top + row_h - 4 - (row_h - 8) * (v - 1) / (SCALE - 1), v) for k, v in enumerate(values) if v is not None]
        if len(pts) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in pts)
            body.append(f'<polyline points="{path}" fill="none" stroke="{ABILITY}" stroke-width="2"/>')
        for px, py, v in pts:
            body += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{ABILITY}"/>',
                     f'<text x="{px + 6:.1f}" y="{py + 4:.1f}" {FONT} fill="{INK}">{v}</text>']
    return _figure(label_w + plot_w + 60, height, title, body, "sg-chart sg-history")


def history_table(caption: str, dates: Sequence[dt.date], series: Sequence[tuple[str, Sequence[int | None]]]) -> Markup:
    """The same figures as :func:`history_svg`: one row per item, one column per assessment."""
    head = '<th scope="col">Merkmal</th>' + "".join(f'<th scope="col">{d.strftime("%d.%m.%Y")}</th>' for d in dates)
    body = "".join(f'<tr><th scope="row">{escape(label)}</th>' + "".join(f"<td>{_cell(v)}</td>" for v in values) + "</tr>"
                   for label, values in series)
    return Markup(f'<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
                  f"<tbody>{body}</tbody></table>")


def profile_figure(figure: ProfileFigure | None) -> Markup:
    """Chart and table of a :class:`ProfileFigure` (template global); empty without rows."""
    if figure is None or not figure.rows:
        return Markup("")
    return side_by_side_svg(figure.title, figure.rows) + side_by_side_table(figure.title, figure.rows)


def profile_history(history: ProfileHistory | None) -> Markup:
    """Chart and table of a :class:`ProfileHistory` (template global); empty without data."""
    if history is None:
        return Markup("")
    return history_svg(history.title, history.dates, history.series) + history_table(history.title, history.dates, history.series)
