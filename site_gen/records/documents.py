"""Documents about people never enter Git: office files, PDFs, CSV and HTML in a records repository.

``bericht``, ``nachweis``, ``export``, ``briefing``, ``bewerbung`` and
``print`` write to ``ausgabe/`` (ignored by Git, see ``site-gen init``). A
document anywhere else in the repository — in the root after a plain
``git add -A``, in a case folder — is a commit-made error ``DOCUMENT-IN-GIT``
at that file: the hook refuses the commit that adds it, the full check
lists every such file that Git would take (tracked, or untracked and not
ignored). Their place instead: ``ausgabe/`` (or the organisation's own
filing system); a template without personal data goes to ``vorlagen/``.

A folder holding ``pyproject.toml`` is a program's checkout (site-gen's own,
whose templates and golden files are documents by design), not a records
repository: nothing is reported there.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from ..findings import Finding
from .git import output

SUFFIXES = frozenset({".doc", ".docx", ".docm", ".dot", ".dotx", ".odt", ".ott", ".rtf", ".pages",
                      ".xls", ".xlsx", ".xlsm", ".ods", ".numbers", ".csv", ".tsv",
                      ".ppt", ".pptx", ".odp", ".key", ".pdf", ".html", ".htm", ".xhtml", ".eml", ".msg"})
"""What a coach's documents are made of (Word, Excel, PowerPoint, LibreOffice, Apple, PDF, CSV, HTML, mails)."""
PLACES = ("ausgabe/", "vorlagen/")
"""Where such files belong: the output folder (ignored by Git) and the templates without personal data."""
SKIPPED_DIRS = frozenset({".git", "ausgabe", "site", "public", "node_modules", ".site-gen-cache", ".site-gen-staging", ".venv"})
"""Outside Git anyway (``init`` ignores them): the walk without Git does not enter them."""
RECORD_FOLDERS = frozenset({"cases", "workplaces", "modules"})


def is_document(path: str) -> bool:
    """True for a document file outside its places (``path`` relative to the repository root, with ``/``)."""
    return os.path.splitext(path)[1].lower() in SUFFIXES and not path.startswith(PLACES)


def document_findings(paths: Iterable[str]) -> list[Finding]:
    """``DOCUMENT-IN-GIT`` for each document among ``paths``; the message names the kind of file, never its content."""
    out = []
    for path in sorted(p for p in set(paths) if is_document(p)):
        kind = os.path.splitext(path)[1].lower()
        out.append(Finding(path, "DOCUMENT-IN-GIT",
                           f"Ein Dokument ({kind}) gehört nicht ins Daten-Repository: Git behält jede Version auf jedem Rechner und auf dem Server.",
                           "Dokumente über Personen nach ausgabe/ (wird nie committet; dorthin schreibt site-gen jeden Bericht, Nachweis und "
                           "jedes andere Dokument) oder in die Ablage der Organisation; eine Vorlage ohne Personendaten nach vorlagen/. "
                           "Aus dem Commit nehmen: git rm --cached DATEI",
                           line=1, col=1))
    return out


def program_checkout(root: Path) -> bool:
    """True for a program's source checkout (site-gen's own with its demo data), not a records repository."""
    return (root / "pyproject.toml").is_file()


def repository_documents(root: Path) -> list[Finding]:
    """The full check: documents Git holds (``git ls-files``) and those it would take (the walk, less what Git ignores)."""
    return start_documents(root)()


def start_documents(root: Path) -> Callable[[], list[Finding]]:
    """:func:`repository_documents` in two steps: Git starts listing its index now, in a process of its own
    (the full check runs meanwhile, on the other core), and calling the result collects the findings.

    Asking Git for untracked files walks every case folder (a second per 100,000 files), so untracked files are
    found by the walk, which leaves the inside of case folders to the record scan.
    """
    if program_checkout(root):
        return list
    if not (root / ".git").exists():
        return lambda: document_findings(_walk(root))
    listing = _start(root, ["ls-files", "-z", "--cached"])

    def collect() -> list[Finding]:
        walked = set(_walk(root))
        tracked = _documents_in(_finish(listing))
        ignored = _git(root, ["check-ignore", "--stdin", "-z"], "\0".join(sorted(walked))) if walked else ""
        return document_findings(set(tracked) | walked - set(ignored.split("\0")))

    return collect


_ENDS = re.compile(rb"\.(?:%s)\0" % b"|".join(re.escape(s[1:].encode()) for s in sorted(SUFFIXES, key=len, reverse=True)))
"""A document's suffix at the end of a path of Git's NUL-separated listing (of the listing in lower case)."""


def _documents_in(listing: bytes) -> list[str]:
    """The document paths of Git's listing (317,000 paths at 10,000 cases): the suffixes are looked for in
    the listing as a whole, in C, instead of path by path (a fifth of a second)."""
    if not listing.isascii():  # str.lower() knows more than ASCII (the Kelvin sign is a "k"): path by path
        return [p for p in listing.decode("utf-8", "surrogateescape").split("\0") if is_document(p)]
    low, out = listing.lower(), []
    for found in _ENDS.finditer(low):
        start = listing.rfind(b"\0", 0, found.start()) + 1
        out.append(listing[start:found.end() - 1].decode("ascii"))
    return out


def _start(root: Path, args: list[str]) -> tuple[subprocess.Popen[bytes], IO[bytes]] | None:
    """Git started on ``args``, its output going to a temporary file (a pipe would stall it until read); None when Git is missing."""
    out = tempfile.TemporaryFile()
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdout=out, stderr=subprocess.DEVNULL), out
    except OSError:
        out.close()
        return None


def _finish(started: tuple[subprocess.Popen[bytes], IO[bytes]] | None) -> bytes:
    """What a Git process of :func:`_start` wrote (b"" when it failed)."""
    if started is None:
        return b""
    proc, out = started
    with out:
        try:
            code = proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return b""
        out.seek(0)
        return out.read() if code in (0, 1) else b""


def _git(root: Path, args: list[str], stdin: str | None = None) -> str:
    return output(root, args, stdin, ok=(0, 1)) or ""


def _walk(root: Path) -> Iterable[str]:
    """Without Git: every folder but the outputs; of the record folders only the top level (the record scan
    reports any other file inside a case folder, and 10,000 case folders are not walked twice)."""
    for folder, dirs, files in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        if rel in RECORD_FOLDERS:
            dirs[:] = []
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not (d.startswith(".site-bau-"))]
        for name in files:
            if os.path.splitext(name)[1].lower() in SUFFIXES:
                yield name if rel == "." else f"{rel}/{name}"
