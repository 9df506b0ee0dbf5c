"""Remove references to a deleted case from other record files.

A company contact (``contact_log`` of a workplace) may name a case; such a
contact's note is about the person, so its entry file is deleted as a whole.
Every other workplace and module file is swept, so that a hand-made
reference does not outlive the record either. Files are rewritten with the round-trip
loader, so comments and formatting stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..records.dataset import scan_records
from ..records.load import roundtrip


def strip_id(node: Any, record_id: str) -> int:
    """Remove list items equal to ``record_id`` and mapping entries whose key
    or value is ``record_id``, at any depth. Returns how many were removed."""
    removed = 0
    if isinstance(node, dict):
        for key in [k for k, v in node.items() if k == record_id or v == record_id]:
            del node[key]
            removed += 1
        for value in node.values():
            removed += strip_id(value, record_id)
    elif isinstance(node, list):
        for i in reversed(range(len(node))):
            if node[i] == record_id:
                del node[i]
                removed += 1
        for value in node:
            removed += strip_id(value, record_id)
    return removed


def remove_references_in(root: Path, record_id: str) -> list[str]:
    """Rewrite every workplace/module file that names ``record_id`` (delete a contact file tied to it); returns their paths."""
    changed = []
    for unit in scan_records(root)[0]:
        if unit.kind == "cases":
            continue
        changed += [rel for rel in unit.sources if _sweep(root / rel, record_id)]
    return changed


def _sweep(path: Path, record_id: str) -> bool:
    """Remove ``record_id`` from one record file (a contact entry about it goes as a whole); whether it changed."""
    text = path.read_text(encoding="utf-8-sig")
    if record_id not in text:
        return False
    yaml = roundtrip()
    doc = yaml.load(text)
    if path.parent.name == "contact_log" and hasattr(doc, "get") and doc.get("case") == record_id:
        path.unlink()
        return True
    if strip_id(doc, record_id):
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(doc, out)
        return True
    return False
