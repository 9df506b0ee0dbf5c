"""A case folder as the one raw mapping a single case file would give.

``case.yaml`` is read first; every entry file is appended to its list, after
the entries ``case.yaml`` may still hold itself, in file-name order. The
models, checks and views never see the difference. Findings keep the record
(``cases/<id>``) as their file and name the small file they come from in
``source``; :func:`resolve` maps a key path of the composed record back to
the small file and the key path inside it (for line numbers).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml_rs

from .findings import Finding, Loc
from .layout import MAIN_FILE, Unit
from .load import _LEADING_ZERO_HINT, ALIAS_LIMITS, MAX_BYTES, read_yaml

Provenance = dict[tuple[str, int], str]
"""(list name, index in the composed list) → the entry file it came from."""


def _from(findings: list[Finding], record: str, source: str) -> list[Finding]:
    return [replace(f, file=record, source=source) for f in findings]


_MARKER = re.compile(r"^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)


def _read_all(base: str, sources: tuple[str, ...]) -> list[Any] | None:
    """Every file of a folder parsed in one go (one multi-document YAML), or None to read them one by one.

    A case folder has dozens of small files; one parser call instead of one per
    file halves the load time. Anything unusual (too large, not UTF-8, NUL,
    tabs, leading zeros, document markers, an empty file, a syntax error) falls
    back to :func:`~site_gen.load.read_yaml` per file, which gives the exact finding.
    """
    texts = []
    for source in sources:
        try:
            with open(base + source, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None
        if len(raw) > MAX_BYTES or not text.strip() or "\0" in text or "\t" in text or _MARKER.search(text):
            return None
        texts.append(text if text.endswith("\n") else text + "\n")
    joined = "---\n" + "---\n".join(texts)
    if _LEADING_ZERO_HINT.search(joined):
        return None
    try:
        docs = yaml_rs.loads(joined, parse_datetime=False, alias_limits=ALIAS_LIMITS)
    except (yaml_rs.YAMLDecodeError, RecursionError, OverflowError, ValueError):  # the per-file reading names the file and the line
        return None
    if len(sources) == 1:
        docs = [docs]  # type: ignore[list-item]  # one document: yaml_rs returns it unwrapped
    return docs if isinstance(docs, list) and len(docs) == len(sources) and all(d is not None for d in docs) else None


def compose(root: Path, unit: Unit) -> tuple[Any, list[Finding], Provenance]:
    """(raw mapping or None when a file cannot be read, findings, provenance) of a folder unit."""
    main, *entries = unit.sources
    base = f"{root}/"
    docs = _read_all(base, unit.sources)
    if docs is not None and (done := _assemble(unit, docs)) is not None:
        return done
    data, problems = read_yaml(base + main, main)
    findings = _from(problems, unit.display, main)
    provenance: Provenance = {}
    if data is not None and not isinstance(data, dict):
        return data, findings, provenance  # not a mapping: the validation says so for case.yaml
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
            findings.append(Finding(unit.display, "RECORD-ENTRY-LIST", f"In {MAIN_FILE} ist '{list_name}' keine Liste; die Einträge im Unterordner passen nicht dazu.",
                                    f"'{list_name}' in {MAIN_FILE} als Liste schreiben oder dort entfernen.", loc=(list_name,), source=main))
            broken = True
            continue
        provenance[(list_name, len(target))] = source
        target.append(entry)
    return (None if broken else data), findings, provenance


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


def resolve(unit: Unit, provenance: Provenance, loc: Loc) -> tuple[str, Loc]:
    """The small file holding key path ``loc`` of the composed record, and the path inside it."""
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int) and (loc[0], loc[1]) in provenance:
        return provenance[(loc[0], loc[1])], loc[2:]
    return unit.sources[0], loc
