"""Reporters: text, GitHub annotations, GitLab Code Quality, JSON. The only place findings are printed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..findings import SEVERITY_LABELS, Finding, Severity

if TYPE_CHECKING:
    from ..records.compose import Provenance

FORMATS = ("text", "github", "gitlab", "json")


def positioned(findings: list[Finding], root: Path, provenance: Mapping[str, tuple[str, Provenance]]) -> list[Finding]:
    """Fill in line/column from the key path where a check did not know them.

    In a record folder (``cases/<id>/``) the finding is placed in the small file that holds the key
    path (``source``), with the line in that file: ``provenance`` (the Dataset's, see
    :attr:`~site_gen.records.dataset.Dataset.provenance`) says which file that is.
    """
    # The YAML reader only when a finding needs a line: the reporter stays light to import (``--help``).
    from ..records.compose import resolve
    from ..records.layout import main_file
    from ..records.load import locate

    out = []
    for f in findings:
        if f.line is None:
            target = root / f.file
            if f.file in provenance or target.is_dir():
                kind = f.file.partition("/")[0]
                main, entries = provenance.get(f.file, (f"{f.file}/{main_file(kind)}", {}))
                source, inner = resolve(main, entries, f.loc)
                line, col = locate(root / source, inner) if (root / source).is_file() else (1, 1)
                f = f.at(line, col, source)
            else:
                line, col = locate(target, f.loc) if target.is_file() else (1, 1)
                f = f.at(line, col)
        out.append(f)
    return sorted(out, key=lambda f: (f.where, f.line or 0, f.col or 0, f.code))


def summary(findings: list[Finding], files: int) -> str:
    errors = sum(f.severity is Severity.ERROR and not f.is_task for f in findings)
    warnings = sum(f.severity is Severity.WARNING and not f.is_task for f in findings)
    tasks = sum(f.is_task for f in findings)
    word = "Datei" if files == 1 else "Dateien"
    text = f"{files} {word} geprüft: {errors} Fehler, {warnings} {'Warnung' if warnings == 1 else 'Warnungen'}"
    if tasks:
        text += f", {tasks} fällige {'Aufgabe' if tasks == 1 else 'Aufgaben'}"
    return text + "."


def german_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def label(f: Finding) -> str:
    """``[Warnung] `` / ``[Aufgabe, fällig seit 30.11.2026] `` / nothing for a commit error."""
    if f.due is not None:
        return f"[Aufgabe, fällig seit {german_date(f.due)}] "
    return "" if f.severity is Severity.ERROR else f"[{SEVERITY_LABELS[f.severity]}] "


def _codequality(f: Finding) -> dict[str, object]:
    """One finding in GitLab's Code Quality format (shown in the merge request)."""
    severity = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}[f.severity]
    print_id = hashlib.blake2b(f"{f.where}|{f.code}|{f.line}|{f.col}|{f.message}".encode(), digest_size=16).hexdigest()
    return {"description": f"{f.code} {label(f)}{f.message} Hinweis: {f.hint}", "check_name": f.code, "fingerprint": print_id,
            "severity": "info" if f.is_task else severity, "location": {"path": f.where, "lines": {"begin": f.line or 1}}}


def report(findings: list[Finding], files: int, fmt: str, out: TextIO) -> None:
    """Print ``findings`` (already positioned) in format ``fmt``."""
    if fmt == "json":
        json.dump(
            {
                "findings": [
                    {"file": f.where, "line": f.line, "column": f.col, "code": f.code, "severity": f.severity.value,
                     "message": f.message, "hint": f.hint, "due": f.due.isoformat() if f.due else None}
                    for f in findings
                ],
                "summary": summary(findings, files),
            },
            out, ensure_ascii=False, indent=1,
        )
        out.write("\n")
        return
    if fmt == "gitlab":
        json.dump([_codequality(f) for f in findings], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    for f in findings:
        if fmt == "github":
            level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[f.severity]
            text = f"{label(f)}{f.message} Hinweis: {f.hint}".replace("%", "%25").replace("\n", "%0A")
            out.write(f"::{level} file={f.where},line={f.line},col={f.col},title={f.code}::{text}\n")
        else:
            out.write(f"{f.where}:{f.line}:{f.col}: {f.code} {label(f)}{f.message}\n    Hinweis: {f.hint}\n")
    out.write(summary(findings, files) + "\n")


def report_left_out(findings: list[Finding], files: int, consequence: str, out: TextIO | None = None) -> None:
    """Print the errors of records a site leaves out, then what that means (German sentence).

    Used where a build goes on without those records (build, preview, job board);
    ``findings`` must already be positioned.
    """
    out = out or sys.stderr
    report(findings, files, "text", out)
    out.write(consequence.rstrip("\n") + "\n")
