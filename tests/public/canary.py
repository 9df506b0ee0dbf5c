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
    planted = plant_data(data, model, skip)
    with path.open("w", encoding="utf-8") as fh:
        roundtrip().dump(data, fh)
    return planted


def plant_data(data: Any, model: type[BaseModel], skip: tuple[str, ...] = ()) -> int:
    """Put markers into every string of the raw record ``data`` (in place; not the top-level keys in ``skip``) where
    the record still validates with it; returns how many.

    Each string takes the first of its four marker variants the record accepts there, else keeps its value. All
    strings are tried at once and only those a validation error points at (its location starts with the string's
    key path) take their next variant: a handful of validations per record instead of one per string and variant.
    An error that points at no single string (a rule over several fields) sends the strings below it through the
    one-at-a-time trial."""
    paths = [p for p in _paths(data) if p[0] not in skip and p[0] != "id"]
    originals = {p: _get(data, p) for p in paths}
    variants = {p: _variants() for p in paths}
    tried = dict.fromkeys(paths, 0)
    for p in paths:
        _set(data, p, variants[p][0])
    trying = set(paths)
    while errors := _errors(model, data):
        pointed = {loc[:n] for loc in errors for n in range(1, len(loc) + 1) if loc[:n] in trying}
        if not pointed:  # a rule over several fields: one string at a time, in order, as the record allows it
            return _one_at_a_time(data, model, [p for p in paths if p in trying], originals, variants)
        for p in pointed:
            tried[p] += 1
            if tried[p] < len(variants[p]):
                _set(data, p, variants[p][tried[p]])
            else:
                _set(data, p, originals[p])
                trying.discard(p)
    return len(trying)


def _one_at_a_time(data: Any, model: type[BaseModel], paths: list[tuple[Any, ...]], originals: dict[tuple[Any, ...], Any],
                   variants: dict[tuple[Any, ...], list[str]]) -> int:
    """Each of ``paths`` back to its value, then one at a time its first variant the record accepts; how many took one."""
    for p in paths:
        _set(data, p, originals[p])
    planted = 0
    for p in paths:
        for marker in variants[p]:
            _set(data, p, marker)
            if not _errors(model, data):
                planted += 1
                break
        else:
            _set(data, p, originals[p])
    return planted


def _errors(model: type[BaseModel], data: Any) -> list[tuple[Any, ...]]:
    try:
        model.model_validate(data)
    except ValidationError as error:
        return [tuple(e["loc"]) for e in error.errors()]
    return []


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data
