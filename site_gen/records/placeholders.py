"""Placeholders in skeletons: a skeleton is not a record.

``site-gen new`` writes every value the team must fill in as
``"AUSFÜLLEN: what to write"``. Such a value is a finding (``PLACEHOLDER``,
an error) until it is replaced, so a skeleton never passes the check, never
reaches the internal site and never the public job board.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..findings import Finding, Loc

MARKER = "AUSFÜLLEN"
"""Written by ``site-gen new`` into every value to be filled in."""


def fill(what: str) -> str:
    """The placeholder for ``what`` as written into a skeleton (quoted YAML)."""
    return f'"{MARKER}: {what}"'


def _walk(data: Any, loc: Loc) -> Iterator[Loc]:
    if isinstance(data, str):
        if MARKER in data:
            yield loc
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and MARKER in key:
                yield (*loc, key)
            yield from _walk(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, (*loc, i))


def placeholder_findings(data: Any, display: str, problems: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(problems left, one finding per placeholder left in ``data`` (raw YAML)).

    A placeholder is reported as ``PLACEHOLDER`` whatever its field's type:
    the type error validation gave at the same place (a placeholder is no
    date, no number, no choice) is dropped, its hint kept (``Erlaubt sind: …``).
    Only an unknown key stays what it is (the placeholder under it is not reported).
    """
    if MARKER not in repr(data):  # fast path: almost every record has none
        return problems, []
    marked = list(_walk(data, ()))
    typed = {p.loc: p for p in problems if p.loc in set(marked) and p.code != "SCHEMA-UNKNOWN-KEY"}
    kept = [p for p in problems if p.loc not in typed]
    known = {p.loc for p in kept}
    return kept, [
        Finding(display, "PLACEHOLDER", "Platzhalter aus dem Gerüst ist noch nicht ersetzt.",
                f"Den Text mit '{MARKER}' durch die richtige Angabe ersetzen oder das Feld löschen, wenn es optional ist. "
                "Solange ein Platzhalter steht, wird nichts veröffentlicht." + (f" {typed[loc].hint}" if loc in typed else ""), loc=loc)
        for loc in marked if loc not in known
    ]
