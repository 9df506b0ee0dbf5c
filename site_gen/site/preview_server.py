"""Serving the preview: a small HTTP server with live reload, and the file watcher.

The browser reloads through a long-poll script served from localhost; every
HTML page gets the script and, while records have errors, a banner naming
them (file:line and code, never a value).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import signal
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from ..checking.reporter import positioned
from ..findings import UserError
from .preview import Preview

RELOAD_JS = (b"(function(){var v=null;function poll(){fetch('/__site-gen/version?since='+(v===null?'':v))"
             b".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload();return}v=t;poll()})"
             b".catch(function(){setTimeout(poll,2000)})}poll()})();")
RELOAD_TAG = b'<script src="/__site-gen/livereload.js"></script></body>'



def banner(preview: Preview) -> bytes:
    """The errors of the current records as an HTML banner (German, file:line, no content values); empty when none.

    Shown on every page until the files are fixed: the browser reloads after
    each save, so the banner appears with the save and goes with the fix.
    """
    errors = positioned(list(preview.errors), preview.root, preview.ds.provenance) if preview.errors else []
    if not errors:
        return b""
    n = len(errors)
    items = "".join(f"<li><code>{html.escape(f.where)}:{f.line or 1}</code> {html.escape(f.code)}: {html.escape(f.message)}</li>"
                    for f in errors[:20])
    more = f"<li>… und {n - 20} weitere (siehe Konsole)</li>" if n > 20 else ""
    head = "1 Fehler beim letzten Speichern" if n == 1 else f"{n} Fehler beim letzten Speichern"
    return (f'<div class="sg-preview-problems" role="alert"><strong>{head}.</strong> '
            "Betroffene Datensätze fehlen in der Vorschau, bis die Datei korrigiert ist."
            f"<ul>{items}{more}</ul></div>").encode()


def _handler(preview: Preview) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(preview.site), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the console shows rebuilds
            pass

        def _send(self, body: bytes, ctype: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path == "/__site-gen/livereload.js":
                return self._send(RELOAD_JS, "text/javascript")
            if url.path == "/__site-gen/version":
                since = parse_qs(url.query).get("since", [""])[0]
                with preview.changed:
                    preview.changed.wait_for(lambda: str(preview.version) != since, timeout=25)
                return self._send(str(preview.version).encode(), "text/plain")
            target = preview.site / url.path.lstrip("/")
            if url.path.endswith("/"):
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file() and preview.site.resolve() in target.resolve().parents:
                body = target.read_bytes().replace(b"</body>", RELOAD_TAG, 1)
                if notice := banner(preview):
                    body = re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + notice, body, count=1)
                return self._send(body, "text/html; charset=utf-8")
            return super().do_GET()

    return Handler


def watch(preview: Preview, stop: threading.Event | None = None, ready: threading.Event | None = None) -> None:
    """Apply changes under the records root until ``stop`` is set; ``ready`` is set once watching."""
    from watchfiles import watch as watch_files

    def relevant(_change: Any, path: str) -> bool:
        return path.endswith((".yaml", ".yml")) and "/." not in path[len(str(preview.root)):]

    for changes in watch_files(preview.root, watch_filter=relevant, stop_event=stop, debounce=50, step=20,
                               yield_on_timeout=True, rust_timeout=300):
        if ready is not None:
            ready.set()
        if not changes:
            continue
        paths = {Path(p) for _, p in changes}
        try:
            took = preview.update(paths)
        except UserError as err:
            sys.stderr.write(f"site-gen serve: {err.message}\n")
            continue
        if took >= 0:
            print(f"Aktualisiert in {took:.2f} s: " + ", ".join(sorted(p.name for p in paths)), flush=True)


def serve(root: Path, today: dt.date, host: str, port: int, search: bool = True) -> int:
    """Build, serve on ``host:port`` and follow changes until Ctrl+C or SIGTERM; exit code 0."""
    with tempfile.TemporaryDirectory(prefix="site-gen-serve-") as work:
        preview = Preview(root.resolve(), today, Path(work), search=search)
        server = ThreadingHTTPServer((host, port), _handler(preview))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        stop, ready = threading.Event(), threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())  # end cleanly: the temporary folder is removed
        watcher = threading.Thread(target=watch, args=(preview, stop, ready), daemon=True)
        watcher.start()
        ready.wait(timeout=30)
        print(f"Vorschau: http://{host}:{server.server_address[1]}/ (Strg+C beendet)", flush=True)
        try:
            while watcher.is_alive():
                watcher.join(timeout=0.5)
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            server.shutdown()
    return 0
