"""Convert a .docx to PDF with LibreOffice headless (``soffice --convert-to pdf``).

Each conversion runs with its own throw-away LibreOffice profile, so two
conversions at once (or a coach's open LibreOffice) never block each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..findings import UserError

TIMEOUT = 180
HINT_INSTALL = "LibreOffice installieren, z. B. 'apt-get install libreoffice-writer-nogui' (Debian), dann erneut versuchen."


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: Path, outdir: Path, fmt: str = "pdf") -> Path:
    """Write ``docx`` converted to ``fmt`` into ``outdir``; returns the new file. Raises UserError."""
    exe = soffice()
    if exe is None:
        raise UserError("REPORT-NO-LIBREOFFICE Für das PDF fehlt LibreOffice.", HINT_INSTALL)
    with tempfile.TemporaryDirectory(prefix="site-gen-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), str(docx)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise UserError(f"REPORT-PDF-TIMEOUT LibreOffice hat nach {TIMEOUT} Sekunden kein PDF geliefert.",
                            "Die .docx-Datei ist trotzdem geschrieben; das PDF aus Word oder LibreOffice heraus speichern.") from None
    target = outdir / (docx.stem + "." + fmt)
    if done.returncode != 0 or not target.exists():
        raise UserError("REPORT-PDF-FAILED LibreOffice konnte die Datei nicht umwandeln.",
                        "Die .docx-Datei ist trotzdem geschrieben; das PDF aus Word oder LibreOffice heraus speichern.")
    return target
