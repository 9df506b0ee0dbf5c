"""Writing files at the edge, the one atomic implementation: a temporary file beside the
target, then a rename. Never a half-written file; personal data readable by the owner only.

Folders are swapped in the same spirit by :func:`site_gen.site.publish.swap`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UserError


def write_file(path: Path, data: bytes | str, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` atomically (text as UTF-8); ``mode`` e.g. 0o600. Returns ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".site-gen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a document about a person to ``path`` atomically, mode 0600; the folder must exist."""
    path = path.resolve()
    if not path.parent.is_dir():
        raise UserError(f"OUTPUT-NO-FOLDER Der Ordner '{path.parent}' existiert nicht.", "Einen vorhandenen Ordner angeben.")
    return write_file(path, data, 0o600)


def _umask() -> int:
    """The process umask (mkstemp makes 0600 files; shared files get the usual mode)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
