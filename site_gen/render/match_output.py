"""``site-gen match`` output: a matching section as German text or as JSON data (English keys)."""

from __future__ import annotations

from typing import Any

from ..views.matching import CaseSection, MatchRow, WorkplaceSection


def _de(number: float) -> str:
    return f"{number:.1f}".removesuffix(".0").replace(".", ",")


def _row_json(row: MatchRow) -> dict[str, Any]:
    return {
        "rank": row.rank, "id": row.id, "name": row.text, "detail": row.detail, "score": row.score,
        "parts": [{"key": p.key, "label": p.label, "points": p.points, "max": p.maximum,
                   "reasons": [{"text": r.text, "points": r.points} for r in p.reasons]} for p in row.parts],
        "comparison": {"summary": row.summary, "items": [
            {"item": g.item, "label": g.label, "requirement": g.requirement, "ability": g.ability, "gap": g.gap, "flag": g.flag.value}
            for g in row.comparison.items]},
    }


def as_json(section: CaseSection | WorkplaceSection) -> dict[str, Any]:
    """The section as plain JSON data (German texts, English keys)."""
    is_case = isinstance(section, CaseSection)
    return {"kind": "case" if is_case else "workplace", "id": section.case_id if is_case else section.workplace_id,  # type: ignore[union-attr]
            "today": section.today.isoformat(), "note": section.note, "results": [_row_json(r) for r in section.rows],
            "formula": list(section.formula)}


def as_text(section: CaseSection | WorkplaceSection) -> str:
    """The section as readable German text."""
    if isinstance(section, CaseSection):
        lines = [f"Passende Arbeitsplätze für {section.case_id} (Stichtag {section.today:%d.%m.%Y})", ""]
    else:
        lines = [f"Passende Bewerber:innen für {section.workplace_id} (Stichtag {section.today:%d.%m.%Y})", ""]
    if section.note:
        lines += [f"Hinweis: {section.note}", ""]
    if not section.rows:
        lines += ["Keine Vorschläge.", ""]
    for row in section.rows:
        lines.append(f"{row.rank}. {row.text} ({row.id}) – {row.detail}")
        lines.append(f"   {_de(row.score)} von 100 Punkten")
        for part in row.parts:
            lines.append(f"   {part.label}: {_de(part.points)} von {_de(part.maximum)}")
            lines += [f"     {'+' + _de(r.points) if r.points else '·':>5}  {r.text}" for r in part.reasons]
        lines += [f"   Vergleich: {row.summary}", ""]
    lines += ["So rechnen wir:", *(f"  - {line}" for line in section.formula), ""]
    return "\n".join(lines)
