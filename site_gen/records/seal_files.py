"""Sealing the plain values of a case's files in the working tree (``keys seal``, ``migrate --encrypt``).

Files are rewritten with ruamel round-trip (comments, order and quoting stay);
values already sealed are left byte for byte, so a re-run changes nothing and
a diff shows only the values that were plain. With the case's keys a value is
sealed symmetrically; without them (a reader who may not open the case) to the
slot's public recipient (``schluessel/akten/<case>.yaml``), the slow kind.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..layout import Unit
from ..output import write_file
from .sealing import READABLE, Path as KeyPath, is_sealed, seal, seal_to, slot_of
from .unseal import Opened

Sealer = Callable[[Any, str, KeyPath], str]
"""(value, slot, path in the case) → sealed text."""


def sealer(case: str, keys: Opened | None, recipients: dict[str, str]) -> Sealer:
    """Seal with the case's keys when opened, else to its recipients."""
    def run(value: Any, slot: str, path: KeyPath) -> str:
        if keys is not None and slot in keys.slots:
            return seal(value, slot, keys.slots[slot][0], case, path)
        if slot not in recipients:
            from ..errors import UserError

            raise UserError(f"Die Akte {case} hat keinen öffentlichen Schlüssel für den Zweck '{slot}'.",
                            "Mit 'site-gen migrate --encrypt' (Schlüsselbund nötig) die Schlüssel der Akte anlegen.")
        return seal_to(value, slot, recipients[slot], case, path)
    return run


def seal_unit(root: Path, unit: Unit, run: Sealer) -> list[str]:
    """Seal every plain value of the unit's files; returns the files rewritten (relative paths)."""
    changed = []
    for i, source in enumerate(unit.sources):  # the main file first, then the entry files of the lists
        prefix: KeyPath = () if i == 0 else (source.split("/")[-2], 0)
        if seal_file(root / source, prefix, run):
            changed.append(source)
    return changed


def seal_file(path: Path, prefix: KeyPath, run: Sealer) -> bool:
    """Seal the plain values of one file (``prefix``: where its mapping sits in the case); whether it changed."""
    from ..load import roundtrip

    yaml = roundtrip()
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text)
    if not isinstance(data, dict):
        return False
    count = [0]

    def walk(node: Any, at: KeyPath) -> Any:
        if isinstance(node, dict):
            for k in list(node):
                node[k] = walk(node[k], (*at, str(k)))
            return node
        if isinstance(node, list):
            for i in range(len(node)):
                node[i] = walk(node[i], (*at, i))
            return node
        if node is None or is_sealed(node) or not at or (not prefix and at[0] in READABLE):
            return node
        count[0] += 1
        return run(_plain(node), slot_of(str(at[0])), at)

    for key in list(data):
        data[key] = walk(data[key], (*prefix, str(key)))
    if not count[0]:
        return False
    out = io.StringIO()
    yaml.dump(data, out)
    write_file(path, out.getvalue())
    return True


def _plain(value: Any) -> Any:
    """A round-trip scalar as the fast loader gives it (dates stay ISO strings)."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)
