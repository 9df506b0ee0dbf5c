"""Writing result files at the edge: atomic, readable by the owner only (personal data)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .findings import UserError


def write_private(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file (never half-written), mode 0600."""
    path = path.resolve()
    if not path.parent.is_dir():
        raise UserError(f"OUTPUT-NO-FOLDER Der Ordner '{path.parent}' existiert nicht.", "Einen vorhandenen Ordner angeben.")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".site-gen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
