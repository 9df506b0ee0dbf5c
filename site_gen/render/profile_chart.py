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

ABILITY, REQUIREMENT, OVER, GRID, INK = "#1565c0", "#bf360c", "#b71c1c", "#cfd8dc", "#263238"
SCALE = 5


def _n(value: float) -> str:
    """A coordinate with at most one decimal and no trailing ``.0`` (pages are big: every byte counts 1,000 times)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _figure(width: int, height: int, title: str, body: list[str], css_class: str) -> Markup:
    """The chart in a figure; the text style is set once on the ``svg`` (texts inherit it).

    Search skips the chart (``data-pagefind-ignore``): the table beside it holds the same figures.
    """
    t = escape(title)
    return Markup(f'<figure class="{css_class}" data-pagefind-ignore="all"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
                  f'width="{width}" height="{height}" role="img" aria-label="{t}" font-family="sans-serif" font-size="12" fill="{INK}">'
                  f'<title>{t}</title>{"".join(body)}</svg><figcaption>{t}</figcaption></figure>')


def _grid(lines: list[tuple[float, float, float, float]]) -> str:
    """Grid lines as one path."""
    return f'<path d="{"".join(f"M{_n(x1)} {_n(y1)}L{_n(x2)} {_n(y2)}" for x1, y1, x2, y2 in lines)}" stroke="{GRID}"/>'


def side_by_side_svg(title: str, rows: Sequence[ProfileRow]) -> Markup:
    """Bars per item: ability (solid) next to requirement (outlined), scale 1–5."""
    label_w, plot_w, bar_h = 250, 250, 11
    paired = any(r.requirement is not None for r in rows)
    group_h = bar_h * (2 if paired else 1) + 9
    height = 40 + group_h * len(rows)
    unit = plot_w / SCALE
    body = [f'<rect x="{label_w}" y="4" width="12" height="10" fill="{ABILITY}"/>',
            f'<text x="{label_w + 16}" y="13">Fähigkeit</text>']
    if paired:
        body += [f'<rect x="{label_w + 100}" y="5" width="11" height="9" fill="#ffffff" stroke="{REQUIREMENT}" stroke-width="2"/>',
                 f'<text x="{label_w + 116}" y="13">Anforderung</text>']
    body.append(_grid([(label_w + unit * v, 22, label_w + unit * v, height - 4) for v in range(1, SCALE + 1)]))
    body += [f'<text x="{_n(label_w + unit * v)}" y="32" text-anchor="middle">{v}</text>' for v in range(1, SCALE + 1)]
    for i, row in enumerate(rows):
        y = 38 + i * group_h
        body.append(f'<text x="{label_w - 8}" y="{_n(y + group_h / 2)}" text-anchor="end">{escape(row.label[:40])}</text>')
        if row.ability is not None:
            body.append(f'<rect x="{label_w}" y="{y}" width="{_n(unit * row.ability)}" height="{bar_h - 1}" fill="{ABILITY}"/>')
        else:
            body.append(f'<text x="{label_w + 4}" y="{y + bar_h - 2}">{escape(row.note or "nicht eingeschätzt")}</text>')
        if row.requirement is not None:
            yr = y + bar_h
            over = row.ability is not None and row.requirement > row.ability
            body.append(f'<rect x="{label_w + 1}" y="{yr + 1}" width="{_n(unit * row.requirement - 2)}" height="{bar_h - 3}" '
                        f'fill="#ffffff" stroke="{OVER if over else REQUIREMENT}" stroke-width="2"/>')
            if over:
                body.append(f'<text x="{_n(label_w + unit * row.requirement + 4)}" y="{yr + bar_h - 2}" fill="{OVER}">▲ mehr verlangt</text>')
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

    body = [f'<text x="{_n(x(k))}" y="14" text-anchor="middle">{d.strftime("%d.%m.%Y")}</text>' for k, d in enumerate(dates)]
    body.append(_grid([(label_w, 22 + i * row_h + row_h, label_w + plot_w + 40, 22 + i * row_h + row_h) for i in range(len(series))]))
    for i, (label, values) in enumerate(series):
        top = 24 + i * row_h
        body.append(f'<text x="{label_w - 8}" y="{_n(top + row_h / 2 + 4)}" text-anchor="end">{escape(label[:40])}</text>')
        pts = [(x(k), top + row_h - 4 - (row_h - 8) * (v - 1) / (SCALE - 1), v) for k, v in enumerate(values) if v is not None]
        if len(pts) > 1:
            path = " ".join(f"{_n(px)},{_n(py)}" for px, py, _ in pts)
            body.append(f'<polyline points="{path}" fill="none" stroke="{ABILITY}" stroke-width="2"/>')
        for px, py, v in pts:
            body += [f'<circle cx="{_n(px)}" cy="{_n(py)}" r="3.5" fill="{ABILITY}"/>',
                     f'<text x="{_n(px + 6)}" y="{_n(py + 4)}">{v}</text>']
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
