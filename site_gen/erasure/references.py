"""Remove references to a deleted case from other record files.

The models have no field that points at a case today; this still sweeps
workplaces/ and modules/ so that a future reference (or a hand-made one)
does not outlive the record. Files are rewritten with the round-trip
loader, so comments and formatting stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dataset import record_files
from ..load import roundtrip


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
    """Rewrite every workplace/module file that names ``record_id``; returns their paths."""
    changed = []
    for kind, path in record_files(root):
        if kind == "cases":
            continue
        text = path.read_text(encoding="utf-8-sig")
        if record_id not in text:
            continue
        yaml = roundtrip()
        doc = yaml.load(text)
        if strip_id(doc, record_id):
            with path.open("w", encoding="utf-8") as out:
                yaml.dump(doc, out)
            changed.append(path.relative_to(root).as_posix())
    return changed
