"""The site-gen version a records repository is written for: ``.site-gen-version`` (one line, e.g. ``0.1.0``).

``site-gen init`` writes it; the CI templates install exactly that version
(``pip install "site-gen==$(cat .site-gen-version)"``) and the hook runs the
installed ``site-gen``. Every command compares it with the installed version
before it reads a record: another **major** version refuses with a German
message (the rules or formats differ), another minor or patch version is a
note on stderr. A repository without the file is not pinned (this
repository's demo data, test fixtures).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .. import __version__
from ..errors import UserError

PIN_FILE = ".site-gen-version"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def pinned(root: Path) -> str | None:
    """The version the repository states, or None without ``.site-gen-version`` (UserError when unreadable)."""
    path = root / PIN_FILE
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    if not _VERSION.match(text):
        raise UserError(f"{PIN_FILE}:1:1: VERSION-PIN-INVALID Die Datei nennt keine Version im Format X.Y.Z.",
                        f"Nur die Version in die erste Zeile schreiben, z. B. {__version__}.")
    return text


def check_pin(root: Path, installed: str = __version__) -> None:
    """Refuse another major version; note another minor or patch version on stderr."""
    wanted = pinned(root)
    if wanted is None or wanted == installed:
        return
    if wanted.split(".")[0] != installed.split(".")[0]:
        raise UserError(f"{PIN_FILE}:1:1: VERSION-MAJOR Dieses Daten-Repository ist für site-gen {wanted} geschrieben, "
                        f"installiert ist site-gen {installed}: Regeln und Formate passen nicht zusammen.",
                        f"Dieselbe Version installieren: python -m pip install \"site-gen=={wanted}\". Zum Umstellen auf "
                        f"{installed}: Hilfe → Einrichtung → „site-gen aktualisieren“.")
    sys.stderr.write(f"site-gen: Hinweis: {PIN_FILE} nennt site-gen {wanted}, installiert ist {installed}. "
                     f"Hook und CI verwenden {wanted}: python -m pip install \"site-gen=={wanted}\"\n")
