"""Report section: support given, minutes per kind of service per month, and the trend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..models.case import Case, CostApproval, LogEntry, ServiceKind
from .bericht_blocks import Note, Row, Section, Source, Statement, Table

KINDS = (ServiceKind.DIRECT, ServiceKind.MEDIATE, ServiceKind.INDIRECT)
TREND_SHARE = 0.2
"""A change of the monthly mean by more than this share counts as rising or falling."""
BAR = 5
"""Widest bar in character cells: five fit the table's last column on A4 (twelve wrapped onto a second line)."""
EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
"""Left-aligned block eighths: a bar keeps 40 steps of resolution in five cells."""
"""Width of the longest bar in the monthly table."""


def month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def next_month(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def minutes_by_kind(entries: Iterable[LogEntry]) -> dict[ServiceKind, int]:
    """Minutes per kind of service (every kind present, zero when none)."""
    out = dict.fromkeys(KINDS, 0)
    for e in entries:
        out[e.kind] += e.minutes
    return out


def minutes_text(n: int) -> str:
    return "1 Minute" if n == 1 else f"{n} Minuten"


def support_section(case: Case, period: tuple[dt.date, dt.date], approval: CostApproval | None) -> Section:
    sec = Section("Begleitung: Leistungen im Berichtszeitraum")
    start, end = period
    logged = [(i, e) for i, e in enumerate(case.support_log) if start <= e.date <= end]
    if not logged:
        sec.blocks.append(Note("Im Berichtszeitraum ist keine Leistung eingetragen."))
        return sec
    last = max(e.date for _, e in logged)
    months: list[dt.date] = []
    cursor = month_start(start)
    while cursor <= last:
        months.append(cursor)
        cursor = next_month(cursor)
    totals = {m: [(i, e) for i, e in logged if month_start(e.date) == m] for m in months}
    peak = max(sum(e.minutes for _, e in es) for es in totals.values()) or 1
    scope = approval.scope_minutes if approval else None
    rows = [_month_row(m, totals[m], peak, scope) for m in months]
    header = ("Monat", "unmittelbar", "mittelbar", "indirekt", "gesamt") + (("bewilligt",) if scope else ()) + ("Verlauf",)
    edges = (Source(f"support_log[{logged[0][0]}].date", logged[0][1].date), Source(f"support_log[{logged[-1][0]}].date", logged[-1][1].date))
    all_kinds = minutes_by_kind(e for _, e in logged)
    total = sum(all_kinds.values())
    entries = "1 Eintrag" if len(logged) == 1 else f"{len(logged)} Einträgen"
    sec.blocks.append(Statement(f"Insgesamt {minutes_text(total)} in {entries}: {all_kinds[ServiceKind.DIRECT]} unmittelbar, "
                                f"{all_kinds[ServiceKind.MEDIATE]} mittelbar, {all_kinds[ServiceKind.INDIRECT]} indirekt.", edges))
    sec.blocks.append(Table(header, tuple(rows), "Minuten pro Monat nach Leistungsart"))
    sec.blocks.append(Statement(_trend([sum(e.minutes for _, e in totals[m]) for m in months]), edges))
    return sec


def _month_row(m: dt.date, es: list[tuple[int, LogEntry]], peak: int, scope: int | None) -> Row:
    """Minutes of one month by kind, the total, the approved scope (if any) and a bar."""
    kinds = minutes_by_kind(e for _, e in es)
    total = sum(kinds.values())
    eighths = round(BAR * 8 * total / peak)
    bar = "█" * (eighths // 8) + EIGHTHS[eighths % 8]
    cells = (f"{m.month:02d}/{m.year}", *(str(kinds[k]) for k in KINDS), str(total)) + ((str(scope),) if scope else ()) + (bar,)
    return Row(cells, tuple(Source(f"support_log[{i}].date", e.date) for i, e in es))


def _trend(per_month: list[int]) -> str:
    if len(per_month) < 2:
        return "Für eine Aussage zum Verlauf ist der Zeitraum zu kurz (ein Monat)."
    half = len(per_month) // 2
    first, second = per_month[:half], per_month[half:]
    a, b = sum(first) / len(first), sum(second) / len(second)
    words = (f"im Mittel {a:.0f} Minuten pro Monat in der ersten Hälfte des Zeitraums, {b:.0f} in der zweiten")
    if b > a * (1 + TREND_SHARE):
        return f"Die Begleitung hat zugenommen: {words}."
    if b < a * (1 - TREND_SHARE):
        return f"Die Begleitung hat abgenommen: {words}."
    return f"Die Begleitung ist etwa gleich geblieben: {words}."
