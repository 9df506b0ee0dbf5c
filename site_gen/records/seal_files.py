"""Sealing the plain values of a case's files in the working tree (``keys seal``, ``migrate --encrypt``).

Files are rewritten with ruamel round-trip (comments, order and quoting stay);
values already sealed are left byte for byte, so a re-run changes nothing and
a diff shows only the values that were plain. With the case's keys a value is
sealed symmetrically; without them (a reader who may not open the case) to the
slot's public recipient (``schluessel/akten/<case>.yaml``), the slow kind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..output import write_file
from .layout import Unit
from .sealing import READABLE, current_slot, entry_of, is_sealed, seal, seal_to, slot_of
from .sealing import Path as KeyPath
from .unseal import Opened

Sealer = Callable[[Any, str, KeyPath, str], str]
"""(value, purpose slot, path in the case, entry file name without .yaml or "") → sealed text."""
Renew = Callable[[str], str]
"""A new key for a purpose whose key was destroyed (a new consent after a withdrawal) → its slot name."""


def sealer(case: str, keys: Opened | None, recipients: dict[str, str], renew: Renew | None = None) -> Sealer:
    """Seal with the case's keys when opened, else to its recipients; each purpose with its newest key.

    A purpose whose key was destroyed gets a new one from ``renew`` (a new
    consent after a withdrawal): values under the new consent are readable,
    the old ones stay erased."""
    def run(value: Any, purpose: str, path: KeyPath, entry: str) -> str:
        slot = current_slot(purpose, keys.slots) if keys is not None else None
        if keys is not None and slot is not None:
            return seal(value, slot, keys.slots[slot][0], case, path, entry)
        slot = current_slot(purpose, recipients)
        if slot is not None and (keys is None or slot not in keys.erased):
            return seal_to(value, slot, recipients[slot], case, path, entry)
        if renew is not None and keys is not None:
            slot = renew(purpose)
            return seal(value, slot, keys.slots[slot][0], case, path, entry)
        from ..errors import UserError

        if keys is not None:
            raise UserError(f"Die Akte {case} hat für den Zweck '{purpose}' keinen gültigen Schlüssel mehr (nach einem Widerruf vernichtet).",
                            "'site-gen keys seal' mit Schlüsselbund und eigenem Schlüssel legt für die neue Einwilligung einen neuen Schlüssel an.")
        raise UserError(f"Die Akte {case} hat keinen öffentlichen Schlüssel für den Zweck '{purpose}'.",
                        "'site-gen keys seal' mit Schlüsselbund und eigenem Schlüssel legt ihn an (nach einem Widerruf: einen neuen).")
    return run


def seal_unit(root: Path, unit: Unit, run: Sealer) -> list[str]:
    """Seal every plain value of the unit's files; returns the files rewritten (relative paths)."""
    changed = []
    for i, source in enumerate(unit.sources):  # the main file first, then the entry files of the lists
        prefix: KeyPath = () if i == 0 else (source.split("/")[-2], 0)
        if seal_file(root / source, prefix, run, "" if i == 0 else entry_of(source)):
            changed.append(source)
    return changed


def seal_file(path: Path, prefix: KeyPath, run: Sealer, entry: str = "", fields: tuple[str, ...] | None = None) -> bool:
    """Seal the plain values of one file (``prefix``: where its mapping sits in the case; ``entry``: the entry file's
    name without ``.yaml``, "" for the main file; ``fields``: only these top-level keys, e.g. a company contact's
    notes); whether it changed.

    Each plain scalar's own characters are replaced by its sealed text (positions
    from :func:`site_gen.records.load.scalar_spans`, values from the fast loader), so
    comments, order, quoting and every other line stay byte for byte.
    """
    from .load import parse_yaml, scalar_spans

    raw = path.read_bytes()
    data, problems = parse_yaml(raw, path.name)
    if not isinstance(data, dict) or any(f.severity.value == "error" for f in problems):
        return False  # the check reports why; nothing is guessed
    todo = [(at, value) for at, value in _plain_values(data, prefix) if fields is None or at[len(prefix)] in fields]
    if not todo:
        return False
    text = raw.decode("utf-8-sig")
    spans = {at: (start, end, style) for at, start, end, style in scalar_spans(text) or []}
    out, last = [], 0
    for at, value in sorted(todo, key=lambda item: spans.get(item[0][len(prefix):], (-1, 0, None))[0]):
        if at[len(prefix):] not in spans:
            return False
        start, end, style = spans[at[len(prefix):]]
        out += [text[last:start], run(value, slot_of(str(at[0])), at, entry) + ("\n" if style in ("|", ">") else "")]
        last = end
    write_file(path, "".join(out) + text[last:])
    return True


def _plain_values(data: dict[str, Any], prefix: KeyPath) -> list[tuple[KeyPath, Any]]:
    """(path in the case, value) of every plain scalar of a file's mapping that belongs sealed."""
    found: list[tuple[KeyPath, Any]] = []
    stack: list[tuple[Any, KeyPath]] = [(v, (*prefix, k)) for k, v in data.items() if prefix or k not in READABLE]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            stack += [(v, (*at, k)) for k, v in node.items()]
        elif isinstance(node, list):
            stack += [(v, (*at, i)) for i, v in enumerate(node)]
        elif node is not None and not is_sealed(node):
            found.append((at, node))
    return found


