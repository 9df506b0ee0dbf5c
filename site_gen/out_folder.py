"""Where writing commands put their files when no ``--out`` is given.

Documents about a person (development report, service statement, subject
access, briefing, application folder, the posting print) go to ``ausgabe/``
in the records repository: ``site-gen init`` lists that folder in
``.gitignore``, so a plain ``git add .`` never commits them, and the hook
refuses such files anywhere else (:mod:`site_gen.records.documents`). Missing
folders are created; ``--out`` naming an existing folder writes into it.
"""

from __future__ import annotations

from pathlib import Path

OUTPUT_DIR = "ausgabe"


def out_file(root: Path, given: Path | None, default_name: str) -> Path:
    """``given`` (a file, or a folder to write ``default_name`` into: an existing one, or a new name without a
    suffix such as ``--out berichte``), or ``ausgabe/<default_name>`` in ``root``; its folder exists afterwards."""
    folder = given is not None and (given.is_dir() or (not given.exists() and not given.suffix))
    path = root / OUTPUT_DIR / default_name if given is None else given / default_name if folder else given
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def out_dir(root: Path, given: Path | None) -> Path:
    """``given``, or ``ausgabe/`` in ``root``; exists afterwards."""
    path = given if given is not None else root / OUTPUT_DIR
    path.mkdir(parents=True, exist_ok=True)
    return path
