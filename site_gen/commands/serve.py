"""``site-gen serve``: preview the internal site with live reload.

The first build is a full one (into a temporary folder). After that, a
changed record is loaded alone, the affected pages are rendered again, only
pages whose Markdown changed are written, and mkdocs rebuilds just those
(its ``dirty`` mode skips pages whose source is older than their output).
The browser reloads through a small long-poll script served from localhost.
Pagefind re-indexes in the background afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import re
import signal
import datetime as dt
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from ..dataset import Dataset, load_dataset, load_record
from ..layout import record_of
from ..findings import UserError
from ..models import RECORD_KINDS
from ..render.internal import remove_docs, render_site, write_docs
from ..report import positioned, report
from ..site.internal import git_history
from ..site.admin import install_admin
from ..site.mkdocs import mkdocs_config, run_mkdocs
from ..site.pagefind import run_pagefind
from ..site.records import Selection, select
from ..views.consented import consented_case, consented_dataset
from .check import parse_date

RELOAD_JS = (b"(function(){var v=null;function poll(){fetch('/__site-gen/version?since='+(v===null?'':v))"
             b".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload();return}v=t;poll()})"
             b".catch(function(){setTimeout(poll,2000)})}poll()})();")
RELOAD_TAG = b'<script src="/__site-gen/livereload.js"></script></body>'


class Preview:
    """The served site and how to bring it up to date after a change."""

    def __init__(self, root: Path, today: dt.date, work: Path, search: bool = True) -> None:
        self.root, self.today, self.search = root, today, search
        self.docs, self.site = work / "docs", work / "site"
        self.version = 0
        self.changed = threading.Condition()
        self._index_lock = threading.Lock()
        self._indexing = self._index_again = False
        self._lock = threading.Lock()
        """Held while pages are written and mkdocs runs (both phases share docs/ and site/)."""
        self._full = threading.Event()
        self.generation = 0
        self.raw = load_dataset(root)
        self._select(self.raw)
        self.history = git_history(root)
        self.view = consented_dataset(self.ds, today)
        self.pages = render_site(self.view, today, self.history, tasks=self.tasks)
        write_docs(self.pages, self.docs)
        run_mkdocs(mkdocs_config(self.docs, self.site, root / "mkdocs.yml", strict=False))
        install_admin(self.ds, self.site)  # the browser editor; later builds are dirty and keep it
        self._index_later()
        threading.Thread(target=self._full_updates, daemon=True).start()

    def _full_updates(self) -> None:
        """Phase 2, in the background: everything again, published unless a newer change came."""
        while True:
            self._full.wait()
            self._full.clear()
            generation, ds, tasks = self.generation, self.ds, self.tasks
            view = consented_dataset(ds, self.today)
            pages = render_site(view, self.today, self.history, tasks=tasks)
            with self._lock:
                if generation != self.generation:
                    continue  # a newer change arrived; its own phase 2 is already requested
                self.view = view
                self._publish(pages, partial=False)
            self._index_later()

    def _index_later(self) -> None:
        """Re-index in the background; one Pagefind run at a time, one more if changes came meanwhile."""
        if not self.search:
            return
        with self._index_lock:
            if self._indexing:
                self._index_again = True
                return
            self._indexing = True

        def work() -> None:
            while True:
                try:
                    run_pagefind(self.site)
                except UserError as err:
                    sys.stderr.write(f"site-gen serve: {err.message}\n")
                with self._index_lock:
                    if not self._index_again:
                        self._indexing = False
                        return
                    self._index_again = False

        threading.Thread(target=work, daemon=True).start()

    def _select(self, raw: Dataset) -> Selection:
        """Show every valid record; report the errors (the preview never stops for them)."""
        selection = select(raw, self.today)
        self.ds, self.tasks, self.errors = selection.ds, selection.tasks, selection.errors
        if selection.errors:
            report(selection.errors, len(raw.files), "text", sys.stderr)
            sys.stderr.write("site-gen serve: Datensätze mit Fehlern fehlen in der Vorschau, bis die Fehler behoben sind.\n")
        return selection

    def _reload_records(self, paths: set[Path]) -> tuple[Dataset, dict[str, set[str]]]:
        """The raw Dataset with the changed record files loaded again; ids touched per kind."""
        cases, workplaces, modules = dict(self.raw.cases), dict(self.raw.workplaces), dict(self.raw.modules)
        displays = {p.relative_to(self.root).as_posix() for p in paths}
        files, findings = dict(self.raw.files), [f for f in self.raw.findings if f.file not in displays]
        targets: dict[str, dict[str, Any]] = {"cases": cases, "workplaces": workplaces, "modules": modules}
        touched: dict[str, set[str]] = {}
        for path in paths:
            kind, stem = path.parent.name, path.stem
            display = path.relative_to(self.root).as_posix()
            touched.setdefault(kind, set()).add(stem)
            targets[kind].pop(stem, None)
            files.pop((kind, stem), None)
            if path.exists():
                files[(kind, stem)] = display
                record, problems = load_record(kind, path, display)
                findings += problems
                if record is not None:
                    targets[kind][stem] = record
        raw = dataclasses.replace(self.raw, cases=cases, workplaces=workplaces, modules=modules, files=files, findings=findings)
        return raw, touched

    def _record_path(self, path: Path) -> Path:
        """A changed file of a case folder stands for its case (``cases/<id>``)."""
        try:
            return self.root / record_of(path.relative_to(self.root).as_posix())
        except ValueError:
            return path

    def update(self, paths: set[Path]) -> float:
        """Bring the site up to date after ``paths`` changed; returns seconds until the
        changed records' own pages are served. A record with errors is left out (its
        page names the errors); a withdrawn consent is gone with this update.

        Phase 1 (here) renders only the pages of the changed records and publishes
        them; phase 2 (a background thread) then renders everything else (lists,
        dashboards, matching) and publishes again, so the page being edited comes
        back first and a quick series of saves never waits for a full render.
        """
        t0 = time.perf_counter()
        paths = {self._record_path(p) for p in paths}
        records = {p for p in paths if p.parent.name in RECORD_KINDS and p.parent.parent == self.root}
        with self._lock:
            if records == paths:
                raw, touched = self._reload_records(paths)
            else:  # organisation or schema changed: everything may change
                raw, touched = load_dataset(self.root), {}
            self.raw = raw
            self._select(raw)
            ds = self.ds
            self.generation += 1
            if touched:
                cases = dict(self.view.cases)
                for cid in touched.get("cases", set()):
                    if cid in ds.cases:
                        cases[cid] = consented_case(ds.cases[cid], self.today, ds.purposes)
                    else:
                        cases.pop(cid, None)
                self.view = dataclasses.replace(ds, cases=cases)
                self._publish(render_site(self.view, self.today, self.history, overview=False, cases=touched.get("cases", set()),
                                          workplaces=touched.get("workplaces", set()), modules=touched.get("modules", set())),
                              partial=True)
        self._full.set()
        return time.perf_counter() - t0

    def _publish(self, pages: dict[str, str], partial: bool) -> None:
        """Write changed Markdown, let mkdocs rebuild those pages, tell the browsers."""
        stale = set() if partial else set(self.pages) - set(pages)
        merged = {**self.pages, **pages} if partial else pages
        write_docs(pages, self.docs, previous=self.pages)
        remove_docs(self.docs, stale)
        for rel in stale:
            (self.site / rel).with_suffix(".html").unlink(missing_ok=True)
        self.pages = merged
        run_mkdocs(mkdocs_config(self.docs, self.site, self.root / "mkdocs.yml", strict=False), dirty=True)
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def banner(self) -> bytes:
        """The errors of the current records as an HTML banner (German, file:line, no content values); empty when none.

        Shown on every page until the files are fixed: the browser reloads after
        each save, so the banner appears with the save and goes with the fix.
        """
        errors = positioned(list(self.errors), self.root) if self.errors else []
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
                if banner := preview.banner():
                    body = re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + banner, body, count=1)
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


def run(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="site-gen-serve-") as work:
        preview = Preview(args.root.resolve(), today, Path(work), search=not args.no_search)
        server = ThreadingHTTPServer((args.host, args.port), _handler(preview))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        stop, ready = threading.Event(), threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())  # end cleanly: the temporary folder is removed
        watcher = threading.Thread(target=watch, args=(preview, stop, ready), daemon=True)
        watcher.start()
        ready.wait(timeout=30)
        print(f"Vorschau: http://{args.host}:{server.server_address[1]}/ (Strg+C beendet)", flush=True)
        try:
            while watcher.is_alive():
                watcher.join(timeout=0.5)
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            server.shutdown()
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="Vorschau der internen Seite mit automatischem Neuladen")
    p.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: nur dieser Rechner)")
    p.add_argument("--port", type=int, default=8000, help="Port (Standard: 8000; 0 = frei wählen)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT")
    p.add_argument("--no-search", action="store_true", help="ohne Suchindex")
    p.set_defaults(run=run)
