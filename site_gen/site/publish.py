"""Publishing a built site: staging, the atomic swap, and the privacy guard.

A site is built in a staging folder that Git never sees (it carries its own
``.gitignore``) beside the output folder, then swapped in with two renames.
Staging folders left behind by a killed build are removed on the next run.

The privacy guard: next to every published site lies its *privacy state*, a
set of hashes of what it shows (each case, each consent-bound field with
data, each disclosure). When a build fails, the previous output is kept only
if the records still allow everything it shows; otherwise — a consent was
withdrawn or expired, a record was deleted — it is replaced by a short
notice. A withdrawal takes effect on the next build, whatever else is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..findings import UserError
from ..render.csp import CSP, meta_csp

HINT_KEEP = "Die bisherige Ausgabe bleibt unverändert."
MARKER = ".site-gen-intern"
"""File in every built site; only folders holding it (or empty ones) are replaced."""
STATE = ".site-gen-zustand.json"
"""The privacy state of a published site (hashes only, no ids or values)."""
STAGING = ".site-gen-staging"

PrivacyState = frozenset[str]


def state_key(*parts: str) -> str:
    """One entry of a privacy state: a short hash of what is shown."""
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=8).hexdigest()


def staging_dir(out: Path) -> Path:
    """A fresh staging folder beside ``out`` (same file system, so the swap is a rename)."""
    root = out.parent / STAGING
    root.mkdir(parents=True, exist_ok=True)
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# site-gen: Zwischenstände von Builds, nie einchecken.\n*\n", encoding="utf-8")
    clean_stale(root)
    for legacy in out.parent.glob(f".{out.name}-bau-*"):  # left by versions before 0.2 inside the records folder
        shutil.rmtree(legacy, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{out.name}-{os.getpid()}-", dir=root))


def clean_stale(root: Path) -> None:
    """Remove staging folders whose build process is gone (e.g. killed with ``kill -9``)."""
    for entry in root.iterdir():
        if not entry.is_dir() or entry.is_symlink():  # a link is never followed (rmtree would not, either)
            continue
        try:
            pid = int(entry.name.split("-")[-2])
        except (IndexError, ValueError):
            continue
        if not _alive(pid):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owned(out: Path) -> bool:
    """``out`` may be replaced: missing, empty, or made by site-gen."""
    if not out.exists():
        return True
    return out.is_dir() and (not any(out.iterdir()) or (out / MARKER).exists())


def swap(site: Path, out: Path, old: Path, guard: bool = True) -> None:
    """Replace ``out`` by ``site`` with two renames on the same file system.

    ``guard``: refuse an ``out`` that site-gen did not make (see :func:`owned`).
    """
    if out.exists():
        if guard and not owned(out):
            raise UserError(f"Der Ausgabeordner '{out}' enthält Dateien, die nicht von site-gen stammen.",
                            "Einen leeren oder von site-gen angelegten Ordner mit --out wählen. " + HINT_KEEP)
        os.rename(out, old)
    try:
        os.rename(site, out)
    except OSError:
        if old.exists():
            os.rename(old, out)
        raise


def publish_files(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` (relative path → bytes) into a staging folder, then swap it in for ``out``."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = staging_dir(out)
    try:
        site = work / "site"
        for rel, data in files.items():
            path = site / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        site.mkdir(exist_ok=True)
        swap(site, out, work / "alt", guard=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_state(site: Path, state: Iterable[str]) -> None:
    (site / STATE).write_text(json.dumps(sorted(state)), encoding="utf-8")


def read_state(out: Path) -> PrivacyState | None:
    try:
        data = json.loads((out / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return frozenset(data) if isinstance(data, list) and all(isinstance(k, str) for k in data) else None


NOTICE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="robots" content="noindex, nofollow, noarchive">
<title>Interne Seite vorübergehend nicht verfügbar</title></head>
<body><main>
<h1>Interne Seite vorübergehend nicht verfügbar</h1>
<p>Der letzte Bau ist fehlgeschlagen. Die vorige Fassung zeigte Daten, die nicht mehr gezeigt werden dürfen
(zum Beispiel nach einem Widerruf oder einer abgelaufenen Einwilligung). Deshalb wurde sie entfernt.</p>
<p>Bitte die Meldungen von <code>site-gen build</code> prüfen und die Seite neu bauen.</p>
</main></body></html>
"""


def guard_previous(out: Path, allowed: PrivacyState | None, marker_text: str, csp: str = CSP) -> bool:
    """After a failed build: keep ``out`` only if ``allowed`` still covers what it shows.

    ``allowed`` is the privacy state the records allow today (None when it
    could not even be computed). Returns True when the previous output stays;
    otherwise it is replaced by a notice page and False is returned.
    """
    if not out.exists() or not owned(out) or not any(out.iterdir()):
        return True
    shown = read_state(out)
    if shown is not None and allowed is not None and shown <= allowed:
        return True
    work = staging_dir(out)
    try:
        notice = work / "site"
        notice.mkdir()
        (notice / "index.html").write_text(NOTICE.format(csp=meta_csp(csp)), encoding="utf-8")
        (notice / MARKER).write_text(marker_text, encoding="utf-8")
        write_state(notice, ())
        swap(notice, out, work / "alt")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return False
