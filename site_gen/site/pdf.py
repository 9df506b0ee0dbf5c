"""Convert a .docx to PDF with LibreOffice headless (``soffice --convert-to pdf``).

LibreOffice needs a user profile, and the first start of a new one costs seconds (it is made and filled).
So conversions reuse one profile of site-gen's own, kept in the user's cache folder
(``$XDG_CACHE_HOME/site-gen/libreoffice``, else ``~/.cache/…``; never the coach's own LibreOffice profile).
LibreOffice cannot run twice on one profile (a second start hands its work to the first and returns), so a
conversion holds a lock on it; one that finds it taken — another conversion at the same time, in this
process or another — uses a throw-away profile as before, so two conversions never wait for or block each
other. A conversion that fails on the kept profile is tried once more on a throw-away one, and the kept
profile is started afresh next time. The profile holds settings only, no document: a headless conversion
keeps no list of recent files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..findings import UserError

TIMEOUT = 180
HINT_INSTALL = "LibreOffice installieren, z. B. 'apt-get install libreoffice-writer-nogui' (Debian), dann erneut versuchen."
HINT_FAILED = "Die .docx-Datei ist trotzdem geschrieben; das PDF aus Word oder LibreOffice heraus speichern."


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def kept_profile() -> Path:
    """The folder of the profile conversions reuse (in the user's cache folder)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "site-gen" / "libreoffice"


@contextlib.contextmanager
def _kept_profile_if_free() -> Iterator[Path | None]:
    """The kept profile, locked for this conversion; ``None`` when it is taken or cannot be made."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): every conversion gets its own profile
        yield None
        return
    folder = kept_profile()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = open(folder.parent / "libreoffice.lock", "a+b")  # held for the block below
    except OSError:
        yield None
        return
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another conversion runs on it now
            yield None
            return
        yield folder  # the lock ends when the file is closed


def _run(exe: str, profile: Path, docx: Path, outdir: Path, fmt: str) -> Path | None:
    """One LibreOffice run on ``profile``; the converted file, or ``None`` if LibreOffice wrote none."""
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir), str(docx)]
    # A session of its own: on a timeout the whole group ends (soffice starts soffice.bin), so no
    # LibreOffice is left running on the kept profile.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        code = proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            if hasattr(os, "killpg"):
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
        proc.wait()
        raise UserError(f"REPORT-PDF-TIMEOUT LibreOffice hat nach {TIMEOUT} Sekunden kein PDF geliefert.", HINT_FAILED) from None
    target = outdir / (docx.stem + "." + fmt)
    return target if code == 0 and target.exists() else None


def convert(docx: Path, outdir: Path, fmt: str = "pdf") -> Path:
    """Write ``docx`` converted to ``fmt`` into ``outdir``; returns the new file. Raises UserError."""
    exe = soffice()
    if exe is None:
        raise UserError("REPORT-NO-LIBREOFFICE Für das PDF fehlt LibreOffice.", HINT_INSTALL)
    with _kept_profile_if_free() as kept:
        if kept is not None:
            target = _run(exe, kept, docx, outdir, fmt)
            if target is not None:
                return target
            shutil.rmtree(kept, ignore_errors=True)  # perhaps the profile is broken: a new one next time
    with tempfile.TemporaryDirectory(prefix="site-gen-lo-") as profile:
        target = _run(exe, Path(profile), docx, outdir, fmt)
    if target is None:
        raise UserError("REPORT-PDF-FAILED LibreOffice konnte die Datei nicht umwandeln.", HINT_FAILED)
    return target
