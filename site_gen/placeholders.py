"""Placeholders in skeletons: a skeleton is not a record.

``site-gen new`` writes every value the team must fill in as
``"AUSFÜLLEN: what to write"``. Such a value is a finding (``PLACEHOLDER``,
an error) until it is replaced, so a skeleton never passes the check, never
reaches the internal site and never the public job board.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .findings import Finding, Loc

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


def placeholder_findings(data: Any, display: str, known: set[Loc] = frozenset()) -> list[Finding]:  # type: ignore[assignment]
    """One finding per placeholder left in ``data`` (raw YAML), except at ``known`` locations
    (where validation already reported the value)."""
    if MARKER not in repr(data):  # fast path: almost every record has none
        return []
    return [
        Finding(display, "PLACEHOLDER", "Platzhalter aus dem Gerüst ist noch nicht ersetzt.",
                f"Den Text mit '{MARKER}' durch die richtige Angabe ersetzen oder das Feld löschen, wenn es optional ist. "
                "Solange ein Platzhalter steht, wird nichts veröffentlicht.", loc=loc)
        for loc in _walk(data, ()) if loc not in known
    ]
