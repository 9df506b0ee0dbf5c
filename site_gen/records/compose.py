"""A record folder (a case, a workplace) as the one raw mapping a single record file would give.

``case.yaml`` (``workplace.yaml``) is read first; every entry file is appended to its list, after
the entries ``case.yaml`` may still hold itself, in file-name order. The
models, checks and views never see the difference. Findings keep the record
(``cases/<id>``) as their file and name the small file they come from in
``source``; :func:`resolve` maps a key path of the composed record back to
the small file and the key path inside it (for line numbers).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..findings import Finding, Loc
from .layout import Unit
from .load import read_documents, read_yaml
from .placeholders import MARKER

Provenance = dict[tuple[str, int], str]
"""(list name, index in the composed list) → the entry file it came from."""


def _from(findings: list[Finding], record: str, source: str) -> list[Finding]:
    return [replace(f, file=record, source=source) for f in findings]


def compose(root: Path, unit: Unit) -> tuple[Any, list[Finding], Provenance, bool]:
    """(raw mapping or None when a file cannot be read, findings, provenance, whether any file may hold
    the skeleton marker) of a folder unit."""
    main, *entries = unit.sources
    base = f"{root}/"
    read = read_documents(base, unit.sources, MARKER)
    if read is not None and (done := _assemble(unit, read[0])) is not None:
        return *done, read[1]
    data, problems = read_yaml(base + main, main)
    findings = _from(problems, unit.display, main)
    provenance: Provenance = {}
    if data is not None and not isinstance(data, dict):
        return data, findings, provenance, True  # not a mapping: the validation says so for case.yaml
    broken = data is None
    data = data or {}
    for source in entries:
        list_name = source.split("/")[-2]
        entry, problems = read_yaml(base + source, source)
        findings += _from(problems, unit.display, source)
        if entry is None:
            broken = True
            continue
        if not isinstance(entry, dict):
            findings.append(Finding(unit.display, "RECORD-ENTRY-TYPE", "Ein Eintrag ist eine Zuordnung (schlüssel: wert), keine Liste oder einzelner Wert.",
                                    "Die Felder des Eintrags ohne führendes '- ' untereinander schreiben.", line=1, col=1, source=source))
            broken = True
            continue
        target = data.setdefault(list_name, [])
        if not isinstance(target, list):
            if not any(f.code == "RECORD-ENTRY-LIST" and f.loc == (list_name,) for f in findings):  # once per list, not per entry
                findings.append(Finding(unit.display, "RECORD-ENTRY-LIST", f"In {main.rsplit('/', 1)[-1]} ist '{list_name}' keine Liste; die Einträge im Unterordner passen nicht dazu.",
                                        f"'{list_name}' in {main.rsplit('/', 1)[-1]} als Liste schreiben oder dort entfernen.", loc=(list_name,), source=main))
            broken = True
            continue
        provenance[(list_name, len(target))] = source
        target.append(entry)
    return (None if broken else data), findings, provenance, True


def _assemble(unit: Unit, docs: list[Any]) -> tuple[Any, list[Finding], Provenance] | None:
    """The fast path of :func:`compose`: the parsed documents, in source order (None: anything odd)."""
    data, provenance = docs[0], {}
    if not isinstance(data, dict):
        return None
    for source, entry in zip(unit.sources[1:], docs[1:]):
        list_name = source.split("/")[-2]
        target = data.setdefault(list_name, [])
        if not isinstance(entry, dict) or not isinstance(target, list):
            return None
        provenance[(list_name, len(target))] = source
        target.append(entry)
    return data, [], provenance


def resolve(main: str, provenance: Provenance, loc: Loc) -> tuple[str, Loc]:
    """The small file holding key path ``loc`` of the composed record (``main``: its ``case.yaml``), and the path inside it."""
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int) and (loc[0], loc[1]) in provenance:
        return provenance[(loc[0], loc[1])], loc[2:]
    return main, loc
