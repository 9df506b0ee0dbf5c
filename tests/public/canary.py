"""Canary markers: every string of every personal record part gets a unique marker.

Walks the dumped model recursively; each string is replaced by a marker and
kept only if the record still validates (ids, dates and enums cannot carry
one). The markers must never appear in the public site.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from site_gen.records.load import read_yaml, roundtrip

MARK = "Kanarien"
_counter = itertools.count(1)


def _variants() -> list[str]:
    n = next(_counter)
    return [f"{MARK}{n}Vogel", f"kanarien{n}vogel", f"{MARK}{n}@beispiel.example", f"040 {n:03d} 9{n:03d}"]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _paths(v, (*prefix, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _paths(v, (*prefix, i))]
    return [prefix] if isinstance(data, str) else []


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def plant(path: Path, model: type[BaseModel], skip: tuple[str, ...] = ()) -> int:
    """Put markers into every string of the record in ``path`` (except top-level keys in ``skip``); returns how many."""
    data, _ = read_yaml(path, path.name)
    planted = 0
    for p in _paths(data):
        if p[0] in skip or p[0] == "id":
            continue
        old = p and _get(data, p)
        for marker in _variants():
            _set(data, p, marker)
            try:
                model.model_validate(data)
            except ValidationError:
                continue
            planted += 1
            break
        else:
            _set(data, p, old)
    with path.open("w", encoding="utf-8") as fh:
        roundtrip().dump(data, fh)
    return planted


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data
