"""Headless Chromium for PDF files on a coach's machine: Linux, Windows or macOS, without IT.

Playwright (``python -m pip install playwright``) drives the browser; which one,
in this order: ``SITE_GEN_CHROMIUM`` (a path) when it is set, and then only
that; the system's Chromium (Debian ``/usr/bin/chromium``); an installed
Google Chrome or Microsoft Edge (Playwright's channels; Edge comes with every
Windows); the Chromium Playwright downloaded itself (``python -m playwright
install chromium``). The first that starts prints the PDF.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from ..errors import UserError

ENV = "SITE_GEN_CHROMIUM"
PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WITHOUT_PDF = "selbsteinschaetzung, rueckmeldung und mein-weg schreiben mit --kein-pdf nur die HTML-Datei."


def choices(environ: Mapping[str, str], exists: Callable[[str], bool] = os.path.exists) -> list[tuple[str | None, str | None]]:
    """The ways to start Chromium, best first: Playwright's ``executable_path`` and ``channel`` (both None: its own)."""
    given = environ.get(ENV, "").strip()
    if given:
        return [(given, None)]
    return [*((path, None) for path in PATHS if exists(path)), (None, "chrome"), (None, "msedge"), (None, None)]


@contextmanager
def browser() -> Iterator[Any]:
    """A started headless Chromium (closed afterwards); UserError in German when there is none."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise UserError("Für PDF-Dateien fehlt Playwright.",
                        f"Einmal installieren: python -m pip install playwright (es nutzt Chrome, Edge oder Chromium dieses Rechners). {WITHOUT_PDF}") from None
    with sync_playwright() as p:
        tried = choices(os.environ)
        last = ""
        for path, channel in tried:
            try:
                started = p.chromium.launch(args=ARGS, executable_path=path, channel=channel)
            except Error as exc:
                last = _first_line(exc)
                continue
            try:
                yield started
            except Error as exc:
                raise UserError("Chromium konnte das PDF nicht erzeugen.", _first_line(exc)) from None
            finally:
                started.close()
            return
    if os.environ.get(ENV, "").strip():
        raise UserError(f"{ENV} nennt ein Programm, das nicht als Chromium startet.", f"Den Pfad zu Chrome, Edge oder Chromium eintragen oder {ENV} leeren. ({last})")
    raise UserError("Für das PDF wurde kein Chromium-Browser gefunden (Chrome, Edge oder Chromium).",
                    f"Google Chrome oder Microsoft Edge installieren oder einmal: python -m playwright install chromium; einen anderen Ort nennt {ENV}. "
                    f"{WITHOUT_PDF} ({last})")


def _first_line(exc: Exception) -> str:
    """Playwright's reason, short (its first line; no record value is ever in it)."""
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__
