"""Shared browser-test parts: Debian's Chromium and a localhost file server.

Browsers are never downloaded (no internet here): Playwright drives
``/usr/bin/chromium`` with the flags that keep it from calling home.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def launch(playwright: Any) -> Any:
    """Debian's headless Chromium through a Playwright instance."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class served:
    """Serve ``folder`` on a free localhost port from a thread; yields the base URL (no trailing slash)."""

    def __init__(self, folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
