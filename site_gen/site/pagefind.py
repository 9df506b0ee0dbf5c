"""Pagefind: the search index of the internal site, built offline."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..findings import UserError
from .publish import HINT_KEEP


def run_pagefind(site: Path) -> None:
    """Index ``site`` with the Pagefind binary bundled in the pagefind package (offline)."""
    try:
        from pagefind_bin import get_executable

        exe = str(get_executable())
    except (ImportError, FileNotFoundError):
        raise UserError("Pagefind ist nicht installiert.", "pip install 'pagefind[bin]'. " + HINT_KEEP) from None
    proc = subprocess.run([exe, "--site", str(site), "--output-subdir", "pagefind"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise UserError("Der Suchindex (Pagefind) konnte nicht erstellt werden: " + proc.stderr.strip()[-300:], HINT_KEEP)
